import Foundation
import Testing
@testable import Allocation
import Forecast
import Workforce

/// Fairness rules meant per year (`fairness.per_year` in fund.yaml), worked out by hand: HN and BN
/// each short of 100 MAT engineers a year 2026–2029; one-year programmes at 10 M VND a seat, HN
/// with 30 spare seats, BN with 5; 350 M VND in 2027 and in 2028 (no carry-over); BN must have at
/// least half of the effective spend. Seats of 2027 count two years, seats of 2028 one.
@Suite("Fairness rules per year")
struct PerYearRuleTests {
    static func twoRegions(perYear: Set<String>) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.regions = [
            Region(id: "HN", name: "Hà Nội", macroRegion: "Red River Delta"),
            Region(id: "BN", name: "Bắc Ninh", macroRegion: "Red River Delta"),
        ]
        builder.demand = ["MAT": ["HN": 1000, "BN": 1000]]
        builder.stock = ["MAT": ["HN": 900, "BN": 900]]
        builder.budget = [2027: 350_000_000, 2028: 350_000_000]
        builder.onsiteEnabled = false
        builder.internshipsEnabled = false
        builder.addProgram("P-HN", institution: "INST-HN", region: "HN", spare: 30, tuition: 10_000_000)
        builder.addProgram("P-BN", institution: "INST-BN", region: "BN", spare: 5, tuition: 10_000_000)
        builder.fairness = FairnessRules(regionalFloor: .init(share: 0.5, regions: ["BN"]))
        builder.fairness.perYear = perYear
        return builder
    }

    func seats(_ plan: AllocationPlan, _ program: String, _ year: Int) -> Double {
        plan.scholarships.filter { $0.program.rawValue == program && $0.intakeYear == year }.reduce(0) { $0 + $1.seats }
    }

    @Test("Over the whole plan the floor is met by BN's seats of 2028 while 2027 goes to HN")
    func overTheWholePlan() throws {
        let plan = try AllocationPlanner.plan(scenario: Self.twoRegions(perYear: []).scenario)
        #expect(plan.fairness.map(\.row) == ["fair.regional-floor[BN]"])
        #expect(seats(plan, "P-HN", 2027) == 10)
        #expect(seats(plan, "P-BN", 2027) == 5)
        #expect(seats(plan, "P-HN", 2028) == 0)
        #expect(seats(plan, "P-BN", 2028) == 5)
        #expect(abs(plan.shortageClosed - 35) < 1e-9)
    }

    @Test("Per year, BN has half of each year's spend", arguments: [true, false])
    func perYear(relax: Bool) throws {
        let plan = try AllocationPlanner.plan(
            scenario: Self.twoRegions(perYear: ["regional_floor"]).scenario, options: AllocationOptions(relax: relax))
        #expect(plan.fairness.map(\.row) == ["fair.regional-floor[BN,2027]", "fair.regional-floor[BN,2028]"])
        for outcome in plan.fairness {
            #expect(outcome.achievedShare >= 0.5 - 1e-9, "\(outcome.row): \(outcome.achievedShare)")
        }
        for year in [2027, 2028] {
            #expect(abs(seats(plan, "P-HN", year) - 5) < 1e-9)
            #expect(abs(seats(plan, "P-BN", year) - 5) < 1e-9)
        }
        #expect(abs(plan.shortageClosed - 30) < 1e-9)
    }

    @Test("fund.yaml's per_year takes only the fairness rules' keys")
    func perYearKeysAreChecked() {
        #expect(FairnessRuleKind.allCases.map(\.yamlKey) == FairnessRules.ruleKeys)
    }
}
