import Forecast
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

extension AllocationPlanner {
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
    /// The points are solved side by side, one per core (CLP solves run in parallel, see
    /// ``Solver``); each is the same computation as when solved alone, so the points do not
    /// depend on the number of cores. A relaxed point is the relaxed plan's figures (the same
    /// model, LP and policy check as ``plan(scenario:forecast:options:)`` with `relax`), worked
    /// out without the rest of the plan. `provided` may give a relaxed point instead (its closure
    /// may wait for it, and returns nil to have it solved), as
    /// ``plan(scenario:forecast:options:relaxation:)`` hands out the point at the plan's budget;
    /// provided points are taken last, when they are likeliest to be ready. The integer sweep
    /// ignores `provided`.
    /// - Throws: ``AllocationError`` from the first multiple that cannot be planned; a negative
    ///   multiple is ``AllocationError/invalidOption(_:)``.
    /// - Complexity: one plan per multiple, plus one fixed-column LP per integer point after the first.
    public static func frontier(
        scenario: Scenario, forecast: Forecast, multiples: [Double], options: AllocationOptions = AllocationOptions(),
        provided: [Double: @Sendable () -> FrontierPoint?] = [:]
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
        // Each point is solved from scratch. Warm-starting from the last point's basis cut the
        // national frontier from 18.6 s to 8.3 s, but it ended at vertices optimal only within
        // CLP's tolerance, which the spend tie-break is below: on the bundled scenario the plan
        // at 2× the budget spent 1,108 instead of 1,054 bn VND for the same shortage.
        if options.relax {
            // Provided multiples are taken last (the work is handed out in this order).
            let order = sorted.indices.filter { provided[sorted[$0]] == nil } + sorted.indices.filter { provided[sorted[$0]] != nil }
            let inOrder = try ParallelPlans.map(order.count) { position throws(AllocationError) in
                let multiple = sorted[order[position]]
                if let known = provided[multiple]?() { return known }
                return try relaxedPoint(scenario: scenario, forecast: forecast, options: pointOptions(multiple))
            }
            var points = inOrder
            for (position, index) in order.enumerated() { points[index] = inOrder[position] }
            return points
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
