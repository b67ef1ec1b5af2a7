import Foundation
import Testing
@testable import ScenarioSynthesis
import Workforce

@Suite("Scenario synthesis")
struct SynthesisTests {
    @Test(arguments: [SyntheticScale.small, .province])
    func sameSeedGivesIdenticalFiles(scale: SyntheticScale) {
        let first = ScenarioSynthesizer.generate(scale: scale, seed: 17)
        let second = ScenarioSynthesizer.generate(scale: scale, seed: 17)
        #expect(first.files.map(\.path) == second.files.map(\.path))
        for (a, b) in zip(first.files, second.files) {
            #expect(firstDifference(a.contents, b.contents).isEmpty,
                    "\(a.path) differs between two runs: \(firstDifference(a.contents, b.contents))")
        }
    }

    @Test func differentSeedsGiveDifferentFiles() {
        let first = ScenarioSynthesizer.generate(scale: .small, seed: 1)
        let second = ScenarioSynthesizer.generate(scale: .small, seed: 2)
        for path in ["programs.csv", "enterprises.csv", "postings.csv", "students.csv", "scenario.yaml"] {
            #expect(first.contents(of: path) != second.contents(of: path), "\(path) did not change with the seed")
        }
        // Curricula do not depend on the seed.
        #expect(first.contents(of: "Curricula/MAT-BSC.yaml") == second.contents(of: "Curricula/MAT-BSC.yaml"))
    }

    @Test(arguments: SyntheticScale.allCases)
    func countsMatchTheScale(scale: SyntheticScale) {
        let scenario = ScenarioSynthesizer.generate(scale: scale, seed: 3)
        let size = scale.size
        let tables = scenario.tables
        #expect(tables.institutions.count == size.institutions)
        #expect(tables.programs.count == size.programs)
        #expect(tables.enterprises.count == size.enterprises)
        #expect(tables.postings.count == size.postings)
        #expect(tables.students.count == size.students)
        #expect(Set(tables.enterprises.map(\.region)).count <= size.regions)
        #expect(Set(tables.institutions.map(\.region)).count == size.regions)
        #expect(tables.postings.allSatisfy { (1...size.maximumSlots).contains($0.slots) })
        #expect(tables.students.allSatisfy { size.preferences.contains($0.preferences.count) })
        // About 40 % FDI (seed 002).
        let fdi = tables.enterprises.filter { $0.ownership == .fdi }.count
        #expect(fdi == Int((Double(size.enterprises) * 0.4).rounded()))
        // One CSV line per row plus the header.
        let studentLines = scenario.contents(of: "students.csv")?.split(separator: "\n").count
        #expect(studentLines == size.students + 1)
        #expect(scenario.files.count == 7 + CurriculumCatalogue.curricula.count)
    }

    @Test func nationalScaleCoversAll34Provinces() {
        #expect(ProvinceCatalogue.provinces.count == 34)
        #expect(Set(ProvinceCatalogue.provinces.map(\.region.id)).count == 34)
        #expect(SyntheticScale.national.size.regions == 34)
        #expect(SyntheticScale.national.size.preferences == 10...10)
    }

    @Test(arguments: [SyntheticScale.small, .province])
    func everyGeneratedIDIsAValidCode(scale: SyntheticScale) {
        let tables = ScenarioSynthesizer.generate(scale: scale, seed: 11).tables
        let ids = tables.institutions.map(\.id.rawValue) + tables.programs.map(\.id.rawValue)
            + tables.enterprises.map(\.id.rawValue) + tables.postings.map(\.id.rawValue)
            + tables.students.map(\.id.rawValue) + CurriculumCatalogue.curricula.map(\.id.rawValue)
        let invalid = ids.filter { !Code<Never>.isValid($0) }
        #expect(invalid.isEmpty, "invalid codes: \(invalid.prefix(5))")
    }

    @Test(arguments: [SyntheticScale.small, .province])
    func tablesAreInternallyConsistent(scale: SyntheticScale) {
        let scenario = ScenarioSynthesizer.generate(scale: scale, seed: 23)
        let regions = Set(ProvinceCatalogue.provinces.prefix(scale.size.regions).map(\.region.id))
        let skills: Set<Skill.ID> = ["MAT", "MOULD", "AUTO", "PM"]
        let problems = consistencyProblems(scenario.tables, frame: regions, skills: skills)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func studentsMostlyRankEligiblePostingsInTheirSkill() {
        let tables = ScenarioSynthesizer.generate(scale: .province, seed: 5).tables
        let postings = Dictionary(tables.postings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var total = 0
        var inSkill = 0
        var eligible = 0
        var nearHome = 0
        for student in tables.students {
            for id in student.preferences {
                guard let posting = postings[id] else { continue }
                total += 1
                if posting.skill == student.skill { inSkill += 1 }
                if posting.skill == student.skill, posting.minimumYear <= student.year { eligible += 1 }
                if posting.region == student.homeRegion { nearHome += 1 }
            }
        }
        #expect(Double(inSkill) / Double(total) > 0.9)
        #expect(Double(eligible) / Double(total) > 0.8)
        #expect(Double(nearHome) / Double(total) > 0.4)
    }

    @Test func bundledTablesHaveTheBundledSizes() {
        let frame = bundledLikeFrame()
        let tables = ScenarioSynthesizer.bundledTables(seed: 2026, frame: frame)
        #expect(tables.institutions.count == 40)
        #expect(tables.programs.count == 250)
        #expect(tables.enterprises.count == 300)
        #expect(tables.postings.count == 2_000)
        #expect(tables.students.count == 4_000)
        #expect(tables.institutions.contains { $0.id == "INST-HUST" && $0.name == "Đại học Bách khoa Hà Nội" })
        let problems = consistencyProblems(
            tables, frame: Set(frame.regions.map(\.id)), skills: Set(frame.skills))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func upskillingCoursesAreHostedInTheirRegion() {
        let tables = ScenarioSynthesizer.generate(scale: .province, seed: 8).tables
        let enterprises = Dictionary(tables.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let courses = tables.programs.filter(\.isOnsiteTraining)
        #expect(!courses.isEmpty)
        for course in courses {
            let host = try? #require(course.hostEnterprise.flatMap { enterprises[$0] })
            #expect(host?.region == course.region, "\(course.id) hosted outside its region")
        }
    }

    @Test func writeCreatesEveryFile() throws {
        let directory = try temporaryDirectory("write")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = ScenarioSynthesizer.generate(scale: .small, seed: 4)
        try scenario.write(to: directory.appendingPathComponent("out"))
        for file in scenario.files {
            let text = try String(contentsOf: directory.appendingPathComponent("out/" + file.path), encoding: .utf8)
            #expect(firstDifference(file.contents, text).isEmpty, "\(file.path): \(firstDifference(file.contents, text))")
        }
    }

    @Test func writingIntoAFileFailsWithATypedError() throws {
        let directory = try temporaryDirectory("blocked")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: blocker)
        let scenario = SynthesizedScenario(
            files: [("a/b.txt", "text")],
            tables: SynthesizedTables(institutions: [], programs: [], enterprises: [], postings: [], students: []))
        #expect(throws: SynthesisWriteError.self) { try scenario.write(to: blocker) }
    }
}
