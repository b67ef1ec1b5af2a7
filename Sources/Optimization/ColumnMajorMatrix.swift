/// The constraint matrix in compressed sparse column form, as `Cbc_loadProblem`,
/// `Clp_loadProblem` and `Highs_passModel` take it: column `j`'s entries are
/// `starts[j] ..< starts[j + 1]` of `rows` and `values`, rows ascending within a column.
struct ColumnMajorMatrix: Sendable {
    var starts: [Int]
    var rows: [Int]
    var values: [Double]

    /// Transposes the model's rows with a counting sort.
    /// - Precondition: the model is valid (every column index in range).
    /// - Complexity: O(variables + constraints + nonzeros).
    init(_ model: LinearModel) {
        let columnCount = model.variableCount
        var starts = [Int](repeating: 0, count: columnCount + 1)
        for column in model.rowColumns { starts[column + 1] += 1 }
        for j in 0..<columnCount { starts[j + 1] += starts[j] }
        var next = starts
        var rows = [Int](repeating: 0, count: model.nonzeroCount)
        var values = [Double](repeating: 0, count: model.nonzeroCount)
        for i in 0..<model.constraintCount {
            for k in model.rowStarts[i]..<model.rowStarts[i + 1] {
                let column = model.rowColumns[k]
                rows[next[column]] = i
                values[next[column]] = model.rowCoefficients[k]
                next[column] += 1
            }
        }
        self.starts = starts
        self.rows = rows
        self.values = values
    }
}

extension LinearModel {
    /// `Σ a_ij x_j` for every row (the expression without its constant).
    /// - Complexity: O(constraints + nonzeros).
    func rowActivities(_ values: [Double]) -> [Double] {
        (0..<constraintCount).map { i in
            var sum = 0.0
            for k in rowStarts[i]..<rowStarts[i + 1] { sum += rowCoefficients[k] * values[rowColumns[k]] }
            return sum
        }
    }
}
