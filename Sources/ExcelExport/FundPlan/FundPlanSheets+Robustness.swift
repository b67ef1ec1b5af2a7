import Allocation
import Workforce

extension FundPlanSheets {
    /// Robustness (robust plans only): the robust plan and each variant's own plan scored under
    /// every variant, one row per plan and variant, regret as `objective − own optimum`; then
    /// each plan's worst-case regret as `MAX` over its rows.
    func writeRobustness(_ sheet: XLSXWorksheet, robust: RobustPlan) throws {
        let weighted = robust.variants.contains { $0.weight != nil }
        var table = try TableSheet(
            sheet, texts: t, title: t["robustness.title"],
            note: t.format(weighted ? "robustness.note-weighted" : "robustness.note-regret", [
                "variants": robust.variants.map(\.variant).joined(separator: ", "), "source": robust.source,
            ]),
            columns: [
                TableColumn(t["robustness.plan"], width: 18), TableColumn(t["robustness.scored-under"], width: 16),
                TableColumn(t["robustness.weight"], width: 7, style: WorkbookStyles.decimal),
                TableColumn(t["frontier.objective"], width: 11, style: WorkbookStyles.decimal),
                TableColumn(t["robustness.own-optimum"], width: 11, style: WorkbookStyles.decimal),
                TableColumn(t["robustness.regret"], width: 9, style: WorkbookStyles.decimal),
                TableColumn(t["gap.after"], width: 10, style: WorkbookStyles.engineers),
                TableColumn(t["robustness.feasible"], width: 8),
                TableColumn(t.format("robustness.spend", ["unit": t["unit.bn"]]), width: 10, style: WorkbookStyles.billions),
            ])
        var blocks: [(plan: String, rows: ClosedRange<Int>, comparison: RobustComparison)] = []
        for comparison in robust.comparison {
            let first = table.nextRow
            let name = comparison.plan == "robust" ? t["robustness.robust"] : t.format("robustness.plan-for", ["variant": comparison.plan])
            for (score, outcome) in zip(comparison.byVariant, robust.variants) {
                let row = table.nextRow
                try table.append([
                    .string(name), .string(score.variant), .optionalNumber(outcome.weight), .number(score.objective),
                    .number(outcome.ownObjective), .formula(Formula("D\(row)-E\(row)", value: score.objective - outcome.ownObjective)),
                    .number(score.shortageAfter), .string(t.yesNo(score.feasible)), .number(comparison.totalSpend),
                ])
            }
            blocks.append((name, first...(table.nextRow - 1), comparison))
        }
        try table.addAutofilter()
        try table.finish(printing)

        var row = table.nextRow + 1
        try sheet.write(.string(t["robustness.worst-title"]), row: row, column: 1, style: WorkbookStyles.section)
        row += 1
        try sheet.writeRow(
            [.string(t["robustness.plan"]), .string(t["robustness.worst"]), .string(weighted ? t["robustness.expected"] : ""),
             .string(t.format("robustness.spend", ["unit": t["unit.bn"]]))],
            startingAt: CellAddress(row: row, column: 1), style: WorkbookStyles.header)
        for block in blocks {
            row += 1
            let regrets = block.comparison.byVariant.indices.map { block.comparison.byVariant[$0].objective - robust.variants[$0].ownObjective }
            try sheet.write(.string(block.plan), row: row, column: 1, style: block.comparison.plan == "robust" ? WorkbookStyles.label : nil)
            try sheet.write(
                .formula(Formula("MAX(F\(block.rows.lowerBound):F\(block.rows.upperBound))", value: regrets.max() ?? 0)),
                row: row, column: 2, style: WorkbookStyles.decimal)
            if let expected = block.comparison.expectedObjective {
                try sheet.write(.number(expected), row: row, column: 3, style: WorkbookStyles.decimal)
            }
            try sheet.write(.number(block.comparison.totalSpend), row: row, column: 4, style: WorkbookStyles.billions)
        }
        try printing.apply(
            to: sheet, width: table.fittedWidths.reduce(0, +), repeatedRows: TableSheet.headerRow...TableSheet.headerRow,
            printArea: CellRange(rows: 1...row, columns: 1...9))
    }
}
