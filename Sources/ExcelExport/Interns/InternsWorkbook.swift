import Allocation
import Foundation
import Matching
import Workforce

/// An enterprise's matched interns, `interns-<enterprise>.xlsx`.
///
/// - **Interns**: each posting with its matched students (pseudonymous ids, institution,
///   programme when the institution has exactly one degree programme in the skill, year of
///   study, both ranks), whether the fund supports the intern and the amount.
/// - **Postings**: each posting's slots, stipend, matched and free slots, funded interns and
///   support (a `SUMIFS` over the Interns sheet), and the internship support in the fund's plan.
/// - **Fund plan support**: the fund plan's internship stipends at this enterprise, per posting
///   and year.
/// - **Not placed here**: students who ranked one of the postings above the place they got (or
///   were left unmatched), and why they are not here: the posting preferred the students it took,
///   or its province was at its regional cap (or its places were held for a group's minimum).
public enum InternsWorkbook {
    /// The sheet names, in tab order.
    public static let sheetNames = ["Interns", "Postings", "Fund plan support", "Not placed here"]

    /// `interns-<enterprise>.xlsx`, with unsafe characters replaced by `-`.
    public static func fileName(enterprise: Enterprise.ID) -> String {
        WorkbookFileName.make("interns", [enterprise.rawValue])
    }

    /// Writes the interns workbook of one enterprise to `url`.
    /// - Throws: ``ExcelWriteError`` if the workbook cannot be written.
    /// - Complexity: O(the whole plan and matching) to group them; use
    ///   ``PlanWorkbooks/write(into:context:)`` for every enterprise at once.
    public static func write(enterprise: Enterprise.ID, context: PlanWorkbookContext, to url: URL) throws {
        try write(enterprise: enterprise, groups: PlanGroups(context), to: url)
    }

    /// Writes from pre-grouped items.
    /// - Complexity: O(the enterprise's postings + matched interns + plan awards).
    static func write(enterprise id: Enterprise.ID, groups: PlanGroups, to url: URL) throws {
        let context = groups.context
        let name = groups.index.enterprises[id]?.name ?? id.rawValue
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: "Interns — \(name)",
                subject: "Matched interns and fund support, \(context.scenario.settings.title)",
                author: "SkillPlan", company: context.scenario.fund.name, category: "Interns",
                keywords: "SkillPlan, internships, \(id.rawValue)",
                comments: "Run \(context.audit.runID); dataset \(context.audit.datasetHash). Students are pseudonymous: their institution holds the mapping to names.",
                created: context.audit.created))
        let internSheet = try workbook.addWorksheet(named: sheetNames[0])
        let postingSheet = try workbook.addWorksheet(named: sheetNames[1])
        let planSheet = try workbook.addWorksheet(named: sheetNames[2])
        let notPlacedSheet = try workbook.addWorksheet(named: sheetNames[3])
        let postings = groups.postingsByEnterprise[id] ?? []
        let interns = try writeInterns(internSheet, name: name, id: id, postings: postings, groups: groups)
        let planned = try writePlanSupport(planSheet, awards: groups.planInternshipsByEnterprise[id] ?? [], groups: groups)
        try writePostings(postingSheet, postings: postings, groups: groups, interns: interns, planned: planned)
        try writeNotPlaced(notPlacedSheet, postings: postings, round: context.internships)
        try workbook.close()
    }

    private static func writeNotPlaced(_ sheet: XLSXWorksheet, postings: [InternshipPosting], round: InternshipRound?) throws {
        var table = try TableSheet(
            sheet, title: "Students not placed here",
            note: "Students who ranked a posting above the place they got (or got none), and why the posting did not take them.",
            columns: [
                TableColumn("Posting", width: 18), TableColumn("Student", width: 16),
                TableColumn("Student's rank of the posting", width: 11, style: WorkbookStyles.integer),
                TableColumn("Rank of the place they got (blank: none)", width: 13, style: WorkbookStyles.integer),
                TableColumn("Why not here", width: 44), TableColumn("Cap or group", width: 16),
            ])
        for posting in postings {
            for item in round?.notPlacedByPosting[posting.id] ?? [] {
                try table.append([
                    .string(posting.id.rawValue), .string(item.student.rawValue), .integer(item.studentRank),
                    item.resultRank.map { .integer($0) } ?? .blank, .string(item.reason.description), .optionalText(item.cap),
                ])
            }
        }
        try table.addAutofilter()
    }

    struct InternCells {
        var postingRange: SheetRange
        var supportRange: SheetRange
        var lines: [(posting: InternshipPosting.ID, funded: Bool, support: Double)]
    }

    struct PlannedCells {
        var postingRange: SheetRange
        var internsRange: SheetRange
        var costRange: SheetRange
        var lines: [(posting: InternshipPosting.ID, interns: Double, cost: Double)]
    }

    private static func writeInterns(
        _ sheet: XLSXWorksheet, name: String, id: Enterprise.ID, postings: [InternshipPosting], groups: PlanGroups
    ) throws -> InternCells {
        let funding = groups.context.internships?.funding
        var table = try TableSheet(
            sheet, title: "Interns — \(name) (\(id.rawValue))",
            note: "Students are pseudonymous ids; their institution keeps the names. Ranks: 1 = first choice / best ranked.",
            columns: [
                TableColumn("Posting", width: 18), TableColumn("Skill", width: 9), TableColumn("Region", width: 9),
                TableColumn("Student", width: 16), TableColumn("Institution", width: 14),
                TableColumn("Institution name", width: 34), TableColumn("Programme", width: 22),
                TableColumn("Year of study", width: 8, style: WorkbookStyles.integer),
                TableColumn("Student's rank of the posting", width: 11, style: WorkbookStyles.integer),
                TableColumn("Posting's rank of the student", width: 11, style: WorkbookStyles.integer),
                TableColumn("Fund-backed place this round", width: 9), TableColumn("Support (VND)", width: 16, style: WorkbookStyles.vnd),
            ])
        var lines: [(posting: InternshipPosting.ID, funded: Bool, support: Double)] = []
        for posting in postings {
            let assignments = groups.assignmentsByPosting[posting.id] ?? []
            if assignments.isEmpty {
                try table.append([
                    .string(posting.id.rawValue), .string(posting.skill.rawValue), .string(posting.region.rawValue),
                    .string("(no intern matched)"),
                ])
                continue
            }
            for assignment in assignments {
                let student = groups.students[assignment.student]
                let support = Double(funding?.support(of: assignment.student) ?? 0)
                let funded = funding?.isFunded(assignment.student) ?? false
                lines.append((posting.id, funded, support))
                try table.append([
                    .string(posting.id.rawValue), .string(posting.skill.rawValue), .string(posting.region.rawValue),
                    .string(assignment.student.rawValue), .optionalText(student?.institution.rawValue),
                    .optionalText(student.flatMap { groups.index.institutions[$0.institution]?.name }),
                    .optionalText(student.flatMap { groups.program(of: $0)?.rawValue }),
                    student.map { .integer($0.year) } ?? .blank, assignment.studentRank.map { .integer($0) } ?? .blank,
                    assignment.postingRank.map { .integer($0) } ?? .blank, .yesNo(funded), .number(support),
                ])
            }
        }
        try table.addAutofilter()
        try table.appendTotals(label: "Total", sums: [(12, lines.map(\.support))])
        return InternCells(
            postingRange: table.dataRange(column: 1), supportRange: table.dataRange(column: 12), lines: lines)
    }

    private static func writePlanSupport(
        _ sheet: XLSXWorksheet, awards: [InternshipAward], groups: PlanGroups
    ) throws -> PlannedCells {
        let seatStyle = groups.context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        var table = try TableSheet(
            sheet, title: "Internship support in the fund's plan",
            note: "Stipends the fund's allocation plan pays at this enterprise, per posting and year.",
            columns: [
                TableColumn("Posting", width: 18), TableColumn("Skill", width: 9), TableColumn("Region", width: 9),
                TableColumn("Year", width: 8, style: WorkbookStyles.year), TableColumn("Interns", width: 10, style: seatStyle),
                TableColumn("Stipend per intern (VND)", width: 16, style: WorkbookStyles.vnd),
                TableColumn("Cost (VND)", width: 18, style: WorkbookStyles.vnd),
            ])
        var lines: [(posting: InternshipPosting.ID, interns: Double, cost: Double)] = []
        for award in awards {
            let row = table.nextRow
            let cost = award.interns * award.unitCost
            lines.append((award.posting, award.interns, cost))
            try table.append([
                .string(award.posting.rawValue), .string(award.skill.rawValue), .string(award.region.rawValue),
                .integer(award.year), .number(award.interns), .number(award.unitCost),
                .formula(Formula("E\(row)*F\(row)", value: cost)),
            ])
        }
        try table.addAutofilter()
        try table.appendTotals(label: "Total", sums: [(5, lines.map(\.interns)), (7, lines.map(\.cost))])
        return PlannedCells(
            postingRange: table.dataRange(column: 1), internsRange: table.dataRange(column: 5),
            costRange: table.dataRange(column: 7), lines: lines)
    }

    private static func writePostings(
        _ sheet: XLSXWorksheet, postings: [InternshipPosting], groups: PlanGroups, interns: InternCells,
        planned: PlannedCells
    ) throws {
        let seatStyle = groups.context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        var table = try TableSheet(
            sheet, title: "Postings", note: "Each posting, its matched interns and the fund's support.",
            columns: [
                TableColumn("Posting", width: 18), TableColumn("Skill", width: 9), TableColumn("Skill name", width: 24),
                TableColumn("Region", width: 9), TableColumn("Region name", width: 16),
                TableColumn("Slots", width: 8, style: WorkbookStyles.integer),
                TableColumn("Months", width: 8, style: WorkbookStyles.integer),
                TableColumn("Stipend per month (VND)", width: 15, style: WorkbookStyles.vnd),
                TableColumn("Stipend per intern (VND)", width: 15, style: WorkbookStyles.vnd),
                TableColumn("Minimum year of study", width: 9, style: WorkbookStyles.integer),
                TableColumn("Matched interns", width: 9, style: WorkbookStyles.integer),
                TableColumn("Free slots", width: 8, style: WorkbookStyles.integer),
                TableColumn("Fund-backed places this round", width: 10, style: WorkbookStyles.integer),
                TableColumn("Support this round (VND)", width: 16, style: WorkbookStyles.vnd),
                TableColumn("Interns funded in the plan (all years)", width: 12, style: seatStyle),
                TableColumn("Plan support (VND)", width: 16, style: WorkbookStyles.vnd),
            ])
        var sums: [[Double]] = Array(repeating: [], count: 6)
        let supportRange = interns.supportRange.formulaReference, postingRange = interns.postingRange.formulaReference
        let plannedInternsRange = planned.internsRange.formulaReference
        let plannedCostRange = planned.costRange.formulaReference
        let plannedPostingRange = planned.postingRange.formulaReference
        for posting in postings {
            let row = table.nextRow
            let matched = groups.assignmentsByPosting[posting.id]?.count ?? 0
            let mine = interns.lines.filter { $0.posting == posting.id }
            let fundedCount = mine.filter(\.funded).count
            let support = ExcelArithmetic.sum(mine.map(\.support))
            let plan = planned.lines.filter { $0.posting == posting.id }
            let planInterns = ExcelArithmetic.sum(plan.map(\.interns))
            let planCost = ExcelArithmetic.sum(plan.map(\.cost))
            let stipend = Double(posting.stipendPerMonth) * Double(posting.months)
            sums[0].append(Double(posting.slots))
            sums[1].append(Double(matched))
            sums[2].append(Double(fundedCount))
            sums[3].append(support)
            sums[4].append(planInterns)
            sums[5].append(planCost)
            try table.append([
                .string(posting.id.rawValue), .string(posting.skill.rawValue),
                .optionalText(groups.index.skills[posting.skill]?.name), .string(posting.region.rawValue),
                .optionalText(groups.index.regions[posting.region]?.name), .integer(posting.slots), .integer(posting.months),
                .integer(Int(posting.stipendPerMonth)), .formula(Formula("G\(row)*H\(row)", value: stipend)),
                .integer(posting.minimumYear), .integer(matched),
                .formula(Formula("F\(row)-K\(row)", value: Double(posting.slots - matched))), .integer(fundedCount),
                .formula(Formula(
                    "SUMIFS(\(supportRange),\(postingRange),$A\(row))",
                    value: support)),
                .formula(Formula(
                    "SUMIFS(\(plannedInternsRange),\(plannedPostingRange),$A\(row))",
                    value: planInterns)),
                .formula(Formula(
                    "SUMIFS(\(plannedCostRange),\(plannedPostingRange),$A\(row))",
                    value: planCost)),
            ])
        }
        try table.addAutofilter()
        try table.appendTotals(
            label: "Total",
            sums: [(6, sums[0]), (11, sums[1]), (13, sums[2]), (14, sums[3]), (15, sums[4]), (16, sums[5])])
    }
}
