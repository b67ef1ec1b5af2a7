import Foundation
import Texts
import Workforce

/// A training institution's intake plan, `intake-<institution>.xlsx`, in the context's language.
///
/// - **Intake plan**: for each programme and intake year, the baseline intake, the seats the
///   fund pays for, the recommended total intake (their sum), the graduates it yields and in which
///   year, the engineers who join the industry, and the shortage of the programme's skill in its
///   region in that year, before and after the plan.
/// - **Programmes**: each programme's parameters, the seats and money the plan gives it, and for
///   a programme with no seats the reason in a sentence.
///
/// Both sheets print landscape, one page wide, with the header row on every page.
public enum IntakeWorkbook {
    /// The sheet names in `language`, in tab order.
    public static func sheetNames(_ language: Language = .en) -> [String] {
        let texts = WorkbookTexts(language)
        return ["sheet.intake-plan", "sheet.programmes"].map { texts[$0] }
    }

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
    static func write(institution id: Institution.ID, groups: PlanGroups, to url: URL,
                      options: XLSXWorkbook.Options = XLSXWorkbook.Options()) throws {
        let context = groups.context
        let institution = groups.index.institutions[id]
        let name = institution?.name ?? id.rawValue
        let t = groups.texts
        let values = ["name": name, "title": context.scenario.settings.title, "run": context.audit.runID, "dataset": context.audit.datasetHash]
        let workbook = try DirectWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: t.format("intake.document-title", values),
                subject: t.format("intake.document-subject", values),
                author: "SkillPlan", company: context.scenario.fund.name, category: t["intake.document"],
                keywords: "SkillPlan, \(t["intake.document"]), \(id.rawValue)",
                comments: t.format("document.comments", values), created: context.audit.created),
            options: options)
        let names = sheetNames(t.language)
        let planSheet = try workbook.addWorksheet(named: names[0])
        let programmeSheet = try workbook.addWorksheet(named: names[1])
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
        _ sheet: DirectWorksheet, institution name: String, id: Institution.ID, programs: [Program], groups: PlanGroups
    ) throws -> IntakeCells {
        let context = groups.context
        let seatStyle = context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        let t = groups.texts
        var table = try TableSheet(
            sheet, texts: t, title: t.format("intake.title", ["name": name, "id": id.rawValue]),
            note: t.format("intake.note", ["title": context.scenario.settings.title, "variant": context.plan.variant]),
            columns: [
                TableColumn(t["column.programme"], width: 14), TableColumn(t["intake.curriculum"], width: 12),
                TableColumn(t["column.skill"], width: 7), TableColumn(t["column.region"], width: 7), TableColumn(t["intake.level"], width: 9),
                TableColumn(t["column.intake-year"], width: 7, style: WorkbookStyles.year),
                TableColumn(t["intake.baseline"], width: 8, style: WorkbookStyles.integer),
                TableColumn(t["intake.funded-seats"], width: 8, style: seatStyle),
                TableColumn(t["intake.recommended"], width: 10, style: seatStyle),
                TableColumn(t["intake.completion"], width: 9, style: WorkbookStyles.percent),
                TableColumn(t["intake.graduates"], width: 9, style: WorkbookStyles.engineers),
                TableColumn(t["intake.graduation-year"], width: 9, style: WorkbookStyles.year),
                TableColumn(t["intake.entry-rate"], width: 9, style: WorkbookStyles.percent),
                TableColumn(t["intake.engineers"], width: 10, style: WorkbookStyles.engineers),
                TableColumn(t["intake.shortage-before"], width: 11, style: WorkbookStyles.engineers),
                TableColumn(t["intake.shortage-after"], width: 11, style: WorkbookStyles.engineers),
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
        try table.appendTotals(sums: [(7, sums[0]), (8, sums[1]), (9, sums[2]), (11, sums[3]), (14, sums[4])])
        try table.finish(groups.intakePrinting)
        return IntakeCells(programRange: table.dataRange(column: 1), fundedRange: table.dataRange(column: 8), lines: lines)
    }

    private static func writeProgrammes(
        _ sheet: DirectWorksheet, programs: [Program], groups: PlanGroups, intake: IntakeCells
    ) throws {
        let context = groups.context
        let seatStyle = context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        let t = groups.texts
        let reasons = NotFundedReasons(context: context, texts: t, index: groups.index)
        var table = try TableSheet(
            sheet, texts: t, title: t["sheet.programmes"], note: t["programmes.note"],
            columns: [
                TableColumn(t["column.programme"], width: 14), TableColumn(t["intake.curriculum"], width: 12),
                TableColumn(t["column.skill"], width: 7), TableColumn(t["column.skill-name"], width: 16),
                TableColumn(t["column.region"], width: 7), TableColumn(t["column.region-name"], width: 12),
                TableColumn(t["intake.level"], width: 9), TableColumn(t["programmes.duration"], width: 8, style: WorkbookStyles.integer),
                TableColumn(t["intake.baseline"], width: 8, style: WorkbookStyles.integer),
                TableColumn(t["programmes.capacity"], width: 8, style: WorkbookStyles.integer),
                TableColumn(t["programmes.spare"], width: 8, style: WorkbookStyles.integer),
                TableColumn(t["programmes.tuition"], width: 12, style: WorkbookStyles.vnd),
                TableColumn(t["onsite.host"], width: 9),
                TableColumn(t["programmes.funded-seats"], width: 9, style: seatStyle),
                TableColumn(t.format("programmes.cost", ["unit": t["unit.m"]]), width: 10, style: WorkbookStyles.millions),
                TableColumn(t["programmes.why-none"], width: 48, wraps: true),
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
                .number(cost), .optionalText(funded > 1e-9 ? nil : reasons.reason(for: program)),
            ])
        }
        try table.addAutofilter()
        try table.appendTotals(sums: [(14, seatSums), (15, costs)])
        try table.finish(groups.intakePrinting)
    }
}
