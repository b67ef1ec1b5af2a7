import Allocation

/// Where the Budget sheet put its totals, for the Summary's formulas.
struct BudgetCells {
    /// The Budget sheet's name.
    var sheet: String
    /// The totals row.
    var totalRow: Int
    /// Total budget (column B) and total spend (column G) values.
    var totalBudget: Double
    var totalSpend: Double
    static let budgetColumn = 2
    static let carriedInColumn = 3
    static let spendColumn = 7
    static let unspentColumn = 8
}

extension FundPlanSheets {
    /// Budget: per budget year, the budget, what was carried in, spending per instrument (as
    /// `SUMIFS` over the item sheets) and what is unspent to date, the same quantities as
    /// `spend.csv`: unspent to date = Σ budget − Σ spend up to the year; with carry-over it is
    /// what the next year carries in.
    func writeBudget(_ sheet: XLSXWorksheet, items: [ChargedCosts]) throws -> BudgetCells {
        let unit = t["unit.bn"]
        var table = try TableSheet(
            sheet, texts: t, title: t["budget.title"],
            note: t["budget.note"] + " " + (plan.carryOver ? t["budget.carry-over"] : t["budget.lapse"]),
            columns: [
                TableColumn(t["column.budget-year"], width: 8, style: WorkbookStyles.year),
                TableColumn(t.format("budget.budget", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("budget.carried-in", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("budget.scholarships", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("budget.internships", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("budget.onsite", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("budget.spend", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(
                    t.format(plan.carryOver ? "budget.unspent-carried" : "budget.unspent-lapsed", ["unit": unit]), width: 12,
                    style: WorkbookStyles.billions),
                TableColumn(t["budget.used"], width: 10, style: WorkbookStyles.percent),
                TableColumn(t["budget.extra-billion"], width: 16, style: WorkbookStyles.decimal),
            ])
        let prices = Dictionary(
            plan.explanation.budgetShadowPrices.map { ($0.year, $0.engineerYearsPerBillion) }, uniquingKeysWith: { a, _ in a })
        var budgets: [Double] = []
        var columns: [[Double]] = [[], [], []]
        var totals: [Double] = []
        var unspentToDate: Double?
        for spend in plan.spendByYear.sorted(by: { $0.year < $1.year }) {
            let row = table.nextRow
            let carriedIn = plan.carryOver ? (unspentToDate ?? 0) : 0
            var cells: [CellContent] = [.integer(spend.year), .number(spend.budget)]
            cells.append(plan.carryOver && unspentToDate != nil
                ? .formula(Formula("H\(row - 1)", value: carriedIn)) : .number(0))
            var amounts: [Double] = []
            for (position, item) in items.enumerated() {
                let amount = item.sum(chargedTo: spend.year)
                amounts.append(amount)
                columns[position].append(amount)
                cells.append(.formula(Formula(item.formula(criterionCell: "$A\(row)"), value: amount)))
            }
            let total = ExcelArithmetic.sum(amounts)
            let unspent = unspentToDate.map { $0 + spend.budget - total } ?? spend.budget - total
            budgets.append(spend.budget)
            totals.append(total)
            cells.append(.formula(Formula("SUM(D\(row):F\(row))", value: total)))
            cells.append(.formula(Formula(unspentToDate == nil ? "B\(row)-G\(row)" : "H\(row - 1)+B\(row)-G\(row)", value: unspent)))
            let available = spend.budget + carriedIn
            cells.append(available > 0 ? .formula(Formula("G\(row)/(B\(row)+C\(row))", value: total / available)) : .blank)
            cells.append(.optionalNumber(prices[spend.year]))
            try table.append(cells)
            unspentToDate = unspent
        }
        let firstRow = TableSheet.firstDataRow
        let lastRow = table.lastDataRow
        let hasYears = table.dataRowCount > 0
        try table.addAutofilter()
        let totalRow = try table.appendTotals(sums: [(2, budgets), (4, columns[0]), (5, columns[1]), (6, columns[2]), (7, totals)])
        let totalBudget = ExcelArithmetic.sum(budgets)
        let totalSpend = ExcelArithmetic.sum(totals)
        if hasYears, let unspentToDate {
            try sheet.write(
                .formula(Formula("H\(lastRow)", value: unspentToDate)), row: totalRow, column: 8,
                style: WorkbookStyles.total(WorkbookStyles.billions))
        }
        if totalBudget > 0 {
            try sheet.write(
                .formula(Formula("G\(totalRow)/B\(totalRow)", value: totalSpend / totalBudget)), row: totalRow, column: 9,
                style: WorkbookStyles.total(WorkbookStyles.percent))
        }
        var chartRows = 0
        if hasYears {
            let years = SheetRange(sheet: sheet.name, range: CellRange(rows: firstRow...lastRow, columns: 1...1))
            func series(_ name: String, _ column: Int, _ color: UInt32) -> Chart.Series {
                Chart.Series(
                    name: name, categories: years,
                    values: SheetRange(sheet: sheet.name, range: CellRange(rows: firstRow...lastRow, columns: column...column)),
                    color: CellColor(rgb: color))
            }
            let chart = Chart(
                .column, title: t["budget.chart-title"], categoryAxisTitle: t["column.budget-year"],
                valueAxisTitle: unit, valueAxisNumberFormat: "#,##0,,,", legendPosition: .bottom,
                series: [
                    series(t["budget.series-budget"], 2, 0xA5A5A5), series(t["budget.series-scholarships"], 4, 0x4472C4),
                    series(t["budget.series-internships"], 5, 0xED7D31), series(t["budget.series-onsite"], 6, 0x70AD47),
                ])
            try sheet.insertChart(chart, at: CellAddress(row: totalRow + 2, column: 1), size: ChartSize(width: 760, height: 320))
            chartRows = 18
        }
        try table.finish(printing)
        // The chart under the table prints too.
        if chartRows > 0 {
            try printing.apply(
                to: sheet, width: table.fittedWidths.reduce(0, +), repeatedRows: TableSheet.headerRow...TableSheet.headerRow,
                printArea: CellRange(rows: 1...(totalRow + 2 + chartRows), columns: 1...10), fitHeight: 1)
        }
        return BudgetCells(sheet: sheet.name, totalRow: totalRow, totalBudget: totalBudget, totalSpend: totalSpend)
    }
}
