import ArgumentParser
import Storage
import Workforce

/// `skillplan import DIR`: stores a validated dataset in SQLite.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store a validated scenario directory in the SQLite store.",
        discussion: """
        The same content (by SHA-256 content hash) is stored once. A failed import leaves the database as it was. Filled Excel request templates (postings.xlsx, students.xlsx, programs.xlsx from `skillplan template`) in the directory are imported like the CSV files they replace. Input errors: root causes first, 20 per file (--all-errors: every one).
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try scenario.load()
        let database: SkillPlanStore
        do {
            database = try SkillPlanStore(path: store.db, softwareVersion: SkillPlan.version)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        let run = try catchingStorage { try database.beginRun(kind: .import, parameters: ["directory": loaded.directory]) }
        let outcome: ImportOutcome
        do {
            outcome = try database.importDataset(loaded)
        } catch {
            try? database.finishRun(run, status: .failed, summary: error.description)
            throw UserFailure(message: "error: \(error)")
        }
        try catchingStorage {
            try database.finishRun(run, status: .succeeded, summary: outcome.description, datasetID: outcome.dataset.id)
        }
        if output.json {
            try Terminal.printJSON(ImportReport(
                dataset: outcome.dataset.id.rawValue, new: outcome.isNew, contentHash: loaded.contentHash,
                database: store.db, run: run.rawValue, summary: ScenarioSummary(loaded.scenario)))
        } else {
            Terminal.output(outcome.description)
            Terminal.output(ScenarioSummary(loaded.scenario).render())
        }
    }
}

struct ImportReport: Encodable {
    let dataset: Int64
    let new: Bool
    let contentHash: String
    let database: String
    let run: Int64
    let summary: ScenarioSummary

    enum CodingKeys: String, CodingKey {
        case dataset, new, contentHash = "content_hash", database, run, summary
    }
}

/// Storage errors become user failures: the store's messages say what to do.
func catchingStorage<Result>(_ work: () throws -> Result) throws -> Result {
    do {
        return try work()
    } catch {
        throw UserFailure(message: "error: \(error)")
    }
}
