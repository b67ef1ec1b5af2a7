import Workforce

/// The header check shared by the matching's CSV files: every expected column once, nothing else.
enum CSVColumns {
    /// Each expected column's 0-based position in `table`'s header, and one error per unknown,
    /// repeated or missing column.
    static func positions(of columns: [String], in table: CSVTable, file: String) -> (positions: [String: Int], errors: [InputError]) {
        var errors: [InputError] = []
        var position: [String: Int] = [:]
        func location(column: Int?) -> SourceLocation {
            SourceLocation(file: file, line: table.headerRowLine, column: column, sheet: table.sheet)
        }
        for (offset, name) in table.header.enumerated() {
            let name = trimmed(name)
            if !columns.contains(name) {
                errors.append(InputError(location(column: offset + 1), field: "header", value: name,
                                         expected: "only the columns \(columns.joined(separator: ","))"))
            } else if position[name] != nil {
                errors.append(InputError(location(column: offset + 1), field: "header", value: name, expected: "each column once"))
            } else {
                position[name] = offset
            }
        }
        for name in columns where position[name] == nil {
            errors.append(InputError(location(column: nil), field: "header", expected: "a column named `\(name)`, which is missing"))
        }
        return (position, errors)
    }

    /// The text without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
