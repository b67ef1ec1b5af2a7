import Foundation
internal import GRDB

extension SkillPlanStore {
    /// Records the start of a run, with status `running`.
    ///
    /// - Parameters:
    ///   - kind: which command runs.
    ///   - datasetID: the dataset it works on, if any; it must be stored.
    ///   - parameters: the run's options, stored as a JSON document with sorted keys (a
    ///     dictionary or a `Codable` struct).
    ///   - startedAt: the time recorded.
    /// - Throws: ``StorageError`` with code `datasetNotFound` when no dataset has `datasetID`,
    ///   `encoding` when the parameters cannot be written as JSON.
    public func beginRun(
        kind: RunKind, datasetID: DatasetID? = nil, parameters: some Encodable, startedAt: Date = Date()
    ) throws(StorageError) -> RunID {
        let json: String
        do {
            json = try StoredJSON.encode(parameters)
        } catch {
            throw StorageError(.encoding, path: path, message: """
                could not record the \(kind.rawValue) run: its parameters cannot be written as JSON (\(error))
                """)
        }
        let path = self.path
        let version = softwareVersion
        return try write(action: "record the start of a \(kind.rawValue) run") { db in
            if let datasetID, try Int.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [datasetID.rawValue]) == nil {
                throw StorageError(.datasetNotFound, path: path, message: """
                    cannot record a \(kind.rawValue) run on dataset \(datasetID): there is no such dataset in \
                    \(StorageError.displayName(of: path)); import the scenario first with `skillplan import DIR`
                    """)
            }
            try db.execute(
                sql: """
                    INSERT INTO run (kind, dataset_id, parameters, started_at, status, software_version, process_id)
                    VALUES (?, ?, ?, ?, 'running', ?, ?)
                    """,
                arguments: [kind.rawValue, datasetID?.rawValue, json, startedAt, version, Int64(getpid())]
            )
            return RunID(rawValue: db.lastInsertedRowID)
        }
    }

    /// Records the end of a run: its status, a summary and every result, in one transaction.
    ///
    /// - Parameters:
    ///   - status: `succeeded` or `failed`.
    ///   - summary: a short summary (plain text or JSON).
    ///   - results: the run's outputs, names unique within the run.
    ///   - datasetID: the dataset the run turned out to work on, when it was not known at the
    ///     start (an `import` run); nil keeps the one given to ``beginRun(kind:datasetID:parameters:startedAt:)``.
    ///   - finishedAt: the time recorded; not before the start.
    /// - Throws: ``StorageError`` with code `runNotFound`, `datasetNotFound`, or
    ///   `invalidRunTransition` when the run is already finished or `status` is `running`.
    public func finishRun(
        _ run: RunID, status: RunStatus, summary: String? = nil, results: [RunResult] = [],
        datasetID: DatasetID? = nil, finishedAt: Date = Date()
    ) throws(StorageError) {
        let path = self.path
        guard status != .running else {
            throw StorageError(.invalidRunTransition, path: path, message: """
                cannot finish run \(run) as 'running': finish it as succeeded or failed
                """)
        }
        try write(action: "record the end of run \(run)") { db in
            guard let current = try String.fetchOne(db, sql: "SELECT status FROM run WHERE id = ?", arguments: [run.rawValue]) else {
                throw StorageError(.runNotFound, path: path, message: """
                    there is no run \(run) in \(StorageError.displayName(of: path))
                    """)
            }
            guard current == RunStatus.running.rawValue else {
                throw StorageError(.invalidRunTransition, path: path, message: """
                    run \(run) already finished (\(current)); a run is finished once
                    """)
            }
            if let datasetID, try Int.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [datasetID.rawValue]) == nil {
                throw StorageError(.datasetNotFound, path: path, message: """
                    cannot record run \(run) on dataset \(datasetID): there is no such dataset in \
                    \(StorageError.displayName(of: path))
                    """)
            }
            try db.execute(
                sql: """
                    UPDATE run SET status = ?, finished_at = ?, summary = ?, dataset_id = coalesce(?, dataset_id)
                    WHERE id = ?
                    """,
                arguments: [status.rawValue, finishedAt, summary, datasetID?.rawValue, run.rawValue]
            )
            let insert = try db.makeStatement(sql: "INSERT INTO run_result (run_id, name, format, content) VALUES (?, ?, ?, ?)")
            for result in results {
                try insert.execute(arguments: [run.rawValue, result.name, result.format.rawValue, result.content])
            }
        }
    }

    /// Marks `interrupted` every `running` run whose process no longer exists (killed by a
    /// signal, crashed, or the machine stopped): it can never finish. Called when a store is
    /// opened; runs of processes still alive are left alone.
    ///
    /// - Returns: the runs marked, oldest first.
    @discardableResult
    public func markInterruptedRuns(at now: Date = Date()) throws(StorageError) -> [RunID] {
        let running = try read(action: "list the running runs") { db in
            try Row.fetchAll(db, sql: "SELECT id, process_id, started_at FROM run WHERE status = 'running' ORDER BY id")
                .map { row -> (Int64, Int64?, Date) in (row["id"], row["process_id"], row["started_at"]) }
        }
        let vanished = running.filter { _, process, _ in
            guard let process, process > 0, process <= Int64(Int32.max) else { return true }
            return kill(pid_t(process), 0) != 0 && errno == ESRCH
        }
        guard !vanished.isEmpty else { return [] }
        return try write(action: "mark interrupted runs") { db in
            var marked: [RunID] = []
            for (id, process, started) in vanished {
                let summary = "interrupted: its process\(process.map { " (\($0))" } ?? "") ended without recording an end (killed by a signal?)"
                try db.execute(
                    sql: "UPDATE run SET status = 'interrupted', finished_at = ?, summary = ? WHERE id = ? AND status = 'running'",
                    arguments: [max(now, started), summary, id])
                if db.changesCount > 0 { marked.append(RunID(rawValue: id)) }
            }
            return marked
        }
    }

    /// The most recent runs, newest first.
    public func runs(limit: Int = 50) throws(StorageError) -> [RunRecord] {
        try read(action: "list the runs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [max(0, limit)])
                .map { row in try Self.runRecord(row, path: path) }
        }
    }

    /// The run with this id, if recorded.
    public func run(id: RunID) throws(StorageError) -> RunRecord? {
        try read(action: "read run \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id.rawValue])
                .map { row in try Self.runRecord(row, path: path) }
        }
    }

    /// The results stored with a run, by name.
    public func results(of run: RunID) throws(StorageError) -> [RunResult] {
        try read(action: "read the results of run \(run)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run_result WHERE run_id = ? ORDER BY name", arguments: [run.rawValue]).map { row in
                let format: String = try row.decode(forColumn: "format")
                return RunResult(
                    name: try row.decode(forColumn: "name"),
                    format: try Self.decodeRaw(ResultFormat.self, format, column: "run_result.format", path: path),
                    content: try row.decode(forColumn: "content")
                )
            }
        }
    }

    private static func runRecord(_ row: Row, path: String) throws -> RunRecord {
        let dataset: Int64? = try row.decode(forColumn: "dataset_id")
        return RunRecord(
            id: RunID(rawValue: try row.decode(forColumn: "id")),
            kind: try decodeRaw(RunKind.self, try row.decode(forColumn: "kind"), column: "run.kind", path: path),
            datasetID: dataset.map { DatasetID(rawValue: $0) },
            parameters: try row.decode(forColumn: "parameters"),
            startedAt: try row.decode(forColumn: "started_at"),
            finishedAt: try row.decode(forColumn: "finished_at"),
            status: try decodeRaw(RunStatus.self, try row.decode(forColumn: "status"), column: "run.status", path: path),
            summary: try row.decode(forColumn: "summary"),
            softwareVersion: try row.decode(forColumn: "software_version")
        )
    }

    private static func decodeRaw<T: RawRepresentable<String>>(_ type: T.Type, _ text: String, column: String, path: String) throws -> T {
        guard let value = T(rawValue: text) else {
            throw StorageError(.corrupt, path: path, message: """
                \(StorageError.displayName(of: path)) holds an unknown value '\(text)' in \(column); it was \
                written by a newer SkillPlan or changed outside SkillPlan
                """)
        }
        return value
    }
}
