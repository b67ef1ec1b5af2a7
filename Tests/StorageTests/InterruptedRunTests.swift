import Foundation
@testable import Storage
import Testing

/// Issue 15, item 6: a run whose process was killed is marked `interrupted` when a store is next
/// opened; a run whose process still runs is left `running`.
@Suite struct InterruptedRunTests {
    /// The id of a process that has ended (a child that ran `true` and was waited for).
    static func endedProcessID() throws -> Int32 {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        return child.processIdentifier
    }

    @Test func aRunWhoseProcessEndedIsMarkedInterruptedOnTheNextOpen() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("skillplan.sqlite")
        let dead = try Self.endedProcessID()
        let (killed, alive): (RunID, RunID)
        do {
            let store = try SkillPlanStore(path: path)
            killed = try store.beginRun(kind: .plan, parameters: ["variant": "baseline"])
            alive = try store.beginRun(kind: .match, parameters: ["seed": "1"])
            // The first run's process is killed: it never records an end.
            try store.execute(sql: "UPDATE run SET process_id = \(dead) WHERE id = \(killed.rawValue)")
        }
        let reopened = try SkillPlanStore(path: path)
        let marked = try #require(try reopened.run(id: killed))
        #expect(marked.status == .interrupted)
        #expect(marked.finishedAt != nil)
        #expect(marked.summary?.contains("interrupted") == true)
        #expect(marked.summary?.contains("(\(dead))") == true)
        #expect(try reopened.run(id: alive)?.status == .running, "this test's own process still runs")
        #expect(try reopened.markInterruptedRuns().isEmpty, "marked once")
        let error = try #require(throws: StorageError.self) { try reopened.finishRun(killed, status: .succeeded) }
        #expect(error.code == .invalidRunTransition)
    }

    @Test func aRunningRunFromBeforeTheMigrationIsInterrupted() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("skillplan.sqlite")
        do {
            let store = try SkillPlanStore(path: path)
            let run = try store.beginRun(kind: .forecast, parameters: ["variant": "baseline"])
            try store.execute(sql: "UPDATE run SET process_id = NULL WHERE id = \(run.rawValue)")
        }
        let reopened = try SkillPlanStore(path: path)
        #expect(try reopened.runs().map(\.status) == [.interrupted])
    }
}

@Suite struct StoreOpeningTests {
    @Test func theInMemoryPathStillOpensOneWorkingDatabase() throws {
        let store = try SkillPlanStore(path: ":memory:")
        let run = try store.beginRun(kind: .validate, parameters: ["directory": "x"])
        try store.finishRun(run, status: .succeeded)
        #expect(try store.runs().map(\.status) == [.succeeded])
    }

    @Test func aFileStoreIsInWALMode() throws {
        let folder = try TemporaryFolder()
        let store = try SkillPlanStore(path: folder.path("skillplan.sqlite"))
        _ = try store.beginRun(kind: .validate, parameters: ["directory": "x"])
        #expect(try store.read(action: "read the journal mode") { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        } == "wal")
    }
}
