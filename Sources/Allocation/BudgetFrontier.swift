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

    enum CodingKeys: String, CodingKey {
        case multiplier, budget, spend
        case shortageBefore = "shortage_before"
        case shortageAfter = "shortage_after"
        case shortageClosed = "shortage_closed"
        case costPerEngineerYearClosed = "cost_per_engineer_year_closed"
        case objective, status
    }
}

extension AllocationPlanner {
    /// Plans at each multiple of the budget (e.g. `[0, 0.25, 0.5, 1, 1.5, 2]`), with the other
    /// options as given (binding rules are not priced).
    ///
    /// With the LP relaxation the objective is non-increasing in the budget (a larger budget
    /// only loosens the budget rows); integer plans stopped at a gap may wobble within that gap.
    /// - Throws: ``AllocationError`` from the first multiple that cannot be planned; a negative
    ///   multiple is ``AllocationError/invalidOption(_:)``.
    /// - Complexity: one plan per multiple.
    public static func frontier(
        scenario: Scenario, forecast: Forecast, multiples: [Double], options: AllocationOptions = AllocationOptions()
    ) throws(AllocationError) -> [FrontierPoint] {
        var points: [FrontierPoint] = []
        // Only the budget rows' right-hand sides (and the tie-break) change from one multiple to
        // the next: each point's LP starts from the basis of the last point with money. (From a
        // zero budget's basis, where nothing is funded, CLP took four times a cold solve's
        // iterations at the national scale; a zero budget itself presolves to nothing.)
        var basis: SimplexBasis?
        for multiple in multiples {
            var pointOptions = options
            pointOptions.budgetMultiplier = multiple
            pointOptions.priceBindingRules = false
            pointOptions.startingBasis = multiple > 0 ? basis : nil
            let (plan, lastBasis) = try planWithBasis(scenario: scenario, forecast: forecast, options: pointOptions)
            if multiple > 0 { basis = lastBasis }
            points.append(FrontierPoint(
                multiplier: multiple, budget: plan.totalBudget, spend: plan.totalSpend,
                shortageBefore: plan.shortageBefore, shortageAfter: plan.shortageAfter,
                shortageClosed: plan.shortageClosed, costPerEngineerYearClosed: plan.costPerEngineerYearClosed,
                objective: plan.objective, status: plan.status))
        }
        return points
    }
}

extension FrontierPoint {
    /// `frontier.csv`: one row per multiple.
    public static func csv(_ points: [FrontierPoint]) -> String {
        var out = "multiplier,budget_vnd,spend_vnd,shortage_before,shortage_after,shortage_closed,cost_per_engineer_year_closed_vnd,objective,status\n"
        for point in points {
            out += [
                CSVText.number(point.multiplier), CSVText.money(point.budget), CSVText.money(point.spend),
                CSVText.number(point.shortageBefore), CSVText.number(point.shortageAfter),
                CSVText.number(point.shortageClosed), point.costPerEngineerYearClosed.map(CSVText.money) ?? "",
                CSVText.number(point.objective), point.status.rawValue,
            ].joined(separator: ",") + "\n"
        }
        return out
    }
}
