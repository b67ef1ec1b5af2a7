import Foundation
import Testing
import XLSXReading

@testable import ExcelExport

@Suite("Writer errors")
struct WorkbookErrorTests {
    @Test(
        "invalid sheet names are rejected with a reason",
        arguments: [
            ("", "is empty"),
            (String(repeating: "x", count: 32), "at most 31"),
            ("Gap[2026]", "'['"),
            ("a:b", "':'"),
            ("who?", "'?'"),
            ("a/b", "'/'"),
            (#"a\b"#, #"'\'"#),
            ("star*", "'*'"),
            ("'quoted", "apostrophe"),
        ])
    func badSheetName(name: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("bad.xlsx"))
        let error = try #require(throws: ExcelWriteError.self) { try workbook.addWorksheet(named: name) }
        #expect(error.code == .invalidSheetName)
        #expect(error.description.contains(reason))
        #expect(workbook.worksheets.isEmpty)
    }

    @Test("31 characters of Vietnamese is a valid sheet name")
    func longestName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("ok.xlsx"))
        let name = String(repeating: "Đ", count: 31)
        #expect(try workbook.addWorksheet(named: name).name == name)
    }

    @Test("a duplicate sheet name is rejected, ignoring case")
    func duplicateSheetName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("dup.xlsx"))
        try workbook.addWorksheet(named: "Plan")
        for name in ["Plan", "PLAN"] {
            let error = try #require(throws: ExcelWriteError.self) { try workbook.addWorksheet(named: name) }
            #expect(error.code == .duplicateSheetName)
            #expect(error.sheet == name)
        }
        #expect(workbook.worksheets.map(\.name) == ["Plan"])
    }

    @Test("a directory that does not exist gives a typed error and no file")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("absent").appendingPathComponent("plan.xlsx")
        let error = try #require(throws: ExcelWriteError.self) { try XLSXWorkbook(destination: url) }
        #expect(error.code == .destinationUnavailable)
        #expect(error.path == url.path)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("an unwritable directory gives a typed error and leaves no file")
    func unwritableDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A regular file where a directory should be: unwritable even for root.
        let blocker = directory.file("blocker")
        try Data("not a directory".utf8).write(to: blocker)
        let url = blocker.appendingPathComponent("plan.xlsx")
        let error = try #require(throws: ExcelWriteError.self) { try XLSXWorkbook(destination: url) }
        #expect(error.code == .destinationUnavailable)
        #expect(try directory.contents() == ["blocker"])

        // Permissions (only meaningful when not running as root).
        if getuid() != 0 {
            let locked = directory.file("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
            let lockedError = try #require(throws: ExcelWriteError.self) {
                try XLSXWorkbook(destination: locked.appendingPathComponent("plan.xlsx"))
            }
            #expect(lockedError.code == .destinationUnavailable)
            #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
        }
    }

    @Test("when writing fails at close, the temporary file is removed and nothing is at the destination")
    func failureAtClose() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("plan.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        try workbook.addWorksheet(named: "Plan").write("x", row: 1, column: 1)
        // The destination is a directory: libxlsxwriter writes the temporary file, the rename fails.
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("keep"), withIntermediateDirectories: false)
        let error = try #require(throws: ExcelWriteError.self) { try workbook.close() }
        #expect(error.code == .fileSystem)
        #expect(try directory.contents() == ["plan.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["keep"])
        #expect(workbook.isClosed)
    }

    @Test("a workbook that is never closed writes nothing")
    func neverClosed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let workbook = try XLSXWorkbook(destination: directory.file("plan.xlsx"))
            try workbook.addWorksheet(named: "Plan").write(1, row: 1, column: 1, style: .vnd)
        }
        #expect(try directory.contents().isEmpty)
    }

    @Test("a closed workbook refuses changes instead of crashing")
    func closedWorkbook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("plan.xlsx"))
        let sheet = try workbook.addWorksheet(named: "Plan")
        try workbook.close()
        #expect(throws: ExcelWriteError.self) { try sheet.write("late", row: 1, column: 1) }
        let error = try #require(throws: ExcelWriteError.self) { try workbook.addWorksheet(named: "More") }
        #expect(error.code == .workbookClosed)
        #expect(throws: ExcelWriteError.self) { try workbook.close() }
        #expect(try XLSXDocument(contentsOf: directory.file("plan.xlsx")).sheetNames == ["Plan"])
    }

    @Test("values Excel cannot hold are rejected")
    func badValues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("plan.xlsx"))
        let sheet = try workbook.addWorksheet(named: "Plan")
        for content: CellContent in [
            .number(.nan), .number(.infinity), .integer(1 << 60), .formula(Formula("1/0", value: .infinity)),
        ] {
            let error = try #require(throws: ExcelWriteError.self) { try sheet.write(content, row: 1, column: 1) }
            #expect(error.code == .invalidArgument)
        }
        for (row, column) in [(0, 1), (1, 0), (1_048_577, 1), (1, 16_385)] {
            let error = try #require(throws: ExcelWriteError.self) { try sheet.write(1, row: row, column: column) }
            #expect(error.code == .invalidCellAddress)
        }
        let longText = try #require(throws: ExcelWriteError.self) {
            try sheet.write(.string(String(repeating: "a", count: 32_768)), row: 1, column: 1)
        }
        #expect(longText.code == .valueTooLong)
        #expect(longText.libraryErrorNumber != nil)
    }

    @Test("bad validations and charts are rejected with a reason")
    func badValidationsAndCharts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("plan.xlsx"))
        let sheet = try workbook.addWorksheet(named: "Plan")
        let range = try CellRange("A2:A10")
        let tooLong = (1...60).map { "item\($0)" }
        let cases: [(DataValidation, ExcelWriteError.Code, String)] = [
            (DataValidation(.list([])), .invalidArgument, "at least one"),
            (DataValidation(.list(tooLong)), .invalidArgument, "listFromRange"),
            (DataValidation(.list(["a,b"])), .invalidArgument, "comma"),
            (DataValidation(.wholeNumber(minimum: nil, maximum: nil)), .invalidArgument, "minimum"),
            (DataValidation(.decimal(minimum: 2, maximum: 1)), .invalidArgument, "above the maximum"),
            (DataValidation(.listFromRange(SheetRange(sheet: "Nope", range: range))), .invalidArgument, "Nope"),
            (DataValidation(.list(["a"]), inputTitle: String(repeating: "t", count: 33)), .valueTooLong, "32"),
        ]
        for (validation, code, reason) in cases {
            let error = try #require(throws: ExcelWriteError.self) { try sheet.addDataValidation(validation, to: range) }
            #expect(error.code == code)
            #expect(error.message.contains(reason), "\(error)")
        }
        let values = SheetRange(sheet: "Missing", range: range)
        let chartError = try #require(throws: ExcelWriteError.self) {
            try sheet.insertChart(
                Chart(.column, series: [.init(name: "x", categories: values, values: values)]), at: CellAddress("C2"))
        }
        #expect(chartError.message.contains("Missing"))
        #expect(throws: ExcelWriteError.self) { try sheet.insertChart(Chart(.line), at: CellAddress("C2")) }
        try workbook.close()
    }

    @Test("a workbook and its sheets are freed once let go, closed or not (sheets are handles, not owners)")
    func freedAfterUse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        weak var closed: XLSXWorkbook?
        weak var abandoned: XLSXWorkbook?
        do {
            let workbook = try XLSXWorkbook(destination: directory.file("closed.xlsx"))
            let sheet = try workbook.addWorksheet(named: "Plan")
            try sheet.write(.string("kept until closed"), row: 1, column: 1)
            try workbook.addWorksheet(named: "Hidden").hide()
            #expect(workbook.worksheets.map(\.isHidden) == [false, true])
            #expect(workbook.worksheet(named: "Hidden")?.isHidden == true)
            try workbook.close()
            #expect(sheet.name == "Plan")
            closed = workbook
            let unfinished = try XLSXWorkbook(destination: directory.file("abandoned.xlsx"))
            try unfinished.addWorksheet(named: "Plan").write(.number(1), row: 1, column: 1)
            abandoned = unfinished
        }
        #expect(closed == nil)
        #expect(abandoned == nil)
        #expect(try directory.contents() == ["closed.xlsx"])
    }
}
