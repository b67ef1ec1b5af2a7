import Foundation
import Testing
import Workforce
import XLSXReading

@testable import ExcelExport

@Suite("Request templates")
struct RequestTemplateTests {
    @Test("the data sheet is named like the CSV file, its row 1 holds exactly the CSV columns", arguments: RequestTemplate.Kind.allCases)
    func layout(kind: RequestTemplate.Kind) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file(kind.fileName)
        try RequestTemplate.write(kind, scenario: PlanFixture.scenario, to: url)
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheetNames == [kind.sheetName, "Instructions", "Lists"])
        let expected =
            kind == .postings
            ? "posting,enterprise,skill,region,slots,months,stipend_vnd_per_month,min_year"
            : "student,institution,skill,year,score,home_region,preferences"
        let data = try document.sheet(named: kind.sheetName)
        #expect(data.cells.allSatisfy { $0.row == 1 })
        #expect((1...data.lastColumn).map { data.value(row: 1, column: $0).stringValue ?? "" }.joined(separator: ",") == expected)
        #expect(data.frozenPane?.rows == 1)
        #expect(document.activeSheetIndex == 0)
        let lists = try document.sheet(named: "Lists")
        #expect(lists.visibility == .hidden)
        #expect(lists.value(row: 2, column: 1) == .string("MAT"))
        #expect(lists.value(row: 3, column: 2) == .string("BN"))
        let instructions = try document.sheet(named: "Instructions")
        let texts = instructions.cells.compactMap(\.value.stringValue)
        #expect(texts.contains { $0.contains("No personal data") })
        #expect(texts.contains("Hà Nội"))
        #expect(document.properties.title != nil)

        func validation(_ column: String) -> XLSXDataValidation? {
            guard let index = kind.columns.firstIndex(of: column) else { return nil }
            let letter = CellReference.columnLetters(index + 1)
            return data.dataValidations.first { $0.sqref == "\(letter)2:\(letter)1001" }
        }
        #expect(validation("skill")?.type == "list")
        #expect(validation("skill")?.formula1?.contains("Lists") == true)
        #expect(validation("skill")?.prompt != nil)
        switch kind {
        case .postings:
            #expect(validation("enterprise")?.formula1?.contains("$C$2:$C$4") == true)
            #expect(validation("region")?.type == "list")
            #expect(validation("slots")?.type == "whole")
            #expect(validation("slots")?.formula1 == "1")
            #expect(validation("months").map { ($0.formula1, $0.formula2) } ?? (nil, nil) == ("1", "12"))
            #expect(validation("min_year").map { ($0.formula1, $0.formula2) } ?? (nil, nil) == ("1", "5"))
        case .students:
            #expect(validation("institution")?.formula1?.contains("$C$2:$C$4") == true)
            #expect(validation("home_region")?.type == "list")
            #expect(validation("year").map { ($0.type, $0.formula1, $0.formula2) } ?? ("", nil, nil) == ("whole", "1", "5"))
            #expect(validation("score").map { ($0.type, $0.formula1, $0.formula2) } ?? ("", nil, nil) == ("decimal", "0", "100"))
        }
    }

    @Test("filled templates load like postings.csv and students.csv")
    func roundTrip() throws {
        let scenario = PlanFixture.scenario
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let postingsURL = directory.file("postings.xlsx")
        let studentsURL = directory.file("students.xlsx")
        try RequestTemplate.write(.postings, scenario: scenario, to: postingsURL, rows: RequestTemplate.rows(postings: scenario.postings))
        try RequestTemplate.write(.students, scenario: scenario, to: studentsURL, rows: RequestTemplate.rows(students: scenario.students))
        let input = try ScenarioLoader.loadMatchingInput(postings: postingsURL, students: studentsURL, rankings: nil)
        #expect(input.postings == scenario.postings)
        #expect(input.students == scenario.students)
        #expect(input.students.first { $0.id == "S3" }?.score == 91.5)
    }

    @Test("a bad value in the template is an input error naming the sheet, row and column")
    func badValue() throws {
        let scenario = PlanFixture.scenario
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var rows = RequestTemplate.rows(postings: scenario.postings)
        rows[1][4] = .string("many")
        let postingsURL = directory.file("postings.xlsx")
        let studentsURL = directory.file("students.xlsx")
        try RequestTemplate.write(.postings, scenario: scenario, to: postingsURL, rows: rows)
        try RequestTemplate.write(.students, scenario: scenario, to: studentsURL, rows: RequestTemplate.rows(students: scenario.students))
        let errors = try #require(throws: InputErrors.self) {
            try ScenarioLoader.loadMatchingInput(postings: postingsURL, students: studentsURL, rankings: nil)
        }
        let error = try #require(errors.errors.first)
        // The bad posting is left out, so the students who listed it are reported too.
        #expect(errors.errors.dropFirst().allSatisfy { $0.value?.contains("J2") == true }, "\(errors)")
        #expect(error.location.sheet == "postings")
        #expect(error.location.line == 3)
        #expect(error.location.column == 5)
        #expect(error.field == "slots")
        #expect(error.value == "many")
        #expect(error.description.contains("postings.xlsx[postings]:3:5"))
    }
}
