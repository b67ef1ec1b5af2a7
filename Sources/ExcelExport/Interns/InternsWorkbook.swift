import Allocation
import Foundation
import Matching
import Texts
import Workforce

/// An enterprise's matched interns, `interns-<enterprise>.xlsx`, in the context's language.
///
/// - **Interns**: each posting with its matched students (pseudonymous ids, institution,
///   programme when the institution has exactly one degree programme in the skill, year of
///   study, both ranks), whether the fund supports the intern and the amount.
/// - **Postings**: each posting's slots, stipend, matched and free slots, the interns with fund
///   support in this round and that support (a `SUMIFS` over the Interns sheet), and the interns
///   the fund's plan pays for over all its years (not the same thing: the plan is a budget line,
///   the round is who was matched now).
/// - **Fund plan support**: the fund plan's internship stipends at this enterprise, per posting
///   and year.
/// - **Not placed here**: students who ranked one of the postings above the place they got (or
///   were left unmatched), and why they are not here: the posting preferred the students it took,
///   or its province was at its regional cap (or its places were held for a group's minimum).
public enum InternsWorkbook {
    /// The sheet names in `language`, in tab order.
    public static func sheetNames(_ language: Language = .en) -> [String] {
        let texts = WorkbookTexts(language)
        return ["sheet.interns", "sheet.postings", "sheet.plan-support", "sheet.not-placed"].map { texts[$0] }
    }

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
    static func write(enterprise id: Enterprise.ID, groups: PlanGroups, to url: URL,
                      options: XLSXWorkbook.Options = XLSXWorkbook.Options()) throws {
        let context = groups.context
        let name = groups.index.enterprises[id]?.name ?? id.rawValue
        let t = groups.texts
        let values = ["name": name, "title": context.scenario.settings.title, "run": context.audit.runID, "dataset": context.audit.datasetHash]
        let workbook = try DirectWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: t.format("interns.document-title", values),
                subject: t.format("interns.document-subject", values),
                author: "SkillPlan", company: context.scenario.fund.name, category: t["interns.document"],
                keywords: "SkillPlan, \(t["interns.document"]), \(id.rawValue)",
                comments: t.format("document.comments", values) + " " + t["interns.pseudonymous"],
                created: context.audit.created),
            options: options)
        let names = sheetNames(t.language)
        let internSheet = try workbook.addWorksheet(named: names[0])
        let postingSheet = try workbook.addWorksheet(named: names[1])
        let planSheet = try workbook.addWorksheet(named: names[2])
        let notPlacedSheet = try workbook.addWorksheet(named: names[3])
        let postings = groups.postingsByEnterprise[id] ?? []
        let interns = try writeInterns(internSheet, name: name, id: id, postings: postings, groups: groups)
        let planned = try writePlanSupport(planSheet, awards: groups.planInternshipsByEnterprise[id] ?? [], groups: groups)
        try writePostings(postingSheet, postings: postings, groups: groups, interns: interns, planned: planned)
        try writeNotPlaced(notPlacedSheet, postings: postings, groups: groups)
        try workbook.close()
    }

    private static func writeNotPlaced(_ sheet: DirectWorksheet, postings: [InternshipPosting], groups: PlanGroups) throws {
        let round = groups.context.internships
        let t = groups.texts
        var table = try TableSheet(
            sheet, texts: t, title: t["not-placed.title"], note: t["not-placed.note"],
            columns: [
                TableColumn(t["column.posting"], width: 12), TableColumn(t["interns.student"], width: 10),
                TableColumn(t["interns.student-rank"], width: 9, style: WorkbookStyles.integer),
                TableColumn(t["not-placed.result-rank"], width: 11, style: WorkbookStyles.integer),
                TableColumn(t["not-placed.why"], width: 52, wraps: true), TableColumn(t["not-placed.cap"], width: 12),
            ])
        // Four sentences repeated on every row: looked up once.
        var reasons: [NotPlacedExplanation.Reason: String] = [:]
        for posting in postings {
            for item in round?.notPlacedByPosting[posting.id] ?? [] {
                let reason = reasons[item.reason] ?? notPlacedReason(item.reason, texts: t)
                reasons[item.reason] = reason
                try table.append([
                    .string(posting.id.rawValue), .string(item.student.rawValue), .integer(item.studentRank),
                    item.resultRank.map { .integer($0) } ?? .blank, .string(reason), .optionalText(item.cap),
                ])
            }
        }
        try table.addAutofilter()
        try table.finish(groups.internsPrinting)
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
        _ sheet: DirectWorksheet, name: String, id: Enterprise.ID, postings: [InternshipPosting], groups: PlanGroups
    ) throws -> InternCells {
        let funding = groups.context.internships?.funding
        let t = groups.texts
        var table = try TableSheet(
            sheet, texts: t, title: t.format("interns.title", ["name": name, "id": id.rawValue]), note: t["interns.note"],
            columns: [
                TableColumn(t["column.posting"], width: 12), TableColumn(t["column.skill"], width: 7), TableColumn(t["column.region"], width: 7),
                TableColumn(t["interns.student"], width: 10), TableColumn(t["column.institution"], width: 9),
                TableColumn(t["column.institution-name"], width: 22), TableColumn(t["column.programme"], width: 14),
                TableColumn(t["interns.year-of-study"], width: 7, style: WorkbookStyles.integer),
                TableColumn(t["interns.student-rank"], width: 9, style: WorkbookStyles.integer),
                TableColumn(t["interns.posting-rank"], width: 9, style: WorkbookStyles.integer),
                TableColumn(t["interns.fund-support"], width: 8), TableColumn(t["interns.support-vnd"], width: 12, style: WorkbookStyles.vnd),
            ])
        var lines: [(posting: InternshipPosting.ID, funded: Bool, support: Double)] = []
        for posting in postings {
            let assignments = groups.assignmentsByPosting[posting.id] ?? []
            if assignments.isEmpty {
                try table.append([
                    .string(posting.id.rawValue), .string(posting.skill.rawValue), .string(posting.region.rawValue),
                    .string(t["interns.none-matched"]),
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
                    assignment.postingRank.map { .integer($0) } ?? .blank, .string(t.yesNo(funded)), .number(support),
                ])
            }
        }
        try table.addAutofilter()
        try table.appendTotals(sums: [(12, lines.map(\.support))])
        try table.finish(groups.internsPrinting)
        return InternCells(
            postingRange: table.dataRange(column: 1), supportRange: table.dataRange(column: 12), lines: lines)
    }

    private static func writePlanSupport(
        _ sheet: DirectWorksheet, awards: [InternshipAward], groups: PlanGroups
    ) throws -> PlannedCells {
        let seatStyle = groups.context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        let t = groups.texts
        var table = try TableSheet(
            sheet, texts: t, title: t["plan-support.title"], note: t["plan-support.note"],
            columns: [
                TableColumn(t["column.posting"], width: 12), TableColumn(t["column.skill"], width: 7), TableColumn(t["column.region"], width: 7),
                TableColumn(t["column.year"], width: 6, style: WorkbookStyles.year),
                TableColumn(t["plan-support.interns"], width: 9, style: seatStyle),
                TableColumn(t["postings.stipend-intern"], width: 12, style: WorkbookStyles.vnd),
                TableColumn(t["column.cost-vnd"], width: 14, style: WorkbookStyles.vnd),
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
        try table.appendTotals(sums: [(5, lines.map(\.interns)), (7, lines.map(\.cost))])
        try table.finish(groups.internsPrinting)
        return PlannedCells(
            postingRange: table.dataRange(column: 1), internsRange: table.dataRange(column: 5),
            costRange: table.dataRange(column: 7), lines: lines)
    }

    private static func writePostings(
        _ sheet: DirectWorksheet, postings: [InternshipPosting], groups: PlanGroups, interns: InternCells,
        planned: PlannedCells
    ) throws {
        let seatStyle = groups.context.plan.relaxed ? WorkbookStyles.decimal : WorkbookStyles.integer
        let t = groups.texts
        var table = try TableSheet(
            sheet, texts: t, title: t["sheet.postings"], note: t["postings.note"],
            columns: [
                TableColumn(t["column.posting"], width: 12), TableColumn(t["column.skill"], width: 7),
                TableColumn(t["column.skill-name"], width: 16), TableColumn(t["column.region"], width: 7),
                TableColumn(t["column.region-name"], width: 12),
                TableColumn(t["postings.slots"], width: 7, style: WorkbookStyles.integer),
                TableColumn(t["postings.months"], width: 7, style: WorkbookStyles.integer),
                TableColumn(t["postings.stipend-month"], width: 11, style: WorkbookStyles.vnd),
                TableColumn(t["postings.stipend-intern"], width: 11, style: WorkbookStyles.vnd),
                TableColumn(t["postings.minimum-year"], width: 8, style: WorkbookStyles.integer),
                TableColumn(t["postings.matched"], width: 8, style: WorkbookStyles.integer),
                TableColumn(t["postings.free"], width: 7, style: WorkbookStyles.integer),
                TableColumn(t["postings.round-funded"], width: 9, style: WorkbookStyles.integer),
                TableColumn(t["postings.round-support"], width: 12, style: WorkbookStyles.vnd),
                TableColumn(t["postings.plan-interns"], width: 10, style: seatStyle),
                TableColumn(t["postings.plan-support"], width: 12, style: WorkbookStyles.vnd),
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
            sums: [(6, sums[0]), (11, sums[1]), (13, sums[2]), (14, sums[3]), (15, sums[4]), (16, sums[5])])
        try table.finish(groups.internsPrinting)
    }
}

extension InternsWorkbook {
    /// Why a student is not at a posting they ranked higher, in the reader's language.
    static func notPlacedReason(_ reason: NotPlacedExplanation.Reason, texts t: WorkbookTexts) -> String {
        switch reason {
        case .postingPreferredOthers: t["not-placed.preferred-others"]
        case .regionAtCap: t["not-placed.region-at-cap"]
        case .heldForMinimum: t["not-placed.held-for-minimum"]
        case .minimumCompletion: t["not-placed.minimum-completion"]
        }
    }
}
