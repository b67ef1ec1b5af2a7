import Optimization
import Testing

@Suite("Linear programs solved by CLP")
struct LinearProgramTests {
    @Test("Wyndor: values, objective, duals and reduced costs worked by hand")
    func wyndor() throws {
        let w = Fixtures.Wyndor()
        let solution = try Solver.solve(w.model)
        #expect(solution.status == .optimal)
        #expect(solution.solverName.hasPrefix("CLP"))
        #expect(abs(solution.value(of: w.x) - 2) < 1e-9)
        #expect(abs(solution.value(of: w.y) - 6) < 1e-9)
        #expect(abs(try #require(solution.objectiveValue) - 36) < 1e-9)
        #expect(abs(try #require(solution.dual(of: w.plantA)) - 0) < 1e-9)
        #expect(abs(try #require(solution.dual(of: w.plantB)) - 1.5) < 1e-9)
        #expect(abs(try #require(solution.dual(of: w.plantC)) - 1) < 1e-9)
        #expect(abs(try #require(solution.reducedCost(of: w.x))) < 1e-9)
        #expect(abs(try #require(solution.reducedCost(of: w.y))) < 1e-9)
        #expect(abs(solution.slack(of: w.plantA) - 2) < 1e-9)
        #expect(abs(solution.slack(of: w.plantC)) < 1e-9)
        #expect(abs(solution.activity(of: w.plantC) - 18) < 1e-9)
        #expect(abs(solution.value(of: 3 * w.x + 5 * w.y + 1) - 37) < 1e-9)
    }

    @Test("Minimisation with a constant: duals 3 and −1, reduced cost 1 on the idle variable")
    func supply() throws {
        let s = Fixtures.Supply()
        let solution = try Solver.solve(s.model)
        #expect(solution.status == .optimal)
        #expect(abs(solution.value(of: s.a) - 6) < 1e-9)
        #expect(abs(solution.value(of: s.b) - 4) < 1e-9)
        #expect(abs(solution.value(of: s.c)) < 1e-9)
        #expect(abs(try #require(solution.objectiveValue) - 25) < 1e-9)
        #expect(abs(try #require(solution.bestBound) - 25) < 1e-9)
        #expect(abs(try #require(solution.dual(of: s.demand)) - 3) < 1e-9)
        #expect(abs(try #require(solution.dual(of: s.capacity)) + 1) < 1e-9)
        #expect(abs(try #require(solution.reducedCost(of: s.c)) - 1) < 1e-9)
        #expect(abs(try #require(solution.reducedCost(of: s.a))) < 1e-9)
    }

    @Test("Equality row and a variable link: duals worked by hand")
    func equality() throws {
        let w = Fixtures.WyndorWithEquality()
        let solution = try Solver.solve(w.model)
        #expect(solution.status == .optimal)
        #expect(abs(solution.value(of: w.x) - 1.75) < 1e-9)
        #expect(abs(solution.value(of: w.y) - 6) < 1e-9)
        #expect(abs(solution.value(of: w.z) - 0.75) < 1e-9)
        #expect(abs(try #require(solution.objectiveValue) - 36.75) < 1e-9)
        let duals = try w.rows.map { try #require(solution.dual(of: $0)) }
        for (dual, expected) in zip(duals, [0, 1.25, 1.25, -0.75]) {
            #expect(abs(dual - expected) < 1e-9)
        }
    }

    /// x, y and objective at the optimum, worked by hand (in thirds).
    static let freeAndRangeOptima: [ObjectiveSense: (x: Double, y: Double, objective: Double)] = [
        .minimize: (1 / 3, -(5 / 3), -(4 / 3)),
        .maximize: (5 / 3, -(7 / 3), -(2 / 3)),
    ]

    @Test("Free variable, negative bounds and a range row", arguments: ObjectiveSense.allCases)
    func freeAndRange(sense: ObjectiveSense) throws {
        let (x, y, objective) = try #require(Self.freeAndRangeOptima[sense])
        let f = Fixtures.FreeAndRange(sense: sense)
        let solution = try Solver.solve(f.model)
        #expect(solution.status == .optimal)
        #expect(abs(solution.value(of: f.x) - x) < 1e-9)
        #expect(abs(solution.value(of: f.y) - y) < 1e-9)
        #expect(abs(try #require(solution.objectiveValue) - objective) < 1e-9)
        #expect(abs(solution.activity(of: f.link) + 3) < 1e-9)
        #expect(abs(solution.slack(of: f.window)) < 1e-9)
        if sense == .minimize {
            #expect(abs(try #require(solution.dual(of: f.link)) - 2.0 / 3) < 1e-9)
            #expect(abs(try #require(solution.dual(of: f.window)) - 1.0 / 3) < 1e-9)
        }
    }

    @Test("The expression's constant moves to the right-hand side, and back")
    func constantInConstraint() throws {
        var model = LinearModel(name: "constant")
        let x = model.addVariable("x")
        let row = model.addConstraint(x + 3, .greaterOrEqual, 5, name: "atLeast")
        model.minimize(LinearExpression(x))
        #expect(model.rightHandSide(of: row) == 5)
        #expect(model.bounds(of: row)?.lower == 5)
        let solution = try Solver.solve(model)
        #expect(abs(solution.value(of: x) - 2) < 1e-9)
        #expect(abs(solution.activity(of: row) - 5) < 1e-9)
        #expect(abs(solution.slack(of: row)) < 1e-9)

        var moved = model
        try moved.setRightHandSide(10, of: row)
        #expect(abs(try Solver.solve(moved).value(of: x) - 7) < 1e-9)
        #expect(abs(try Solver.solve(model).value(of: x) - 2) < 1e-9)
    }

    @Test("Editing a copy: variable bounds and objective coefficients")
    func editingCopies() throws {
        let w = Fixtures.Wyndor()
        var cheaper = w.model
        try cheaper.setObjectiveCoefficient(1, of: w.y)
        // max 3x + y: x = 4, 3·4 + 2y ≤ 18 → y = 3; objective 15.
        let changed = try Solver.solve(cheaper)
        #expect(abs(try #require(changed.objectiveValue) - 15) < 1e-9)
        var capped = w.model
        try capped.setBounds(of: w.y, lower: 0, upper: 3)
        // max 3x + 5y, y ≤ 3: x = 4, y = 3; objective 27.
        #expect(abs(try #require(try Solver.solve(capped).objectiveValue) - 27) < 1e-9)
        #expect(abs(try #require(try Solver.solve(w.model).objectiveValue) - 36) < 1e-9)
    }
}
