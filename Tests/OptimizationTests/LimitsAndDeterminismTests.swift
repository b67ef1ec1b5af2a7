import Optimization
import Testing

/// Random models from a seeded generator, so that a failure can be replayed.
enum RandomModels {
    /// A multi-dimensional knapsack with general integers:
    /// max Σ v_j x_j, Σ_j w_ij x_j ≤ c_i, x_j ∈ {0, …, 3}.
    static func knapsack(seed: UInt64, items: Int, resources: Int) -> LinearModel {
        var rng = SplitMix64(seed: seed)
        var model = LinearModel(name: "random-knapsack-\(seed)")
        let x = (0..<items).map { j in
            model.addVariable("x[\(j)]", upperBound: 3, isInteger: true)
        }
        for i in 0..<resources {
            var row = LinearExpression()
            var total = 0.0
            for j in 0..<items {
                let weight = Double(Int.random(in: 5...60, using: &rng))
                row.add(weight, x[j])
                total += weight
            }
            model.addConstraint(row, .lessOrEqual, (total * 0.6).rounded(), name: "resource[\(i)]")
        }
        var value = LinearExpression()
        for j in 0..<items {
            // Values correlated with the first resource's weight: a harder instance.
            let weight = model.expression(of: Constraint.first(model))?.coefficient(of: x[j]) ?? 0
            value.add(weight + Double(Int.random(in: 0...10, using: &rng)), x[j])
        }
        model.maximize(value)
        return model
    }
}

extension Constraint {
    static func first(_ model: LinearModel) -> Constraint { model.constraints[0] }
}

@Suite("Determinism and limits")
struct LimitsAndDeterminismTests {
    @Test("the same random MIP gives the same solution vector twice, and it is feasible")
    func determinism() throws {
        let model = RandomModels.knapsack(seed: 2027, items: 40, resources: 6)
        let first = try Solver.solve(model)
        let second = try Solver.solve(model)
        #expect(first.status == .optimal)
        #expect(first.primalValues == second.primalValues)
        #expect(first.objectiveValue == second.objectiveValue)
        for constraint in model.constraints {
            let rhs = try #require(model.rightHandSide(of: constraint))
            #expect(first.activity(of: constraint) <= rhs + 1e-6)
        }
        for value in first.primalValues {
            #expect(abs(value - value.rounded()) < 1e-6)
        }
    }

    @Test("an iteration limit stops an LP before its optimum, the same way every time")
    func iterationLimit() throws {
        let model = RandomModels.knapsack(seed: 2027, items: 40, resources: 6)
        let free = try Solver.solve(model, options: SolveOptions(relaxIntegrality: true))
        #expect(free.status == .optimal)
        #expect(free.iterationCount > 2)
        let stopped = try Solver.solve(model, options: SolveOptions(relaxIntegrality: true, iterationLimit: 2))
        #expect(stopped.status != .optimal)
        #expect(stopped.iterationCount <= 2)
        let generous = try Solver.solve(model, options: SolveOptions(relaxIntegrality: true, iterationLimit: 100_000))
        #expect(generous.objectiveValue == free.objectiveValue)
        #expect(throws: OptimizationError.self) {
            _ = try Solver.solve(model, options: SolveOptions(relaxIntegrality: true, iterationLimit: -1))
        }
    }

    @Test("a node limit stops a hard MIP with a solution, a bound and a gap")
    func nodeLimit() throws {
        let model = RandomModels.knapsack(seed: 7, items: 60, resources: 8)
        let solution = try Solver.solve(model, options: SolveOptions(nodeLimit: 1))
        guard case .stoppedWithSolution(let bound, let gap) = solution.status else {
            Issue.record("expected stoppedWithSolution, got \(solution.status)")
            return
        }
        let objective = try #require(solution.objectiveValue)
        #expect(bound >= objective - 1e-6, "for a maximisation the bound is above the incumbent")
        #expect(gap > 0)
        #expect(abs(gap - abs(objective - bound) / max(1, abs(objective))) < 1e-12)
        #expect(solution.bestBound == bound)
        #expect(solution.relativeGap == gap)
        #expect(solution.hasFeasibleSolution)
        // The same limit gives the same result.
        let again = try Solver.solve(model, options: SolveOptions(nodeLimit: 1))
        #expect(again.status == solution.status)
        #expect(again.primalValues == solution.primalValues)
    }

    @Test("CBC's preprocessing can be switched off: a parity row it proves infeasible at once needs a search without it")
    func mipPreprocessing() throws {
        // Σ 2·x_i = 31 over integers 0 … 1: the LP is feasible (every x_i = 31/60), no integer
        // point is; CBC's preprocessing sees it from the row's coefficients, branching does not.
        var model = LinearModel(name: "parity")
        let x = (0..<30).map { model.addVariable("x[\($0)]", upperBound: 1, isInteger: true) }
        var row = LinearExpression()
        for variable in x { row.add(2, variable) }
        model.addConstraint(row, .equal, 31, name: "parity")
        var objective = LinearExpression()
        for variable in x { objective.add(1, variable) }
        model.maximize(objective)

        let preprocessed = try Solver.solve(model, options: SolveOptions(nodeLimit: 200))
        #expect(preprocessed.status == .infeasible)
        #expect(preprocessed.nodeCount == 0)
        let searched = try Solver.solve(model, options: SolveOptions(nodeLimit: 200, mipPreprocessing: false))
        #expect(searched.status == .stoppedWithoutSolution, "without preprocessing 200 nodes do not prove it")
        #expect(searched.nodeCount > 0)
        #expect(!searched.hasFeasibleSolution)
    }

    @Test("a relative gap of 5 % stops early with an incumbent within 5 % of the bound")
    func relativeGap() throws {
        let model = RandomModels.knapsack(seed: 7, items: 60, resources: 8)
        let solution = try Solver.solve(model, options: SolveOptions(relativeGap: 0.05))
        #expect(solution.status == .optimal)
        let objective = try #require(solution.objectiveValue)
        let bound = try #require(solution.bestBound)
        #expect(bound >= objective - 1e-6)
        #expect((bound - objective) / objective <= 0.05 + 1e-9)
        // It stopped early: the default gap (1e-4) closes it completely on this instance.
        #expect(try #require(solution.relativeGap) > 1e-3)
        #expect(try Solver.solve(model).relativeGap ?? 1 < 1e-4)
        #expect(solution.primalValues.allSatisfy { $0 == $0.rounded() })
    }

    @Test("a generous time limit does not change a small optimum; the version is reported")
    func timeLimitAndVersion() throws {
        let solution = try Solver.solve(Fixtures.Knapsack().model, options: SolveOptions(timeLimit: 60))
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.objectiveValue) - 20) < 1e-6)
        let lp = try Solver.solve(Fixtures.Wyndor().model, options: SolveOptions(timeLimit: 60))
        #expect(lp.status == .optimal)
        #expect(Solver.coinVersion.hasPrefix("CBC 2."))
        #expect(Solver.coinVersion.contains("CLP 1."))
    }
}
