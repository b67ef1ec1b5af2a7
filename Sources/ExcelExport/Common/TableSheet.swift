/// One column of a table sheet: its header, width and the style of its data cells.
struct TableColumn {
    var header: String
    /// The narrowest the column may be, in characters; it widens to fit its header's longest word
    /// and its values (up to ``TableSheet/widestColumn``).
    var width: Double
    var style: CellStyle?
    /// Whether long texts wrap in the column (kept at `width`, rows grow) instead of widening it.
    var wraps: Bool

    init(_ header: String, width: Double, style: CellStyle? = nil, wraps: Bool = false) {
        self.header = header
        self.width = width
        self.style = style
        self.wraps = wraps
    }
}

/// The layout every table sheet of the audience workbooks follows: a title in row 1, a note in
/// row 2, the header in row 4 (frozen, repeated on every printed page, with filter buttons), data
/// from row 5, and a totals row right under the data. ``finish(_:)`` sizes the columns to their
/// headers and values and sets the page setup.
struct TableSheet {
    static let titleRow = 1
    static let noteRow = 2
    static let headerRow = 4
    static let firstDataRow = 5
    /// The widest a column grows to fit its values, in characters.
    static let widestColumn = 48.0

    let sheet: XLSXWorksheet
    let columns: [TableColumn]
    let texts: WorkbookTexts
    /// The next row to write.
    private(set) var nextRow = TableSheet.firstDataRow
    /// The widest value written in each column, in characters.
    private var valueWidths: [Double]
    /// The note under the title, written across the table's width by ``finish(_:printedRows:)``.
    private let note: String?

    /// Writes the title, note and header.
    init(_ sheet: XLSXWorksheet, texts: WorkbookTexts, title: String, note: String?, columns: [TableColumn]) throws {
        self.sheet = sheet
        self.columns = columns
        self.texts = texts
        self.note = note
        valueWidths = Array(repeating: 0, count: columns.count)
        try sheet.write(.string(title), row: Self.titleRow, column: 1, style: WorkbookStyles.title)
        for (index, column) in columns.enumerated() {
            try sheet.write(.string(column.header), row: Self.headerRow, column: index + 1, style: WorkbookStyles.header)
        }
        try sheet.freezePanes(rows: Self.headerRow)
    }

    /// The 1-based column of a header.
    func column(_ header: String) -> Int {
        (columns.firstIndex { $0.header == header } ?? 0) + 1
    }

    /// Writes one data row in the columns' styles; `.blank` cells are skipped.
    mutating func append(_ cells: [CellContent]) throws {
        var lines = 1
        for (index, content) in cells.enumerated() {
            if case .blank = content { continue }
            let style = index < columns.count ? (columns[index].wraps ? WorkbookStyles.sentence : columns[index].style) : nil
            try sheet.write(content, row: nextRow, column: index + 1, style: style)
            guard index < columns.count else { continue }
            // A wrapped column keeps its width and the row grows: set here, since LibreOffice
            // does not fit a row's height to wrapped text when it opens a workbook.
            if columns[index].wraps, case .string(let text) = content {
                lines = max(lines, ColumnWidth.lines(text, width: columns[index].width))
            } else {
                valueWidths[index] = max(valueWidths[index], ColumnWidth.estimate(content, style: style))
            }
        }
        if lines > 1 { try sheet.setRowHeight(Double(lines) * 15 + 2, row: nextRow) }
        nextRow += 1
    }

    /// The totals row, once written (the data end above it).
    private(set) var totalsRow: Int?

    /// Number of data rows written.
    var dataRowCount: Int { (totalsRow ?? nextRow) - Self.firstDataRow }

    /// The last data row, or the first data row when there is none (so ranges stay valid).
    var lastDataRow: Int { max(Self.firstDataRow, (totalsRow ?? nextRow) - 1) }

    /// The data cells of a column, e.g. `$L$5:$L$40` on this sheet.
    func dataRange(column: Int) -> SheetRange {
        SheetRange(sheet: sheet.name, range: CellRange(rows: Self.firstDataRow...lastDataRow, columns: column...column))
    }

    /// Turns on filter buttons over the header and data rows.
    func addAutofilter() throws {
        try sheet.setAutofilter(CellRange(rows: Self.headerRow...lastDataRow, columns: 1...max(columns.count, 1)))
    }

    /// Writes a totals row under the data: the "Total" label in the first column and, in each
    /// given column, `SUM` of its data cells with the sum of `values` cached (the values in row
    /// order, as Excel adds them). Returns the row written.
    @discardableResult
    mutating func appendTotals(label: String? = nil, sums: [(column: Int, values: [Double])]) throws -> Int {
        // An empty table gets a "none" row, so the sums never refer to their own row.
        if dataRowCount == 0 { try append([.string(texts["table.none"])]) }
        let row = nextRow
        totalsRow = row
        let label = label ?? texts["table.total"]
        try sheet.write(.string(label), row: row, column: 1, style: WorkbookStyles.total(nil))
        // The label overflows into a blank second column; beside a sum it must fit its own.
        if !columns.isEmpty, sums.contains(where: { $0.column == 2 }) {
            valueWidths[0] = max(valueWidths[0], Double(label.count) * 1.15)
        }
        let summed = Set(sums.map(\.column))
        for column in 2...max(columns.count, 2) where column <= columns.count && !summed.contains(column) {
            try sheet.write(.blank, row: row, column: column, style: WorkbookStyles.total(columns[column - 1].style))
        }
        for sum in sums {
            let range = CellRange(rows: Self.firstDataRow...(row - 1), columns: sum.column...sum.column)
            let total = ExcelArithmetic.sum(sum.values)
            try sheet.write(
                .formula(Formula("SUM(\(range.a1))", value: total)), row: row,
                column: sum.column, style: WorkbookStyles.total(columns[sum.column - 1].style))
            valueWidths[sum.column - 1] = max(
                valueWidths[sum.column - 1], ColumnWidth.estimate(.number(total), style: columns[sum.column - 1].style))
        }
        nextRow += 1
        return row
    }

    /// The width each column gets: its minimum, its header's longest word, and its widest value.
    var fittedWidths: [Double] {
        columns.enumerated().map { index, column in
            let header = ColumnWidth.header(column.header)
            if column.wraps { return max(column.width, header) }
            return min(max(column.width, header, valueWidths[index] + 1), max(column.width, Self.widestColumn))
        }
    }

    /// Sizes the columns and the header row, and sets the page setup: the header repeated on every
    /// page, landscape when the table is wider than a portrait page, one page wide. A table of
    /// more than `printedRows` data rows prints its first `printedRows` (the note says so).
    func finish(_ printing: SheetPrinting, printedRows: Int? = nil) throws {
        let widths = fittedWidths
        for (index, width) in widths.enumerated() { try sheet.setColumnWidth(width, column: index + 1) }
        let headerLines = zip(columns, widths).map { ColumnWidth.lines($0.header, width: $1 - 1, bold: true) }.max() ?? 1
        try sheet.setRowHeight(Double(headerLines) * 15 + 4, row: Self.headerRow)
        if let note {
            // Wrapped across the table, so that it prints within the page.
            let width = widths.reduce(0, +)
            if columns.count > 1 {
                try sheet.merge(
                    CellRange(rows: Self.noteRow...Self.noteRow, columns: 1...columns.count), content: .string(note),
                    style: WorkbookStyles.wrappedSubtitle)
            } else {
                try sheet.write(.string(note), row: Self.noteRow, column: 1, style: WorkbookStyles.wrappedSubtitle)
            }
            try sheet.setRowHeight(Double(ColumnWidth.lines(note, width: width)) * 15 + 2, row: Self.noteRow)
        }
        let lastRow = nextRow - 1
        var area: CellRange?
        if let printedRows, dataRowCount > printedRows {
            area = CellRange(rows: Self.titleRow...(Self.firstDataRow + printedRows - 1), columns: 1...max(columns.count, 1))
        } else if lastRow >= Self.titleRow {
            area = CellRange(rows: Self.titleRow...max(lastRow, Self.headerRow), columns: 1...max(columns.count, 1))
        }
        try printing.apply(
            to: sheet, width: widths.reduce(0, +), repeatedRows: Self.headerRow...Self.headerRow, printArea: area)
    }
}

/// Estimates of how wide a cell's text is, in Excel's character units, and how it wraps.
enum ColumnWidth {
    /// The displayed width of `content` in `style` (numbers as their format shows them).
    static func estimate(_ content: CellContent, style: CellStyle?) -> Double {
        switch content {
        case .string(let text): return Double(text.split(separator: "\n").map(\.count).max() ?? 0)
        case .number(let value): return number(value, format: style?.numberFormat)
        case .integer(let value): return number(Double(value), format: style?.numberFormat)
        case .formula(let formula):
            switch formula.cachedValue {
            case .number(let value): return number(value, format: style?.numberFormat)
            case .text(let text): return Double(text.count)
            }
        case .boolean: return 5
        case .date: return 18
        case .url(let url, let text): return Double((text ?? url).count)
        case .blank: return 0
        }
    }

    /// The width of a number shown with an Excel format code: digits with grouping, the decimals,
    /// a `%`, and a scale of thousands per trailing comma.
    static func number(_ value: Double, format: String?) -> Double {
        let code = format ?? "General"
        if code == "0" { return Double(String(Int(value.rounded())).count) }
        var scaled = abs(value)
        if code.contains("%") { scaled *= 100 }
        let trailingCommas = code.reversed().prefix { $0 == "," || $0 == "\"" || $0.isLetter || $0 == " " }.filter { $0 == "," }.count
        for _ in 0..<trailingCommas { scaled /= 1000 }
        let digits = max(1, String(Int(scaled.rounded())).count)
        let grouping = code.contains("#,##") ? (digits - 1) / 3 : 0
        let decimals = code.split(separator: ".").dropFirst().first.map { $0.prefix { $0 == "0" }.count } ?? (code == "General" ? 2 : 0)
        let suffix = code.contains("%") ? 2 : (code.contains("×") ? 1 : 0)
        return Double(digits + grouping + (decimals > 0 ? decimals + 1 : 0) + suffix + (value < 0 ? 1 : 0))
    }

    /// The width a bold header needs so that no word breaks.
    static func header(_ text: String) -> Double {
        let longest = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
        return Double(longest) * 1.15 + 2
    }

    /// How many lines `text` takes wrapped at word boundaries in a column `width` characters wide
    /// (Excel's unit, the width of a digit: about 1.1 letters of running text, 0.9 in bold).
    static func lines(_ text: String, width: Double, bold: Bool = false) -> Int {
        let capacity = max(1, Int((width * (bold ? 0.9 : 0.95)).rounded(.down)))
        var lines = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += 1
            var used = 0
            for word in paragraph.split(separator: " ") {
                let length = word.count
                if used == 0 {
                    used = length
                } else if used + 1 + length <= capacity {
                    used += 1 + length
                } else {
                    lines += 1
                    used = length
                }
                while used > capacity {
                    lines += 1
                    used -= capacity
                }
            }
        }
        return max(1, lines)
    }
}

/// Arithmetic done the way Excel does it, for the values cached next to formulas.
enum ExcelArithmetic {
    /// `SUM` of numbers in cell order: plain left-to-right addition.
    static func sum(_ values: [Double]) -> Double {
        var total = 0.0
        for value in values { total += value }
        return total
    }
}

extension CellContent {
    /// A number, or a blank cell for nil.
    static func optionalNumber(_ value: Double?) -> CellContent {
        value.map { .number($0) } ?? .blank
    }

    /// Text, or a blank cell for nil or empty text.
    static func optionalText(_ value: String?) -> CellContent {
        guard let value, !value.isEmpty else { return .blank }
        return .string(value)
    }
}
