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

    public init(_ errors: [InputError]) { self.errors = errors }

    public var description: String {
        let noun = errors.count == 1 ? "error" : "errors"
        return (["\(errors.count) input \(noun):"] + errors.map { "  \($0)" }).joined(separator: "\n")
    }
}
