import Foundation
import Optimization

/// The facts an Audit sheet records so that a workbook can be traced back to its run.
public struct AuditFacts: Hashable, Sendable {
    /// The run's identifier in the SQLite store (or any id the caller uses).
    public var runID: String
    /// The content hash of the dataset the plan was made from (e.g. SHA-256 of the inputs).
    public var datasetHash: String
    /// SkillPlan's version, e.g. `0.4.0`.
    public var softwareVersion: String
    /// The solver library's version; by default `Solver.coinVersion` (e.g. `CBC 2.10.8, CLP 1.17.6`).
    public var solverVersion: String
    /// When the workbooks were made; also the documents' creation time.
    public var created: Date

    /// Audit facts; `solverVersion` defaults to the COIN-OR versions linked in.
    public init(
        runID: String, datasetHash: String, softwareVersion: String, solverVersion: String = Solver.coinVersion,
        created: Date = Date()
    ) {
        self.runID = runID
        self.datasetHash = datasetHash
        self.softwareVersion = softwareVersion
        self.solverVersion = solverVersion
        self.created = created
    }
}
