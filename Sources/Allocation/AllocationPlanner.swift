import Forecast
import Optimization
import Workforce

/// Plans the fund's allocation: builds the model, solves its LP relaxation (for the explanation
/// and the policy check) and the integer model, and explains the result.
///
/// Steps of ``plan(scenario:forecast:options:)``:
/// 1. Build ``AllocationModel`` (validation first: typed errors, never a crash).
/// 2. Solve the LP relaxation with CLP: duals and reduced costs for the explanation.
/// 3. Policy check: every fairness rule is a share of spend, so spending nothing always satisfies
///    them. If the relaxation spends nothing while the same LP without the rules spends money, the
///    rules are checked for a plan that spends at least 1 % of that; when none exists, the
///    conflicting rule groups are found and ``AllocationError/infeasiblePolicy(conflicts:)`` thrown.
/// 4. Solve the integer model with CBC (relative gap and time limit from the options), unless
///    ``AllocationOptions/relax`` asks for the relaxation's plan.
/// 5. Explain: budget shadow prices, binding rules and what each costs, idle programmes.
public enum AllocationPlanner {
    /// Plans a scenario, projecting its forecast first.
    /// - Throws: see ``plan(scenario:forecast:options:)``; ``AllocationError/forecastFailed(_:)``.
    public static func plan(scenario: Scenario, options: AllocationOptions = AllocationOptions()) throws(AllocationError) -> AllocationPlan {
        let forecast: Forecast
        do { forecast = try ForecastModel.project(scenario) } catch { throw .forecastFailed(error) }
        return try plan(scenario: scenario, forecast: forecast, options: options)
    }

    /// Plans a scenario from its forecast.
    ///
    /// - Throws: ``AllocationError``: invalid budgets, shares, references or options;
    ///   ``AllocationError/infeasiblePolicy(conflicts:)`` naming the rule groups that conflict;
    ///   ``AllocationError/noIntegerPlan(reason:)`` when the time limit stops CBC before any plan.
    /// - Complexity: building is linear in the scenario (see ``AllocationModel/build(scenario:forecast:budgetMultiplier:)``);
    ///   then one LP, one MIP, and one LP per binding rule group.
    public static func plan(
        scenario: Scenario, forecast: Forecast, options: AllocationOptions = AllocationOptions()
    ) throws(AllocationError) -> AllocationPlan {
        try plan(scenario: scenario, forecast: forecast, options: options, relaxation: nil)
    }

    /// Plans a scenario and hands `relaxation` the relaxed budget frontier's point at the plan's
    /// budget as soon as it is known (the LP relaxation is the integer plan's first step): the
    /// point ``frontier(scenario:forecast:multiples:options:provided:)`` finds there with `relax`
    /// set, with the basis the frontier's other points start from. `relaxation` is not called
    /// when the plan fails before it, nor for a relaxed plan.
    public static func plan(
        scenario: Scenario, forecast: Forecast, options: AllocationOptions,
        relaxation: (@Sendable (RelaxedFrontierPoint) -> Void)?
    ) throws(AllocationError) -> AllocationPlan {
        let (model, relaxedModel, lp) = try relaxationChecked(scenario: scenario, forecast: forecast, options: options)
        if let relaxation, !options.relax {
            relaxation(relaxedPoint(model, lp: lp, multiplier: options.budgetMultiplier))
        }

        let final: ColumnValues
        let solvedModel: LinearModel
        var outcome: IntegerOutcome
        let rules: [RuleCost]
        if options.relax {
            final = ColumnValues(model, lp)
            solvedModel = relaxedModel
            outcome = IntegerOutcome(status: .optimal, bestBound: lp.objectiveValue, gap: 0, seconds: lp.solveSeconds)
            rules = try PlanExplainer.priceRules(model, relaxedModel: relaxedModel, lp: lp, options: options)
        } else {
            // Whole seats and the rules' prices both start from the LP relaxation alone: worked out
            // side by side.
            let (integer, priced) = try ParallelPlans.both(
                { () throws(AllocationError) in try solveInteger(model, lp: lp, options: options) },
                { () throws(AllocationError) in try PlanExplainer.priceRules(model, relaxedModel: relaxedModel, lp: lp, options: options) })
            (final, outcome) = integer
            rules = priced
            outcome.seconds += lp.solveSeconds
            solvedModel = model.linearModel
        }
        let explanation = PlanExplainer.explain(model, lp: lp, final: final, rules: rules)
        return PlanExtraction.plan(
            model, lp: lp, final: final, relaxed: options.relax, solvedModel: solvedModel,
            explanation: explanation, outcome: outcome)
    }

    /// The relaxed frontier's point at `options.budgetMultiplier`: what ``plan(scenario:forecast:options:)``
    /// finds with `relax` set (the same model, LP and policy check), reduced to the point's figures
    /// without the rest of a plan (awards, explanation).
    static func relaxedPoint(
        scenario: Scenario, forecast: Forecast, options: AllocationOptions
    ) throws(AllocationError) -> RelaxedFrontierPoint {
        let (model, _, lp) = try relaxationChecked(scenario: scenario, forecast: forecast, options: options)
        return relaxedPoint(model, lp: lp, multiplier: options.budgetMultiplier)
    }

    /// The same from a model already built (``AllocationModel/rebudgeted(multiplier:)``).
    static func relaxedPoint(of model: AllocationModel, options: AllocationOptions) throws(AllocationError) -> RelaxedFrontierPoint {
        let (_, lp) = try checkedRelaxation(of: model, options: options)
        return relaxedPoint(model, lp: lp, multiplier: options.budgetMultiplier)
    }

    /// Steps 1–3 of a plan: the model, its LP relaxation solved (from `options.startingBasis`
    /// when given), the policy checked.
    private static func relaxationChecked(
        scenario: Scenario, forecast: Forecast, options: AllocationOptions
    ) throws(AllocationError) -> (model: AllocationModel, relaxedModel: LinearModel, lp: Solution) {
        try options.validate()
        let model = try AllocationModel.build(
            scenario: scenario, forecast: forecast,
            configuration: BuildConfiguration(budgetMultiplier: options.budgetMultiplier, internLimits: options.internLimits))
        let (relaxedModel, lp) = try checkedRelaxation(of: model, options: options)
        return (model, relaxedModel, lp)
    }

    /// Steps 2–3: the model's LP relaxation solved, the policy checked.
    private static func checkedRelaxation(
        of model: AllocationModel, options: AllocationOptions
    ) throws(AllocationError) -> (relaxedModel: LinearModel, lp: Solution) {
        try options.validate()
        let relaxedModel = model.linearModel.relaxed()
        let lp = try solveLP(relaxedModel, options)
        // The policy check re-solves the same LP with the rule rows freed and asks only whether it
        // spends: it starts from the relaxation's basis.
        var warm = options
        warm.startingBasis = lp.basis
        try checkPolicy(model, relaxedModel: relaxedModel, lp: lp, options: warm)
        return (relaxedModel, lp)
    }

    static func relaxedPoint(_ model: AllocationModel, lp: Solution, multiplier: Double) -> RelaxedFrontierPoint {
        let values = ColumnValues(model, lp)
        let point = PlanExtraction.Totals(model, final: values, relaxed: true)
            .point(model, multiplier: multiplier, objective: values.objective, status: .optimal, relaxed: true)
        return RelaxedFrontierPoint(point: point, basis: lp.basis, model: model)
    }

    /// How the integer phase ended, in the full model's terms.
    struct IntegerOutcome {
        var status: PlanStatus
        var bestBound: Double?
        var gap: Double?
        var seconds: Double
    }

    /// Step 4: whole seats.
    ///
    /// With share rules at the national scale CBC's own heuristics can run out of time without
    /// any plan, so the LP relaxation is used first:
    /// 1. ``RoundingRepair``: round down, repair the fairness rows (always gives a plan); if that
    ///    is not within the gap, the same from an LP whose fairness rows hold with a 0.5 % (then 2 %) margin
    ///    (so rounding does not break them). A plan within the relative gap of the LP bound is
    ///    the plan.
    /// 2. Otherwise CBC solves a small sub-model (columns whole in the LP fixed, fractional ones
    ///    between floor and ceiling), with a quarter of the time.
    /// 3. Otherwise the full model goes to CBC with the time left; the best plan wins.
    /// The status is `stopped` when the plan is not proven within the gap; `gap` is against the
    /// best bound known (the LP relaxation's, or CBC's when tighter). The explanation always
    /// comes from the LP relaxation.
    static func solveInteger(
        _ model: AllocationModel, lp: Solution, options: AllocationOptions
    ) throws(AllocationError) -> (ColumnValues, IntegerOutcome) {
        let start = ContinuousClock.now
        func elapsed() -> Double {
            let duration = start.duration(to: .now)
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        let lpBound = lp.objectiveValue ?? -.infinity
        func gap(_ objective: Double, _ bound: Double) -> Double { max(0, objective - bound) / max(1, abs(objective)) }
        func subModel(allowDecrease: Bool) throws(AllocationError) -> LinearModel {
            var sub = model.linearModel
            do {
                for column in model.columns {
                    let value = max(0, lp.value(of: column.variable))
                    let nearest = value.rounded()
                    if abs(value - nearest) <= 1e-6 {
                        try sub.setBounds(of: column.variable, lower: allowDecrease ? 0 : nearest, upper: nearest)
                    } else {
                        try sub.setBounds(
                            of: column.variable, lower: allowDecrease ? 0 : value.rounded(.down),
                            upper: min(Double(column.upperBound), value.rounded(.up)))
                    }
                }
            } catch { throw .solverFailed(error) }
            return sub
        }
        func mip(_ linear: LinearModel, _ seconds: Double?) throws(AllocationError) -> Solution {
            do {
                return try Solver.solve(linear, options: options.integerSolveOptions(timeLimit: seconds.map { max($0, 1) }))
            } catch { throw .solverFailed(error) }
        }
        func remaining(_ share: Double) -> Double? { options.timeLimit.map { max(1, ($0 - elapsed()) * share) } }

        var best = RoundingRepair.plan(model, lp: lp)
        var bound = lpBound
        if gap(best.objective, bound) > options.relativeGap, !model.requirements.isEmpty {
            // Shares met exactly by the LP break when rounded; round an LP whose rules hold with
            // a margin instead (floors raised, caps lowered by 0.5 %, then 2 %, of their target).
            let subjects = RuleSubjects(model)
            func spend(_ indices: [Int]) -> Double {
                indices.reduce(0.0) { $0 + max(0, lp.value(of: model.columns[$1].variable)) * Double(model.columns[$1].cost.total) }
            }
            let lpSpend = subjects.spend { spend([$0]) }
            for share in [0.005, 0.02] where gap(best.objective, bound) > options.relativeGap {
                var margined = model.linearModel.relaxed()
                do {
                    for (requirement, row) in zip(model.requirements, model.requirementRows) {
                        let base = subjects.base(requirement, lpSpend)
                        let margin = share * requirement.share * base / AllocationModel.moneyUnit
                        let original = requirement.base == .budget ? requirement.share * base / AllocationModel.moneyUnit : 0
                        try margined.setRightHandSide(requirement.bound == .atLeast ? original + margin : original - margin, of: row)
                    }
                } catch { throw .solverFailed(error) }
                if let marginLP = try? solveLP(margined, options) {
                    let candidate = RoundingRepair.plan(model, lp: marginLP)
                    if candidate.objective < best.objective { best = candidate }
                }
            }
        }
        if gap(best.objective, bound) <= options.relativeGap {
            return (best, IntegerOutcome(status: .optimal, bestBound: bound, gap: gap(best.objective, bound), seconds: elapsed()))
        }
        let sub = try mip(try subModel(allowDecrease: false), remaining(0.25))
        if sub.hasFeasibleSolution, let value = sub.objectiveValue, value < best.objective {
            best = ColumnValues(model, sub)
            if gap(value, bound) <= options.relativeGap {
                return (best, IntegerOutcome(status: .optimal, bestBound: bound, gap: gap(value, bound), seconds: elapsed()))
            }
        }
        let full = try mip(model.linearModel, remaining(1))
        if full.status == .optimal, let value = full.objectiveValue, value <= best.objective + 1e-9 * max(1, abs(value)) {
            return (ColumnValues(model, full), IntegerOutcome(
                status: .optimal, bestBound: full.bestBound ?? value, gap: full.relativeGap ?? 0, seconds: elapsed()))
        }
        if full.hasFeasibleSolution, let fullBound = full.bestBound { bound = max(bound, fullBound) }
        if full.hasFeasibleSolution, let value = full.objectiveValue, value < best.objective {
            best = ColumnValues(model, full)
        }
        let status: PlanStatus = gap(best.objective, bound) <= options.relativeGap ? .optimal : .stopped
        return (best, IntegerOutcome(status: status, bestBound: bound, gap: gap(best.objective, bound), seconds: elapsed()))
    }

    /// Solves a model's LP relaxation with CLP and requires an optimal solution.
    static func solveLP(_ model: LinearModel, _ options: AllocationOptions) throws(AllocationError) -> Solution {
        let solution: Solution
        let basis = options.startingBasis.flatMap { basis in
            basis.columnCount == model.variableCount && basis.rowCount == model.constraintCount ? basis : nil
        }
        do {
            solution = try Solver.solve(model, options: SolveOptions(
                timeLimit: options.timeLimit, relaxIntegrality: true, log: options.log, startingBasis: basis,
                iterationLimit: options.iterationLimit))
        } catch { throw .solverFailed(error) }
        guard solution.status == .optimal else {
            throw .solverFailed(OptimizationError(
                .solverFailure, "the LP relaxation of \(model.name) ended \(solution.status)"))
        }
        return solution
    }

    /// Step 3: throws when the rules force the plan to spend nothing although money would help.
    static func checkPolicy(
        _ model: AllocationModel, relaxedModel: LinearModel, lp: Solution, options: AllocationOptions
    ) throws(AllocationError) {
        guard !model.requirements.isEmpty else { return }
        let scale = max(1e-3, model.budget.reduce(0, +) / AllocationModel.moneyUnit)
        guard model.totalSpendBillions(lp) <= 1e-6 * scale else { return }
        var free = relaxedModel
        do {
            for row in model.requirementRows { try free.setBounds(of: row, lower: -.infinity, upper: .infinity) }
        } catch { throw .solverFailed(error) }
        let freeSpend = model.totalSpendBillions(try solveLP(free, options))
        guard freeSpend > 1e-6 * scale else { return }
        if let conflict = try ConflictFinder.find(
            scenario: model.scenario, forecast: model.forecast, budgetMultiplier: model.budgetMultiplier,
            minimumSpendBillions: 0.01 * freeSpend, options: options)
        {
            throw .infeasiblePolicy(conflicts: [conflict])
        }
    }
}
