import Optimization
import Testing

@Suite("Statuses: infeasible, unbounded, stopped")
struct StatusTests {
    static func contradictory(integer: Bool) -> LinearModel {
        var model = LinearModel(name: "contradictory")
        let x = model.addVariable("x", isInteger: integer)
        model.addConstraint(LinearExpression(x), .greaterOrEqual, 5, name: "atLeast5")
        model.addConstraint(LinearExpression(x), .lessOrEqual, 3, name: "atMost3")
        model.minimize(LinearExpression(x))
        return model
    }

    @Test("Contradictory rows are infeasible, for CLP and CBC", arguments: [false, true])
    func infeasible(integer: Bool) throws {
        let model = Self.contradictory(integer: integer)
        let solution = try Solver.solve(model)
        #expect(solution.status == .infeasible)
        #expect(!solution.hasFeasibleSolution)
        #expect(solution.objectiveValue == nil)
        #expect(solution.primalValues.isEmpty)
        #expect(solution.value(of: model.variables[0]).isNaN)
    }

    @Test("A MIP whose relaxation is feasible but has no integer point is infeasible")
    func integerInfeasible() throws {
        var model = LinearModel(name: "parity")
        let x = model.addVariable("x", upperBound: 10, isInteger: true)
        let y = model.addVariable("y", upperBound: 10, isInteger: true)
        model.addConstraint(2 * x + 2 * y, .equal, 7, name: "odd")
        model.maximize(x + y)
        #expect(try Solver.solve(model.relaxed()).status == .optimal)
        #expect(try Solver.solve(model).status == .infeasible)
    }

    @Test("An objective that improves without limit is unbounded, for CLP and CBC", arguments: [false, true])
    func unbounded(integer: Bool) throws {
        var model = LinearModel(name: "unbounded")
        let x = model.addVariable("x", isInteger: integer)
        let y = model.addVariable("y", isInteger: integer)
        model.addConstraint(x - y, .lessOrEqual, 1, name: "gap")
        model.maximize(x + y)
        let solution = try Solver.solve(model)
        #expect(solution.status == .unbounded)
        #expect(solution.objectiveValue == nil)
    }
}
