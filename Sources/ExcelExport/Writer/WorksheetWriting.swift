/// What the table sheets of the audience workbooks (``TableSheet``) need of a worksheet: cells in
/// styles, column widths, row heights, a frozen header, a filter, merged cells, a conditional
/// format and the page setup. Both writers provide it: ``XLSXWorksheet`` (libxlsxwriter, every
/// feature, for the fund plan) and ``DirectWorksheet`` (SkillPlan's own, for the thousands of
/// intake and interns workbooks). Rows and columns are 1-based.
public protocol WorksheetWriting: AnyObject {
    /// The sheet's name, as shown on its tab.
    var name: String { get }
    /// Writes one cell; `.blank` without a style writes nothing.
    func write(_ content: CellContent, at cell: CellAddress, style: CellStyle?) throws
    /// Sets the width of a column, in characters of the default font.
    func setColumnWidth(_ width: Double, column: Int, style: CellStyle?) throws
    /// Sets the height of a row, in points.
    func setRowHeight(_ height: Double, row: Int, style: CellStyle?) throws
    /// Freezes the rows above and the columns left of the given counts.
    func freezePanes(rows: Int, columns: Int) throws
    /// Turns on filter buttons over `range` (its first row is the header).
    func setAutofilter(_ range: CellRange) throws
    /// Merges `range` and writes `content` in it.
    func merge(_ range: CellRange, content: CellContent, style: CellStyle?) throws
    /// Highlights the cells of `range` that meet `rule`.
    func addConditionalFormat(_ rule: ConditionalFormat, to range: CellRange) throws
    /// Sets the page setup.
    func setPageSetup(_ setup: PageSetup) throws
}

extension WorksheetWriting {
    /// Writes one cell at a 1-based row and column.
    public func write(_ content: CellContent, row: Int, column: Int, style: CellStyle? = nil) throws {
        try write(content, at: CellAddress(row: row, column: column), style: style)
    }

    /// Sets the height of a row, in points, in the default style.
    public func setRowHeight(_ height: Double, row: Int) throws {
        try setRowHeight(height, row: row, style: nil)
    }

    /// Sets the width of a column, in characters, in the default style.
    public func setColumnWidth(_ width: Double, column: Int) throws {
        try setColumnWidth(width, column: column, style: nil)
    }

    /// Freezes the rows above `rows + 1`.
    public func freezePanes(rows: Int) throws {
        try freezePanes(rows: rows, columns: 0)
    }
}

extension XLSXWorksheet: WorksheetWriting {}
