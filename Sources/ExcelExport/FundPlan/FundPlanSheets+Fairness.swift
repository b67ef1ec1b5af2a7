import Allocation
import Workforce

extension FundPlanSheets {
    /// The plain name of what a fairness row is about: an institution, region or skill by name
    /// with its code, or the domestic SMEs.
    func subjectName(_ subject: String, rule: FairnessRuleKind) -> String {
        let name: String?
        switch rule {
        case .institutionShareCap: name = index.institutions[Institution.ID(subject)]?.name
        case .regionalFloor, .needProportionalRegions: name = index.regions[Region.ID(subject)]?.name
        case .skillMinimum: name = index.skills[Skill.ID(subject)]?.name
        case .domesticSMEInternships: return t["fairness.domestic-sme"]
        }
        guard let name, !name.isEmpty, name != subject else { return subject }
        return "\(name) (\(subject))"
    }

    /// The subject of a model row such as `fair.regional-floor[HN]` (`HN`), or the row itself.
    static func rowSubject(_ row: String) -> String {
        guard let open = row.firstIndex(of: "["), let close = row.lastIndex(of: "]"), open < close else { return row }
        return String(row[row.index(after: open)..<close])
    }

    /// Fairness: each rule row in words (the rule's name, whom it is about, what it requires, what
    /// the plan achieves); then the binding rules and the shortage they cost in engineer-years.
    func writeFairness(_ sheet: XLSXWorksheet) throws {
        let unit = t["unit.bn"]
        var table = try TableSheet(
            sheet, texts: t, title: t["fairness.title"],
            note: plan.fairness.isEmpty ? t["fairness.none-set"] : t["fairness.note"],
            columns: [
                TableColumn(t["fairness.rule"], width: 20), TableColumn(t["fairness.subject"], width: 20),
                TableColumn(t["fairness.requirement"], width: 30, wraps: true),
                TableColumn(t["fairness.target"], width: 8, style: WorkbookStyles.percent),
                TableColumn(t["fairness.achieved"], width: 8, style: WorkbookStyles.percent),
                TableColumn(t.format("fairness.subject-spend", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("fairness.base", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t["fairness.met"], width: 6), TableColumn(t["fairness.binding"], width: 8),
            ])
        for outcome in plan.fairness {
            let met: Bool
            switch outcome.bound {
            case .atLeast: met = outcome.achievedShare >= outcome.targetShare - 1e-6 || outcome.baseAmount <= 0
            case .atMost: met = outcome.achievedShare <= outcome.targetShare + 1e-6
            }
            let base = t["fairness.base-\(outcome.rule.rawValue)"]
            let requirement = t.format(
                outcome.bound == .atLeast ? "fairness.at-least" : "fairness.at-most",
                ["share": t.percent(outcome.targetShare), "base": base])
            try table.append([
                .string(t["rule.\(outcome.rule.rawValue)"]), .string(subjectName(outcome.subject, rule: outcome.rule)),
                .string(requirement), .number(outcome.targetShare), .number(outcome.achievedShare),
                .number(outcome.achievedAmount), .number(outcome.baseAmount), .string(t.yesNo(met)),
                .string(t.yesNo(outcome.binding)),
            ])
        }
        if table.dataRowCount == 0 { try table.append([.string(t["fairness.no-rules"])]) }
        try table.addAutofilter()
        try table.finish(printing)

        var row = table.nextRow + 1
        try sheet.write(.string(t["fairness.binding-title"]), row: row, column: 1, style: WorkbookStyles.section)
        row += 1
        try sheet.writeRow(
            [.string(t["fairness.rule"]), .string(t["fairness.binding-subjects"]), .string(t["fairness.cost"])],
            startingAt: CellAddress(row: row, column: 1), style: WorkbookStyles.header)
        try sheet.setRowHeight(46, row: row)
        row += 1
        if plan.explanation.bindingRules.isEmpty {
            try sheet.write(.string(t["fairness.none-binding"]), row: row, column: 1)
        }
        for rule in plan.explanation.bindingRules {
            let subjects = rule.bindingRows.map { subjectName(Self.rowSubject($0), rule: rule.rule) }.joined(separator: "; ")
            try sheet.write(.string(t["rule.\(rule.rule.rawValue)"]), row: row, column: 1)
            try sheet.write(.string(subjects), row: row, column: 2, style: WorkbookStyles.sentence)
            if subjects.count > 40 { try sheet.setRowHeight(Double(ColumnWidth.lines(subjects, width: 24)) * 15 + 2, row: row) }
            if let cost = rule.shortageCost {
                try sheet.write(.number(cost), row: row, column: 3, style: WorkbookStyles.engineers)
            } else {
                try sheet.write(.string(t["fairness.not-priced"]), row: row, column: 3)
            }
            row += 1
        }
        try printing.apply(
            to: sheet, width: table.fittedWidths.reduce(0, +), repeatedRows: TableSheet.headerRow...TableSheet.headerRow,
            printArea: CellRange(rows: 1...max(row, TableSheet.headerRow), columns: 1...9))
    }

    /// Frontier: the budget sweep with a chart (a scatter with lines: the budget multiple on a
    /// numeric axis), saying whether its points are LP relaxations or integer plans, or a note
    /// that none was run.
    func writeFrontier(_ sheet: XLSXWorksheet) throws {
        let points = context.frontier ?? []
        let relaxed = points.contains { $0.relaxed }
        let unit = t["unit.bn"]
        var table = try TableSheet(
            sheet, texts: t, title: t["frontier.title"],
            note: points.isEmpty
                ? t["frontier.none"]
                : t["frontier.note"] + " " + t[relaxed ? "frontier.lp" : "frontier.integer"],
            columns: [
                TableColumn(t["frontier.multiple"], width: 8, style: CellStyle(numberFormat: "0.00\"×\"")),
                TableColumn(t.format("frontier.budget", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t.format("frontier.spend", ["unit": unit]), width: 10, style: WorkbookStyles.billions),
                TableColumn(t["gap.before"], width: 10, style: WorkbookStyles.engineers),
                TableColumn(t["gap.after"], width: 10, style: WorkbookStyles.engineers),
                TableColumn(t["frontier.closed"], width: 10, style: WorkbookStyles.engineers),
                TableColumn(t["frontier.cost-per-engineer-year"], width: 12, style: WorkbookStyles.millions),
                TableColumn(t["frontier.objective"], width: 10, style: WorkbookStyles.decimal), TableColumn(t["frontier.status"], width: 8),
                TableColumn(t["frontier.points"], width: 8),
                TableColumn(t["frontier.plan-of"], width: 10, style: CellStyle(numberFormat: "0.00\"×\"")),
            ])
        for point in points {
            let row = table.nextRow
            try table.append([
                .number(point.multiplier), .number(point.budget), .number(point.spend), .number(point.shortageBefore),
                .number(point.shortageAfter),
                .formula(Formula("D\(row)-E\(row)", value: point.shortageBefore - point.shortageAfter)),
                .optionalNumber(point.costPerEngineerYearClosed), .number(point.objective), .string(point.status.rawValue),
                .string(t[point.relaxed ? "frontier.point-lp" : "frontier.point-integer"]), .optionalNumber(point.planFromMultiplier),
            ])
        }
        if !points.isEmpty { try table.addAutofilter() }
        try table.finish(printing)
        guard !points.isEmpty else { return }
        let rows = TableSheet.firstDataRow...table.lastDataRow
        let categories = SheetRange(sheet: sheet.name, range: CellRange(rows: rows, columns: 1...1))
        let oneBudget = points.first { $0.multiplier > 0 }.map { $0.budget / $0.multiplier } ?? 0
        let chart = Chart(
            .scatter, title: t[relaxed ? "frontier.chart-lp" : "frontier.chart-integer"],
            categoryAxisTitle: t.format("frontier.axis", ["budget": t.money(oneBudget)]),
            valueAxisTitle: t["unit.engineer-years"], valueAxisNumberFormat: "#,##0", legendPosition: .bottom,
            series: [
                Chart.Series(
                    name: t["gap.after"], categories: categories,
                    values: SheetRange(sheet: sheet.name, range: CellRange(rows: rows, columns: 5...5)),
                    color: CellColor(rgb: 0xC00000)),
                Chart.Series(
                    name: t["frontier.closed"], categories: categories,
                    values: SheetRange(sheet: sheet.name, range: CellRange(rows: rows, columns: 6...6)),
                    color: CellColor(rgb: 0x70AD47)),
            ])
        let chartRow = table.nextRow + 1
        try sheet.insertChart(chart, at: CellAddress(row: chartRow, column: 1), size: ChartSize(width: 700, height: 320))
        try printing.apply(
            to: sheet, width: table.fittedWidths.reduce(0, +), repeatedRows: TableSheet.headerRow...TableSheet.headerRow,
            printArea: CellRange(rows: 1...(chartRow + 18), columns: 1...11), fitHeight: 1)
    }
}
