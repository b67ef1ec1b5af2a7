import Foundation
import Testing
@testable import ScenarioSynthesis
import Workforce

@Suite("Generated scenarios load with ScenarioLoader")
struct LoaderRoundTripTests {
    @Test func generatedSmallScenarioLoads() throws {
        let directory = try temporaryDirectory("small")
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = ScenarioSynthesizer.generate(scale: .small, seed: 42)
        try generated.write(to: directory)
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(directory: directory)
        } catch {
            Issue.record("the small scenario does not load: \(error)")
            return
        }
        let scenario = loaded.scenario
        #expect(scenario.regions.count == 5)
        #expect(scenario.curricula.count == 16)
        #expect(scenario.programs.count == generated.tables.programs.count)
        #expect(scenario.students.count == generated.tables.students.count)
        #expect(scenario.postings.count == generated.tables.postings.count)
        #expect(scenario.variant(named: "decree-205-targets") != nil)
        #expect(scenario.fund.budgetYears == Array(2026...2035))
        #expect(scenario.programs.map(\.id) == generated.tables.programs.map(\.id))
        expectDecreeShortageIn2030(scenario)
    }

    @Test func bundledScenarioLoads() throws {
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(directory: bundledDirectory)
        } catch {
            Issue.record("the bundled scenario does not load: \(error)")
            return
        }
        let scenario = loaded.scenario
        #expect(scenario.settings.baseYear == 2026)
        #expect(scenario.settings.horizonYears == 10)
        #expect(scenario.regions.count == 12)
        #expect(scenario.institutions.count == 40)
        #expect(scenario.programs.count == 250)
        #expect(scenario.enterprises.count == 300)
        #expect(scenario.postings.count == 2_000)
        #expect(scenario.students.count == 4_000)
        #expect(scenario.fund.fairness.institutionShareCap == 0.15)
        expectDecreeShortageIn2030(scenario)
    }

    @Test func bundledCSVsAreWhatTheGeneratorWrites() throws {
        let loaded = try ScenarioLoader.load(directory: bundledDirectory)
        let tables = ScenarioSynthesizer.bundledTables(seed: 2026, frame: ScenarioFrame(loaded.scenario))
        // SKILLPLAN_RECORD_BUNDLED=1 rewrites the bundled CSVs from the generator (after a change of
        // scenario.yaml that the tables depend on); the test then checks what it wrote.
        if ProcessInfo.processInfo.environment["SKILLPLAN_RECORD_BUNDLED"] == "1" {
            for file in tables.files {
                try file.contents.write(to: bundledDirectory.appendingPathComponent(file.path), atomically: true, encoding: .utf8)
            }
        }
        for file in tables.files {
            let text = try String(contentsOf: bundledDirectory.appendingPathComponent(file.path), encoding: .utf8)
            #expect(firstDifference(file.contents, text).isEmpty,
                    "\(file.path) is not the generator's output for seed 2026: \(firstDifference(file.contents, text))")
        }
    }

    /// Under decree-205-targets, national demand exceeds supply in 2030 in every skill, with
    /// D = Σ_k Y·L·I/(1+π)^(t−t0) and supply from the initial stock and baseline intakes.
    private func expectDecreeShortageIn2030(_ base: Scenario, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let variant = base.variant(named: "decree-205-targets") else {
            Issue.record("no decree-205-targets variant", sourceLocation: sourceLocation)
            return
        }
        let scenario = base.applying(variant)
        let t0 = scenario.settings.baseYear
        let year = 2030
        for skill in scenario.skills {
            var demand = 0.0
            for sector in scenario.sectors {
                let output = sector.baseOutput.values.reduce(0, +)
                let grown = output * pow(1 + sector.growthRate, Double(year - t0))
                demand += grown * sector.localisation.rate(in: year) * (sector.intensity[skill.id] ?? 0)
                    / pow(1 + scenario.settings.productivityGrowth, Double(year - t0))
            }
            var supply = (scenario.initialStock[skill.id] ?? [:]).values.reduce(0, +)
            let entrants = scenario.programs.filter { $0.skill == skill.id }
                .reduce(0.0) { $0 + Double($1.baselineIntake) * $1.engineersPerSeat }
            for _ in (t0 + 1)...year { supply = supply * (1 - skill.attritionRate) + entrants }
            #expect(demand > supply, "\(skill.id): demand \(demand) ≤ supply \(supply) in 2030",
                    sourceLocation: sourceLocation)
        }
    }
}
