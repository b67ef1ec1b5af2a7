import Allocation
import Foundation
import Forecast
import Testing
import Workforce
import XLSXReading

@testable import ExcelExport

@Suite("Fund-plan workbook of a robust plan")
struct RobustnessSheetTests {
    /// The fixture with two demand variants, planned robustly and written.
    static func written() throws -> (RobustPlan, XLSXDocument, ScratchDirectory) {
        var scenario = PlanFixture.scenario
        scenario.variants = [
            ScenarioVariant(name: "auto-boom", sectorGrowthRate: ["AUTO": 0.12]),
            ScenarioVariant(name: "mould-boom", sectorGrowthRate: ["MOULDS": 0.12]),
        ]
        let forecast = try ForecastModel.project(scenario)
        let robust = try RobustPlanner.plan(scenario: scenario, options: AllocationOptions(relativeGap: 0.001))
        let context = PlanWorkbookContext(
            scenario: scenario, forecast: forecast, plan: robust.plan,
            audit: AuditFacts(runID: "run-7", datasetHash: "sha256:feed", softwareVersion: "0.9.0-test", created: PlanFixture.created),
            robust: robust)
        let directory = try ScratchDirectory()
        let url = directory.file(FundPlanWorkbook.fileName(for: context))
        try FundPlanWorkbook.write(context, to: url)
        return (robust, try XLSXDocument(contentsOf: url), directory)
    }

    @Test func theRobustnessSheetScoresEveryPlanUnderEveryVariant() throws {
        let (robust, document, directory) = try Self.written()
        defer { directory.remove() }
        #expect(document.url.lastPathComponent == "fund-plan-vn-test-robust.xlsx")
        var names = FundPlanWorkbook.sheetNames(.en)
        names.insert("Robustness", at: names.firstIndex(of: "Frontier").map { $0 + 1 } ?? names.count)
        #expect(document.sheetNames == names)
        #expect(FundPlanWorkbook.sheetNames(.en, robust: true) == names)
        let sheet = try document.sheet(named: "Robustness")
        let variants = robust.variants.count
        #expect(robust.comparison.count == variants + 1)
        for (block, comparison) in robust.comparison.enumerated() {
            for (offset, score) in comparison.byVariant.enumerated() {
                let row = 5 + block * variants + offset
                #expect(sheet.value(row: row, column: 1) == .string(comparison.plan == "robust" ? "robust" : "plan for \(comparison.plan)"))
                #expect(sheet.value(row: row, column: 2) == .string(score.variant))
                #expect(abs((sheet.value(row: row, column: 6).numberValue ?? .nan) - score.regret) <= 1e-9 * max(1, abs(score.regret)))
            }
        }
        // The summary: each plan's worst-case regret, the robust plan's no higher than any other's.
        let summaryStart = 5 + robust.comparison.count * variants + 3
        let worst = (0..<robust.comparison.count).compactMap { sheet.value(row: summaryStart + $0, column: 2).numberValue }
        #expect(worst.count == robust.comparison.count)
        #expect(abs(worst[0] - robust.worstCaseRegret) <= 1e-9 * max(1, robust.worstCaseRegret))
        #expect(worst.dropFirst().allSatisfy { $0 >= worst[0] - 1e-9 })
    }
}
