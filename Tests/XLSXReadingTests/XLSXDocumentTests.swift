import Foundation
import Testing

@testable import XLSXReading

@Suite("Reading workbooks written by other programs")
struct XLSXDocumentTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A sheet as Excel writes it: shared strings (with rich text and phonetic runs), inline
    /// strings, booleans, errors, formulas (including a shared one), numbers in exponent form,
    /// a cell without a reference, an x14 list validation and a frozen pane.
    static let excelSheet = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" \
        xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">
        <sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>
        <sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">  Đồng Nai </t></is></c></row>
        <row r="3"><c r="A3"><v>1.2E7</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c><v>42</v></c></row>
        <row r="4"><c r="A4"><f>A3*2</f><v>24000000</v></c><c r="B4"><f t="shared" ref="B4:B5" si="0">A3+1</f><v>12000001</v></c></row>
        <row r="5"><c r="B5"><f t="shared" si="0"/><v>24000001</v></c><c r="C5" s="3"/><c r="D5" t="s"><v>2</v></c></row>
        </sheetData>
        <mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>
        <extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1">\
        <x14:dataValidation type="list" allowBlank="1" showInputMessage="1"><x14:formula1><xm:f>Lists!$A$2:$A$40</xm:f></x14:formula1>\
        <xm:sqref>A3:A100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>
        </worksheet>
        """

    static let sharedStrings = """
        <si><t>Hà Nội</t></si>\
        <si><r><rPr><b/></rPr><t>Bắc </t></r><r><t>Ninh</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>\
        <si><t>line_x000D_break</t></si>
        """

    static let core = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>Yêu cầu thực tập</dc:title><dc:subject>Postings</dc:subject><dc:creator>Công ty A</dc:creator>\
        <dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T08:30:00Z</dcterms:created></cp:coreProperties>
        """

    @Test("cells, types, formulas and positions are read exactly")
    func excelStyleSheet() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let url = try builder.zip(
            "excel.xlsx",
            parts: PackageBuilder.workbook(
                sheets: [
                    ("Postings", nil, Self.excelSheet),
                    ("Lists", "hidden", "<worksheet xmlns=\"\(Self.main)\"><sheetData/></worksheet>"),
                ],
                sharedStrings: Self.sharedStrings,
                workbookExtra: "<definedNames><definedName name=\"Regions\">Lists!$A$2:$A$40</definedName>"
                    + "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">Postings!$A$1:$D$5</definedName></definedNames>",
                core: Self.core))
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheetNames == ["Postings", "Lists"])
        #expect(document.activeSheetIndex == 1)
        #expect(document.sheets.map(\.visibility) == [.visible, .hidden])
        #expect(document.chartCount == 0)

        let sheet = try document.sheet(named: "Postings")
        #expect(sheet.part == "xl/worksheets/sheet1.xml")
        #expect(sheet.cell("A1")?.value == .string("Hà Nội"))
        #expect(sheet.cell("B1")?.value == .string("Bắc Ninh"))
        #expect(sheet.cell("C1")?.value == .string("  Đồng Nai "))
        let big = try #require(sheet.cell("A3"))
        #expect(big.value == .number(12_000_000))
        #expect(big.value.integerValue == 12_000_000)
        #expect(big.rawValue == "1.2E7")
        #expect((big.row, big.column) == (3, 1))
        #expect(sheet.cell("B3")?.value == .boolean(true))
        #expect(sheet.cell("C3")?.value == .error("#DIV/0!"))
        #expect(sheet.cell("D3")?.value == .number(42), "a cell without r follows the previous one")
        #expect(sheet.cell("A4")?.formula == "A3*2")
        #expect(sheet.cell("A4")?.value == .number(24_000_000))
        #expect(sheet.cell("B4")?.formula == "A3+1")
        #expect(sheet.cell("B5")?.formula == "")
        #expect(sheet.cell("B5")?.value == .number(24_000_001))
        #expect(sheet.cell("C5") == nil, "a styled blank is not a value")
        #expect(sheet.cell("D5")?.value == .string("line\rbreak"))
        #expect(sheet.cell("$D$5")?.value == .string("line\rbreak"))
        #expect(sheet.cell(row: 2, column: 1) == nil)

        let rows = try sheet.rows()
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.count == 4 })
        #expect(rows[1] == [.empty, .empty, .empty, .empty])
        #expect(rows[2] == [.number(12_000_000), .boolean(true), .error("#DIV/0!"), .number(42)])

        #expect(sheet.frozenPane == XLSXFrozenPane(rows: 2, columns: 1, topLeftCell: "B3"))
        #expect(sheet.mergedRanges == ["A1:B1"])
        let validation = try #require(sheet.dataValidations.first)
        #expect(sheet.dataValidations.count == 1)
        #expect(validation.type == "list")
        #expect(validation.sqref == "A3:A100")
        #expect(validation.formula1 == "Lists!$A$2:$A$40")
        #expect(validation.listItems == nil)

        #expect(document.definedNames.map(\.name) == ["Regions", "_xlnm._FilterDatabase"])
        #expect(document.definedNames[1].localSheetIndex == 0 && document.definedNames[1].isHidden)
        #expect(document.properties.title == "Yêu cầu thực tập")
        #expect(document.properties.creator == "Công ty A")
        #expect(document.properties.created == Date(timeIntervalSince1970: 1_772_353_800))
        #expect(try document.cell("B1", inSheet: "Postings")?.value == .string("Bắc Ninh"))
        #expect(try document.rows(ofSheet: "Lists").isEmpty)
    }

    @Test("namespace prefixes on SpreadsheetML elements are accepted (OpenXML SDK style)")
    func prefixedElements() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let sheet = """
            <x:worksheet xmlns:x="\(Self.main)"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr">\
            <x:is><x:t>Hải Phòng</x:t></x:is></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """
        let url = try builder.zip("prefixed.xlsx", parts: PackageBuilder.workbook(sheets: [("S", nil, sheet)]))
        let read = try XLSXDocument(contentsOf: url).sheet(named: "S")
        #expect(read.cells.map(\.reference) == ["B2", "C2"])
        #expect(read.cell("B2")?.value == .string("Hải Phòng"))
        #expect(read.cell("C2")?.value.integerValue == 3)
    }

    @Test("a file that is not a ZIP is reported as such")
    func notAZip() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let url = try builder.file("postings.xlsx", text: "posting,enterprise\nP1,E1\n")
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .notAZip)
        #expect(error.path == url.path)
        #expect(error.description.contains("postings.xlsx"))
    }

    @Test("a missing file is reported as unreadable")
    func missingFile() throws {
        let url = URL(fileURLWithPath: "/nonexistent/skillplan/absent.xlsx")
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .unreadableFile)
    }

    @Test("a ZIP without workbook.xml names the missing part")
    func missingWorkbook() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let url = try builder.zip("empty.xlsx", parts: [("hello.txt", "hi")])
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .missingPart)
        #expect(error.part == "xl/workbook.xml")
    }

    @Test("a sheet the workbook lists but the package lacks names the part")
    func missingSheetPart() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let parts = PackageBuilder.workbook(sheets: [("S", nil, "")]).filter { $0.0 != "xl/worksheets/sheet1.xml" }
        let url = try builder.zip("nosheet.xlsx", parts: parts)
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .missingPart)
        #expect(error.part == "xl/worksheets/sheet1.xml")
    }

    @Test("malformed XML names the part and the line")
    func malformedSheet() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let broken = "<worksheet xmlns=\"\(Self.main)\">\n<sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>\n</worksheet>"
        let url = try builder.zip("broken.xlsx", parts: PackageBuilder.workbook(sheets: [("S", nil, broken)]))
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .malformedXML)
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.line == 3)
    }

    @Test(
        "truncated, empty or non-XML parts are malformed",
        arguments: [
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">",
            "",
            "posting,enterprise\nP1,E1",
            "<worksheet/><worksheet/>",
        ])
    func malformedParts(xml: String) throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let url = try builder.zip("bad.xlsx", parts: PackageBuilder.workbook(sheets: [("S", nil, xml)]))
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .malformedXML)
        #expect(error.part == "xl/worksheets/sheet1.xml")
    }

    @Test("a stray far cell makes the dense grid refuse, while cells still work")
    func strayCell() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let sheet = "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
            + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>2</v></c></row></sheetData></worksheet>"
        let url = try builder.zip("stray.xlsx", parts: PackageBuilder.workbook(sheets: [("S", nil, sheet)]))
        let document = try XLSXDocument(contentsOf: url)
        let error = try #require(throws: XLSXReadError.self) { try document.rows(ofSheet: "S") }
        #expect(error.code == .gridTooLarge)
        #expect(error.path == url.path)
        #expect(error.message.contains("XFD1048576"))
        #expect(try document.sheet(named: "S").cells.map(\.reference) == ["A1", "XFD1048576"])
    }

    @Test("a shared-string index out of range is malformed, naming the cell")
    func badSharedString() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let sheet = "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c r=\"B1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>"
        let url = try builder.zip(
            "strings.xlsx", parts: PackageBuilder.workbook(sheets: [("S", nil, sheet)], sharedStrings: "<si><t>x</t></si>"))
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .malformedXML)
        #expect(error.message.contains("B1"))
    }

    @Test("an unknown sheet name lists the sheets there are")
    func unknownSheet() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let empty = "<worksheet xmlns=\"\(Self.main)\"><sheetData/></worksheet>"
        let url = try builder.zip(
            "two.xlsx", parts: PackageBuilder.workbook(sheets: [("Postings", nil, empty), ("Students", nil, empty)]))
        let document = try XLSXDocument(contentsOf: url)
        let error = try #require(throws: XLSXReadError.self) { try document.rows(ofSheet: "postings") }
        #expect(error.code == .unknownSheet)
        #expect(error.message.contains("'Postings', 'Students'"))
        let reference = try #require(throws: XLSXReadError.self) { try document.cell("1A", inSheet: "Postings") }
        #expect(reference.code == .invalidReference)
    }
}
