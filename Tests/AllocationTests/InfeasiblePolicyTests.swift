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
        #expect(conflict.findings.contains("region HP has no programme or posting the fund can buy"))
        #expect(conflict.violations.map(\.row) == ["fair.regional-floor[HP]"])
        #expect(abs((conflict.violations.first?.shortfallShare ?? 0) - 0.2) < 1e-6)
        #expect(conflict.description.hasPrefix("regional-floor cannot hold while the fund spends money"))
    }

    @Test func regionalFloorAndInstitutionCapCannotBothHold() throws {
        // HP's only programme is at INST-C: HP ≥ 60 % but INST-C ≤ 50 %.
        var builder = FairnessTests.twoRegions()
        builder.fairness = FairnessRules(
            institutionShareCap: 0.5, regionalFloor: .init(share: 0.6, regions: ["HP"]), skillMinimumShare: ["MAT": 0.5])
        let conflict = try #require(try Self.conflicts(builder).first)
        #expect(conflict.rules == [.institutionShareCap, .regionalFloor])
        #expect(conflict.description.hasPrefix("institution-share-cap and regional-floor cannot both hold"))
        let error = AllocationError.infeasiblePolicy(conflicts: [conflict])
        #expect(error.description.contains("relax or drop one of them in fund.yaml"))
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
