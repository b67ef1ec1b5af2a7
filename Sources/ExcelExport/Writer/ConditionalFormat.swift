internal import CXlsxWriter

/// A rule that styles cells by their values; added with
/// ``XLSXWorksheet/addConditionalFormat(_:to:)``.
public enum ConditionalFormat: Hashable, Sendable {
    /// How a cell's value is compared.
    public enum Comparison: Hashable, Sendable {
        /// `>`
        case greaterThan
        /// `>=`
        case greaterThanOrEqual
        /// `<`
        case lessThan
        /// `<=`
        case lessThanOrEqual
        /// `=`
        case equal
        /// `<>`
        case notEqual
    }

    /// A colour scale from the lowest value (minimum colour) through the 50th percentile to the
    /// highest.
    case threeColorScale(minimum: CellColor, midpoint: CellColor, maximum: CellColor)
    /// Style cells whose value compares so with `value`.
    case cellValue(Comparison, Double, style: CellStyle)
    /// Style cells whose value is between `low` and `high` inclusive.
    case cellValueBetween(low: Double, high: Double, style: CellStyle)

    /// Shortages: any value > 0 in dark red on light red.
    public static let shortage = ConditionalFormat.cellValue(.greaterThan, 0, style: .shortageHighlight)

    /// Green (low) – yellow – red (high): for gaps, where high is bad.
    public static let greenToRed = ConditionalFormat.threeColorScale(
        minimum: .green, midpoint: .lightYellow, maximum: .red)
}

extension XLSXWorksheet {
    /// Adds a conditional format over `range`.
    /// - Throws: ``ExcelWriteError`` for a range off the grid, a non-finite bound, or a closed workbook.
    public func addConditionalFormat(_ rule: ConditionalFormat, to range: CellRange) throws {
        let handle = try openHandle()
        let first = try position(range.first)
        let last = try position(range.last)
        var lxwRule = lxw_conditional_format()
        switch rule {
        case .threeColorScale(let minimum, let midpoint, let maximum):
            lxwRule.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            lxwRule.min_color = lxw_color_t(minimum.rgb)
            lxwRule.mid_color = lxw_color_t(midpoint.rgb)
            lxwRule.max_color = lxw_color_t(maximum.rgb)
        case .cellValue(let comparison, let value, let style):
            guard value.isFinite else { throw error(.invalidArgument, "a conditional format bound must be finite") }
            lxwRule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            lxwRule.criteria = UInt8(comparison.lxwCriteria.rawValue)
            lxwRule.value = value
            lxwRule.format = try workbook.format(for: style)
        case .cellValueBetween(let low, let high, let style):
            guard low.isFinite, high.isFinite, low <= high else {
                throw error(.invalidArgument, "a conditional format needs finite bounds with low ≤ high")
            }
            lxwRule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            lxwRule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_BETWEEN.rawValue)
            lxwRule.min_value = low
            lxwRule.max_value = high
            lxwRule.format = try workbook.format(for: style)
        }
        try check(
            worksheet_conditional_format_range(handle, first.row, first.column, last.row, last.column, &lxwRule),
            "cannot add a conditional format to \(range.a1)")
    }
}

extension ConditionalFormat.Comparison {
    fileprivate var lxwCriteria: lxw_conditional_criteria {
        switch self {
        case .greaterThan: LXW_CONDITIONAL_CRITERIA_GREATER_THAN
        case .greaterThanOrEqual: LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
        case .lessThan: LXW_CONDITIONAL_CRITERIA_LESS_THAN
        case .lessThanOrEqual: LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO
        case .equal: LXW_CONDITIONAL_CRITERIA_EQUAL_TO
        case .notEqual: LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO
        }
    }
}
