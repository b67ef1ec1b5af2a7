import Foundation
import Testing
import XLSXReading

@testable import ExcelExport

/// Issue 15, items 1 and 2: every text that reaches a workbook is valid XML, a NUL never cuts a
/// text, and the scratch file is made where nobody can plant a link to another file.
@Suite("Texts in workbooks and scratch files")
struct TextAndScratchTests {
    @Test("control characters and U+FFFE in document properties give a readable core.xml")
    func propertiesAreValidXML() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("plan.xlsx")
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(title: "Công ty\u{01} TNHH", subject: "a\u{FFFE}b", author: "x\u{0}y"))
        try workbook.addWorksheet(named: "Plan").write("Công ty\u{01} TNHH", row: 1, column: 1)
        try workbook.close()
        // XMLParser (libxml2) refuses a raw U+0001 or U+FFFE: reading the file back is the check.
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.properties.title == "Công ty\u{FFFD} TNHH")
        #expect(document.properties.subject == "a\u{FFFD}b")
        #expect(document.properties.creator == "x\u{FFFD}y", "a NUL is replaced, never a cut")
        #expect(try document.cell("A1", inSheet: "Plan")?.value == .string("Công ty\u{01} TNHH"))
    }

    @Test("a NUL or U+FFFE in a cell text is refused, naming the cell, instead of cutting or corrupting",
          arguments: ["Nul\u{0}byte", "bad\u{FFFE}", "bad\u{FFFF}"])
    func badCellText(text: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("plan.xlsx"))
        let sheet = try workbook.addWorksheet(named: "Plan")
        let error = try #require(throws: ExcelWriteError.self) { try sheet.write(.string(text), row: 2, column: 3) }
        #expect(error.code == .invalidArgument)
        #expect(error.message.contains("C2"))
    }

    @Test("a link planted where the scratch file used to be is not followed, and no scratch is left")
    func plantedLinks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outside = try TemporaryDirectory()
        defer { outside.remove() }
        let victim = outside.file("victim.txt")
        try Data("precious".utf8).write(to: victim)
        // The old scratch names were `.NAME.PID-N.partial`: plant links at the first 5,000.
        for number in 1...5_000 {
            try FileManager.default.createSymbolicLink(
                at: directory.file(".plan.xlsx.\(getpid())-\(number).partial"), withDestinationURL: victim)
        }
        let url = directory.file("plan.xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        try workbook.addWorksheet(named: "Plan").write("x", row: 1, column: 1)
        try workbook.close()
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular, "the workbook is a file, not a link")
        #expect(try directory.contents().filter { $0.hasPrefix(XLSXWorkbook.scratchPrefix) }.isEmpty)
    }

    @Test("nothing is on disk before close, and no scratch is left after a failed close")
    func scratchFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let open = try XLSXWorkbook(destination: directory.file("open.xlsx"))
        try open.addWorksheet(named: "Plan").write("x", row: 1, column: 1)
        #expect(try directory.contents().isEmpty, "open: nothing on disk")
        let failing = try XLSXWorkbook(destination: directory.file("plan.xlsx"))
        try FileManager.default.createDirectory(at: directory.file("plan.xlsx/keep"), withIntermediateDirectories: true)
        #expect(throws: ExcelWriteError.self) { try failing.close() }
        #expect(try directory.contents() == ["plan.xlsx"], "failed: nothing left")
    }

    @Test("workbooks sharing a staging folder land in place, and a failed one leaves nothing in it")
    func sharedStagingFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let staging = try XLSXStagingFolder(in: directory.url)
        #expect(staging.url.lastPathComponent.hasPrefix(XLSXWorkbook.scratchPrefix))
        let permissions = try FileManager.default.attributesOfItem(atPath: staging.url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o700, "private to its owner")
        for name in ["a.xlsx", "b.xlsx"] {
            let workbook = try XLSXWorkbook(destination: directory.file(name), options: .init(stagingFolder: staging))
            try workbook.addWorksheet(named: "Plan").write(.string(name), row: 1, column: 1)
            try workbook.close()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.url.path).isEmpty, "each file moved out")
        // The rename fails (a folder is in the way): the file written in the staging folder goes.
        let failing = try XLSXWorkbook(destination: directory.file("c.xlsx"), options: .init(stagingFolder: staging))
        try failing.addWorksheet(named: "Plan").write("x", row: 1, column: 1)
        try FileManager.default.createDirectory(at: directory.file("c.xlsx/keep"), withIntermediateDirectories: true)
        #expect(throws: ExcelWriteError.self) { try failing.close() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.url.path).isEmpty, "failed: nothing left")
        staging.remove()
        #expect(try directory.contents() == ["a.xlsx", "b.xlsx", "c.xlsx"])
        let read = try XLSXDocument(contentsOf: directory.file("b.xlsx"))
        #expect(try read.cell("A1", inSheet: "Plan")?.value == .string("b.xlsx"))
    }

    @Test("scratch left by a killed process is removed; a running process's is kept")
    func staleScratch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A pid that cannot be running: above the kernel's maximum.
        let dead = "\(XLSXWorkbook.scratchPrefix)99999999-AbCdEf"
        let oldStyle = ".plan.xlsx.99999999-3.partial"
        let alive = "\(XLSXWorkbook.scratchPrefix)\(getpid())-XyZ123"
        for name in [dead, alive] {
            try FileManager.default.createDirectory(at: directory.file(name), withIntermediateDirectories: false)
        }
        try Data().write(to: directory.file(oldStyle))
        try Data().write(to: directory.file("plan.xlsx"))
        let removed = XLSXWorkbook.removeStaleScratch(in: directory.url)
        #expect(Set(removed) == [dead, oldStyle])
        #expect(try directory.contents() == [alive, "plan.xlsx"].sorted())
    }
}
