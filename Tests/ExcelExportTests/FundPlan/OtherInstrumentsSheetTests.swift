import Allocation
import Foundation
import Forecast
import Testing
import Workforce
import XLSXReading

@testable import ExcelExport

/// The fund plan of a policy with capacity expansion and relocation stipends: their sheet, the
/// Budget sheet's extra column, and totals that still equal the plan's spend.
@Suite("Fund-plan workbook with capacity expansion and relocation")
struct OtherInstrumentsSheetTests {
    static func context() throws -> PlanWorkbookContext {
        var scenario = PlanFixture.scenario
        scenario.fund.capacityExpansion = CapacityExpansionTerms(
            enabled: true, costPerSeat: 2_000_000, leadYears: 1, maximumShareOfCapacity: 1)
        scenario.fund.relocation = RelocationTerms(enabled: true, stipendPerGraduate: 1_000_000, maximumShareOfEntrants: 0.5)
        let forecast = try ForecastModel.project(scenario)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        return PlanWorkbookContext(
            scenario: scenario, forecast: forecast, plan: plan, frontier: nil, internships: nil,
            audit: AuditFacts(runID: "run-7", datasetHash: "sha256:0123abcd", softwareVersion: "0.9.0-test",
                              created: PlanFixture.created))
    }

    @Test func theSheetListsEveryLineAndTheBudgetAddsThemUp() throws {
        let context = try Self.context()
        let plan = context.plan
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file(FundPlanWorkbook.fileName(for: context))
        try FundPlanWorkbook.write(context, to: url)
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheetNames == FundPlanWorkbook.sheetNames(.en, otherInstruments: true))
        let other = try document.sheet(named: "Capacity and relocation")
        let lines = (plan.capacityExpansions ?? []).count + (plan.relocations ?? []).count
        #expect(other.lastRow == 4 + lines + 1)

        let budget = try document.sheet(named: "Budget")
        #expect(budget.value(row: 4, column: 7) == .string("Capacity and relocation (bn VND)"))
        for (offset, spend) in plan.spendByYear.enumerated() {
            let row = 5 + offset
            let other = (spend.capacity ?? 0) + (spend.relocation ?? 0)
            #expect(FundPlanWorkbookTests.close(budget.value(row: row, column: 7).numberValue ?? -1, other))
            #expect(FundPlanWorkbookTests.close(budget.value(row: row, column: 8).numberValue ?? -1, spend.total))
            #expect(FundPlanWorkbookTests.close(budget.value(row: row, column: 9).numberValue ?? -1, spend.unspentToDate, relative: 1e-6))
        }
        let totalRow = 5 + plan.spendByYear.count
        #expect(FundPlanWorkbookTests.close(budget.value(row: totalRow, column: 8).numberValue ?? -1, plan.totalSpend))
        let (checked, mismatches) = document.formulaMismatches()
        #expect(checked > 40)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func thePolicyBuysSomethingOfBoth() throws {
        // Guards the test above: with nothing bought, the sheet would be empty and prove little.
        let plan = try Self.context().plan
        #expect(!(plan.capacityExpansions ?? []).isEmpty || !(plan.relocations ?? []).isEmpty)
    }
}
