@testable import Allocation
import Forecast
import Testing
import Workforce

/// The integer budget frontier never shows less shortage for less money.
@Suite("Integer frontier: monotone in the budget")
struct FrontierTests {
    /// MAT (weight 1) and PM (weight 10), one region, gaps 100 and 50 a year in 2026–2029, money
    /// only in 2027. P1 (MAT, 10 M VND, 5 spare seats) closes 2 engineer-years per seat; P2 (PM,
    /// 60 M VND, completion 0.5) closes 1 engineer-year per seat, worth 10. At 50 M VND the plan
    /// is 5 P1 seats (10 closed); at 100 M VND the optimum is 1 P2 + 4 P1 seats (objective 18
    /// better, but 9 closed): the plain sweep leaves more shortage for more money.
    static func weightedCase() -> ScenarioBuilder {
        var builder = ScenarioBuilder.twoSkills(
            weights: (1, 10), demand: (1000, 500), stock: (900, 450), budget: [2027: 50_000_000])
        builder.addProgram("P1", institution: "INST-A", skill: "MAT", spare: 5, tuition: 10_000_000)
        builder.addProgram("P2", institution: "INST-B", skill: "PM", spare: 3, tuition: 60_000_000, completion: 0.5)
        return builder
    }

    @Test func thePlainSolveAtTwiceTheBudgetLeavesMoreShortage() throws {
        let builder = Self.weightedCase()
        let once = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast, options: .init(relativeGap: 0))
        let twice = try AllocationPlanner.plan(
            scenario: builder.scenario, forecast: builder.forecast, options: .init(relativeGap: 0, budgetMultiplier: 2))
        #expect(abs(once.shortageClosed - 10) < 1e-6)
        #expect(abs(twice.shortageClosed - 9) < 1e-6)
        #expect(twice.objective < once.objective)
    }

    @Test func theIntegerFrontierCarriesTheSmallerBudgetsPlan() throws {
        let builder = Self.weightedCase()
        let points = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: [2, 0, 1], options: .init(relativeGap: 0))
        #expect(points.map(\.multiplier) == [0, 1, 2])
        #expect(points.allSatisfy { !$0.relaxed })
        #expect(points.map(\.planFromMultiplier) == [nil, nil, 1])
        #expect(abs(points[2].shortageClosed - 10) < 1e-6)
        #expect(abs(points[2].spend - 50_000_000) < 1e-3)
        #expect(abs(points[2].budget - 100_000_000) < 1e-3)
        for (earlier, later) in zip(points, points.dropFirst()) {
            #expect(later.shortageAfter <= earlier.shortageAfter + 1e-9)
        }
        let csv = FrontierPoint.csv(points)
        #expect(csv.hasPrefix("multiplier,budget_vnd"))
        #expect(csv.split(separator: "\n").last?.hasSuffix(",false,1") == true)
    }

    @Test func theRelaxedFrontierShowsItsOwnSolves() throws {
        let builder = Self.weightedCase()
        let points = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: [0, 1, 2], options: .init(relax: true))
        #expect(points.allSatisfy { $0.relaxed && $0.planFromMultiplier == nil })
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func integerFrontierOfRandomScenariosIsMonotone(seed: UInt64) throws {
        var builder = PropertyTests.randomScenario(seed: seed)
        builder.fairness = FairnessRules()
        let points = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: [0, 0.5, 1, 1.5, 2, 4],
            options: .init(relativeGap: 0.05))
        for (earlier, later) in zip(points, points.dropFirst()) {
            #expect(later.shortageAfter <= earlier.shortageAfter + 1e-9, "seed \(seed) at \(later.multiplier)×")
            #expect(later.spend <= later.budget + 1)
        }
    }
}

/// The frontier's points are solved side by side; each must be the plan solved alone.
@Suite("Frontier points solved side by side")
struct ParallelFrontierTests {
    /// Relaxed points other than the start (1×) start from the 1× LP's basis: the same optimum as a solve from scratch up to rounding where the budget is all
    /// spent, and exactly the solve from scratch where it is not (solved again then).
    @Test("each point equals the plan solved alone at its multiple", arguments: [true, false])
    func pointsEqualPlansSolvedAlone(relax: Bool) throws {
        let builder = PropertyTests.randomScenario(seed: 11)
        let options = AllocationOptions(relax: relax, relativeGap: 0.05)
        let points = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: [3, 0, 0.5, 1, 1.5, 2, 0.25, 2.5], options: options)
        #expect(points.map(\.multiplier) == [0, 0.25, 0.5, 1, 1.5, 2, 2.5, 3])
        var unspent = 0
        for point in points where point.planFromMultiplier == nil {
            var alone = options
            alone.budgetMultiplier = point.multiplier
            alone.priceBindingRules = false
            let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast, options: alone)
            let warmStarted = relax && point.multiplier != 1
            if warmStarted && point.spend >= point.budget * (1 - AllocationPlanner.unspentShare) {
                #expect(abs(point.spend - plan.totalSpend) <= 1e-9 * max(1, plan.totalSpend), "\(point.multiplier)×")
                #expect(abs(point.shortageAfter - plan.shortageAfter) <= 1e-9 * max(1, plan.shortageAfter), "\(point.multiplier)×")
                #expect(abs(point.objective - plan.objective) <= 1e-9 * max(1, abs(plan.objective)), "\(point.multiplier)×")
            } else {
                if warmStarted { unspent += 1 }
                #expect(point.spend == plan.totalSpend, "\(point.multiplier)×")
                #expect(point.shortageAfter == plan.shortageAfter, "\(point.multiplier)×")
                #expect(point.objective == plan.objective, "\(point.multiplier)×")
            }
        }
        if relax { #expect(unspent > 0, "a warm-started point leaves budget unspent and is solved again") }
    }

    @Test("the relaxed frontier starts from a handed-over point and its basis")
    func aProvidedStartIsUsed() throws {
        let builder = PropertyTests.randomScenario(seed: 11)
        let options = AllocationOptions(relax: true)
        let handoff = Handoff<RelaxedFrontierPoint>()
        let multiples: [Double] = [0.5, 1, 2]
        let expected = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: multiples, options: options)
        // A marked start shows where the frontier took it from; the other points are unchanged.
        let start = try AllocationPlanner.relaxedPoint(scenario: builder.scenario, forecast: builder.forecast, options: options)
        var marked = start
        marked.point.objective = -1
        handoff.fulfil(marked)
        let points = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: multiples, options: options,
            provided: [1: { handoff.wait() }])
        #expect(points.map(\.objective) == [expected[0].objective, -1, expected[2].objective])
        #expect(start.point == expected[1])
        #expect(start.basis != nil)
    }

    @Test("side-by-side work keeps its order and reports the lowest failing index")
    func orderAndFirstError() throws {
        let squares = try ParallelPlans.map(50) { index throws(AllocationError) in index * index }
        #expect(squares == (0..<50).map { $0 * $0 })
        #expect(throws: AllocationError.invalidOption("7")) {
            _ = try ParallelPlans.map(20) { index throws(AllocationError) -> Int in
                if index == 7 || index == 15 { throw .invalidOption("\(index)") }
                return index
            }
        }
        let (text, number) = try ParallelPlans.both({ () throws(AllocationError) in "a" }, { () throws(AllocationError) in 2 })
        #expect(text == "a" && number == 2)
        #expect(throws: AllocationError.invalidOption("first")) {
            _ = try ParallelPlans.both(
                { () throws(AllocationError) -> Int in throw .invalidOption("first") },
                { () throws(AllocationError) -> Int in throw .invalidOption("second") })
        }
    }
}

/// The frontier's warm points take the start point's model with the budget changed instead of
/// building their own: it must be the model the build makes at that budget, to the bit.
@Suite("A model rebudgeted is the model built at that budget")
struct RebudgetedModelTests {
    @Test(arguments: 0..<6 as Range<UInt64>, [false, true])
    func rebudgetingEqualsBuilding(seed: UInt64, perYear: Bool) throws {
        var builder = PropertyTests.randomScenario(seed: seed)
        builder.fairness.needProportionalTolerance = 0.2
        if perYear { builder.fairness.perYear = ["institution_share_cap", "regional_floor", "skill_minimum_share"] }
        let forecast = try builder.forecast
        let base = try AllocationModel.build(scenario: builder.scenario, forecast: forecast, budgetMultiplier: 1)
        #expect(base.requirements.contains { $0.base == .budget }, "a cap on the budget is rebudgeted too")
        #expect(perYear == base.requirements.contains { $0.year != nil })
        for multiplier in [0, 0.25, 0.5, 1.5, 2, 3.7] {
            let built = try AllocationModel.build(scenario: builder.scenario, forecast: forecast, budgetMultiplier: multiplier)
            let rebudgeted = try base.rebudgeted(multiplier: multiplier)
            #expect(rebudgeted.linearModel == built.linearModel, "seed \(seed), \(multiplier)×")
            #expect(rebudgeted.budget == built.budget)
            #expect(rebudgeted.tieBreakPerBillion == built.tieBreakPerBillion)
            #expect(rebudgeted.budgetMultiplier == multiplier)
        }
        #expect(throws: AllocationError.self) { _ = try base.rebudgeted(multiplier: -1) }
    }
}

/// Rule prices re-solve the LP without each binding group's rows, first warm with an iteration
/// cap, then from scratch: either way the price is the LP's, as solving it from scratch gives.
@Suite("Rule prices")
struct RulePriceTests {
    @Test func pricesAreTheLPsWithoutTheGroup() throws {
        var checked = 0
        for seed in 0..<12 as Range<UInt64> {
            let builder = PropertyTests.randomScenario(seed: seed)
            let forecast = try builder.forecast
            let model = try AllocationModel.build(scenario: builder.scenario, forecast: forecast, budgetMultiplier: 1)
            let relaxed = model.linearModel.relaxed()
            let options = AllocationOptions(relax: true)
            let lp = try AllocationPlanner.solveLP(relaxed, options)
            let with = try #require(lp.objectiveValue)
            for price in try PlanExplainer.priceRules(model, relaxedModel: relaxed, lp: lp, options: options) {
                var without = relaxed
                for row in model.constraints(of: price.rule) { try without.setBounds(of: row, lower: -.infinity, upper: .infinity) }
                let alone = try #require(try AllocationPlanner.solveLP(without, options).objectiveValue)
                let cost = try #require(price.shortageCost)
                #expect(abs(cost - max(0, with - alone)) <= 1e-7 * max(1, abs(with)), "seed \(seed), \(price.rule)")
                checked += 1
            }
        }
        #expect(checked >= 3, "binding groups priced over the seeds: \(checked)")
    }
}
