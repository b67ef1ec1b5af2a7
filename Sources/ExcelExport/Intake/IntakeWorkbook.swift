import Foundation
import Workforce

/// A training institution's intake plan, `intake-<institution>.xlsx`.
///
/// - **Intake plan**: for each programme and intake year, the baseline intake, the seats the
///   fund pays for, the recommended total intake (their sum), the graduates it yields and in which
///   year, the engineers who join the industry, and the shortage of the programme's skill in its
///   region in that year, before and after the plan.
/// - **Programmes**: each programme's parameters and the seats and money the plan gives it.
public enum IntakeWorkbook {
    /// The sheet names, in tab order.
    public static let sheetNames = ["Intake plan", "Programmes"]

    /// `intake-<institution>.xlsx`, with unsafe characters replaced by `-`.
    public static func fileName(institution: Institution.ID) -> String {
        WorkbookFileName.make("intake", [institution.rawValue])
    }

    /// Writes the intake plan of one institution to `url`.
    /// - Throws: ``ExcelWriteError`` if the workbook cannot be written.
    /// - Complexity: O(the whole plan) to group it; use ``PlanWorkbooks/write(into:context:)`` for
    ///   every institution at once.
    public static func write(institution: Institution.ID, context: PlanWorkbookContext, to url: URL) throws {
        try write(institution: institution, groups: PlanGroups(context), to: url)
    }

    /// Writes from pre-grouped items.
    /// - Complexity: O(the institution's programmes × years).
    static func write(institution id: Institution.ID, groups: PlanGroups, to url: URL) throws {
        let context = groups.context
        let institution = groups.index.institutions[id]
        let name = institution?.name ?? id.rawValue
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: "Intake plan — \(name)",
                subject: "Recommended intake per programme and year, \(context.scenario.settings.title)",
                author: "SkillPlan", company: context.scenario.fund.name, category: "Intake plan",
                keywords: "SkillPlan, intake, \(id.rawValue)",
                comments: "Run \(context.audit.runID); dataset \(context.audit.datasetHash)", created: context.audit.created))
        let planSheet = try workbook.addWorksheet(named: sheetNames[0])
        let programmeSheet = try workbook.addWorksheet(named: sheetNames[1])
        let programs = groups.programsByInstitution[id] ?? []
        let intake = try writeIntakePlan(planSheet, institution: name, id: id, programs: programs, groups: groups)
        try writeProgrammes(programmeSheet, programs: programs, groups: groups, intake: intake)
        try workbook.close()
    }

    /// Where the intake-plan sheet put its programme and funded-seat columns.
    struct IntakeCells {
        var programRange: SheetRange
        var fundedRange: SheetRange
        var lines: [(program: Program.ID, funded: Double)]
    }

    private static func writeIntakePlan(
        _ sheet: XLSXWorksheet, institution name: String, id: Institution.ID, programs: [Program], groups: PlanGroups
    ) throws -> IntakeCells {
        let context = groups.context
        let seatStyle = context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        var table = try TableSheet(
            sheet, title: "Intake plan — \(name) (\(id.rawValue))",
            note: "\(context.scenario.settings.title) · variant \(context.plan.variant). Recommended intake = baseline + seats the fund pays for; graduates = intake × completion rate; engineers = graduates × industry entry rate.",
            columns: [
                TableColumn("Programme", width: 22), TableColumn("Curriculum", width: 20), TableColumn("Skill", width: 9),
                TableColumn("Region", width: 9), TableColumn("Level", width: 11),
                TableColumn("Intake year", width: 9, style: WorkbookStyles.year),
                TableColumn("Baseline intake", width: 10, style: WorkbookStyles.integer),
                TableColumn("Funded seats", width: 10, style: seatStyle),
                TableColumn("Recommended intake", width: 12, style: seatStyle),
                TableColumn("Completion rate", width: 10, style: WorkbookStyles.percent),
                TableColumn("Graduates", width: 10, style: WorkbookStyles.engineers),
                TableColumn("Graduation year", width: 10, style: WorkbookStyles.year),
                TableColumn("Industry entry rate", width: 10, style: WorkbookStyles.percent),
                TableColumn("Engineers joining the industry", width: 12, style: WorkbookStyles.engineers),
                TableColumn("Regional shortage that year, before the plan", width: 14, style: WorkbookStyles.engineers),
                TableColumn("Regional shortage that year, after the plan", width: 14, style: WorkbookStyles.engineers),
            ])
        var sums: [[Double]] = Array(repeating: [], count: 5)
        var lines: [(program: Program.ID, funded: Double)] = []
        for program in programs {
            let seats = groups.fundedSeats[program.id] ?? [:]
            for year in context.forecast.years {
                let row = table.nextRow
                let baseline = Double(program.baselineIntake)
                let funded = seats[year] ?? 0
                let recommended = baseline + funded
                let graduates = recommended * program.completionRate
                let engineers = graduates * program.industryEntryRate
                let graduation = year + program.durationYears
                let shortage = groups.shortage(skill: program.skill, region: program.region, year: graduation)
                sums[0].append(baseline)
                sums[1].append(funded)
                sums[2].append(recommended)
                sums[3].append(graduates)
                sums[4].append(engineers)
                lines.append((program.id, funded))
                try table.append([
                    .string(program.id.rawValue), .string(program.curriculum.rawValue), .string(program.skill.rawValue),
                    .string(program.region.rawValue), .string(program.level.rawValue), .integer(year),
                    .integer(program.baselineIntake), .number(funded),
                    .formula(Formula("G\(row)+H\(row)", value: recommended)), .number(program.completionRate),
                    .formula(Formula("I\(row)*J\(row)", value: graduates)), .integer(graduation),
                    .number(program.industryEntryRate), .formula(Formula("K\(row)*M\(row)", value: engineers)),
                    .optionalNumber(shortage?.before), .optionalNumber(shortage?.after),
                ])
            }
        }
        try table.addAutofilter()
        let dataRows = TableSheet.firstDataRow...table.lastDataRow
        try sheet.addConditionalFormat(.shortage, to: CellRange(rows: dataRows, columns: 15...16))
        try table.appendTotals(
            label: "Total", sums: [(7, sums[0]), (8, sums[1]), (9, sums[2]), (11, sums[3]), (14, sums[4])])
        return IntakeCells(programRange: table.dataRange(column: 1), fundedRange: table.dataRange(column: 8), lines: lines)
    }

    private static func writeProgrammes(
        _ sheet: XLSXWorksheet, programs: [Program], groups: PlanGroups, intake: IntakeCells
    ) throws {
        let context = groups.context
        let seatStyle = context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        var table = try TableSheet(
            sheet, title: "Programmes", note: "Each programme's parameters, and the seats and money the fund's plan gives it.",
            columns: [
                TableColumn("Programme", width: 22), TableColumn("Curriculum", width: 20), TableColumn("Skill", width: 9),
                TableColumn("Skill name", width: 24), TableColumn("Region", width: 9), TableColumn("Region name", width: 16),
                TableColumn("Level", width: 11), TableColumn("Duration (years)", width: 9, style: WorkbookStyles.integer),
                TableColumn("Baseline intake", width: 10, style: WorkbookStyles.integer),
                TableColumn("Capacity", width: 10, style: WorkbookStyles.integer),
                TableColumn("Spare capacity", width: 10, style: WorkbookStyles.integer),
                TableColumn("Tuition per year (VND)", width: 16, style: WorkbookStyles.vnd),
                TableColumn("Host enterprise", width: 14),
                TableColumn("Funded seats (all years)", width: 12, style: seatStyle),
                TableColumn("Fund's cost (VND)", width: 18, style: WorkbookStyles.vnd),
            ])
        var seatSums: [Double] = []
        var costs: [Double] = []
        let fundedRange = intake.fundedRange.formulaReference, programRange = intake.programRange.formulaReference
        for program in programs {
            let row = table.nextRow
            let funded = ExcelArithmetic.sum(intake.lines.filter { $0.program == program.id }.map(\.funded))
            let cost = groups.fundedCost[program.id] ?? 0
            seatSums.append(funded)
            costs.append(cost)
            try table.append([
                .string(program.id.rawValue), .string(program.curriculum.rawValue), .string(program.skill.rawValue),
                .optionalText(groups.index.skills[program.skill]?.name), .string(program.region.rawValue),
                .optionalText(groups.index.regions[program.region]?.name), .string(program.level.rawValue),
                .integer(program.durationYears), .integer(program.baselineIntake), .integer(program.capacity),
                .formula(Formula("J\(row)-I\(row)", value: Double(program.capacity - program.baselineIntake))),
                .integer(Int(program.tuitionPerYear)), .optionalText(program.hostEnterprise?.rawValue),
                .formula(Formula(
                    "SUMIFS(\(fundedRange),\(programRange),$A\(row))",
                    value: funded)),
                .number(cost),
            ])
        }
        try table.addAutofilter()
        try table.appendTotals(label: "Total", sums: [(14, seatSums), (15, costs)])
    }
}
