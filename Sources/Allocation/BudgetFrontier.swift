import Forecast
import Optimization
import Workforce

/// One point of the budget frontier: the plan at a multiple of the fund's budget.
public struct FrontierPoint: Hashable, Sendable, Codable {
    /// The multiple of every year's budget.
    public var multiplier: Double
    /// Total budget at this multiple, VND.
    public var budget: Double
    /// Total spend of the plan, VND.
    public var spend: Double
    /// Engineer-years of shortage before any plan.
    public var shortageBefore: Double
    /// Engineer-years of shortage after the plan.
    public var shortageAfter: Double
    /// `before − after`.
    public var shortageClosed: Double
    /// VND per engineer-year closed; nil when nothing closes.
    public var costPerEngineerYearClosed: Double?
    /// The plan's objective (weighted, discounted engineer-years).
    public var objective: Double
    /// How the solve ended.
    public var status: PlanStatus
    /// Whether the point is an LP relaxation (fractional seats) rather than an integer plan.
    public var relaxed: Bool
    /// The smaller multiple whose plan this point shows, when that plan, still feasible at this
    /// budget, leaves less shortage than the point's own solve (integer sweep only); nil when
    /// the point shows its own solve.
    public var planFromMultiplier: Double?

    enum CodingKeys: String, CodingKey {
        case multiplier, budget, spend, relaxed
        case planFromMultiplier = "plan_from_multiplier"
        case shortageBefore = "shortage_before"
        case shortageAfter = "shortage_after"
        case shortageClosed = "shortage_closed"
        case costPerEngineerYearClosed = "cost_per_engineer_year_closed"
        case objective, status
    }
}

/// A relaxed frontier point with the optimal basis of its LP, from which the frontier's other
/// relaxed points start (see ``AllocationPlanner/frontier(scenario:forecast:multiples:options:provided:)``).
public struct RelaxedFrontierPoint: Sendable {
    /// The point's figures.
    public var point: FrontierPoint
    /// CLP's optimal basis of the point's LP; nil when CLP gave none.
    public var basis: SimplexBasis?

    /// The model the point was solved in, which the other points' models are made from
    /// (``AllocationModel/rebudgeted(multiplier:)``); nil: each is built.
    var model: AllocationModel?

    /// A point and its LP's basis.
    public init(point: FrontierPoint, basis: SimplexBasis?) {
        self.point = point
        self.basis = basis
    }

    init(point: FrontierPoint, basis: SimplexBasis?, model: AllocationModel) {
        self.init(point: point, basis: basis)
        self.model = model
    }
}

extension AllocationPlanner {
    /// The share of its budget a warm-started relaxed point may leave unspent and still be
    /// taken as solved (more is a point where the spend tie-break picks the vertex).
    static let unspentShare = 1e-6

    /// Plans at each multiple of the budget (e.g. `[0, 0.25, 0.5, 1, 1.5, 2]`), with the other
    /// options as given (binding rules are not priced). Points come in increasing multiple.
    ///
    /// With the LP relaxation the objective is non-increasing in the budget (a larger budget
    /// only loosens the budget rows). An integer plan is optimal only within the relative gap,
    /// so a larger budget's own solve can leave more shortage than a smaller one's; the integer
    /// sweep therefore carries the best plan so far: a plan feasible at a smaller budget is
    /// feasible at a larger one (the budget rows and the caps, shares of the budget, only
    /// loosen; floors are shares of spend, which the budget does not change; it is checked by
    /// evaluating the plan in the larger budget's model), and when it leaves less
    /// shortage than the point's own solve the point shows it, scored in the larger budget's
    /// model, with ``FrontierPoint/planFromMultiplier`` naming where it comes from. Shortage
    /// after is then non-increasing in the budget.
    ///
    /// Relaxed points: one point is solved from scratch, the one at the options' budget
    /// multiplier (or the multiple nearest it), unless `provided` hands it over with its basis
    /// (as ``plan(scenario:forecast:options:relaxation:)`` does, its LP relaxation being that
    /// point); the others start from an optimal basis, in the start point's model with the budget
    /// changed (``AllocationModel/rebudgeted(multiplier:)``). Another multiple moves only the
    /// bounds of the budget rows and budget caps (and the tiny spend tie-break), so that basis
    /// stays nearly dual feasible and the dual simplex needs a few hundred iterations instead of
    /// thousands. The points above the start are solved in increasing order, each from the basis
    /// of the one before; the points below, side by side with them, in decreasing order (the
    /// nearer the basis, the fewer iterations: at national scale twice the budget takes 0.18 s
    /// from 1.5 times' basis against 0.75–1.4 s from the budget's). A multiple of 0 is solved
    /// from scratch: nothing can be bought, CLP's presolve removes nearly every column, while the
    /// dual simplex from a basis must take every bought column out (0.19 s against 3.2 s). A
    /// warm start can end at another vertex optimal within CLP's tolerance, and the spend
    /// tie-break lies below that tolerance: it decides the vertex when
    /// the budget is not all spent, so such a point is solved again from scratch and shows the
    /// same spend as the plan solved alone (with the budget all spent the vertices differ only in
    /// rounding, below 10⁻⁹ of the shortage). A relaxed point is the relaxed plan's figures (the
    /// same model, LP and policy check as ``plan(scenario:forecast:options:)`` with `relax`),
    /// without the rest of the plan. Integer points are planned side by side, each from scratch
    /// (`provided` is ignored). The points do not depend on the number of cores.
    /// - Throws: ``AllocationError`` from the first multiple that cannot be planned; a negative
    ///   multiple is ``AllocationError/invalidOption(_:)``.
    /// - Complexity: one plan per multiple, plus one fixed-column LP per integer point after the
    ///   first, or one more LP per relaxed point that leaves budget unspent.
    public static func frontier(
        scenario: Scenario, forecast: Forecast, multiples: [Double], options: AllocationOptions = AllocationOptions(),
        provided: [Double: @Sendable () -> RelaxedFrontierPoint?] = [:]
    ) throws(AllocationError) -> [FrontierPoint] {
        for multiple in multiples where !(multiple.isFinite && multiple >= 0) {
            throw .invalidOption("budget multiplier \(multiple): give a number ≥ 0, e.g. 1.5")
        }
        let sorted = multiples.sorted()
        @Sendable func pointOptions(_ multiple: Double) -> AllocationOptions {
            var pointOptions = options
            pointOptions.budgetMultiplier = multiple
            pointOptions.priceBindingRules = false
            return pointOptions
        }
        if options.relax {
            var distinct: [Double] = []
            for multiple in sorted where distinct.last != multiple { distinct.append(multiple) }
            guard let startMultiple = distinct.first(where: { provided[$0] != nil })
                ?? distinct.min(by: { abs($0 - options.budgetMultiplier) < abs($1 - options.budgetMultiplier) })
            else { return [] }
            let above = distinct.filter { $0 > startMultiple }
            let below = Array(distinct.filter { $0 < startMultiple }.reversed())
            let started = Handoff<RelaxedFrontierPoint>()
            /// `multiples` in order, each warm from the basis of the one solved before it.
            @Sendable func chain(_ multiples: [Double]) throws(AllocationError) -> [(Double, FrontierPoint)] {
                guard !multiples.isEmpty else { return [] }
                guard var previous = started.wait(), previous.basis != nil, let startModel = previous.model else {
                    return try multiples.map { multiple throws(AllocationError) in
                        (multiple, try relaxedPoint(scenario: scenario, forecast: forecast, options: pointOptions(multiple)).point)
                    }
                }
                var points: [(Double, FrontierPoint)] = []
                for multiple in multiples {
                    let cold = pointOptions(multiple)
                    let model = try startModel.rebudgeted(multiplier: multiple)
                    var solved: RelaxedFrontierPoint
                    if multiple == 0 {
                        solved = try relaxedPoint(of: model, options: cold)
                    } else {
                        var warm = cold
                        warm.startingBasis = previous.basis
                        solved = try relaxedPoint(of: model, options: warm)
                        if solved.point.spend < solved.point.budget * (1 - unspentShare) {
                            solved = try relaxedPoint(of: model, options: cold)
                        }
                    }
                    points.append((multiple, solved.point))
                    // A solve without a basis (CLP gave none) leaves the chain on the last one.
                    if solved.basis != nil { previous = solved }
                }
                return points
            }
            // Tasks are taken in order, so the start is under way before a chain waits for it.
            let solved = try ParallelPlans.map(3) { task throws(AllocationError) -> [(Double, FrontierPoint)] in
                switch task {
                case 0:
                    if let handed = provided[startMultiple]?() {
                        started.fulfil(handed)
                        return [(startMultiple, handed.point)]
                    }
                    do throws(AllocationError) {
                        let start = try relaxedPoint(scenario: scenario, forecast: forecast, options: pointOptions(startMultiple))
                        started.fulfil(start)
                        return [(startMultiple, start.point)]
                    } catch {
                        started.fulfil(nil)
                        throw error
                    }
                case 1: return try chain(above)
                default: return try chain(below)
                }
            }.flatMap { $0 }
            let byMultiple = Dictionary(solved, uniquingKeysWith: { first, _ in first })
            return sorted.compactMap { byMultiple[$0] }
        }
        let plans = try ParallelPlans.map(sorted.count) { index throws(AllocationError) in
            try plan(scenario: scenario, forecast: forecast, options: pointOptions(sorted[index]))
        }
        var points: [FrontierPoint] = []
        // The plan with the least shortage so far and the multiple it was solved at.
        var carried: (plan: AllocationPlan, multiplier: Double)?
        for (multiple, plan) in zip(sorted, plans) {
            var point = FrontierPoint(
                multiplier: multiple, budget: plan.totalBudget, spend: plan.totalSpend,
                shortageBefore: plan.shortageBefore, shortageAfter: plan.shortageAfter,
                shortageClosed: plan.shortageClosed, costPerEngineerYearClosed: plan.costPerEngineerYearClosed,
                objective: plan.objective, status: plan.status, relaxed: options.relax, planFromMultiplier: nil)
            if !options.relax, let best = carried,
                plan.shortageAfter > best.plan.shortageAfter + 1e-9 * max(1, plan.shortageBefore)
            {
                let scored = try evaluate(best.plan, scenario: scenario, forecast: forecast, budgetMultiplier: multiple, options: options)
                if scored.isFeasible, scored.shortageAfter < plan.shortageAfter {
                    point = FrontierPoint(
                        multiplier: multiple, budget: scored.totalBudget, spend: scored.totalSpend,
                        shortageBefore: scored.shortageBefore, shortageAfter: scored.shortageAfter,
                        shortageClosed: scored.shortageClosed, costPerEngineerYearClosed: scored.costPerEngineerYearClosed,
                        objective: scored.objective, status: best.plan.status, relaxed: false,
                        planFromMultiplier: best.multiplier)
                }
            }
            if point.planFromMultiplier == nil, carried.map({ plan.shortageAfter <= $0.plan.shortageAfter }) ?? true {
                carried = (plan, multiple)
            }
            points.append(point)
        }
        return points
    }
}

extension FrontierPoint {
    /// `frontier.csv`: one row per multiple; `relaxed` is `true` for LP points,
    /// `plan_from_multiplier` is empty unless the point shows a smaller budget's plan.
    public static func csv(_ points: [FrontierPoint]) -> String {
        var out = "multiplier,budget_vnd,spend_vnd,shortage_before,shortage_after,shortage_closed,cost_per_engineer_year_closed_vnd,objective,status,relaxed,plan_from_multiplier\n"
        for point in points {
            out += [
                CSVText.number(point.multiplier), CSVText.money(point.budget), CSVText.money(point.spend),
                CSVText.number(point.shortageBefore), CSVText.number(point.shortageAfter),
                CSVText.number(point.shortageClosed), point.costPerEngineerYearClosed.map(CSVText.money) ?? "",
                CSVText.number(point.objective), point.status.rawValue, point.relaxed ? "true" : "false",
                point.planFromMultiplier.map(CSVText.number) ?? "",
            ].joined(separator: ",") + "\n"
        }
        return out
    }
}
