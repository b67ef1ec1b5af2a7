import Allocation
import Foundation
import Forecast
import Testing
import Workforce
import XLSXReading

@testable import ExcelExport

@Suite("Fund-plan workbook")
struct FundPlanWorkbookTests {
    /// Plans the fixture, writes the workbook and reads it back.
    static func written() throws -> (PlanWorkbookContext, XLSXDocument, ScratchDirectory) {
        let context = try PlanFixture.makeContext(withStudents: true)
        let directory = try ScratchDirectory()
        let url = directory.file(FundPlanWorkbook.fileName(for: context))
        try FundPlanWorkbook.write(context, to: url)
        return (context, try XLSXDocument(contentsOf: url), directory)
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    @Test("the fixture plan funds every instrument")
    func fixtureFundsEverything() throws {
        let context = try PlanFixture.makeContext(withStudents: true)
        #expect(!context.plan.scholarships.isEmpty)
        #expect(!context.plan.internships.isEmpty)
        #expect(!context.plan.onsite.isEmpty)
        #expect(context.plan.totalSpend > 0)
    }

    @Test("file name, sheets, properties and charts")
    func structure() throws {
        let (_, document, directory) = try Self.written()
        defer { directory.remove() }
        #expect(document.url.lastPathComponent == "fund-plan-vn-test-baseline.xlsx")
        #expect(document.sheetNames == FundPlanWorkbook.sheetNames(.en))
        #expect(document.sheetNames.first == "Board summary")
        #expect(document.properties.title == "Fund plan — Thử nghiệm công nghiệp hỗ trợ 2026–2030")
        #expect(document.properties.subject?.contains("Quỹ Phát triển Công nghiệp Hỗ trợ") == true)
        #expect(document.properties.created == PlanFixture.created)
        #expect(document.chartCount == 4)
        for name in ["Board summary", "Summary", "Budget", "Frontier"] { #expect(try document.sheet(named: name).hasDrawing, "\(name)") }
        #expect(document.activeSheetIndex == 0)
    }

    @Test("every formula's cached value equals what it computes")
    func formulasAgree() throws {
        let (_, document, directory) = try Self.written()
        defer { directory.remove() }
        let (checked, mismatches) = document.formulaMismatches()
        #expect(checked > 40)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        // The Budget sheet is built from SUMIFS over the item sheets.
        let budget = try document.sheet(named: "Budget")
        #expect(budget.cell("D5")?.formula?.hasPrefix("SUMIFS('Scholarships'!$L$5:$L$") == true)
        #expect(budget.cell("E5")?.formula?.contains("'Internship support'!$H$5") == true)
    }

    @Test("Budget rows and totals equal the plan's spend per year")
    func budgetMatchesPlan() throws {
        let (context, document, directory) = try Self.written()
        defer { directory.remove() }
        let plan = context.plan
        let budget = try document.sheet(named: "Budget")
        #expect(budget.value(row: 4, column: 1) == .string("Budget year"))
        for (offset, spend) in plan.spendByYear.enumerated() {
            let row = 5 + offset
            #expect(budget.value(row: row, column: 1).integerValue == spend.year)
            #expect(budget.value(row: row, column: 2).numberValue == spend.budget)
            #expect(budget.value(row: row, column: 3).numberValue == 0, "no carry-over: nothing carried in")
            #expect(Self.close(budget.value(row: row, column: 4).numberValue ?? -1, spend.scholarships))
            #expect(Self.close(budget.value(row: row, column: 5).numberValue ?? -1, spend.internships))
            #expect(Self.close(budget.value(row: row, column: 6).numberValue ?? -1, spend.onsite))
            #expect(Self.close(budget.value(row: row, column: 7).numberValue ?? -1, spend.total))
            // Unspent to date is spend.csv's unspent_to_date.
            #expect(Self.close(budget.value(row: row, column: 8).numberValue ?? -1, spend.unspentToDate, relative: 1e-6))
        }
        let totalRow = 5 + plan.spendByYear.count
        #expect(budget.value(row: totalRow, column: 1) == .string("Total"))
        #expect(budget.cell(row: totalRow, column: 7)?.formula == "SUM(G5:G\(totalRow - 1))")
        #expect(Self.close(budget.value(row: totalRow, column: 2).numberValue ?? -1, plan.totalBudget))
        #expect(Self.close(budget.value(row: totalRow, column: 7).numberValue ?? -1, plan.totalSpend))
        // The summary repeats the totals.
        let summary = try document.sheet(named: "Summary")
        let spendRow = try #require(summary.cells.first { $0.column == 1 && $0.value == .string("Total spend (bn VND)") }).row
        #expect(Self.close(summary.value(row: spendRow, column: 2).numberValue ?? -1, plan.totalSpend))
    }

    @Test("item sheets hold every award, with Vietnamese names")
    func itemSheets() throws {
        let (context, document, directory) = try Self.written()
        defer { directory.remove() }
        let plan = context.plan
        let scholarships = try document.sheet(named: "Scholarships")
        let paymentRows = plan.scholarships.reduce(0) { $0 + $1.costByYear.count }
        #expect(scholarships.lastRow == 4 + paymentRows + 1)
        let totalCost = scholarships.value(row: 5 + paymentRows, column: 12).numberValue ?? -1
        // The Budget sheet sums the data rows only, not the totals row.
        let budget = try document.sheet(named: "Budget")
        #expect(budget.cell("D5")?.formula?.hasPrefix(
            "SUMIFS('Scholarships'!$L$5:$L$\(4 + paymentRows),'Scholarships'!$I$5:$I$\(4 + paymentRows),$A5)") == true)
        #expect(Self.close(totalCost, plan.scholarships.reduce(0) { $0 + $1.totalCost }))
        let hust = scholarships.cells.filter { $0.column == 2 && $0.value == .string("HUST") }
        for cell in hust {
            #expect(scholarships.value(row: cell.row, column: 3) == .string("Đại học Bách khoa Hà Nội"))
        }
        let internships = try document.sheet(named: "Internship support")
        #expect(internships.lastRow == 4 + plan.internships.count + 1)
        let first = try #require(plan.internships.first)
        #expect(internships.value(row: 5, column: 1) == .string(first.posting.rawValue))
        #expect(internships.value(row: 5, column: 9).numberValue == first.interns)
        let onsite = try document.sheet(named: "On-site training")
        #expect(onsite.value(row: 5, column: 5) == .string("Công ty Cổ phần Cơ khí Chính xác Đông Anh"))
        for name in ["Scholarships", "Internship support", "On-site training", "Gap", "Budget", "Fairness"] {
            let sheet = try document.sheet(named: name)
            #expect(sheet.frozenPane?.rows == 4, "\(name)")
            #expect(sheet.autoFilter?.hasPrefix("A4:") == true, "\(name)")
        }
    }

    @Test("Gap sheet: every cell, shortage before and after as in the plan, highlighted")
    func gapSheet() throws {
        let (context, document, directory) = try Self.written()
        defer { directory.remove() }
        let gap = try document.sheet(named: "Gap")
        let cellCount = context.forecast.skills.count * context.forecast.regions.count * context.forecast.years.count
        let totalRow = 5 + cellCount
        #expect(gap.value(row: totalRow, column: 1) == .string("Total (engineer-years)"))
        #expect(Self.close(gap.value(row: totalRow, column: 9).numberValue ?? -1, context.plan.shortageBefore))
        #expect(Self.close(gap.value(row: totalRow, column: 11).numberValue ?? -1, context.plan.shortageAfter))
        #expect(gap.value(row: 5, column: 4) == .string("Hà Nội"))
        let summary = try document.sheet(named: "Summary")
        #expect(summary.cells.contains { $0.formula == "SUMIFS('Gap'!$I$5:$I$\(totalRow - 1),'Gap'!$E$5:$E$\(totalRow - 1),$A25)" })
        #expect(gap.value(row: 5, column: 2) == .string("Kỹ thuật vật liệu"))
        #expect(gap.conditionalFormats.contains { $0.type == "cellIs" && $0.operatorName == "greaterThan" })
        #expect(context.plan.shortageAfter < context.plan.shortageBefore)
    }

    @Test("Gap sheet: P10/P50/P90 of the shortage per row when the ranges were drawn")
    func gapSheetRanges() throws {
        var context = try PlanFixture.makeContext(withStudents: false)
        var scenario = context.scenario
        scenario.settings.uncertainty = ForecastUncertainty(
            productivityGrowth: .uniform(low: 0, high: 0.05), attritionScale: .uniform(low: 0.5, high: 1.5))
        let ranges = try ForecastModel.ranges(scenario, draws: 50, seed: 3)
        context.ranges = ranges
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file(FundPlanWorkbook.fileName(for: context))
        try FundPlanWorkbook.write(context, to: url)
        let gap = try XLSXDocument(contentsOf: url).sheet(named: "Gap")
        #expect(gap.value(row: 4, column: 12) == .string("Shortage before P10"))
        #expect(gap.value(row: 4, column: 14) == .string("Shortage before P90"))
        let rows = context.forecast.skills.count * context.forecast.regions.count * context.forecast.years.count
        var spread = 0.0
        for row in 5..<(5 + rows) {
            let p10 = gap.value(row: row, column: 12).numberValue ?? -1
            let p50 = gap.value(row: row, column: 13).numberValue ?? -1
            let p90 = gap.value(row: row, column: 14).numberValue ?? -1
            #expect(0 <= p10 && p10 <= p50 && p50 <= p90, "row \(row)")
            spread += p90 - p10
        }
        #expect(spread > 0)
        // The first row is the first skill, market and year of the ranges.
        let first = try #require(ranges.marketShortage(skill: 0, market: 0, year: 0))
        #expect(Self.close(gap.value(row: 5, column: 13).numberValue ?? -1, first.p50))
    }

    @Test("Fairness, Frontier, Assumptions and Audit")
    func otherSheets() throws {
        let (context, document, directory) = try Self.written()
        defer { directory.remove() }
        let fairness = try document.sheet(named: "Fairness")
        #expect(fairness.cells.filter { $0.column == 1 && $0.row >= 5 && $0.row < 5 + context.plan.fairness.count }.count
            == context.plan.fairness.count)
        #expect(fairness.cells.contains { $0.value == .string("Internships at domestic SMEs") })
        #expect(!fairness.cells.contains { $0.value.stringValue?.hasPrefix("fair.") == true }, "no model row names")
        let frontier = try document.sheet(named: "Frontier")
        let points = try #require(context.frontier)
        for (offset, point) in points.enumerated() {
            #expect(frontier.value(row: 5 + offset, column: 1).numberValue == point.multiplier)
            #expect(Self.close(frontier.value(row: 5 + offset, column: 5).numberValue ?? -1, point.shortageAfter))
            #expect(frontier.value(row: 5 + offset, column: 10) == .string("integer"))
            #expect(frontier.value(row: 5 + offset, column: 11).numberValue == point.planFromMultiplier)
        }
        #expect(frontier.cells.contains { $0.value.stringValue?.contains("Points are integer plans") == true })
        let assumptions = try document.sheet(named: "Assumptions")
        for text in ["Công nghệ khuôn mẫu", "Bắc Ninh", "Ô tô và linh kiện", "Regional floor", "Internships at domestic SMEs"] {
            #expect(assumptions.cells.contains { $0.value == .string(text) }, "\(text)")
        }
        let audit = try document.sheet(named: "Audit")
        let values = audit.cells.filter { $0.column == 2 }.map(\.value)
        #expect(values.contains(.string("run-42")))
        #expect(values.contains(.string("sha256:0123abcd")))
        #expect(values.contains(.string("0.9.0-test")))
        #expect(values.contains(.string(XLSXWorkbook.libraryVersion)))
        #expect(values.contains(.string(context.audit.solverVersion)))
        #expect(context.audit.solverVersion.contains("CBC"))
    }
}
