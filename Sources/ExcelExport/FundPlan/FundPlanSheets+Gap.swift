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
            TableColumn(t["column.skill"], width: 7), TableColumn(t["column.skill-name"], width: 18),
            TableColumn(national ? t["gap.market"] : t["column.region"], width: 7),
            TableColumn(national ? t["gap.market-name"] : t["column.region-name"], width: 14),
            TableColumn(t["column.year"], width: 6, style: WorkbookStyles.year),
            TableColumn(t["gap.demand"], width: 9, style: WorkbookStyles.engineers),
            TableColumn(t["gap.supply"], width: 9, style: WorkbookStyles.engineers),
            TableColumn(t["gap.gap"], width: 10, style: WorkbookStyles.engineers),
            TableColumn(t["gap.before"], width: 9, style: WorkbookStyles.engineers),
            TableColumn(t["gap.added"], width: 9, style: WorkbookStyles.engineers),
            TableColumn(t["gap.after"], width: 9, style: WorkbookStyles.engineers),
        ]
        if ranges != nil {
            columns += ["P10", "P50", "P90"].map {
                TableColumn(t.format("gap.before-band", ["band": $0]), width: 9, style: WorkbookStyles.engineers)
            }
        }
        let mobilityNote = switch forecast.mobility {
        case .none: t["gap.mobility-none"]
        case .scenario: t["gap.mobility-scenario"]
        case .national: t["gap.mobility-national"]
        }
        let rangeNote = ranges.map {
            " " + t.format("gap.ranges", [
                "draws": t.numbers.grouped(Double($0.draws)), "seed": String($0.seed),
                "parameters": $0.parameters.isEmpty ? t["gap.no-uncertainty"] : $0.parameters.joined(separator: ", "),
            ])
        } ?? ""
        var table = try TableSheet(
            sheet, texts: t, title: t["gap.title"], note: t["gap.note"] + " " + mobilityNote + rangeNote
                + " " + t.format("print.first-rows", ["rows": String(Self.printedDetailRows)]),
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
                let name: String? = national ? t["gap.all-provinces"] : regionNames[m]
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
            label: t["gap.total"], sums: [(9, lines.map(\.before)), (11, lines.map(\.after))])
        try table.finish(printing, printedRows: Self.printedDetailRows)
        return GapCells(
            yearRange: table.dataRange(column: 5), beforeRange: table.dataRange(column: 9),
            afterRange: table.dataRange(column: 11), lines: lines)
    }
}
