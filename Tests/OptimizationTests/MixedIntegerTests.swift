import Optimization
import Testing

@Suite("Mixed-integer programs solved by CBC")
struct MixedIntegerTests {
    @Test("Knapsack: the integer optimum {b, c} = 20 differs from the relaxation's 21 1/3")
    func knapsack() throws {
        let k = Fixtures.Knapsack()
        let solution = try Solver.solve(k.model)
        #expect(solution.status == .optimal)
        #expect(solution.solverName.hasPrefix("CBC"))
        #expect(k.items.map { solution.value(of: $0).rounded() } == [0, 1, 1])
        #expect(abs(try #require(solution.objectiveValue) - 20) < 1e-6)
        #expect(abs(try #require(solution.bestBound) - 20) < 1e-4)
        #expect(solution.dual(of: k.capacity) == nil)
        #expect(solution.reducedCost(of: k.items[0]) == nil)
        #expect(abs(solution.activity(of: k.capacity) - 9) < 1e-6)
    }

    @Test("Relaxing integrality: by option, and as a relaxed copy; CLP gives duals")
    func relaxation() throws {
        let k = Fixtures.Knapsack()
        for solution in [
            try Solver.solve(k.model, options: SolveOptions(relaxIntegrality: true)),
            try Solver.solve(k.model.relaxed()),
        ] {
            #expect(solution.status == .optimal)
            #expect(solution.solverName.hasPrefix("CLP"))
            #expect(abs(try #require(solution.objectiveValue) - 64.0 / 3) < 1e-9)
            #expect(abs(solution.value(of: k.items[1]) - 1.0 / 3) < 1e-9)
            // b is the fractional item: its value per weight, 13/6, prices the capacity.
            #expect(abs(try #require(solution.shadowPrice(of: k.capacity)) - 13.0 / 6) < 1e-9)
        }
        #expect(k.model.hasIntegerVariables)
        #expect(!k.model.relaxed().hasIntegerVariables)
    }

    @Test("A minimisation MIP with general integers and a negative lower bound")
    func generalIntegers() throws {
        // min x + 2y, x, y integer, x ≥ -3, y ≤ 4, 2x + 3y ≥ 7.5, x − y ≤ 1.
        // y = 3 → x ≥ -0.75 → x = 0: 6; y = 2 → x ≥ 0.75, x ≤ 3 → x = 1: 5; y = 1 → x ≥ 2.25, x ≤ 2: none.
        var model = LinearModel(name: "general")
        let x = model.addVariable("x", lowerBound: -3, isInteger: true)
        let y = model.addVariable("y", upperBound: 4, isInteger: true)
        model.addConstraint(2 * x + 3 * y, .greaterOrEqual, 7.5, name: "cover")
        model.addConstraint(x - y, .lessOrEqual, 1, name: "balance")
        model.minimize(x + 2 * y)
        let solution = try Solver.solve(model)
        #expect(solution.status == .optimal)
        #expect(solution.value(of: x).rounded() == 1)
        #expect(solution.value(of: y).rounded() == 2)
        #expect(abs(try #require(solution.objectiveValue) - 5) < 1e-6)
    }

    @Test("Objective constant is added to objective and bound")
    func objectiveConstant() throws {
        var k = Fixtures.Knapsack()
        k.model.maximize(k.model.objective + 100)
        let solution = try Solver.solve(k.model)
        #expect(abs(try #require(solution.objectiveValue) - 120) < 1e-6)
        #expect(abs(try #require(solution.bestBound) - 120) < 1e-3)
    }
}
