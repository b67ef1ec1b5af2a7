/// A plain-text table with aligned columns: labels left, numbers right.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var header: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines, each indented by `indent` spaces, columns two spaces apart.
    func lines(indent: Int = 2) -> [String] {
        var widths = columns.map(\.header.count)
        for row in rows {
            for (index, text) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], text.count)
            }
        }
        func line(_ texts: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let text = index < texts.count ? texts[index] : ""
                let padding = String(repeating: " ", count: max(0, widths[index] - text.count))
                parts.append(column.alignment == .left ? text + padding : padding + text)
            }
            let joined = String(repeating: " ", count: indent) + parts.joined(separator: "  ")
            return String(joined.reversed().drop { $0 == " " }.reversed())
        }
        var result = [line(columns.map(\.header))]
        for row in rows { result.append(line(row)) }
        return result
    }
}
