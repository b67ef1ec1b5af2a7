/// An RGB colour for fonts, fills and charts: `CellColor(rgb: 0xC00000)`.
public struct CellColor: Hashable, Sendable {
    /// The colour as `0xRRGGBB`.
    public let rgb: UInt32

    /// A colour from `0xRRGGBB`; bits above the lowest 24 are ignored.
    public init(rgb: UInt32) { self.rgb = rgb & 0xFF_FFFF }

    /// Black.
    public static let black = CellColor(rgb: 0x000000)
    /// White.
    public static let white = CellColor(rgb: 0xFFFFFF)
    /// Excel's "bad" dark red text.
    public static let darkRed = CellColor(rgb: 0x9C0006)
    /// Excel's "bad" light red fill.
    public static let lightRed = CellColor(rgb: 0xFFC7CE)
    /// Excel's "good" light green fill.
    public static let lightGreen = CellColor(rgb: 0xC6EFCE)
    /// A pale yellow.
    public static let lightYellow = CellColor(rgb: 0xFFEB84)
    /// Red, as in the red end of a colour scale.
    public static let red = CellColor(rgb: 0xF8696B)
    /// Green, as in the green end of a colour scale.
    public static let green = CellColor(rgb: 0x63BE7B)
    /// The header fill: a pale blue-grey.
    public static let headerFill = CellColor(rgb: 0xDDEBF7)
    /// A dark blue for titles.
    public static let navy = CellColor(rgb: 0x1F3864)
}

/// How a cell looks: a small value type. Equal styles share one format in the file
/// (the workbook caches them), so build them freely.
///
/// Start from a preset and change what you need:
/// ```swift
/// var total = CellStyle.vnd
/// total.bold = true
/// ```
public struct CellStyle: Hashable, Sendable {
    /// Horizontal placement of the content.
    public enum HorizontalAlignment: Hashable, Sendable {
        /// Left.
        case left
        /// Centred.
        case center
        /// Right.
        case right
    }

    /// Vertical placement of the content.
    public enum VerticalAlignment: Hashable, Sendable {
        /// Top.
        case top
        /// Centred.
        case center
        /// Bottom.
        case bottom
    }

    /// A border line drawn around the cell.
    public enum Border: Hashable, Sendable {
        /// A thin line.
        case thin
        /// A medium line.
        case medium
        /// A thick line.
        case thick
        /// A thin dashed line.
        case dashed
    }

    /// Bold font.
    public var bold: Bool
    /// Italic font.
    public var italic: Bool
    /// Font size in points (`nil`: the workbook default, 11).
    public var fontSize: Double?
    /// Font colour (`nil`: automatic).
    public var fontColor: CellColor?
    /// Solid background fill (`nil`: none).
    public var fill: CellColor?
    /// An Excel number format such as `#,##0` or `0.0%` (`nil`: General).
    public var numberFormat: String?
    /// Horizontal alignment (`nil`: Excel's default by type).
    public var horizontalAlignment: HorizontalAlignment?
    /// Vertical alignment (`nil`: bottom).
    public var verticalAlignment: VerticalAlignment?
    /// Wrap long text onto several lines.
    public var wrapsText: Bool
    /// A border on all four sides (`nil`: none).
    public var border: Border?
    /// Colour of the border (`nil`: automatic).
    public var borderColor: CellColor?

    /// A style; every property defaults to Excel's default look.
    public init(
        bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: CellColor? = nil,
        fill: CellColor? = nil, numberFormat: String? = nil,
        horizontalAlignment: HorizontalAlignment? = nil, verticalAlignment: VerticalAlignment? = nil,
        wrapsText: Bool = false, border: Border? = nil, borderColor: CellColor? = nil
    ) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fill = fill
        self.numberFormat = numberFormat
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapsText = wrapsText
        self.border = border
        self.borderColor = borderColor
    }

    /// Whether this is Excel's default look (written without a format).
    var isDefault: Bool { self == CellStyle() }
}

extension CellStyle {
    /// Number format for whole VND with thousands separators: `#,##0`.
    public static let vndFormat = "#,##0"
    /// Number format for engineer counts with one decimal: `#,##0.0`.
    public static let engineersFormat = "#,##0.0"
    /// Number format for percentages with one decimal: `0.0%`.
    public static let percentFormat = "0.0%"
    /// Number format for dates: `yyyy-mm-dd`.
    public static let dateFormat = "yyyy-mm-dd"

    /// A column header: bold on a pale fill, thin border, wrapped and centred.
    public static let header = CellStyle(
        bold: true, fill: .headerFill, horizontalAlignment: .center, verticalAlignment: .center,
        wrapsText: true, border: .thin)
    /// A sheet title: bold 14 pt dark blue.
    public static let title = CellStyle(bold: true, fontSize: 14, fontColor: .navy)
    /// Whole VND: `#,##0`.
    public static let vnd = CellStyle(numberFormat: vndFormat)
    /// Engineers (a stock or a gap), one decimal: `#,##0.0`.
    public static let engineers = CellStyle(numberFormat: engineersFormat)
    /// A percentage with one decimal: `0.0%` (write 0.35 for 35.0 %).
    public static let percent = CellStyle(numberFormat: percentFormat)
    /// A date: `yyyy-mm-dd`.
    public static let date = CellStyle(numberFormat: dateFormat)
    /// Wrapped text aligned to the top, for notes and explanations.
    public static let wrappedText = CellStyle(verticalAlignment: .top, wrapsText: true)
    /// Excel's "bad" look, dark red text on light red: used for shortages in conditional formats.
    public static let shortageHighlight = CellStyle(fontColor: .darkRed, fill: .lightRed)
}
