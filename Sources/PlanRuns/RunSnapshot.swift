import Foundation

/// What the store kept of one planning run, as plain values: enough to compare two runs without
/// the store (see ``RunComparison``).
public struct RunSnapshot: Sendable, Hashable {
    /// The run's number in the store.
    public var run: Int64
    /// The command that ran (`plan`, `allocate`, …).
    public var kind: String
    /// When it started.
    public var startedAt: Date
    /// The dataset's content hash (SHA-256 over its files), nil for a run without a dataset.
    public var datasetHash: String?
    /// Each source file of the dataset (path relative to the scenario folder) → its SHA-256.
    public var sourceFiles: [String: String]
    /// The run's parameters as stored: a JSON object.
    public var parameters: String
    /// The stored `plan.json`, if the run kept one.
    public var planJSON: String?
    /// The stored `report.json`, if the run kept one.
    public var reportJSON: String?

    /// Makes a snapshot from its parts.
    public init(
        run: Int64, kind: String, startedAt: Date, datasetHash: String?, sourceFiles: [String: String],
        parameters: String, planJSON: String?, reportJSON: String?
    ) {
        self.run = run
        self.kind = kind
        self.startedAt = startedAt
        self.datasetHash = datasetHash
        self.sourceFiles = sourceFiles
        self.parameters = parameters
        self.planJSON = planJSON
        self.reportJSON = reportJSON
    }
}
