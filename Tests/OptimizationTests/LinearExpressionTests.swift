import Optimization
import Testing

@Suite("Linear expressions")
struct LinearExpressionTests {
    let model: LinearModel
    let x: Variable, y: Variable, z: Variable

    init() {
        var model = LinearModel(name: "expressions")
        x = model.addVariable("x")
        y = model.addVariable("y")
        z = model.addVariable("z")
        self.model = model
    }

    @Test("operators combine coefficients and constants, in first-added order")
    func operators() {
        let e = 2 * x + y - 3 * z + 4 - x * 0.5 + 1
        #expect(Array(e.terms.keys) == [x, y, z])
        #expect(Array(e.terms.values) == [1.5, 1, -3])
        #expect(e.constant == 5)
        let negated = -e
        #expect(negated.coefficient(of: z) == 3)
        #expect(negated.constant == -5)
        let difference = 10 - (x - y)
        #expect(difference.coefficient(of: x) == -1)
        #expect(difference.coefficient(of: y) == 1)
        #expect(difference.constant == 10)
        #expect((x + y - x).coefficient(of: x) == 0)
        #expect((3 * (x + 2)).constant == 6)
    }

    @Test("sums over sequences and compound assignment")
    func sums() {
        let plain = LinearExpression.sum([x, y, x])
        #expect(plain.coefficient(of: x) == 2)
        #expect(plain.coefficient(of: y) == 1)
        let weighted = LinearExpression.sum(zip([1.0, 2, 3], [x, y, z])) { $0 * $1 }
        #expect(Array(weighted.terms.values) == [1, 2, 3])
        var running = LinearExpression()
        running += x
        running += 2 * y
        running -= z
        running -= 1
        running *= 2
        #expect(Array(running.terms.values) == [2, 4, -2])
        #expect(running.constant == -2)
        #expect(LinearExpression.sum([x + 1, y + 2]).constant == 3)
    }

    @Test("zero coefficients are dropped from constraints and the objective")
    func zerosDropped() {
        var model = model
        let row = model.addConstraint(x + y - y, .lessOrEqual, 1, name: "r")
        #expect(model.nonzeroCount == 1)
        #expect(model.expression(of: row)?.terms.keys.elements == [x])
        model.minimize(x - x + 2 * z)
        #expect(model.objective.terms.keys.elements == [z])
    }
}
