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
        let store = try open(storePath: storePath, softwareVersion: softwareVersion)
        return try begin(kind: kind, store: store, loaded: loaded, parameters: parameters)
    }

    /// Opens (creating and migrating if needed) the store at `storePath`.
    public static func open(storePath: String, softwareVersion: String) throws(PlanningError) -> SkillPlanStore {
        do {
            return try SkillPlanStore(path: storePath, softwareVersion: softwareVersion)
        } catch {
            throw .store(error)
        }
    }

    /// Makes sure the dataset is stored in an open store (imported when the store has no dataset
    /// with its content hash), and begins a run on it started at `startedAt`.
    public static func begin(kind: RunKind, store: SkillPlanStore, loaded: LoadedScenario?, parameters: some Encodable,
                             startedAt: Date = Date()) throws(PlanningError) -> RecordedRun {
        do {
            var dataset: DatasetRecord?
            if let loaded {
                dataset = try store.dataset(withHash: loaded.contentHash) ?? store.importDataset(loaded).dataset
            }
            let run = try store.beginRun(kind: kind, datasetID: dataset?.id, parameters: parameters, startedAt: startedAt)
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
            recordFailure(error)
            throw error
        }
    }

    /// Records that the run failed, with the error's description. A store that cannot record it
    /// leaves the run `running` (the failure itself is what the caller reports).
    public func recordFailure(_ error: any Error) {
        try? store.finishRun(run, status: .failed, summary: "\(error)")
    }
}
