import Allocation
import Forecast
import Testing
import Workforce

extension AllocationPlan {
    func seats(_ program: String, _ year: Int = 2027) -> Double {
        scholarships.filter { $0.program.rawValue == program && $0.intakeYear == year }.reduce(0) { $0 + $1.seats }
    }

    func interns(_ posting: String, _ year: Int = 2027) -> Double {
        internships.filter { $0.posting.rawValue == posting && $0.year == year }.reduce(0) { $0 + $1.interns }
    }

    func onsiteSeats(_ program: String, _ year: Int = 2027) -> Double {
        onsite.filter { $0.program.rawValue == program && $0.year == year }.reduce(0) { $0 + $1.seats }
    }

    func outcome(_ row: String) -> FairnessOutcome? { fairness.first { $0.row == row } }
}

/// The worked example: gap 100 engineers a year in 2026–2029; a seat bought in 2027 graduates in
/// 2028 and closes 2 engineer-years (2028, 2029). P1 costs 10 M VND, P2 20 M VND; the budget of
/// 410 M VND buys all 30 P1 seats (300 M) and 5.5 P2 seats (110 M).
@Suite("Small models worked out by hand")
struct SmallModelTests {
    @Test func forecastGapIsAsDesigned() throws {
        let forecast = try ScenarioBuilder.twoProgrammes().forecast
        #expect(forecast.gap.values == [100, 100, 100, 100])
    }

    @Test func linearRelaxationBuysTheCheaperProgrammeFirst() throws {
        let builder = ScenarioBuilder.twoProgrammes(budget: 410_000_000)
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast, options: .init(relax: true))
        #expect(plan.status == .optimal)
        #expect(plan.relaxed)
        #expect(abs(plan.seats("P1") - 30) < 1e-6)
        #expect(abs(plan.seats("P2") - 5.5) < 1e-6)
        #expect(abs(plan.shortageBefore - 400) < 1e-9)
        #expect(abs(plan.shortageAfter - 329) < 1e-6)
        #expect(abs(plan.objective - 329) < 1e-3)
        #expect(abs(plan.totalSpend - 410_000_000) < 1)
        #expect(abs((plan.costPerEngineerYearClosed ?? 0) - 410_000_000 / 71) < 1)
    }

    @Test func integerPlanBuysWholeSeats() throws {
        // 405 M VND: the LP buys 30 + 5.25 seats; whole seats: 30 + 5 (35 seats) is the only plan
        // with 35 seats (29 P1 seats leave 115 M, which buys 5 P2 seats).
        let builder = ScenarioBuilder.twoProgrammes(budget: 405_000_000)
        let plan = try AllocationPlanner.plan(
            scenario: builder.scenario, forecast: builder.forecast, options: .init(relativeGap: 1e-9))
        #expect(plan.status == .optimal)
        #expect(!plan.relaxed)
        #expect(plan.seats("P1") == 30)
        #expect(plan.seats("P2") == 5)
        #expect(abs(plan.shortageAfter - 330) < 1e-9)
        #expect(abs(plan.objective - 330) < 1e-3)
        #expect(plan.totalSpend == 400_000_000)
        #expect(plan.spendByYear.map(\.total) == [400_000_000])
        #expect(plan.spendByYear.first?.unspentToDate == 5_000_000)
        let award = try #require(plan.scholarships.first { $0.program == "P2" })
        #expect(award.totalCost == 100_000_000)
        #expect(award.graduationYear == 2028)
        #expect(award.costByYear == [YearAmount(year: 2027, amount: 100_000_000)])
        let lp = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast, options: .init(relax: true))
        #expect(abs(lp.seats("P2") - 5.25) < 1e-6)
        #expect(abs(lp.objective - 329.5) < 1e-3)
    }

    @Test func shortageCellsAfterThePlan() throws {
        let builder = ScenarioBuilder.twoProgrammes(budget: 400_000_000)
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(plan.shortage.map(\.after) == [100, 100, 65, 65])
        #expect(plan.shortage.map(\.added) == [0, 0, 35, 35])
        #expect(plan.shortageBySkill.map(\.closed) == [70])
    }

    @Test func attritionAndDiscountShapeTheObjective() throws {
        // Attrition 10 %: a seat landing in 2028 is worth 1 + 0.9 engineer-years; discount 10 %.
        var builder = ScenarioBuilder.twoProgrammes(budget: 100_000_000)
        builder.skills[0].attritionRate = 0.1
        builder.stock = ["MAT": ["HN": 1000]]
        builder.demand = ["MAT": ["HN": 1100]]
        builder.discountRate = 0.1
        let forecast = try builder.forecast
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: forecast, options: .init(relax: true))
        #expect(abs(plan.seats("P1") - 10) < 1e-6)
        let beta = 1 / 1.1
        var expected = 0.0
        for (y, gap) in forecast.gap.values.enumerated() {
            let added = y == 2 ? 10.0 : y == 3 ? 9.0 : 0
            expected += pow(beta, Double(y)) * max(0, gap - added)
        }
        #expect(abs(plan.objective - expected) < 1e-3)
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= base }
    return result
}
