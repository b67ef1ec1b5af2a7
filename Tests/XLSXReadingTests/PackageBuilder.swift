import Foundation
import ZIPFoundation

/// Builds small `.xlsx` packages part by part, as other programs (Excel, LibreOffice, the
/// OpenXML SDK) write them, so the reader is tested on files SkillPlan did not write.
struct PackageBuilder {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("skillplan-reader-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A ZIP file named `name` holding `parts` (path → text).
    func zip(_ name: String, parts: [(String, String)]) throws -> URL {
        let url = directory.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// A plain file named `name` with `text`.
    func file(_ name: String, text: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The parts of a minimal workbook with the given sheets (name, state, sheet XML body).
    static func workbook(
        sheets: [(name: String, state: String?, xml: String)], sharedStrings: String? = nil,
        workbookExtra: String = "", core: String? = nil
    ) -> [(String, String)] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = [
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                </Relationships>
                """
            )
        ]
        let sheetElements = sheets.enumerated().map { index, sheet in
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            return "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
        }.joined()
        parts.append(
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="\(main)" xmlns:r="\(rel)"><bookViews><workbookView activeTab="1"/></bookViews>\
                <sheets>\(sheetElements)</sheets>\(workbookExtra)</workbook>
                """
            ))
        var relationships = sheets.indices.map { index in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/sheet\(index + 1).xml\"/>"
        }
        if sharedStrings != nil {
            relationships.append("<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        }
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships.joined())</Relationships>"
            ))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
        }
        if let sharedStrings {
            parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(sharedStrings)</sst>"))
        }
        if let core { parts.append(("docProps/core.xml", core)) }
        return parts
    }
}
