import Foundation

/// An `.xlsx` workbook SkillPlan writes itself, XML and zip, without libxlsxwriter: for the
/// intake and interns workbooks, thousands per national plan, whose table sheets use a small part
/// of what ``XLSXWorkbook`` offers (``WorksheetWriting``: cells, styles, widths and heights,
/// frozen headers, filters, merged cells, conditional formats, page setup; no charts, notes,
/// drop-downs or links). It writes the parts in memory, deflates the ones every workbook shares
/// once per process, and writes the file in one call, where libxlsxwriter writes each part to a
/// scratch file with `fprintf` and reads it back to deflate it.
///
/// The parts follow libxlsxwriter's: the same styles, shared strings, defined names, page setup
/// and document properties, so a workbook reads the same in Excel, LibreOffice and openpyxl
/// whichever writer made it.
///
/// The file appears at ``destination`` only when ``close()`` succeeds (written in a private
/// folder, then renamed), as with ``XLSXWorkbook``. Not thread-safe: build a workbook on one task.
public final class DirectWorkbook {
    /// Where the finished workbook is written.
    public let destination: URL
    private let properties: DocumentProperties
    private let stagingFolder: XLSXStagingFolder?
    /// The sheets' content, in order (``DirectWorksheet`` handles point into it).
    var sheets: [SheetContent] = []
    private(set) var isClosed = false
    /// The index of the sheet shown on opening (the first visible one unless a sheet was activated).
    var activeSheetIndex: Int?
    var styles = StyleSheet()
    var strings = SharedStrings()

    /// Starts a workbook that will be written to `destination` on ``close()``. Of `options`
    /// only the staging folder applies (there are no scratch files, and no part needs zip64).
    ///
    /// - Throws: ``ExcelWriteError`` `.destinationUnavailable` if the directory does not exist or
    ///   is not writable.
    public init(destination: URL, properties: DocumentProperties = DocumentProperties(),
                options: XLSXWorkbook.Options = XLSXWorkbook.Options()) throws {
        let destination = destination.standardizedFileURL
        try XLSXWorkbook.requireWritableDirectory(of: destination)
        self.destination = destination
        self.properties = properties
        stagingFolder = options.stagingFolder
    }

    /// The worksheets added so far, in order.
    public var worksheets: [DirectWorksheet] { sheets.indices.map { DirectWorksheet(index: $0, workbook: self) } }

    /// Adds a worksheet after the existing ones.
    /// - Throws: ``ExcelWriteError`` `.invalidSheetName` or `.duplicateSheetName` (see
    ///   ``XLSXWorkbook/addWorksheet(named:)`` for the rules), `.workbookClosed`.
    @discardableResult
    public func addWorksheet(named name: String) throws -> DirectWorksheet {
        try requireOpen()
        try XLSXWorkbook.validateSheetName(name, besides: sheets.map(\.name), path: destination.path)
        sheets.append(SheetContent(name: name, index: sheets.count))
        return DirectWorksheet(index: sheets.count - 1, workbook: self)
    }

    func requireOpen(sheet: @autoclosure () -> String? = nil) throws {
        guard !isClosed else {
            throw ExcelWriteError(
                .workbookClosed, "the workbook is already closed; nothing more can be added",
                path: destination.path, sheet: sheet())
        }
    }

    /// Writes the workbook and renames it into place; afterwards it accepts no more changes.
    /// - Throws: ``ExcelWriteError`` `.invalidArgument` if every sheet is hidden (the workbook stays
    ///   open), `.cannotCreateFile` if the file cannot be written, `.fileSystem` if the rename
    ///   fails, `.workbookClosed` on a second call. On error nothing is left at the destination.
    public func close() throws {
        try requireOpen()
        if !sheets.isEmpty {
            guard let firstVisible = sheets.first(where: { !$0.isHidden }) else {
                throw ExcelWriteError(
                    .invalidArgument, "every sheet is hidden; Excel needs at least one visible sheet",
                    path: destination.path)
            }
            if activeSheetIndex.map({ sheets[$0].isHidden }) ?? true { activeSheetIndex = firstVisible.index }
        }
        isClosed = true
        try commit(try packageBytes())
    }

    // MARK: The package

    /// The whole `.xlsx` file.
    func packageBytes() throws -> [UInt8] {
        var archive = ZipArchive(compressor: Deflater())
        let names = definedNames()
        try archive.add("[Content_Types].xml", contentTypes(), reusable: true)
        try archive.add("_rels/.rels", Self.packageRelationships, reusable: true)
        try archive.add("docProps/app.xml", applicationProperties(names), reusable: true)
        try archive.add("docProps/core.xml", coreProperties())
        try archive.add("xl/workbook.xml", workbookPart(names))
        try archive.add("xl/_rels/workbook.xml.rels", workbookRelationships(), reusable: true)
        for sheet in sheets {
            try archive.add(
                Array("xl/worksheets/sheet\(sheet.index + 1).xml".utf8), sheet.part(active: sheet.index == activeSheetIndex, styles: &styles))
        }
        try archive.add("xl/theme/theme1.xml", OfficeTheme.part, reusable: true)
        try archive.add("xl/styles.xml", styles.part(), reusable: true)
        if !strings.isEmpty { try archive.add("xl/sharedStrings.xml", strings.part()) }
        return archive.finish()
    }

    /// Writes `package` in a private folder and renames it to the destination.
    private func commit(_ package: [UInt8]) throws {
        try XLSXWorkbook.writeThenMove(to: destination, stagingFolder: stagingFolder) { temporaryPath in
            let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw ExcelWriteError(
                    .cannotCreateFile, "cannot create \(temporaryPath): \(String(cString: strerror(errno)))",
                    path: destination.path)
            }
            var failure: Int32 = 0
            package.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var written = 0
                while written < buffer.count {
                    let count = Foundation.write(descriptor, base + written, buffer.count - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    written += count
                }
            }
            if Foundation.close(descriptor) != 0, failure == 0 { failure = errno }
            guard failure == 0 else {
                throw ExcelWriteError(
                    .cannotCreateFile, "cannot write \(temporaryPath): \(String(cString: strerror(failure)))",
                    path: destination.path)
            }
        }
    }

    /// A sheet name as formulas and defined names write it: quoted unless letters, digits and `_`.
    static func quotedSheetName(_ name: String) -> String {
        let plain = name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
        }
        if plain, let first = name.utf8.first, !(0x30...0x39).contains(first) { return name }
        return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A print area, print titles or filter range of a sheet.
    struct DefinedName {
        /// `_xlnm.Print_Area`, `_xlnm.Print_Titles` or `_xlnm._FilterDatabase`.
        var name: String
        var sheetIndex: Int
        /// The sheet's name as formulas write it (``quotedSheetName(_:)``).
        var sheet: String
        /// What the name refers to on the sheet: `$A$1:$L$7`, `$4:$4`.
        var range: String
        var hidden: Bool

        var formula: String { sheet + "!" + range }

        /// The name as the application properties list it (`Interns!Print_Area`); nil for hidden ones.
        var listedName: String? {
            hidden ? nil : sheet + "!" + name.dropFirst("_xlnm.".count)
        }
    }

    /// Every sheet's defined names, in the order libxlsxwriter writes them (by name, then sheet).
    private func definedNames() -> [DefinedName] {
        var names: [DefinedName] = []
        for sheet in sheets {
            let quoted = Self.quotedSheetName(sheet.name)
            func name(_ name: String, _ range: String, hidden: Bool = false) {
                names.append(DefinedName(name: name, sheetIndex: sheet.index, sheet: quoted, range: range, hidden: hidden))
            }
            if let filter = sheet.autofilter { name("_xlnm._FilterDatabase", filter.absoluteA1, hidden: true) }
            if let area = sheet.pageSetup?.printArea { name("_xlnm.Print_Area", area.absoluteA1) }
            if let rows = sheet.pageSetup?.repeatedRows { name("_xlnm.Print_Titles", "$\(rows.lowerBound):$\(rows.upperBound)") }
        }
        return names.sorted { ($0.name, $0.sheet) < ($1.name, $1.sheet) }
    }

    private func contentTypes() -> [UInt8] {
        var xml = XMLBytes(capacity: 2048)
        xml.declaration()
        xml.markup(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#)
        for sheet in sheets {
            xml.markup(#"<Override PartName="/xl/worksheets/sheet"#)
            xml.integer(sheet.index + 1)
            xml.markup(#".xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)
        }
        if !strings.isEmpty {
            xml.markup(#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#)
        }
        xml.markup("</Types>")
        return xml.bytes
    }

    private static let packageRelationships: [UInt8] = {
        var xml = XMLBytes(capacity: 1024)
        xml.declaration()
        xml.markup(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#)
        return xml.bytes
    }()

    private func workbookRelationships() -> [UInt8] {
        var xml = XMLBytes(capacity: 1024)
        xml.declaration()
        xml.markup(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        func relationship(_ id: Int, _ type: StaticString, _ target: StaticString, number: Int? = nil) {
            xml.markup(#"<Relationship Id="rId"#)
            xml.integer(id)
            xml.markup(#"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/"#)
            xml.markup(type)
            xml.markup(#"" Target=""#)
            xml.markup(target)
            if let number {
                xml.integer(number)
                xml.markup(".xml")
            }
            xml.markup(#""/>"#)
        }
        for sheet in sheets { relationship(sheet.index + 1, "worksheet", "worksheets/sheet", number: sheet.index + 1) }
        relationship(sheets.count + 1, "theme", "theme/theme1.xml")
        relationship(sheets.count + 2, "styles", "styles.xml")
        if !strings.isEmpty { relationship(sheets.count + 3, "sharedStrings", "sharedStrings.xml") }
        xml.markup("</Relationships>")
        return xml.bytes
    }

    private func applicationProperties(_ names: [DefinedName]) -> [UInt8] {
        let listed = names.compactMap(\.listedName)
        var xml = XMLBytes(capacity: 2048)
        xml.declaration()
        xml.markup(#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=""#)
        xml.integer(listed.isEmpty ? 2 : 4)
        xml.markup(#"" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>"#)
        xml.integer(sheets.count)
        xml.markup("</vt:i4></vt:variant>")
        if !listed.isEmpty {
            xml.markup("<vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>")
            xml.integer(listed.count)
            xml.markup("</vt:i4></vt:variant>")
        }
        xml.markup(#"</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=""#)
        xml.integer(sheets.count + listed.count)
        xml.markup(#"" baseType="lpstr">"#)
        for title in sheets.map(\.name) + listed {
            xml.markup("<vt:lpstr>")
            xml.text(title)
            xml.markup("</vt:lpstr>")
        }
        xml.markup("</vt:vector></TitlesOfParts>")
        if let manager = properties.manager {
            xml.markup("<Manager>")
            xml.text(XMLText.valid(manager))
            xml.markup("</Manager>")
        }
        xml.markup("<Company>")
        xml.text(XMLText.valid(properties.company ?? ""))
        xml.markup("</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>")
        return xml.bytes
    }

    private func coreProperties() -> [UInt8] {
        var xml = XMLBytes(capacity: 1536)
        xml.declaration()
        xml.markup(#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#)
        func element(_ open: StaticString, _ value: String?, _ close: StaticString) {
            guard let value else { return }
            xml.markup(open)
            xml.text(XMLText.valid(value))
            xml.markup(close)
        }
        element("<dc:title>", properties.title, "</dc:title>")
        element("<dc:subject>", properties.subject, "</dc:subject>")
        element("<dc:creator>", properties.author ?? "", "</dc:creator>")
        element("<cp:keywords>", properties.keywords, "</cp:keywords>")
        element("<dc:description>", properties.comments, "</dc:description>")
        element("<cp:lastModifiedBy>", properties.author ?? "", "</cp:lastModifiedBy>")
        let created = Self.w3cDate(properties.created ?? Date())
        element(#"<dcterms:created xsi:type="dcterms:W3CDTF">"#, created, "</dcterms:created>")
        element(#"<dcterms:modified xsi:type="dcterms:W3CDTF">"#, created, "</dcterms:modified>")
        element("<cp:category>", properties.category, "</cp:category>")
        element("<cp:contentStatus>", properties.status, "</cp:contentStatus>")
        xml.markup("</cp:coreProperties>")
        return xml.bytes
    }

    /// `2026-12-03T16:21:10Z`, the second rounded down as libxlsxwriter does.
    static func w3cDate(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    private func workbookPart(_ names: [DefinedName]) -> [UInt8] {
        var xml = XMLBytes(capacity: 2048)
        xml.declaration()
        xml.markup(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660""#)
        if let active = activeSheetIndex, active > 0 {
            xml.markup(#" activeTab=""#)
            xml.integer(active)
            xml.markup(#"""#)
        }
        xml.markup("/></bookViews><sheets>")
        for sheet in sheets {
            xml.markup(#"<sheet name=""#)
            xml.attribute(sheet.name)
            xml.markup(#"" sheetId=""#)
            xml.integer(sheet.index + 1)
            if sheet.isHidden { xml.markup(#"" state="hidden"#) }
            xml.markup(#"" r:id="rId"#)
            xml.integer(sheet.index + 1)
            xml.markup(#""/>"#)
        }
        xml.markup("</sheets>")
        if !names.isEmpty {
            xml.markup("<definedNames>")
            for name in names {
                xml.markup(#"<definedName name=""#)
                xml.attribute(name.name)
                xml.markup(#"" localSheetId=""#)
                xml.integer(name.sheetIndex)
                xml.markup(name.hidden ? #"" hidden="1">"# : #"">"#)
                xml.text(name.formula)
                xml.markup("</definedName>")
            }
            xml.markup("</definedNames>")
        }
        xml.markup(#"<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#)
        return xml.bytes
    }
}

@available(*, unavailable, message: "build a workbook on one task")
extension DirectWorkbook: Sendable {}

/// The workbook's shared string table: each distinct text once, cells refer to it by index.
struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var texts: [String] = []
    /// String cells written, counting repeats.
    private var references = 0

    var isEmpty: Bool { texts.isEmpty }

    /// The index of `text`, added if new.
    mutating func index(of text: String) -> Int {
        references += 1
        if let known = indices[text] { return known }
        let index = texts.count
        indices[text] = index
        texts.append(text)
        return index
    }

    func part() -> [UInt8] {
        var xml = XMLBytes(capacity: 256 + texts.reduce(0) { $0 + $1.utf8.count + 16 })
        xml.declaration()
        xml.markup(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=""#)
        xml.integer(references)
        xml.markup(#"" uniqueCount=""#)
        xml.integer(texts.count)
        xml.markup(#"">"#)
        for text in texts {
            // Leading or trailing spaces, tabs or line breaks are kept only when marked.
            func isSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            if isSpace(text.utf8.first) || isSpace(text.utf8.last) {
                xml.markup(#"<si><t xml:space="preserve">"#)
            } else {
                xml.markup("<si><t>")
            }
            xml.cellText(text)
            xml.markup("</t></si>")
        }
        xml.markup("</sst>")
        return xml.bytes
    }
}
