import Optimization
import Testing

@Suite("Typed errors for bad models and options")
struct ValidationTests {
    static func code(_ body: () throws -> Void) -> OptimizationError.Code? {
        do {
            try body()
            return nil
        } catch let error as OptimizationError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test("NaN and infinite coefficients, NaN right-hand sides")
    func numbers() {
        var nanCoefficient = LinearModel(name: "nan")
        let x = nanCoefficient.addVariable("x")
        nanCoefficient.addConstraint(Double.nan * x, .lessOrEqual, 1, name: "bad")
        #expect(Self.code { _ = try Solver.solve(nanCoefficient) } == .invalidNumber)

        var infiniteCoefficient = LinearModel(name: "inf")
        let y = infiniteCoefficient.addVariable("y")
        infiniteCoefficient.minimize(Double.infinity * y)
        #expect(Self.code { _ = try Solver.solve(infiniteCoefficient) } == .invalidNumber)

        var nanRight = LinearModel(name: "nan rhs")
        let z = nanRight.addVariable("z")
        nanRight.addConstraint(LinearExpression(z), .greaterOrEqual, .nan, name: "bad")
        #expect(Self.code { try nanRight.validate() } == .invalidNumber)
        #expect(Self.code { _ = try nanRight.mps() } == .invalidNumber)

        var infiniteEquality = LinearModel(name: "inf eq")
        let w = infiniteEquality.addVariable("w")
        infiniteEquality.addConstraint(LinearExpression(w), .equal, .infinity, name: "bad")
        #expect(Self.code { try infiniteEquality.validate() } == .invalidNumber)
    }

    @Test("lower bounds above upper bounds, for variables and ranges")
    func bounds() throws {
        var model = LinearModel(name: "bounds")
        model.addVariable("x", lowerBound: 5, upperBound: 1)
        #expect(Self.code { _ = try Solver.solve(model) } == .invalidBounds)

        var range = LinearModel(name: "range")
        let y = range.addVariable("y")
        let row = range.addConstraint("band", 4, LinearExpression(y), 2)
        #expect(Self.code { try range.validate() } == .invalidBounds)
        try range.setBounds(of: row, lower: 1, upper: 2)
        try range.validate()
        #expect(Self.code { try range.setBounds(of: y, lower: 3, upper: -3) } == .invalidBounds)
        #expect(Self.code { try range.setBounds(of: y, lower: .infinity, upper: .infinity) } == .invalidNumber)
    }

    @Test("handles from another model")
    func foreignHandles() {
        var big = LinearModel(name: "big")
        let a = big.addVariable("a")
        let b = big.addVariable("b")
        var small = LinearModel(name: "small")
        small.addVariable("only")
        small.addConstraint(a + b, .lessOrEqual, 1, name: "uses b")
        #expect(Self.code { _ = try Solver.solve(small) } == .unknownHandle)

        var objective = LinearModel(name: "objective")
        objective.addVariable("only")
        objective.minimize(LinearExpression(b))
        #expect(Self.code { try objective.validate() } == .unknownHandle)
        #expect(Self.code { try objective.setObjectiveCoefficient(1, of: b) } == .unknownHandle)
        #expect(objective.name(of: b) == nil)
        #expect(big.name(of: b) == "b")
    }

    @Test("invalid options", arguments: [
        SolveOptions(timeLimit: 0),
        SolveOptions(timeLimit: -.infinity),
        SolveOptions(nodeLimit: -1),
        SolveOptions(relativeGap: -0.1),
        SolveOptions(relativeGap: .nan),
    ])
    func options(_ options: SolveOptions) {
        #expect(Self.code { _ = try Solver.solve(Fixtures.Knapsack().model, options: options) } == .invalidOption)
    }

    @Test("an error says what is wrong, naming the constraint")
    func message() {
        var model = LinearModel(name: "msg")
        let x = model.addVariable("seats[P1,2027]")
        model.addConstraint("budget[2027]", 10, LinearExpression(x), 5)
        do {
            try model.validate()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("budget[2027]"))
            #expect(error.description.hasPrefix("invalidBounds:"))
        }
    }
}
