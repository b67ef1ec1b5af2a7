import Allocation
import Forecast
import Testing
import Workforce

@Suite("Validation at model time")
struct ValidationTests {
    static func error(_ change: (inout ScenarioBuilder) -> Void, options: AllocationOptions = .init()) throws -> AllocationError? {
        var builder = ScenarioBuilder.twoProgrammes()
        let forecast = try builder.forecast
        change(&builder)
        do {
            _ = try AllocationPlanner.plan(scenario: builder.scenario, forecast: forecast, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test func negativeBudget() throws {
        let error = try Self.error { $0.budget[2028] = -5 }
        #expect(error == .negativeBudget(year: 2028, amount: -5))
        #expect(error?.description.contains("budget_vnd for 2028 is -5") == true)
    }

    @Test(arguments: [
        (FairnessRules(institutionShareCap: 1.5), FairnessRuleKind.institutionShareCap),
        (FairnessRules(regionalFloor: .init(share: -0.1)), .regionalFloor),
        (FairnessRules(needProportionalTolerance: -1), .needProportionalRegions),
        (FairnessRules(domesticSMEInternshipShare: .nan), .domesticSMEInternships),
        (FairnessRules(skillMinimumShare: ["MAT": 2]), .skillMinimum),
    ])
    func shareOutsideItsRange(rules: FairnessRules, rule: FairnessRuleKind) throws {
        let error = try Self.error { $0.fairness = rules }
        guard case .invalidShare(let kind, _, _, _) = error else {
            Issue.record("expected invalidShare, got \(String(describing: error))")
            return
        }
        #expect(kind == rule)
    }

    @Test func unknownRegionAndSkill() throws {
        #expect(try Self.error { $0.fairness = FairnessRules(regionalFloor: .init(share: 0.1, regions: ["XX"])) }
            == .unknownRegion("XX", referencedBy: "fund.yaml fairness rule regional-floor"))
        #expect(try Self.error { $0.fairness = FairnessRules(skillMinimumShare: ["XX": 0.1]) }
            == .unknownSkill("XX", referencedBy: "fund.yaml fairness rule skill-minimum"))
    }

    @Test func badOptionsAndForeignForecasts() throws {
        #expect(try Self.error({ _ in }, options: .init(budgetMultiplier: -1)) != nil)
        #expect(try Self.error({ _ in }, options: .init(timeLimit: 0)) != nil)
        let other = try ScenarioBuilder.twoProgrammes().forecast
        var builder = ScenarioBuilder.twoProgrammes()
        builder.horizon = 6
        #expect(throws: AllocationError.self) {
            try AllocationPlanner.plan(scenario: builder.scenario, forecast: other)
        }
        builder = ScenarioBuilder.twoProgrammes()
        builder.postings = []
        builder.addPosting("J1", enterprise: "E1", slots: 1, months: 1, stipend: 1)
        builder.enterprises = []
        #expect(throws: AllocationError.unknownEnterprise("E1", referencedBy: "posting J1")) {
            try AllocationPlanner.plan(scenario: builder.scenario, forecast: other)
        }
    }

    @Test("the integer solves keep the plan's gap, log and time limit and skip CBC's preprocessing")
    func integerSolveOptions() {
        let options = AllocationOptions(timeLimit: 30, relativeGap: 0.01, log: true).integerSolveOptions(timeLimit: 7)
        #expect(options.relativeGap == 0.01)
        #expect(options.log)
        #expect(options.timeLimit == 7)
        #expect(!options.mipPreprocessing)
        #expect(!options.relaxIntegrality)
    }
}
