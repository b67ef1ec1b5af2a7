import Allocation

/// Where the Budget sheet put its totals, for the Summary's formulas.
struct BudgetCells {
    /// The totals row.
    var totalRow: Int
    /// Total budget (column B) and total spend (column F) values.
    var totalBudget: Double
    var totalSpend: Double
    static let budgetColumn = 2
    static let spendColumn = 6
}

extension FundPlanSheets {
    /// Budget: per budget year and instrument against the budget, as `SUMIFS` over the item sheets.
    func writeBudget(_ sheet: XLSXWorksheet, items: [ChargedCosts]) throws -> BudgetCells {
        var table = try TableSheet(
            sheet, title: "Budget — spending per year and instrument",
            note: "Spending is summed from the item sheets (SUMIFS on their budget year). "
                + (plan.carryOver ? "Unspent money carries over to later years." : "Unspent money lapses at the end of each year."),
            columns: [
                TableColumn("Budget year", width: 10, style: WorkbookStyles.year),
                TableColumn("Budget (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Scholarships (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Internship support (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("On-site training (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Total spend (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Unspent in year (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Budget used", width: 10, style: WorkbookStyles.percent),
                TableColumn("Shortage closed per extra billion VND", width: 16, style: WorkbookStyles.decimal),
            ])
        let prices = Dictionary(
            plan.explanation.budgetShadowPrices.map { ($0.year, $0.engineerYearsPerBillion) }, uniquingKeysWith: { a, _ in a })
        var budgets: [Double] = []
        var columns: [[Double]] = [[], [], []]
        var totals: [Double] = []
        var unspent: [Double] = []
        for spend in plan.spendByYear.sorted(by: { $0.year < $1.year }) {
            let row = table.nextRow
            var cells: [CellContent] = [.integer(spend.year), .number(spend.budget)]
            var amounts: [Double] = []
            for (position, item) in items.enumerated() {
                let amount = item.sum(chargedTo: spend.year)
                amounts.append(amount)
                columns[position].append(amount)
                cells.append(.formula(Formula(item.formula(criterionCell: "$A\(row)"), value: amount)))
            }
            let total = ExcelArithmetic.sum(amounts)
            let left = spend.budget - total
            budgets.append(spend.budget)
            totals.append(total)
            unspent.append(left)
            cells.append(.formula(Formula("SUM(C\(row):E\(row))", value: total)))
            cells.append(.formula(Formula("B\(row)-F\(row)", value: left)))
            cells.append(spend.budget > 0 ? .formula(Formula("F\(row)/B\(row)", value: total / spend.budget)) : .blank)
            cells.append(.optionalNumber(prices[spend.year]))
            try table.append(cells)
        }
        let firstRow = TableSheet.firstDataRow
        let lastRow = table.lastDataRow
        let hasYears = table.dataRowCount > 0
        try table.addAutofilter()
        let totalRow = try table.appendTotals(
            label: "Total",
            sums: [(2, budgets), (3, columns[0]), (4, columns[1]), (5, columns[2]), (6, totals), (7, unspent)])
        let totalBudget = ExcelArithmetic.sum(budgets)
        let totalSpend = ExcelArithmetic.sum(totals)
        if totalBudget > 0 {
            try sheet.write(
                .formula(Formula("F\(totalRow)/B\(totalRow)", value: totalSpend / totalBudget)), row: totalRow, column: 8,
                style: WorkbookStyles.total(WorkbookStyles.percent))
        }
        if hasYears {
            let years = SheetRange(sheet: sheet.name, range: CellRange(rows: firstRow...lastRow, columns: 1...1))
            func series(_ name: String, _ column: Int, _ color: UInt32) -> Chart.Series {
                Chart.Series(
                    name: name, categories: years,
                    values: SheetRange(sheet: sheet.name, range: CellRange(rows: firstRow...lastRow, columns: column...column)),
                    color: CellColor(rgb: color))
            }
            let chart = Chart(
                .column, title: "Budget and spending per year", categoryAxisTitle: "Budget year",
                valueAxisTitle: "VND", valueAxisNumberFormat: "#,##0", legendPosition: .bottom,
                series: [
                    series("Budget", 2, 0xA5A5A5), series("Scholarships", 3, 0x4472C4),
                    series("Internship support", 4, 0xED7D31), series("On-site training", 5, 0x70AD47),
                ])
            try sheet.insertChart(chart, at: CellAddress(row: totalRow + 2, column: 1), size: ChartSize(width: 760, height: 320))
        }
        return BudgetCells(totalRow: totalRow, totalBudget: totalBudget, totalSpend: totalSpend)
    }
}
