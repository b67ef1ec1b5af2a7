import Foundation

/// A cell position, **1-based** like Excel's own row numbers: `CellAddress(row: 2, column: 2)` is `B2`.
///
/// The same numbering as `XLSXReading`, so what one writes at (row, column) is read back at
/// (row, column), and formulas such as `=SUM(B2:B4)` name the rows you wrote.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Largest row number in a worksheet.
    public static let maximumRow = 1_048_576
    /// Largest column number in a worksheet (`XFD`).
    public static let maximumColumn = 16_384

    /// Row number, 1 for the first row.
    public var row: Int
    /// Column number, 1 for column `A`.
    public var column: Int

    /// A cell at a 1-based row and column. Positions outside the grid are reported when written.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads an A1 reference such as `"B12"` or `"$B$12"`.
    /// - Throws: ``ExcelWriteError`` with code `.invalidCellAddress` if it is not one.
    public init(_ a1: String) throws {
        var letters = 0
        var digits = 0
        var column = 0
        var row = 0
        var sawDigit = false
        for character in a1.utf8 {
            switch character {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit,
                UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit:
                let upper = character & ~0x20
                column = column * 26 + Int(upper - UInt8(ascii: "A") + 1)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(character - UInt8(ascii: "0"))
                digits += 1
            default:
                letters = 99
            }
            if letters > 3 || digits > 7 { break }
        }
        guard (1...3).contains(letters), (1...7).contains(digits),
            (1...Self.maximumRow).contains(row), (1...Self.maximumColumn).contains(column)
        else {
            throw ExcelWriteError(
                .invalidCellAddress,
                "'\(a1)' is not a cell reference such as B12 (columns A…XFD, rows 1…1048576)")
        }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 → `A`, 28 → `AB`.
    public static func columnLetters(_ column: Int) -> String {
        var letters: [UInt8] = []
        var n = column
        while n > 0 {
            letters.append(UInt8(ascii: "A") + UInt8((n - 1) % 26))
            n = (n - 1) / 26
        }
        letters.reverse()
        return String(decoding: letters, as: UTF8.self)
    }

    /// The A1 reference, e.g. `B2`.
    public var a1: String { Self.columnLetters(column) + String(row) }

    /// The absolute A1 reference, e.g. `$B$2`.
    public var absoluteA1: String { "$" + Self.columnLetters(column) + "$" + String(row) }

    /// Same as ``a1``.
    public var description: String { a1 }

    /// Row-major order (row first, then column).
    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    /// Whether the cell lies inside Excel's grid.
    var isInGrid: Bool {
        (1...Self.maximumRow).contains(row) && (1...Self.maximumColumn).contains(column)
    }
}

/// A rectangular block of cells, from its top-left to its bottom-right corner (inclusive).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// Top-left cell.
    public var first: CellAddress
    /// Bottom-right cell.
    public var last: CellAddress

    /// The block spanned by two corners, in any order.
    public init(from: CellAddress, to: CellAddress) {
        first = CellAddress(row: min(from.row, to.row), column: min(from.column, to.column))
        last = CellAddress(row: max(from.row, to.row), column: max(from.column, to.column))
    }

    /// The block of the given 1-based rows and columns: `CellRange(rows: 2...4, columns: 2...2)` is `B2:B4`.
    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.init(
            from: CellAddress(row: rows.lowerBound, column: columns.lowerBound),
            to: CellAddress(row: rows.upperBound, column: columns.upperBound))
    }

    /// Reads `"B2:B4"` (or a single cell, `"B2"`).
    /// - Throws: ``ExcelWriteError`` with code `.invalidCellAddress`.
    public init(_ a1: String) throws {
        let corners = a1.split(separator: ":", omittingEmptySubsequences: false)
        switch corners.count {
        case 1:
            let cell = try CellAddress(a1)
            self.init(from: cell, to: cell)
        case 2:
            self.init(from: try CellAddress(String(corners[0])), to: try CellAddress(String(corners[1])))
        default:
            throw ExcelWriteError(.invalidCellAddress, "'\(a1)' is not a range such as B2:D10")
        }
    }

    /// `B2:B4`.
    public var a1: String { first == last ? first.a1 : first.a1 + ":" + last.a1 }
    /// `$B$2:$B$4`.
    public var absoluteA1: String { first == last ? first.absoluteA1 : first.absoluteA1 + ":" + last.absoluteA1 }
    /// Same as ``a1``.
    public var description: String { a1 }
    /// Number of rows spanned.
    public var rowCount: Int { last.row - first.row + 1 }
    /// Number of columns spanned.
    public var columnCount: Int { last.column - first.column + 1 }
}

/// A range on a named sheet, as charts and drop-down lists refer to it: `'Lists'!$A$2:$A$9`.
public struct SheetRange: Hashable, Sendable, CustomStringConvertible {
    /// The worksheet's name.
    public var sheet: String
    /// The cells on it.
    public var range: CellRange

    /// A range on a sheet.
    public init(sheet: String, range: CellRange) {
        self.sheet = sheet
        self.range = range
    }

    /// The formula reference with an absolute range, the sheet name quoted as Excel requires:
    /// `'Dự báo'!$B$2:$B$4`.
    public var formulaReference: String {
        let quoted = sheet.contains("'") ? sheet.replacingOccurrences(of: "'", with: "''") : sheet
        return "'" + quoted + "'!" + range.absoluteA1
    }

    /// Same as ``formulaReference``.
    public var description: String { formulaReference }
}
