import Foundation

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
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses the bytes of a CSV file: its UTF-8 is validated once (an invalid byte is an error
    /// naming its line and byte), then fields are cut from the bytes directly. See
    /// ``parse(_:file:)`` for the rules.
    ///
    /// - Throws: ``InputErrors`` as ``parse(_:file:)`` does, and for bytes that are not UTF-8.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(bytes: [UInt8], file: String) throws(InputErrors) -> CSVTable {
        try bytes.withUnsafeBufferPointer { buffer in Self.parse(buffer, file: file) }.get()
    }

    /// Parses a file's bytes as read (see ``parse(bytes:file:)``), without copying them.
    public static func parse(data: Data, file: String) throws(InputErrors) -> CSVTable {
        try data.withUnsafeBytes { raw in Self.parse(raw.bindMemory(to: UInt8.self), file: file) }.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, file: String) -> Result<CSVTable, InputErrors> {
        do throws(InputErrors) {
            return .success(try CSVParser(buffer: buffer, file: file).parse())
        } catch {
            return .failure(error)
        }
    }
}

/// The byte-level CSV parser behind ``CSVTable/parse(bytes:file:)``.
private struct CSVParser {
    let buffer: UnsafeBufferPointer<UInt8>
    let file: String

    private static let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    func parse() throws(InputErrors) -> CSVTable {
        var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let invalid = UTF8Check.firstInvalidByte(in: buffer, from: index) {
            var line = 1
            var lineStart = 0
            for position in 0..<invalid where buffer[position] == Self.lineFeed {
                line += 1
                lineStart = position + 1
            }
            throw InputErrors([InputError(
                SourceLocation(file: file, line: line),
                expected: "UTF-8 text; byte \(invalid - lineStart + 1) of this line is not UTF-8 (save the file as UTF-8)")])
        }
        let end = buffer.count
        var records: [CSVTable.Row] = []
        var errors: [InputError] = []
        var fields: [CSVTable.Field] = []
        var scratch: [UInt8] = []
        var line = 1

        while index < end {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            record: while true {
                let fieldLine = line
                let column = fields.count + 1
                var text: String
                if index < end, buffer[index] == Self.quote {
                    index += 1
                    scratch.removeAll(keepingCapacity: true)
                    var closed = false
                    while index < end {
                        let byte = buffer[index]
                        if byte == Self.quote {
                            if index + 1 < end, buffer[index + 1] == Self.quote {
                                scratch.append(Self.quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == Self.lineFeed { line += 1 }
                        scratch.append(byte)
                        index += 1
                    }
                    text = String(decoding: scratch, as: UTF8.self)
                    if !closed {
                        errors.append(InputError(
                            SourceLocation(file: file, line: fieldLine, column: column),
                            expected: "a closing quote (\") for the field that starts here"))
                    } else if index < end, buffer[index] != Self.comma, !isEndOfLine(at: index) {
                        errors.append(InputError(
                            SourceLocation(file: file, line: line, column: column),
                            expected: "a separator (,) or the end of the line after a closing quote"))
                        let start = index
                        index = endOfUnquotedField(from: index)
                        text += decode(start..<trimmedEnd(start, index))
                    }
                } else {
                    let start = index
                    index = endOfUnquotedField(from: index)
                    text = decode(start..<trimmedEnd(start, index))
                }
                fields.append(CSVTable.Field(text: text, line: fieldLine, column: column))
                if index < end, buffer[index] == Self.comma {
                    index += 1
                    if index == end {
                        // `a,b,` at the very end: the record has a last, empty field.
                        fields.append(CSVTable.Field(text: "", line: line, column: column + 1))
                        break record
                    }
                    continue record
                }
                if index < end, buffer[index] == Self.carriageReturn { index += 1 }
                if index < end, buffer[index] == Self.lineFeed {
                    index += 1
                    line += 1
                }
                break record
            }
            if !(fields.count == 1 && fields[0].text.isEmpty) {
                records.append(CSVTable.Row(line: recordLine, fields: fields))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        guard let first = records.first else {
            throw InputErrors([InputError(SourceLocation(file: file), expected: "a header row; the file is empty")])
        }
        let header = first.fields.map { $0.text.trimmingSpaces() }
        return CSVTable(file: file, header: header, headerRowLine: first.line, rows: Array(records.dropFirst()))
    }

    /// The position of the `,` or line feed (or the end) that ends an unquoted field.
    private func endOfUnquotedField(from start: Int) -> Int {
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if byte == Self.comma || byte == Self.lineFeed { break }
            index += 1
        }
        return index
    }

    /// `end`, less a carriage return just before a line feed (`\r\n` ends a record; a lone
    /// `\r` is kept).
    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        end > start && end < buffer.count && buffer[end] == Self.lineFeed && buffer[end - 1] == Self.carriageReturn
            ? end - 1 : end
    }

    /// Whether a record ends at `index`: `\n` or `\r\n`.
    private func isEndOfLine(at index: Int) -> Bool {
        buffer[index] == Self.lineFeed
            || (buffer[index] == Self.carriageReturn && index + 1 < buffer.count && buffer[index + 1] == Self.lineFeed)
    }

    private func decode(_ range: Range<Int>) -> String {
        range.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}

/// UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Check {
    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
    static func firstInvalidByte(in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return nil }
        var index = start
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = buffer[index + 1]
            guard second >= lower, second <= upper else { return index }
            for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        // Fast path, the common case: nothing to trim, no copy.
        let bytes = utf8
        guard !bytes.isEmpty else { return self }
        let first = bytes[bytes.startIndex], last = bytes[bytes.index(before: bytes.endIndex)]
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
