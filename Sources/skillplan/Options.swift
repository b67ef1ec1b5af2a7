import ArgumentParser
import ExcelExport
import Forecast
import Foundation
import Texts
import Workforce

/// The scenario directory and where its curricula are.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "A scenario directory (scenario.yaml, fund.yaml and the CSV files).", completion: .directory)
    var directory: String

    @Option(help: "The curricula folder (default: DIR/Curricula, else the repository's Curricula/).", completion: .directory)
    var curricula: String?

    @Flag(name: .customLong("all-errors"), help: "List every input error (default: the first 20 of each file, then a count per field).")
    var allErrors = false

    /// Loads and validates the scenario; input errors become a ``UserFailure`` listing them, root
    /// causes first, capped per file unless `--all-errors`.
    func load() throws -> LoadedScenario {
        try Self.load(directory: directory, curricula: curricula, allErrors: allErrors)
    }

    /// Loads and validates a scenario named outside this option group (`template --scenario`,
    /// `match --scenario`): an option group made in code cannot be read.
    static func load(directory: String, curricula: String?, allErrors: Bool = false) throws -> LoadedScenario {
        do {
            return try ScenarioLoader.load(
                directory: URL(fileURLWithPath: directory),
                curriculaDirectory: curricula.map { URL(fileURLWithPath: $0) })
        } catch {
            throw UserFailure(message: InputErrorText.render(error, all: allErrors))
        }
    }

    /// Loads the scenario with a variant applied.
    func load(variant name: String?) throws -> (LoadedScenario, Scenario) {
        let loaded = try load()
        guard let name else { return (loaded, loaded.scenario) }
        guard let variant = loaded.scenario.variant(named: name) else {
            let known = ([ScenarioVariant.baseline.name] + loaded.scenario.variants.map(\.name)).joined(separator: ", ")
            throw UserFailure(message: "error: no variant named '\(name)' in scenario.yaml; known variants: \(known)")
        }
        return (loaded, loaded.scenario.applying(variant))
    }
}

/// Input errors for the terminal: the root causes first, the first 20 of each file and a count
/// per field for the rest (all with `--all-errors`), then what was not checked because of them.
enum InputErrorText {
    static func render(_ errors: InputErrors, all: Bool) -> String {
        let texts = Catalogue(.en)
        let digest = InputErrorDigest(errors, limitPerFile: all ? nil : InputErrorDigest.defaultLimitPerFile)
        var lines = [digest.total == 1 ? texts["inputs.errors.one"]
            : texts.format("inputs.errors.many", ["count": NumberText.grouped(Double(digest.total))])]
        lines += digest.shown.map { "  \($0)" }
        for omitted in digest.omitted {
            let fields = omitted.byField.map { entry in
                entry.field.isEmpty ? texts.format("inputs.errors.no-field", ["count": NumberText.grouped(Double(entry.count))])
                    : texts.format("inputs.errors.field", ["field": entry.field, "count": NumberText.grouped(Double(entry.count))])
            }
            lines.append("  " + texts.format("inputs.errors.more", [
                "count": NumberText.grouped(Double(omitted.count)), "file": omitted.file, "fields": fields.joined(separator: ", "),
            ]))
        }
        lines += digest.notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// The SQLite store every run is recorded in.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite database that records datasets and runs.", completion: .file())
    var db: String = "skillplan.sqlite"

    func validate() throws {
        // An empty path makes SQLite open a private temporary database: a run would be reported
        // and nothing stored.
        guard !db.isEmpty else { throw ValidationError("--db needs the path of a database file; '' is empty") }
    }
}

/// The folder a command writes its files into, checked before any computing so that a folder
/// that cannot be written is reported at once, not after minutes of solving. Nothing is created
/// here: an input error must still leave nothing behind.
enum OutputFolder {
    /// Checks that `path` is a writable folder, or that its nearest existing ancestor is one (so it
    /// can be created), and removes the scratch that killed runs left in it
    /// (``XLSXWorkbook/removeStaleScratch(in:)``).
    /// - Throws: ``UserFailure`` naming the option, the folder and the reason.
    static func check(_ path: String, option: String) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var existing = url
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: existing.path, isDirectory: &isDirectory) {
            let parent = existing.deletingLastPathComponent()
            if parent.path == existing.path { break }
            existing = parent
        }
        guard isDirectory.boolValue else {
            throw UserFailure(message: "error: cannot write into the \(option) folder \(path): \(existing.path) is a file, not a folder")
        }
        guard access(existing.path, W_OK | X_OK) == 0 else {
            throw UserFailure(message: "error: cannot write into the \(option) folder \(path): \(existing.path): \(String(cString: strerror(errno))); choose another \(option) folder or fix its permissions")
        }
        if existing.path == url.path { XLSXWorkbook.removeStaleScratch(in: url) }
    }
}

/// `--json`: one JSON document on standard output and nothing else there.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document on standard output; messages go to standard error.")
    var json = false
}

extension MobilityMode: ExpressibleByArgument {}

/// `--mobility`: how supply reaches demand across provinces.
struct MobilityOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How graduates reach demand: none (they work where they trained), scenario (scenario.yaml's mobility), national (each skill is one national market).",
        valueName: "none|scenario|national"))
    var mobility: MobilityMode = .scenario
}
