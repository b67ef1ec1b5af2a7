import Foundation
import Testing
import XLSXReading

@testable import ExcelExport

@Suite("Hidden and active sheets")
struct SheetVisibilityTests {
    @Test("a hidden first sheet is not the one shown on opening")
    func hiddenFirstSheet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("lists-first.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        let ranges = try workbook.addLookupLists([(title: "Skill", values: ["automation", "moulds"]), (title: "Region", values: [])])
        let plan = try workbook.addWorksheet(named: "Plan")
        try plan.addDataValidation(DataValidation(.listFromRange(ranges[0])), to: CellRange("A2:A50"))
        try workbook.close()

        #expect(ranges.map(\.formulaReference) == ["'Lists'!$A$2:$A$3", "'Lists'!$B$2"])
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheets.map(\.visibility) == [.hidden, .visible])
        #expect(document.activeSheetIndex == 1)
        #expect(try document.sheet(named: "Plan").dataValidations.first?.formula1 == "'Lists'!$A$2:$A$3")
    }

    @Test("the activated sheet is shown on opening")
    func activated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("active.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        for name in ["A", "B", "C"] { try workbook.addWorksheet(named: name) }
        try workbook.worksheet(named: "C")?.activate()
        try workbook.close()
        #expect(try XLSXDocument(contentsOf: url).activeSheetIndex == 2)
    }

    @Test("hiding every sheet is refused at close, and the workbook stays usable")
    func everySheetHidden() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("hidden.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        let only = try workbook.addWorksheet(named: "Only")
        try only.hide()
        let error = try #require(throws: ExcelWriteError.self) { try workbook.close() }
        #expect(error.code == .invalidArgument)
        #expect(!workbook.isClosed)
        #expect(try directory.contents().isEmpty)
        try only.activate()
        try workbook.close()
        #expect(try XLSXDocument(contentsOf: url).sheets.map(\.visibility) == [.visible])
    }
}
