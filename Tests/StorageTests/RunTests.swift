import Foundation
@testable import Storage
import Testing

@Suite struct RunTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    struct ForecastParameters: Codable, Sendable {
        var variants: [String]
        var horizon: Int
    }

    @Test func beginAndFinishRecordStatusTimesSummaryAndResults() throws {
        let store = try SkillPlanStore.inMemory(softwareVersion: "0.1.0-test")
        let dataset = try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "a", files: []).dataset
        let id = try store.beginRun(
            kind: .forecast, datasetID: dataset.id,
            parameters: ForecastParameters(variants: ["baseline", "fast"], horizon: 3), startedAt: start
        )
        let running = try #require(try store.run(id: id))
        #expect(running.status == .running)
        #expect(running.kind == .forecast)
        #expect(running.datasetID == dataset.id)
        #expect(running.startedAt == start)
        #expect(running.finishedAt == nil)
        #expect(running.summary == nil)
        #expect(running.parameters == #"{"horizon":3,"variants":["baseline","fast"]}"#)
        #expect(running.softwareVersion == "0.1.0-test")

        let results = [
            RunResult(name: "gap.csv", format: .csv, content: "skill,region,year,gap\nMAT,HN,2026,12.5\n"),
            RunResult(name: "forecast.json", format: .json, content: #"{"years":[2026,2027,2028]}"#),
        ]
        let end = start.addingTimeInterval(2.5)
        try store.finishRun(id, status: .succeeded, summary: "gap 12.5 engineers in 2026", results: results, finishedAt: end)

        let finished = try #require(try store.run(id: id))
        #expect(finished.status == .succeeded)
        #expect(finished.startedAt == start)
        #expect(finished.finishedAt == end)
        #expect(finished.summary == "gap 12.5 engineers in 2026")
        #expect(try store.results(of: id) == results.sorted { $0.name < $1.name })
        #expect(try store.rowCounts()["run_result"] == 2)
    }

    @Test func anImportRunNamesItsDatasetWhenItFinishes() throws {
        let store = try SkillPlanStore.inMemory()
        let id = try store.beginRun(kind: .import, parameters: ["dir": "Scenarios/tiny"], startedAt: start)
        let outcome = try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "a", files: [])
        try store.finishRun(id, status: .succeeded, summary: outcome.description, datasetID: outcome.dataset.id, finishedAt: start)
        let run = try #require(try store.run(id: id))
        #expect(run.datasetID == outcome.dataset.id)
        #expect(run.summary == outcome.description)
        #expect(outcome.description.hasPrefix("imported dataset \(outcome.dataset.id) (tiny): 2 skills"))
        let again = try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "b", files: [])
        #expect(again.description.contains("already stored as dataset \(outcome.dataset.id)"))
        #expect(again.description.contains("nothing was added"))

        let other = try store.beginRun(kind: .import, parameters: [String: String](), startedAt: start)
        let error = try #require(throws: StorageError.self) {
            try store.finishRun(other, status: .succeeded, datasetID: DatasetID(rawValue: 99), finishedAt: start)
        }
        #expect(error.code == .datasetNotFound)
        #expect(try store.run(id: other)?.status == .running)
    }

    @Test func aRunFinishesOnceAndNotAsRunning() throws {
        let store = try SkillPlanStore.inMemory()
        let id = try store.beginRun(kind: .match, parameters: ["seed": 42], startedAt: start)
        let asRunning = try #require(throws: StorageError.self) {
            try store.finishRun(id, status: .running, finishedAt: start)
        }
        #expect(asRunning.code == .invalidRunTransition)
        try store.finishRun(id, status: .failed, summary: "infeasible", finishedAt: start.addingTimeInterval(1))
        let twice = try #require(throws: StorageError.self) {
            try store.finishRun(id, status: .succeeded, results: [RunResult(name: "x", format: .text, content: "")])
        }
        #expect(twice.code == .invalidRunTransition)
        #expect(try store.run(id: id)?.status == .failed)
        #expect(try store.results(of: id).isEmpty)

        let missing = try #require(throws: StorageError.self) {
            try store.finishRun(RunID(rawValue: 999), status: .succeeded)
        }
        #expect(missing.code == .runNotFound)
    }

    @Test func aRunOnAnUnknownDatasetIsRefused() throws {
        let store = try SkillPlanStore.inMemory()
        let error = try #require(throws: StorageError.self) {
            try store.beginRun(kind: .allocate, datasetID: DatasetID(rawValue: 7), parameters: [String: String]())
        }
        #expect(error.code == .datasetNotFound)
        #expect(try store.rowCounts()["run"] == 0)
    }

    @Test func finishingBeforeTheStartBreaksTheSchemaAndChangesNothing() throws {
        let store = try SkillPlanStore.inMemory()
        let id = try store.beginRun(kind: .plan, parameters: [String: String](), startedAt: start)
        let error = try #require(throws: StorageError.self) {
            try store.finishRun(id, status: .succeeded, results: [RunResult(name: "a", format: .text, content: "a")],
                                finishedAt: start.addingTimeInterval(-10))
        }
        #expect(error.code == .constraintViolation)
        #expect(try store.run(id: id)?.status == .running)
        #expect(try store.rowCounts()["run_result"] == 0)
    }

    @Test func duplicateResultNamesAreRefusedWithoutFinishingTheRun() throws {
        let store = try SkillPlanStore.inMemory()
        let id = try store.beginRun(kind: .bench, parameters: [String: String](), startedAt: start)
        let same = RunResult(name: "timings.csv", format: .csv, content: "stage,seconds\n")
        let error = try #require(throws: StorageError.self) {
            try store.finishRun(id, status: .succeeded, results: [same, same], finishedAt: start)
        }
        #expect(error.code == .constraintViolation)
        #expect(error.description.contains("UNIQUE constraint failed: run_result.run_id, run_result.name"))
        #expect(try store.run(id: id)?.status == .running)
        #expect(try store.rowCounts()["run_result"] == 0)
    }

    @Test(arguments: RunKind.allCases)
    func theSchemaAcceptsEveryRunKind(_ kind: RunKind) throws {
        let store = try SkillPlanStore.inMemory()
        let id = try store.beginRun(kind: kind, parameters: [String: String](), startedAt: start)
        #expect(try store.run(id: id)?.kind == kind)
    }

    @Test func runsAreListedNewestFirstUpToTheLimit() throws {
        let store = try SkillPlanStore.inMemory()
        var ids: [RunID] = []
        for offset in 0..<5 {
            ids.append(try store.beginRun(kind: .validate, parameters: ["n": offset], startedAt: start.addingTimeInterval(Double(offset))))
        }
        #expect(try store.runs(limit: 3).map(\.id) == Array(ids.reversed().prefix(3)))
        #expect(try store.runs().count == 5)
        #expect(try store.runs(limit: 0).isEmpty)
    }
}
