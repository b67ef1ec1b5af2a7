// Changes to an existing model, for sweeps over a copy:
//     var tighter = model; try tighter.setRightHandSide(800, of: budget2027)

extension LinearModel {
    /// Sets the right-hand side of `expr relation rhs` (in the terms the constraint was added
    /// with). For an equality both bounds move; for a range, both bounds move by the same
    /// amount as the upper one, keeping the width.
    /// - Throws: ``OptimizationError/Code/unknownHandle``, ``OptimizationError/Code/invalidNumber``
    ///   for NaN.
    public mutating func setRightHandSide(
        _ rhs: Double, of constraint: Constraint
    ) throws(OptimizationError) {
        let i = try rowIndex(constraint)
        guard !rhs.isNaN else {
            throw OptimizationError(.invalidNumber, "right-hand side of \(constraintNames[i]) is NaN")
        }
        let bound = rhs - rowConstants[i]
        switch rowRelations[i] {
        case .lessOrEqual: rowUpper[i] = bound
        case .greaterOrEqual: rowLower[i] = bound
        case .equal:
            rowLower[i] = bound
            rowUpper[i] = bound
        case nil:
            let shift = bound - rowUpper[i]
            rowLower[i] += shift
            rowUpper[i] = bound
        }
    }

    /// Sets both bounds of a constraint, `lower ≤ expr ≤ upper` (in the terms of its
    /// expression, constant included). Its relation becomes the one the bounds describe.
    /// - Throws: ``OptimizationError/Code/unknownHandle``, ``OptimizationError/Code/invalidNumber``,
    ///   ``OptimizationError/Code/invalidBounds`` when `lower > upper`.
    public mutating func setBounds(
        of constraint: Constraint, lower: Double, upper: Double
    ) throws(OptimizationError) {
        let i = try rowIndex(constraint)
        try Self.checkBounds(lower, upper, of: "constraint \(constraintNames[i])")
        rowLower[i] = lower - rowConstants[i]
        rowUpper[i] = upper - rowConstants[i]
        rowRelations[i] = Self.relation(lower: lower, upper: upper)
    }

    /// Sets a variable's bounds.
    /// - Throws: ``OptimizationError/Code/unknownHandle``, ``OptimizationError/Code/invalidNumber``,
    ///   ``OptimizationError/Code/invalidBounds`` when `lower > upper`.
    public mutating func setBounds(
        of variable: Variable, lower: Double, upper: Double
    ) throws(OptimizationError) {
        let j = try columnIndex(variable)
        try Self.checkBounds(lower, upper, of: "variable \(variableNames[j])")
        columnLower[j] = lower
        columnUpper[j] = upper
    }

    /// Sets a variable's objective coefficient.
    /// - Throws: ``OptimizationError/Code/unknownHandle``, ``OptimizationError/Code/invalidNumber``.
    public mutating func setObjectiveCoefficient(
        _ coefficient: Double, of variable: Variable
    ) throws(OptimizationError) {
        let j = try columnIndex(variable)
        guard coefficient.isFinite else {
            throw OptimizationError(
                .invalidNumber, "objective coefficient of \(variableNames[j]) is \(coefficient)")
        }
        objectiveCoefficients[j] = coefficient
    }

    /// Makes a variable integer or continuous.
    /// - Throws: ``OptimizationError/Code/unknownHandle``.
    public mutating func setInteger(_ isInteger: Bool, for variable: Variable) throws(OptimizationError) {
        integrality[try columnIndex(variable)] = isInteger
    }

    /// A copy with every variable continuous: the LP relaxation.
    /// - Complexity: O(variables).
    public func relaxed() -> LinearModel {
        var copy = self
        copy.integrality = Array(repeating: false, count: integrality.count)
        return copy
    }

    func rowIndex(_ constraint: Constraint) throws(OptimizationError) -> Int {
        guard constraintNames.indices.contains(constraint.index) else {
            throw OptimizationError(
                .unknownHandle,
                "\(constraint) is not a constraint of model \(name) (it has \(constraintCount))")
        }
        return constraint.index
    }

    func columnIndex(_ variable: Variable) throws(OptimizationError) -> Int {
        guard variableNames.indices.contains(variable.index) else {
            throw OptimizationError(
                .unknownHandle,
                "\(variable) is not a variable of model \(name) (it has \(variableCount))")
        }
        return variable.index
    }

    static func checkBounds(_ lower: Double, _ upper: Double, of subject: String) throws(OptimizationError) {
        guard !lower.isNaN, !upper.isNaN, lower != .infinity, upper != -.infinity else {
            throw OptimizationError(
                .invalidNumber, "bounds [\(lower), \(upper)] of \(subject): use finite numbers, "
                    + "-infinity only as a lower and +infinity only as an upper bound")
        }
        guard lower <= upper else {
            throw OptimizationError(
                .invalidBounds, "lower bound \(lower) of \(subject) is above its upper bound \(upper)")
        }
    }
}
