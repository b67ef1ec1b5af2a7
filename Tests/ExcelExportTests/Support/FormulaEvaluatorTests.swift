import Foundation
import Testing
import XLSXReading

@testable import ExcelExport

/// The evaluator itself, on a workbook with hand-worked values, so a broken evaluator cannot
/// make the workbook checks pass by accident.
@Suite("Formula evaluator")
struct FormulaEvaluatorTests {
    @Test("SUM, SUMIFS with one and two criteria, arithmetic and sheet references")
    func handWorkedValues() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file("evaluator.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        let items = try workbook.addWorksheet(named: "Item list")
        let other = try workbook.addWorksheet(named: "Other")
        let rows: [(String, Int, Double)] = [("a", 2027, 10), ("b", 2028, 20), ("a", 2028, 30.5), ("A", 2027, 4)]
        for (offset, row) in rows.enumerated() {
            try items.write(.string(row.0), row: offset + 1, column: 1)
            try items.write(.integer(row.1), row: offset + 1, column: 2)
            try items.write(.number(row.2), row: offset + 1, column: 3)
        }
        try other.write(.integer(2028), row: 1, column: 1)
        try other.write(.string("a"), row: 1, column: 2)
        try workbook.close()

        let document = try XLSXDocument(contentsOf: url)
        let evaluator = FormulaEvaluator(document: document, sheet: "Other")
        #expect(try evaluator.evaluate("SUM('Item list'!C1:C4)") == 64.5)
        #expect(try evaluator.evaluate("SUMIFS('Item list'!$C$1:$C$4,'Item list'!$B$1:$B$4,$A1)") == 50.5)
        #expect(try evaluator.evaluate("SUMIFS('Item list'!$C$1:$C$4,'Item list'!$A$1:$A$4,B1)") == 44.5)
        #expect(try evaluator.evaluate("SUMIFS('Item list'!$C$1:$C$4,'Item list'!$A$1:$A$4,B1,'Item list'!$B$1:$B$4,A1)") == 30.5)
        #expect(try evaluator.evaluate("=(A1-2000)*2/4+-1") == 13)
        #expect(try evaluator.evaluate("'Item list'!C2/Other!A1*2028") == 20)
        #expect(throws: FormulaEvaluator.Failure.self) { try evaluator.evaluate("AVERAGE(A1:A2)") }
    }
}
