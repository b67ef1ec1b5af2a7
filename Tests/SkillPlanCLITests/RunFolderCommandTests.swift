import Foundation
import Testing

/// Issue 14, items 5 and 6 on the command line: runs kept apart, `compare`, errors that point at
/// the cause.
@Suite("Run folders, compare, and errors that point at the cause", .serialized)
struct RunFolderCommandTests {
    typealias CLI = CommandLineRunner

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("two plans with different variants and budgets into the default exports leave two folders, no mixed files; compare names what changed")
    func twoRunsTwoFoldersAndCompare() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let synth = try CLI.run(["synth", "--scale", "small", "--seed", "11", "--out", "small"], in: work)
        try #require(synth.status == 0, "\(synth.standardError)")
        // The default exports folder (Exports in the working directory).
        let common = ["--db", "runs.sqlite", "--draws", "0", "--sweep", "", "--relax", "--json"]
        let first = try CLI.run(["plan", "small"] + common, in: work)
        try #require(first.status == 0, "\(first.standardError)")
        // A budget change between the runs: the fund policy, and so the policy label, changes.
        try CLI.replace("2027: 48_000_000_000", with: "2027: 96_000_000_000", in: work.appendingPathComponent("small/fund.yaml"))
        let second = try CLI.run(["plan", "small", "--variant", "decree-205-targets"] + common, in: work)
        try #require(second.status == 0, "\(second.standardError)")

        let exports = work.appendingPathComponent("Exports")
        let folders = try Self.entries(exports)
        #expect(folders.count == 2, "one folder per run and nothing else (no staging left): \(folders)")
        let baseline = try #require(folders.first { $0.hasSuffix("-baseline-run-1") })
        let decree = try #require(folders.first { $0.hasSuffix("-decree-205-targets-run-2") })
        for (folder, variant, other) in [(baseline, "baseline", "decree-205-targets"), (decree, "decree-205-targets", "baseline")] {
            let names = try Self.entries(exports.appendingPathComponent(folder))
            let workbooks = names.filter { $0.hasSuffix(".xlsx") }
            #expect(workbooks.contains { $0.hasPrefix("fund-plan-") }, "\(folder): \(names)")
            #expect(workbooks.allSatisfy { $0.contains("-\(variant)-") && !$0.contains(other) }, "\(folder) mixes runs: \(workbooks)")
            #expect(!names.contains { $0.hasPrefix(".") }, "no scratch in \(folder)")
        }
        // The policy label differs because the budget changed.
        let label = { (folder: String) throws -> String in
            let name = try #require(try Self.entries(exports.appendingPathComponent(folder)).first { $0.hasPrefix("fund-plan-") })
            return String(name.dropLast(".xlsx".count).split(separator: "-").suffix(2).joined(separator: "-"))
        }
        #expect(try label(baseline) != label(decree))
        // plan --json names the files where they are.
        let report = try Self.json(second.standardOutput)
        let files = try #require(report["files"] as? [String])
        #expect(!files.isEmpty && files.allSatisfy { $0.hasPrefix("Exports/\(decree)/") }, "\(files.prefix(3))")
        for file in files { #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent(file).path)) }

        // runs shows the same dataset hash as plan.
        let runs = try CLI.run(["runs", "--db", "runs.sqlite"], in: work)
        let hash = try #require(report["content_hash"] as? String)
        #expect(runs.standardOutput.contains(String(hash.prefix(12))), "\(runs.standardOutput)")

        // compare names the changed inputs.
        let compare = try CLI.run(["compare", "1", "2", "--db", "runs.sqlite", "--xlsx", "compare.xlsx"], in: work)
        #expect(compare.status == 0, "\(compare.standardError)")
        #expect(compare.standardOutput.contains("Dataset changed"), "\(compare.standardOutput)")
        #expect(compare.standardOutput.contains("Fund policy changed (fund.yaml)"))
        #expect(compare.standardOutput.contains("Option variant: baseline → decree-205-targets"))
        #expect(compare.standardOutput.contains("Fund budget (VND)"))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("compare.xlsx").path))
        let compared = try Self.json(try CLI.run(["compare", "1", "2", "--db", "runs.sqlite", "--json"], in: work).standardOutput)
        #expect(compared["fund_policy_changed"] as? Bool == true)
        #expect(compared["dataset_changed"] as? Bool == true)
        let vietnamese = try CLI.run(["compare", "1", "2", "--db", "runs.sqlite", "--lang", "vi"], in: work)
        #expect(vietnamese.standardOutput.contains("Chính sách quỹ đã thay đổi"), "\(vietnamese.standardOutput)")
        let notAPlan = try CLI.run(["compare", "1", "99", "--db", "runs.sqlite"], in: work)
        #expect(notAPlan.status == 1 && notAPlan.standardError.contains("no run 99"))
    }

    @Test("a failed run leaves no run folder and no staging")
    func failedRunLeavesNoFolder() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let synth = try CLI.run(["synth", "--scale", "small", "--seed", "11", "--out", "small"], in: work)
        try #require(synth.status == 0, "\(synth.standardError)")
        // The run folder's name is taken (another store's run 1 went here): the run fails, writes
        // nothing and leaves the other folder as it was.
        let taken = work.appendingPathComponent("out/synthetic-small-11-baseline-run-1")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: taken.appendingPathComponent("note.txt"))
        let outcome = try CLI.run(["plan", "small", "--exports", "out", "--db", "runs.sqlite", "--draws", "0", "--sweep", "", "--relax"], in: work)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("synthetic-small-11-baseline-run-1"))
        #expect(try Self.entries(work.appendingPathComponent("out")) == ["synthetic-small-11-baseline-run-1"])
        #expect(try Self.entries(taken) == ["note.txt"])
        let runs = try Self.json("{\"r\":" + (try CLI.run(["runs", "--db", "runs.sqlite", "--json"], in: work).standardOutput) + "}")
        let listed = try #require(runs["r"] as? [[String: Any]])
        #expect(listed.first?["status"] as? String == "failed")
    }

    @Test("a broken header of enterprises.csv gives fewer than 30 error lines, the first naming the header")
    func brokenHeaderStopsAtTheCause() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = try CLI.copyOfBundledScenario(into: work)
        try CLI.setField(2, ofLine: 0, to: "regoin", in: scenario.appendingPathComponent("enterprises.csv"))
        for command in [["validate", "scenario"], ["import", "scenario", "--db", "x.sqlite"],
                        ["plan", "scenario", "--exports", "out", "--db", "x.sqlite"]] {
            let outcome = try CLI.run(command, in: work)
            #expect(outcome.status == 1)
            let lines = outcome.standardError.split(separator: "\n")
            #expect(lines.count < 30, "\(command[0]): \(lines.count) lines")
            let first = try #require(lines.dropFirst().first { $0.hasPrefix("  ") })
            #expect(first.contains("enterprises.csv:1") && first.contains("header"), "\(first)")
            #expect(lines.contains { $0.contains("postings.csv: references to enterprises.csv not checked") })
        }
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out").path))
    }

    @Test("errors are capped per file with a count per field; --all-errors lists every one")
    func errorsAreCapped() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = try CLI.copyOfBundledScenario(into: work)
        let postings = scenario.appendingPathComponent("postings.csv")
        // 60 bad rows: enough to cap, few enough for the pipe of the runner.
        let rows = 60
        var lines = try String(contentsOf: postings, encoding: .utf8).components(separatedBy: "\n")
        try #require(lines.count > rows + 1 && lines[0].components(separatedBy: ",")[4] == "slots")
        for line in 1...rows {
            var fields = lines[line].components(separatedBy: ",")
            fields[4] = "-1"
            lines[line] = fields.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(to: postings, atomically: true, encoding: .utf8)
        let capped = try CLI.run(["validate", "scenario"], in: work)
        #expect(capped.status == 1)
        let shown = capped.standardError.split(separator: "\n").filter { $0.contains("postings.csv:") && $0.contains("slots") }
        #expect(shown.count == 20, "\(shown.count) shown")
        #expect(capped.standardError.contains("… and \(rows - 20) more in scenario/postings.csv (slots: \(rows - 20)); --all-errors lists every one"),
                "\(capped.standardError.suffix(400))")
        let all = try CLI.run(["validate", "scenario", "--all-errors"], in: work)
        let every = all.standardError.split(separator: "\n").filter { $0.contains("postings.csv:") && $0.contains("slots") }
        #expect(every.count == rows)
        #expect(!all.standardError.contains("more in"))
    }

    @Test("a postings template beside postings.csv: one error naming both files, preferences not checked")
    func templateBesideCSV() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = try CLI.copyOfBundledScenario(into: work)
        let template = try CLI.run(["template", "postings", "--scenario", "scenario", "--out", "scenario/postings.xlsx"], in: work)
        try #require(template.status == 0, "\(template.standardError)")
        let outcome = try CLI.run(["validate", scenario.lastPathComponent], in: work)
        #expect(outcome.status == 1)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count < 5, "\(lines)")
        #expect(outcome.standardError.contains("either postings.csv or postings.xlsx"))
    }

    @Test("template outside a repository suggests --scenario")
    func templateSuggestsScenario() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try CLI.run(["template", "postings", "--out", "postings.xlsx"], in: work)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("--scenario"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("postings.xlsx").path))
    }

    @Test("template programs → programs.xlsx in place of programs.csv → validate and import read it")
    func programsTemplateImports() throws {
        let work = try CLI.workingDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = try CLI.copyOfBundledScenario(into: work)
        let before = try Self.json(try CLI.run(["validate", "scenario", "--json"], in: work).standardOutput)
        let written = try CLI.run(["template", "programs", "--scenario", "scenario", "--out", "programs.xlsx", "--lang", "vi"], in: work)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.contains("chương trình đào tạo"), "\(written.standardOutput)")
        try FileManager.default.removeItem(at: scenario.appendingPathComponent("programs.csv"))
        try FileManager.default.moveItem(at: work.appendingPathComponent("programs.xlsx"), to: scenario.appendingPathComponent("programs.xlsx"))
        let after = try CLI.run(["validate", "scenario", "--json"], in: work)
        #expect(after.status == 0, "\(after.standardError)")
        // The same programmes, intake and capacity as programs.csv had.
        let summary = { (report: [String: Any]) in report["summary"] as? NSDictionary }
        #expect(summary(try Self.json(after.standardOutput)) == summary(before) && summary(before) != nil)
        let imported = try CLI.run(["import", "scenario", "--db", "x.sqlite", "--json"], in: work)
        #expect(imported.status == 0, "\(imported.standardError)")

        let unknown = try CLI.run(["template", "programs", "--scenario", "scenario", "--institution", "INST-NOPE", "--out", "x.xlsx"], in: work)
        #expect(unknown.status == 1 && unknown.standardError.contains("INST-NOPE"), "\(unknown.standardError)")
        let ofOne = try CLI.run(["template", "programs", "--scenario", "scenario", "--institution", "INST-HUST", "--out", "hust.xlsx"], in: work)
        #expect(ofOne.status == 0, "\(ofOne.standardError)")
    }
}
