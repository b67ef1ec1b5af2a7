import Foundation
import Testing

/// Issue 15 at the command line: concurrent processes on one new database, killed runs, the
/// small edges of item 10.
@Suite("Hardened at the edges", .serialized)
struct HardeningTests {
    typealias CLI = CommandLineRunner

    /// Starts `skillplan arguments…` without waiting; output goes to files in `directory`.
    static func start(_ arguments: [String], in directory: URL, name: String) throws -> Process {
        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        FileManager.default.createFile(atPath: directory.appendingPathComponent("\(name).err").path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("\(name).err"))
        try process.run()
        return process
    }

    @Test("item 7: eight processes importing into one new database at once all succeed, twice over")
    func concurrentCreationAndImports() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let synth = try CLI.run(["synth", "--scale", "small", "--seed", "7", "--out", "small"], in: work)
        try #require(synth.status == 0, "\(synth.standardError)")
        for round in 1...2 {
            let database = "round\(round).sqlite"
            let processes = try (1...8).map { index in
                try Self.start(["import", "small", "--db", database], in: work, name: "r\(round)-\(index)")
            }
            for (index, process) in processes.enumerated() {
                process.waitUntilExit()
                let log = (try? String(contentsOf: work.appendingPathComponent("r\(round)-\(index + 1).err"), encoding: .utf8)) ?? ""
                #expect(process.terminationStatus == 0, "round \(round), process \(index + 1): \(log)")
            }
            let runs = try CLI.run(["runs", "--db", database, "--json"], in: work)
            let listed = try #require(try JSONSerialization.jsonObject(with: Data(runs.standardOutput.utf8)) as? [[String: Any]])
            #expect(listed.count == 8)
            #expect(listed.allSatisfy { $0["status"] as? String == "succeeded" }, "\(listed)")
            #expect(Set(listed.compactMap { $0["dataset"] as? Int }).count == 1, "one dataset, stored once")
        }
    }

    @Test("item 6: a run killed by a signal is shown as interrupted by the next `runs`; stale scratch is removed")
    func killedRun() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let synth = try CLI.run(["synth", "--scale", "province", "--seed", "7", "--out", "province"], in: work)
        try #require(synth.status == 0, "\(synth.standardError)")
        let plan = try Self.start(["plan", "province", "--exports", "out", "--db", "runs.sqlite"], in: work, name: "plan")
        // Wait until the run is recorded as running, then kill the process without warning.
        var running = false
        for _ in 0..<600 where !running {
            Thread.sleep(forTimeInterval: 0.05)
            let listed = try CLI.run(["runs", "--db", "runs.sqlite", "--json"], in: work)
            running = listed.status == 0 && listed.standardOutput.contains("\"running\"")
            if !plan.isRunning { break }
        }
        try #require(running && plan.isRunning, "the plan run must be seen running before it is killed")
        kill(plan.processIdentifier, SIGKILL)
        plan.waitUntilExit()
        #expect(plan.terminationReason == .uncaughtSignal)

        let table = try CLI.run(["runs", "--db", "runs.sqlite"], in: work)
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.contains("interrupted"), "\(table.standardOutput)")
        #expect(!table.standardOutput.contains("running "), "\(table.standardOutput)")

        // Scratch a killed process left in the exports folder is removed by the next run there.
        let exports = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let stale = exports.appendingPathComponent(".skillplan-partial-99999999-AbCdEf")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        let again = try CLI.run(["plan", "missing-scenario", "--exports", "out", "--db", "runs.sqlite"], in: work)
        #expect(again.status == 1)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test("item 10: --db '' is wrong usage; it stores nothing and reports no run")
    func emptyDatabasePath() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try CLI.run(["import", CLI.bundledScenario.path, "--db", ""], in: work)
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--db"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("item 10: an --exports folder that cannot be made is reported before any computing")
    func unwritableExportsFirst() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data("a file".utf8).write(to: work.appendingPathComponent("blocker"))
        let outcome = try CLI.run(["plan", CLI.bundledScenario.path, "--exports", "blocker/out", "--db", "x.sqlite"], in: work)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("--exports"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("Loading"), "checked before loading: \(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("x.sqlite").path))
    }

    @Test("item 10: an escape sequence in an input is shown escaped, never sent to the terminal")
    func escapeSequencesAreEscaped() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = try CLI.copyOfBundledScenario(into: work)
        try CLI.setField(0, ofLine: 1, to: "BAD\u{1B}[2J\u{1B}[H", in: scenario.appendingPathComponent("institutions.csv"))
        let outcome = try CLI.run(["validate", scenario.path], in: work)
        #expect(outcome.status == 1)
        #expect(!outcome.standardError.contains("\u{1B}"), "\(outcome.standardError.debugDescription)")
        #expect(outcome.standardError.contains("BAD\\u{1B}[2J"), "\(outcome.standardError)")
    }

    @Test("item 5: a budget multiple that would overflow whole-VND figures is wrong usage, not a trap",
          arguments: ["1e12", "11", "0x1p6"])
    func hugeSweepIsWrongUsage(multiple: String) throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try CLI.run(["allocate", CLI.bundledScenario.path, "--relax", "--sweep", "0,1,\(multiple)", "--db", "x.sqlite"], in: work)
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--sweep"))
    }

    @Test("item 5: a living support of Int64.max is an input error, not a trap")
    func hugeMoneyIsAnInputError() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = try CLI.copyOfBundledScenario(into: work)
        let fund = scenario.appendingPathComponent("fund.yaml")
        let text = try String(contentsOf: fund, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: #"living_support_vnd_per_year: [0-9_]+"#, with: "living_support_vnd_per_year: 9223372036854775807",
            options: .regularExpression)
        try #require(changed != text)
        try changed.write(to: fund, atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["allocate", scenario.path, "--db", "x.sqlite"], in: work)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("living_support_vnd_per_year"), "\(outcome.standardError)")
    }
}
