import Forecast
import Optimization
import Workforce

/// Why an allocation could not be planned, saying what to fix.
///
/// The loader checks `fund.yaml` with file and line; these errors keep the pure model from
/// crashing or planning nonsense when it is called with a scenario built in code.
public enum AllocationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A year's budget is negative.
    case negativeBudget(year: Int, amount: VND)
    /// A fairness share (or tolerance) is outside its range or not finite.
    case invalidShare(rule: FairnessRuleKind, subject: String?, value: Double, expected: String)
    /// A rule or an instrument refers to a region the scenario does not define.
    case unknownRegion(Region.ID, referencedBy: String)
    /// A rule or an instrument refers to a skill the scenario does not define.
    case unknownSkill(Skill.ID, referencedBy: String)
    /// A posting or on-site course refers to an enterprise the scenario does not define.
    case unknownEnterprise(Enterprise.ID, referencedBy: String)
    /// A number of the scenario is out of range (a negative cost, a rate above 1, …).
    case invalidValue(field: String, value: Double, expected: String)
    /// An ``AllocationOptions`` value is out of range.
    case invalidOption(String)
    /// The forecast was not made from this scenario (skills, regions or years differ).
    case forecastMismatch(String)
    /// The scenario could not be forecast.
    case forecastFailed(ForecastError)
    /// The fairness rules cannot all hold while the fund spends money.
    case infeasiblePolicy(conflicts: [PolicyConflict])
    /// The integer solve stopped (time limit) before it found any plan.
    case noIntegerPlan(reason: String)
    /// The modelling layer or solver reported a problem.
    case solverFailed(OptimizationError)

    /// One message naming the input at fault and what to do.
    public var description: String {
        switch self {
        case .negativeBudget(let year, let amount):
            "fund.yaml: budget_vnd for \(year) is \(amount); give a whole number of VND, 0 or more"
        case .invalidShare(let rule, let subject, let value, let expected):
            "fund.yaml: fairness rule \(rule)\(subject.map { " for \($0)" } ?? "") is \(value); expected \(expected)"
        case .unknownRegion(let id, let user):
            "\(user) refers to region \(id), which the scenario does not define"
        case .unknownSkill(let id, let user):
            "\(user) refers to skill \(id), which the scenario does not define"
        case .unknownEnterprise(let id, let user):
            "\(user) refers to enterprise \(id), which the scenario does not define"
        case .invalidValue(let field, let value, let expected):
            "\(field) is \(value); expected \(expected)"
        case .invalidOption(let message):
            "allocation option: \(message)"
        case .forecastMismatch(let message):
            "the forecast does not belong to this scenario: \(message); project the scenario again"
        case .forecastFailed(let error):
            "cannot forecast the scenario: \(error)"
        case .infeasiblePolicy(let conflicts):
            "infeasible fund policy: " + conflicts.map(\.description).joined(separator: "; also ")
        case .noIntegerPlan(let reason):
            "no integer plan found: \(reason); raise the time limit or plan with --relax"
        case .solverFailed(let error):
            "the solver failed: \(error)"
        }
    }
}
