/// Where a problem in an input was found: a file, and in it a line and column (CSV: the field
/// number; YAML: the character column; Excel: the sheet, row and column).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var file: String
    /// 1-based line (or spreadsheet row); nil for a problem with the whole file.
    public var line: Int?
    /// 1-based column; nil when the problem is a whole line.
    public var column: Int?
    /// The worksheet, for an Excel file.
    public var sheet: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:column`, or for an Excel file `file[sheet]:row:column`.
    public var description: String {
        var text = file
        if let sheet { text += "[\(sheet)]" }
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// One problem in an input, with everything a user needs to fix it.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The column or key the problem is in (`slots`, `budget_vnd.2027`), when there is one.
    public var field: String?
    /// The value as written, when there is one.
    public var value: String?
    /// What was expected, or what is wrong, in words.
    public var expected: String

    public init(_ location: SourceLocation, field: String? = nil, value: String? = nil, expected: String) {
        self.location = location
        self.field = field
        self.value = value
        self.expected = expected
    }

    /// `postings.csv:14:5: slots: '-3' — expected a whole number ≥ 1`. Control characters
    /// (from a value, a key, a file name) are shown escaped (`\u{1B}`), on one line.
    public var description: String {
        var text = "\(location): "
        if let field { text += "\(field): " }
        if let value { text += "'\(value)' — " }
        return InputLimits.printable(text + expected)
    }
}

/// Every problem found in one load, in the order found. Thrown when there is at least one.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]
    /// What was not checked because of these errors (references to a file that failed), one
    /// line per file; not errors themselves.
    public var notes: [InputError]

    public init(_ errors: [InputError], notes: [InputError] = []) {
        self.errors = errors
        self.notes = notes
    }

    /// Every error and note, root causes first (``InputErrorDigest``, nothing left out).
    public var description: String {
        let noun = errors.count == 1 ? "error" : "errors"
        let digest = InputErrorDigest(self, limitPerFile: nil)
        return (["\(errors.count) input \(noun):"] + (digest.shown + digest.notes).map { "  \($0)" }).joined(separator: "\n")
    }
}

/// The errors of one load as a person should read them: the root causes first (a file or a
/// header that failed, before the rows of any file), at most `limitPerFile` errors of each file,
/// and for the rest a count per field.
public struct InputErrorDigest: Sendable {
    /// How many errors of one field were left out.
    public struct FieldCount: Sendable, Hashable {
        /// The field (`""` for errors without one).
        public var field: String
        public var count: Int
    }

    /// The errors left out of one file, counted by field.
    public struct Omitted: Sendable, Hashable {
        public var file: String
        public var count: Int
        /// Per field, largest count first (ties by field name).
        public var byField: [FieldCount]
    }

    /// The errors to show, root causes first.
    public var shown: [InputError]
    /// What was left out, per file, in the order the files first appear.
    public var omitted: [Omitted]
    /// What was not checked because of the errors.
    public var notes: [InputError]
    /// Every error, shown or not.
    public var total: Int

    /// The usual number of errors shown per file.
    public static let defaultLimitPerFile = 20

    /// Orders and caps `errors`.
    /// - Parameter limitPerFile: the most errors shown per file; nil shows every one.
    public init(_ errors: InputErrors, limitPerFile: Int? = defaultLimitPerFile) {
        total = errors.errors.count
        notes = errors.notes
        // Root causes first: a whole file (no line) or its header fails before anything in rows;
        // the order found is kept within each group.
        let ordered = errors.errors.filter(\.isRootCause) + errors.errors.filter { !$0.isRootCause }
        var perFile: [String: Int] = [:]
        var fileOrder: [String] = []
        var left: [String: [String: Int]] = [:]
        shown = []
        for error in ordered {
            let file = error.location.file
            let count = perFile[file, default: 0]
            perFile[file] = count + 1
            if let limitPerFile, count >= limitPerFile {
                if left[file] == nil { fileOrder.append(file) }
                left[file, default: [:]][error.field ?? "", default: 0] += 1
            } else {
                shown.append(error)
            }
        }
        omitted = fileOrder.map { file in
            let fields = (left[file] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return Omitted(file: file, count: fields.reduce(0) { $0 + $1.value }, byField: fields.map { FieldCount(field: $0.key, count: $0.value) })
        }
    }
}

extension InputError {
    /// Whether this error is about a whole file or its header (a cause of other errors), not one row.
    public var isRootCause: Bool { location.line == nil || field == "header" }
}
