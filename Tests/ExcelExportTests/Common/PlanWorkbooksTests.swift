import Foundation
import Testing
import XLSXReading

@testable import ExcelExport

@Suite("All workbooks of a plan")
struct PlanWorkbooksTests {
    @Test("writes the fund plan, intake plans for institutions with programmes, interns for enterprises with postings")
    func writesEveryWorkbook() throws {
        let context = try PlanFixture.makeContext(withStudents: true)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let target = directory.url.appendingPathComponent("Exports/run-42")
        let written = try PlanWorkbooks.write(into: target, context: context)
        #expect(written.map(\.lastPathComponent) == [
            "fund-plan-vn-test-baseline.xlsx", "intake-HUST.xlsx", "intake-BNC.xlsx", "interns-E-FDI.xlsx",
            "interns-E-DN.xlsx",
        ])
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        #expect(onDisk == written.map(\.lastPathComponent).sorted())  // no temporary files left
        for url in written {
            let document = try XLSXDocument(contentsOf: url)
            #expect(document.properties.created == PlanFixture.created)
            #expect(document.formulaMismatches().mismatches.isEmpty, "\(url.lastPathComponent)")
        }
    }

    @Test("a scenario without students gets no interns workbooks")
    func noStudentsNoInterns() throws {
        let context = try PlanFixture.makeContext(withStudents: false)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let written = try PlanWorkbooks.write(into: directory.url, context: context)
        #expect(written.map(\.lastPathComponent) == ["fund-plan-vn-test-baseline.xlsx", "intake-HUST.xlsx", "intake-BNC.xlsx"])
    }

    @Test("the fund plan waits for a frontier still being worked out; what it throws stops the writing")
    func aFrontierHandedOverLater() throws {
        let context = try PlanFixture.makeContext(withStudents: true)
        let points = try #require(context.frontier)
        var withoutFrontier = context
        withoutFrontier.frontier = nil
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let known = try PlanWorkbooks.write(into: directory.url.appendingPathComponent("known"), context: context)
        let handed = try PlanWorkbooks.write(
            into: directory.url.appendingPathComponent("handed"), context: withoutFrontier, frontier: { points })
        #expect(known.map(\.lastPathComponent) == handed.map(\.lastPathComponent))
        for (one, other) in zip(known, handed) {
            // Cells and names (a sheet also records the path it was read from).
            let sheets = try XLSXDocument(contentsOf: one).sheets, others = try XLSXDocument(contentsOf: other).sheets
            #expect(sheets.map(\.name) == others.map(\.name))
            #expect(sheets.map(\.cells) == others.map(\.cells), "\(one.lastPathComponent)")
        }
        struct FrontierFailed: Error {}
        #expect(throws: FrontierFailed.self) {
            _ = try PlanWorkbooks.write(
                into: directory.url.appendingPathComponent("failed"), context: withoutFrontier, frontier: { throw FrontierFailed() })
        }
    }

    @Test("file names are safe and unique without regard to case")
    func fileNames() {
        #expect(FundPlanWorkbook.fileName(scenario: "vn 2026/35", variant: "decree-205") == "fund-plan-vn-2026-35-decree-205.xlsx")
        #expect(WorkbookFileName.sanitize("") == "_")
        #expect(WorkbookFileName.sanitize("Hà Nội") == "H--N-i")
        var names = UniqueFileNames()
        #expect(names.claim("interns-ABC.xlsx") == "interns-ABC.xlsx")
        #expect(names.claim("interns-abc.xlsx") == "interns-abc-2.xlsx")
        #expect(names.claim("interns-Abc.xlsx") == "interns-Abc-3.xlsx")
    }
}

/// Writes the fixture's workbooks to `SKILLPLAN_EXCEL_SAMPLES` for a look in Excel or LibreOffice.
@Suite("Sample workbooks", .enabled(if: ProcessInfo.processInfo.environment["SKILLPLAN_EXCEL_SAMPLES"] != nil))
struct SampleWorkbooks {
    @Test("write the fixture's workbooks and templates")
    func write() throws {
        let path = try #require(ProcessInfo.processInfo.environment["SKILLPLAN_EXCEL_SAMPLES"])
        let directory = URL(fileURLWithPath: path)
        let context = try PlanFixture.makeContext(withStudents: true)
        let written = try PlanWorkbooks.write(into: directory, context: context)
        for kind in RequestTemplate.Kind.allCases {
            try RequestTemplate.write(kind, scenario: context.scenario, to: directory.appendingPathComponent(kind.fileName))
        }
        #expect(!written.isEmpty)
    }
}
