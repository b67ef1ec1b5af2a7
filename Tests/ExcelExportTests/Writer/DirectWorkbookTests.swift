import Foundation
import Testing
import XLSXReading

@testable import ExcelExport

/// SkillPlan's own writer (``DirectWorkbook``) against libxlsxwriter (``XLSXWorkbook``): the same
/// sheets written through ``WorksheetWriting`` by both must read back the same, cell for cell and
/// setting for setting.
@Suite("Direct workbook writer")
struct DirectWorkbookTests {
    static let created = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z
    static let properties = DocumentProperties(
        title: "Thực tập — Công ty & Cộng sự", subject: "Interns <round 1>", author: "SkillPlan",
        company: "Quỹ phát triển công nghiệp hỗ trợ", category: "Interns", keywords: "skills, \"interns\"",
        comments: "Round-trip test", created: created)

    /// Writes two sheets using everything ``WorksheetWriting`` offers.
    static func writeSample(_ addSheet: (String) throws -> any WorksheetWriting) throws {
        let plan = try addSheet("Thực tập sinh")
        let other = try addSheet("Notes")
        try plan.write(.string("Interns — Công ty TNHH Phụ liệu (ENT-0003)"), row: 1, column: 1, style: .title)
        for (column, header) in ["Posting", "Student", "Rank", "Support (VND)", "Share", "Funded", "Why"].enumerated() {
            try plan.write(.string(header), row: 4, column: column + 1, style: .header)
        }
        let rows: [[CellContent]] = [
            ["P-01", "S-0001", 1, .number(8_200_000), 0.35, true, " leading space"],
            ["P-01", "S-0002", 2, .number(4_100_000.5), 0.215, false, "a < b & c > d \"quoted\""],
            ["P-02 & co", "S-0003", 3, .number(-12.75), 1e-7, true, "line one\nline two\ttab"],
            ["P-03", .blank, 4, .number(0.1 + 0.2), 123_456_789.123, false, "Đồng Nai, Bắc Ninh"],
        ]
        for (offset, cells) in rows.enumerated() {
            for (column, content) in cells.enumerated() {
                let style: CellStyle? = column == 3 ? .vnd : column == 4 ? .percent : column == 6 ? .wrappedText : nil
                try plan.write(content, row: 5 + offset, column: column + 1, style: style)
            }
        }
        // Written out of column order, and one cell written twice (the second wins).
        try plan.write(.integer(99), row: 9, column: 5, style: .percent)
        try plan.write(.string("Total"), row: 9, column: 1, style: WorkbookStyles.total(nil))
        try plan.write(.integer(7), row: 9, column: 3)
        try plan.write(.integer(10), row: 9, column: 3, style: WorkbookStyles.total(.vnd))
        try plan.write(.formula(Formula("SUM(D5:D8)", value: 12_300_087.75)), row: 9, column: 4, style: WorkbookStyles.total(.vnd))
        try plan.write(.formula(Formula("=IF(D9>0,\"ok\",\"none\")", text: "ok")), row: 9, column: 6)
        try plan.write(.blank, row: 9, column: 7, style: WorkbookStyles.total(nil))
        try plan.write(.blank, row: 9, column: 8)  // no style: nothing written
        try plan.write(.date(created), row: 11, column: 1)
        try plan.merge(CellRange(rows: 2...2, columns: 1...7), content: "A note across the table.", style: WorkbookStyles.wrappedSubtitle)
        try plan.setRowHeight(32, row: 2)
        try plan.setRowHeight(64, row: 4)
        for (column, width) in [12, 10, 9, 15.5, 0.5, 8, 52].enumerated() {
            try plan.setColumnWidth(Double(width), column: column + 1)
        }
        try plan.freezePanes(rows: 4)
        try plan.setAutofilter(CellRange(rows: 4...8, columns: 1...7))
        try plan.addConditionalFormat(.shortage, to: CellRange(rows: 5...8, columns: 4...4))
        try plan.addConditionalFormat(
            .cellValueBetween(low: 0.2, high: 0.5, style: CellStyle(bold: true, fill: .lightGreen)), to: CellRange(rows: 5...8, columns: 5...5))
        try plan.addConditionalFormat(.greenToRed, to: CellRange(rows: 5...8, columns: 3...3))
        try plan.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, fitWidth: 1, fitHeight: 0, repeatedRows: 4...4,
            printArea: CellRange(rows: 1...9, columns: 1...7),
            header: HeaderFooter(left: [.text("Interns — R&D")], right: [.text("Run 2 · 2026-12-03")]),
            footer: HeaderFooter(left: [.sheetName], right: HeaderFooter.parts("Page {page} of {pages}"))))
        try other.write(.string("Thực tập sinh"), row: 1, column: 1)
        try other.freezePanes(rows: 1, columns: 2)
        try other.setPageSetup(PageSetup(orientation: .portrait, paper: .letter, fitWidth: 0, fitHeight: 0, centredHorizontally: true))
    }

    static func writeBoth(in directory: TemporaryDirectory) throws -> (library: XLSXDocument, direct: XLSXDocument) {
        let libraryURL = directory.file("library.xlsx")
        let library = try XLSXWorkbook(destination: libraryURL, properties: properties)
        try writeSample { try library.addWorksheet(named: $0) }
        try library.close()
        let directURL = directory.file("direct.xlsx")
        let direct = try DirectWorkbook(destination: directURL, properties: properties)
        try writeSample { try direct.addWorksheet(named: $0) }
        try direct.close()
        return (try XLSXDocument(contentsOf: libraryURL), try XLSXDocument(contentsOf: directURL))
    }

    @Test("both writers' workbooks read back the same: cells, formulas, styles, layout, names, properties")
    func sameAsLibxlsxwriter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (library, direct) = try Self.writeBoth(in: directory)
        #expect(direct.sheetNames == ["Thực tập sinh", "Notes"])
        #expect(direct.sheetNames == library.sheetNames)
        #expect(direct.activeSheetIndex == library.activeSheetIndex)
        #expect(direct.properties == library.properties)
        #expect(direct.properties.title == "Thực tập — Công ty & Cộng sự")
        #expect(Set(direct.definedNames) == Set(library.definedNames))
        #expect(direct.definedNames.count == 3)
        for (ours, theirs) in zip(direct.sheets, library.sheets) {
            #expect(ours.cells.count == theirs.cells.count, "cells of \(ours.name)")
            for (cell, expected) in zip(ours.cells, theirs.cells) {
                #expect(cell.reference == expected.reference)
                if case .number(let ours) = cell.value, case .number(let theirs) = expected.value {
                    // libxlsxwriter writes 16 significant digits; ours round-trips exactly.
                    #expect(abs(ours - theirs) <= abs(theirs) * 1e-15, "value of \(cell.reference)")
                } else {
                    #expect(cell.value == expected.value, "value of \(cell.reference)")
                }
                #expect(cell.formula == expected.formula, "formula of \(cell.reference)")
                #expect(cell.styleIndex == expected.styleIndex, "style of \(cell.reference)")
            }
            #expect(ours.conditionalFormats == theirs.conditionalFormats)
            #expect(ours.frozenPane == theirs.frozenPane)
            #expect(ours.autoFilter == theirs.autoFilter)
            #expect(ours.mergedRanges == theirs.mergedRanges)
            #expect(ours.columnWidths == theirs.columnWidths)
            #expect(ours.visibility == theirs.visibility)
        }
        // What the sample means, read from our file alone.
        let sheet = try direct.sheet(named: "Thực tập sinh")
        #expect(sheet.value(row: 7, column: 7) == .string("line one\nline two\ttab"))
        #expect(sheet.value(row: 5, column: 7) == .string(" leading space"))
        #expect(sheet.value(row: 8, column: 4) == .number(0.1 + 0.2))  // stored exactly
        #expect(sheet.value(row: 9, column: 3) == .number(10))
        #expect(sheet.cell(row: 9, column: 6)?.formula == #"IF(D9>0,"ok","none")"#)
        #expect(sheet.cell(row: 9, column: 8) == nil)
        #expect(sheet.columnWidths[1] == 12.7109375)
    }

    @Test("the styles, page setup and header of both writers are the same XML")
    func sameStylesAndPageSetup() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try Self.writeBoth(in: directory)
        let library = try Self.parts(of: directory.file("library.xlsx"))
        let direct = try Self.parts(of: directory.file("direct.xlsx"))
        #expect(direct["xl/styles.xml"] == library["xl/styles.xml"])
        #expect(Set(direct.keys) == Set(library.keys))
        for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            for element in ["<pageSetup", "<headerFooter>", "<sheetPr>", "<pageMargins", "<printOptions", "<sheetView", "<cols>", "<mergeCells"] {
                #expect(
                    Self.element(element, in: direct[sheet] ?? "") == Self.element(element, in: library[sheet] ?? ""),
                    "\(element) of \(sheet)")
            }
        }
    }

    /// The text of each part of an `.xlsx`, by name (read with `unzip -p`).
    static func parts(of url: URL) throws -> [String: String] {
        var parts: [String: String] = [:]
        for name in try run("/usr/bin/unzip", ["-Z1", url.path]).split(separator: "\n") {
            parts[String(name)] = try run("/usr/bin/unzip", ["-p", url.path, String(name)])
        }
        return parts
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The first element starting with `start`, up to its end, or "" if none.
    static func element(_ start: String, in xml: String) -> String {
        guard let open = xml.range(of: start) else { return "" }
        let rest = xml[open.lowerBound...]
        let name = start.dropFirst().prefix { $0 != " " && $0 != ">" }
        if let close = rest.range(of: "</\(name)>") { return String(rest[..<close.upperBound]) }
        return String(rest.prefix { $0 != ">" })
    }

    @Test("numbers are written as Excel reads them back exactly", arguments: [
        (0.0, "0"), (-0.0, "0"), (5, "5"), (-12, "-12"), (8_200_000, "8200000"), (0.1, "0.1"), (-12.75, "-12.75"),
        (1e-7, "1e-07"), (0.30000000000000004, "0.30000000000000004"), (1e15, "1000000000000000"), (1e20, "1e+20"), (123_456_789.123, "123456789.123"),
    ])
    func numbers(value: Double, text: String) {
        var xml = XMLBytes()
        xml.number(value)
        #expect(String(decoding: xml.bytes, as: UTF8.self) == text)
        #expect(Double(text) == value)
    }

    @Test("integers and column letters", arguments: [
        (1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD"),
    ])
    func columnLetters(column: Int, letters: String) {
        var xml = XMLBytes()
        xml.cellReference(row: 1_048_576, column: column)
        #expect(String(decoding: xml.bytes, as: UTF8.self) == letters + "1048576")
        var integers = XMLBytes()
        for value in [0, 9, 10, -7, Int.max, Int.min] {
            integers.integer(value)
            integers.markup(",")
        }
        #expect(String(decoding: integers.bytes, as: UTF8.self) == "0,9,10,-7,\(Int.max),\(Int.min),")
    }

    @Test("texts are escaped; control characters become Excel's _xHHHH_ escapes")
    func escaping() {
        var xml = XMLBytes()
        xml.text("a<b>&c\"")
        xml.attribute("|\"&")
        xml.cellText("bell\u{07}|")
        #expect(String(decoding: xml.bytes, as: UTF8.self) == "a&lt;b&gt;&amp;c\"|&quot;&amp;bell_x0007_|")
    }

    @Test("column widths are stored in whole pixels, as libxlsxwriter stores them", arguments: [
        (12.0, 12.7109375), (8.43, 9.140625), (0.5, 0.85546875), (0.0, 0.0), (52.0, 52.7109375),
    ])
    func storedWidths(width: Double, stored: Double) {
        #expect(SheetContent.storedWidth(width) == stored)
    }

    @Test("bad input is refused with the sheet and cell, and nothing is left at the destination")
    func errors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("bad.xlsx")
        let workbook = try DirectWorkbook(destination: url)
        let sheet = try workbook.addWorksheet(named: "Plan")
        func code(_ body: () throws -> Void) -> ExcelWriteError.Code? {
            do { try body() } catch let error as ExcelWriteError { return error.code } catch { return nil }
            return nil
        }
        #expect(code { try sheet.write(.number(.nan), row: 1, column: 1) } == .invalidArgument)
        #expect(code { try sheet.write(.integer(1 << 54), row: 1, column: 1) } == .invalidArgument)
        #expect(code { try sheet.write(.string("a\u{0}b"), row: 1, column: 1) } == .invalidArgument)
        #expect(code { try sheet.write(.string(String(repeating: "x", count: 32_768)), row: 1, column: 1) } == .valueTooLong)
        #expect(code { try sheet.write(.url("https://example.org", text: nil), row: 1, column: 1) } == .invalidArgument)
        #expect(code { try sheet.write(.string("x"), row: 0, column: 1) } == .invalidCellAddress)
        #expect(code { try sheet.setColumnWidth(256, column: 1) } == .invalidArgument)
        #expect(code { try sheet.setRowHeight(410, row: 1) } == .invalidArgument)
        #expect(code { try sheet.merge(CellRange(rows: 1...1, columns: 1...1), content: "x", style: nil) } == .invalidArgument)
        #expect(code { try workbook.addWorksheet(named: "plan") } == .duplicateSheetName)
        #expect(code { try workbook.addWorksheet(named: "a/b") } == .invalidSheetName)
        let error = #expect(throws: ExcelWriteError.self) { try sheet.write(.number(.infinity), row: 3, column: 2) }
        #expect(error?.sheet == "Plan")
        #expect(error?.message.contains("B3") == true)
        try sheet.hide()
        #expect(code { try workbook.close() } == .invalidArgument)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        try sheet.activate()
        try workbook.close()
        #expect(code { try workbook.close() } == .workbookClosed)
        #expect(code { try sheet.write(.string("late"), row: 1, column: 1) } == .workbookClosed)
        #expect(try directory.contents() == ["bad.xlsx"])
        #expect(code { _ = try DirectWorkbook(destination: directory.file("missing/x.xlsx")) } == .destinationUnavailable)
    }

    @Test("a workbook written into a shared staging folder leaves only the file")
    func stagingFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let staging = try XLSXStagingFolder(in: directory.url)
        for name in ["a.xlsx", "b.xlsx"] {
            let workbook = try DirectWorkbook(
                destination: directory.file(name), options: XLSXWorkbook.Options(stagingFolder: staging))
            try workbook.addWorksheet(named: "Sheet").write(.string(name), row: 1, column: 1)
            try workbook.close()
        }
        staging.remove()
        #expect(try directory.contents() == ["a.xlsx", "b.xlsx"])
        #expect(try XLSXDocument(contentsOf: directory.file("b.xlsx")).sheets[0].value(row: 1, column: 1) == .string("b.xlsx"))
    }

    @Test("a workbook and its sheets are freed once let go (the sheets hold no content, so no cycle)")
    func freedAfterUse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        weak var closed: DirectWorkbook?
        weak var abandoned: DirectWorkbook?
        do {
            let workbook = try DirectWorkbook(destination: directory.file("closed.xlsx"))
            let sheet = try workbook.addWorksheet(named: "Plan")
            try sheet.write(.string("kept until closed"), row: 1, column: 1)
            try workbook.close()
            #expect(sheet.name == "Plan")
            closed = workbook
            let unfinished = try DirectWorkbook(destination: directory.file("abandoned.xlsx"))
            try unfinished.addWorksheet(named: "Plan").write(.number(1), row: 1, column: 1)
            abandoned = unfinished
        }
        #expect(closed == nil)
        #expect(abandoned == nil)
        #expect(try directory.contents() == ["closed.xlsx"])
    }
}
