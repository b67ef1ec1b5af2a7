import Foundation
internal import GRDB

/// The SkillPlan database: imported datasets and the record of every run, in one SQLite file.
///
/// A store on a file owns a GRDB `DatabasePool` in WAL mode (readers never wait for the
/// writer; writes are serialised, across processes too, with a busy timeout sized to the
/// longest write, a national import); in memory, a `DatabaseQueue`. It is safe to share between
/// tasks. Opening a store creates the file if needed and migrates it to the current schema, safely
/// when several processes open a new file at once; runs whose process has vanished are marked
/// `interrupted`. Foreign keys are enforced.
///
/// ```swift
/// let store = try SkillPlanStore(path: "skillplan.sqlite", softwareVersion: "0.1.0")
/// let outcome = try store.importDataset(loaded)
/// let run = try store.beginRun(kind: .forecast, datasetID: outcome.dataset.id, parameters: ["variant": "baseline"])
/// try store.finishRun(run, status: .succeeded, summary: "10 years", results: [])
/// ```
public final class SkillPlanStore: Sendable {
    /// The file the CLI uses when `--db` is not given, in the working directory.
    public static let defaultFileName = "skillplan.sqlite"

    /// The database file, or `:memory:`.
    public let path: String
    /// The SkillPlan version recorded with each run.
    public let softwareVersion: String

    let queue: any DatabaseWriter

    /// How long a write waits for another process's write to end before it fails as `busy`:
    /// longer than the longest write (a national import takes a few seconds, and several may
    /// queue), short enough that a hung process is reported.
    public static let busyTimeout: TimeInterval = 120

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    ///
    /// - Throws: ``StorageError`` with code `cannotOpen` (no such folder, no permission),
    ///   `notASkillPlanDatabase` (not SQLite, or another program's SQLite file), `newerSchema`
    ///   (written by a newer SkillPlan), `busy` or `cannotWrite`.
    public convenience init(path: String, softwareVersion: String = "unknown") throws(StorageError) {
        let queue: any DatabaseWriter
        do {
            // A pool needs a file (WAL); `:memory:` is a private in-memory database, one connection.
            queue = path == ":memory:"
                ? try DatabaseQueue(path: path, configuration: Self.configuration())
                : try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StorageError.wrapping(error, path: path, action: "open the database")
        }
        try self.init(queue: queue, path: path, softwareVersion: softwareVersion)
    }

    /// A new empty store in memory, for tests and dry runs; it disappears with the value.
    public static func inMemory(softwareVersion: String = "unknown") throws(StorageError) -> SkillPlanStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration())
        } catch {
            throw StorageError.wrapping(error, path: ":memory:", action: "open the database")
        }
        return try SkillPlanStore(queue: queue, path: ":memory:", softwareVersion: softwareVersion)
    }

    private init(queue: any DatabaseWriter, path: String, softwareVersion: String) throws(StorageError) {
        self.queue = queue
        self.path = path
        self.softwareVersion = softwareVersion
        try migrate()
        try markInterruptedRuns()
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another skillplan command may be writing: wait for it rather than fail at once.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "SkillPlanStore"
        // Up to 64 MiB of page cache: imports insert into several indexes at random places.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        return configuration
    }

    /// Checks that the file is ours and not from a newer version, then applies new migrations.
    private func migrate() throws(StorageError) {
        let migrator = StoreSchema.migrator
        let known = Set(migrator.migrations)
        let place = StorageError.displayName(of: path)
        do {
            let (applied, otherTables) = try queue.read { db in
                let applied = try db.tableExists("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                let otherTables = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                    """)
                return (applied, otherTables)
            }
            let unknown = applied.filter { !known.contains($0) }
            if let first = migrator.migrations.first, !applied.contains(first), !otherTables.isEmpty {
                throw StorageError(.notASkillPlanDatabase, path: path, message: """
                    \(place) is an SQLite database of some other program (it has tables \
                    \(otherTables.prefix(5).joined(separator: ", ")) but no SkillPlan schema); \
                    pass a SkillPlan database, or a new file name, with --db
                    """)
            }
            if !unknown.isEmpty {
                throw StorageError(.newerSchema, path: path, message: """
                    \(place) was written by a newer SkillPlan (it has schema changes this version \
                    does not know: \(unknown.joined(separator: ", "))); use a newer skillplan, \
                    or pass another file with --db
                    """)
            }
            try Self.migrate(queue, with: migrator)
        } catch {
            throw StorageError.wrapping(error, path: path, action: "prepare the database schema")
        }
    }

    /// Applies the migrations not applied yet. Two processes that open a new file at once both
    /// find the schema missing; each migration runs in an immediate transaction, so one of them
    /// applies it and the other fails (`table … already exists`) with nothing kept. The loser then
    /// finds the migrations complete and goes on; any other failure is thrown.
    private static func migrate(_ writer: any DatabaseWriter, with migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                attempt += 1
                if try writer.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                if attempt == 3 { throw error }
            }
        }
    }

    /// The identifiers of the migrations applied to this database, oldest first.
    public func appliedMigrations() throws(StorageError) -> [String] {
        try read(action: "read the schema version") { db in
            try StoreSchema.migrator.appliedMigrations(db)
        }
    }

    /// The number of rows in each table of the schema, by table name: for audits and tests.
    public func rowCounts() throws(StorageError) -> [String: Int] {
        try read(action: "count rows") { db in
            var counts: [String: Int] = [:]
            for table in StoreSchema.allTables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// Runs raw SQL in one transaction, for tests and maintenance (not part of the public API).
    func execute(sql: String) throws(StorageError) {
        try write(action: "run `\(sql)`") { db in try db.execute(sql: sql) }
    }

    /// Runs `body` in a read transaction, mapping errors.
    func read<T>(action: String, _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch {
            throw StorageError.wrapping(error, path: path, action: action)
        }
    }

    /// Runs `body` in one immediate write transaction (taking the write lock at once), mapping
    /// errors; on any error nothing `body` wrote is kept.
    func write<T>(action: String, constraintHint: String? = nil, _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StorageError(.database, path: path, message: "could not \(action)") }
                return result
            }
        } catch {
            throw StorageError.wrapping(error, path: path, action: action, constraintHint: constraintHint)
        }
    }
}
