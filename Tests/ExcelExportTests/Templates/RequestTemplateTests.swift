import Foundation
import Testing
import Workforce
import XLSXReading

@testable import ExcelExport

@Suite("Request templates")
struct RequestTemplateTests {
    @Test("the data sheet is named like the CSV file; row 1 holds each column in words with the CSV name in brackets",
          arguments: RequestTemplate.Kind.allCases)
    func layout(kind: RequestTemplate.Kind) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file(kind.fileName)
        try RequestTemplate.write(kind, scenario: PlanFixture.scenario, to: url)
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheetNames == [kind.sheetName, "Instructions", "Lists"])
        let expected = switch kind {
        case .postings: "posting,enterprise,skill,region,slots,months,stipend_vnd_per_month,min_year"
        case .students: "student,institution,skill,year,score,home_region,preferences,program"
        case .programs: "program,institution,curriculum,baseline_intake,capacity,tuition_vnd_per_year,completion_rate,entry_rate,host_enterprise"
        }
        let data = try document.sheet(named: kind.sheetName)
        // Only programs is prefilled (with the scenario's programmes).
        #expect(data.cells.allSatisfy { $0.row == 1 } == (kind != .programs))
        let headers = (1...data.lastColumn).map { data.value(row: 1, column: $0).stringValue ?? "" }
        #expect(headers.map { $0.split(separator: "(").last.map { String($0.dropLast()) } ?? "" }.joined(separator: ",") == expected)
        #expect(headers.allSatisfy { $0.contains(" / ") }, "both languages: \(headers)")
        #expect(data.frozenPane?.rows == 1)
        #expect(document.activeSheetIndex == 0)
        let lists = try document.sheet(named: "Lists")
        #expect(lists.visibility == .hidden)
        #expect(lists.value(row: 2, column: 1) == .string("MAT — Kỹ thuật vật liệu"), "drop-downs show the code and the name")
        #expect(lists.value(row: 3, column: 2) == .string("BN — Bắc Ninh"))
        let instructions = try document.sheet(named: "Instructions")
        let texts = instructions.cells.compactMap(\.value.stringValue)
        #expect(texts.contains { $0.contains("Không nhập dữ liệu cá nhân") || $0.contains("Do not enter names") } == (kind == .students))
        #expect(texts.contains { $0.contains("Chọn từ danh sách") || $0.contains("chọn từ danh sách") }, "Vietnamese beside English")
        #expect(texts.contains("Hà Nội"))
        #expect(document.properties.title != nil)

        func validation(_ column: String) -> XLSXDataValidation? {
            guard let index = kind.columns.firstIndex(of: column) else { return nil }
            let letter = CellReference.columnLetters(index + 1)
            return data.dataValidations.first { $0.sqref == "\(letter)2:\(letter)1001" }
        }
        if kind != .programs {
            #expect(validation("skill")?.type == "list")
            #expect(validation("skill")?.formula1?.contains("Lists") == true)
            #expect(validation("skill")?.prompt != nil)
        }
        switch kind {
        case .postings:
            #expect(validation("enterprise")?.formula1?.contains("$C$2:$C$4") == true)
            #expect(validation("region")?.type == "list")
            #expect(validation("slots")?.type == "whole")
            #expect(validation("slots")?.formula1 == "1")
            #expect(validation("months").map { ($0.formula1, $0.formula2) } ?? (nil, nil) == ("1", "12"))
            #expect(validation("min_year").map { ($0.formula1, $0.formula2) } ?? (nil, nil) == ("1", "5"))
        case .students:
            #expect(validation("institution")?.formula1?.contains("$D$2:") == true)
            #expect(validation("program")?.formula1?.contains("$E$2:") == true)
            #expect(validation("home_region")?.type == "list")
            #expect(validation("year").map { ($0.type, $0.formula1, $0.formula2) } ?? ("", nil, nil) == ("whole", "1", "5"))
            #expect(validation("score").map { ($0.type, $0.formula1, $0.formula2) } ?? ("", nil, nil) == ("decimal", "0", "100"))
        case .programs:
            #expect(validation("program")?.formula1?.contains("$E$2:") == true)
            #expect(validation("curriculum")?.formula1?.contains("$F$2") == true)
            #expect(validation("host_enterprise")?.formula1?.contains("$C$2:") == true)
            #expect(validation("capacity")?.type == "whole")
            #expect(validation("completion_rate").map { ($0.type, $0.formula1, $0.formula2) } ?? ("", nil, nil) == ("decimal", "0", "1"))
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
        // The bad posting's own error is the cause: the students who listed it are not reported.
        #expect(errors.errors.count == 1, "\(errors)")
        #expect(error.location.sheet == "postings")
        #expect(error.location.line == 3)
        #expect(error.location.column == 5)
        #expect(error.field == "slots")
        #expect(error.value == "many")
        #expect(error.description.contains("postings.xlsx[postings]:3:5"))
    }

    @Test("Vietnamese first: headers, instructions sheet and prompts", arguments: RequestTemplate.Kind.allCases)
    func vietnameseFirst(kind: RequestTemplate.Kind) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file(kind.fileName)
        try RequestTemplate.write(kind, scenario: PlanFixture.scenario, language: .vi, to: url)
        let document = try XLSXDocument(contentsOf: url)
        #expect(document.sheetNames == [kind.sheetName, "Hướng dẫn", "Lists"])
        let data = try document.sheet(named: kind.sheetName)
        let first = data.value(row: 1, column: 1).stringValue ?? ""
        let expected = switch kind {
        case .postings: "Mã vị trí thực tập / Posting code (posting)"
        case .students: "Mã sinh viên / Student code (student)"
        case .programs: "Chương trình đào tạo / Programme (program)"
        }
        #expect(first == expected)
        #expect(data.dataValidations.contains { $0.prompt?.contains("Chọn") == true || $0.prompt?.contains("số nguyên") == true })
    }

    /// A copy of the repository's bundled scenario with its curricula, to save templates in.
    static func bundledScenarioCopy(in directory: ScratchDirectory) throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let copy = directory.file("scenario")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Scenarios/vietnam-2026-2035"), to: copy)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Curricula"), to: copy.appendingPathComponent("Curricula"))
        return copy
    }

    @Test("a filled programs template replaces programs.csv: capacity, intake and tuition as entered, everything else the same")
    func programsRoundTrip() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = try Self.bundledScenarioCopy(in: directory)
        let original = try ScenarioLoader.load(directory: folder).scenario
        // "Fill" the template: the prefilled rows with one programme's figures changed.
        var rows = RequestTemplate.rows(programs: original.programs, scenario: original)
        rows[0][3] = .integer(original.programs[0].baselineIntake + 5)
        rows[0][4] = .integer(original.programs[0].capacity + 50)
        rows[0][5] = .integer(12_345_000)
        try RequestTemplate.write(.programs, scenario: original, language: .vi, to: folder.appendingPathComponent("programs.xlsx"), rows: rows)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("programs.csv"))
        let loaded = try ScenarioLoader.load(directory: folder)
        var expected = original.programs
        expected[0].baselineIntake += 5
        expected[0].capacity += 50
        expected[0].tuitionPerYear = 12_345_000
        #expect(loaded.scenario.programs == expected)
        #expect(loaded.files.contains { $0.path == "programs.xlsx" })

        // Both files: one error naming both, nothing else.
        try FileManager.default.copyItem(at: folder.appendingPathComponent("programs.xlsx"), to: folder.appendingPathComponent("programs.csv"))
        let errors = try #require(throws: InputErrors.self) { try ScenarioLoader.load(directory: folder) }
        #expect(errors.errors.count == 1 && errors.errors[0].expected.contains("either programs.csv or programs.xlsx"), "\(errors)")
    }

    @Test("the programs template of one institution lists and prefills only its programmes")
    func programsOfOneInstitution() throws {
        let scenario = PlanFixture.scenario
        let institution = try #require(scenario.programs.first?.institution)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file("programs.xlsx")
        try RequestTemplate.write(.programs, scenario: scenario, institution: institution, to: url)
        let document = try XLSXDocument(contentsOf: url)
        let lists = try document.sheet(named: "Lists")
        let own = scenario.programs.filter { $0.institution == institution }
        try #require(own.count < scenario.programs.count, "the fixture has programmes of several institutions")
        let listed = lists.cells.filter { $0.column == 5 && $0.row > 1 }.compactMap(\.value.stringValue)
        #expect(listed.count == own.count)
        #expect(zip(listed, own).allSatisfy { $0.0.hasPrefix($0.1.id.rawValue + " — ") || $0.0 == $0.1.id.rawValue })
        let data = try document.sheet(named: "programs")
        #expect(Set(data.cells.filter { $0.row > 1 }.map(\.row)).count == own.count)
    }

    @Test("the students template's programme column is checked against programs.csv")
    func studentsProgrammeColumn() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let folder = try Self.bundledScenarioCopy(in: directory)
        let scenario = try ScenarioLoader.load(directory: folder).scenario
        let students = Array(scenario.students.prefix(50))
        var rows = RequestTemplate.rows(students: students)
        let first = students[0]
        let own = try #require(scenario.programs.first { $0.institution == first.institution && $0.skill == first.skill })
        let other = try #require(scenario.programs.first { $0.institution != first.institution })
        rows[0][7] = .string(RequestTemplate.entry(own.id.rawValue, "name"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("students.csv"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("rankings.csv"), ignoringMissing: true)
        try RequestTemplate.write(.students, scenario: scenario, to: folder.appendingPathComponent("students.xlsx"), rows: rows)
        #expect(try ScenarioLoader.load(directory: folder).scenario.students == students)

        rows[0][7] = .string(other.id.rawValue)
        try RequestTemplate.write(.students, scenario: scenario, to: folder.appendingPathComponent("students.xlsx"), rows: rows)
        let errors = try #require(throws: InputErrors.self) { try ScenarioLoader.load(directory: folder) }
        #expect(errors.errors.count == 1 && errors.errors[0].field == "program", "\(errors)")
        #expect(errors.errors[0].location.line == 2)
    }
}

extension FileManager {
    fileprivate func removeItem(at url: URL, ignoringMissing: Bool) throws {
        if ignoringMissing && !fileExists(atPath: url.path) { return }
        try removeItem(at: url)
    }
}
