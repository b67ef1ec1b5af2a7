import Foundation
import Matching
import Testing
import Workforce
import XLSXReading

@testable import ExcelExport

@Suite("Interns workbooks")
struct InternsWorkbookTests {
    @Test("each posting lists its matched students, programme when unambiguous, and the funded support")
    func internsAgreeWithMatching() throws {
        let context = try PlanFixture.makeContext(withStudents: true)
        let round = try #require(context.internships)
        let funding = try #require(round.funding)
        #expect(!funding.places.isEmpty)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var supportSeen: Double = 0
        var matchedSeen = 0
        for enterprise in ["E-FDI", "E-DN"] as [Enterprise.ID] {
            let url = directory.file(InternsWorkbook.fileName(enterprise: enterprise))
            try InternsWorkbook.write(enterprise: enterprise, context: context, to: url)
            let document = try XLSXDocument(contentsOf: url)
            #expect(document.sheetNames == InternsWorkbook.sheetNames(.en))
            let (checked, mismatches) = document.formulaMismatches()
            #expect(checked > 0)
            #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
            let interns = try document.sheet(named: "Interns")
            let rows = interns.cells.filter { $0.column == 4 && $0.row >= 5 }.map(\.row)
            for row in rows {
                guard let student = interns.value(row: row, column: 4).stringValue, !student.hasPrefix("(") else { continue }
                let id = Student.ID(student)
                let posting = interns.value(row: row, column: 1).stringValue.map { InternshipPosting.ID($0) }
                #expect(round.matching.posting(of: id) == posting)
                #expect(interns.value(row: row, column: 12).numberValue == Double(funding.support(of: id)))
                #expect(interns.value(row: row, column: 11) == .string(funding.isFunded(id) ? "Yes" : "No"))
                supportSeen += Double(funding.support(of: id))
                matchedSeen += 1
                let assignment = try #require(round.matching.assignment(of: id))
                #expect(interns.value(row: row, column: 9).integerValue == assignment.studentRank)
                #expect(interns.value(row: row, column: 10).integerValue == assignment.postingRank)
                // Programme: S1–S3 study MAT at HUST (one programme); S6 MOULD at HUST (two: blank).
                switch student {
                case "S1", "S2", "S3": #expect(interns.value(row: row, column: 7) == .string("P-HUST-MAT"))
                case "S4": #expect(interns.value(row: row, column: 7) == .string("P-BNC-MOULD"))
                case "S6": #expect(interns.value(row: row, column: 7) == .empty)
                default: break
                }
                if student == "S1" || student == "S6" {
                    #expect(interns.value(row: row, column: 6) == .string("Đại học Bách khoa Hà Nội"))
                }
            }
            let name = context.scenario.enterprises.first { $0.id == enterprise }?.name ?? "?"
            #expect(interns.value(row: 1, column: 1).stringValue?.contains(name) == true)
            let postings = try document.sheet(named: "Postings")
            let mine = context.scenario.postings.filter { $0.enterprise == enterprise }
            #expect(postings.value(row: 5 + mine.count, column: 1) == .string("Total"))
            for (offset, posting) in mine.enumerated() {
                let matched = round.matching.assignments.filter { $0.posting == posting.id }.count
                #expect(postings.value(row: 5 + offset, column: 11).integerValue == matched)
                let planCost = context.plan.internships.filter { $0.posting == posting.id }.reduce(0) { $0 + $1.cost }
                #expect(abs((postings.value(row: 5 + offset, column: 16).numberValue ?? -1) - planCost) < 1e-6)
            }
        }
        #expect(supportSeen == Double(funding.totalSupport))
        try notPlacedSheetListsEveryExplanation(context: context, directory: directory)
        #expect(matchedSeen == round.matching.matchedCount)
    }

    /// The "Not placed here" sheets of all enterprises together hold every explanation once, here
    /// of a round with BN capped at 1 intern (so students are turned away by the cap too).
    private func notPlacedSheetListsEveryExplanation(context original: PlanWorkbookContext, directory: ScratchDirectory) throws {
        var context = original
        let problem = try #require(context.internships).problem
        let outcome = try MatchingRules(caps: try RegionalCaps([RegionalCap(regions: ["BN"], cap: 1)])).match(problem)
        let expected = outcome.explanations(in: problem)
        context.internships = InternshipRound(problem: problem, matching: outcome.matching, explanations: expected)
        #expect(expected.contains { $0.reason == .regionAtCap })
        var seen: [String] = []
        for enterprise in Set(context.scenario.postings.map(\.enterprise)).sorted() {
            let url = directory.file(InternsWorkbook.fileName(enterprise: enterprise))
            try InternsWorkbook.write(enterprise: enterprise, context: context, to: url)
            let sheet = try XLSXDocument(contentsOf: url).sheet(named: "Not placed here")
            for row in Set(sheet.cells.filter { $0.row >= 5 && $0.column == 2 }.map(\.row)) {
                let posting = sheet.value(row: row, column: 1).stringValue ?? ""
                let student = sheet.value(row: row, column: 2).stringValue ?? ""
                let why = sheet.value(row: row, column: 5).stringValue ?? ""
                seen.append("\(student) \(posting) \(why)")
            }
        }
        let texts = WorkbookTexts(.en)
        #expect(seen.sorted() == expected.map {
            "\($0.student) \($0.posting) \(InternsWorkbook.notPlacedReason($0.reason, texts: texts))"
        }.sorted())
    }
}
