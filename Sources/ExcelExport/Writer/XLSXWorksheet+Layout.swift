internal import CXlsxWriter

extension XLSXWorksheet {
    /// Sets the width of 1-based columns, in characters of the default font (Excel's unit;
    /// 8.43 by default), optionally with a default style or hidden.
    /// - Throws: ``ExcelWriteError`` for columns off the grid or a negative width.
    public func setColumnWidth(
        _ width: Double, columns: ClosedRange<Int>, style: CellStyle? = nil, hidden: Bool = false
    ) throws {
        let handle = try openHandle()
        guard width >= 0, width <= 255 else {
            throw error(.invalidArgument, "column width \(width) is outside 0…255 characters")
        }
        let first = try position(CellAddress(row: 1, column: columns.lowerBound)).column
        let last = try position(CellAddress(row: 1, column: columns.upperBound)).column
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(
            worksheet_set_column_opt(handle, first, last, width, try workbook.format(for: style), &options),
            "cannot set the width of columns \(columns)")
    }

    /// Sets the width of one 1-based column. See ``setColumnWidth(_:columns:style:hidden:)``.
    public func setColumnWidth(_ width: Double, column: Int, style: CellStyle? = nil) throws {
        try setColumnWidth(width, columns: column...column, style: style)
    }

    /// Sets the height of a 1-based row, in points (15 by default).
    /// - Throws: ``ExcelWriteError`` for a row off the grid or a height outside 0…409.
    public func setRowHeight(_ height: Double, row: Int, style: CellStyle? = nil) throws {
        let handle = try openHandle()
        guard height >= 0, height <= 409 else {
            throw error(.invalidArgument, "row height \(height) is outside 0…409 points")
        }
        let (lxwRow, _) = try position(CellAddress(row: row, column: 1))
        try check(
            worksheet_set_row(handle, lxwRow, height, try workbook.format(for: style)),
            "cannot set the height of row \(row)")
    }

    /// Freezes the top `rows` rows and the left `columns` columns so they stay visible when
    /// scrolling (`freezePanes(rows: 1)` keeps a header row).
    /// - Throws: ``ExcelWriteError`` if the counts are negative or off the grid.
    public func freezePanes(rows: Int, columns: Int = 0) throws {
        let handle = try openHandle()
        guard rows >= 0, columns >= 0, rows < CellAddress.maximumRow, columns < CellAddress.maximumColumn else {
            throw error(.invalidArgument, "cannot freeze \(rows) rows and \(columns) columns")
        }
        worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Turns on filter buttons over `range` (its first row is the header row).
    /// - Throws: ``ExcelWriteError`` for a range off the grid.
    public func setAutofilter(_ range: CellRange) throws {
        let handle = try openHandle()
        let first = try position(range.first)
        let last = try position(range.last)
        try check(
            worksheet_autofilter(handle, first.row, first.column, last.row, last.column),
            "cannot set an autofilter on \(range.a1)")
    }

    /// Merges `range` into one cell holding `content`.
    /// - Throws: ``ExcelWriteError`` for a single cell, a range off the grid or overlapping
    ///   another merge.
    public func merge(_ range: CellRange, content: CellContent, style: CellStyle? = nil) throws {
        let handle = try openHandle()
        guard range.first != range.last else {
            throw error(.invalidArgument, "cannot merge the single cell \(range.a1); give a larger range")
        }
        let first = try position(range.first)
        let last = try position(range.last)
        try check(
            worksheet_merge_range(
                handle, first.row, first.column, last.row, last.column, "", try workbook.format(for: style)),
            "cannot merge \(range.a1)")
        try write(content, at: range.first, style: style)
    }

    /// Hides the sheet (its tab disappears; it stays in the file and formulas can use it).
    /// If it was the active sheet, the first visible sheet is shown instead when the file opens.
    public func hide() throws {
        worksheet_hide(try openHandle())
        workbook.sheets[index].isHidden = true
    }

    /// Makes this the sheet shown when the file is opened (showing it if it was hidden).
    public func activate() throws {
        worksheet_activate(try openHandle())
        workbook.sheets[index].isHidden = false
        workbook.activeSheetIndex = index
    }

    /// Colours the sheet's tab.
    public func setTabColor(_ color: CellColor) throws {
        worksheet_set_tab_color(try openHandle(), lxw_color_t(color.rgb))
    }
}
