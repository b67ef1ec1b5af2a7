import Allocation
import Workforce

extension FundPlanSheets {
    /// Why not funded: each programme with no seats and why, in a sentence.
    func writeWhyNotFunded(_ sheet: XLSXWorksheet) throws {
        let reasons = NotFundedReasons(context: context, texts: t, index: index)
        let programs = Dictionary(context.scenario.programs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var table = try TableSheet(
            sheet, texts: t, title: t["why.title"],
            note: t.format("why.note", ["count": t.numbers.grouped(Double(plan.explanation.idlePrograms.count))]),
            columns: [
                TableColumn(t["column.programme"], width: 14), TableColumn(t["column.institution-name"], width: 22),
                TableColumn(t["column.skill"], width: 7), TableColumn(t["column.region"], width: 7),
                TableColumn(t["why.instrument"], width: 11),
                TableColumn(t.format("why.cost-per-seat", ["unit": t["unit.m"]]), width: 10, style: WorkbookStyles.millions),
                TableColumn(t["why.reason"], width: 70, wraps: true),
            ])
        for idle in plan.explanation.idlePrograms {
            guard let program = programs[idle.program] else { continue }
            try table.append([
                .string(program.id.rawValue), .optionalText(index.institutions[program.institution]?.name),
                .string(program.skill.rawValue), .string(program.region.rawValue),
                .string(t[idle.instrument == .onsite ? "why.onsite" : "why.scholarship"]), .number(idle.unitCost),
                .string(reasons.sentence(idle, program: program)),
            ])
        }
        if table.dataRowCount == 0 { try table.append([.string(t["why.none"])]) }
        try table.addAutofilter()
        try table.finish(printing, printedRows: Self.printedDetailRows / 2)
    }

    /// Board summary: one printed page with the headline figures, the shortage chart, and
    /// sentences on what an extra billion buys, the binding rules, the three biggest gaps left
    /// and the programmes without seats.
    func writeBoardSummary(_ sheet: XLSXWorksheet, summary: SummaryCells) throws {
        let scenario = context.scenario
        let widths = [40.0, 16, 16, 16, 16]
        for (offset, width) in widths.enumerated() { try sheet.setColumnWidth(width, column: offset + 1) }
        let lastColumn = widths.count
        try sheet.write(.string(t.format("board.title", ["title": scenario.settings.title])), row: 1, column: 1, style: WorkbookStyles.title)
        try sheet.write(
            .string(t.format("board.subtitle", [
                "fund": scenario.fund.name, "variant": plan.variant, "run": context.audit.runID, "date": t.date(context.audit.created),
            ])),
            row: 2, column: 1, style: WorkbookStyles.subtitle)

        // Headline figures, as formulas over the Summary sheet (the same numbers as report.json).
        var row = 4
        try sheet.write(.string(t["board.figures"]), row: row, column: 1, style: WorkbookStyles.section)
        row += 1
        let summaryName = context.texts["sheet.summary"]
        func figure(_ key: String, _ summaryKey: String?, _ value: Double, _ style: CellStyle, unit: String) throws {
            try sheet.write(.string(t["board." + key]), row: row, column: 1, style: WorkbookStyles.label)
            if let summaryKey, let source = summary.figureRows[summaryKey] {
                try sheet.write(.formula(Formula(Self.reference(summaryName, source, 2), value: value)), row: row, column: 2, style: style)
            } else {
                try sheet.write(.number(value), row: row, column: 2, style: style)
            }
            try sheet.write(.string(unit), row: row, column: 3, style: WorkbookStyles.subtitle)
            row += 1
        }
        let budget = summary.budget
        let closed = summary.shortageBefore - summary.shortageAfter
        let engineerYears = t["unit.engineer-years-short"]
        try figure("shortage-before", "shortage-before", summary.shortageBefore, WorkbookStyles.headline, unit: engineerYears)
        try figure("shortage-after", "shortage-after", summary.shortageAfter, WorkbookStyles.headline, unit: engineerYears)
        try figure("shortage-closed", "shortage-closed", closed, WorkbookStyles.headline, unit: engineerYears)
        try figure("budget", "budget", budget.totalBudget, WorkbookStyles.headlineBillions, unit: t["unit.bn"])
        try figure("spend", "spend", budget.totalSpend, WorkbookStyles.headlineBillions, unit: t["unit.bn"])
        if closed > 1e-9 {
            try figure("cost-per-engineer-year", "cost-per-engineer-year", budget.totalSpend / closed, WorkbookStyles.headlineMillions, unit: t["unit.m"])
        }
        let seats = plan.scholarships.reduce(0) { $0 + $1.seats }
        let interns = plan.internships.reduce(0) { $0 + $1.interns }
        let onsite = plan.onsite.reduce(0) { $0 + $1.seats }
        try figure("scholarship-seats", "scholarship-seats", seats, WorkbookStyles.headline, unit: "")
        try figure("plan-interns", "plan-interns", interns, WorkbookStyles.headline, unit: "")
        try figure("onsite-seats", "onsite-seats", onsite, WorkbookStyles.headline, unit: "")

        // The chart of the shortage per year (drawn from the Summary's table).
        row += 1
        let chartRow = row
        let chartRows = 16
        if let years = summary.yearRows {
            try sheet.insertChart(
                shortageChart(sheet: summaryName, rows: years), at: CellAddress(row: chartRow, column: 1),
                size: ChartSize(width: 690, height: chartRows * 20))
            row += chartRows + 1
        }

        // What it means, in sentences.
        try sheet.write(.string(t["board.in-words"]), row: row, column: 1, style: WorkbookStyles.section)
        row += 1
        let sentenceWidth = widths.reduce(0, +) - 2
        func sentence(_ text: String) throws {
            try sheet.merge(CellRange(rows: row...row, columns: 1...lastColumn), content: .string("• " + text), style: WorkbookStyles.sentence)
            try sheet.setRowHeight(Double(ColumnWidth.lines("• " + text, width: sentenceWidth)) * 15 + 3, row: row)
            row += 1
        }
        try sentence(t.format("board.closes", [
            "closed": t.amount(closed), "before": t.amount(summary.shortageBefore),
            "share": t.percent(summary.shortageBefore > 0 ? closed / summary.shortageBefore : 0),
            "spend": t.money(budget.totalSpend), "budget": t.money(budget.totalBudget),
        ]))
        if let best = plan.explanation.budgetShadowPrices.max(by: { $0.engineerYearsPerBillion < $1.engineerYearsPerBillion }),
            best.engineerYearsPerBillion > 1e-6 {
            try sentence(t.format("board.extra-billion", [
                "year": String(best.year), "amount": t.numbers.grouped(best.engineerYearsPerBillion, decimals: best.engineerYearsPerBillion < 10 ? 1 : 0),
            ]))
        } else {
            try sentence(t["board.extra-billion-none"])
        }
        if plan.explanation.bindingRules.isEmpty {
            try sentence(t["board.no-binding"])
        } else {
            for rule in plan.explanation.bindingRules {
                let subjects = rule.bindingRows.prefix(3).map { subjectName(Self.rowSubject($0), rule: rule.rule) }
                let more = rule.bindingRows.count > 3 ? t.format("board.and-more", ["count": String(rule.bindingRows.count - 3)]) : ""
                let values = ["rule": t["rule.\(rule.rule.rawValue)"], "subjects": subjects.joined(separator: ", ") + more,
                              "cost": rule.shortageCost.map { t.amount($0) } ?? ""]
                try sentence(t.format(rule.shortageCost == nil ? "board.binding-unpriced" : "board.binding", values))
            }
        }
        let gaps = biggestGapsLeft(count: 3)
        if gaps.isEmpty {
            try sentence(t["board.no-gaps"])
        } else {
            let list = gaps.enumerated().map { offset, gap in
                t.format("board.gap-item", [
                    "number": String(offset + 1), "skill": skillName(gap.skill).isEmpty ? gap.skill.rawValue : skillName(gap.skill),
                    "region": gap.region.rawValue == "national" ? t["gap.all-provinces"] : (regionName(gap.region).isEmpty ? gap.region.rawValue : regionName(gap.region)),
                    "after": t.amount(gap.after), "before": t.amount(gap.before),
                ])
            }
            try sentence(t["board.gaps"] + " " + list.joined(separator: "; ") + ".")
        }
        let idle = plan.explanation.idlePrograms.count
        try sentence(idle == 0 ? t["board.all-funded"] : t.format("board.idle", [
            "count": t.numbers.grouped(Double(idle)), "sheet": t["sheet.why-not-funded"],
        ]))
        try sheet.setPageSetup(PageSetup(
            orientation: .portrait, paper: .a4, fitWidth: 1, fitHeight: 1,
            printArea: CellRange(rows: 1...max(row - 1, 1), columns: 1...lastColumn),
            header: printing.header, footer: printing.footer, centredHorizontally: true))
    }

    /// The skill × labour-market pairs with the most shortage left after the plan, summed over
    /// the horizon, largest first.
    func biggestGapsLeft(count: Int) -> [(skill: Skill.ID, region: Region.ID, before: Double, after: Double)] {
        struct Key: Hashable {
            var skill: Skill.ID
            var region: Region.ID
        }
        var totals: [Key: (before: Double, after: Double)] = [:]
        var order: [Key] = []
        for cell in plan.shortage {
            let key = Key(skill: cell.skill, region: cell.region)
            if totals[key] == nil { order.append(key) }
            totals[key, default: (0, 0)].before += cell.before
            totals[key, default: (0, 0)].after += cell.after
        }
        var gaps: [(skill: Skill.ID, region: Region.ID, before: Double, after: Double)] = []
        for key in order {
            guard let total = totals[key], total.after > 0.5 else { continue }
            gaps.append((key.skill, key.region, total.before, total.after))
        }
        gaps.sort { $0.after > $1.after }
        return Array(gaps.prefix(count))
    }
}
