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
        let ranges = context.ranges
        let national = forecast.mobility == .national
        var columns = [
            TableColumn("Skill", width: 9), TableColumn("Skill name", width: 26),
            TableColumn(national ? "Market" : "Region", width: 9),
            TableColumn(national ? "Market name" : "Region name", width: 18), TableColumn("Year", width: 8, style: WorkbookStyles.year),
            TableColumn("Demand", width: 11, style: WorkbookStyles.engineers),
            TableColumn("Supply", width: 11, style: WorkbookStyles.engineers),
            TableColumn("Gap (demand − supply)", width: 12, style: WorkbookStyles.engineers),
            TableColumn("Shortage before", width: 11, style: WorkbookStyles.engineers),
            TableColumn("Added by the plan", width: 11, style: WorkbookStyles.engineers),
            TableColumn("Shortage after", width: 11, style: WorkbookStyles.engineers),
        ]
        if ranges != nil {
            columns += [
                TableColumn("Shortage before P10", width: 11, style: WorkbookStyles.engineers),
                TableColumn("Shortage before P50", width: 11, style: WorkbookStyles.engineers),
                TableColumn("Shortage before P90", width: 11, style: WorkbookStyles.engineers),
            ]
        }
        let mobilityNote = switch forecast.mobility {
        case .none: "Graduates work where they trained (mobility: none)."
        case .scenario: "Graduates move between provinces as scenario.yaml's mobility says (mobility: scenario)."
        case .national: "Each skill is one national labour market (mobility: national): a surplus anywhere fills a shortage anywhere."
        }
        let rangeNote = ranges.map {
            " P10/P50/P90: the shortage before the plan over \($0.draws) Monte Carlo draws (seed \($0.seed)) of "
                + ($0.parameters.isEmpty ? "nothing (no uncertainty declared)" : $0.parameters.joined(separator: ", ")) + "."
        } ?? ""
        var table = try TableSheet(
            sheet, title: "Engineer gap — before and after the plan",
            note: "Engineers per skill, labour market and year. Shortage = max(0, demand − supply); after the plan, the "
                + "engineers the plan adds (after mobility and attrition) are counted in. " + mobilityNote + rangeNote,
            columns: columns)
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
            for m in 0..<forecast.marketCount {
                let members = forecast.regions.indices.filter { forecast.marketOfRegion[$0] == m }
                let code: Region.ID = national ? "national" : forecast.regions[m]
                let name: String? = national ? "All provinces" : regionNames[m]
                for (y, year) in forecast.years.enumerated() {
                    var demand = 0.0, supply = 0.0
                    for r in members {
                        demand += forecast.demand[s, r, y]
                        supply += forecast.supply[s, r, y]
                    }
                    let gap = demand - supply
                    let before = max(0, gap)
                    let outcome = planned[Key(skill: forecast.skills[s], region: code, year: year)]
                    let after = outcome?.after ?? before
                    lines.append((year, before, after))
                    var cells: [CellContent] = [
                        .string(forecast.skills[s].rawValue), .optionalText(skillNames[s]), .string(code.rawValue),
                        .optionalText(name), .integer(year), .number(demand), .number(supply),
                        .number(gap), .number(before), .optionalNumber(outcome?.added), .number(after),
                    ]
                    if let band = ranges?.marketShortage(skill: s, market: m, year: y) {
                        cells += [.number(band.p10), .number(band.p50), .number(band.p90)]
                    } else if ranges != nil {
                        cells += [.blank, .blank, .blank]
                    }
                    try table.append(cells)
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
