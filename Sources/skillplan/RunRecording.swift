import Foundation
import Planning
import Storage
import Workforce

extension RecordedRun {
    /// Opens the `--db` store, makes sure the dataset is stored, and begins a run.
    static func begin(kind: RunKind, store options: StoreOptions, loaded: LoadedScenario?,
                      parameters: some Encodable) throws -> RecordedRun {
        do {
            return try begin(kind: kind, storePath: options.db, softwareVersion: SkillPlan.version, loaded: loaded,
                             parameters: parameters)
        } catch {
            throw UserFailure(message: error.description)
        }
    }

    /// Runs `work`, then records success with its summary and results, or failure with the error.
    func record(_ work: () throws -> (summary: String, results: [RunResult])) throws {
        try record { () throws -> (value: Void, summary: String, results: [RunResult]) in
            let outcome = try work()
            return ((), outcome.summary, outcome.results)
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
    try StoredResultJSON.text(value)
}
