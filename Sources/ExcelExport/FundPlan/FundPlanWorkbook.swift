import Allocation
import Foundation
import Forecast
import Workforce

/// The fund manager's workbook, `fund-plan-<scenario>-<variant>.xlsx`.
///
/// Sheets, in tab order:
/// - **Summary**: key figures, solver status, shortage per year before and after the plan, and a
///   chart of both.
/// - **Gap**: demand, supply and shortage before and after, per skill × region × year.
/// - **Scholarships**, **Internship support**, **On-site training**: one row per funded item
///   (scholarships: one row per award and year of study, since each year of study is paid in its
///   year), with the budget year each cost is charged to and the cost as `quantity × unit cost`.
/// - **Budget**: per budget year and instrument against the budget, as `SUMIFS` formulas over
///   the item sheets, with a chart.
/// - **Fairness**: each rule row, its target and achieved share.
/// - **Frontier**: the budget sweep with a chart, when one was run.
/// - **Robustness** (a robust plan only, after Frontier): the robust plan and each variant's
///   own plan scored under every variant, with regrets and each plan's worst-case regret.
/// - **Assumptions**: every parameter the plan used.
/// - **Audit**: run id, dataset hash, software, solver and libxlsxwriter versions, time.
///
/// Every formula is written with the value it computes, worked out in Swift as Excel would.
public enum FundPlanWorkbook {
    /// The sheet names, in tab order.
    public static let sheetNames = [
        "Summary", "Gap", "Scholarships", "Internship support", "On-site training", "Budget", "Fairness",
        "Frontier", "Assumptions", "Audit",
    ]

    /// The sheet a robust plan's workbook adds after Frontier.
    public static let robustnessSheetName = "Robustness"

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
        let scenario = context.scenario
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: "Fund plan — \(scenario.settings.title)",
                subject: "Allocation of \(scenario.fund.name) for \(context.plan.scenario) (\(context.plan.variant))",
                author: "SkillPlan", company: scenario.fund.name, category: "Fund plan",
                keywords: "SkillPlan, fund plan, \(context.plan.scenario), \(context.plan.variant)",
                comments: "Run \(context.audit.runID); dataset \(context.audit.datasetHash)",
                created: context.audit.created))
        // Sheets are added in tab order first, then filled in the order their formulas need.
        let summary = try workbook.addWorksheet(named: sheetNames[0])
        let gapSheet = try workbook.addWorksheet(named: sheetNames[1])
        let scholarships = try workbook.addWorksheet(named: sheetNames[2])
        let internships = try workbook.addWorksheet(named: sheetNames[3])
        let onsite = try workbook.addWorksheet(named: sheetNames[4])
        let budgetSheet = try workbook.addWorksheet(named: sheetNames[5])
        let fairness = try workbook.addWorksheet(named: sheetNames[6])
        let frontier = try workbook.addWorksheet(named: sheetNames[7])
        let robustness = try context.robust.map { _ in try workbook.addWorksheet(named: robustnessSheetName) }
        let assumptions = try workbook.addWorksheet(named: sheetNames[8])
        let audit = try workbook.addWorksheet(named: sheetNames[9])

        let builder = FundPlanSheets(context: context)
        let gap = try builder.writeGap(gapSheet)
        let items = [
            try builder.writeScholarships(scholarships),
            try builder.writeInternships(internships),
            try builder.writeOnsite(onsite),
        ]
        let budget = try builder.writeBudget(budgetSheet, items: items)
        try builder.writeSummary(summary, gap: gap, budget: budget)
        try builder.writeFairness(fairness)
        try builder.writeFrontier(frontier)
        if let robustness, let robust = context.robust { try builder.writeRobustness(robustness, robust: robust) }
        try builder.writeAssumptions(assumptions)
        try builder.writeAudit(audit)
        try summary.activate()
        try workbook.close()
    }
}
