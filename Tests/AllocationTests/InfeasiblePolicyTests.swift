import Allocation
import Forecast
import Testing
import Workforce

@Suite("Infeasible policies name their conflicting rules")
struct InfeasiblePolicyTests {
    static func conflicts(_ builder: ScenarioBuilder) throws -> [PolicyConflict] {
        do {
            _ = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        } catch let error as AllocationError {
            if case .infeasiblePolicy(let conflicts) = error { return conflicts }
            Issue.record("expected an infeasible policy, got \(error)")
            return []
        }
        Issue.record("expected an infeasible policy, the plan succeeded")
        return []
    }

    @Test func floorForARegionWithNoInstrument() throws {
        var builder = ScenarioBuilder.twoProgrammes()
        builder.addRegion("HP", demand: ["MAT": 1000], stock: ["MAT": 900])
        builder.fairness = FairnessRules(institutionShareCap: 0.9, regionalFloor: .init(share: 0.2, regions: ["HP"]))
        let conflicts = try Self.conflicts(builder)
        let conflict = try #require(conflicts.first)
        #expect(conflict.rules == [.regionalFloor])
        #expect(conflict.findings.contains("region HP has no programme or posting the fund can buy whose engineers would close a shortage"))
        #expect(conflict.violations.map(\.row) == ["fair.regional-floor[HP]"])
        #expect(abs((conflict.violations.first?.shortfallShare ?? 0) - 0.2) < 1e-6)
        #expect(conflict.description.hasPrefix("regional-floor cannot hold while the fund spends money"))
    }

    @Test func aFloorAndABudgetCapHoldTogetherWhenTheFundSpendsLess() throws {
        // HP's only programme is at INST-C: HP ≥ 60 % of effective spend, INST-C ≤ 50 % of the budget.
        // A cap on the budget (not on spend) cannot be escaped by spending more, so both hold when
        // total effective spend stays within 50 % / 60 % of the budget.
        var builder = FairnessTests.twoRegions()
        builder.fairness = FairnessRules(
            institutionShareCap: 0.5, regionalFloor: .init(share: 0.6, regions: ["HP"]), skillMinimumShare: ["MAT": 0.5])
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        let atC = plan.scholarships.filter { $0.institution == "INST-C" }.reduce(0) { $0 + $1.totalCost }
        #expect(atC <= 0.5 * plan.totalBudget + 1)
        #expect(atC >= 0.6 * plan.totalSpend - 1)
        #expect(plan.zeroEffectSpend == 0)
    }

    @Test func aFloorOnlyWasteCouldMeetIsInfeasible() throws {
        var builder = FairnessWithoutWasteTests.threeInstitutions(cap: 1)
        builder.fairness = FairnessRules(regionalFloor: .init(share: 0.2, regions: ["DN"]))
        let conflict = try #require(try Self.conflicts(builder).first)
        #expect(conflict.rules == [.regionalFloor])
        #expect(conflict.findings.contains { $0.contains("region DN has no programme or posting the fund can buy whose engineers") })
    }

    @Test func skillMinimumsAboveOne() throws {
        var builder = ScenarioBuilder.twoProgrammes()
        builder.skills.append(Skill(id: "MOULD", name: "Moulds", weight: 1, attritionRate: 0))
        builder.demand["MOULD"] = ["HN": 1000]
        builder.stock["MOULD"] = ["HN": 900]
        builder.addProgram("P4", institution: "INST-D", skill: "MOULD", spare: 100, tuition: 20_000_000)
        builder.fairness = FairnessRules(skillMinimumShare: ["MAT": 0.7, "MOULD": 0.6])
        let conflict = try #require(try Self.conflicts(builder).first)
        #expect(conflict.rules == [.skillMinimum])
        #expect(conflict.findings.first?.contains("sum to 130.0 % of spend") == true)
    }

    @Test func sameRulesHoldWithAnInstrumentThere() throws {
        var builder = FairnessTests.twoRegions()
        builder.fairness = FairnessRules(regionalFloor: .init(share: 0.6, regions: ["HP"]))
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect((plan.outcome("fair.regional-floor[HP]")?.achievedShare ?? 0) >= 0.6 - 1e-9)
    }

    @Test func aZeroBudgetIsNotAConflict() throws {
        var builder = ScenarioBuilder.twoProgrammes(budget: 0)
        builder.fairness = FairnessRules(skillMinimumShare: ["MAT": 1])
        builder.addRegion("HP", demand: ["MAT": 1000], stock: ["MAT": 900])
        builder.fairness.regionalFloor = .init(share: 0.5, regions: ["HP"])
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(plan.totalSpend == 0)
        #expect(plan.shortageClosed == 0)
    }
}
