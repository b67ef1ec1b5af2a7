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
    /// The records after the header. A table read from a file's bytes keeps the bytes and cuts
    /// its rows when they are read (`forEachRow`, one at a time, without holding them all).
    public var rows: [Row] {
        get {
            switch storage {
            case .rows(let rows): return rows
            case .bytes(let source):
                var rows: [Row] = []
                rows.reserveCapacity(source.count)
                source.forEachRow(file: file) { rows.append($0) }
                return rows
            }
        }
        set { storage = .rows(newValue) }
    }

    /// Rows split already, or the bytes they are cut from.
    private var storage: Storage

    private enum Storage: Sendable {
        case rows([Row])
        case bytes(ByteRows)
    }

    /// The bytes of the records after the header, checked (UTF-8 and quotes) and counted.
    struct ByteRows: Sendable {
        let data: Data
        /// Where the first record after the header starts, and its line.
        let start: Int
        let line: Int
        let count: Int

        func forEachRow(file: String, _ body: (Row) -> Void) {
            data.withUnsafeBytes { raw in
                _ = CSVParser(buffer: raw.bindMemory(to: UInt8.self), file: file)
                    .records(from: start, line: line, cutText: true, body)
            }
        }
    }

    /// A table from already-split rows (an Excel sheet, say): the first row is the header.
    public init(file: String, sheet: String? = nil, header: [String], headerRowLine: Int = 1, rows: [Row]) {
        self.file = file
        self.sheet = sheet
        self.header = header
        self.headerRowLine = headerRowLine
        self.storage = .rows(rows)
    }

    private init(file: String, header: [String], headerRowLine: Int, byteRows: ByteRows) {
        self.file = file
        self.sheet = nil
        self.header = header
        self.headerRowLine = headerRowLine
        self.storage = .bytes(byteRows)
    }

    /// How many records follow the header.
    var rowCount: Int {
        switch storage {
        case .rows(let rows): rows.count
        case .bytes(let source): source.count
        }
    }

    /// Calls `body` with each record after the header, in order; a table read from bytes cuts
    /// one record at a time, so the rows are never all held at once.
    func forEachRow(_ body: (Row) -> Void) {
        switch storage {
        case .rows(let rows): rows.forEach(body)
        case .bytes(let source): source.forEachRow(file: file, body)
        }
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

    /// Parses a file's bytes as read (see ``parse(bytes:file:)``), without copying them. The bytes
    /// are checked whole (UTF-8, quotes) and the header is read; the other rows are cut from the
    /// bytes when they are read, one at a time.
    public static func parse(data: Data, file: String) throws(InputErrors) -> CSVTable {
        try data.withUnsafeBytes { raw -> Result<CSVTable, InputErrors> in
            let parser = CSVParser(buffer: raw.bindMemory(to: UInt8.self), file: file)
            do throws(InputErrors) {
                let (header, headerLine, start, line, count) = try parser.checkAndReadHeader()
                return .success(CSVTable(
                    file: file, header: header, headerRowLine: headerLine,
                    byteRows: ByteRows(data: data, start: start, line: line, count: count)))
            } catch {
                return .failure(error)
            }
        }.get()
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

    /// Where the records start: after a UTF-8 byte-order mark.
    private var firstByte: Int { buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    /// Throws for bytes that are not UTF-8, naming the line and the byte.
    private func checkUTF8() throws(InputErrors) {
        guard let invalid = UTF8Check.firstInvalidByte(in: buffer, from: firstByte) else { return }
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

    /// The whole table, every row split.
    func parse() throws(InputErrors) -> CSVTable {
        try checkUTF8()
        var records: [CSVTable.Row] = []
        let errors = self.records(from: firstByte, line: 1, cutText: true) { records.append($0) }.errors
        if !errors.isEmpty { throw InputErrors(errors) }
        guard let first = records.first else {
            throw InputErrors([InputError(SourceLocation(file: file), expected: "a header row; the file is empty")])
        }
        let header = first.fields.map { $0.text.trimmingSpaces() }
        return CSVTable(file: file, header: header, headerRowLine: first.line, rows: Array(records.dropFirst()))
    }

    /// Checks the whole file (UTF-8, quotes) without cutting texts, and reads the header: the
    /// header's names and line, where the next record starts, its line, and how many records follow.
    func checkAndReadHeader() throws(InputErrors) -> (header: [String], headerLine: Int, start: Int, line: Int, count: Int) {
        try checkUTF8()
        var count = 0
        let errors = records(from: firstByte, line: 1, cutText: false) { _ in count += 1 }.errors
        if !errors.isEmpty { throw InputErrors(errors) }
        var header: CSVTable.Row?
        let next = records(from: firstByte, line: 1, cutText: true, limit: 1) { header = $0 }.next
        guard let header else {
            throw InputErrors([InputError(SourceLocation(file: file), expected: "a header row; the file is empty")])
        }
        return (header.fields.map { $0.text.trimmingSpaces() }, header.line, next.start, next.line, count - 1)
    }

    /// Cuts the records from `start` (on line `startLine`) and calls `body` with each that is not
    /// blank, at most `limit` of them; returns the syntax errors and where it stopped (the next
    /// record's start and line). Without `cutText` the fields' texts are left empty: a check and
    /// a count only.
    @discardableResult
    func records(
        from start: Int, line startLine: Int, cutText: Bool, limit: Int = .max, _ body: (CSVTable.Row) -> Void
    ) -> (errors: [InputError], next: (start: Int, line: Int)) {
        var delivered = 0
        var index = start
        let end = buffer.count
        var errors: [InputError] = []
        var fields: [CSVTable.Field] = []
        var scratch: [UInt8] = []
        var line = startLine

        while index < end {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            var lastFieldEmpty = true
            record: while true {
                let fieldLine = line
                let column = fields.count + 1
                var text = ""
                if index < end, buffer[index] == Self.quote {
                    index += 1
                    scratch.removeAll(keepingCapacity: true)
                    var closed = false
                    var length = 0
                    while index < end {
                        let byte = buffer[index]
                        if byte == Self.quote {
                            if index + 1 < end, buffer[index + 1] == Self.quote {
                                if cutText { scratch.append(Self.quote) }
                                length += 1
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == Self.lineFeed { line += 1 }
                        if cutText { scratch.append(byte) }
                        length += 1
                        index += 1
                    }
                    if cutText { text = String(decoding: scratch, as: UTF8.self) }
                    lastFieldEmpty = length == 0
                    if !closed {
                        errors.append(InputError(
                            SourceLocation(file: file, line: fieldLine, column: column),
                            expected: "a closing quote (\") for the field that starts here"))
                    } else if index < end, buffer[index] != Self.comma, !isEndOfLine(at: index) {
                        errors.append(InputError(
                            SourceLocation(file: file, line: line, column: column),
                            expected: "a separator (,) or the end of the line after a closing quote"))
                        let rest = index
                        index = endOfUnquotedField(from: index)
                        let restEnd = trimmedEnd(rest, index)
                        if cutText { text += decode(rest..<restEnd) }
                        lastFieldEmpty = lastFieldEmpty && restEnd == rest
                    }
                } else {
                    let fieldStart = index
                    index = endOfUnquotedField(from: index)
                    let fieldEnd = trimmedEnd(fieldStart, index)
                    if cutText { text = decode(fieldStart..<fieldEnd) }
                    lastFieldEmpty = fieldEnd == fieldStart
                }
                fields.append(CSVTable.Field(text: text, line: fieldLine, column: column))
                if index < end, buffer[index] == Self.comma {
                    index += 1
                    if index == end {
                        // `a,b,` at the very end: the record has a last, empty field.
                        fields.append(CSVTable.Field(text: "", line: line, column: column + 1))
                        lastFieldEmpty = true
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
            if !(fields.count == 1 && lastFieldEmpty) {
                body(CSVTable.Row(line: recordLine, fields: fields))
                delivered += 1
                if delivered == limit { return (errors, (index, line)) }
            }
        }
        return (errors, (index, line))
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
