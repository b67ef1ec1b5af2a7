import Foundation

/// The id of a recorded run (the `run.id` column).
public struct RunID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The row id.
    public let rawValue: Int64
    /// Wraps a row id.
    public init(rawValue: Int64) { self.rawValue = rawValue }
    /// The id as digits.
    public var description: String { String(rawValue) }
    /// Older ids first.
    public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which command a run was.
public enum RunKind: String, CaseIterable, Hashable, Sendable, Codable {
    case validate, `import`, forecast, allocate, match, plan, bench, synth, template
}

/// Where a run is: still running, or how it ended. `interrupted`: the process ended without
/// recording an end (killed by a signal, a crash, the machine stopped); set when a store is
/// next opened and the run's process no longer exists.
public enum RunStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case running, succeeded, failed, interrupted
}

/// How a stored result's content is written.
public enum ResultFormat: String, CaseIterable, Hashable, Sendable, Codable {
    case json, csv, text
}

/// One named output of a run, e.g. `plan.json` or `matches.csv`, stored whole.
public struct RunResult: Hashable, Sendable {
    /// Unique within the run, e.g. `matches.csv`.
    public var name: String
    /// How ``content`` is written.
    public var format: ResultFormat
    /// The whole result.
    public var content: String

    /// Makes a result.
    public init(name: String, format: ResultFormat, content: String) {
        self.name = name
        self.format = format
        self.content = content
    }
}

/// One recorded run (a row of `run`), without its results.
public struct RunRecord: Identifiable, Hashable, Sendable {
    /// The run's id in this database.
    public var id: RunID
    /// Which command ran.
    public var kind: RunKind
    /// The dataset the run worked on, if any (e.g. `match --postings FILE` has none).
    public var datasetID: DatasetID?
    /// The run's parameters as a JSON document (object keys sorted).
    public var parameters: String
    /// When it started.
    public var startedAt: Date
    /// When the run finished; nil while ``status`` is `running`.
    public var finishedAt: Date?
    /// Running, succeeded or failed.
    public var status: RunStatus
    /// A short summary written when the run finished (plain text or JSON, the command's choice).
    public var summary: String?
    /// The SkillPlan version that ran it.
    public var softwareVersion: String

    /// Makes a record from its fields.
    public init(
        id: RunID, kind: RunKind, datasetID: DatasetID?, parameters: String, startedAt: Date,
        finishedAt: Date?, status: RunStatus, summary: String?, softwareVersion: String
    ) {
        self.id = id
        self.kind = kind
        self.datasetID = datasetID
        self.parameters = parameters
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.summary = summary
        self.softwareVersion = softwareVersion
    }
}
