import Foundation
import Testing
@testable import Allocation
import Forecast
import Workforce

/// Capacity expansion (`capacity_expansion` in fund.yaml), on cases worked out by hand: one skill
/// in HN, demand 1,000 and stock 900 every year 2026–2029, no attrition; programme P1 is full
/// (capacity 10 = baseline intake 10), a one-year course adding one engineer per seat, tuition
/// 10 M VND. Its baseline intake adds 10 engineers a year from 2027, so the gap is 100, 90, 80,
/// 70: 340 engineer-years before the plan.
@Suite("Capacity expansion")
struct CapacityExpansionTests {
    static func fullProgramme(budget: [Int: VND], expansion: CapacityExpansionTerms?) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.budget = budget
        builder.onsiteEnabled = false
        builder.internshipsEnabled = false
        builder.addProgram("P1", spare: 0, baseline: 10, tuition: 10_000_000)
        builder.capacityExpansion = expansion
        return builder
    }

    /// 5 M VND a seat, usable the year after it is bought, at most 100 % of capacity (10 seats).
    static let terms = CapacityExpansionTerms(enabled: true, costPerSeat: 5_000_000, leadYears: 1, maximumShareOfCapacity: 1)

    @Test("Without expansion a full programme can buy nothing; with it the plan buys seats, then fills them")
    func expansionOpensAFullProgramme() throws {
        let budget: [Int: VND] = [2026: 500_000_000, 2027: 500_000_000]
        let without = try AllocationPlanner.plan(scenario: Self.fullProgramme(budget: budget, expansion: nil).scenario)
        #expect(without.totalSpend == 0)
        #expect(abs(without.shortageAfter - 340) < 1e-9)
        #expect(abs(without.unreachableShortage - 340) < 1e-9)
        #expect(without.capacityExpansions == nil)

        let with = try AllocationPlanner.plan(scenario: Self.fullProgramme(budget: budget, expansion: Self.terms).scenario)
        // 10 seats bought in 2026 (50 M VND), 10 scholarship seats in 2027 (100 M VND): ten
        // engineers from 2028, 20 engineer-years closed.
        let expansions = try #require(with.capacityExpansions)
        #expect(expansions.map(\.year) == [2026])
        #expect(expansions.map(\.seats) == [10])
        #expect(expansions.map(\.firstIntakeYear) == [2027])
        #expect(with.scholarships.map(\.intakeYear) == [2027])
        #expect(with.scholarships.map(\.seats) == [10])
        #expect(abs(with.totalSpend - 150_000_000) < 1e-6)
        #expect(abs(with.shortageAfter - 320) < 1e-9)
        #expect(abs(with.unreachableShortage - 320) < 1e-9)
        #expect(with.zeroEffectSpend == 0)
        #expect(abs((with.spendByYear.first { $0.year == 2026 }?.capacity ?? -1) - 50_000_000) < 1e-6)
    }

    @Test("Money for only four added seats buys four, and the seats that fill them")
    func theBudgetBoundsTheExpansion() throws {
        let scenario = Self.fullProgramme(budget: [2026: 20_000_000, 2027: 500_000_000], expansion: Self.terms).scenario
        let plan = try AllocationPlanner.plan(scenario: scenario)
        #expect(plan.capacityExpansions?.map(\.seats) == [4])
        #expect(plan.scholarships.map(\.seats) == [4])
        #expect(abs(plan.shortageAfter - 332) < 1e-9)
    }

    @Test("Seats bought too late to take students are not bought, and the lead time is respected", arguments: [0, 1, 2])
    func leadTime(lead: Int) throws {
        var terms = Self.terms
        terms.leadYears = lead
        let scenario = Self.fullProgramme(budget: [2026: 500_000_000, 2027: 500_000_000], expansion: terms).scenario
        let plan = try AllocationPlanner.plan(scenario: scenario)
        for expansion in plan.capacityExpansions ?? [] {
            #expect(expansion.firstIntakeYear == expansion.year + lead)
        }
        for award in plan.scholarships {
            let arrived = (plan.capacityExpansions ?? []).filter { $0.firstIntakeYear <= award.intakeYear }.reduce(0) { $0 + $1.seats }
            #expect(award.seats <= arrived + 1e-9, "seats of \(award.intakeYear) above the capacity added by then")
        }
        // Lead 2 from 2026 reaches 2028, after the last budget year: nothing to buy.
        #expect(plan.capacityExpansions?.isEmpty == (lead == 2))
        #expect(plan.zeroEffectSpend == 0)
    }

    @Test("A plan with expansions scores the same when evaluated as a fixed plan, and its JSON keeps them")
    func evaluationAndJSONKeepTheExpansions() throws {
        let scenario = Self.fullProgramme(budget: [2026: 500_000_000, 2027: 500_000_000], expansion: Self.terms).scenario
        let forecast = try ForecastModel.project(scenario)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        let decoded = try JSONDecoder().decode(AllocationPlan.self, from: Data(try plan.json(frontier: nil).utf8))
        #expect(decoded.capacityExpansions == plan.capacityExpansions)
        let evaluation = try AllocationPlanner.evaluate(decoded, scenario: scenario, forecast: forecast)
        #expect(abs(evaluation.shortageAfter - plan.shortageAfter) < 1e-9)
        #expect(evaluation.capacityExceeded.isEmpty)

        // Without the expansions the same scholarship seats exceed the programme's capacity.
        var stripped = decoded
        stripped.capacityExpansions = []
        let broken = try AllocationPlanner.evaluate(stripped, scenario: scenario, forecast: forecast)
        #expect(broken.capacityExceeded.contains { $0.hasPrefix("capacity[P1,2027]") })
    }

    @Test("Expansion seats no scholarship uses are reported as spend that closes nothing")
    func unusedExpansionIsZeroEffect() throws {
        let scenario = Self.fullProgramme(budget: [2026: 500_000_000, 2027: 500_000_000], expansion: Self.terms).scenario
        let model = try AllocationModel.build(scenario: scenario, forecast: try ForecastModel.project(scenario))
        var values = Array(repeating: 0.0, count: model.columns.count)
        let expansion = try #require(model.columns.firstIndex { $0.kind == .capacity && $0.year == 2026 })
        let seats = try #require(model.columns.firstIndex { $0.kind == .scholarship && $0.year == 2027 })
        values[expansion] = 10
        values[seats] = 6
        let accounting = ShortageAccounting(model: model)
        let unused = accounting.zeroEffectUnits(values, added: accounting.addedSupply(values))
        #expect(unused.count == 1)
        #expect(unused.first?.column == expansion)
        #expect(unused.first?.units == 4)
    }
}
