@testable import Allocation
import Forecast
import Optimization
import Testing
import Workforce

@Suite("Rounding the LP relaxation into whole seats")
struct RoundingRepairTests {
    @Test(arguments: 0..<8 as Range<UInt64>)
    func repairedPlansKeepEveryRule(seed: UInt64) throws {
        let builder = PropertyTests.randomScenario(seed: seed)
        let model = try AllocationModel.build(scenario: builder.scenario, forecast: builder.forecast)
        let lp = try Solver.solve(model.linearModel, options: .init(relaxIntegrality: true))
        let repaired = RoundingRepair.plan(model, lp: lp)
        #expect(repaired.values.allSatisfy { $0 == $0.rounded() && $0 >= 0 })
        // The values, completed with shortage, landed and spend columns, satisfy the integer model.
        var fixed = model.linearModel
        for (index, column) in model.columns.enumerated() {
            try fixed.setBounds(of: column.variable, lower: repaired.values[index], upper: repaired.values[index])
        }
        let check = try Solver.solve(fixed, options: .init(relaxIntegrality: true))
        #expect(check.status == .optimal)
        #expect(abs((check.objectiveValue ?? .nan) - repaired.objective) < 1e-6 * max(1, repaired.objective))
        #expect(repaired.objective >= (lp.objectiveValue ?? 0) - 1e-6)
    }

    @Test func roundsDownWhereTheLPIsFractional() throws {
        let builder = ScenarioBuilder.twoProgrammes(budget: 405_000_000)
        let model = try AllocationModel.build(scenario: builder.scenario, forecast: builder.forecast)
        let lp = try Solver.solve(model.linearModel, options: .init(relaxIntegrality: true))
        let repaired = RoundingRepair.plan(model, lp: lp)
        #expect(repaired.values == [30, 5])
        #expect(abs(repaired.objective - 330) < 1e-3)
    }
}
