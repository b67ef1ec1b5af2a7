/// The result of ``Solver/solve(_:options:)``: status, values, and for linear programs the
/// duals and reduced costs.
///
/// ## Sign conventions
/// - ``dual(of:)`` is the row price that CLP reports. CLP reports it in the model's own
///   objective sense, so it *equals* the shadow price: for a binding `≤` row of a
///   maximisation it is ≥ 0, for a binding `≥` row of a minimisation it is ≥ 0. (JuMP's `dual`
///   follows conic duality instead and differs in sign for maximisation; ours does not.)
/// - ``shadowPrice(of:)`` is the change of the optimal objective value per unit *increase* of
///   the constraint's right-hand side (for a range row: of its active bound; for an equality:
///   of both), for minimisation and maximisation alike. A budget row `Σ cost·x ≤ B` of a
///   minimised shortage has a shadow price ≤ 0: one more unit of budget lowers the shortage.
/// - ``reducedCost(of:)`` is the change of the objective per unit increase of the variable
///   away from its bound (CLP's `Clp_getReducedCost`): `c_j − Σ_i a_ij · dual_i`.
///
/// Duals and reduced costs are available only from CLP (linear models, or any model solved with
/// ``SolveOptions/relaxIntegrality``); for a MIP solved by CBC they are `nil`.
public struct Solution: Sendable {
    /// How the solve ended.
    public let status: SolveStatus
    /// The sense the model was solved in.
    public let sense: ObjectiveSense
    /// The objective value of the solution (constant included); `nil` without a feasible
    /// solution.
    public let objectiveValue: Double?
    /// The best proven bound on the optimal objective value (a MIP's dual bound; for an
    /// optimal LP the objective value); `nil` when unknown.
    public let bestBound: Double?
    /// `|objectiveValue − bestBound| / max(1, |objectiveValue|)`; `nil` when either is unknown.
    public let relativeGap: Double?
    /// Wall-clock seconds spent in the solver library (for reports; not deterministic).
    public let solveSeconds: Double
    /// The solver and its version, e.g. `CBC 2.10.8` or `CLP 1.17.6`.
    public let solverName: String
    /// Branch-and-bound nodes explored (0 for an LP).
    public let nodeCount: Int
    /// Simplex iterations: CLP's for an LP, CBC's total over all nodes for a MIP.
    public let iterationCount: Int
    /// The optimal basis of an LP solved by CLP, to warm-start a related solve
    /// (``SolveOptions/startingBasis``); `nil` for MIPs and unfinished solves.
    public let basis: SimplexBasis?

    /// The value of every variable, by index; empty without a feasible solution. Values of
    /// integer variables from CBC are exact integers (snapped when within 1e-6 of one).
    public let primalValues: [Double]
    /// `Σ a_ij x_j + constant` of every constraint, by index; empty without a feasible solution.
    public let activities: [Double]
    /// The row price of every constraint (CLP only).
    public let rowDuals: [Double]?
    /// The reduced cost of every variable (CLP only).
    public let reducedCosts: [Double]?

    let rowLower: [Double]
    let rowUpper: [Double]

    /// Whether ``primalValues`` satisfy every constraint.
    public var hasFeasibleSolution: Bool { status.hasFeasibleSolution }

    /// The value of the variable; NaN without a feasible solution or for a variable of another
    /// model.
    public func value(of variable: Variable) -> Double {
        primalValues.indices.contains(variable.index) ? primalValues[variable.index] : .nan
    }

    /// The value of the expression at the solution; NaN without a feasible solution.
    /// - Complexity: O(terms).
    public func value(of expression: LinearExpression) -> Double {
        var sum = expression.constant
        for (variable, coefficient) in expression.terms where coefficient != 0 {
            sum += coefficient * value(of: variable)
        }
        return sum
    }

    /// The value of the constraint's expression (constant included); NaN without a feasible
    /// solution.
    public func activity(of constraint: Constraint) -> Double {
        activities.indices.contains(constraint.index) ? activities[constraint.index] : .nan
    }

    /// How far the constraint's activity is from its nearest finite bound (≥ 0 when feasible;
    /// 0 when binding and for equalities). NaN without a feasible solution.
    public func slack(of constraint: Constraint) -> Double {
        let i = constraint.index
        guard activities.indices.contains(i) else { return .nan }
        let toUpper = rowUpper[i] - activities[i], toLower = activities[i] - rowLower[i]
        return min(toUpper, toLower)
    }

    /// The solver's row price of the constraint (see the sign conventions above); `nil` for a
    /// MIP solved by CBC or without a solution.
    public func dual(of constraint: Constraint) -> Double? {
        guard let rowDuals, rowDuals.indices.contains(constraint.index) else { return nil }
        return rowDuals[constraint.index]
    }

    /// The change of the optimal objective value per unit increase of the constraint's
    /// right-hand side, valid for small changes that keep the basis optimal; `nil` when
    /// ``dual(of:)`` is.
    public func shadowPrice(of constraint: Constraint) -> Double? {
        // CLP's row price is already ∂objective/∂rhs in the model's own sense (checked for
        // both senses by the finite-difference tests).
        dual(of: constraint)
    }

    /// The reduced cost of the variable (see the sign conventions above); `nil` for a MIP
    /// solved by CBC or without a solution.
    public func reducedCost(of variable: Variable) -> Double? {
        guard let reducedCosts, reducedCosts.indices.contains(variable.index) else { return nil }
        return reducedCosts[variable.index]
    }
}
