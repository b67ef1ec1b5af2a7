import Optimization
import Testing

/// CLP's answer on random, highly degenerate LPs shaped like the allocation model, checked against
/// the LP optimality conditions rather than a known optimum: the point is feasible, the reported
/// reduced costs are `c − Aᵀy`, and `y` and the reduced costs have the signs complementary
/// slackness asks for. Together these prove the point optimal, whatever vertex the solver
/// (perturbed or not) ended at.
@Suite("LP optimality certificates")
struct OptimalityCertificateTests {
    /// min Σ w_k·short_k + ε·spend over cells `k`, with `short_k + Σ_j e_j·x_j ≥ gap_k`,
    /// `spend = Σ_j c_j·x_j`, `spend ≤ budget`, `x_j ∈ [0, u_j]`, and groups of identical columns
    /// (same cell, yield and cost), which make the LP degenerate as the real one is.
    static func allocationShaped(seed: UInt64, cells: Int, groups: Int) -> LinearModel {
        var rng = SplitMix64(seed: seed)
        var model = LinearModel(name: "degenerate-\(seed)")
        var covered = (0..<cells).map { _ in LinearExpression() }
        var spendDefinition = LinearExpression()
        var totalCost = 0.0
        for group in 0..<groups {
            let cell = Int.random(in: 0..<cells, using: &rng)
            let yield = Double(Int.random(in: 1...4, using: &rng)) / 4
            let cost = Double(Int.random(in: 2...9, using: &rng))
            for copy in 0..<Int.random(in: 1...6, using: &rng) {
                let upper = Double(Int.random(in: 1...20, using: &rng))
                let x = model.addVariable("x[\(group),\(copy)]", upperBound: upper)
                covered[cell].add(yield, x)
                spendDefinition.add(-cost, x)
                totalCost += cost * upper
            }
        }
        var objective = LinearExpression()
        for cell in 0..<cells {
            let short = model.addVariable("short[\(cell)]")
            covered[cell].add(1, short)
            model.addConstraint(covered[cell], .greaterOrEqual, Double(Int.random(in: 5...60, using: &rng)), name: "cover[\(cell)]")
            objective.add(Double(Int.random(in: 1...3, using: &rng)), short)
        }
        let spend = model.addVariable("spend")
        spendDefinition.add(1, spend)
        model.addConstraint(spendDefinition, .equal, 0, name: "spend.def")
        model.addConstraint(LinearExpression(spend), .lessOrEqual, (totalCost * 0.3).rounded(), name: "budget")
        objective.add(1e-4, spend)
        model.minimize(objective)
        return model
    }

    @Test("feasible, reduced costs are c − Aᵀy, signs complementary", arguments: [1, 2, 3, 4, 5] as [UInt64], LPAlgorithm.allCases)
    func certificate(seed: UInt64, algorithm: LPAlgorithm) throws {
        let model = Self.allocationShaped(seed: seed, cells: 12, groups: 80)
        let solution = try Solver.solve(model, options: SolveOptions(lpAlgorithm: algorithm))
        try Self.checkCertificate(model, solution)
        #expect(solution.iterationCount > 0)
    }

    /// Checks that `solution` is optimal for `model` by the LP optimality conditions.
    static func checkCertificate(_ model: LinearModel, _ solution: Solution) throws {
        try #require(solution.status == .optimal)
        // Duals and reduced costs to 1e-6; positions to 1e-5, the barrier's crossover leaves
        // nonbasic values about 1.3e-6 from their bounds.
        let tolerance = 1e-6, primalTolerance = 1e-5
        var reducedFromDuals = model.variables.map { model.objectiveCoefficient(of: $0) }
        var bindingRows = 0
        for row in model.constraints {
            let bounds = try #require(model.bounds(of: row))
            let activity = solution.activity(of: row)
            let dual = try #require(solution.dual(of: row))
            let name = model.name(of: row) ?? "\(row)"
            #expect(activity >= bounds.lower - primalTolerance && activity <= bounds.upper + primalTolerance, "\(name) infeasible")
            // A positive dual prices the lower bound, a negative one the upper: the row must be there.
            if dual > tolerance { #expect(activity <= bounds.lower + primalTolerance, "\(name) = \(activity) has dual \(dual)") }
            if dual < -tolerance { #expect(activity >= bounds.upper - primalTolerance, "\(name) = \(activity) has dual \(dual)") }
            if abs(dual) > tolerance { bindingRows += 1 }
            for (variable, coefficient) in try #require(model.expression(of: row)).terms {
                reducedFromDuals[variable.index] -= coefficient * dual
            }
        }
        for variable in model.variables {
            let bounds = try #require(model.bounds(of: variable))
            let value = solution.value(of: variable)
            let reduced = try #require(solution.reducedCost(of: variable))
            #expect(abs(reduced - reducedFromDuals[variable.index]) <= tolerance, "\(variable): reported \(reduced)")
            #expect(value >= bounds.lowerBound - primalTolerance && value <= bounds.upperBound + primalTolerance)
            // Minimising: a positive reduced cost holds the variable at its lower bound, a
            // negative one at its upper bound; otherwise moving it would lower the objective.
            if reduced > tolerance { #expect(value <= bounds.lowerBound + primalTolerance, "\(variable) = \(value) in \(bounds) has reduced cost \(reduced)") }
            if reduced < -tolerance { #expect(value >= bounds.upperBound - primalTolerance, "\(variable) = \(value) in \(bounds) has reduced cost \(reduced)") }
        }
        #expect(bindingRows > 0, "the budget binds in every case")
    }

    @Test("a warm start from the last basis after a budget change: same optimum, certified", arguments: [1, 2, 3] as [UInt64])
    func warmStartAfterABudgetChange(seed: UInt64) throws {
        var model = Self.allocationShaped(seed: seed, cells: 12, groups: 80)
        let first = try Solver.solve(model)
        let basis = try #require(first.basis)
        #expect(basis.columnCount == model.variableCount && basis.rowCount == model.constraintCount)

        let again = try Solver.solve(model, options: SolveOptions(startingBasis: basis))
        #expect(again.iterationCount < max(1, first.iterationCount), "from its own optimal basis the LP needs (almost) no pivots")
        #expect(abs((again.objectiveValue ?? .nan) - (first.objectiveValue ?? .nan)) <= 1e-9 * max(1, abs(first.objectiveValue ?? 0)))

        let budget = try #require(model.constraints.first { model.name(of: $0) == "budget" })
        let bounds = try #require(model.bounds(of: budget))
        try model.setBounds(of: budget, lower: bounds.lower, upper: bounds.upper * 1.5)
        let cold = try Solver.solve(model)
        let warm = try Solver.solve(model, options: SolveOptions(startingBasis: basis))
        try Self.checkCertificate(model, warm)
        let coldObjective = try #require(cold.objectiveValue), warmObjective = try #require(warm.objectiveValue)
        #expect(abs(warmObjective - coldObjective) <= 1e-9 * max(1, abs(coldObjective)))
    }

    @Test("a basis of another model is refused by name; CBC gives none")
    func basisOfAnotherModel() throws {
        let small = Self.allocationShaped(seed: 1, cells: 3, groups: 5)
        let large = Self.allocationShaped(seed: 1, cells: 12, groups: 80)
        let basis = try #require(try Solver.solve(small).basis)
        #expect(throws: OptimizationError.self) { try Solver.solve(large, options: SolveOptions(startingBasis: basis)) }
        #expect(try Solver.solve(Fixtures.Knapsack().model).basis == nil)
    }
}
