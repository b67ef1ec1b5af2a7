import Foundation

/// A formula together with the value it computes.
///
/// There is no way to build one without its value: LibreOffice and many readers do not
/// recalculate on load, so a formula stored without its result shows 0 there. Compute the
/// value in Swift (you have the numbers) and store both.
public struct Formula: Hashable, Sendable {
    /// The value a formula evaluates to, stored in the file next to the formula.
    public enum CachedValue: Hashable, Sendable {
        /// A numeric result.
        case number(Double)
        /// A text result.
        case text(String)
    }

    /// The formula text, with or without the leading `=`: `SUM(B2:B4)`.
    public let expression: String
    /// What the formula evaluates to.
    public let cachedValue: CachedValue

    /// A numeric formula and its computed value: `Formula("SUM(B2:B4)", value: 36_000_000)`.
    public init(_ expression: String, value: Double) {
        self.expression = expression
        self.cachedValue = .number(value)
    }

    /// A text formula and its computed value: `Formula(#"IF(B2>0,"short","ok")"#, text: "short")`.
    public init(_ expression: String, text: String) {
        self.expression = expression
        self.cachedValue = .text(text)
    }
}

/// What goes into a cell.
///
/// Literals work: `["Region", 12_000_000, 0.35, true]` is a row of ``CellContent``.
public enum CellContent: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
    /// Text (UTF-8, any script; at most 32,767 characters).
    case string(String)
    /// A number; must be finite.
    case number(Double)
    /// A whole number; must be within ±2⁵³ so that Excel holds it exactly.
    case integer(Int)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// A moment, stored as an Excel date-time in UTC (whole seconds). Without a style it gets
    /// ``CellStyle/date``.
    case date(Date)
    /// A formula with its computed value.
    case formula(Formula)
    /// A hyperlink (`https://…`, `mailto:…`, or `internal:'Sheet'!A1`), shown as `text` if given.
    case url(String, text: String?)
    /// An empty cell that still carries a style (a blank without a style writes nothing).
    case blank

    /// Text.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A whole number.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A boolean.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}
