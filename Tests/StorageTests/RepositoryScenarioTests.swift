import Foundation
import Storage
import Testing
import Workforce

/// The repository's ready-made scenario, loaded by the real loader, survives a store round trip.
@Suite struct RepositoryScenarioTests {
    /// `Scenarios/vietnam-2026-2035` of the repository (symlinks resolved, for harness packages).
    static let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/vietnam-2026-2035")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: directory.path)))
    func theRepositoryScenarioRoundTrips() throws {
        let loaded = try ScenarioLoader.load(directory: Self.directory)
        let store = try SkillPlanStore.inMemory()
        let outcome = try store.importDataset(loaded)
        #expect(outcome.isNew)
        #expect(outcome.dataset.contentHash == loaded.contentHash)
        #expect(outcome.dataset.counts.students == loaded.scenario.students.count)
        #expect(try store.sourceFiles(of: outcome.dataset.id) == loaded.files.sorted { $0.path < $1.path })
        #expect(try !store.importDataset(loaded).isNew)

        let back = try store.loadScenario(datasetID: outcome.dataset.id)
        let scenario = loaded.scenario
        StoreFixture.expectSameEntities(back, scenario)
    }
}
