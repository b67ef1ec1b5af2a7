import ArgumentParser
import Foundation
import Storage
import Workforce

/// `skillplan runs`: what the store has recorded.
struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the runs recorded in the SQLite store, newest first.")

    @Option(help: "How many runs to list.")
    var limit: Int = 20
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: store.db) else {
            throw UserFailure(message: "error: no store at \(store.db); commands that run a stage create it (or pass --db PATH)")
        }
        let database = try catchingStorage { try SkillPlanStore(path: store.db, softwareVersion: SkillPlan.version) }
        let runs = try catchingStorage { try database.runs(limit: limit) }
        // The same content hash `plan` and `validate` print, not the store's row number.
        let hashes = Dictionary(try catchingStorage { try database.datasets() }.map { ($0.id, $0.contentHash) },
                                uniquingKeysWith: { first, _ in first })
        if output.json {
            try Terminal.printJSON(runs.map { RunListing($0, datasetHash: $0.datasetID.flatMap { hashes[$0] }) })
            return
        }
        var table = TextTable(headers: ["run", "kind", "dataset", "started (UTC)", "status", "summary"],
                              alignments: [.right, .left, .left, .left, .left, .left])
        for run in runs {
            table.append([String(run.id.rawValue), run.kind.rawValue, run.datasetID.flatMap { hashes[$0] }.map { String($0.prefix(12)) } ?? "",
                          RunListing.timestamp(run.startedAt), run.status.rawValue, String((run.summary ?? "").prefix(70))])
        }
        Terminal.output(table.render())
    }
}

struct RunListing: Encodable {
    let id: Int64
    let kind: String
    let dataset: Int64?
    /// The dataset's content hash, as `plan` and `validate` print it (in full).
    let datasetHash: String?
    let startedAt: String
    let finishedAt: String?
    let status: String
    let summary: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, dataset, datasetHash = "dataset_hash", startedAt = "started_at", finishedAt = "finished_at", status, summary
    }

    init(_ run: RunRecord, datasetHash: String?) {
        id = run.id.rawValue
        kind = run.kind.rawValue
        dataset = run.datasetID?.rawValue
        self.datasetHash = datasetHash
        startedAt = Self.timestamp(run.startedAt)
        finishedAt = run.finishedAt.map(Self.timestamp)
        status = run.status.rawValue
        summary = run.summary
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
