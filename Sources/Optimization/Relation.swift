/// How the expression of a one-sided constraint relates to its right-hand side.
///
/// There is no strict relation and no "not equal": linear programming cannot express them.
/// A two-sided constraint `lower ≤ expr ≤ upper` is added with
/// ``LinearModel/addConstraint(_:_:_:_:)`` (a *range*), and ``LinearModel/relation(of:)``
/// reports it as `nil`.
public enum Relation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `expr ≤ rhs`.
    case lessOrEqual
    /// `expr ≥ rhs`.
    case greaterOrEqual
    /// `expr = rhs`.
    case equal

    /// The mathematical symbol (`<=`, `>=`, `=`).
    public var description: String {
        switch self {
        case .lessOrEqual: "<="
        case .greaterOrEqual: ">="
        case .equal: "="
        }
    }
}

/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Hashable, CaseIterable {
    /// Find the smallest objective value.
    case minimize
    /// Find the largest objective value.
    case maximize
}
