import Allocation

/// Where the Budget sheet put its totals, for the Summary's formulas.
struct BudgetCells {
    /// The Budget sheet's name.
    var sheet: String
    /// The totals row.
    var totalRow: Int
    /// Total budget (column B) and total spend values.
    var totalBudget: Double
    var totalSpend: Double
    static let budgetColumn = 2
    static let carriedInColumn = 3
    /// The total spend column: after one column per instrument from D.
    var spendColumn: Int
}

extension FundPlanSheets {
    /// Budget: per budget year, the budget, what was carried in, spending per instrument (as
    /// `SUMIFS` over the item sheets) and what is unspent to date, the same quantities as
    /// `spend.csv`: unspent to date = Σ budget − Σ spend up to the year; with carry-over it is
    /// what the next year carries in.
    func writeBudget(_ sheet: XLSXWorksheet, items: [ChargedCosts]) throws -> BudgetCells {
        let unit = t["unit.bn"]
        // Columns: A year, B budget, C carried in, one per instrument from D, then total spend,
        // unspent to date, share used and the value of an extra billion.
        let spendColumn = 4 + items.count
        let spendLetter = CellAddress.columnLetters(spendColumn), unspentLetter = CellAddress.columnLetters(spendColumn + 1)
        let lastItem = CellAddress.columnLetters(spendColumn - 1)
        var table = try TableSheet(
            sheet, texts: t, title: t["budget.title"],
            note: t["budget.note"] + " " + (plan.carryOver ? t["budget.carry-over"] : t["budget.lapse"]),
            columns: [
                TableColumn(t["column.budget-year"], width: 8, style: WorkbookStyles.year),
                TableColumn(t.format("budget.budget", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("budget.carried-in", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
            ] + items.map { item in
                TableColumn(t.format("budget." + item.instrument, ["unit": unit]), width: 10, style: WorkbookStyles.billions)
            } + [
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
        var columns: [[Double]] = items.map { _ in [] }
        var totals: [Double] = []
        var unspentToDate: Double?
        for spendOfYear in plan.spendByYear.sorted(by: { $0.year < $1.year }) {
            let row = table.nextRow
            let carriedIn = plan.carryOver ? (unspentToDate ?? 0) : 0
            var cells: [CellContent] = [.integer(spendOfYear.year), .number(spendOfYear.budget)]
            cells.append(plan.carryOver && unspentToDate != nil
                ? .formula(Formula("\(unspentLetter)\(row - 1)", value: carriedIn)) : .number(0))
            var amounts: [Double] = []
            for (position, item) in items.enumerated() {
                let amount = item.sum(chargedTo: spendOfYear.year)
                amounts.append(amount)
                columns[position].append(amount)
                cells.append(.formula(Formula(item.formula(criterionCell: "$A\(row)"), value: amount)))
            }
            let total = ExcelArithmetic.sum(amounts)
            let unspent = unspentToDate.map { $0 + spendOfYear.budget - total } ?? spendOfYear.budget - total
            budgets.append(spendOfYear.budget)
            totals.append(total)
            cells.append(.formula(Formula("SUM(D\(row):\(lastItem)\(row))", value: total)))
            cells.append(.formula(Formula(
                unspentToDate == nil ? "B\(row)-\(spendLetter)\(row)" : "\(unspentLetter)\(row - 1)+B\(row)-\(spendLetter)\(row)", value: unspent)))
            let available = spendOfYear.budget + carriedIn
            cells.append(available > 0 ? .formula(Formula("\(spendLetter)\(row)/(B\(row)+C\(row))", value: total / available)) : .blank)
            cells.append(.optionalNumber(prices[spendOfYear.year]))
            try table.append(cells)
            unspentToDate = unspent
        }
        let firstRow = TableSheet.firstDataRow
        let lastRow = table.lastDataRow
        let hasYears = table.dataRowCount > 0
        try table.addAutofilter()
        let totalRow = try table.appendTotals(
            sums: [(2, budgets)] + columns.enumerated().map { (4 + $0.offset, $0.element) } + [(spendColumn, totals)])
        let totalBudget = ExcelArithmetic.sum(budgets)
        let totalSpend = ExcelArithmetic.sum(totals)
        if hasYears, let unspentToDate {
            try sheet.write(
                .formula(Formula("\(unspentLetter)\(lastRow)", value: unspentToDate)), row: totalRow, column: spendColumn + 1,
                style: WorkbookStyles.total(WorkbookStyles.billions))
        }
        if totalBudget > 0 {
            try sheet.write(
                .formula(Formula("\(spendLetter)\(totalRow)/B\(totalRow)", value: totalSpend / totalBudget)), row: totalRow,
                column: spendColumn + 2,
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
                series: [series(t["budget.series-budget"], 2, 0xA5A5A5)] + items.enumerated().map { position, item in
                    series(t["budget.series-" + item.instrument], 4 + position, Self.seriesColors[position % Self.seriesColors.count])
                })
            try sheet.insertChart(chart, at: CellAddress(row: totalRow + 2, column: 1), size: ChartSize(width: 760, height: 320))
            chartRows = 18
        }
        try table.finish(printing)
        // The chart under the table prints too.
        if chartRows > 0 {
            try printing.apply(
                to: sheet, width: table.fittedWidths.reduce(0, +), repeatedRows: TableSheet.headerRow...TableSheet.headerRow,
                printArea: CellRange(rows: 1...(totalRow + 2 + chartRows), columns: 1...(spendColumn + 3)), fitHeight: 1)
        }
        return BudgetCells(sheet: sheet.name, totalRow: totalRow, totalBudget: totalBudget, totalSpend: totalSpend,
                           spendColumn: spendColumn)
    }

    /// The chart colours of the instruments, in the Budget sheet's order.
    static let seriesColors: [UInt32] = [0x4472C4, 0xED7D31, 0x70AD47, 0x7F6084]
}
