import Allocation
import Workforce

extension FundPlanSheets {
    /// Fairness: each rule row with its target and achieved share; then the binding rules' cost.
    func writeFairness(_ sheet: XLSXWorksheet) throws {
        var table = try TableSheet(
            sheet, title: "Fairness rules — targets and what the plan achieves",
            note: plan.fairness.isEmpty
                ? "The fund sets no fairness rules." : "Each row of each rule: the subject's share of the base, against the rule's target.",
            columns: [
                TableColumn("Rule", width: 24), TableColumn("Row", width: 36), TableColumn("Subject", width: 14),
                TableColumn("Bound", width: 10), TableColumn("Target share", width: 10, style: WorkbookStyles.percent),
                TableColumn("Achieved share", width: 10, style: WorkbookStyles.percent),
                TableColumn("Subject spend (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Base (VND)", width: 19, style: WorkbookStyles.vnd), TableColumn("Met", width: 7),
                TableColumn("Binding", width: 8), TableColumn("Dual (per billion VND)", width: 12, style: WorkbookStyles.rate),
            ])
        for outcome in plan.fairness {
            let met: Bool
            switch outcome.bound {
            case .atLeast: met = outcome.achievedShare >= outcome.targetShare - 1e-6 || outcome.baseAmount <= 0
            case .atMost: met = outcome.achievedShare <= outcome.targetShare + 1e-6
            }
            try table.append([
                .string(outcome.rule.rawValue), .string(outcome.row), .string(outcome.subject),
                .string(outcome.bound == .atLeast ? "at least" : "at most"), .number(outcome.targetShare),
                .number(outcome.achievedShare), .number(outcome.achievedAmount), .number(outcome.baseAmount),
                .yesNo(met), .yesNo(outcome.binding), .number(outcome.dual),
            ])
        }
        if table.dataRowCount == 0 { try table.append([.string("(no fairness rules)")]) }
        try table.addAutofilter()

        var row = table.nextRow + 1
        try sheet.write(.string("Binding rules and what they cost"), row: row, column: 1, style: WorkbookStyles.section)
        row += 1
        try sheet.writeRow(
            ["Rule", "Binding rows", "Shortage cost (weighted engineer-years)"], startingAt: CellAddress(row: row, column: 1),
            style: WorkbookStyles.header)
        row += 1
        if plan.explanation.bindingRules.isEmpty {
            try sheet.write(.string("(none binding)"), row: row, column: 1)
        }
        for rule in plan.explanation.bindingRules {
            try sheet.write(.string(rule.rule.rawValue), row: row, column: 1)
            try sheet.write(.string(rule.bindingRows.joined(separator: ", ")), row: row, column: 2)
            if let cost = rule.shortageCost { try sheet.write(.number(cost), row: row, column: 3, style: WorkbookStyles.decimal) }
            row += 1
        }
    }

    /// Frontier: the budget sweep with a chart (a scatter with lines: the budget multiple on a
    /// numeric axis), saying whether its points are LP relaxations or integer plans, or a note
    /// that none was run.
    func writeFrontier(_ sheet: XLSXWorksheet) throws {
        let points = context.frontier ?? []
        let relaxed = points.contains { $0.relaxed }
        let kind = relaxed
            ? "LP relaxations (fractional seats): the shortage is a lower bound for whole seats."
            : "Integer plans (whole seats); a point whose own solve left more shortage than a smaller budget's plan shows that plan (column K)."
        var table = try TableSheet(
            sheet, title: "Budget frontier — shortage closed at other budgets",
            note: points.isEmpty
                ? "No budget sweep was run with this plan (skillplan allocate --sweep 0,0.5,1,1.5,2)."
                : "The plan re-solved at multiples of every year's budget. Points: \(kind)",
            columns: [
                TableColumn("Budget multiple", width: 10, style: CellStyle(numberFormat: "0.00\"×\"")),
                TableColumn("Budget (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Spend (VND)", width: 19, style: WorkbookStyles.vnd),
                TableColumn("Shortage before", width: 12, style: WorkbookStyles.engineers),
                TableColumn("Shortage after", width: 12, style: WorkbookStyles.engineers),
                TableColumn("Shortage closed", width: 12, style: WorkbookStyles.engineers),
                TableColumn("Cost per engineer-year closed (VND)", width: 18, style: WorkbookStyles.vnd),
                TableColumn("Objective", width: 12, style: WorkbookStyles.decimal), TableColumn("Status", width: 10),
                TableColumn("Points", width: 10),
                TableColumn("Plan of the multiple", width: 12, style: CellStyle(numberFormat: "0.00\"×\"")),
            ])
        for point in points {
            let row = table.nextRow
            try table.append([
                .number(point.multiplier), .number(point.budget), .number(point.spend), .number(point.shortageBefore),
                .number(point.shortageAfter),
                .formula(Formula("D\(row)-E\(row)", value: point.shortageBefore - point.shortageAfter)),
                .optionalNumber(point.costPerEngineerYearClosed), .number(point.objective), .string(point.status.rawValue),
                .string(point.relaxed ? "LP" : "integer"), .optionalNumber(point.planFromMultiplier),
            ])
        }
        guard !points.isEmpty else { return }
        try table.addAutofilter()
        let rows = TableSheet.firstDataRow...table.lastDataRow
        let categories = SheetRange(sheet: sheet.name, range: CellRange(rows: rows, columns: 1...1))
        let chart = Chart(
            .scatter, title: "Shortage left and closed against the budget (\(relaxed ? "LP" : "integer") points)",
            categoryAxisTitle: "Multiple of the budget (1× = \(NumberText.billions(points.first { $0.multiplier > 0 }.map { $0.budget / $0.multiplier } ?? 0)) VND)",
            valueAxisTitle: "engineer-years", valueAxisNumberFormat: "#,##0", legendPosition: .bottom,
            series: [
                Chart.Series(
                    name: "Shortage after", categories: categories,
                    values: SheetRange(sheet: sheet.name, range: CellRange(rows: rows, columns: 5...5)),
                    color: CellColor(rgb: 0xC00000)),
                Chart.Series(
                    name: "Shortage closed", categories: categories,
                    values: SheetRange(sheet: sheet.name, range: CellRange(rows: rows, columns: 6...6)),
                    color: CellColor(rgb: 0x70AD47)),
            ])
        try sheet.insertChart(chart, at: CellAddress(row: table.nextRow + 1, column: 1), size: ChartSize(width: 700, height: 320))
    }
}
