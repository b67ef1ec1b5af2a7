import Allocation

extension FundPlanSheets {
    /// Summary: key figures, solver status, shortage per year before and after, and a chart.
    func writeSummary(_ sheet: XLSXWorksheet, gap: GapCells, budget: BudgetCells) throws {
        let scenario = context.scenario
        try sheet.setColumnWidth(40, column: 1)
        try sheet.setColumnWidth(22, columns: 2...4)
        try sheet.write(.string("Fund plan — \(scenario.settings.title)"), row: 1, column: 1, style: WorkbookStyles.title)
        try sheet.write(
            .string("\(scenario.fund.name) · scenario \(plan.scenario), variant \(plan.variant)"), row: 2, column: 1,
            style: WorkbookStyles.subtitle)

        // Shortage per year, summed from the Gap sheet.
        let years = context.forecast.years
        let tableHeaderRow = 26
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
        func figure(_ label: String, _ content: CellContent, _ style: CellStyle? = nil) throws {
            try sheet.write(.string(label), row: row, column: 1, style: WorkbookStyles.label)
            if case .blank = content {} else { try sheet.write(content, row: row, column: 2, style: style) }
            row += 1
        }
        try figure("Solver status", .string(plan.status.rawValue))
        try figure("Seats", .string(plan.relaxed ? "LP relaxation (fractional seats)" : "whole seats (integer plan)"))
        try figure("Solver", .string(plan.solver))
        try figure("Relative gap to the best bound", .optionalNumber(plan.gap), WorkbookStyles.percent)
        try figure("Objective (weighted, discounted engineer-years)", .number(plan.objective), WorkbookStyles.decimal)
        let budgetRow = row
        try figure(
            "Total budget (VND)", .formula(Formula("Budget!B\(budget.totalRow)", value: budget.totalBudget)),
            WorkbookStyles.vnd)
        let spendRow = row
        try figure(
            "Total spend (VND)", .formula(Formula("Budget!F\(budget.totalRow)", value: budget.totalSpend)),
            WorkbookStyles.vnd)
        try figure(
            "Budget used",
            budget.totalBudget > 0
                ? .formula(Formula("B\(spendRow)/B\(budgetRow)", value: budget.totalSpend / budget.totalBudget)) : .blank,
            WorkbookStyles.percent)
        let beforeRow = row
        try figure(
            "Shortage before the plan (engineer-years)",
            .formula(Formula("SUM(B\(firstYearRow):B\(lastYearRow))", value: shortageBefore)), WorkbookStyles.engineers)
        let afterRow = row
        try figure(
            "Shortage after the plan (engineer-years)",
            .formula(Formula("SUM(C\(firstYearRow):C\(lastYearRow))", value: shortageAfter)), WorkbookStyles.engineers)
        let closedRow = row
        let closed = shortageBefore - shortageAfter
        try figure(
            "Shortage closed (engineer-years)", .formula(Formula("B\(beforeRow)-B\(afterRow)", value: closed)),
            WorkbookStyles.engineers)
        try figure(
            "Cost per engineer-year closed (VND)",
            closed > 1e-9 ? .formula(Formula("B\(spendRow)/B\(closedRow)", value: budget.totalSpend / closed)) : .blank,
            WorkbookStyles.vnd)
        let seatStyle = plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        try figure("Scholarship seats", .number(plan.scholarships.reduce(0) { $0 + $1.seats }), seatStyle)
        try figure("Funded interns (plan, all years)", .number(plan.internships.reduce(0) { $0 + $1.interns }), seatStyle)
        try figure("On-site training seats", .number(plan.onsite.reduce(0) { $0 + $1.seats }), seatStyle)
        try figure("Spend that closes nothing (VND)", .number(plan.zeroEffectSpend), WorkbookStyles.vnd)
        try figure(
            "Beyond any instrument (engineer-years)", .number(plan.unreachableShortage), WorkbookStyles.engineers)
        try figure("Added after the horizon (engineer-years)", .number(plan.terminalEngineerYears), WorkbookStyles.engineers)
        let binding = plan.explanation.bindingRules.map(\.rule.rawValue)
        try figure("Binding fairness rules", .string(binding.isEmpty ? "none" : binding.joined(separator: ", ")))

        // The per-year table and its chart.
        try sheet.write(.string("Shortage per year (engineers)"), row: tableHeaderRow - 1, column: 1, style: WorkbookStyles.section)
        try sheet.writeRow(
            ["Year", "Shortage before", "Shortage after", "Closed by the plan"],
            startingAt: CellAddress(row: tableHeaderRow, column: 1), style: WorkbookStyles.header)
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
        if !years.isEmpty {
            try sheet.addConditionalFormat(
                .shortage, to: CellRange(rows: firstYearRow...lastYearRow, columns: 2...3))
            let categories = SheetRange(sheet: sheet.name, range: CellRange(rows: firstYearRow...lastYearRow, columns: 1...1))
            let chart = Chart(
                .column, title: "Engineer shortage per year", categoryAxisTitle: "Year", valueAxisTitle: "engineers",
                valueAxisNumberFormat: "#,##0", legendPosition: .bottom,
                series: [
                    Chart.Series(
                        name: "Before the plan", categories: categories,
                        values: SheetRange(sheet: sheet.name, range: CellRange(rows: firstYearRow...lastYearRow, columns: 2...2)),
                        color: CellColor(rgb: 0xC00000)),
                    Chart.Series(
                        name: "After the plan", categories: categories,
                        values: SheetRange(sheet: sheet.name, range: CellRange(rows: firstYearRow...lastYearRow, columns: 3...3)),
                        color: CellColor(rgb: 0x4472C4)),
                ])
            try sheet.insertChart(chart, at: CellAddress(row: 4, column: 4), size: ChartSize(width: 620, height: 300))
        }
    }
}
