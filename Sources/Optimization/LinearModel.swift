/// A linear or mixed-integer optimisation model: variables, named constraints and an objective.
///
/// A value type: copying a model (for a budget sweep, a relaxation) copies its arrays lazily
/// (copy-on-write), and the copy can be changed without touching the original. The model is
/// stored as the solvers want it: per-variable arrays for bounds, integrality and objective,
/// constraints as sparse rows (compressed sparse rows). It is lowered to column-major arrays
/// only when solved or written (O(nonzeros)).
///
/// Building a model is O(1) amortised per variable and O(terms) per constraint, so a model
/// with 100,000 variables and 100,000 constraints builds in linear time and memory.
///
/// Adding never throws: values are checked when the model is solved or written (``validate()``),
/// and the error names the variable or constraint at fault.
///
/// ```swift
/// var model = LinearModel(name: "fund")
/// let x = model.addVariable("seats[P-HUST-AUTO-BSC,2027]", upperBound: 40, isInteger: true)
/// let y = model.addVariable("stipends[J-01,2027]", upperBound: 10, isInteger: true)
/// model.addConstraint(30 * x + 12 * y, .lessOrEqual, 900, name: "budget[2027]")
/// model.maximize(3 * x + y)
/// let solution = try Solver.solve(model)
/// ```
public struct LinearModel: Sendable, Equatable {
    /// The model's name (the `NAME` of its MPS file).
    public var name: String

    /// Whether the objective is minimised or maximised.
    public private(set) var sense: ObjectiveSense = .minimize
    /// The constant term of the objective (not seen by the solver; added to its objective value).
    public private(set) var objectiveConstant: Double = 0

    // Columns.
    var variableNames: [String] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var integrality: [Bool] = []
    var objectiveCoefficients: [Double] = []

    // Rows, compressed sparse rows: row i's terms are rowStarts[i] ..< rowStarts[i + 1].
    var constraintNames: [String] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    /// The constant of the expression each row was built from (already moved into the bounds),
    /// so that right-hand sides can be read and set in the user's terms.
    var rowConstants: [Double] = []
    var rowRelations: [Relation?] = []
    var rowStarts: [Int] = [0]
    var rowColumns: [Int] = []
    var rowCoefficients: [Double] = []

    /// An empty model.
    public init(name: String) {
        self.name = name
    }

    /// Reserves storage for about this many variables, constraints and nonzeros (optional).
    public mutating func reserveCapacity(variables: Int, constraints: Int, nonzeros: Int) {
        variableNames.reserveCapacity(variables)
        columnLower.reserveCapacity(variables)
        columnUpper.reserveCapacity(variables)
        integrality.reserveCapacity(variables)
        objectiveCoefficients.reserveCapacity(variables)
        constraintNames.reserveCapacity(constraints)
        rowLower.reserveCapacity(constraints)
        rowUpper.reserveCapacity(constraints)
        rowConstants.reserveCapacity(constraints)
        rowRelations.reserveCapacity(constraints)
        rowStarts.reserveCapacity(constraints + 1)
        rowColumns.reserveCapacity(nonzeros)
        rowCoefficients.reserveCapacity(nonzeros)
    }

    // MARK: Counts

    /// The number of variables (columns).
    public var variableCount: Int { variableNames.count }
    /// The number of integer variables.
    public var integerVariableCount: Int { integrality.lazy.filter { $0 }.count }
    /// Whether some variable is integer (the model is a MIP).
    public var hasIntegerVariables: Bool { integrality.contains(true) }
    /// The number of constraints (rows).
    public var constraintCount: Int { constraintNames.count }
    /// The number of nonzero coefficients in the constraint matrix.
    public var nonzeroCount: Int { rowCoefficients.count }

    /// All variables, in the order they were added.
    public var variables: [Variable] { (0..<variableCount).map(Variable.init(index:)) }
    /// All constraints, in the order they were added.
    public var constraints: [Constraint] { (0..<constraintCount).map(Constraint.init(index:)) }

    // MARK: Building

    /// Adds a variable `lowerBound ≤ x ≤ upperBound` with an objective coefficient.
    ///
    /// - Parameters:
    ///   - name: a readable name such as `seats[P-HUST-AUTO-BSC,2027]`; it is the column name in
    ///     MPS files (spaces become `_`), so keep names unique.
    ///   - lowerBound: `-.infinity` for a variable unbounded below (a free variable has both
    ///     bounds infinite).
    ///   - upperBound: `.infinity` for no upper bound.
    ///   - isInteger: whether the variable must take an integer value.
    ///   - objective: its coefficient in the objective (``minimize(_:)`` and ``maximize(_:)``
    ///     replace all coefficients).
    /// - Returns: the variable's handle.
    /// - Complexity: O(1) amortised.
    @discardableResult
    public mutating func addVariable(
        _ name: String,
        lowerBound: Double = 0,
        upperBound: Double = .infinity,
        isInteger: Bool = false,
        objective: Double = 0
    ) -> Variable {
        let variable = Variable(index: variableNames.count)
        variableNames.append(name)
        columnLower.append(lowerBound)
        columnUpper.append(upperBound)
        integrality.append(isInteger)
        objectiveCoefficients.append(objective)
        return variable
    }

    /// Adds the constraint `expr relation rhs`, e.g. `budget[2027]: Σ cost·x ≤ 900`.
    ///
    /// The expression's constant is moved to the right-hand side; terms with a zero
    /// coefficient are dropped.
    /// - Returns: the constraint's handle.
    /// - Complexity: O(terms of `expr`).
    @discardableResult
    public mutating func addConstraint(
        _ expr: LinearExpression, _ relation: Relation, _ rhs: Double, name: String
    ) -> Constraint {
        let bound = rhs - expr.constant
        switch relation {
        case .lessOrEqual: return appendRow(name, -.infinity, expr, bound, expr.constant, relation)
        case .greaterOrEqual: return appendRow(name, bound, expr, .infinity, expr.constant, relation)
        case .equal: return appendRow(name, bound, expr, bound, expr.constant, relation)
        }
    }

    /// Adds the two-sided constraint (a range) `lower ≤ expr ≤ upper`.
    ///
    /// Either bound may be infinite. The expression's constant is moved to both bounds.
    /// - Returns: the constraint's handle.
    /// - Complexity: O(terms of `expr`).
    @discardableResult
    public mutating func addConstraint(
        _ name: String, _ lower: Double, _ expr: LinearExpression, _ upper: Double
    ) -> Constraint {
        appendRow(
            name, lower - expr.constant, expr, upper - expr.constant, expr.constant,
            Self.relation(lower: lower, upper: upper))
    }

    /// The one-sided relation two bounds describe, `nil` for a true range (or a free row).
    static func relation(lower: Double, upper: Double) -> Relation? {
        if lower == upper { return .equal }
        if lower == -.infinity && upper != .infinity { return .lessOrEqual }
        if upper == .infinity && lower != -.infinity { return .greaterOrEqual }
        return nil
    }

    private mutating func appendRow(
        _ name: String, _ lower: Double, _ expr: LinearExpression, _ upper: Double,
        _ constant: Double, _ relation: Relation?
    ) -> Constraint {
        let constraint = Constraint(index: constraintNames.count)
        constraintNames.append(name)
        rowLower.append(lower)
        rowUpper.append(upper)
        rowConstants.append(constant)
        rowRelations.append(relation)
        for (variable, coefficient) in expr.terms where coefficient != 0 {
            rowColumns.append(variable.index)
            rowCoefficients.append(coefficient)
        }
        rowStarts.append(rowColumns.count)
        return constraint
    }

    /// Makes `expr` the objective, to be minimised. Replaces every objective coefficient.
    /// - Complexity: O(variables + terms).
    public mutating func minimize(_ expr: LinearExpression) {
        setObjective(expr, sense: .minimize)
    }

    /// Makes `expr` the objective, to be maximised. Replaces every objective coefficient.
    /// - Complexity: O(variables + terms).
    public mutating func maximize(_ expr: LinearExpression) {
        setObjective(expr, sense: .maximize)
    }

    /// Makes `expr` the objective with the given sense. Terms on variables that are not in this
    /// model are reported by ``validate()``.
    /// - Complexity: O(variables + terms).
    public mutating func setObjective(_ expr: LinearExpression, sense: ObjectiveSense) {
        self.sense = sense
        objectiveConstant = expr.constant
        invalidObjectiveVariable = nil
        for index in objectiveCoefficients.indices { objectiveCoefficients[index] = 0 }
        for (variable, coefficient) in expr.terms {
            if objectiveCoefficients.indices.contains(variable.index) {
                objectiveCoefficients[variable.index] += coefficient
            } else {
                invalidObjectiveVariable = variable.index
            }
        }
    }

    /// Only sets the objective's sense, keeping its coefficients.
    public mutating func setSense(_ sense: ObjectiveSense) {
        self.sense = sense
    }

    /// The index of a variable from another model found in the objective, reported by validate.
    var invalidObjectiveVariable: Int?

    // MARK: Reading

    /// The objective as an expression (the nonzero coefficients, in variable order).
    /// - Complexity: O(variables).
    public var objective: LinearExpression {
        var expr = LinearExpression(objectiveConstant)
        for (index, coefficient) in objectiveCoefficients.enumerated() where coefficient != 0 {
            expr.add(coefficient, Variable(index: index))
        }
        return expr
    }

    /// The name the variable was added with, or `nil` for a handle from another model.
    public func name(of variable: Variable) -> String? {
        variableNames.indices.contains(variable.index) ? variableNames[variable.index] : nil
    }

    /// The name the constraint was added with, or `nil` for a handle from another model.
    public func name(of constraint: Constraint) -> String? {
        constraintNames.indices.contains(constraint.index) ? constraintNames[constraint.index] : nil
    }

    /// The variable's bounds; `nil` for a handle from another model or bounds with lower > upper
    /// (which ``validate()`` reports).
    public func bounds(of variable: Variable) -> ClosedRange<Double>? {
        guard columnLower.indices.contains(variable.index) else { return nil }
        let lower = columnLower[variable.index], upper = columnUpper[variable.index]
        return lower <= upper ? lower...upper : nil
    }

    /// Whether the variable is integer (`false` for a handle from another model).
    public func isInteger(_ variable: Variable) -> Bool {
        integrality.indices.contains(variable.index) && integrality[variable.index]
    }

    /// The variable's objective coefficient (0 for a handle from another model).
    public func objectiveCoefficient(of variable: Variable) -> Double {
        objectiveCoefficients.indices.contains(variable.index)
            ? objectiveCoefficients[variable.index] : 0
    }

    /// The relation of a one-sided constraint (also of a range with one infinite bound, or
    /// equal bounds); `nil` for a true range, a free row or an unknown handle.
    public func relation(of constraint: Constraint) -> Relation? {
        rowRelations.indices.contains(constraint.index) ? rowRelations[constraint.index] : nil
    }

    /// The right-hand side of a one-sided constraint `expr relation rhs`, in the terms it was
    /// added with (the expression's constant not moved); `nil` for a range or an unknown handle.
    public func rightHandSide(of constraint: Constraint) -> Double? {
        guard let relation = relation(of: constraint) else { return nil }
        let i = constraint.index
        return (relation == .greaterOrEqual ? rowLower[i] : rowUpper[i]) + rowConstants[i]
    }

    /// The bounds `lower ≤ expr ≤ upper` of a constraint, in the terms of its expression
    /// (constant included); `nil` for an unknown handle.
    public func bounds(of constraint: Constraint) -> (lower: Double, upper: Double)? {
        guard rowLower.indices.contains(constraint.index) else { return nil }
        let i = constraint.index
        return (rowLower[i] + rowConstants[i], rowUpper[i] + rowConstants[i])
    }

    /// The constraint's expression (terms in the order given, constant included).
    /// - Complexity: O(terms of the row).
    public func expression(of constraint: Constraint) -> LinearExpression? {
        guard constraintNames.indices.contains(constraint.index) else { return nil }
        let i = constraint.index
        var expr = LinearExpression(rowConstants[i])
        for k in rowStarts[i]..<rowStarts[i + 1] {
            expr.add(rowCoefficients[k], Variable(index: rowColumns[k]))
        }
        return expr
    }
}
