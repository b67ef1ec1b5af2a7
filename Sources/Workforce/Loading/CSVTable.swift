/// A parsed CSV file: a header and rows of fields, each field with the line and column it came
/// from. RFC 4180: fields may be quoted with `"`, quotes doubled inside, line breaks inside quotes.
public struct CSVTable: Sendable {
    /// One field: its text and where it started.
    public struct Field: Sendable, Hashable {
        public var text: String
        public var line: Int
        public var column: Int
        public init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    /// One record: the line it starts on and its fields.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [Field]
        public init(line: Int, fields: [Field]) {
            self.line = line
            self.fields = fields
        }
    }

    public var file: String
    /// The worksheet, when the table came from an Excel file.
    public var sheet: String?
    public var header: [String]
    /// The line (or spreadsheet row) of the header.
    public var headerRowLine: Int
    public var rows: [Row]

    /// A table from already-split rows (an Excel sheet, say): the first row is the header.
    public init(file: String, sheet: String? = nil, header: [String], headerRowLine: Int = 1, rows: [Row]) {
        self.file = file
        self.sheet = sheet
        self.header = header
        self.headerRowLine = headerRowLine
        self.rows = rows
    }

    /// Parses CSV text. A UTF-8 byte-order mark is skipped; `\r\n` and `\n` both end a record;
    /// blank lines are ignored.
    ///
    /// - Throws: ``InputErrors`` for an empty file, an unterminated quote, or text after a
    ///   closing quote.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String) throws(InputErrors) -> CSVTable {
        var records: [Row] = []
        var errors: [InputError] = []
        var fields: [Field] = []
        var current: [UInt8] = []
        var line = 1
        var recordLine = 1
        var fieldLine = 1
        var fieldColumn = 1
        var inQuotes = false
        var afterQuote = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

        func endField() {
            fields.append(Field(text: String(decoding: current, as: UTF8.self), line: fieldLine, column: fieldColumn))
            current.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        func endRecord() {
            endField()
            let blank = fields.count == 1 && fields[0].text.isEmpty
            if !blank { records.append(Row(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        var index = 0
        var startOfField = true
        while index < bytes.count {
            let byte = bytes[index]
            if startOfField {
                fieldLine = line
                fieldColumn = fields.count + 1
                if fields.isEmpty { recordLine = line }
                startOfField = false
            }
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        current.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    current.append(byte)
                }
            } else {
                switch byte {
                case 0x2C:
                    endField()
                    startOfField = true
                case 0x0A:
                    endRecord()
                    line += 1
                    startOfField = true
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                    break
                case 0x22 where current.isEmpty && !afterQuote:
                    inQuotes = true
                default:
                    if afterQuote {
                        errors.append(InputError(
                            SourceLocation(file: file, line: line, column: fields.count + 1),
                            expected: "a separator (,) or the end of the line after a closing quote"))
                        afterQuote = false
                    }
                    current.append(byte)
                }
            }
            index += 1
        }
        if inQuotes {
            errors.append(InputError(
                SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                expected: "a closing quote (\") for the field that starts here"))
        }
        if !startOfField || !current.isEmpty { endRecord() }
        if !errors.isEmpty { throw InputErrors(errors) }
        guard let first = records.first else {
            throw InputErrors([InputError(SourceLocation(file: file), expected: "a header row; the file is empty")])
        }
        let header = first.fields.map { $0.text.trimmingSpaces() }
        return CSVTable(file: file, header: header, headerRowLine: first.line, rows: Array(records.dropFirst()))
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
