import Foundation
import Planning
import Storage
import Testing
import Workforce
import XLSXReading
import ExcelExport
import Texts

/// The pipeline that `skillplan plan` and the portal both run, on the bundled scenario (LP
/// relaxation, no frontier, no ranges: the stages, not the solver, are under test here).
@Suite(.serialized) struct PlanningPipelineTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/vietnam-2026-2035")

    final class Steps: @unchecked Sendable {
        private let lock = NSLock()
        private var steps: [PlanProgress] = []
        func append(_ step: PlanProgress) { lock.withLock { steps.append(step) } }
        var all: [PlanProgress] { lock.withLock { steps } }
    }

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func request(exports: URL) -> PlanRequest {
        PlanRequest(exports: exports, relax: true, sweep: [], draws: 0)
    }

    /// Runs a pipeline that must fail on the bundled scenario: its error, and the run its store
    /// recorded.
    func failingRun(_ pipeline: PlanningPipeline, storePath: String) throws -> (error: PlanningError, run: RunRecord, store: SkillPlanStore) {
        var thrown: PlanningError?
        do {
            _ = try pipeline.run(.directory(Self.bundled, curricula: nil))
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        let store = try SkillPlanStore(path: storePath)
        return (error, try #require(try store.runs().first), store)
    }

    @Test func runsEveryStageInOrderAndRecordsTheRun() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let steps = Steps()
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let pipeline = PlanningPipeline(request: request(exports: folder.appendingPathComponent("Exports")),
                                        storePath: storePath, softwareVersion: "test") { steps.append($0) }
        let outcome = try pipeline.run(.directory(Self.bundled, curricula: nil))

        let started = steps.all.filter { $0.event == .started }.map(\.stage)
        #expect(started == PlanProgress.Stage.allCases)
        #expect(steps.all.count == 2 * PlanProgress.stageCount)
        #expect(outcome.frontier == nil)
        #expect(outcome.ranges == nil)
        #expect(outcome.report.shortageAfter < outcome.report.shortageBefore)
        #expect(outcome.files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(outcome.files.contains { $0.lastPathComponent == "matches.csv" })
        #expect(outcome.report.matched == outcome.matchingSummary?.matched)

        let store = try SkillPlanStore(path: storePath)
        let run = try #require(try store.run(id: outcome.run))
        #expect(run.status == .succeeded)
        #expect(run.kind == .plan)
        #expect(Set(try store.results(of: outcome.run).map(\.name)) == ["plan.json", "report.json"])
    }

    @Test func anUnknownVariantStopsBeforeAnythingIsRecorded() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var plan = request(exports: folder.appendingPathComponent("Exports"))
        plan.variant = "no-such-variant"
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let pipeline = PlanningPipeline(request: plan, storePath: storePath, softwareVersion: "test")
        #expect {
            _ = try pipeline.run(.directory(Self.bundled, curricula: nil))
        } throws: { error in
            guard case .unknownVariant("no-such-variant", let known) = error as? PlanningError else { return false }
            return known.contains("baseline")
        }
        #expect(!FileManager.default.fileExists(atPath: storePath))
    }

    @Test func aFailingStageIsRecordedAsFailedWithItsMessage() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The exports "folder" is a file: the workbook stage cannot write.
        let blocked = folder.appendingPathComponent("Exports")
        try Data("not a folder".utf8).write(to: blocked)
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let pipeline = PlanningPipeline(request: request(exports: blocked), storePath: storePath, softwareVersion: "test")
        let (thrown, run, _) = try failingRun(pipeline, storePath: storePath)
        guard case .stage(.workbooks, _) = thrown else {
            Issue.record("expected a workbook-stage failure, got \(thrown)")
            return
        }
        #expect(run.status == .failed)
        #expect(run.summary == thrown.description)
    }

    /// A stage that fails before the run's number is needed (the allocation, while the dataset
    /// is being stored) is recorded too: the dataset stored, the run failed with the message,
    /// no workbook written.
    @Test func aStageFailingWhileTheDatasetIsStoredIsRecordedAsFailed() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exports = folder.appendingPathComponent("Exports")
        var invalid = request(exports: exports)
        invalid.timeLimit = -1
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let before = Date()
        let pipeline = PlanningPipeline(request: invalid, storePath: storePath, softwareVersion: "test")
        let (thrown, run, store) = try failingRun(pipeline, storePath: storePath)
        guard case .stage(.allocate, _) = thrown else {
            Issue.record("expected an allocation-stage failure, got \(thrown)")
            return
        }
        #expect(run.status == .failed)
        #expect(run.summary == thrown.description)
        #expect(run.datasetID != nil)
        #expect(try store.datasets().count == 1)
        // Recorded as started when the pipeline started, not when the dataset was stored.
        #expect(run.startedAt >= before.addingTimeInterval(-1) && run.startedAt <= Date())
        #expect(!FileManager.default.fileExists(atPath: exports.path))
    }

    /// The dataset is stored while the plan is worked out: a store that cannot be opened still
    /// stops the run with the store's error, and nothing is written.
    @Test func aStoreThatCannotBeOpenedStopsTheRunWithItsError() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notAFolder = folder.appendingPathComponent("store-parent")
        try Data("a file".utf8).write(to: notAFolder)
        let exports = folder.appendingPathComponent("Exports")
        let pipeline = PlanningPipeline(
            request: request(exports: exports), storePath: notAFolder.appendingPathComponent("store.sqlite").path,
            softwareVersion: "test")
        #expect {
            _ = try pipeline.run(.directory(Self.bundled, curricula: nil))
        } throws: { error in
            guard case .store = error as? PlanningError else { return false }
            return true
        }
        #expect(!FileManager.default.fileExists(atPath: exports.path))
    }

    /// The fund plan and the stored JSON wait for the frontier, which may end after the
    /// allocation; both show it, and so does the outcome.
    @Test func theFrontierReachesTheOutcomeTheStoredPlanAndTheFundPlan() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let request = PlanRequest(exports: folder.appendingPathComponent("Exports"), sweep: [0.5, 1], draws: 0)
        let outcome = try PlanningPipeline(request: request, storePath: storePath, softwareVersion: "test")
            .run(.directory(Self.bundled, curricula: nil))
        let frontier = try #require(outcome.frontier)
        #expect(frontier.map(\.multiplier) == [0.5, 1])
        let stored = try #require(try SkillPlanStore(path: storePath).results(of: outcome.run).first { $0.name == "plan.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stored.content.utf8)) as? [String: Any])
        let points = try #require(json["frontier"] as? [[String: Any]])
        #expect(points.compactMap { $0["multiplier"] as? Double } == [0.5, 1])
        let fundPlan = try #require(outcome.files.first { $0.lastPathComponent.hasPrefix("fund-plan-") })
        let cells = try XLSXDocument(contentsOf: fundPlan).sheets.flatMap(\.cells)
        #expect(cells.contains { abs(($0.value.numberValue ?? -1) - frontier[0].shortageClosed) < 1e-6 }, "the 0.5× point's shortage closed")
    }

    @Test func aLoadedScenarioPlansLikeItsFolder() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try ScenarioLoader.load(directory: Self.bundled)
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let fromFolder = try PlanningPipeline(request: request(exports: folder.appendingPathComponent("A")),
                                              storePath: storePath, softwareVersion: "test")
            .run(.directory(Self.bundled, curricula: nil))
        let fromLoaded = try PlanningPipeline(request: request(exports: folder.appendingPathComponent("B")),
                                              storePath: storePath, softwareVersion: "test")
            .run(.loaded(loaded))
        #expect(fromLoaded.report.contentHash == fromFolder.report.contentHash)
        #expect(fromLoaded.report.objective == fromFolder.report.objective)
        #expect(fromLoaded.files.map(\.lastPathComponent) == fromFolder.files.map(\.lastPathComponent))
    }

    @Test func theScenariosLanguageIsTheWorkbooksUnlessTheRequestSaysOtherwise() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var loaded = try ScenarioLoader.load(directory: Self.bundled)
        loaded.scenario.settings.language = .vi
        let storePath = folder.appendingPathComponent("store.sqlite").path
        func fundPlanSheets(_ request: PlanRequest) throws -> [String] {
            let outcome = try PlanningPipeline(request: request, storePath: storePath, softwareVersion: "test").run(.loaded(loaded))
            let fundPlan = try #require(outcome.files.first { $0.lastPathComponent.hasPrefix("fund-plan-") })
            return try XLSXDocument(contentsOf: fundPlan).sheetNames
        }
        let scenarios = try fundPlanSheets(request(exports: folder.appendingPathComponent("A")))
        #expect(scenarios.first == FundPlanWorkbook.sheetNames(.vi).first)
        var english = request(exports: folder.appendingPathComponent("B"))
        english.language = .en
        #expect(try fundPlanSheets(english).first == FundPlanWorkbook.sheetNames(.en).first)
    }
}
