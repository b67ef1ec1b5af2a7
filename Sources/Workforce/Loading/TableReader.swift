/// Reads the rows of a ``CSVTable`` against a fixed list of columns, reporting every problem.
/// A class: each of the (many) ``TableRow``s refers to it without copying the table.
final class TableReader {
    let table: CSVTable
    let diagnostics: Diagnostics
    /// Column name → 0-based position in the header.
    let positions: [String: Int]
    /// The same, as a list: for a handful of columns a scan with `==` (short names compare as
    /// two words) costs less than hashing the name for every field of every row.
    private let positionList: [(column: String, position: Int)]

    /// Checks the header: every column in `columns` present once, each of `optional` at most
    /// once, nothing else. Returns nil (after reporting) when the header is unusable.
    init?(_ table: CSVTable, columns: [String], optional: [String] = [], diagnostics: Diagnostics) {
        self.table = table
        self.diagnostics = diagnostics
        var positions: [String: Int] = [:]
        var usable = true
        for (offset, name) in table.header.enumerated() {
            let location = SourceLocation(file: table.file, line: table.headerLine, column: offset + 1, sheet: table.sheet)
            if !columns.contains(name) && !optional.contains(name) {
                let allowed = (columns + optional).joined(separator: ",")
                let near = (columns + optional).first { Self.isNear(name, $0) && !table.header.contains($0) }
                diagnostics.report(location, field: "header", value: name,
                                   expected: "only the columns \(allowed)" + (near.map { " (did you mean `\($0)`?)" } ?? ""))
                usable = false
            } else if positions[name] != nil {
                diagnostics.report(location, field: "header", value: name, expected: "each column once")
                usable = false
            } else {
                positions[name] = offset
            }
        }
        for name in columns where positions[name] == nil {
            diagnostics.report(SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet), field: "header",
                               expected: "a column named `\(name)`, which is missing")
            usable = false
        }
        if !usable { return nil }
        self.positions = positions
        self.positionList = positions.map { (column: $0.key, position: $0.value) }
    }

    /// Whether `typed` is one or two letters away from `column` (a typo of it).
    static func isNear(_ typed: String, _ column: String) -> Bool {
        let a = Array(typed.lowercased()), b = Array(column)
        guard abs(a.count - b.count) <= 2 else { return false }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 2
    }

    /// The 0-based position of `column` in the header, if it is there.
    func position(of column: String) -> Int? {
        for entry in positionList where entry.column == column { return entry.position }
        return nil
    }

    /// The rows, each wrapped for typed reading and passed to `transform`; the non-nil results.
    /// Rows are read one at a time (a table read from bytes is never held whole). A row with
    /// more fields than the header is reported (a list separated by `,` instead of `;` would
    /// otherwise lose its tail silently) and still read, so its other problems are reported too.
    func compactMapRows<Value>(_ transform: (TableRow) -> Value?) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(table.rowCount)
        let width = table.header.count
        table.forEachRow { row in
            if row.fields.count > width {
                let extra = row.fields.count - width
                diagnostics.report(
                    SourceLocation(file: table.file, line: row.line, column: width + 1, sheet: table.sheet),
                    value: row.fields[width].text,
                    expected: "at most \(width) fields as in the header; this line has \(row.fields.count) "
                        + "(\(extra) extra; separate the items of a list with `;`, and quote a text that contains `,`)")
            }
            for (offset, field) in row.fields.enumerated() where !field.text.isEmpty {
                // A text has no more characters than bytes: count characters only when it may be long.
                let problem = field.text.utf8.count > InputLimits.maximumTextLength
                    && field.text.count > InputLimits.maximumTextLength
                    ? "a text of at most \(InputLimits.maximumTextLength) characters; it has \(field.text.count)"
                    : InputLimits.textProblem(field.text)
                guard let problem else { continue }
                diagnostics.report(
                    SourceLocation(file: table.file, line: field.line, column: offset + 1, sheet: table.sheet),
                    field: offset < width ? table.header[offset] : nil,
                    value: String(field.text.prefix(80)), expected: problem)
            }
            if let value = transform(TableRow(reader: self, row: row)) { values.append(value) }
        }
        return values
    }
}

/// One row of a table, read field by field; each accessor reports and returns nil on a bad value.
struct TableRow {
    let reader: TableReader
    let row: CSVTable.Row

    var line: Int { row.line }

    func location(_ column: String) -> SourceLocation {
        let position = reader.position(of: column) ?? 0
        return SourceLocation(file: reader.table.file, line: row.line, column: position + 1, sheet: reader.table.sheet)
    }

    /// The trimmed text of a column; empty when the row is short.
    func text(_ column: String) -> String {
        guard let position = reader.position(of: column), position < row.fields.count else { return "" }
        return row.fields[position].text.trimmingSpaces()
    }

    func fail(_ column: String, _ expected: String) {
        reader.diagnostics.report(location(column), field: column, value: text(column), expected: expected)
    }

    func required(_ column: String) -> String? {
        let value = text(column)
        if value.isEmpty {
            fail(column, "a value; the field is empty")
            return nil
        }
        return value
    }

    func code<Entity>(_ column: String, _ kind: Code<Entity>.Type = Code<Entity>.self) -> Code<Entity>? {
        guard let value = required(column) else { return nil }
        guard Code<Entity>.isValid(value) else {
            fail(column, "a code of letters, digits, `.`, `_` or `-`")
            return nil
        }
        if let problem = InputLimits.codeProblem(value) {
            fail(column, problem)
            return nil
        }
        return Code(value)
    }

    /// A code that must name something in `known`; `what` names the file it should be in.
    func reference<Entity>(_ column: String, in known: Set<Code<Entity>>, what: String) -> Code<Entity>? {
        guard let code: Code<Entity> = code(column) else { return nil }
        guard known.contains(code) else {
            fail(column, "the code of \(what)")
            return nil
        }
        return code
    }

    func int(_ column: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = required(column) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            fail(column, range.upperBound >= InputLimits.maximumCount
                 ? "a whole number, \(range.lowerBound) or more (at most \(range.upperBound))"
                 : "a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    func double(_ column: String, in range: ClosedRange<Double>) -> Double? {
        guard let value = required(column) else { return nil }
        guard InputLimits.isDecimal(value), let number = Double(value), number.isFinite, range.contains(number) else {
            fail(column, "a number from \(YAMLValue.format(range.lowerBound)) to \(YAMLValue.format(range.upperBound))")
            return nil
        }
        return number
    }

    /// An optional rate: empty gives `.some(nil)`; a bad value reports and gives nil.
    func optionalRate(_ column: String) -> Double?? {
        if text(column).isEmpty { return .some(nil) }
        guard let rate = double(column, in: 0...1) else { return nil }
        return .some(rate)
    }

    func vnd(_ column: String, atMost limit: VND = InputLimits.maximumVND) -> VND? {
        guard let value = required(column) else { return nil }
        guard let amount = VND(value), amount >= 0, amount <= limit else {
            fail(column, "an amount in whole VND, 0 or more (digits only), at most \(NumberText.vnd(limit))")
            return nil
        }
        return amount
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ column: String, _ type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let value = required(column) else { return nil }
        guard let choice = Choice(rawValue: value) else {
            fail(column, "one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return choice
    }

    /// A `;`-separated list; empty items are dropped.
    func list(_ column: String) -> [String] {
        var text = text(column)
        guard !text.isEmpty else { return [] }
        // Cut at the `;` bytes of the UTF-8 (never inside a multi-byte character).
        return text.withUTF8 { bytes in
            var items: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ";") {
                if index > start {
                    let item = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).trimmingSpaces()
                    if !item.isEmpty { items.append(item) }
                }
                start = index + 1
            }
            return items
        }
    }
}

extension CSVTable {
    /// The line of the header row (the first record).
    var headerLine: Int { headerRowLine }
}
