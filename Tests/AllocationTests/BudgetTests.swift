import Allocation
import Forecast
import Testing
import Workforce

@Suite("Budget: shadow prices, carry-over, frontier")
struct BudgetTests {
    @Test func shadowPriceIsEngineerYearsPerBillion() throws {
        // At 410 M VND the marginal seat is P2 (20 M VND, 2 engineer-years): 100 per billion.
        let builder = ScenarioBuilder.twoProgrammes(budget: 410_000_000)
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast, options: .init(relax: true))
        let price = try #require(plan.explanation.budgetShadowPrices.first)
        #expect(price.year == 2027)
        #expect(abs(price.engineerYearsPerBillion - 100) < 1e-3)
        #expect(price.shadowPrice == -price.engineerYearsPerBillion)
        #expect(abs(price.spentInRelaxation - 410_000_000) < 1)
    }

    @Test func shadowPriceMatchesFiniteDifferences() throws {
        let builder = ScenarioBuilder.twoProgrammes(budget: 410_000_000)
        let forecast = try builder.forecast
        func objective(_ multiplier: Double) throws -> Double {
            try AllocationPlanner.plan(
                scenario: builder.scenario, forecast: forecast, options: .init(relax: true, budgetMultiplier: multiplier)
            ).objective
        }
        let delta = 0.01, billions = 0.41 * delta
        let base = try objective(1)
        let up = (try objective(1 + delta) - base) / billions
        let down = (base - (try objective(1 - delta))) / billions
        let price = try AllocationPlanner.plan(scenario: builder.scenario, forecast: forecast, options: .init(relax: true))
            .explanation.budgetShadowPrices[0].shadowPrice
        #expect(abs(up - price) < 1e-3)
        #expect(abs(down - price) < 1e-3)
    }

    /// Two budget years with carry-over, attrition and discount: the price of each year's budget
    /// (a sum of cumulative rows' duals) lies between the one-sided finite differences.
    @Test(arguments: [2027, 2028])
    func carryOverShadowPricesMatchFiniteDifferences(year: Int) throws {
        var builder = ScenarioBuilder()
        builder.horizon = 5
        builder.skills[0].attritionRate = 0.1
        builder.discountRate = 0.05
        builder.demand = ["MAT": ["HN": 1200]]
        builder.stock = ["MAT": ["HN": 1000]]
        builder.carryOver = true
        builder.budget = [2027: 300_000_000, 2028: 330_000_000]
        builder.addProgram("P1", institution: "INST-A", spare: 20, tuition: 10_000_000)
        builder.addProgram("P2", institution: "INST-B", duration: 2, spare: 100, tuition: 12_000_000)
        builder.addProgram("P3", institution: "INST-B", spare: 100, tuition: 30_000_000)
        let forecast = try builder.forecast
        func objective(_ change: VND) throws -> Double {
            var changed = builder
            changed.budget[year, default: 0] += change
            return try AllocationPlanner.plan(scenario: changed.scenario, forecast: forecast, options: .init(relax: true)).objective
        }
        let base = try objective(0)
        let step: VND = 1_000_000
        let up = (try objective(step) - base) / 1e-3
        let down = (base - (try objective(-step))) / 1e-3
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: forecast, options: .init(relax: true))
        let price = try #require(plan.explanation.budgetShadowPrices.first { $0.year == year }).shadowPrice
        #expect(price < -1)
        #expect(price >= min(up, down) - 1e-4)
        #expect(price <= max(up, down) + 1e-4)
    }

    @Test func carryOverLetsMoneyMoveToLaterYears() throws {
        // 600 M VND in 2027, nothing in 2028; 30 spare seats a year at 10 M VND.
        var builder = ScenarioBuilder()
        builder.budget = [2027: 600_000_000, 2028: 0]
        builder.addProgram("P1", spare: 30, tuition: 10_000_000)
        let without = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(without.seats("P1", 2027) == 30)
        #expect(without.seats("P1", 2028) == 0)
        #expect(abs(without.objective - 340) < 1e-3)
        #expect(without.spendByYear.map(\.total) == [300_000_000, 0])

        builder.carryOver = true
        let with = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(with.seats("P1", 2027) == 30)
        #expect(with.seats("P1", 2028) == 30)
        #expect(abs(with.objective - 310) < 1e-3)
        #expect(with.spendByYear.map(\.total) == [300_000_000, 300_000_000])
        #expect(with.spendByYear.map(\.unspentToDate) == [300_000_000, 0])
    }

    @Test func frontierIsMonotone() throws {
        let builder = ScenarioBuilder.twoProgrammes()
        let multiples = [0, 0.25, 0.5, 1, 1.5, 2]
        let points = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: multiples, options: .init(relax: true))
        #expect(points.map(\.multiplier) == multiples)
        #expect(points[0].shortageClosed == 0)
        #expect(points[0].costPerEngineerYearClosed == nil)
        // 1×: 30 P1 + 5 P2 seats close 70; 2×: 30 + 25 seats close 110.
        #expect(abs(points[3].shortageClosed - 70) < 1e-6)
        #expect(abs(points[5].shortageClosed - 110) < 1e-6)
        #expect(abs((points[3].costPerEngineerYearClosed ?? 0) - 400_000_000.0 / 70) < 1)
        for (earlier, later) in zip(points, points.dropFirst()) {
            #expect(later.shortageAfter <= earlier.shortageAfter + 1e-9)
            #expect(later.objective <= earlier.objective + 1e-9)
        }
        #expect(FrontierPoint.csv(points).hasPrefix("multiplier,budget_vnd"))
    }
}
