/// One worksheet read from an `.xlsx`: its cells and the features tests check for craft
/// (validations, conditional formats, frozen panes, filters, merges, drawings).
public struct XLSXSheet: Hashable, Sendable {
    /// Whether the sheet's tab is shown.
    public enum Visibility: String, Hashable, Sendable {
        /// Shown.
        case visible
        /// Hidden (Format ▸ Unhide shows it).
        case hidden
        /// Hidden so that only code can show it.
        case veryHidden
    }

    /// The sheet's name.
    public let name: String
    /// Whether its tab is shown.
    public let visibility: Visibility
    /// The part holding the sheet, e.g. `xl/worksheets/sheet1.xml`.
    public let part: String
    /// The cells with a value or a formula, in row-major order.
    public let cells: [XLSXCell]
    /// The data validations, in file order.
    public let dataValidations: [XLSXDataValidation]
    /// The conditional-format rules, in file order.
    public let conditionalFormats: [XLSXConditionalFormat]
    /// The frozen pane, if rows or columns are frozen.
    public let frozenPane: XLSXFrozenPane?
    /// The autofilter range (e.g. `A1:D10`), if filter buttons are on.
    public let autoFilter: String?
    /// The merged ranges (e.g. `A1:D1`).
    public let mergedRanges: [String]
    /// Column widths set in the file, by 1-based column.
    public let columnWidths: [Int: Double]
    /// Whether the sheet has a drawing (charts, images).
    public let hasDrawing: Bool

    private let cellIndex: [Int: Int]
    /// The file the sheet was read from, for errors.
    private let filePath: String

    init(
        filePath: String, name: String, visibility: Visibility, part: String, cells: [XLSXCell],
        dataValidations: [XLSXDataValidation], conditionalFormats: [XLSXConditionalFormat],
        frozenPane: XLSXFrozenPane?, autoFilter: String?, mergedRanges: [String],
        columnWidths: [Int: Double], hasDrawing: Bool
    ) {
        self.filePath = filePath
        self.name = name
        self.visibility = visibility
        self.part = part
        self.cells = cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        self.dataValidations = dataValidations
        self.conditionalFormats = conditionalFormats
        self.frozenPane = frozenPane
        self.autoFilter = autoFilter
        self.mergedRanges = mergedRanges
        self.columnWidths = columnWidths
        self.hasDrawing = hasDrawing
        var index: [Int: Int] = [:]
        for (position, cell) in self.cells.enumerated() {
            index[Self.key(row: cell.row, column: cell.column)] = position
        }
        self.cellIndex = index
    }

    private static func key(row: Int, column: Int) -> Int { row &* 16_384 &+ column }

    /// The cell at a 1-based row and column, or `nil` if it holds nothing.
    public func cell(row: Int, column: Int) -> XLSXCell? {
        cellIndex[Self.key(row: row, column: column)].map { cells[$0] }
    }

    /// The cell at an A1 reference (`"B12"`, `"$B$12"`), or `nil` if it holds nothing or the
    /// reference is not one.
    public func cell(_ reference: String) -> XLSXCell? {
        guard let (row, column) = CellReference.position(of: reference) else { return nil }
        return cell(row: row, column: column)
    }

    /// The value at a 1-based row and column (`.empty` if none).
    public func value(row: Int, column: Int) -> CellValue {
        cell(row: row, column: column)?.value ?? .empty
    }

    /// The last row with a cell (0 for an empty sheet).
    public var lastRow: Int { cells.last?.row ?? 0 }

    /// The last column with a cell (0 for an empty sheet).
    public var lastColumn: Int { cells.map(\.column).max() ?? 0 }

    /// Largest grid ``rows()`` builds (rows × columns).
    public static let maximumGridSize = 10_000_000

    /// The values as a dense grid: `rows[i][j]` is row `i + 1`, column `j + 1`, for rows
    /// 1…``lastRow`` and columns 1…``lastColumn`` (every row has the same length), `.empty`
    /// where nothing is stored.
    /// - Throws: ``XLSXReadError`` `.gridTooLarge` if the grid would exceed
    ///   ``maximumGridSize`` cells (a stray value far down or right); use ``cells`` then.
    /// - Complexity: O(lastRow × lastColumn).
    public func rows() throws -> [[CellValue]] {
        let (height, width) = (lastRow, lastColumn)
        guard height.multipliedReportingOverflow(by: width).partialValue <= Self.maximumGridSize else {
            throw XLSXReadError(
                .gridTooLarge, path: filePath, part: part,
                "the sheet '\(name)' spans \(height) rows × \(width) columns, too many to return densely; its last cell is \(CellReference.reference(row: height, column: width)). Remove stray cells or read `cells`")
        }
        var grid = Array(repeating: Array(repeating: CellValue.empty, count: lastColumn), count: lastRow)
        for cell in cells {
            grid[cell.row - 1][cell.column - 1] = cell.value
        }
        return grid
    }
}

/// A `<dataValidation>` (or Excel's extended `x14:dataValidation`) read from a sheet.
public struct XLSXDataValidation: Hashable, Sendable {
    /// The type: `list`, `whole`, `decimal`, `date`, `textLength`, `custom`…
    public let type: String
    /// The operator (`between` when absent in the file).
    public let operatorName: String
    /// The cells it covers, e.g. `C2:C100` (space-separated ranges possible).
    public let sqref: String
    /// The first formula: for a list `"a,b,c"` with its quotes, or a range such as
    /// `'Lists'!$A$2:$A$9`; for a number rule, the minimum (or the bound).
    public let formula1: String?
    /// The second formula (the maximum for `between`).
    public let formula2: String?
    /// Whether a blank is accepted.
    public let allowsBlank: Bool
    /// The prompt shown when a cell is selected.
    public let prompt: String?
    /// The error text shown on a wrong value.
    public let errorMessage: String?

    /// For a list given inline (`"a,b,c"`), its items; else `nil`.
    public var listItems: [String]? {
        guard type == "list", let formula1, formula1.hasPrefix("\""), formula1.hasSuffix("\""),
            formula1.count >= 2
        else { return nil }
        return formula1.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init)
    }
}

/// A conditional-format rule read from a sheet.
public struct XLSXConditionalFormat: Hashable, Sendable {
    /// The cells it covers.
    public let sqref: String
    /// The rule type: `colorScale`, `cellIs`, `dataBar`, `expression`…
    public let type: String
    /// The operator for `cellIs` (e.g. `greaterThan`), else `nil`.
    public let operatorName: String?
    /// The rule's formulas (for `cellIs`, the compared values).
    public let formulas: [String]
    /// For a colour scale, the number of colours.
    public let colorCount: Int
}

/// A frozen pane: the rows above and the columns left of ``topLeftCell`` stay in view.
public struct XLSXFrozenPane: Hashable, Sendable {
    /// Number of frozen rows.
    public let rows: Int
    /// Number of frozen columns.
    public let columns: Int
    /// The first scrolling cell, e.g. `A2`.
    public let topLeftCell: String?

    /// A frozen pane of `rows` rows and `columns` columns.
    public init(rows: Int, columns: Int, topLeftCell: String?) {
        self.rows = rows
        self.columns = columns
        self.topLeftCell = topLeftCell
    }
}
