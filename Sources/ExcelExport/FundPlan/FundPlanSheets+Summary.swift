import Allocation

/// Where the Summary sheet put what the Board summary shows.
struct SummaryCells {
    /// The per-year table's rows (year in A, shortage before in B, after in C).
    var yearRows: ClosedRange<Int>?
    /// Rows of the key figures, by key.
    var figureRows: [String: Int]
    var shortageBefore: Double
    var shortageAfter: Double
    var budget: BudgetCells
}

extension FundPlanSheets {
    /// Summary: key figures, shortage per year before and after, and a chart. Solver details are
    /// on the Audit sheet.
    func writeSummary(_ sheet: XLSXWorksheet, gap: GapCells, budget: BudgetCells) throws -> SummaryCells {
        let scenario = context.scenario
        try sheet.setColumnWidth(44, column: 1)
        try sheet.setColumnWidth(18, columns: 2...4)
        try sheet.write(.string(t.format("summary.title", ["title": scenario.settings.title])), row: 1, column: 1, style: WorkbookStyles.title)
        try sheet.write(
            .string(t.format("summary.subtitle", ["fund": scenario.fund.name, "scenario": plan.scenario, "variant": plan.variant])),
            row: 2, column: 1, style: WorkbookStyles.subtitle)

        // Shortage per year, summed from the Gap sheet.
        let years = context.forecast.years
        let tableHeaderRow = 24
        let firstYearRow = tableHeaderRow + 1
        let lastYearRow = firstYearRow + max(years.count, 1) - 1
        var befores: [Double] = []
        var afters: [Double] = []
        var yearRows: [(row: Int, before: Double, after: Double)] = []
        for (offset, year) in years.enumerated() {
            let row = firstYearRow + offset
            let before = ExcelArithmetic.sum(gap.lines.filter { $0.year == year }.map(\.before))
            let after = ExcelArithmetic.sum(gap.lines.filter { $0.year == year }.map(\.after))
            befores.append(before)
            afters.append(after)
            yearRows.append((row, before, after))
        }
        let shortageBefore = ExcelArithmetic.sum(befores)
        let shortageAfter = ExcelArithmetic.sum(afters)

        // Key figures.
        var row = 4
        var rows: [String: Int] = [:]
        func figure(_ key: String, _ content: CellContent, _ style: CellStyle? = nil) throws {
            rows[key] = row
            try sheet.write(.string(t["summary." + key]), row: row, column: 1, style: WorkbookStyles.label)
            if case .blank = content {} else { try sheet.write(content, row: row, column: 2, style: style) }
            row += 1
        }
        try figure(
            "budget", .formula(Formula(Self.reference(budget.sheet, budget.totalRow, BudgetCells.budgetColumn), value: budget.totalBudget)),
            WorkbookStyles.billions)
        try figure(
            "spend", .formula(Formula(Self.reference(budget.sheet, budget.totalRow, budget.spendColumn), value: budget.totalSpend)),
            WorkbookStyles.billions)
        let budgetRow = rows["budget"] ?? 4, spendRow = rows["spend"] ?? 5
        try figure(
            "budget-used",
            budget.totalBudget > 0
                ? .formula(Formula("B\(spendRow)/B\(budgetRow)", value: budget.totalSpend / budget.totalBudget)) : .blank,
            WorkbookStyles.percent)
        try figure(
            "shortage-before", .formula(Formula("SUM(B\(firstYearRow):B\(lastYearRow))", value: shortageBefore)),
            WorkbookStyles.engineers)
        let beforeRow = row - 1
        try figure(
            "shortage-after", .formula(Formula("SUM(C\(firstYearRow):C\(lastYearRow))", value: shortageAfter)),
            WorkbookStyles.engineers)
        let afterRow = row - 1
        let closed = shortageBefore - shortageAfter
        try figure("shortage-closed", .formula(Formula("B\(beforeRow)-B\(afterRow)", value: closed)), WorkbookStyles.engineers)
        let closedRow = row - 1
        try figure(
            "cost-per-engineer-year",
            closed > 1e-9 ? .formula(Formula("B\(spendRow)/B\(closedRow)", value: budget.totalSpend / closed)) : .blank,
            WorkbookStyles.millions)
        try figure("objective", .number(plan.objective), WorkbookStyles.decimal)
        let seatStyle = plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        try figure("scholarship-seats", .number(plan.scholarships.reduce(0) { $0 + $1.seats }), seatStyle)
        try figure("plan-interns", .number(plan.internships.reduce(0) { $0 + $1.interns }), seatStyle)
        try figure("onsite-seats", .number(plan.onsite.reduce(0) { $0 + $1.seats }), seatStyle)
        try figure("zero-effect", .number(plan.zeroEffectSpend), WorkbookStyles.billions)
        try figure("unreachable", .number(plan.unreachableShortage), WorkbookStyles.engineers)
        try figure("terminal", .number(plan.terminalEngineerYears), WorkbookStyles.engineers)
        try figure("idle-programmes", .integer(plan.explanation.idlePrograms.count), WorkbookStyles.integer)
        let binding = plan.explanation.bindingRules.map { t["rule.\($0.rule.rawValue)"] }
        try figure("binding-rules", .string(binding.isEmpty ? t["summary.none"] : binding.joined(separator: "; ")))

        // The per-year table and its chart.
        try sheet.write(.string(t["summary.per-year"]), row: tableHeaderRow - 1, column: 1, style: WorkbookStyles.section)
        try sheet.writeRow(
            [.string(t["column.year"]), .string(t["summary.before"]), .string(t["summary.after"]), .string(t["summary.closed-by-plan"])],
            startingAt: CellAddress(row: tableHeaderRow, column: 1), style: WorkbookStyles.header)
        try sheet.setRowHeight(32, row: tableHeaderRow)
        for (offset, year) in years.enumerated() {
            let line = yearRows[offset]
            let r = line.row
            try sheet.write(.integer(year), row: r, column: 1, style: WorkbookStyles.year)
            try sheet.write(
                .formula(Formula("SUMIFS(\(gap.beforeRange.formulaReference),\(gap.yearRange.formulaReference),$A\(r))", value: line.before)),
                row: r, column: 2, style: WorkbookStyles.engineers)
            try sheet.write(
                .formula(Formula("SUMIFS(\(gap.afterRange.formulaReference),\(gap.yearRange.formulaReference),$A\(r))", value: line.after)),
                row: r, column: 3, style: WorkbookStyles.engineers)
            try sheet.write(
                .formula(Formula("B\(r)-C\(r)", value: line.before - line.after)), row: r, column: 4,
                style: WorkbookStyles.engineers)
        }
        let tableRows: ClosedRange<Int>? = years.isEmpty ? nil : firstYearRow...lastYearRow
        if let tableRows {
            try sheet.addConditionalFormat(.shortage, to: CellRange(rows: tableRows, columns: 2...3))
            try sheet.insertChart(shortageChart(sheet: sheet.name, rows: tableRows), at: CellAddress(row: 4, column: 4), size: ChartSize(width: 560, height: 300))
        }
        try printing.apply(
            to: sheet, width: 44 + 18 * 3 + 14, printArea: CellRange(rows: 1...max(lastYearRow, row), columns: 1...4), fitHeight: 1)
        return SummaryCells(
            yearRows: tableRows, figureRows: rows, shortageBefore: shortageBefore, shortageAfter: shortageAfter, budget: budget)
    }

    /// The column chart of the shortage per year before and after the plan, from the Summary's table.
    func shortageChart(sheet: String, rows: ClosedRange<Int>) -> Chart {
        let categories = SheetRange(sheet: sheet, range: CellRange(rows: rows, columns: 1...1))
        return Chart(
            .column, title: t["summary.chart-title"], categoryAxisTitle: t["column.year"], valueAxisTitle: t["unit.engineers"],
            valueAxisNumberFormat: "#,##0", legendPosition: .bottom,
            series: [
                Chart.Series(
                    name: t["summary.before"], categories: categories,
                    values: SheetRange(sheet: sheet, range: CellRange(rows: rows, columns: 2...2)), color: CellColor(rgb: 0xC00000)),
                Chart.Series(
                    name: t["summary.after"], categories: categories,
                    values: SheetRange(sheet: sheet, range: CellRange(rows: rows, columns: 3...3)), color: CellColor(rgb: 0x4472C4)),
            ])
    }
}
