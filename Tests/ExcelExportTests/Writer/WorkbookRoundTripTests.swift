import Foundation
import Testing
import XLSXReading

@testable import ExcelExport

/// Writes a workbook using every feature of the writer, reads it back with XLSXReading and
/// checks what was stored.
@Suite("Workbook round trip")
struct WorkbookRoundTripTests {
    static let regions = ["Hà Nội", "Bắc Ninh", "Đồng Nai"]
    static let budgets = [12_000_000, 7_500_000, 16_500_000]  // whole VND
    static let shares = [0.35, 0.215, 0.4]
    static let created = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z

    /// Writes the sample workbook to `url`.
    static func writeSample(to url: URL) throws {
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: "Kế hoạch quỹ 2026", subject: "Fund allocation", author: "SkillPlan",
                company: "Quỹ phát triển công nghiệp hỗ trợ", keywords: "skills, fund",
                comments: "Round-trip test", created: created))
        let plan = try workbook.addWorksheet(named: "Kế hoạch")
        let gap = try workbook.addWorksheet(named: "Gap")
        let lists = try workbook.addLookupLists([(title: "Region", values: regions)])

        try plan.merge(CellRange("A6:D6"), content: "Tổng hợp", style: .title)
        try plan.writeRow(["Region", "Budget (VND)", "Share", "Funded"], startingAt: CellAddress("A1"), style: .header)
        for (index, region) in regions.enumerated() {
            let row = index + 2
            try plan.write(.string(region), row: row, column: 1)
            try plan.write(.integer(budgets[index]), row: row, column: 2, style: .vnd)
            try plan.write(.number(shares[index]), row: row, column: 3, style: .percent)
            try plan.write(.boolean(index != 1), row: row, column: 4)
        }
        let total = budgets.reduce(0, +)
        try plan.write("Total", row: 5, column: 1, style: CellStyle(bold: true))
        var totalStyle = CellStyle.vnd
        totalStyle.bold = true
        try plan.write(.formula(Formula("=SUM(B2:B4)", value: Double(total))), row: 5, column: 2, style: totalStyle)
        try plan.write(.formula(Formula(#"IF(B5>0,"ok","none")"#, text: "ok")), row: 5, column: 3)
        try plan.write(.date(created), row: 7, column: 1)
        try plan.write(.url("https://example.org/quy", text: "Quỹ"), row: 7, column: 2)
        try plan.addNote("Whole VND, no decimals", at: CellAddress("B1"), author: "SkillPlan")
        try plan.setColumnWidth(18, column: 1)
        try plan.setColumnWidth(16, columns: 2...3)
        try plan.setRowHeight(30, row: 1)
        try plan.freezePanes(rows: 1)
        try plan.setAutofilter(CellRange("A1:D4"))
        try plan.addDataValidation(
            DataValidation(
                .listFromRange(lists[0]), inputTitle: "Region", inputMessage: "Pick a province",
                errorTitle: "Unknown region", errorMessage: "Choose a region from the list"),
            to: CellRange("A2:A4"))
        try plan.addDataValidation(
            DataValidation(.list(["yes", "no"]), errorMessage: "yes or no"), to: CellRange("E2:E4"))
        try plan.addDataValidation(
            DataValidation(.wholeNumber(minimum: 0, maximum: 50_000_000_000), errorMessage: "Whole VND, 0 to 50 billion"),
            to: CellRange("B2:B4"))
        try plan.addDataValidation(DataValidation(.decimal(minimum: 0, maximum: 1)), to: CellRange("C2:C4"))

        try gap.writeRow(["Year", "Automation", "Moulds"], startingAt: CellAddress("A1"), style: .header)
        let years = [2026, 2027, 2028, 2029]
        let automation = [120.5, 98.0, 60.25, -3.5]
        let moulds = [80.0, 75.5, 40.0, 12.0]
        for (index, year) in years.enumerated() {
            try gap.write(.integer(year), row: index + 2, column: 1)
            try gap.write(.number(automation[index]), row: index + 2, column: 2, style: .engineers)
            try gap.write(.number(moulds[index]), row: index + 2, column: 3, style: .engineers)
        }
        try gap.addConditionalFormat(.shortage, to: CellRange("B2:C5"))
        try gap.addConditionalFormat(.greenToRed, to: CellRange("B2:B5"))
        let categories = SheetRange(sheet: "Gap", range: try CellRange("A2:A5"))
        try gap.insertChart(
            Chart(
                .line, title: "Engineer gap", categoryAxisTitle: "Year", valueAxisTitle: "Engineers",
                series: [
                    .init(name: "Automation", categories: categories, values: SheetRange(sheet: "Gap", range: try CellRange("B2:B5"))),
                    .init(name: "Moulds", categories: categories, values: SheetRange(sheet: "Gap", range: try CellRange("C2:C5")), color: .navy),
                ]),
            at: CellAddress("E2"), size: ChartSize(width: 640, height: 320))
        try gap.insertChart(
            Chart(
                .column, title: "Gap by year", legendPosition: .right,
                series: [.init(name: "Moulds", categories: categories, values: SheetRange(sheet: "Gap", range: try CellRange("C2:C5")))]),
            at: CellAddress("E20"))
        try plan.activate()
        try workbook.close()
    }

    @Test("values, formulas, sheets, validations, charts and properties survive the round trip")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("plan.xlsx")
        try Self.writeSample(to: url)

        #expect(try directory.contents() == ["plan.xlsx"], "no temporary file is left behind")
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheetNames == ["Kế hoạch", "Gap", "Lists"])
        #expect(document.activeSheetIndex == 0)

        let plan = try document.sheet(named: "Kế hoạch")
        #expect(plan.visibility == .visible)
        #expect(try document.sheet(named: "Lists").visibility == .hidden)

        // Vietnamese strings round-trip exactly (precomposed or not, as written).
        for (index, region) in Self.regions.enumerated() {
            let cell = try #require(plan.cell(row: index + 2, column: 1))
            #expect(cell.value == .string(region))
            #expect(cell.value.stringValue?.unicodeScalars.elementsEqual(region.unicodeScalars) == true)
        }
        // Whole VND come back exactly, as raw numbers.
        for (index, budget) in Self.budgets.enumerated() {
            let cell = try #require(plan.cell("B\(index + 2)"))
            #expect(cell.value.integerValue == budget)
            #expect(cell.rawValue == String(budget))
        }
        #expect(plan.cell("C2")?.value == .number(0.35))
        #expect(plan.cell("C3")?.value == .number(0.215))
        #expect(plan.cell("D2")?.value == .boolean(true))
        #expect(plan.cell("D3")?.value == .boolean(false))

        // Formula text and cached value.
        let sum = try #require(plan.cell("B5"))
        #expect(sum.formula == "SUM(B2:B4)")
        #expect(sum.value == .number(36_000_000))
        let text = try #require(plan.cell("C5"))
        #expect(text.formula == #"IF(B5>0,"ok","none")"#)
        #expect(text.value == .string("ok"))

        // The date is an Excel serial number: days since 1899-12-30.
        let serial = Self.created.timeIntervalSince1970 / 86_400 + 25_569
        let date = try #require(plan.cell("A7")?.value.numberValue)
        #expect(abs(date - serial) < 1e-6)
        #expect(plan.cell("B7")?.value == .string("Quỹ"))
        #expect(plan.cell("A6")?.value == .string("Tổng hợp"))
        #expect(plan.mergedRanges == ["A6:D6"])

        // Dense rows.
        let rows = try document.rows(ofSheet: "Kế hoạch")
        #expect(rows.count == 7)
        #expect(rows[0] == [.string("Region"), .string("Budget (VND)"), .string("Share"), .string("Funded")])
        #expect(rows[2][1] == .number(7_500_000))

        // Layout.
        #expect(plan.frozenPane == XLSXFrozenPane(rows: 1, columns: 0, topLeftCell: "A2"))
        #expect(plan.autoFilter == "A1:D4")
        #expect(plan.columnWidths[1] != nil && plan.columnWidths[2] != nil && plan.columnWidths[3] != nil)

        // Validations.
        #expect(plan.dataValidations.count == 4)
        let regionList = try #require(plan.dataValidations.first { $0.sqref == "A2:A4" })
        #expect(regionList.type == "list")
        #expect(regionList.formula1 == "'Lists'!$A$2:$A$4")
        #expect(regionList.prompt == "Pick a province")
        #expect(regionList.errorMessage == "Choose a region from the list")
        let yesNo = try #require(plan.dataValidations.first { $0.sqref == "E2:E4" })
        #expect(yesNo.listItems == ["yes", "no"])
        let whole = try #require(plan.dataValidations.first { $0.sqref == "B2:B4" })
        #expect(whole.type == "whole")
        #expect(whole.formula1 == "0")
        #expect(whole.formula2 == "50000000000")
        let decimal = try #require(plan.dataValidations.first { $0.sqref == "C2:C4" })
        #expect(decimal.type == "decimal")
        #expect(decimal.formula2 == "1")
        let lists = try document.sheet(named: "Lists")
        #expect(lists.cells.map(\.value) == [.string("Region")] + Self.regions.map { .string($0) })

        // Gap sheet: conditional formats and charts.
        let gap = try document.sheet(named: "Gap")
        #expect(gap.value(row: 5, column: 2) == .number(-3.5))
        #expect(gap.cell("B4")?.value == .number(60.25))
        let shortage = try #require(gap.conditionalFormats.first { $0.type == "cellIs" })
        #expect(shortage.sqref == "B2:C5")
        #expect(shortage.operatorName == "greaterThan")
        #expect(shortage.formulas == ["0"])
        let scale = try #require(gap.conditionalFormats.first { $0.type == "colorScale" })
        #expect(scale.colorCount == 3)
        #expect(gap.hasDrawing)
        #expect(!plan.hasDrawing)
        #expect(document.chartCount == 2)

        // Properties.
        #expect(document.properties.title == "Kế hoạch quỹ 2026")
        #expect(document.properties.subject == "Fund allocation")
        #expect(document.properties.creator == "SkillPlan")
        #expect(document.properties.keywords == "skills, fund")
        #expect(document.properties.description == "Round-trip test")
        #expect(document.properties.company == "Quỹ phát triển công nghiệp hỗ trợ")
        #expect(document.properties.created == Self.created)
    }

    @Test("equal styles share one format; different styles do not")
    func styleSharing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("styles.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        let sheet = try workbook.addWorksheet(named: "S")
        var boldVND = CellStyle.vnd
        boldVND.bold = true
        try sheet.write(1, row: 1, column: 1, style: .vnd)
        try sheet.write(2, row: 2, column: 1, style: CellStyle(numberFormat: "#,##0"))
        try sheet.write(3, row: 3, column: 1, style: boldVND)
        try sheet.write(4, row: 4, column: 1)
        try workbook.close()

        let read = try XLSXDocument(contentsOf: url).sheet(named: "S")
        let first = try #require(read.cell("A1")?.styleIndex)
        #expect(read.cell("A2")?.styleIndex == first)
        #expect(read.cell("A3")?.styleIndex != first)
        #expect(read.cell("A3")?.styleIndex != nil)
        #expect(read.cell("A4")?.styleIndex == nil)
    }

    @Test("a big sheet keeps every row and column number exact")
    func manyCells() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("big.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        let sheet = try workbook.addWorksheet(named: "Big")
        for row in 1...200 {
            for column in [1, 2, 27, 28] {
                try sheet.write(.integer(row * 100_000 + column), row: row, column: column)
            }
        }
        try workbook.close()

        let read = try XLSXDocument(contentsOf: url).sheet(named: "Big")
        #expect(read.cells.count == 800)
        #expect(read.lastRow == 200 && read.lastColumn == 28)
        for cell in read.cells {
            #expect(cell.value.integerValue == cell.row * 100_000 + cell.column)
        }
        #expect(read.cell("AB200")?.value == .number(20_000_028))
    }

    @Test("writing again replaces the old file; ZIP64 output reads back", arguments: [false, true])
    func replaceExisting(useZip64: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("plan.xlsx")
        for version in 1...2 {
            let workbook = try XLSXWorkbook(destination: url, options: .init(useZip64: useZip64))
            try workbook.addWorksheet(named: "V\(version)").write(.integer(version), row: 1, column: 1)
            try workbook.close()
        }
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheetNames == ["V2"])
        #expect(try document.cell("A1", inSheet: "V2")?.value == .number(2))
        #expect(try directory.contents() == ["plan.xlsx"])
    }

    @Test("the library version is reported")
    func libraryVersion() {
        #expect(XLSXWorkbook.libraryVersion == "1.1.4")
    }
}
