import ArgumentParser
import ExcelExport
import Foundation
import PlanRuns
import Storage
import Texts
import Workforce

/// `skillplan compare RUN RUN`: what changed between two recorded runs.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two recorded plan (or allocate) runs.",
        discussion: """
        Reads both runs from the store (see `skillplan runs`): their inputs (dataset hash, the source files that differ, fund policy, options), their headline figures, and the programmes, regions and enterprises whose allocation changed most. --xlsx FILE also writes it as a workbook.
        """)

    @Argument(help: "The run to compare from (a number from `skillplan runs`).")
    var before: Int64
    @Argument(help: "The run to compare to.")
    var after: Int64
    @Option(help: "How many programmes, regions and enterprises to list.")
    var top: Int = 10
    @Option(help: "Also write the comparison to this .xlsx file.", completion: .file(extensions: ["xlsx"]))
    var xlsx: String?
    @Option(help: ArgumentHelp("The language of the text and the workbook.", valueName: "vi|en"))
    var lang: String = "en"
    @Flag(help: "Overwrite an existing --xlsx file.")
    var force = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard Language(code: lang) != nil else { throw ValidationError("--lang takes vi or en (saw '\(lang)')") }
        guard top > 0 else { throw ValidationError("--top must be 1 or more") }
        if let xlsx, !xlsx.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("--xlsx must name an .xlsx file (saw '\(xlsx)')")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: store.db) else {
            throw UserFailure(message: "error: no store at \(store.db); run `skillplan plan` first (or pass --db PATH)")
        }
        if let xlsx, FileManager.default.fileExists(atPath: xlsx), !force {
            throw UserFailure(message: "error: \(xlsx) exists; choose another --xlsx or add --force to overwrite it")
        }
        let database = try catchingStorage { try SkillPlanStore(path: store.db, softwareVersion: SkillPlan.version) }
        let comparison: RunComparison
        do {
            comparison = try RunComparison(
                from: try Self.snapshot(before, in: database), to: try Self.snapshot(after, in: database), top: top)
        } catch let error as RunComparisonError {
            throw UserFailure(message: "error: \(error)")
        }
        let language = Language(code: lang) ?? .en
        if let xlsx {
            do {
                try ComparisonWorkbook.write(comparison, language: language, to: URL(fileURLWithPath: xlsx))
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        }
        if output.json {
            try Terminal.printJSON(comparison)
        } else {
            Terminal.output(ComparisonText(comparison, language: language).render())
            if let xlsx { Terminal.note("wrote \(xlsx)") }
        }
    }

    /// A run as the comparison reads it: its record, dataset, source files and stored results.
    static func snapshot(_ number: Int64, in database: SkillPlanStore) throws -> RunSnapshot {
        let id = RunID(rawValue: number)
        guard let run = try catchingStorage({ try database.run(id: id) }) else {
            throw UserFailure(message: "error: there is no run \(number) in the store; `skillplan runs` lists them")
        }
        let dataset = try catchingStorage { try run.datasetID.flatMap { try database.dataset(id: $0) } }
        let files = try catchingStorage { try run.datasetID.map { try database.sourceFiles(of: $0) } ?? [] }
        let results = try catchingStorage { try database.results(of: id) }
        return RunSnapshot(
            run: number, kind: run.kind.rawValue, startedAt: run.startedAt, datasetHash: dataset?.contentHash,
            sourceFiles: Dictionary(files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first }),
            parameters: run.parameters, planJSON: results.first { $0.name == "plan.json" }?.content,
            reportJSON: results.first { $0.name == "report.json" }?.content)
    }
}

/// A comparison as lines for the terminal, in the reader's language.
struct ComparisonText {
    let comparison: RunComparison
    let texts: Catalogue

    init(_ comparison: RunComparison, language: Language) {
        self.comparison = comparison
        texts = Catalogue(language)
    }

    func render() -> String {
        let numbers = texts.numbers
        let run = { (number: Int64) in String(number) }
        var lines = [texts.format("runs.compare.title", ["before": run(comparison.before), "after": run(comparison.after)]), ""]
        lines.append(texts["runs.compare.inputs"])
        lines += comparison.inputLines(texts).map { "  " + $0 }
        lines.append("")
        lines.append(texts["runs.compare.headline"])
        var table = TextTable(
            headers: [texts["runs.column.figure"], texts.format("runs.column.before", ["run": run(comparison.before)]),
                      texts.format("runs.column.after", ["run": run(comparison.after)]), texts["runs.column.change"]],
            alignments: [.left, .right, .right, .right])
        for figure in comparison.headline where figure.before != nil || figure.after != nil {
            table.append([texts["runs.figure.\(figure.key)"], figure.before.map { numbers.grouped($0) } ?? "–",
                          figure.after.map { numbers.grouped($0) } ?? "–", figure.change.map(signed) ?? "–"])
        }
        lines.append(table.render())
        for (key, changes) in [("runs.compare.programs", comparison.programs), ("runs.compare.regions", comparison.regions),
                               ("runs.compare.enterprises", comparison.enterprises)] {
            lines.append("")
            lines.append(texts[key])
            guard !changes.isEmpty else {
                lines.append("  " + texts["runs.compare.none-changed"])
                continue
            }
            var rows = TextTable(
                headers: [texts["runs.column.code"], texts.format("runs.column.before", ["run": run(comparison.before)]),
                          texts.format("runs.column.after", ["run": run(comparison.after)]), texts["runs.column.change"]],
                alignments: [.left, .right, .right, .right])
            for change in changes {
                rows.append([change.code, numbers.grouped(change.before), numbers.grouped(change.after), signed(change.change)])
            }
            lines.append(rows.render())
        }
        return lines.joined(separator: "\n")
    }

    private func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + texts.numbers.grouped(value)
    }
}
