import Forecast
import Optimization
import Workforce

/// A fixed plan scored under a scenario (usually a variant it was not planned for).
///
/// Made by ``AllocationPlanner/evaluate(_:scenario:forecast:budgetMultiplier:options:)``: the
/// plan's awards are fixed in the allocation model of that scenario and the model's own
/// objective and shortage are read off, so a plan scored under the variant it was planned for
/// gets back its own objective. Encoded as JSON with snake_case keys (`skillplan allocate
/// --evaluate PLAN.json --variant V --json`).
public struct PlanEvaluation: Sendable, Codable {
    /// The scenario's short name.
    public var scenario: String
    /// The variant the plan is scored under.
    public var variant: String
    /// The variant (or `robust`) the plan was made for, as its JSON says.
    public var plannedFor: String
    /// The multiple of `fund.yaml`'s budgets the plan is scored against (the plan's own).
    public var budgetMultiplier: Double
    /// The objective of the variant's model at the plan: weighted, discounted engineer-years of
    /// shortage plus the spend tie-break, comparable with the `objective` of a plan made for
    /// the variant.
    public var objective: Double
    /// Engineer-years of shortage under the variant before any plan.
    public var shortageBefore: Double
    /// Engineer-years of shortage under the variant after the plan.
    public var shortageAfter: Double
    /// `before − after`.
    public var shortageClosed: Double
    /// Total spend of the plan, VND.
    public var totalSpend: Double
    /// Total budget at the plan's multiple, VND.
    public var totalBudget: Double
    /// VND per engineer-year closed under the variant; nil when nothing closes.
    public var costPerEngineerYearClosed: Double?
    /// Engineer-years before and after by skill, in the scenario's order.
    public var shortageBySkill: [ShortageTotal]
    /// Engineer-years before and after by region, in the scenario's order.
    public var shortageByRegion: [ShortageTotal]
    /// Budget years whose budget (or cumulative budget, with carry-over) the plan overspends.
    public var overspentYears: [Int]
    /// Fairness rows (e.g. `fair.regional-floor[HN]`) the plan breaks under the variant.
    public var brokenRules: [String]
    /// Awards above the variant's spare capacity (or slots), e.g. `scholarship P-HUST 2027: 40 > 30`,
    /// and limits over the instruments alone that the plan breaks, e.g. the pool of eligible
    /// students `interns.pool[MAT,HN,2027]: 120 > 100`.
    public var capacityExceeded: [String]

    /// Whether the plan respects every budget, rule and capacity of the variant.
    public var isFeasible: Bool { overspentYears.isEmpty && brokenRules.isEmpty && capacityExceeded.isEmpty }

    enum CodingKeys: String, CodingKey {
        case scenario, variant
        case plannedFor = "planned_for"
        case budgetMultiplier = "budget_multiplier"
        case objective
        case shortageBefore = "shortage_before"
        case shortageAfter = "shortage_after"
        case shortageClosed = "shortage_closed"
        case totalSpend = "total_spend"
        case totalBudget = "total_budget"
        case costPerEngineerYearClosed = "cost_per_engineer_year_closed"
        case shortageBySkill = "shortage_by_skill"
        case shortageByRegion = "shortage_by_region"
        case overspentYears = "overspent_years"
        case brokenRules = "broken_rules"
        case capacityExceeded = "capacity_exceeded"
    }
}

extension AllocationPlanner {
    /// Scores a fixed plan under a scenario: the shortage it leaves, its spend and the objective
    /// of the scenario's own allocation model at the plan.
    ///
    /// The plan's awards become the values of the model's instrument columns (fixed), the
    /// model's LP is solved with its budget and fairness rows freed (so an overspending plan is
    /// still scored, and reported in ``PlanEvaluation/overspentYears``), and the plan is read
    /// back by the same extraction as a planned one: added supply, shortage after and the
    /// objective come from the model itself, not from a second copy of the supply model.
    ///
    /// - Parameters:
    ///   - plan: a plan, e.g. decoded from `skillplan allocate --json` (robust or not).
    ///   - scenario: the scenario with the variant to score under applied.
    ///   - forecast: `ForecastModel.project(scenario)`.
    ///   - budgetMultiplier: the multiple of the budgets to score against; nil: the plan's own.
    /// - Throws: ``AllocationError/invalidOption(_:)`` when the plan belongs to another
    ///   scenario, ``AllocationError/invalidValue(field:value:expected:)`` for an award the
    ///   scenario's model has no instrument for (unknown programme or posting, no spare capacity,
    ///   not a budget year); build errors of ``AllocationModel``.
    /// - Complexity: one model build and one LP whose instrument columns are fixed.
    public static func evaluate(
        _ plan: AllocationPlan, scenario: Scenario, forecast: Forecast, budgetMultiplier: Double? = nil,
        options: AllocationOptions = AllocationOptions()
    ) throws(AllocationError) -> PlanEvaluation {
        guard plan.scenario == scenario.settings.name else {
            throw .invalidOption(
                "the plan is for scenario '\(plan.scenario)', not '\(scenario.settings.name)': score it against the scenario it was planned for")
        }
        let model = try AllocationModel.build(
            scenario: scenario, forecast: forecast,
            configuration: BuildConfiguration(budgetMultiplier: budgetMultiplier ?? plan.budgetMultiplier))
        return try evaluate(plan, in: model, options: options)
    }

    /// Scores a fixed plan in a built model (see the public overload).
    static func evaluate(
        _ plan: AllocationPlan, in model: AllocationModel, options: AllocationOptions
    ) throws(AllocationError) -> PlanEvaluation {
        let fixed = try PlanFixing.columnValues(of: plan, in: model)
        let scored = try PlanFixing.score(fixed, in: model, relaxed: plan.relaxed, options: options)
        let tolerance = 1e-6 * AllocationModel.moneyUnit
        var overspent: [Int] = []
        for year in scored.spendByYear {
            let over = model.carryOver ? -year.unspentToDate : year.total - year.budget
            if over > tolerance { overspent.append(year.year) }
        }
        let broken = scored.fairness.filter { outcome in
            guard outcome.baseAmount > 0 else { return false }
            let slack = 1e-9 * max(outcome.baseAmount, AllocationModel.moneyUnit)
            return outcome.bound == .atLeast
                ? outcome.achievedAmount < outcome.targetShare * outcome.baseAmount - slack
                : outcome.achievedAmount > outcome.targetShare * outcome.baseAmount + slack
        }.map(\.row)
        let scenario = model.scenario
        return PlanEvaluation(
            scenario: scenario.settings.name, variant: scenario.variantName, plannedFor: plan.variant,
            budgetMultiplier: model.budgetMultiplier, objective: scored.objective, shortageBefore: scored.shortageBefore,
            shortageAfter: scored.shortageAfter, shortageClosed: scored.shortageClosed, totalSpend: scored.totalSpend,
            totalBudget: scored.totalBudget, costPerEngineerYearClosed: scored.costPerEngineerYearClosed,
            shortageBySkill: scored.shortageBySkill, shortageByRegion: scored.shortageByRegion,
            overspentYears: overspent, brokenRules: broken, capacityExceeded: fixed.capacityExceeded)
    }
}

/// Fixing a plan's awards in an allocation model and reading the model back at them: the
/// evaluation of a plan under a variant, the budget frontier's carried plans and the robust
/// plan's candidates all go through here.
enum PlanFixing {
    /// Instrument column values (in ``AllocationModel`` column order) for a plan's awards.
    struct Fixed {
        var values: [Double]
        /// Awards above their column's upper bound, in words.
        var capacityExceeded: [String]
    }

    /// Maps every award of `plan` to its column of `model` and sums the units per column.
    /// - Throws: ``AllocationError/invalidValue(field:value:expected:)`` for an award with no column.
    /// - Complexity: O(columns × members + awards).
    static func columnValues(of plan: AllocationPlan, in model: AllocationModel) throws(AllocationError) -> Fixed {
        struct Key: Hashable { var kind: InstrumentKind; var code: String; var year: Int }
        var columnOf: [Key: Int] = [:]
        for (index, column) in model.columns.enumerated() {
            if column.kind == .internship {
                for member in column.members {
                    columnOf[Key(kind: .internship, code: model.scenario.postings[member].id.rawValue, year: column.year)] = index
                }
            } else {
                columnOf[Key(kind: column.kind, code: column.code, year: column.year)] = index
            }
        }
        var values = Array(repeating: 0.0, count: model.columns.count)
        let units: [(Key, Double, String)] =
            plan.scholarships.map { (Key(kind: .scholarship, code: $0.program.rawValue, year: $0.intakeYear), $0.seats, "scholarship") }
            + plan.internships.map { (Key(kind: .internship, code: $0.posting.rawValue, year: $0.year), $0.interns, "internship") }
            + plan.onsite.map { (Key(kind: .onsite, code: $0.program.rawValue, year: $0.year), $0.seats, "on-site training") }
            + (plan.capacityExpansions ?? []).map {
                (Key(kind: .capacity, code: $0.program.rawValue, year: $0.year), $0.seats, "capacity expansion")
            }
            + (plan.relocations ?? []).map {
                (Key(kind: .relocation, code: "\($0.skill):\($0.region):\($0.direction == .arriving ? "in" : "out")", year: $0.year),
                 $0.graduates, "relocation")
            }
        for (key, count, label) in units where count > 0 {
            guard let index = columnOf[key] else {
                throw .invalidValue(
                    field: "the plan's \(label) award \(key.code) in \(key.year)", value: count,
                    expected: "an instrument of scenario '\(model.scenario.settings.name)' (\(model.scenario.variantName)): "
                        + "the programme or posting must exist, have spare capacity (or slots) and the year must be a budget year")
            }
            values[index] += count
        }
        var exceeded: [String] = []
        for (index, column) in model.columns.enumerated() where values[index] > Double(column.upperBound) + 1e-9 {
            exceeded.append("\(column.kind.rawValue) \(column.code) \(column.year): \(values[index]) > \(column.upperBound)")
        }
        return Fixed(values: values, capacityExceeded: exceeded + brokenInstrumentRows(values, in: model))
    }

    /// The plan of `model` whose instrument columns are fixed at `fixed`, read back by
    /// ``PlanExtraction``: its objective is the model's objective at those values. Budget and
    /// fairness rows are freed so that any plan is scored; callers check them on the result.
    /// - Throws: ``AllocationError/solverFailed(_:)`` if the LP cannot be solved.
    static func score(
        _ fixed: Fixed, in model: AllocationModel, relaxed: Bool, options: AllocationOptions
    ) throws(AllocationError) -> AllocationPlan {
        let solution = try solveFixed(fixed.values, in: model, freeRows: true, options: options)
        return PlanExtraction.plan(
            model, lp: solution, final: ColumnValues(model, solution), relaxed: relaxed, solvedModel: model.linearModel,
            explanation: PlanExplanation(budgetShadowPrices: [], bindingRules: [], idlePrograms: []),
            outcome: AllocationPlanner.IntegerOutcome(
                status: .optimal, bestBound: nil, gap: nil, seconds: solution.solveSeconds))
    }

    /// Solves the LP relaxation of `model` with its instrument columns fixed at `values`; with
    /// `freeRows`, the budget and fairness rows and every row over instrument columns alone
    /// (limits such as `interns.pool[…]`) are dropped (made free).
    /// - Throws: ``AllocationError/solverFailed(_:)``, also when the fixed LP is infeasible.
    static func solveFixed(
        _ values: [Double], in model: AllocationModel, freeRows: Bool, options: AllocationOptions
    ) throws(AllocationError) -> Solution {
        var linear = model.linearModel.relaxed()
        do {
            for (column, value) in zip(model.columns, values) {
                try linear.setBounds(of: column.variable, lower: value, upper: value)
            }
            if freeRows {
                for row in model.budgetRows + model.requirementRows + instrumentRows(of: model).map(\.row) {
                    try linear.setBounds(of: row, lower: -.infinity, upper: .infinity)
                }
            }
        } catch { throw .solverFailed(error) }
        var fixedOptions = options
        fixedOptions.startingBasis = nil
        return try AllocationPlanner.solveLP(linear, fixedOptions)
    }

    /// The rows of `model` over instrument columns alone (limits on what may be bought, such as
    /// the pool of eligible students), with each term's column position.
    /// - Complexity: O(nonzeros).
    static func instrumentRows(of model: AllocationModel) -> [(row: Constraint, terms: [(column: Int, coefficient: Double)])] {
        var position: [Variable: Int] = [:]
        for (index, column) in model.columns.enumerated() { position[column.variable] = index }
        let linear = model.linearModel
        return linear.constraints.compactMap { row in
            guard let expression = linear.expression(of: row), !expression.terms.isEmpty else { return nil }
            var terms: [(column: Int, coefficient: Double)] = []
            for (variable, coefficient) in expression.terms {
                guard let index = position[variable] else { return nil }
                terms.append((index, coefficient))
            }
            return (row, terms)
        }
    }

    /// The rows over instrument columns alone that `values` break, in words, e.g.
    /// `interns.pool[MAT,HN,2027]: 120 > 100`.
    static func brokenInstrumentRows(_ values: [Double], in model: AllocationModel) -> [String] {
        let linear = model.linearModel
        return instrumentRows(of: model).compactMap { entry in
            guard let bounds = linear.bounds(of: entry.row), let name = linear.name(of: entry.row) else { return nil }
            let activity = entry.terms.reduce(0) { $0 + $1.coefficient * values[$1.column] }
            let tolerance = 1e-9 * max(1, abs(activity))
            if activity > bounds.upper + tolerance { return "\(name): \(activity) > \(bounds.upper)" }
            if activity < bounds.lower - tolerance { return "\(name): \(activity) < \(bounds.lower)" }
            return nil
        }
    }
}
