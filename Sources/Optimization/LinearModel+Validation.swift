extension LinearModel {
    /// Checks every number and handle in the model; ``Solver/solve(_:options:)`` and the MPS
    /// writer call it first.
    ///
    /// - Throws: the first problem found, naming its variable or constraint:
    ///   ``OptimizationError/Code/invalidNumber`` (NaN anywhere, an infinite coefficient, a
    ///   bound of the wrong infinity), ``OptimizationError/Code/invalidBounds`` (lower above
    ///   upper), ``OptimizationError/Code/unknownHandle`` (a variable of another model in a
    ///   constraint or the objective), ``OptimizationError/Code/modelTooLarge``.
    /// - Complexity: O(variables + constraints + nonzeros).
    public func validate() throws(OptimizationError) {
        let limit = Int(Int32.max)
        guard variableCount < limit, constraintCount < limit, nonzeroCount < limit else {
            throw OptimizationError(
                .modelTooLarge,
                "model \(name) has \(variableCount) variables, \(constraintCount) constraints and "
                    + "\(nonzeroCount) nonzeros; the solver allows fewer than \(limit) of each")
        }
        guard objectiveConstant.isFinite else {
            throw OptimizationError(.invalidNumber, "objective constant of \(name) is \(objectiveConstant)")
        }
        if let index = invalidObjectiveVariable {
            throw OptimizationError(
                .unknownHandle, "the objective uses x#\(index), which is not a variable of model \(name)")
        }
        for j in 0..<variableCount {
            try Self.checkBounds(columnLower[j], columnUpper[j], of: "variable \(variableNames[j])")
            guard objectiveCoefficients[j].isFinite else {
                throw OptimizationError(
                    .invalidNumber,
                    "objective coefficient of \(variableNames[j]) is \(objectiveCoefficients[j])")
            }
        }
        for i in 0..<constraintCount {
            guard !rowConstants[i].isNaN, !rowConstants[i].isInfinite else {
                throw OptimizationError(
                    .invalidNumber, "the expression of constraint \(constraintNames[i]) has constant \(rowConstants[i])")
            }
            try Self.checkBounds(rowLower[i], rowUpper[i], of: "constraint \(constraintNames[i])")
            for k in rowStarts[i]..<rowStarts[i + 1] {
                let column = rowColumns[k]
                guard column < variableCount else {
                    throw OptimizationError(
                        .unknownHandle,
                        "constraint \(constraintNames[i]) uses x#\(column), which is not a variable of model \(name)")
                }
                guard rowCoefficients[k].isFinite else {
                    throw OptimizationError(
                        .invalidNumber,
                        "coefficient of \(variableNames[column]) in constraint \(constraintNames[i]) is \(rowCoefficients[k])")
                }
            }
        }
    }
}
