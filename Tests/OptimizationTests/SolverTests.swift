import Optimization
import Testing

@Suite("Solver: algorithms, concurrency, edge cases")
struct SolverTests {
    @Test("every LP algorithm gives the hand-worked optimum and duals", arguments: LPAlgorithm.allCases)
    func algorithms(_ algorithm: LPAlgorithm) throws {
        let w = Fixtures.WyndorWithEquality()
        let solution = try Solver.solve(w.model, options: SolveOptions(lpAlgorithm: algorithm))
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.objectiveValue) - 36.75) < 1e-7)
        #expect(abs(solution.value(of: w.x) - 1.75) < 1e-7)
        let duals = try w.rows.map { try #require(solution.dual(of: $0)) }
        for (dual, expected) in zip(duals, [0, 1.25, 1.25, -0.75]) {
            #expect(abs(dual - expected) < 1e-7)
        }
    }

    @Test("concurrent solves from many tasks are serialised and all correct")
    func concurrentSolves() async throws {
        let knapsack = Fixtures.Knapsack().model
        let wyndor = Fixtures.Wyndor().model
        let objectives = try await withThrowingTaskGroup(of: Double?.self) { group in
            for index in 0..<16 {
                let model = index.isMultiple(of: 2) ? knapsack : wyndor
                group.addTask { try Solver.solve(model).objectiveValue }
            }
            var all: [Double?] = []
            for try await objective in group { all.append(objective) }
            return all
        }
        #expect(objectives.count == 16)
        #expect(objectives.filter { $0.map { abs($0 - 20) < 1e-6 } ?? false }.count == 8)
        #expect(objectives.filter { $0.map { abs($0 - 36) < 1e-6 } ?? false }.count == 8)
    }

    @Test("a model without constraints, and one without variables")
    func degenerateModels() throws {
        var empty = LinearModel(name: "empty")
        empty.minimize(LinearExpression(3))
        let nothing = try Solver.solve(empty)
        #expect(nothing.status == .optimal)
        #expect(nothing.objectiveValue == 3)

        var boxed = LinearModel(name: "box")
        let x = boxed.addVariable("x", lowerBound: 1, upperBound: 2, isInteger: true)
        let y = boxed.addVariable("y", lowerBound: -4, upperBound: 2)
        boxed.maximize(x - y)
        let solution = try Solver.solve(boxed)
        #expect(solution.status == .optimal)
        #expect(solution.value(of: x) == 2)
        #expect(abs(try #require(solution.objectiveValue) - 6) < 1e-9)
    }

    @Test("counts")
    func counts() {
        let k = Fixtures.Knapsack().model
        #expect(k.variableCount == 3)
        #expect(k.integerVariableCount == 3)
        #expect(k.constraintCount == 1)
        #expect(k.nonzeroCount == 3)
        let w = Fixtures.WyndorWithEquality().model
        #expect(w.variableCount == 3)
        #expect(w.constraintCount == 4)
        #expect(w.nonzeroCount == 7)
        #expect(w.relation(of: w.constraints[3]) == .equal)
        let f = Fixtures.FreeAndRange(sense: .minimize)
        #expect(f.model.relation(of: f.link) == .equal)
        #expect(f.model.relation(of: f.window) == nil)
        #expect(f.model.bounds(of: f.window)! == (2, 4))
        #expect(f.model.bounds(of: f.y) == -5 ... -1)
        #expect(f.model.bounds(of: f.x) == -Double.infinity ... Double.infinity)
    }
}
