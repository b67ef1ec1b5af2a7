@testable import Optimization
import Testing

@Suite("Large models")
struct ScaleTests {
    @Test("a 100,000-variable, 100,000-constraint model builds, counts and lowers")
    func largeModel() throws {
        let n = 100_000
        var model = LinearModel(name: "large")
        var seats: [Variable] = []
        seats.reserveCapacity(n)
        for j in 0..<n {
            seats.append(model.addVariable("seats[P\(j),2027]", upperBound: 40, isInteger: j % 2 == 0))
        }
        for i in 0..<n {
            model.addConstraint(
                seats[i] + 2 * seats[(i + 1) % n] + seats[(i + 2) % n], .lessOrEqual, 50,
                name: "capacity[\(i)]")
        }
        model.maximize(.sum(seats))
        #expect(model.variableCount == n)
        #expect(model.constraintCount == n)
        #expect(model.nonzeroCount == 3 * n)
        #expect(model.integerVariableCount == n / 2)
        try model.validate()
        let matrix = ColumnMajorMatrix(model)
        #expect(matrix.starts.count == n + 1)
        #expect(matrix.starts.last == model.nonzeroCount)
        #expect(matrix.values.reduce(0, +) == model.rowCoefficients.reduce(0, +))
    }
}
