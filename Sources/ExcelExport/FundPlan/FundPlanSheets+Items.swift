import Allocation
import Workforce

extension FundPlanSheets {
    /// Scholarships: one row per award and year of study (each year is paid in its own year).
    func writeScholarships(_ sheet: XLSXWorksheet) throws -> ChargedCosts {
        let seatStyle = plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        var table = try TableSheet(
            sheet, title: "Scholarships — extra intake paid by the fund",
            note: "One row per programme, intake year and year of study. Cost = students × unit cost; it is charged to the budget year shown (the latest budget year not after the payment).",
            columns: [
                TableColumn("Programme", width: 22), TableColumn("Institution", width: 14),
                TableColumn("Institution name", width: 34), TableColumn("Region", width: 9),
                TableColumn("Skill", width: 9), TableColumn("Intake year", width: 9, style: WorkbookStyles.year),
                TableColumn("Year of study", width: 8, style: WorkbookStyles.year),
                TableColumn("Paid in", width: 9, style: WorkbookStyles.year),
                TableColumn("Budget year", width: 9, style: WorkbookStyles.year),
                TableColumn("Students", width: 10, style: seatStyle),
                TableColumn("Unit cost (VND per year)", width: 16, style: WorkbookStyles.vnd),
                TableColumn("Cost (VND)", width: 18, style: WorkbookStyles.vnd),
                TableColumn("Graduates join in", width: 10, style: WorkbookStyles.year),
                TableColumn("Engineers added", width: 11, style: WorkbookStyles.engineers),
            ])
        var lines: [(budgetYear: Int?, cost: Double)] = []
        var students: [Double] = []
        var engineers: [Double] = []
        for award in plan.scholarships {
            let payments = award.costByYear.isEmpty
                ? [YearAmount(year: award.intakeYear, amount: award.totalCost)] : award.costByYear
            for (offset, payment) in payments.enumerated() {
                let row = table.nextRow
                let charged = chargeYear(of: payment.year)
                let cost = award.seats * award.unitCostPerYear
                lines.append((charged, cost))
                students.append(award.seats)
                if offset == 0 { engineers.append(award.engineersAdded) }
                try table.append([
                    .string(award.program.rawValue), .string(award.institution.rawValue),
                    .optionalText(institutionName(award.institution)), .string(award.region.rawValue),
                    .string(award.skill.rawValue), .integer(award.intakeYear), .integer(offset + 1),
                    .integer(payment.year), charged.map { .integer($0) } ?? .blank, .number(award.seats),
                    .number(award.unitCostPerYear),
                    .formula(Formula("J\(row)*K\(row)", value: cost)),
                    .integer(award.graduationYear),
                    offset == 0 ? .number(award.engineersAdded) : .blank,
                ])
            }
        }
        try table.addAutofilter()
        try table.appendTotals(label: "Total", sums: [(10, students), (12, lines.map(\.cost)), (14, engineers)])
        return ChargedCosts(
            instrument: "Scholarships", yearRange: table.dataRange(column: 9), costRange: table.dataRange(column: 12),
            lines: lines)
    }

    /// Internship support: one row per posting and year.
    func writeInternships(_ sheet: XLSXWorksheet) throws -> ChargedCosts {
        let seatStyle = plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        var table = try TableSheet(
            sheet, title: "Internship support — stipends paid by the fund",
            note: "One row per posting and year. Cost = interns × stipend per intern (per month × months).",
            columns: [
                TableColumn("Posting", width: 18), TableColumn("Enterprise", width: 14),
                TableColumn("Enterprise name", width: 34), TableColumn("Region", width: 9),
                TableColumn("Skill", width: 9), TableColumn("Domestic SME", width: 9),
                TableColumn("Year", width: 8, style: WorkbookStyles.year),
                TableColumn("Budget year", width: 9, style: WorkbookStyles.year),
                TableColumn("Interns", width: 10, style: seatStyle),
                TableColumn("Unit cost (VND per intern)", width: 16, style: WorkbookStyles.vnd),
                TableColumn("Cost (VND)", width: 18, style: WorkbookStyles.vnd),
                TableColumn("Engineers added", width: 11, style: WorkbookStyles.engineers),
            ])
        var lines: [(budgetYear: Int?, cost: Double)] = []
        var interns: [Double] = []
        var engineers: [Double] = []
        for award in plan.internships {
            let row = table.nextRow
            let charged = chargeYear(of: award.year)
            let cost = award.interns * award.unitCost
            lines.append((charged, cost))
            interns.append(award.interns)
            engineers.append(award.engineersAdded)
            try table.append([
                .string(award.posting.rawValue), .string(award.enterprise.rawValue),
                .optionalText(enterpriseName(award.enterprise)), .string(award.region.rawValue),
                .string(award.skill.rawValue), .yesNo(award.isDomesticSME), .integer(award.year),
                charged.map { .integer($0) } ?? .blank, .number(award.interns), .number(award.unitCost),
                .formula(Formula("I\(row)*J\(row)", value: cost)), .number(award.engineersAdded),
            ])
        }
        try table.addAutofilter()
        try table.appendTotals(label: "Total", sums: [(9, interns), (11, lines.map(\.cost)), (12, engineers)])
        return ChargedCosts(
            instrument: "Internship support", yearRange: table.dataRange(column: 8),
            costRange: table.dataRange(column: 11), lines: lines)
    }

    /// On-site training: one row per course and year.
    func writeOnsite(_ sheet: XLSXWorksheet) throws -> ChargedCosts {
        let seatStyle = plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        var table = try TableSheet(
            sheet, title: "On-site training — upskilling seats paid by the fund",
            note: "One row per course and year. Cost = seats × course tuition.",
            columns: [
                TableColumn("Course", width: 22), TableColumn("Institution", width: 14),
                TableColumn("Institution name", width: 30), TableColumn("Host enterprise", width: 14),
                TableColumn("Host name", width: 30), TableColumn("Region", width: 9), TableColumn("Skill", width: 9),
                TableColumn("Year", width: 8, style: WorkbookStyles.year),
                TableColumn("Budget year", width: 9, style: WorkbookStyles.year),
                TableColumn("Seats", width: 10, style: seatStyle),
                TableColumn("Unit cost (VND per seat)", width: 16, style: WorkbookStyles.vnd),
                TableColumn("Cost (VND)", width: 18, style: WorkbookStyles.vnd),
                TableColumn("Engineers added", width: 11, style: WorkbookStyles.engineers),
            ])
        var lines: [(budgetYear: Int?, cost: Double)] = []
        var seats: [Double] = []
        var engineers: [Double] = []
        for award in plan.onsite {
            let row = table.nextRow
            let charged = chargeYear(of: award.year)
            let cost = award.seats * award.unitCost
            lines.append((charged, cost))
            seats.append(award.seats)
            engineers.append(award.engineersAdded)
            try table.append([
                .string(award.program.rawValue), .string(award.institution.rawValue),
                .optionalText(institutionName(award.institution)), .optionalText(award.hostEnterprise?.rawValue),
                .optionalText(award.hostEnterprise.map(enterpriseName)), .string(award.region.rawValue),
                .string(award.skill.rawValue), .integer(award.year), charged.map { .integer($0) } ?? .blank,
                .number(award.seats), .number(award.unitCost),
                .formula(Formula("J\(row)*K\(row)", value: cost)), .number(award.engineersAdded),
            ])
        }
        try table.addAutofilter()
        try table.appendTotals(label: "Total", sums: [(10, seats), (12, lines.map(\.cost)), (13, engineers)])
        return ChargedCosts(
            instrument: "On-site training", yearRange: table.dataRange(column: 9),
            costRange: table.dataRange(column: 12), lines: lines)
    }
}
