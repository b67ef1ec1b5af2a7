import Foundation
internal import CXlsxWriter

/// A worksheet of an ``XLSXWorkbook``: write cells, lay out, validate, chart.
///
/// Rows and columns are **1-based** (``CellAddress``). The sheet keeps its workbook alive, and
/// every call after the workbook is closed throws `.workbookClosed` instead of touching freed
/// memory. A handle: two sheet objects of the same index are the same sheet. Not `Sendable`.
public final class XLSXWorksheet {
    /// The owning workbook (kept alive by the sheet; it keeps the sheet's record, not the sheet).
    public let workbook: XLSXWorkbook
    /// The sheet's position in the workbook, from 0.
    let index: Int

    /// The sheet's name, as shown on its tab.
    public var name: String { workbook.sheets[index].name }
    /// Whether ``hide()`` was called (and not undone by ``activate()``).
    public var isHidden: Bool { workbook.sheets[index].isHidden }

    init(index: Int, workbook: XLSXWorkbook) {
        self.index = index
        self.workbook = workbook
    }

    /// The sheet's library handle while the workbook is open.
    func openHandle() throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.openHandle(sheet: name)
        return workbook.sheets[index].handle
    }

    /// An error about this sheet.
    func error(_ code: ExcelWriteError.Code.Storage, _ message: String) -> ExcelWriteError {
        ExcelWriteError(code, message, path: workbook.destination.path, sheet: name)
    }

    /// Throws a library error about this sheet unless `result` is success.
    func check(_ result: lxw_error, _ context: @autoclosure () -> String) throws {
        guard result == LXW_NO_ERROR else {
            throw ExcelWriteError(library: result, context(), path: workbook.destination.path, sheet: name)
        }
    }

    /// The library's 0-based row and column for `cell`, or `.invalidCellAddress`.
    func position(_ cell: CellAddress) throws -> (row: lxw_row_t, column: lxw_col_t) {
        if let problem = cell.gridProblem { throw error(.invalidCellAddress, problem) }
        return (lxw_row_t(cell.row - 1), lxw_col_t(cell.column - 1))
    }

    // MARK: Cells

    /// Writes one cell at a 1-based row and column.
    /// - Throws: ``ExcelWriteError`` for a position off the grid, a non-finite number, an
    ///   integer Excel cannot hold exactly, a text too long, or a closed workbook.
    public func write(_ content: CellContent, row: Int, column: Int, style: CellStyle? = nil) throws {
        try write(content, at: CellAddress(row: row, column: column), style: style)
    }

    /// Writes one cell.
    /// - Throws: see ``write(_:row:column:style:)``.
    public func write(_ content: CellContent, at cell: CellAddress, style: CellStyle? = nil) throws {
        let handle = try openHandle()
        let (row, column) = try position(cell)
        if let problem = content.problem(at: cell, limitingLength: false) { throw error(problem.code, problem.message) }
        // Built only for an error: formatting the address of every cell written costs more than
        // writing it.
        var place: String { "cell \(cell.a1)" }
        switch content {
        case .string(let text):
            try check(
                worksheet_write_string(handle, row, column, text, try workbook.format(for: style)),
                "cannot write the text at \(place)")
        case .number(let number):
            try check(
                worksheet_write_number(handle, row, column, number, try workbook.format(for: style)),
                "cannot write the number at \(place)")
        case .integer(let integer):
            try check(
                worksheet_write_number(handle, row, column, Double(integer), try workbook.format(for: style)),
                "cannot write the number at \(place)")
        case .boolean(let value):
            try check(
                worksheet_write_boolean(handle, row, column, value ? 1 : 0, try workbook.format(for: style)),
                "cannot write the boolean at \(place)")
        case .date(let date):
            let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
            try check(
                worksheet_write_unixtime(handle, row, column, seconds, try workbook.format(for: style ?? .date)),
                "cannot write the date at \(place)")
        case .formula(let formula):
            let format = try workbook.format(for: style)
            switch formula.cachedValue {
            case .number(let value):
                try check(
                    worksheet_write_formula_num(handle, row, column, formula.expression, format, value),
                    "cannot write the formula \(formula.expression) at \(place)")
            case .text(let value):
                try check(
                    worksheet_write_formula_str(handle, row, column, formula.expression, format, value),
                    "cannot write the formula \(formula.expression) at \(place)")
            }
        case .url(let url, let text):
            try check(
                worksheet_write_url_opt(handle, row, column, url, try workbook.format(for: style), text, nil),
                "cannot write the link \(url) at \(place)")
        case .blank:
            try check(
                worksheet_write_blank(handle, row, column, try workbook.format(for: style)),
                "cannot write the blank at \(place)")
        }
    }

    /// Writes `contents` across a row, starting at `start`, all in one style.
    /// - Throws: see ``write(_:row:column:style:)``.
    public func writeRow(_ contents: [CellContent], startingAt start: CellAddress, style: CellStyle? = nil) throws {
        for (offset, content) in contents.enumerated() {
            try write(content, at: CellAddress(row: start.row, column: start.column + offset), style: style)
        }
    }

    /// Writes `contents` down a column, starting at `start`, all in one style.
    /// - Throws: see ``write(_:row:column:style:)``.
    public func writeColumn(_ contents: [CellContent], startingAt start: CellAddress, style: CellStyle? = nil) throws {
        for (offset, content) in contents.enumerated() {
            try write(content, at: CellAddress(row: start.row + offset, column: start.column), style: style)
        }
    }

    /// Adds a note (comment) to a cell, shown when the mouse is over it.
    /// - Throws: ``ExcelWriteError`` if the position is off the grid or the text too long.
    public func addNote(_ text: String, at cell: CellAddress, author: String? = nil) throws {
        let handle = try openHandle()
        let (row, column) = try position(cell)
        let arena = CStringArena()
        var options = lxw_comment_options()
        options.author = arena.copy(author.map(XMLText.valid))
        let result = withExtendedLifetime(arena) {
            worksheet_write_comment_opt(handle, row, column, XMLText.valid(text), &options)
        }
        try check(result, "cannot add the note at \(cell.a1)")
    }
}

@available(*, unavailable, message: "build a workbook on one task")
extension XLSXWorksheet: Sendable {}
