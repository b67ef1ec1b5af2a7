import OrderedCollections

/// An affine expression `constant + Σ coefficient · variable`, stored sparse.
///
/// Terms are an ordered map from variable to coefficient (as JuMP's `AffExpr`), so iteration
/// order is the order in which variables were first added: deterministic, independent of
/// hashing. Adding a variable that is already present adds to its coefficient. Terms whose
/// coefficients cancel to zero stay in ``terms`` and are dropped when the expression becomes a
/// constraint or an objective.
///
/// Build expressions with the operators (`2 * x + y - 3`), with ``add(_:_:)`` in loops, or with
/// ``sum(_:)-(S)`` and ``sum(_:_:)``:
/// ```swift
/// var cost = LinearExpression()
/// for p in programmes { cost.add(p.tuition, seats[p]) }
/// let total = LinearExpression.sum(programmes) { p in p.tuition * seats[p] }
/// ```
/// Operators that combine two expressions copy their left operand: in loops prefer the mutating
/// forms (`+=`, ``add(_:_:)``), which are O(terms added).
public struct LinearExpression: Sendable, Hashable, CustomStringConvertible {
    /// The constant term.
    public var constant: Double
    /// The coefficient of each variable, in first-added order.
    public private(set) var terms: OrderedDictionary<Variable, Double>

    /// The expression `constant` (zero by default), with no terms.
    public init(_ constant: Double = 0) {
        self.constant = constant
        self.terms = [:]
    }

    /// The expression `coefficient · variable`.
    public init(_ variable: Variable, coefficient: Double = 1) {
        self.constant = 0
        self.terms = [variable: coefficient]
    }

    /// An expression from a constant and a list of `(coefficient, variable)` terms; repeated
    /// variables have their coefficients added.
    /// - Complexity: O(terms).
    public init(constant: Double = 0, terms: some Sequence<(Double, Variable)>) {
        self.constant = constant
        self.terms = [:]
        for (coefficient, variable) in terms { add(coefficient, variable) }
    }

    /// The coefficient of `variable`, zero when it does not appear.
    public func coefficient(of variable: Variable) -> Double {
        terms[variable] ?? 0
    }

    /// Whether the expression has no term with a nonzero coefficient.
    public var isConstant: Bool { terms.values.allSatisfy { $0 == 0 } }

    /// Adds `coefficient · variable`.
    /// - Complexity: O(1) amortised.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        terms[variable, default: 0] += coefficient
    }

    /// Adds `factor · other` (constant included).
    /// - Complexity: O(terms of `other`) amortised.
    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        constant += factor * other.constant
        for (variable, coefficient) in other.terms {
            terms[variable, default: 0] += factor * coefficient
        }
    }

    /// Multiplies every coefficient and the constant by `factor`.
    /// - Complexity: O(terms).
    public mutating func scale(by factor: Double) {
        constant *= factor
        for index in terms.values.indices { terms.values[index] *= factor }
    }

    /// The sum of the variables, each with coefficient 1.
    /// - Complexity: O(n) for n variables.
    public static func sum<S: Sequence<Variable>>(_ variables: S) -> LinearExpression {
        var result = LinearExpression()
        for variable in variables { result.add(1, variable) }
        return result
    }

    /// The sum of the expressions.
    /// - Complexity: O(total terms).
    public static func sum<S: Sequence<LinearExpression>>(_ expressions: S) -> LinearExpression {
        var result = LinearExpression()
        for expression in expressions { result.add(expression) }
        return result
    }

    /// The sum of `term(element)` over a sequence, e.g. `.sum(programmes) { cost[$0] * x[$0] }`.
    /// - Complexity: O(total terms).
    public static func sum<S: Sequence, E: Error>(
        _ elements: S, _ term: (S.Element) throws(E) -> LinearExpression
    ) throws(E) -> LinearExpression {
        var result = LinearExpression()
        for element in elements { result.add(try term(element)) }
        return result
    }

    /// `2·x#0 + 1·x#3 + 4` style, with variable handles (names are in the model).
    public var description: String {
        var parts = terms.map { "\($0.value)·\($0.key)" }
        if constant != 0 || parts.isEmpty { parts.append("\(constant)") }
        return parts.joined(separator: " + ")
    }
}
