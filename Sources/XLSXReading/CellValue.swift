/// A cell's value as stored in the file. For a formula cell, the value its author's program
/// computed and cached (Excel, libxlsxwriter with a value); formulas are not evaluated here.
public enum CellValue: Hashable, Sendable {
    /// No value.
    case empty
    /// Text (shared, inline, or a formula's text result).
    case string(String)
    /// A number exactly as stored (the raw text parsed as a `Double`; formatting is not applied,
    /// so 12,000,000 VND shown as `12.000.000` comes back as `12000000`). Dates are numbers too:
    /// Excel serial days since 1899-12-30.
    case number(Double)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)

    /// The text, for a `.string`.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number, for a `.number`.
    public var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The number as an `Int` when it is a whole number that fits, else `nil`
    /// (`12000000` → 12000000; `2.5` → nil).
    public var integerValue: Int? {
        guard case .number(let number) = self, number.rounded() == number,
            abs(number) < 9.2e18
        else { return nil }
        return Int(number)
    }

    /// The boolean, for a `.boolean`.
    public var booleanValue: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    /// Whether the cell has no value.
    public var isEmpty: Bool { self == .empty }
}

/// One cell read from a sheet.
public struct XLSXCell: Hashable, Sendable {
    /// The A1 reference, e.g. `B12`.
    public let reference: String
    /// Row number, 1-based.
    public let row: Int
    /// Column number, 1-based (1 = `A`).
    public let column: Int
    /// The value (a formula's cached result for formula cells).
    public let value: CellValue
    /// The formula text without the leading `=` (e.g. `SUM(B2:B4)`), if the cell has one.
    /// A cell that shares a formula written once in the first cell of its range (Excel's
    /// shared formulas) reports an empty string.
    public let formula: String?
    /// The stored value text (`<v>`), e.g. `"12000000"`; for shared strings the resolved text.
    public let rawValue: String?
    /// The index of the cell's style in `styles.xml` (`s` attribute), if any.
    public let styleIndex: Int?

    /// A cell; used by the reader and by tests.
    public init(
        row: Int, column: Int, value: CellValue, formula: String? = nil, rawValue: String? = nil,
        styleIndex: Int? = nil
    ) {
        self.reference = CellReference.reference(row: row, column: column)
        self.row = row
        self.column = column
        self.value = value
        self.formula = formula
        self.rawValue = rawValue
        self.styleIndex = styleIndex
    }
}
