import Foundation

/// A worksheet of a ``DirectWorkbook``: its cells and layout kept in memory until the workbook is
/// closed, then written as one XML part. The same checks as ``XLSXWorksheet`` (positions on the
/// grid, finite numbers, texts a cell can hold, widths and heights in range). Not `Sendable`.
public final class DirectWorksheet: WorksheetWriting {
    /// The owning workbook (kept alive by the sheet; it holds the sheet's content, not the sheet).
    public let workbook: DirectWorkbook
    /// The sheet's position in the workbook, from 0.
    let index: Int

    /// The sheet's name, as shown on its tab.
    public var name: String { workbook.sheets[index].name }
    /// Whether ``hide()`` was called (and not undone by ``activate()``).
    public var isHidden: Bool { workbook.sheets[index].isHidden }

    init(index: Int, workbook: DirectWorkbook) {
        self.index = index
        self.workbook = workbook
    }

    private func error(_ code: ExcelWriteError.Code.Storage, _ message: String) -> ExcelWriteError {
        ExcelWriteError(code, message, path: workbook.destination.path, sheet: name)
    }

    private func requireOpen() throws {
        try workbook.requireOpen(sheet: name)
    }

    private func requireInGrid(_ cell: CellAddress) throws {
        if let problem = cell.gridProblem { throw error(.invalidCellAddress, problem) }
    }

    // MARK: Cells

    /// Writes one cell.
    /// - Throws: ``ExcelWriteError`` for a position off the grid, a non-finite number, an integer
    ///   Excel cannot hold exactly, a text too long or with a character XML cannot hold, a link
    ///   (this writer has none: use ``XLSXWorkbook``), or a closed workbook.
    public func write(_ content: CellContent, at cell: CellAddress, style: CellStyle?) throws {
        try requireOpen()
        try requireInGrid(cell)
        if let problem = content.problem(at: cell, limitingLength: true) { throw error(problem.code, problem.message) }
        var cellStyle = style
        let value: SheetContent.Value
        switch content {
        case .string(let text):
            // libxlsxwriter writes an empty text as a blank cell.
            guard !text.isEmpty else { return try write(.blank, at: cell, style: style) }
            value = .sharedText(workbook.strings.index(of: text))
        case .number(let number):
            value = .number(number)
        case .integer(let integer):
            value = .number(Double(integer))
        case .boolean(let flag):
            value = .boolean(flag)
        case .date(let date):
            // Excel's serial day number (1900 system) of the Unix time, as libxlsxwriter counts it.
            value = .number(date.timeIntervalSince1970.rounded(.down) / 86_400 + 25_569)
            cellStyle = style ?? .date
        case .formula(let formula):
            let expression = formula.expression.hasPrefix("=") ? String(formula.expression.dropFirst()) : formula.expression
            switch formula.cachedValue {
            case .number(let cached): value = .formula(expression, cached: cached)
            case .text(let cached): value = .textFormula(expression, cached: cached)
            }
        case .url:
            throw error(
                .invalidArgument,
                "cell \(cell.a1) holds a link, which workbooks written without libxlsxwriter cannot hold; write this workbook with XLSXWorkbook")
        case .blank:
            // As in libxlsxwriter, a blank without a style writes nothing.
            guard let style, !style.isDefault else { return }
            value = .blank
        }
        let styleIndex = workbook.styles.index(of: cellStyle)
        workbook.sheets[index].store(value, at: cell, style: styleIndex)
    }

    // MARK: Layout

    /// Sets the width of a column, in characters (0–255).
    public func setColumnWidth(_ width: Double, column: Int, style: CellStyle?) throws {
        try setColumnWidth(width, columns: column...column, style: style)
    }

    /// Sets the width of columns, in characters (0–255), optionally hidden.
    public func setColumnWidth(_ width: Double, columns range: ClosedRange<Int>, style: CellStyle? = nil, hidden: Bool = false) throws {
        try requireOpen()
        guard width >= 0, width <= 255 else {
            throw error(.invalidArgument, "column width \(width) is outside 0…255 characters")
        }
        try requireInGrid(CellAddress(row: 1, column: range.lowerBound))
        try requireInGrid(CellAddress(row: 1, column: range.upperBound))
        let styleIndex = workbook.styles.index(of: style)
        workbook.sheets[index].columns[range.lowerBound] = SheetContent.ColumnLayout(
            last: range.upperBound, width: width, style: styleIndex, hidden: hidden)
    }

    /// Sets the height of a row, in points (0–409).
    public func setRowHeight(_ height: Double, row: Int, style: CellStyle?) throws {
        try requireOpen()
        guard height >= 0, height <= 409 else {
            throw error(.invalidArgument, "row height \(height) is outside 0…409 points")
        }
        try requireInGrid(CellAddress(row: row, column: 1))
        let styleIndex = workbook.styles.index(of: style)
        workbook.sheets[index].rows[row, default: SheetContent.Row()].height = height
        workbook.sheets[index].rows[row, default: SheetContent.Row()].style = styleIndex
    }

    /// Freezes the top `rows` rows and the left `columns` columns.
    public func freezePanes(rows: Int, columns: Int) throws {
        try requireOpen()
        guard rows >= 0, columns >= 0, rows < CellAddress.maximumRow, columns < CellAddress.maximumColumn else {
            throw error(.invalidArgument, "cannot freeze \(rows) rows and \(columns) columns")
        }
        workbook.sheets[index].frozen = rows == 0 && columns == 0 ? nil : (rows, columns)
    }

    /// Turns on filter buttons over `range`.
    public func setAutofilter(_ range: CellRange) throws {
        try requireOpen()
        try requireInGrid(range.first)
        try requireInGrid(range.last)
        workbook.sheets[index].autofilter = range
    }

    /// Merges `range` (two cells or more) and writes `content` in its first cell, every cell in `style`.
    public func merge(_ range: CellRange, content: CellContent, style: CellStyle?) throws {
        try requireOpen()
        guard range.first != range.last else {
            throw error(.invalidArgument, "cannot merge the single cell \(range.a1); give a larger range")
        }
        try requireInGrid(range.first)
        try requireInGrid(range.last)
        let styleIndex = workbook.styles.index(of: style)
        for row in range.first.row...range.last.row {
            for column in range.first.column...range.last.column {
                workbook.sheets[index].store(.blank, at: CellAddress(row: row, column: column), style: styleIndex)
            }
        }
        workbook.sheets[index].merged.append(range)
        try write(content, at: range.first, style: style)
    }

    /// Highlights the cells of `range` that meet `rule`.
    public func addConditionalFormat(_ rule: ConditionalFormat, to range: CellRange) throws {
        try requireOpen()
        try requireInGrid(range.first)
        try requireInGrid(range.last)
        switch rule {
        case .threeColorScale: break
        case .cellValue(_, let value, let style):
            guard value.isFinite else { throw error(.invalidArgument, "a conditional format bound must be finite") }
            _ = workbook.styles.differentialIndex(of: style)
        case .cellValueBetween(let low, let high, let style):
            guard low.isFinite, high.isFinite, low <= high else {
                throw error(.invalidArgument, "a conditional format needs finite bounds with low ≤ high")
            }
            _ = workbook.styles.differentialIndex(of: style)
        }
        workbook.sheets[index].conditionalFormats.append((range, rule))
    }

    /// Sets the page setup (see ``XLSXWorksheet/setPageSetup(_:)``).
    public func setPageSetup(_ setup: PageSetup) throws {
        try requireOpen()
        workbook.sheets[index].pageCodes = try setup.checkedCodes { error(.invalidArgument, $0) }
        for cell in [setup.printArea?.first, setup.printArea?.last].compactMap({ $0 }) { try requireInGrid(cell) }
        if let rows = setup.repeatedRows {
            try requireInGrid(CellAddress(row: rows.lowerBound, column: 1))
            try requireInGrid(CellAddress(row: rows.upperBound, column: 1))
        }
        workbook.sheets[index].pageSetup = setup
    }

    /// Hides the sheet (its tab is not shown).
    public func hide() throws {
        try requireOpen()
        workbook.sheets[index].isHidden = true
        if workbook.activeSheetIndex == index { workbook.activeSheetIndex = nil }
    }

    /// Makes this the sheet shown on opening (and shows it if it was hidden).
    public func activate() throws {
        try requireOpen()
        workbook.sheets[index].isHidden = false
        workbook.activeSheetIndex = index
    }
}

/// What a ``DirectWorksheet`` holds until its workbook is closed, kept by the workbook (a sheet
/// is a handle on it: no reference cycle between a workbook and its sheets), and its XML.
struct SheetContent {
    /// The sheet's name, as shown on its tab.
    let name: String
    /// The sheet's position in the workbook, from 0.
    let index: Int
    /// Whether the sheet is hidden.
    var isHidden = false

    /// A cell's value as the file stores it: texts by their index in the shared strings.
    enum Value {
        case number(Double)
        case sharedText(Int)
        case boolean(Bool)
        case formula(String, cached: Double)
        case textFormula(String, cached: String)
        case blank
    }

    struct Cell {
        var column: Int
        /// The style's id in the workbook's ``StyleSheet`` (0: the default).
        var style: Int
        var value: Value
    }

    struct Row {
        /// In column order.
        var cells: [Cell] = []
        var height: Double?
        var style = 0
    }

    struct ColumnLayout {
        var last: Int
        var width: Double
        var style: Int
        var hidden: Bool
    }

    /// Rows by their 1-based number.
    var rows: [Int: Row] = [:]
    /// Column layouts by their first column.
    var columns: [Int: ColumnLayout] = [:]
    var frozen: (rows: Int, columns: Int)?
    var autofilter: CellRange?
    var merged: [CellRange] = []
    var conditionalFormats: [(range: CellRange, rule: ConditionalFormat)] = []
    var pageSetup: PageSetup?
    /// The page header's and footer's codes, checked (``PageSetup/checkedCodes(_:)``).
    var pageCodes: (header: String?, footer: String?) = (nil, nil)

    init(name: String, index: Int) {
        self.name = name
        self.index = index
    }

    /// Stores a cell, replacing the one written there before.
    mutating func store(_ value: Value, at cell: CellAddress, style: Int) {
        rows[cell.row, default: Row()].insert(Cell(column: cell.column, style: style, value: value))
    }

    // MARK: XML

    /// The worksheet part; numbers the formats it uses in `styles` (see ``StyleSheet/fileIndex(of:)``).
    func part(active: Bool, styles: inout StyleSheet) -> [UInt8] {
        let rowNumbers = rows.keys.sorted()
        var xml = XMLBytes(capacity: 1024 + rows.count * 200)
        xml.declaration()
        xml.markup(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        if let setup = pageSetup, setup.fitWidth > 0 || setup.fitHeight > 0 {
            xml.markup(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#)
        }
        writeDimension(rowNumbers, into: &xml)
        writeView(active: active, into: &xml)
        xml.markup(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        writeColumns(into: &xml, styles: &styles)
        writeRows(rowNumbers, into: &xml, styles: &styles)
        if let autofilter {
            xml.markup(#"<autoFilter ref=""#)
            xml.text(autofilter.a1)
            xml.markup(#""/>"#)
        }
        if !merged.isEmpty {
            xml.markup(#"<mergeCells count=""#)
            xml.integer(merged.count)
            xml.markup(#"">"#)
            for range in merged {
                xml.markup(#"<mergeCell ref=""#)
                xml.text(range.a1)
                xml.markup(#""/>"#)
            }
            xml.markup("</mergeCells>")
        }
        writeConditionalFormats(into: &xml, styles: &styles)
        writePrinting(into: &xml)
        xml.markup("</worksheet>")
        return xml.bytes
    }

    private func writeDimension(_ rowNumbers: [Int], into xml: inout XMLBytes) {
        var firstColumn = Int.max, lastColumn = 0
        for row in rows.values {
            guard let first = row.cells.first, let last = row.cells.last else { continue }
            firstColumn = min(firstColumn, first.column)
            lastColumn = max(lastColumn, last.column)
        }
        xml.markup(#"<dimension ref=""#)
        if let firstRow = rowNumbers.first, let lastRow = rowNumbers.last {
            if lastColumn == 0 { (firstColumn, lastColumn) = (1, 1) }
            xml.cellReference(row: firstRow, column: firstColumn)
            if firstRow != lastRow || firstColumn != lastColumn {
                xml.markup(":")
                xml.cellReference(row: lastRow, column: lastColumn)
            }
        } else {
            xml.markup("A1")
        }
        xml.markup(#""/>"#)
    }

    private func writeView(active: Bool, into xml: inout XMLBytes) {
        xml.markup(active ? #"<sheetViews><sheetView tabSelected="1" workbookViewId="0""# : #"<sheetViews><sheetView workbookViewId="0""#)
        guard let frozen else {
            xml.markup("/></sheetViews>")
            return
        }
        xml.markup("><pane")
        if frozen.columns > 0 {
            xml.markup(#" xSplit=""#)
            xml.integer(frozen.columns)
            xml.markup(#"""#)
        }
        if frozen.rows > 0 {
            xml.markup(#" ySplit=""#)
            xml.integer(frozen.rows)
            xml.markup(#"""#)
        }
        xml.markup(#" topLeftCell=""#)
        xml.cellReference(row: frozen.rows + 1, column: frozen.columns + 1)
        switch (frozen.rows > 0, frozen.columns > 0) {
        case (true, false):
            xml.markup(#"" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>"#)
        case (false, _):
            xml.markup(#"" activePane="topRight" state="frozen"/><selection pane="topRight"/>"#)
        case (true, true):
            xml.markup(#"" activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell=""#)
            xml.cellReference(row: 1, column: frozen.columns + 1)
            xml.markup(#"" sqref=""#)
            xml.cellReference(row: 1, column: frozen.columns + 1)
            xml.markup(#""/><selection pane="bottomLeft" activeCell=""#)
            xml.cellReference(row: frozen.rows + 1, column: 1)
            xml.markup(#"" sqref=""#)
            xml.cellReference(row: frozen.rows + 1, column: 1)
            xml.markup(#""/><selection pane="bottomRight"/>"#)
        }
        xml.markup("</sheetView></sheetViews>")
    }

    private func writeColumns(into xml: inout XMLBytes, styles: inout StyleSheet) {
        guard !columns.isEmpty else { return }
        xml.markup("<cols>")
        for first in columns.keys.sorted() {
            guard let layout = columns[first] else { continue }
            xml.markup(#"<col min=""#)
            xml.integer(first)
            xml.markup(#"" max=""#)
            xml.integer(layout.last)
            xml.markup(#"" width=""#)
            xml.number(Self.storedWidth(layout.width))
            if layout.style != 0 {
                xml.markup(#"" style=""#)
                xml.integer(styles.fileIndex(of: layout.style))
            }
            if layout.hidden { xml.markup(#"" hidden="1"#) }
            xml.markup(#"" customWidth="1"/>"#)
        }
        xml.markup("</cols>")
    }

    /// A width in characters as the file stores it: whole pixels of Calibri 11 (7 a digit, 5 of
    /// padding) in 1/256ths of a character, as Excel and libxlsxwriter store it.
    static func storedWidth(_ width: Double) -> Double {
        guard width > 0 else { return 0 }
        let pixels = width < 1 ? (width * 12 + 0.5).rounded(.down) : (width * 7 + 0.5).rounded(.down) + 5
        return (pixels / 7 * 256).rounded(.down) / 256
    }

    private func writeRows(_ rowNumbers: [Int], into xml: inout XMLBytes, styles: inout StyleSheet) {
        guard !rowNumbers.isEmpty else {
            xml.markup("<sheetData/>")
            return
        }
        // Each block of 16 rows states the columns its cells span, as Excel writes it.
        var spans: [Int: (first: Int, last: Int)] = [:]
        for (number, row) in rows {
            guard let first = row.cells.first?.column, let last = row.cells.last?.column else { continue }
            let block = (number - 1) / 16
            if let known = spans[block] {
                spans[block] = (min(known.first, first), max(known.last, last))
            } else {
                spans[block] = (first, last)
            }
        }
        xml.markup("<sheetData>")
        for number in rowNumbers {
            guard let row = rows[number] else { continue }
            xml.markup(#"<row r=""#)
            xml.integer(number)
            if let span = spans[(number - 1) / 16] {
                xml.markup(#"" spans=""#)
                xml.integer(span.first)
                xml.markup(":")
                xml.integer(span.last)
            }
            if row.style != 0 {
                xml.markup(#"" s=""#)
                xml.integer(styles.fileIndex(of: row.style))
                xml.markup(#"" customFormat="1"#)
            }
            if let height = row.height {
                xml.markup(#"" ht=""#)
                xml.number(height)
                xml.markup(#"" customHeight="1"#)
            }
            guard !row.cells.isEmpty else {
                xml.markup(#""/>"#)
                continue
            }
            xml.markup(#"">"#)
            for cell in row.cells { write(cell, row: number, into: &xml, styles: &styles) }
            xml.markup("</row>")
        }
        xml.markup("</sheetData>")
    }

    private func write(_ cell: Cell, row: Int, into xml: inout XMLBytes, styles: inout StyleSheet) {
        xml.markup(#"<c r=""#)
        xml.cellReference(row: row, column: cell.column)
        if cell.style != 0 {
            xml.markup(#"" s=""#)
            xml.integer(styles.fileIndex(of: cell.style))
        }
        switch cell.value {
        case .number(let number):
            xml.markup(#""><v>"#)
            xml.number(number)
            xml.markup("</v></c>")
        case .sharedText(let index):
            xml.markup(#"" t="s"><v>"#)
            xml.integer(index)
            xml.markup("</v></c>")
        case .boolean(let flag):
            xml.markup(flag ? #"" t="b"><v>1</v></c>"# : #"" t="b"><v>0</v></c>"#)
        case .formula(let expression, let cached):
            xml.markup(#""><f>"#)
            xml.text(expression)
            xml.markup("</f><v>")
            xml.number(cached)
            xml.markup("</v></c>")
        case .textFormula(let expression, let cached):
            xml.markup(#"" t="str"><f>"#)
            xml.text(expression)
            xml.markup("</f><v>")
            xml.cellText(cached)
            xml.markup("</v></c>")
        case .blank:
            xml.markup(#""/>"#)
        }
    }

    private func writeConditionalFormats(into xml: inout XMLBytes, styles: inout StyleSheet) {
        // In order of their ranges' references, as libxlsxwriter writes them; prioritised as added.
        let ordered = conditionalFormats.enumerated().sorted { ($0.element.range.a1, $0.offset) < ($1.element.range.a1, $1.offset) }
        for (priority, format) in ordered {
            xml.markup(#"<conditionalFormatting sqref=""#)
            xml.text(format.range.a1)
            switch format.rule {
            case .threeColorScale(let minimum, let midpoint, let maximum):
                xml.markup(#""><cfRule type="colorScale" priority=""#)
                xml.integer(priority + 1)
                xml.markup(#""><colorScale><cfvo type="min" val="0"/><cfvo type="percentile" val="50"/><cfvo type="max" val="0"/>"#)
                for color in [minimum, midpoint, maximum] {
                    xml.markup(#"<color rgb=""#)
                    xml.argb(color)
                    xml.markup(#""/>"#)
                }
                xml.markup("</colorScale></cfRule>")
            case .cellValue(let comparison, let value, let style):
                cellRule(priority: priority, style: style, operator: comparison.operatorName, into: &xml, styles: &styles)
                xml.markup("<formula>")
                xml.number(value)
                xml.markup("</formula></cfRule>")
            case .cellValueBetween(let low, let high, let style):
                cellRule(priority: priority, style: style, operator: "between", into: &xml, styles: &styles)
                xml.markup("<formula>")
                xml.number(low)
                xml.markup("</formula><formula>")
                xml.number(high)
                xml.markup("</formula></cfRule>")
            }
            xml.markup("</conditionalFormatting>")
        }
    }

    private func cellRule(
        priority: Int, style: CellStyle, operator name: StaticString, into xml: inout XMLBytes, styles: inout StyleSheet
    ) {
        xml.markup(#""><cfRule type="cellIs" dxfId=""#)
        xml.integer(styles.differentialIndex(of: style))
        xml.markup(#"" priority=""#)
        xml.integer(priority + 1)
        xml.markup(#"" operator=""#)
        xml.markup(name)
        xml.markup(#"">"#)
    }

    private func writePrinting(into xml: inout XMLBytes) {
        if pageSetup?.centredHorizontally == true { xml.markup(#"<printOptions horizontalCentered="1"/>"#) }
        xml.markup(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        guard let setup = pageSetup else { return }
        xml.markup(#"<pageSetup paperSize=""#)
        xml.integer(Int(setup.paper.rawValue))
        xml.markup(#"""#)
        if setup.fitWidth > 0 || setup.fitHeight > 0 {
            if setup.fitWidth != 1 {
                xml.markup(#" fitToWidth=""#)
                xml.integer(setup.fitWidth)
                xml.markup(#"""#)
            }
            if setup.fitHeight != 1 {
                xml.markup(#" fitToHeight=""#)
                xml.integer(setup.fitHeight)
                xml.markup(#"""#)
            }
        }
        xml.markup(setup.orientation == .landscape ? #" orientation="landscape"/>"# : #" orientation="portrait"/>"#)
        guard pageCodes.header != nil || pageCodes.footer != nil else { return }
        xml.markup("<headerFooter>")
        if let header = pageCodes.header {
            xml.markup("<oddHeader>")
            xml.text(header)
            xml.markup("</oddHeader>")
        }
        if let footer = pageCodes.footer {
            xml.markup("<oddFooter>")
            xml.text(footer)
            xml.markup("</oddFooter>")
        }
        xml.markup("</headerFooter>")
    }
}

extension SheetContent.Row {
    /// Puts `cell` in column order, replacing a cell written there before.
    fileprivate mutating func insert(_ cell: SheetContent.Cell) {
        guard let last = cells.last, last.column >= cell.column else {
            cells.append(cell)
            return
        }
        var low = 0, high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].column < cell.column { low = middle + 1 } else { high = middle }
        }
        if low < cells.count, cells[low].column == cell.column {
            cells[low] = cell
        } else {
            cells.insert(cell, at: low)
        }
    }
}

extension ConditionalFormat.Comparison {
    /// The rule's operator as the file names it.
    fileprivate var operatorName: StaticString {
        switch self {
        case .greaterThan: "greaterThan"
        case .greaterThanOrEqual: "greaterThanOrEqual"
        case .lessThan: "lessThan"
        case .lessThanOrEqual: "lessThanOrEqual"
        case .equal: "equal"
        case .notEqual: "notEqual"
        }
    }
}

@available(*, unavailable, message: "build a workbook on one task")
extension DirectWorksheet: Sendable {}
