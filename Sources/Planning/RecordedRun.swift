import Foundation
import Storage
import Workforce

/// One run recorded in the SQLite store: the dataset it ran on (imported once, by content hash),
/// its parameters, start and end, status, summary and results.
public struct RecordedRun: Sendable {
    public let store: SkillPlanStore
    public let run: RunID
    public let dataset: DatasetRecord?

    /// Opens the store, makes sure the dataset is stored, and begins a run.
    public static func begin(kind: RunKind, storePath: String, softwareVersion: String, loaded: LoadedScenario?,
                             parameters: some Encodable) throws(PlanningError) -> RecordedRun {
        do {
            let store = try SkillPlanStore(path: storePath, softwareVersion: softwareVersion)
            var dataset: DatasetRecord?
            if let loaded {
                dataset = try store.dataset(withHash: loaded.contentHash) ?? store.importDataset(loaded).dataset
            }
            let run = try store.beginRun(kind: kind, datasetID: dataset?.id, parameters: parameters)
            return RecordedRun(store: store, run: run, dataset: dataset)
        } catch let error as StorageError {
            throw .store(error)
        } catch {
            throw .stage(.load, message: "\(error)")
        }
    }

    /// Runs `work`, then records success with its summary and results, or failure with the
    /// error's description, and returns what `work` returned. A store that cannot record the end
    /// fails the run too (its error is thrown).
    public func record<Value>(_ work: () throws -> (value: Value, summary: String, results: [RunResult])) throws -> Value {
        do {
            let outcome = try work()
            try store.finishRun(run, status: .succeeded, summary: outcome.summary, results: outcome.results)
            return outcome.value
        } catch {
            try? store.finishRun(run, status: .failed, summary: "\(error)")
            throw error
        }
    }
}
