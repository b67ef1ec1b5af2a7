import Testing
import XLSXReading

@Suite("Cell references")
struct CellReferenceTests {
    @Test(
        "A1 references convert both ways",
        arguments: [("A1", 1, 1), ("Z26", 26, 26), ("AA1", 1, 27), ("AZ3", 3, 52), ("BA3", 3, 53), ("XFD1048576", 1_048_576, 16_384)])
    func roundTrip(reference: String, row: Int, column: Int) throws {
        let position = try #require(CellReference.position(of: reference))
        #expect(position.row == row && position.column == column)
        #expect(CellReference.reference(row: row, column: column) == reference)
    }

    @Test("malformed references give nil", arguments: ["", "A", "12", "1A", "A0", "A1B", "ABCD1", "XFE1", "A1048577", "A 1"])
    func malformed(reference: String) {
        #expect(CellReference.position(of: reference) == nil)
    }

    @Test("every column number survives letters and back")
    func columns() {
        for column in 1...16_384 {
            let letters = CellReference.columnLetters(column)
            #expect(CellReference.position(of: letters + "1")?.column == column)
        }
    }
}
