import Forecast
import Optimization
import Workforce

/// Plans once for every variant of a scenario: one set of instruments, judged under each
/// variant's own forecast.
///
/// ## Formulation
/// The variants are `baseline` (the scenario as written) and every variant of `scenario.yaml`.
/// Each variant `v` gets its own allocation model `M_v` (``AllocationModel``, built from the
/// variant's forecast, exactly as `skillplan allocate --variant v` builds it) and its own plan,
/// whose objective (scored by ``AllocationPlanner/evaluate(_:scenario:forecast:budgetMultiplier:options:)``)
/// is `OPT_v`. The robust model is the union of the `M_v` over **shared** columns:
/// - shared: the instrument columns (`seats`, `interns`, `onsite`) and `spend[t]`, hence the
///   budget rows and the fairness rows of the baseline model; an instrument's upper bound is
///   its smallest over the variants (0 when a variant has no such column), so the plan is
///   feasible in every variant;
/// - per variant: everything else of `M_v` (its `landed`, `short` and spend-class columns and
///   their rows), named with the suffix `@<variant>`; a row of `M_v` over shared columns only is
///   added unless the baseline model has the same row (the budget rows are not repeated; a
///   rule that differs by variant, such as need-proportional shares, holds in every variant).
///
/// `obj_v` is `M_v`'s objective over these columns (weighted, discounted shortage plus the spend
/// tie-break), so the robust model follows whatever `M_v` counts.
/// - ``RobustCriterion/minimaxRegret``: minimise `R + η · mean_v obj_v` subject to the rows
///   `regret[v]: R − obj_v ≥ −OPT_v` (`R` free), with `η = ` ``meanTieBreak``: among plans of
///   the same worst-case regret it prefers the one better on average.
/// - ``RobustCriterion/expectedObjective(weights:)``: minimise `Σ_v p_v · obj_v`.
///
/// ## Solving and choosing
/// The LP relaxation is solved by CLP. Integer plans are then candidates: the relaxation
/// rounded down and repaired (``RoundingRepair``), CBC's solve of the robust model (time limit
/// and gap from the options), and each variant's own plan. Every candidate is scored under
/// every variant by the evaluation `--evaluate` uses, and the feasible one best by the
/// criterion (ties: the lower mean objective) is the plan. A variant's own plan is therefore
/// chosen only when no solve of the robust model does better, and the robust plan's worst-case
/// regret (or expected objective) is never worse than any single-variant plan's that is
/// feasible in every variant.
public enum RobustPlanner {
    /// `η`, the weight of the mean objective beside the worst-case regret.
    public static let meanTieBreak = 1e-6

    /// Plans for every variant of `scenario` (the scenario as written, with its `variants`).
    ///
    /// - Parameters:
    ///   - scenario: the scenario as loaded, not a variant of it.
    ///   - criterion: minimax regret, or the expected objective with declared weights.
    ///   - mobility: how each variant's forecast moves graduates between provinces (as
    ///     `ForecastModel.project(_:mobility:)`).
    ///   - options: as for a single plan; `budgetMultiplier`, `relax`, the time limit (per solve)
    ///     and the gap apply to the variants' own plans and to the robust model.
    /// - Throws: ``AllocationError/invalidOption(_:)`` when the scenario has no variant, or for a
    ///   weight of an unknown variant, a negative weight or weights summing to 0; any error of
    ///   planning a variant (``AllocationError/infeasiblePolicy(conflicts:)`` …).
    /// - Complexity: one plan per variant, one LP and at most one MIP of the robust model (about V times
    ///   a single model's size), and up to `(V + 3) · V` LPs with fixed instrument columns to score the
    ///   candidates, for V variants.
    public static func plan(
        scenario: Scenario, criterion: RobustCriterion = .minimaxRegret, mobility: MobilityMode = .scenario,
        options: AllocationOptions = AllocationOptions()
    ) throws(AllocationError) -> RobustPlan {
        try options.validate()
        let start = ContinuousClock.now
        let variants = [ScenarioVariant.baseline] + scenario.variants
        guard variants.count >= 2 else {
            throw .invalidOption("scenario.yaml lists no variants: a robust plan needs at least one besides baseline")
        }
        let weights = try normalisedWeights(criterion, variants: variants.map(\.name))

        // Each variant: its model and its own plan, scored by the evaluation.
        var members: [Member] = []
        for variant in variants {
            let variantScenario = scenario.applying(variant)
            let forecast: Forecast
            do { forecast = try ForecastModel.project(variantScenario, mobility: mobility) } catch { throw .forecastFailed(error) }
            var ownOptions = options
            ownOptions.priceBindingRules = false
            let own = try AllocationPlanner.plan(scenario: variantScenario, forecast: forecast, options: ownOptions)
            let model = try AllocationModel.build(
                scenario: variantScenario, forecast: forecast,
                configuration: BuildConfiguration(budgetMultiplier: options.budgetMultiplier, internLimits: options.internLimits))
            var member = Member(name: variant.name, model: model, ownPlan: own, ownObjective: 0)
            member.ownObjective = try member.score(try PlanFixing.columnValues(of: own, in: model), options: options).objective
            members.append(member)
        }

        // The robust model: the baseline model plus every other variant's block.
        var robust = members[0].model
        robust.linearModel.name = "robust-\(scenario.settings.name)"
        var objectives = [members[0].model.linearModel.objective]
        for member in members.dropFirst() { objectives.append(try merge(member.model, into: &robust)) }
        var objective = LinearExpression()
        switch criterion {
        case .minimaxRegret:
            let regret = robust.linearModel.addVariable("regret.max", lowerBound: -.infinity)
            for (member, variantObjective) in zip(members, objectives) {
                var row = LinearExpression(regret)
                row.add(variantObjective, times: -1)
                robust.linearModel.addConstraint(row, .greaterOrEqual, -member.ownObjective, name: "regret[\(member.name)]")
                objective.add(variantObjective, times: meanTieBreak / Double(members.count))
            }
            objective.add(1, regret)
        case .expectedObjective:
            for (weight, variantObjective) in zip(weights ?? [], objectives) { objective.add(variantObjective, times: weight) }
        }
        robust.linearModel.minimize(objective)

        // Candidates.
        let relaxedModel = robust.linearModel.relaxed()
        let lp = try AllocationPlanner.solveLP(relaxedModel, options)
        let (candidates, bound) = try solve(robust, lp: lp, options: options)
        // Every candidate scored under every variant: the variant's model with the candidate's
        // columns fixed gives the objective (as `--evaluate`), ShortageAccounting the shortage.
        var scored: [Candidate] = []
        for candidate in candidates {
            let scores = try members.map { member throws(AllocationError) in
                try member.score(PlanFixing.Fixed(values: member.values(of: candidate.values, in: robust), capacityExceeded: []), options: options)
            }
            scored.append(Candidate(values: candidate.values, source: candidate.source, solver: candidate.solver, scores: scores))
        }
        var ownScores: [[Score]?] = []
        for member in members {
            // A variant's own plan may buy what another variant's model has no column for.
            var scores: [Score]? = []
            for other in members {
                guard let fixed = try? PlanFixing.columnValues(of: member.ownPlan, in: other.model) else {
                    scores = nil
                    break
                }
                scores?.append(try other.score(fixed, options: options))
            }
            ownScores.append(scores)
            if let scores, let values = try? PlanFixing.columnValues(of: member.ownPlan, in: robust).values {
                scored.append(Candidate(values: values, source: "plan for \(member.name)", solver: member.ownPlan.solver, scores: scores))
            }
        }
        func regrets(_ scores: [Score]) -> [Double] { zip(scores, members).map { $0.objective - $1.ownObjective } }
        func value(_ scores: [Score]) -> Double {
            switch criterion {
            case .minimaxRegret: regrets(scores).max() ?? 0
            case .expectedObjective: zip(weights ?? [], scores).reduce(0) { $0 + $1.0 * $1.1.objective }
            }
        }
        func mean(_ scores: [Score]) -> Double { scores.reduce(0) { $0 + $1.objective } / Double(scores.count) }
        let feasible = scored.filter { $0.scores.allSatisfy(\.feasible) }
        guard let chosen = feasible.min(by: { (value($0.scores), mean($0.scores)) < (value($1.scores), mean($1.scores)) }) else {
            throw .noIntegerPlan(reason: "no candidate plan is feasible in every variant")
        }

        // The chosen plan in the robust model's terms.
        let values = chosen.values
        let fixed = try PlanFixing.solveFixed(values, in: robust, freeRows: false, options: options)
        let robustObjective = fixed.objectiveValue ?? 0
        let gap = max(0, robustObjective - bound) / max(1, abs(robustObjective))
        let elapsed = start.duration(to: .now)
        var plan = PlanExtraction.plan(
            robust, lp: lp, final: ColumnValues(values: values, objective: robustObjective, solver: chosen.solver),
            relaxed: options.relax, solvedModel: options.relax ? relaxedModel : robust.linearModel,
            explanation: PlanExplanation(budgetShadowPrices: [], bindingRules: [], idlePrograms: []),
            outcome: AllocationPlanner.IntegerOutcome(
                status: gap <= options.relativeGap ? .optimal : .stopped, bestBound: bound, gap: gap,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        plan.variant = "robust"

        let chosenRegrets = regrets(chosen.scores)
        let outcomes = members.indices.map { index in
            let score = chosen.scores[index], member = members[index]
            return RobustVariantOutcome(
                variant: member.name, weight: weights?[index], objective: score.objective, ownObjective: member.ownObjective,
                regret: chosenRegrets[index], shortageBefore: score.shortageBefore, shortageAfter: score.shortageAfter,
                shortageClosed: score.shortageBefore - score.shortageAfter, ownShortageAfter: member.ownPlan.shortageAfter,
                ownSpend: member.ownPlan.totalSpend, ownStatus: member.ownPlan.status)
        }
        func comparison(_ name: String, spend: Double, _ scores: [Score]) -> RobustComparison {
            let regret = regrets(scores)
            return RobustComparison(
                plan: name, totalSpend: spend, worstCaseRegret: regret.max() ?? 0,
                expectedObjective: weights.map { zip($0, scores).reduce(0) { $0 + $1.0 * $1.1.objective } },
                byVariant: scores.indices.map {
                    RobustComparison.Score(
                        variant: members[$0].name, objective: scores[$0].objective, regret: regret[$0],
                        shortageAfter: scores[$0].shortageAfter, feasible: scores[$0].feasible)
                })
        }
        var rows = [comparison("robust", spend: plan.totalSpend, chosen.scores)]
        for (member, scores) in zip(members, ownScores) {
            if let scores { rows.append(comparison(member.name, spend: member.ownPlan.totalSpend, scores)) }
        }
        let worst = chosenRegrets.indices.max { chosenRegrets[$0] < chosenRegrets[$1] } ?? 0
        return RobustPlan(
            plan: plan, criterion: criterion, variants: outcomes, worstCaseRegret: chosenRegrets[worst],
            worstVariant: members[worst].name, comparison: rows, source: chosen.source,
            variantPlans: members.map(\.ownPlan))
    }

    /// The robust model's own candidate plans (column values) and the best bound known: the LP's
    /// values with `relax`; otherwise the LP rounded and repaired and, unless that is within the
    /// gap of the LP bound, CBC's solve of the whole robust model (time limit and gap from the
    /// options).
    ///
    /// CBC proves slowly on a min-max objective: on the small synthetic scenario it used its whole
    /// time limit (about 50 s under load) where each single-variant plan took 0.06 s, and the
    /// rounded LP was 21 % above the bound. A first CBC solve restricted to the floor and ceiling
    /// of the LP's values (as the single-variant planner does) was dropped: on the bundled
    /// scenario it aborted the process in CLP (`ClpPrimalColumnSteepest.cpp:727: Assertion
    /// model_->reducedCost(bestSequence) < 0.0`), and where it ran it never ended within the gap.
    static func solve(
        _ robust: AllocationModel, lp: Solution, options: AllocationOptions
    ) throws(AllocationError) -> (candidates: [(values: [Double], source: String, solver: String)], bound: Double) {
        let bound = lp.objectiveValue ?? -.infinity
        if options.relax { return ([(ColumnValues(robust, lp).values, "robust model", lp.solverName)], bound) }
        let rounded = RoundingRepair.plan(robust, lp: lp).values
        let candidates = [(values: rounded, source: "robust model", solver: "LP rounding")]
        if let value = (try? PlanFixing.solveFixed(rounded, in: robust, freeRows: false, options: options))?.objectiveValue,
            max(0, value - bound) / max(1, abs(value)) <= options.relativeGap
        {
            return (candidates, bound)
        }
        var solveOptions = options.integerSolveOptions(timeLimit: options.timeLimit)
        // CBC's preprocessing stays on for the min-max model: without it the small synthetic
        // scenario's robust plan stopped at its 60 s at a 1.18 % gap instead of ending optimal
        // within 0.38 % in 53 s.
        solveOptions.mipPreprocessing = true
        let mip: Solution
        do {
            mip = try Solver.solve(robust.linearModel, options: solveOptions)
        } catch { throw .solverFailed(error) }
        guard mip.hasFeasibleSolution else { return (candidates, bound) }
        return (candidates + [(ColumnValues(robust, mip).values, "robust model", mip.solverName)], max(bound, mip.bestBound ?? bound))
    }

    /// One variant: its model and its own plan.
    struct Member {
        var name: String
        var model: AllocationModel
        var ownPlan: AllocationPlan
        /// The own plan's objective in its model (by the evaluation): `OPT_v`.
        var ownObjective: Double

        /// Values of the robust model's columns as values of this variant's columns (the robust
        /// model gives a column this variant lacks an upper bound of 0).
        func values(of robustValues: [Double], in robust: AllocationModel) -> [Double] {
            struct Key: Hashable { var kind: InstrumentKind; var code: String; var year: Int }
            var index: [Key: Int] = [:]
            for (position, column) in model.columns.enumerated() {
                index[Key(kind: column.kind, code: column.code, year: column.year)] = position
            }
            var values = Array(repeating: 0.0, count: model.columns.count)
            for (column, value) in zip(robust.columns, robustValues) where value > 0 {
                if let position = index[Key(kind: column.kind, code: column.code, year: column.year)] { values[position] = value }
            }
            return values
        }

        /// A plan's score under this variant: the objective of its model with the plan's columns
        /// fixed (what `--evaluate` reports), the shortage by ``ShortageAccounting`` (what the
        /// plan extraction reports), and whether the capacities, budgets and rules hold.
        /// - Complexity: one or two LPs with fixed instrument columns, and the plan's added supply.
        func score(_ fixed: PlanFixing.Fixed, options: AllocationOptions) throws(AllocationError) -> Score {
            let withinBounds = fixed.capacityExceeded.isEmpty
                && zip(model.columns, fixed.values).allSatisfy { $1 <= Double($0.upperBound) + 1e-9 }
                && PlanFixing.brokenInstrumentRows(fixed.values, in: model).isEmpty
            var feasible = withinBounds
            let solution: Solution
            if let kept = try? PlanFixing.solveFixed(fixed.values, in: model, freeRows: false, options: options) {
                solution = kept
            } else {
                solution = try PlanFixing.solveFixed(fixed.values, in: model, freeRows: true, options: options)
                feasible = false
            }
            let cells = ShortageAccounting(model: model).horizonCells(fixed.values)
            return Score(
                objective: solution.objectiveValue ?? 0, shortageBefore: cells.reduce(0) { $0 + $1.before },
                shortageAfter: cells.reduce(0) { $0 + $1.after }, feasible: feasible)
        }
    }

    /// A plan's figures under one variant.
    struct Score {
        var objective: Double
        var shortageBefore: Double
        var shortageAfter: Double
        var feasible: Bool
    }

    /// A candidate plan (robust model's column values) and its scores by variant.
    struct Candidate {
        var values: [Double]
        var source: String
        var solver: String
        var scores: [Score]
    }

    /// The declared weights by variant, normalised; nil under minimax regret.
    static func normalisedWeights(_ criterion: RobustCriterion, variants: [String]) throws(AllocationError) -> [Double]? {
        guard case .expectedObjective(let declared) = criterion else { return nil }
        for (name, weight) in declared.sorted(by: { $0.key < $1.key }) {
            guard variants.contains(name) else {
                throw .invalidOption("robust weight for '\(name)': no such variant; known variants: \(variants.joined(separator: ", "))")
            }
            guard weight.isFinite, weight >= 0 else {
                throw .invalidOption("robust weight \(weight) for '\(name)': give a number ≥ 0")
            }
        }
        let total = declared.values.reduce(0, +)
        guard total > 0 else { throw .invalidOption("robust weights sum to 0: give at least one variant a positive weight") }
        return variants.map { (declared[$0] ?? 0) / total }
    }

    /// Adds `variant`'s model to `robust` over the shared columns (see the formulation) and
    /// returns `variant`'s objective in the robust model's columns.
    /// - Throws: ``AllocationError/forecastMismatch(_:)`` when the variant has other budget years.
    /// - Complexity: O(variant's nonzeros + robust model's rows).
    static func merge(_ variant: AllocationModel, into robust: inout AllocationModel) throws(AllocationError) -> LinearExpression {
        let suffix = "@" + variant.scenario.variantName
        let source = variant.linearModel
        guard variant.budgetYears == robust.budgetYears else {
            throw .forecastMismatch("variant \(variant.scenario.variantName) has other budget years than the baseline")
        }
        struct Key: Hashable { var kind: InstrumentKind; var code: String; var year: Int }
        var robustColumn: [Key: Int] = [:]
        for (index, column) in robust.columns.enumerated() {
            robustColumn[Key(kind: column.kind, code: column.code, year: column.year)] = index
        }
        var mapped = [Variable?](repeating: nil, count: source.variableCount)
        var shared = [Bool](repeating: false, count: source.variableCount)
        var upper = robust.columns.map { _ in 0 }
        for column in variant.columns {
            shared[column.variable.index] = true
            guard let index = robustColumn[Key(kind: column.kind, code: column.code, year: column.year)] else { continue }
            mapped[column.variable.index] = robust.columns[index].variable
            upper[index] = column.upperBound
        }
        do {
            for index in robust.columns.indices where upper[index] < robust.columns[index].upperBound {
                robust.columns[index].upperBound = upper[index]
                try robust.linearModel.setBounds(of: robust.columns[index].variable, lower: 0, upper: Double(upper[index]))
            }
        } catch { throw .solverFailed(error) }
        for (own, common) in zip(variant.spendVariables, robust.spendVariables) {
            mapped[own.index] = common
            shared[own.index] = true
        }
        for variable in source.variables where !shared[variable.index] {
            let bounds = source.bounds(of: variable) ?? 0...Double.infinity
            mapped[variable.index] = robust.linearModel.addVariable(
                (source.name(of: variable) ?? "\(variable)") + suffix, lowerBound: bounds.lowerBound,
                upperBound: bounds.upperBound, isInteger: source.isInteger(variable))
        }
        func image(_ expression: LinearExpression) -> LinearExpression {
            var result = LinearExpression(expression.constant)
            for (variable, coefficient) in expression.terms {
                if let target = mapped[variable.index] { result.add(coefficient, target) }
            }
            return result
        }
        var baseRows: [String: Constraint] = [:]
        for row in robust.linearModel.constraints {
            if let name = robust.linearModel.name(of: row) { baseRows[name] = row }
        }
        func sameAsBase(_ name: String, _ expression: LinearExpression, _ bounds: (lower: Double, upper: Double)) -> Bool {
            guard let twin = baseRows[name], let twinBounds = robust.linearModel.bounds(of: twin),
                let twinExpression = robust.linearModel.expression(of: twin)
            else { return false }
            return twinBounds == bounds && twinExpression.constant == expression.constant
                && Dictionary(uniqueKeysWithValues: twinExpression.terms.map { ($0.key, $0.value) })
                    == Dictionary(uniqueKeysWithValues: expression.terms.map { ($0.key, $0.value) })
        }
        for row in source.constraints {
            guard let expression = source.expression(of: row), let bounds = source.bounds(of: row),
                let name = source.name(of: row)
            else { continue }
            let mappedRow = image(expression)
            if expression.terms.keys.allSatisfy({ shared[$0.index] }), sameAsBase(name, mappedRow, bounds) { continue }
            robust.linearModel.addConstraint(name + suffix, bounds.lower, mappedRow, bounds.upper)
        }
        return image(source.objective)
    }
}
