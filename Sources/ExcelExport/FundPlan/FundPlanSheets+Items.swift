import Allocation
import Workforce

/// One data row of an item sheet: its cells (given the sheet row, for the cost formula) and what
/// the totals and the Budget sheet take from it.
struct ItemLine {
    /// The budget year the cost is charged to (blank when no budget year takes it).
    var budgetYear: Int?
    /// Students, interns or seats.
    var units: Double
    var cost: Double
    /// Engineers added; `nil` on an award's later rows, which repeat its payments only.
    var engineers: Double?
    var cells: (_ row: Int) -> [CellContent]
}

/// Where an item sheet keeps the columns its totals and the Budget sheet refer to (1-based).
struct ItemColumns {
    var budgetYear: Int
    var units: Int
    var cost: Int
    /// Nil when the sheet has no engineers column.
    var engineers: Int?
}

extension FundPlanSheets {
    /// Scholarships: one row per award and year of study (each year is paid in its own year).
    func writeScholarships(_ sheet: XLSXWorksheet) throws -> ChargedCosts {
        var lines: [ItemLine] = []
        for award in plan.scholarships {
            let payments = award.costByYear.isEmpty
                ? [YearAmount(year: award.intakeYear, amount: award.totalCost)] : award.costByYear
            for (offset, payment) in payments.enumerated() {
                let charged = chargeYear(of: payment.year)
                let cost = award.seats * award.unitCostPerYear
                let institutionTitle = institutionName(award.institution)
                lines.append(ItemLine(
                    budgetYear: charged, units: award.seats, cost: cost,
                    engineers: offset == 0 ? award.engineersAdded : nil
                ) { row in
                    [
                        .string(award.program.rawValue), .string(award.institution.rawValue),
                        .optionalText(institutionTitle), .string(award.region.rawValue),
                        .string(award.skill.rawValue), .integer(award.intakeYear), .integer(offset + 1),
                        .integer(payment.year), charged.map { .integer($0) } ?? .blank, .number(award.seats),
                        .number(award.unitCostPerYear),
                        .formula(Formula("J\(row)*K\(row)", value: cost)),
                        .integer(award.graduationYear),
                        offset == 0 ? .number(award.engineersAdded) : .blank,
                    ]
                })
            }
        }
        return try writeItems(
            sheet, instrument: "scholarships", title: t["scholarships.title"], note: t["scholarships.note"],
            columns: [
                TableColumn(t["column.programme"], width: 14), TableColumn(t["column.institution"], width: 8),
                TableColumn(t["column.institution-name"], width: 24), TableColumn(t["column.region"], width: 7),
                TableColumn(t["column.skill"], width: 7), TableColumn(t["column.intake-year"], width: 7, style: WorkbookStyles.year),
                TableColumn(t["scholarships.year-of-study"], width: 7, style: WorkbookStyles.year),
                TableColumn(t["scholarships.paid-in"], width: 7, style: WorkbookStyles.year),
                TableColumn(t["column.budget-year"], width: 7, style: WorkbookStyles.year),
                TableColumn(t["scholarships.students"], width: 8, style: seatStyle),
                TableColumn(t["scholarships.unit-cost"], width: 12, style: WorkbookStyles.vnd),
                TableColumn(t["column.cost-vnd"], width: 14, style: WorkbookStyles.vnd),
                TableColumn(t["scholarships.graduates-join"], width: 8, style: WorkbookStyles.year),
                TableColumn(t["column.engineers-added"], width: 9, style: WorkbookStyles.engineers),
            ],
            at: ItemColumns(budgetYear: 9, units: 10, cost: 12, engineers: 14), lines: lines)
    }

    /// Internship support: one row per posting and year.
    func writeInternships(_ sheet: XLSXWorksheet) throws -> ChargedCosts {
        let lines = plan.internships.map { award in
            let charged = chargeYear(of: award.year)
            let cost = award.interns * award.unitCost
            let enterpriseTitle = enterpriseName(award.enterprise)
            return ItemLine(budgetYear: charged, units: award.interns, cost: cost, engineers: award.engineersAdded) { row in
                [
                    .string(award.posting.rawValue), .string(award.enterprise.rawValue),
                    .optionalText(enterpriseTitle), .string(award.region.rawValue),
                    .string(award.skill.rawValue), .string(t.yesNo(award.isDomesticSME)), .integer(award.year),
                    charged.map { .integer($0) } ?? .blank, .number(award.interns), .number(award.unitCost),
                    .formula(Formula("I\(row)*J\(row)", value: cost)), .number(award.engineersAdded),
                ]
            }
        }
        return try writeItems(
            sheet, instrument: "internships", title: t["internships.title"], note: t["internships.note"],
            columns: [
                TableColumn(t["column.posting"], width: 12), TableColumn(t["column.enterprise"], width: 9),
                TableColumn(t["column.enterprise-name"], width: 24), TableColumn(t["column.region"], width: 7),
                TableColumn(t["column.skill"], width: 7), TableColumn(t["internships.domestic-sme"], width: 8),
                TableColumn(t["column.year"], width: 6, style: WorkbookStyles.year),
                TableColumn(t["column.budget-year"], width: 7, style: WorkbookStyles.year),
                TableColumn(t["internships.interns"], width: 8, style: seatStyle),
                TableColumn(t["internships.unit-cost"], width: 12, style: WorkbookStyles.vnd),
                TableColumn(t["column.cost-vnd"], width: 14, style: WorkbookStyles.vnd),
                TableColumn(t["column.engineers-added"], width: 9, style: WorkbookStyles.engineers),
            ],
            at: ItemColumns(budgetYear: 8, units: 9, cost: 11, engineers: 12), lines: lines)
    }

    /// On-site training: one row per course and year.
    func writeOnsite(_ sheet: XLSXWorksheet) throws -> ChargedCosts {
        let lines = plan.onsite.map { award in
            let charged = chargeYear(of: award.year)
            let cost = award.seats * award.unitCost
            let institutionTitle = institutionName(award.institution)
            let hostName = award.hostEnterprise.map(enterpriseName)
            return ItemLine(budgetYear: charged, units: award.seats, cost: cost, engineers: award.engineersAdded) { row in
                [
                    .string(award.program.rawValue), .string(award.institution.rawValue),
                    .optionalText(institutionTitle), .optionalText(award.hostEnterprise?.rawValue),
                    .optionalText(hostName), .string(award.region.rawValue),
                    .string(award.skill.rawValue), .integer(award.year), charged.map { .integer($0) } ?? .blank,
                    .number(award.seats), .number(award.unitCost),
                    .formula(Formula("J\(row)*K\(row)", value: cost)), .number(award.engineersAdded),
                ]
            }
        }
        return try writeItems(
            sheet, instrument: "onsite", title: t["onsite.title"], note: t["onsite.note"],
            columns: [
                TableColumn(t["onsite.course"], width: 14), TableColumn(t["column.institution"], width: 8),
                TableColumn(t["column.institution-name"], width: 22), TableColumn(t["onsite.host"], width: 9),
                TableColumn(t["onsite.host-name"], width: 22), TableColumn(t["column.region"], width: 7),
                TableColumn(t["column.skill"], width: 7),
                TableColumn(t["column.year"], width: 6, style: WorkbookStyles.year),
                TableColumn(t["column.budget-year"], width: 7, style: WorkbookStyles.year),
                TableColumn(t["onsite.seats"], width: 8, style: seatStyle),
                TableColumn(t["onsite.unit-cost"], width: 12, style: WorkbookStyles.vnd),
                TableColumn(t["column.cost-vnd"], width: 14, style: WorkbookStyles.vnd),
                TableColumn(t["column.engineers-added"], width: 9, style: WorkbookStyles.engineers),
            ],
            at: ItemColumns(budgetYear: 9, units: 10, cost: 12, engineers: 13), lines: lines)
    }

    /// Capacity expansion and relocation stipends (`capacity_expansion`, `relocation` in fund.yaml):
    /// one row per programme and year of added seats, and per skill, province, year and direction of
    /// relocated graduates (departures cost nothing; arrivals carry the stipend).
    func writeOtherInstruments(_ sheet: XLSXWorksheet) throws -> ChargedCosts {
        var lines: [ItemLine] = []
        for award in plan.capacityExpansions ?? [] {
            let charged = chargeYear(of: award.year)
            let cost = award.seats * award.unitCost
            let institution = institutionName(award.institution)
            lines.append(ItemLine(budgetYear: charged, units: award.seats, cost: cost, engineers: nil) { row in
                [
                    .string(t["other.capacity"]), .string(award.program.rawValue), .optionalText(institution),
                    .string(award.region.rawValue), .string(award.skill.rawValue), .integer(award.year),
                    charged.map { .integer($0) } ?? .blank,
                    .string(t.format("other.first-intake", ["year": String(award.firstIntakeYear)])),
                    .number(award.seats), .number(award.unitCost), .formula(Formula("I\(row)*J\(row)", value: cost)),
                ]
            })
        }
        for award in plan.relocations ?? [] {
            let charged = chargeYear(of: award.year)
            let cost = award.graduates * award.unitCost
            let arriving = award.direction == .arriving
            lines.append(ItemLine(budgetYear: charged, units: award.graduates, cost: cost, engineers: nil) { row in
                [
                    .string(t[arriving ? "other.arriving" : "other.leaving"]), .string(award.skill.rawValue), .blank,
                    .string(award.region.rawValue), .string(award.skill.rawValue), .integer(award.year),
                    charged.map { .integer($0) } ?? .blank, .string(t[arriving ? "other.arriving-note" : "other.leaving-note"]),
                    .number(award.graduates), .number(award.unitCost), .formula(Formula("I\(row)*J\(row)", value: cost)),
                ]
            })
        }
        return try writeItems(
            sheet, instrument: "other", title: t["other.title"], note: t["other.note"],
            columns: [
                TableColumn(t["other.instrument"], width: 18), TableColumn(t["other.item"], width: 14),
                TableColumn(t["column.institution-name"], width: 22), TableColumn(t["column.region"], width: 7),
                TableColumn(t["column.skill"], width: 7), TableColumn(t["column.year"], width: 6, style: WorkbookStyles.year),
                TableColumn(t["column.budget-year"], width: 7, style: WorkbookStyles.year), TableColumn(t["other.detail"], width: 26),
                TableColumn(t["other.units"], width: 9, style: seatStyle),
                TableColumn(t["other.unit-cost"], width: 12, style: WorkbookStyles.vnd),
                TableColumn(t["column.cost-vnd"], width: 14, style: WorkbookStyles.vnd),
            ],
            at: ItemColumns(budgetYear: 7, units: 9, cost: 11, engineers: nil), lines: lines)
    }

    /// Seats and interns are whole numbers unless the plan is the LP relaxation.
    private var seatStyle: CellStyle { plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer }

    /// Writes an item sheet: the table with a filter, totals of units, cost and engineers, and the
    /// ranges and lines the Budget sheet's `SUMIFS` take.
    private func writeItems(
        _ sheet: XLSXWorksheet, instrument: String, title: String, note: String, columns: [TableColumn],
        at positions: ItemColumns, lines: [ItemLine]
    ) throws -> ChargedCosts {
        var table = try TableSheet(
            sheet, texts: t, title: title,
            note: note + " " + t.format("print.first-rows", ["rows": String(Self.printedDetailRows)]), columns: columns)
        for line in lines { try table.append(line.cells(table.nextRow)) }
        try table.addAutofilter()
        try table.appendTotals(sums: [(positions.units, lines.map(\.units)), (positions.cost, lines.map(\.cost))]
            + (positions.engineers.map { [($0, lines.compactMap(\.engineers))] } ?? []))
        try table.finish(printing, printedRows: Self.printedDetailRows)
        return ChargedCosts(
            instrument: instrument, yearRange: table.dataRange(column: positions.budgetYear),
            costRange: table.dataRange(column: positions.cost), lines: lines.map { ($0.budgetYear, $0.cost) })
    }
}
