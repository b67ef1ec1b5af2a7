import Testing

@testable import ExcelExport

@Suite("Cell addresses")
struct CellAddressTests {
    @Test(
        "A1 references and 1-based positions agree",
        arguments: [
            ("A1", 1, 1), ("B2", 2, 2), ("Z9", 9, 26), ("AA10", 10, 27), ("AZ1", 1, 52), ("BA1", 1, 53),
            ("XFD1048576", 1_048_576, 16_384), ("$C$7", 7, 3),
        ])
    func parse(reference: String, row: Int, column: Int) throws {
        let cell = try CellAddress(reference)
        #expect(cell == CellAddress(row: row, column: column))
        #expect(cell.a1 == reference.replacingOccurrences(of: "$", with: ""))
    }

    @Test("malformed references are rejected", arguments: ["", "A", "7", "1A", "A0", "XFE1", "A1048577", "A-1", "ABCD1"])
    func malformed(reference: String) {
        #expect(throws: ExcelWriteError.self) { try CellAddress(reference) }
    }

    @Test("ranges normalise their corners and quote sheet names")
    func ranges() throws {
        let range = CellRange(from: CellAddress(row: 4, column: 2), to: CellAddress(row: 2, column: 1))
        #expect(range.a1 == "A2:B4")
        #expect(range.absoluteA1 == "$A$2:$B$4")
        #expect(range.rowCount == 3 && range.columnCount == 2)
        #expect(try CellRange("B2:B4") == CellRange(rows: 2...4, columns: 2...2))
        #expect(SheetRange(sheet: "Dự báo's", range: range).formulaReference == "'Dự báo''s'!$A$2:$B$4")
    }
}
