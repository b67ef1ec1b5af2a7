import Optimization
import Testing

/// `shadowPrice(of:)` against finite differences of the optimal objective, for minimisation and
/// maximisation: it must be ∂objective/∂rhs in both senses.
@Suite("Shadow prices match finite differences")
struct ShadowPriceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let model: LinearModel
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "min supply", model: Fixtures.Supply().model),
        Case(label: "min free-range", model: Fixtures.FreeAndRange(sense: .minimize).model),
        Case(label: "max wyndor", model: Fixtures.Wyndor().model),
        Case(label: "max wyndor-eq", model: Fixtures.WyndorWithEquality().model),
        Case(label: "max free-range", model: Fixtures.FreeAndRange(sense: .maximize).model),
        Case(label: "max knapsack relaxed", model: Fixtures.Knapsack().model.relaxed()),
    ]

    /// The optimum with both bounds of `constraint` moved by `step` (moves the active one).
    static func optimum(_ model: LinearModel, moving constraint: Constraint, by step: Double) throws -> Double {
        var moved = model
        let bounds = try #require(model.bounds(of: constraint))
        try moved.setBounds(of: constraint, lower: bounds.lower + step, upper: bounds.upper + step)
        let solution = try Solver.solve(moved)
        #expect(solution.status == .optimal)
        return try #require(solution.objectiveValue)
    }

    @Test("central differences", arguments: cases)
    func centralDifferences(_ testCase: Case) throws {
        let model = testCase.model
        let solution = try Solver.solve(model)
        try #require(solution.status == .optimal)
        let step = 1e-3
        var nonzero = 0
        for constraint in model.constraints {
            let price = try #require(solution.shadowPrice(of: constraint))
            let up = try Self.optimum(model, moving: constraint, by: step)
            let down = try Self.optimum(model, moving: constraint, by: -step)
            let difference = (up - down) / (2 * step)
            #expect(abs(price - difference) < 1e-6, "\(model.name(of: constraint) ?? "?")")
            if abs(price) > 1e-9 { nonzero += 1 }
        }
        #expect(nonzero > 0, "each case has a binding constraint")
    }

    @Test("dual and shadow price agree with CLP's convention; signs for a budget row")
    func signs() throws {
        // min shortage s, s ≥ 10 − 2·x (spending x buys 2 units), budget x ≤ 3.
        // s = 4; one more unit of budget lowers the shortage by 2: shadow price −2.
        var model = LinearModel(name: "budget")
        let x = model.addVariable("spend")
        let s = model.addVariable("shortage")
        model.addConstraint(s + 2 * x, .greaterOrEqual, 10, name: "shortage[skill]")
        let budget = model.addConstraint(LinearExpression(x), .lessOrEqual, 3, name: "budget[2027]")
        model.minimize(LinearExpression(s))
        let solution = try Solver.solve(model)
        #expect(abs(try #require(solution.objectiveValue) - 4) < 1e-9)
        #expect(abs(try #require(solution.shadowPrice(of: budget)) + 2) < 1e-9)
        #expect(solution.dual(of: budget) == solution.shadowPrice(of: budget))

        var maximised = model
        maximised.maximize(-1 * s)
        let flipped = try Solver.solve(maximised)
        #expect(abs(try #require(flipped.objectiveValue) + 4) < 1e-9)
        #expect(abs(try #require(flipped.shadowPrice(of: budget)) - 2) < 1e-9)
    }
}
