/// How a solve ended, in the model's terms (never a raw solver code).
public enum SolveStatus: Sendable, Hashable, CustomStringConvertible {
    /// An optimal solution was found (for a MIP: within ``SolveOptions/relativeGap``).
    case optimal
    /// No solution satisfies the constraints and bounds.
    case infeasible
    /// The objective can improve without limit (or, for a MIP whose relaxation is unbounded,
    /// the model is infeasible or unbounded).
    case unbounded
    /// A time or node limit stopped the search with a feasible solution; `bestBound` is the
    /// best proven bound on the optimum and `gap` the relative gap
    /// `|objective − bestBound| / max(1, |objective|)`.
    case stoppedWithSolution(bestBound: Double, gap: Double)
    /// A time, node or iteration limit stopped the search before any feasible solution.
    case stoppedWithoutSolution

    /// Whether the solution holds values that satisfy every constraint.
    public var hasFeasibleSolution: Bool {
        switch self {
        case .optimal, .stoppedWithSolution: true
        case .infeasible, .unbounded, .stoppedWithoutSolution: false
        }
    }

    /// `optimal`, `infeasible`, `unbounded`, `stopped (gap 0.25 %, bound 12.0)`, `stopped (no solution)`.
    public var description: String {
        switch self {
        case .optimal: "optimal"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .stoppedWithSolution(let bound, let gap): "stopped (gap \(gap * 100) %, bound \(bound))"
        case .stoppedWithoutSolution: "stopped (no solution)"
        }
    }
}
