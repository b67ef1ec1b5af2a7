internal import GRDB

/// A failure of the SkillPlan database, with a message that says what to do about it.
///
/// As GRDB's `DatabaseError`, an error is a value with a stable ``code`` and a ``description``
/// meant for the user. ``Code`` is a struct, not an enum, so codes can be added later.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A short stable name, e.g. `newer-schema`.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        /// The short name.
        public var description: String { rawValue }

        /// The file could not be opened or created.
        public static let cannotOpen = Code("cannot-open")
        /// The file is not SQLite, or is an SQLite file of some other program.
        public static let notASkillPlanDatabase = Code("not-a-skillplan-database")
        /// The file was migrated by a newer SkillPlan than this one.
        public static let newerSchema = Code("newer-schema")
        /// A write breaks a rule of the schema (a duplicate code, an unknown reference, a value
        /// out of range); nothing of it was written.
        public static let constraintViolation = Code("constraint-violation")
        /// No dataset has the id asked for.
        public static let datasetNotFound = Code("dataset-not-found")
        /// No run has the id asked for.
        public static let runNotFound = Code("run-not-found")
        /// The run was already finished, or a caller asked to finish it as still running.
        public static let invalidRunTransition = Code("invalid-run-transition")
        /// A value could not be encoded or decoded (parameters, stored JSON).
        public static let encoding = Code("encoding")
        /// Another process holds the database.
        public static let busy = Code("busy")
        /// The file cannot be written (read-only file or folder, full disk).
        public static let cannotWrite = Code("cannot-write")
        /// The file is damaged.
        public static let corrupt = Code("corrupt")
        /// Any other SQLite failure.
        public static let database = Code("database")
    }

    /// What kind of failure this is.
    public let code: Code
    /// The database file, or `:memory:`.
    public let path: String
    /// The whole message: what happened and what to do.
    public let message: String

    /// Makes an error; ``description`` is `message`.
    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// The whole message: what happened and what to do.
    public var description: String { message }
}

extension StorageError {
    /// How the path reads in a message.
    static func displayName(of path: String) -> String {
        path == ":memory:" ? "the in-memory database" : "the database at \(path)"
    }

    /// Wraps any error thrown while doing `action` (a phrase such as "store the dataset tiny");
    /// `constraintHint` says what to do when the write breaks a rule of the schema.
    ///
    /// A ``StorageError`` passes through unchanged.
    static func wrapping(
        _ error: any Error, path: String, action: String, constraintHint: String? = nil
    ) -> StorageError {
        if let error = error as? StorageError { return error }
        let place = displayName(of: path)
        guard let error = error as? DatabaseError else {
            return StorageError(.database, path: path, message: "could not \(action) in \(place): \(error)")
        }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StorageError(.busy, path: path, message: """
                could not \(action): \(place) is locked by another process (\(detail)); \
                try again when the other skillplan command has finished
                """)
        case .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PERM:
            return StorageError(.cannotWrite, path: path, message: """
                could not \(action): cannot write \(place) (\(detail)); check that the file and its \
                folder are writable and the disk has room, or pass another file with --db
                """)
        case .SQLITE_CANTOPEN:
            return StorageError(.cannotOpen, path: path, message: """
                cannot open \(place) (\(detail)); check that its folder exists and is writable, \
                or pass another file with --db
                """)
        case .SQLITE_NOTADB:
            return StorageError(.notASkillPlanDatabase, path: path, message: """
                \(place) is not an SQLite database (\(detail)); pass a SkillPlan database, or a new \
                file name, with --db
                """)
        case .SQLITE_CORRUPT:
            return StorageError(.corrupt, path: path, message: """
                \(place) is damaged (\(detail)); restore it from a backup, or start a new database \
                with --db and import the scenarios again
                """)
        case .SQLITE_CONSTRAINT:
            let hint = constraintHint.map { ". \($0)" } ?? ""
            return StorageError(.constraintViolation, path: path, message: """
                could not \(action): it breaks a rule of the database (\(detail)); nothing was stored\(hint)
                """)
        default:
            let sql = error.sql.map { " while running `\($0)`" } ?? ""
            return StorageError(.database, path: path, message: """
                could not \(action) in \(place): SQLite error \(error.resultCode.rawValue): \(detail)\(sql)
                """)
        }
    }
}
