import Allocation
import Forecast
import Workforce

/// Where the Gap sheet put its columns, for the Summary's `SUMIFS` by year.
struct GapCells {
    var yearRange: SheetRange
    var beforeRange: SheetRange
    var afterRange: SheetRange
    /// Each data row's year, shortage before and after, in row order.
    var lines: [(year: Int, before: Double, after: Double)]
}

extension FundPlanSheets {
    /// Gap: demand, supply and shortage before and after, per skill × region × year.
    func writeGap(_ sheet: XLSXWorksheet) throws -> GapCells {
        let forecast = context.forecast
        var table = try TableSheet(
            sheet, title: "Engineer gap — before and after the plan",
            note: "Engineers per skill, region and year. Shortage = max(0, demand − supply); after the plan, the engineers the plan adds (after attrition) are counted in.",
            columns: [
                TableColumn("Skill", width: 9), TableColumn("Skill name", width: 26), TableColumn("Region", width: 9),
                TableColumn("Region name", width: 18), TableColumn("Year", width: 8, style: WorkbookStyles.year),
                TableColumn("Demand", width: 11, style: WorkbookStyles.engineers),
                TableColumn("Supply", width: 11, style: WorkbookStyles.engineers),
                TableColumn("Gap (demand − supply)", width: 12, style: WorkbookStyles.engineers),
                TableColumn("Shortage before", width: 11, style: WorkbookStyles.engineers),
                TableColumn("Added by the plan", width: 11, style: WorkbookStyles.engineers),
                TableColumn("Shortage after", width: 11, style: WorkbookStyles.engineers),
            ])
        struct Key: Hashable {
            var skill: Skill.ID
            var region: Region.ID
            var year: Int
        }
        var planned: [Key: ShortageCell] = [:]
        planned.reserveCapacity(plan.shortage.count)
        for cell in plan.shortage { planned[Key(skill: cell.skill, region: cell.region, year: cell.year)] = cell }
        let skillNames = forecast.skills.map(skillName)
        let regionNames = forecast.regions.map(regionName)

        var lines: [(year: Int, before: Double, after: Double)] = []
        lines.reserveCapacity(forecast.gap.values.count)
        for s in forecast.skills.indices {
            for r in forecast.regions.indices {
                for y in forecast.years.indices {
                    let cell = forecast.cell(skill: s, region: r, year: y)
                    let before = cell.shortage
                    let outcome = planned[Key(skill: cell.skill, region: cell.region, year: cell.year)]
                    let after = outcome?.after ?? before
                    lines.append((cell.year, before, after))
                    try table.append([
                        .string(cell.skill.rawValue), .optionalText(skillNames[s]), .string(cell.region.rawValue),
                        .optionalText(regionNames[r]), .integer(cell.year), .number(cell.demand), .number(cell.supply),
                        .number(cell.gap), .number(before), .optionalNumber(outcome?.added), .number(after),
                    ])
                }
            }
        }
        try table.addAutofilter()
        let dataRows = CellRange(rows: TableSheet.firstDataRow...table.lastDataRow, columns: 9...9)
        try sheet.addConditionalFormat(.shortage, to: dataRows)
        try sheet.addConditionalFormat(
            .shortage, to: CellRange(rows: TableSheet.firstDataRow...table.lastDataRow, columns: 11...11))
        try table.appendTotals(
            label: "Total (engineer-years)", sums: [(9, lines.map(\.before)), (11, lines.map(\.after))])
        return GapCells(
            yearRange: table.dataRange(column: 5), beforeRange: table.dataRange(column: 9),
            afterRange: table.dataRange(column: 11), lines: lines)
    }
}
