import Synchronization

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

    let sheet: any WorksheetWriting
    let columns: [TableColumn]
    let texts: WorkbookTexts
    /// The next row to write.
    private(set) var nextRow = TableSheet.firstDataRow
    /// The widest value written in each column, in characters.
    private var valueWidths: [Double]
    /// Each column's number format, read once.
    private let shapes: [ColumnWidth.NumberShape]
    /// Lines of the texts already wrapped, per column (a sheet repeats a few sentences on many rows).
    private var wrappedLines: [[String: Int]]
    /// The note under the title, written across the table's width by ``finish(_:printedRows:)``.
    private let note: String?

    /// Writes the title, note and header.
    init(_ sheet: any WorksheetWriting, texts: WorkbookTexts, title: String, note: String?, columns: [TableColumn]) throws {
        self.sheet = sheet
        self.columns = columns
        self.texts = texts
        self.note = note
        valueWidths = Array(repeating: 0, count: columns.count)
        wrappedLines = Array(repeating: [:], count: columns.count)
        shapes = columns.map { ColumnWidth.shape(($0.wraps ? WorkbookStyles.sentence : $0.style)?.numberFormat) }
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
                let textLines = wrappedLines[index][text] ?? ColumnWidth.countLines(text, width: columns[index].width, bold: false)
                wrappedLines[index][text] = textLines
                lines = max(lines, textLines)
            } else {
                valueWidths[index] = max(valueWidths[index], ColumnWidth.estimate(content, shape: shapes[index]))
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
        estimate(content, shape: shape(style?.numberFormat))
    }

    /// The displayed width of `content` with its number format already read (table columns read
    /// theirs once, not once per cell).
    static func estimate(_ content: CellContent, shape: NumberShape) -> Double {
        switch content {
        case .string(let text): return textWidth(text)
        case .number(let value): return shape.width(value)
        case .integer(let value): return shape.width(Double(value))
        case .formula(let formula):
            switch formula.cachedValue {
            case .number(let value): return shape.width(value)
            case .text(let text): return Double(text.count)
            }
        case .boolean: return 5
        case .date: return 18
        case .url(let url, let text): return Double((text ?? url).count)
        case .blank: return 0
        }
    }

    /// Characters in the longest line of `text`.
    static func textWidth(_ text: String) -> Double {
        // Most cell texts are one line of ASCII (ids, codes), whose width is their byte count.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0A }) { return Double(text.utf8.count) }
        // Latin and precomposed Vietnamese letters (U+1E00–U+1EFF) are a character a scalar: the
        // lines counted by scalars, without Unicode's character breaking (the notes and reasons
        // of thousands of sheets). A CR (CR LF is one character) or anything else takes that way.
        if text.unicodeScalars.allSatisfy({ ($0.value < 0x300 && $0 != "\r") || (0x1E00...0x1EFF).contains($0.value) }) {
            var longest = 0, current = 0
            for scalar in text.unicodeScalars {
                if scalar == "\n" {
                    longest = max(longest, current)
                    current = 0
                } else {
                    current += 1
                }
            }
            return Double(max(longest, current))
        }
        return Double(text.split(separator: "\n").map(\.count).max() ?? 0)
    }

    /// The width of a number shown with an Excel format code: digits with grouping, the decimals,
    /// a `%`, and a scale of thousands per trailing comma.
    static func number(_ value: Double, format: String?) -> Double {
        NumberShape(format: format).width(value)
    }

    /// What of an Excel number format code decides how wide its numbers are.
    struct NumberShape {
        private let wholeNumber: Bool
        private let percent: Bool
        private let thousandsScale: Int
        private let grouped: Bool
        private let decimals: Int
        private let suffix: Int

        init(format: String?) {
            let code = format ?? "General"
            wholeNumber = code == "0"
            percent = code.contains("%")
            thousandsScale = code.reversed().prefix { $0 == "," || $0 == "\"" || $0.isLetter || $0 == " " }.filter { $0 == "," }.count
            grouped = code.contains("#,##")
            decimals = code.split(separator: ".").dropFirst().first.map { $0.prefix { $0 == "0" }.count } ?? (code == "General" ? 2 : 0)
            suffix = percent ? 2 : (code.contains("×") ? 1 : 0)
        }

        func width(_ value: Double) -> Double {
            if wholeNumber { return Double(Self.digitCount(value.rounded()) + (value.rounded() < 0 ? 1 : 0)) }
            var scaled = abs(value)
            if percent { scaled *= 100 }
            for _ in 0..<thousandsScale { scaled /= 1000 }
            let digits = Self.digitCount(scaled.rounded())
            let grouping = grouped ? (digits - 1) / 3 : 0
            return Double(digits + grouping + (decimals > 0 ? decimals + 1 : 0) + suffix + (value < 0 ? 1 : 0))
        }

        /// Digits of a whole number's magnitude (at least 1); 3 for NaN and ±∞, which Excel shows
        /// as errors of about that width.
        private static func digitCount(_ whole: Double) -> Int {
            guard whole.isFinite else { return 3 }
            var magnitude = abs(whole)
            var count = 1
            while magnitude >= 1e15 {
                magnitude /= 10
                count += 1
            }
            var integer = Int(magnitude)
            while integer >= 10 {
                integer /= 10
                count += 1
            }
            return count
        }
    }

    /// The width a bold header needs so that no word breaks.
    static func header(_ text: String) -> Double {
        if let known = remembered.withLock({ $0.headers[text] }) { return known }
        let width = measureHeader(text)
        remembered.withLock { Measures.remember(&$0.headers, text, width) }
        return width
    }

    private static func measureHeader(_ text: String) -> Double {
        let longest = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
        return Double(longest) * 1.15 + 2
    }

    /// How many lines `text` takes wrapped at word boundaries in a column `width` characters wide
    /// (Excel's unit, the width of a digit: about 1.1 letters of running text, 0.9 in bold).
    static func lines(_ text: String, width: Double, bold: Bool = false) -> Int {
        let key = WrappedText(text: text, width: width, bold: bold)
        if let known = remembered.withLock({ $0.lines[key] }) { return known }
        let lines = countLines(text, width: width, bold: bold)
        remembered.withLock { Measures.remember(&$0.lines, key, lines) }
        return lines
    }

    /// Measures already made, shared by every workbook of a run (thousands repeat the same
    /// headers, notes and number formats). A table's own wrapped cells are remembered by the
    /// table, not here; each kind keeps at most `limit` entries (a server runs many plans).
    private static let remembered = Mutex(Measures())

    private struct Measures {
        static let limit = 20_000
        var headers: [String: Double] = [:]
        var lines: [WrappedText: Int] = [:]
        var shapes: [String: NumberShape] = [:]

        static func remember<Key: Hashable, Value>(_ table: inout [Key: Value], _ key: Key, _ value: Value) {
            if table.count >= Self.limit { table.removeAll() }
            table[key] = value
        }
    }

    private struct WrappedText: Hashable {
        var text: String
        var width: Double
        var bold: Bool
    }

    /// The shape of a number format, read once per process.
    static func shape(_ format: String?) -> NumberShape {
        guard let format else { return general }
        if let known = remembered.withLock({ $0.shapes[format] }) { return known }
        let shape = NumberShape(format: format)
        remembered.withLock { Measures.remember(&$0.shapes, format, shape) }
        return shape
    }

    /// The shape of Excel's `General` format (a cell without a number format).
    private static let general = NumberShape(format: nil)

    /// ``lines(_:width:bold:)`` without remembering the answer.
    static func countLines(_ text: String, width: Double, bold: Bool) -> Int {
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
