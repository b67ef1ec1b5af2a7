import Foundation
import Storage
import Workforce

/// Records one command's run in the SQLite store: the dataset it ran on (imported once, by content
/// hash), its parameters, start and end, status, summary and results.
struct RecordedRun {
    let store: SkillPlanStore
    let run: RunID
    let dataset: DatasetRecord?

    /// Opens the store, makes sure the dataset is stored, and begins a run.
    static func begin(kind: RunKind, store options: StoreOptions, loaded: LoadedScenario?,
                      parameters: some Encodable) throws -> RecordedRun {
        do {
            let store = try SkillPlanStore(path: options.db, softwareVersion: SkillPlan.version)
            var dataset: DatasetRecord?
            if let loaded {
                dataset = try store.dataset(withHash: loaded.contentHash) ?? store.importDataset(loaded).dataset
            }
            let run = try store.beginRun(kind: kind, datasetID: dataset?.id, parameters: parameters)
            return RecordedRun(store: store, run: run, dataset: dataset)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    /// Runs `work`, then records success with its summary and results, or failure with the error.
    func record(_ work: () throws -> (summary: String, results: [RunResult])) throws {
        do {
            let outcome = try work()
            try store.finishRun(run, status: .succeeded, summary: outcome.summary, results: outcome.results)
        } catch {
            let message = (error as? UserFailure)?.message ?? "\(error)"
            try? store.finishRun(run, status: .failed, summary: message)
            throw error
        }
    }
}

/// Writes a text file atomically, creating its folder.
func writeTextFile(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
        throw UserFailure(message: "error: cannot write \(path): \(error.localizedDescription)")
    }
}

/// JSON text of a value (sorted keys) for storing as a run result.
func jsonText<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
