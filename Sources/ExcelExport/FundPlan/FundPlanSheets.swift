import Allocation
import Forecast
import Workforce

/// Writes the sheets of the fund-plan workbook from one context, with the look-ups built once.
struct FundPlanSheets {
    let context: PlanWorkbookContext
    let index: ScenarioIndex
    /// The plan's budget years, increasing.
    let budgetYears: [Int]
    /// The texts of the workbook's language.
    let t: WorkbookTexts
    /// The page setup every sheet shares.
    let printing: SheetPrinting

    init(context: PlanWorkbookContext) {
        self.context = context
        self.index = context.scenario.index
        self.budgetYears = context.plan.spendByYear.map(\.year).sorted()
        t = context.texts
        printing = SheetPrinting(context: context, texts: t, document: t["fund.document"])
    }

    /// Rows a long detail table prints (its first pages); the whole table stays in the sheet.
    static let printedDetailRows = 80

    var plan: AllocationPlan { context.plan }

    func skillName(_ id: Skill.ID) -> String { index.skills[id]?.name ?? "" }
    func regionName(_ id: Region.ID) -> String { index.regions[id]?.name ?? "" }
    func institutionName(_ id: Institution.ID) -> String { index.institutions[id]?.name ?? "" }
    func enterpriseName(_ id: Enterprise.ID) -> String { index.enterprises[id]?.name ?? "" }

    /// An absolute reference to one cell of another sheet, its name quoted: `'Ngân sách'!$B$12`.
    static func reference(_ sheet: String, _ row: Int, _ column: Int) -> String {
        SheetRange(sheet: sheet, range: CellRange(rows: row...row, columns: column...column)).formulaReference
    }

    /// The budget year a payment in `year` is charged to (the allocation model's charging rule).
    func chargeYear(of year: Int) -> Int? {
        guard let first = budgetYears.first else { return nil }
        return CostSchedule.chargeYear(of: year, budgetYears: budgetYears) ?? first
    }
}

/// An item sheet's costs, for the Budget sheet's `SUMIFS` formulas and their cached values.
struct ChargedCosts {
    /// The instrument's key (`scholarships`, `internships`, `onsite`).
    var instrument: String
    /// The item sheet's "budget year" data cells.
    var yearRange: SheetRange
    /// The item sheet's cost data cells.
    var costRange: SheetRange
    /// Each data row's budget year and cost, in row order.
    var lines: [(budgetYear: Int?, cost: Double)]

    /// What `SUMIFS(cost, year, year)` computes: the costs charged to `year`, added in row order.
    func sum(chargedTo year: Int) -> Double {
        ExcelArithmetic.sum(lines.filter { $0.budgetYear == year }.map(\.cost))
    }

    /// The `SUMIFS` formula text with the criterion in `criterionCell` (e.g. `$A5`).
    func formula(criterionCell: String) -> String {
        "SUMIFS(\(costRange.formulaReference),\(yearRange.formulaReference),\(criterionCell))"
    }
}
