internal import CXlsxWriter

/// A native Excel chart, described as a value and drawn from worksheet ranges when inserted with
/// ``XLSXWorksheet/insertChart(_:at:size:)``.
///
/// ```swift
/// var chart = Chart(.line, title: "Engineer gap", valueAxisTitle: "engineers")
/// chart.series.append(.init(name: "Automation",
///     categories: SheetRange(sheet: "Gap", range: try CellRange("A2:A11")),
///     values: SheetRange(sheet: "Gap", range: try CellRange("B2:B11"))))
/// ```
public struct Chart: Hashable, Sendable {
    /// The chart type.
    public enum Kind: Hashable, Sendable {
        /// Lines through the points, one per series.
        case line
        /// Clustered vertical columns.
        case column
        /// Points joined by straight lines on two numeric axes: each series' ``Series/categories``
        /// are its x values (so unevenly spaced x values keep their distances).
        case scatter
    }

    /// Where the legend goes.
    public enum LegendPosition: Hashable, Sendable {
        /// No legend.
        case none
        /// Right of the plot.
        case right
        /// Left of the plot.
        case left
        /// Above the plot.
        case top
        /// Below the plot.
        case bottom
    }

    /// One series: a name, the category labels and the values.
    public struct Series: Hashable, Sendable {
        /// Legend text.
        public var name: String
        /// The category (x-axis) labels, e.g. the years; the x values of a scatter chart.
        public var categories: SheetRange
        /// The values, as many as categories.
        public var values: SheetRange
        /// Line or column colour (`nil`: Excel's palette).
        public var color: CellColor?

        /// A series.
        public init(name: String, categories: SheetRange, values: SheetRange, color: CellColor? = nil) {
            self.name = name
            self.categories = categories
            self.values = values
            self.color = color
        }
    }

    /// The chart type.
    public var kind: Kind
    /// Title above the chart.
    public var title: String?
    /// Title of the category (x) axis.
    public var categoryAxisTitle: String?
    /// Title of the value (y) axis.
    public var valueAxisTitle: String?
    /// Number format of the value axis, e.g. `#,##0`.
    public var valueAxisNumberFormat: String?
    /// Where the legend goes.
    public var legendPosition: LegendPosition
    /// The series, drawn in order.
    public var series: [Series]

    /// A chart; add at least one series before inserting it.
    public init(
        _ kind: Kind, title: String? = nil, categoryAxisTitle: String? = nil, valueAxisTitle: String? = nil,
        valueAxisNumberFormat: String? = nil, legendPosition: LegendPosition = .bottom, series: [Series] = []
    ) {
        self.kind = kind
        self.title = title
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.valueAxisNumberFormat = valueAxisNumberFormat
        self.legendPosition = legendPosition
        self.series = series
    }
}

/// A chart's size on the sheet, in pixels (Excel's default is 480 × 288).
public struct ChartSize: Hashable, Sendable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// A size in pixels.
    public init(width: Int = 480, height: Int = 288) {
        self.width = width
        self.height = height
    }
}

extension XLSXWorksheet {
    /// Draws `chart` with its top-left corner at `cell`.
    /// - Throws: ``ExcelWriteError`` `.invalidArgument` if the chart has no series, a series
    ///   refers to a sheet not in the workbook, or the size is not positive.
    public func insertChart(_ chart: Chart, at cell: CellAddress, size: ChartSize = ChartSize()) throws {
        let handle = try openHandle()
        let (row, column) = try position(cell)
        guard !chart.series.isEmpty else {
            throw error(.invalidArgument, "the chart '\(chart.title ?? "untitled")' has no series")
        }
        guard size.width > 0, size.height > 0 else {
            throw error(.invalidArgument, "a chart needs a positive size, not \(size.width)×\(size.height)")
        }
        for series in chart.series {
            for source in [series.categories, series.values] where workbook.worksheet(named: source.sheet) == nil {
                throw error(
                    .invalidArgument,
                    "the chart series '\(series.name)' refers to a sheet '\(source.sheet)' that does not exist")
            }
            for source in [series.categories, series.values] {
                _ = try position(source.range.first)
                _ = try position(source.range.last)
            }
        }

        let type: lxw_chart_type
        switch chart.kind {
        case .line: type = LXW_CHART_LINE
        case .column: type = LXW_CHART_COLUMN
        case .scatter: type = LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS
        }
        guard let lxwChart = workbook_add_chart(try workbook.openHandle(sheet: name), UInt8(type.rawValue)) else {
            throw error(.library, "libxlsxwriter could not create the chart")
        }
        for series in chart.series {
            guard let lxwSeries = chart_add_series(lxwChart, nil, nil) else {
                throw error(.library, "libxlsxwriter could not add the series '\(series.name)'")
            }
            let categories = series.categories.range
            let values = series.values.range
            chart_series_set_categories(
                lxwSeries, series.categories.sheet,
                lxw_row_t(categories.first.row - 1), lxw_col_t(categories.first.column - 1),
                lxw_row_t(categories.last.row - 1), lxw_col_t(categories.last.column - 1))
            chart_series_set_values(
                lxwSeries, series.values.sheet,
                lxw_row_t(values.first.row - 1), lxw_col_t(values.first.column - 1),
                lxw_row_t(values.last.row - 1), lxw_col_t(values.last.column - 1))
            chart_series_set_name(lxwSeries, series.name)
            if let color = series.color {
                switch chart.kind {
                case .line, .scatter:
                    var line = lxw_chart_line()
                    line.color = lxw_color_t(color.rgb)
                    line.width = 2.25
                    chart_series_set_line(lxwSeries, &line)
                case .column:
                    var fill = lxw_chart_fill()
                    fill.color = lxw_color_t(color.rgb)
                    chart_series_set_fill(lxwSeries, &fill)
                }
            }
        }
        if let title = chart.title { chart_title_set_name(lxwChart, title) }
        if let title = chart.categoryAxisTitle { chart_axis_set_name(lxwChart.pointee.x_axis, title) }
        if let title = chart.valueAxisTitle { chart_axis_set_name(lxwChart.pointee.y_axis, title) }
        if let format = chart.valueAxisNumberFormat { chart_axis_set_num_format(lxwChart.pointee.y_axis, format) }
        let legend: lxw_chart_legend_position
        switch chart.legendPosition {
        case .none: legend = LXW_CHART_LEGEND_NONE
        case .right: legend = LXW_CHART_LEGEND_RIGHT
        case .left: legend = LXW_CHART_LEGEND_LEFT
        case .top: legend = LXW_CHART_LEGEND_TOP
        case .bottom: legend = LXW_CHART_LEGEND_BOTTOM
        }
        chart_legend_set_position(lxwChart, UInt8(legend.rawValue))

        var options = lxw_chart_options()
        options.x_scale = Double(size.width) / 480
        options.y_scale = Double(size.height) / 288
        try check(
            worksheet_insert_chart_opt(handle, row, column, lxwChart, &options),
            "cannot insert the chart at \(cell.a1)")
    }
}
