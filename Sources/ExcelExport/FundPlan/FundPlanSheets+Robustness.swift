import Allocation
import Workforce

extension FundPlanSheets {
    /// Robustness (robust plans only): the robust plan and each variant's own plan scored under
    /// every variant, one row per plan and variant, regret as `objective − own optimum`; then
    /// each plan's worst-case regret as `MAX` over its rows.
    func writeRobustness(_ sheet: XLSXWorksheet, robust: RobustPlan) throws {
        let weighted = robust.variants.contains { $0.weight != nil }
        let criterion = weighted
            ? "minimises the expected objective with the declared weights"
            : "minimises the worst-case regret"
        var table = try TableSheet(
            sheet, title: "Robust plan — compared with each single-variant plan",
            note: "The robust plan \(criterion) over \(robust.variants.map(\.variant).joined(separator: ", ")) "
                + "(chosen from \(robust.source)). Regret: a plan's objective under a variant minus that variant's own plan's objective "
                + "(weighted, discounted engineer-years).",
            columns: [
                TableColumn("Plan", width: 24), TableColumn("Scored under", width: 22),
                TableColumn("Weight", width: 8, style: WorkbookStyles.decimal),
                TableColumn("Objective", width: 14, style: WorkbookStyles.decimal),
                TableColumn("Variant's own optimum", width: 14, style: WorkbookStyles.decimal),
                TableColumn("Regret", width: 12, style: WorkbookStyles.decimal),
                TableColumn("Shortage after", width: 14, style: WorkbookStyles.engineers),
                TableColumn("Feasible", width: 9), TableColumn("Plan spend (VND)", width: 19, style: WorkbookStyles.vnd),
            ])
        var blocks: [(plan: String, rows: ClosedRange<Int>, comparison: RobustComparison)] = []
        for comparison in robust.comparison {
            let first = table.nextRow
            let name = comparison.plan == "robust" ? "robust" : "plan for \(comparison.plan)"
            for (score, outcome) in zip(comparison.byVariant, robust.variants) {
                let row = table.nextRow
                try table.append([
                    .string(name), .string(score.variant), .optionalNumber(outcome.weight), .number(score.objective),
                    .number(outcome.ownObjective), .formula(Formula("D\(row)-E\(row)", value: score.objective - outcome.ownObjective)),
                    .number(score.shortageAfter), .yesNo(score.feasible), .number(comparison.totalSpend),
                ])
            }
            blocks.append((name, first...(table.nextRow - 1), comparison))
        }
        try table.addAutofilter()

        var row = table.nextRow + 1
        try sheet.write(.string("Worst-case regret by plan"), row: row, column: 1, style: WorkbookStyles.section)
        row += 1
        try sheet.writeRow(
            [.string("Plan"), .string("Worst-case regret"), .string(weighted ? "Expected objective" : ""), .string("Spend (VND)")],
            startingAt: CellAddress(row: row, column: 1), style: WorkbookStyles.header)
        for block in blocks {
            row += 1
            let regrets = block.comparison.byVariant.indices.map { block.comparison.byVariant[$0].objective - robust.variants[$0].ownObjective }
            try sheet.write(.string(block.plan), row: row, column: 1, style: block.plan == "robust" ? WorkbookStyles.label : nil)
            try sheet.write(
                .formula(Formula("MAX(F\(block.rows.lowerBound):F\(block.rows.upperBound))", value: regrets.max() ?? 0)),
                row: row, column: 2, style: WorkbookStyles.decimal)
            if let expected = block.comparison.expectedObjective {
                try sheet.write(.number(expected), row: row, column: 3, style: WorkbookStyles.decimal)
            }
            try sheet.write(.number(block.comparison.totalSpend), row: row, column: 4, style: WorkbookStyles.vnd)
        }
    }
}
