import Allocation
import Forecast
import Foundation
import Optimization
import Testing
import Workforce

/// The robust plan over a scenario's variants and the evaluation of a fixed plan under a variant.
@Suite("Robust plan and plan evaluation")
struct RobustTests {
    /// MAT and PM (weight 1, no attrition), one region, gaps 50 a year each in 2026–2029; P-MAT
    /// and P-PM (10 M VND a seat, 200 spare seats, one-year courses landing in 2028), 1.5 bn VND
    /// in 2027: 150 seats, 2 engineer-years each where the gap is open. Variant `mat-boom` grows
    /// the MAT sector 10 %/year, `pm-boom` the PM sector. Each boom's own plan puts at most 50
    /// seats in the other skill; the baseline's plan buys 50 + 50 seats. No plan has zero regret
    /// in both booms, a 75/75 split has 50 in each; a single-variant plan has at least 100.
    static func twoBooms() -> Scenario {
        var builder = ScenarioBuilder.twoSkills(
            weights: (1, 1), demand: (1000, 1000), stock: (950, 950), budget: [2027: 1_500_000_000])
        builder.addProgram("P-MAT", institution: "INST-A", skill: "MAT", spare: 200, tuition: 10_000_000)
        builder.addProgram("P-PM", institution: "INST-B", skill: "PM", spare: 200, tuition: 10_000_000)
        var scenario = builder.scenario
        scenario.variants = [
            ScenarioVariant(name: "mat-boom", sectorGrowthRate: ["S-MAT": 0.1]),
            ScenarioVariant(name: "pm-boom", sectorGrowthRate: ["S-PM": 0.1]),
        ]
        return scenario
    }

    static let exact = AllocationOptions(relativeGap: 0)

    /// Each variant's scenario, forecast and own plan.
    static func ownPlans(_ scenario: Scenario, options: AllocationOptions = exact) throws -> [(Scenario, Forecast, AllocationPlan)] {
        try ([ScenarioVariant.baseline] + scenario.variants).map { variant in
            let applied = scenario.applying(variant)
            let forecast = try ForecastModel.project(applied)
            return (applied, forecast, try AllocationPlanner.plan(scenario: applied, forecast: forecast, options: options))
        }
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test(arguments: [false, true])
    func evaluatingAPlanUnderItsOwnVariantGivesItsObjective(relax: Bool) throws {
        for (scenario, forecast, plan) in try Self.ownPlans(Self.twoBooms(), options: .init(relax: relax, relativeGap: 0)) {
            let score = try AllocationPlanner.evaluate(plan, scenario: scenario, forecast: forecast)
            #expect(Self.close(score.objective, plan.objective), "\(scenario.variantName): \(score.objective) vs \(plan.objective)")
            #expect(Self.close(score.shortageAfter, plan.shortageAfter))
            #expect(Self.close(score.shortageBefore, plan.shortageBefore))
            #expect(Self.close(score.totalSpend, plan.totalSpend))
            #expect(score.isFeasible)
            #expect(score.variant == scenario.variantName && score.plannedFor == scenario.variantName)
        }
    }

    @Test func aPlanScoredUnderAnotherVariantLeavesThatVariantsShortage() throws {
        let plans = try Self.ownPlans(Self.twoBooms())
        let (baseline, matBoom) = (plans[0], plans[1])
        let score = try AllocationPlanner.evaluate(baseline.2, scenario: matBoom.0, forecast: matBoom.1)
        // 50 MAT + 50 PM seats close 100 + 100 engineer-years whatever the MAT gap.
        #expect(Self.close(score.shortageClosed, 200))
        #expect(Self.close(score.shortageBefore, matBoom.2.shortageBefore))
        #expect(score.objective > matBoom.2.objective + 99)
    }

    @Test func theRobustPlansWorstCaseRegretIsNoHigherThanAnySingleVariantPlans() throws {
        let scenario = Self.twoBooms()
        let plans = try Self.ownPlans(scenario)
        let optimum = try plans.map { try AllocationPlanner.evaluate($0.2, scenario: $0.0, forecast: $0.1).objective }
        func worstRegret(_ plan: AllocationPlan) throws -> Double {
            try zip(plans, optimum).map { variant, best in
                try AllocationPlanner.evaluate(plan, scenario: variant.0, forecast: variant.1).objective - best
            }.max() ?? 0
        }
        let robust = try RobustPlanner.plan(scenario: scenario, options: Self.exact)
        let robustWorst = try worstRegret(robust.plan)
        #expect(Self.close(robustWorst, robust.worstCaseRegret))
        for (variant, _, plan) in plans {
            let worst = try worstRegret(plan)
            #expect(robustWorst <= worst + 1e-6, "\(variant.variantName): robust \(robustWorst), single \(worst)")
            #expect(worst >= 99, "\(variant.variantName)'s own plan has regret \(worst)")
        }
        #expect(abs(robustWorst - 50) < 0.01, "the 75/75 split: \(robustWorst)")
        #expect(robust.plan.variant == "robust")
        #expect(robust.source == "robust model")
        #expect(robust.variants.map(\.variant) == ["baseline", "mat-boom", "pm-boom"])
        for outcome in robust.variants {
            #expect(Self.close(outcome.regret, outcome.objective - outcome.ownObjective))
        }
        #expect(robust.comparison.map(\.plan) == ["robust", "baseline", "mat-boom", "pm-boom"])
        #expect(robust.comparison.dropFirst().allSatisfy { $0.worstCaseRegret >= robust.worstCaseRegret - 1e-9 })
        #expect(robust.plan.totalSpend <= robust.plan.totalBudget + 1)
    }

    /// `objective` is the objective of the model `--write-mps` writes: that model with the plan's
    /// seats fixed has this optimum, and it is the worst-case regret plus the mean tie-break.
    @Test func theRobustObjectiveIsTheWrittenModelsObjectiveAtThePlan() throws {
        let robust = try RobustPlanner.plan(scenario: Self.twoBooms(), options: Self.exact)
        var model = try #require(robust.plan.solvedModel)
        #expect(try robust.plan.mps().contains("regret.max"))
        let seats = Dictionary(robust.plan.scholarships.map { ("seats[\($0.program),\($0.intakeYear)]", $0.seats) }, uniquingKeysWith: +)
        for variable in model.variables {
            guard let name = model.name(of: variable), name.hasPrefix("seats["), !name.contains("@") else { continue }
            try model.setBounds(of: variable, lower: seats[name] ?? 0, upper: seats[name] ?? 0)
        }
        let check = try Solver.solve(model, options: .init(relaxIntegrality: true))
        #expect(check.status == .optimal)
        #expect(Self.close(check.objectiveValue ?? .nan, robust.plan.objective, 1e-9))
        let mean = robust.variants.reduce(0) { $0 + $1.objective } / Double(robust.variants.count)
        #expect(Self.close(robust.plan.objective, robust.worstCaseRegret + RobustPlanner.meanTieBreak * mean, 1e-9))
    }

    @Test func theRelaxedRobustPlanIsNoWorseThanTheIntegerOne() throws {
        let scenario = Self.twoBooms()
        let relaxed = try RobustPlanner.plan(scenario: scenario, options: .init(relax: true))
        let integer = try RobustPlanner.plan(scenario: scenario, options: Self.exact)
        #expect(relaxed.plan.relaxed)
        #expect(relaxed.worstCaseRegret <= integer.worstCaseRegret + 1e-6)
    }

    @Test func expectedObjectiveWithAllWeightOnOneVariantIsThatVariantsOptimum() throws {
        let robust = try RobustPlanner.plan(
            scenario: Self.twoBooms(), criterion: .expectedObjective(weights: ["mat-boom": 3]), options: Self.exact)
        let matBoom = try #require(robust.variants.first { $0.variant == "mat-boom" })
        #expect(matBoom.weight == 1)
        #expect(abs(matBoom.regret) < 1e-6)
        #expect(robust.variants.first { $0.variant == "pm-boom" }?.weight == 0)
        #expect(robust.comparison.allSatisfy { $0.expectedObjective != nil })
    }

    @Test func weightsMustNameVariantsAndBePositive() {
        for weights in [["nowhere": 1.0], ["mat-boom": -1], ["mat-boom": 0]] {
            #expect(throws: AllocationError.self) {
                try RobustPlanner.plan(scenario: Self.twoBooms(), criterion: .expectedObjective(weights: weights))
            }
        }
    }

    @Test func aScenarioWithoutVariantsHasNoRobustPlan() {
        #expect(throws: AllocationError.invalidOption("scenario.yaml lists no variants: a robust plan needs at least one besides baseline")) {
            try RobustPlanner.plan(scenario: ScenarioBuilder.twoProgrammes().scenario)
        }
    }

    @Test func theRobustJSONReadsBackAsAPlanThatEvaluatesLikeTheRobustPlan() throws {
        let scenario = Self.twoBooms()
        let robust = try RobustPlanner.plan(scenario: scenario, options: Self.exact)
        let json = try robust.json()
        let decoded = try JSONDecoder().decode(AllocationPlan.self, from: Data(json.utf8))
        #expect(decoded.variant == "robust")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let summary = try #require(object["robust"] as? [String: Any])
        #expect(summary["criterion"] as? String == "minimax-regret")
        let variants = try #require(summary["variants"] as? [[String: Any]])
        #expect(variants.count == 3)
        for (entry, outcome) in zip(variants, robust.variants) {
            let applied = scenario.applying(try #require(scenario.variant(named: outcome.variant)))
            let score = try AllocationPlanner.evaluate(decoded, scenario: applied, forecast: try ForecastModel.project(applied))
            #expect(Self.close(score.objective, outcome.objective))
            #expect(Self.close(entry["regret"] as? Double ?? .nan, outcome.regret))
        }
    }

    @Test func evaluationNamesWhatDoesNotFit() throws {
        let scenario = Self.twoBooms()
        let forecast = try ForecastModel.project(scenario)
        var plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: Self.exact)
        plan.scenario = "elsewhere"
        #expect(throws: AllocationError.self) { try AllocationPlanner.evaluate(plan, scenario: scenario, forecast: forecast) }
        plan.scenario = scenario.settings.name
        plan.scholarships[0].program = "P-NONE"
        do {
            _ = try AllocationPlanner.evaluate(plan, scenario: scenario, forecast: forecast)
            Issue.record("an award of an unknown programme was scored")
        } catch {
            #expect(error.description.contains("P-NONE"))
        }
        plan.scholarships[0].program = "P-MAT"
        plan.scholarships[0].seats = 500
        let score = try AllocationPlanner.evaluate(plan, scenario: scenario, forecast: forecast)
        #expect(score.capacityExceeded.count == 1)
        #expect(!score.isFeasible)
    }
}
