/// One column of a table sheet: its header, width and the style of its data cells.
struct TableColumn {
    var header: String
    var width: Double
    var style: CellStyle?

    init(_ header: String, width: Double, style: CellStyle? = nil) {
        self.header = header
        self.width = width
        self.style = style
    }
}

/// The layout every table sheet of the audience workbooks follows: a title in row 1, a note in
/// row 2, the header in row 4 (frozen, with filter buttons), data from row 5, and a totals row
/// right under the data.
struct TableSheet {
    static let titleRow = 1
    static let noteRow = 2
    static let headerRow = 4
    static let firstDataRow = 5

    let sheet: XLSXWorksheet
    let columns: [TableColumn]
    /// The next row to write.
    private(set) var nextRow = TableSheet.firstDataRow

    /// Writes the title, note, column widths and header.
    init(_ sheet: XLSXWorksheet, title: String, note: String?, columns: [TableColumn]) throws {
        self.sheet = sheet
        self.columns = columns
        try sheet.write(.string(title), row: Self.titleRow, column: 1, style: WorkbookStyles.title)
        if let note { try sheet.write(.string(note), row: Self.noteRow, column: 1, style: WorkbookStyles.subtitle) }
        for (index, column) in columns.enumerated() {
            try sheet.setColumnWidth(column.width, column: index + 1)
            try sheet.write(.string(column.header), row: Self.headerRow, column: index + 1, style: WorkbookStyles.header)
        }
        try sheet.setRowHeight(32, row: Self.headerRow)
        try sheet.freezePanes(rows: Self.headerRow)
    }

    /// The 1-based column of a header.
    func column(_ header: String) -> Int {
        (columns.firstIndex { $0.header == header } ?? 0) + 1
    }

    /// Writes one data row in the columns' styles; `.blank` cells are skipped.
    mutating func append(_ cells: [CellContent]) throws {
        for (index, content) in cells.enumerated() {
            if case .blank = content { continue }
            let style = index < columns.count ? columns[index].style : nil
            try sheet.write(content, row: nextRow, column: index + 1, style: style)
        }
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

    /// Writes a totals row under the data: `label` in the first column and, in each given column,
    /// `SUM` of its data cells with the sum of `values` cached (the values in row order, as
    /// Excel adds them). Returns the row written.
    @discardableResult
    mutating func appendTotals(label: String, sums: [(column: Int, values: [Double])]) throws -> Int {
        // An empty table gets a "none" row, so the sums never refer to their own row.
        if dataRowCount == 0 { try append([.string("(none)")]) }
        let row = nextRow
        totalsRow = row
        try sheet.write(.string(label), row: row, column: 1, style: WorkbookStyles.total(nil))
        let summed = Set(sums.map(\.column))
        for column in 2...max(columns.count, 2) where column <= columns.count && !summed.contains(column) {
            try sheet.write(.blank, row: row, column: column, style: WorkbookStyles.total(columns[column - 1].style))
        }
        for sum in sums {
            let range = CellRange(rows: Self.firstDataRow...(row - 1), columns: sum.column...sum.column)
            try sheet.write(
                .formula(Formula("SUM(\(range.a1))", value: ExcelArithmetic.sum(sum.values))), row: row,
                column: sum.column, style: WorkbookStyles.total(columns[sum.column - 1].style))
        }
        nextRow += 1
        return row
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

    /// `Yes` or `No`.
    static func yesNo(_ value: Bool) -> CellContent { .string(value ? "Yes" : "No") }
}
