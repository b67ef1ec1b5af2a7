import Allocation
import Foundation
import Forecast
import Texts
import Workforce

/// The fund manager's workbook, `fund-plan-<scenario>-<variant>.xlsx`, in the context's language.
///
/// Sheets, in tab order (English names; ``sheetNames(_:robust:)`` gives them in either language):
/// - **Board summary**: one printed page for the fund's board: the headline figures, the
///   shortage chart, the value of an extra billion, the binding rules and the three biggest gaps
///   left, in sentences.
/// - **Summary**: key figures, shortage per year before and after the plan, and a chart of both.
/// - **Gap**: demand, supply and shortage before and after, per skill × region × year.
/// - **Capacity and relocation** (with `capacity_expansion` or `relocation` in fund.yaml): seats
///   added to programmes and graduates paid to move, one row per item and year.
/// - **Scholarships**, **Internship support**, **On-site training**: one row per funded item
///   (scholarships: one row per award and year of study, since each year of study is paid in its
///   year), with the budget year each cost is charged to and the cost as `quantity × unit cost`.
/// - **Budget**: per budget year and instrument against the budget and what was carried in, as
///   `SUMIFS` formulas over the item sheets, with a chart in billions.
/// - **Why not funded**: each programme with no seats and the reason in a sentence.
/// - **Fairness**: each rule row, its target and achieved share, in words; what binding rules cost.
/// - **Frontier**: the budget sweep with a scatter chart, saying whether its points are LP or integer.
/// - **Robustness** (a robust plan only, after Frontier): the robust plan and each variant's
///   own plan scored under every variant, with regrets and each plan's worst-case regret.
/// - **Assumptions**: every parameter the plan used.
/// - **Audit**: run id, dataset hash, software, solver status, gap and versions, time.
///
/// Every sheet has a page setup (A4, one page wide, the header row repeated, header and footer);
/// long detail sheets print their first page of rows. Every formula is written with the value it
/// computes, worked out in Swift as Excel would.
public enum FundPlanWorkbook {
    /// The sheet names in `language`, in tab order; `robust` adds the Robustness sheet after Frontier.
    /// `otherInstruments` adds the Capacity and relocation sheet after On-site training (a plan
    /// whose policy has `capacity_expansion` or `relocation`).
    public static func sheetNames(_ language: Language = .en, robust: Bool = false, otherInstruments: Bool = false) -> [String] {
        let texts = WorkbookTexts(language)
        return sheetKeys(robust: robust, otherInstruments: otherInstruments).map { texts["sheet." + $0] }
    }

    static func sheetKeys(robust: Bool, otherInstruments: Bool = false) -> [String] {
        ["board-summary", "summary", "gap", "scholarships", "internships", "onsite"] + (otherInstruments ? ["other"] : [])
            + ["budget", "why-not-funded", "fairness", "frontier"] + (robust ? ["robustness"] : []) + ["assumptions", "audit"]
    }

    /// `fund-plan-<scenario>-<variant>.xlsx`, with unsafe characters replaced by `-`.
    public static func fileName(scenario: String, variant: String) -> String {
        WorkbookFileName.make("fund-plan", [scenario, variant])
    }

    /// The file name for a context's plan.
    public static func fileName(for context: PlanWorkbookContext) -> String {
        fileName(scenario: context.plan.scenario, variant: context.plan.variant)
    }

    /// Writes the fund-plan workbook to `url` (a temporary file renamed into place).
    /// - Throws: ``ExcelWriteError`` if the workbook cannot be written.
    /// - Complexity: O(skills × regions × years + awards × years of study + fairness rows).
    public static func write(_ context: PlanWorkbookContext, to url: URL) throws {
        try write(context, to: url, options: XLSXWorkbook.Options())
    }

    /// Writes with the given file options (a shared staging folder).
    static func write(_ context: PlanWorkbookContext, to url: URL, options: XLSXWorkbook.Options) throws {
        let scenario = context.scenario
        let texts = context.texts
        let values = ["title": scenario.settings.title, "fund": scenario.fund.name, "scenario": context.plan.scenario,
                      "variant": context.plan.variant, "run": context.audit.runID, "dataset": context.audit.datasetHash]
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: texts.format("fund.document-title", values),
                subject: texts.format("fund.document-subject", values),
                author: "SkillPlan", company: scenario.fund.name, category: texts["fund.document"],
                keywords: "SkillPlan, \(texts["fund.document"]), \(context.plan.scenario), \(context.plan.variant)",
                comments: texts.format("document.comments", values),
                created: context.audit.created),
            options: options)
        // Sheets are added in tab order first, then filled in the order their formulas need.
        var sheets: [String: XLSXWorksheet] = [:]
        let otherInstruments = context.plan.capacityExpansions != nil || context.plan.relocations != nil
        for key in sheetKeys(robust: context.robust != nil, otherInstruments: otherInstruments) {
            sheets[key] = try workbook.addWorksheet(named: texts["sheet." + key])
        }
        func sheet(_ key: String) throws -> XLSXWorksheet {
            guard let sheet = sheets[key] else {
                throw ExcelWriteError(.invalidArgument, "the fund plan has no sheet '\(key)'", path: url.path)
            }
            return sheet
        }

        let builder = FundPlanSheets(context: context)
        let gap = try builder.writeGap(try sheet("gap"))
        let items = [
            try builder.writeScholarships(try sheet("scholarships")),
            try builder.writeInternships(try sheet("internships")),
            try builder.writeOnsite(try sheet("onsite")),
        ] + (otherInstruments ? [try builder.writeOtherInstruments(try sheet("other"))] : [])
        let budget = try builder.writeBudget(try sheet("budget"), items: items)
        let summary = try builder.writeSummary(try sheet("summary"), gap: gap, budget: budget)
        try builder.writeBoardSummary(try sheet("board-summary"), summary: summary)
        try builder.writeWhyNotFunded(try sheet("why-not-funded"))
        try builder.writeFairness(try sheet("fairness"))
        try builder.writeFrontier(try sheet("frontier"))
        if let robust = context.robust { try builder.writeRobustness(try sheet("robustness"), robust: robust) }
        try builder.writeAssumptions(try sheet("assumptions"))
        try builder.writeAudit(try sheet("audit"))
        try sheet("board-summary").activate()
        try workbook.close()
    }
}
