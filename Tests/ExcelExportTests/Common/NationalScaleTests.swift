import Allocation
import Foundation
import Forecast
import Matching
import Testing
import Workforce

@testable import ExcelExport

/// Writes every workbook at national scale (400 institutions, ~3,000 programmes, 6,000
/// enterprises, 100,000 students). Slow in debug builds, so it runs only with
/// `SKILLPLAN_SCALE_TESTS=1` (e.g. `swift test -c release --filter NationalScale`); it prints the
/// time taken and asserts only what was written.
@Suite("National scale", .enabled(if: ProcessInfo.processInfo.environment["SKILLPLAN_SCALE_TESTS"] == "1"))
struct NationalScaleTests {
    static func nationalContext() throws -> PlanWorkbookContext {
        var random = SplitMix64(seed: 2026)
        let small = try PlanFixture.makeContext(withStudents: false)
        var scenario = small.scenario
        let skillIDs: [Skill.ID] = ["MAT", "MOULD"]
        scenario.regions = (1...63).map { Region(id: Region.ID("R\($0)"), name: "Tỉnh số \($0)", macroRegion: "Vùng \($0 % 6)") }
        scenario.initialStock = Dictionary(uniqueKeysWithValues: skillIDs.map { skill in
            (skill, Dictionary(uniqueKeysWithValues: scenario.regions.map { ($0.id, Double.random(in: 100...900, using: &random)) }))
        })
        for index in scenario.sectors.indices {
            scenario.sectors[index].baseOutput = Dictionary(uniqueKeysWithValues: scenario.regions.map {
                ($0.id, Double.random(in: 100...1000, using: &random))
            })
        }
        scenario.institutions = (1...400).map {
            Institution(id: Institution.ID("I\($0)"), name: "Trường Cao đẳng Kỹ thuật số \($0)", region: scenario.regions[$0 % 63].id,
                        kind: .college, ownership: .public)
        }
        scenario.programs = (0..<3000).map { index in
            let institution = scenario.institutions[index % 400]
            return Program(
                id: Program.ID("P\(index)"), institution: institution.id, curriculum: "C", baselineIntake: 40, capacity: 80,
                tuitionPerYear: 12_000_000, skill: skillIDs[index % 2], region: institution.region, level: .college,
                durationYears: index % 4, completionRate: 0.85, industryEntryRate: 0.7)
        }
        scenario.enterprises = (1...6000).map {
            Enterprise(id: Enterprise.ID("E\($0)"), name: "Công ty Cơ khí số \($0)", region: scenario.regions[$0 % 63].id,
                       sector: "AUTO", ownership: $0 % 3 == 0 ? .fdi : .domestic, size: .small, tier: 2)
        }
        scenario.postings = (0..<12000).map { index in
            let enterprise = scenario.enterprises[index % 6000]
            return InternshipPosting(
                id: InternshipPosting.ID("J\(index)"), enterprise: enterprise.id, skill: skillIDs[index % 2],
                region: enterprise.region, slots: 1 + index % 8, months: 6, stipendPerMonth: 4_500_000, minimumYear: 2)
        }
        scenario.students = (0..<100_000).map { index in
            let skill = index % 2
            let preferences = (0..<5).map { _ in scenario.postings[2 * Int.random(in: 0..<6000, using: &random) + skill].id }
            var unique: [InternshipPosting.ID] = []
            for preference in preferences where !unique.contains(preference) { unique.append(preference) }
            return Student(
                id: Student.ID("S\(index)"), institution: scenario.institutions[index % 400].id, skill: skillIDs[skill],
                year: 2 + index % 3, score: Double(index % 1000) / 10, homeRegion: scenario.regions[index % 63].id,
                preferences: unique)
        }
        let forecast = try ForecastModel.project(scenario)
        let problem = try MatchingProblem(postings: scenario.postings, students: scenario.students)
        let matching = DeferredAcceptance.match(problem)
        let funding = FundedPlaces.assign(matching, problem: problem, enterprises: scenario.enterprises, terms: scenario.fund.internships,
                                          quotas: small.plan.internQuotas(), year: scenario.fund.budgetYears.first)
        return PlanWorkbookContext(
            scenario: scenario, forecast: forecast, plan: small.plan, frontier: small.frontier,
            internships: InternshipRound(problem: problem, matching: matching, funding: funding), audit: small.audit)
    }

    /// User plus system CPU time of this process, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    @Test("every workbook at national scale")
    func national() throws {
        let context = try Self.nationalContext()
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let clock = ContinuousClock()
        var written: [URL] = []
        let cpuBefore = Self.cpuSeconds()
        let elapsed = try clock.measure { written = try PlanWorkbooks.write(into: directory.url, context: context) }
        print("national scale: \(written.count) workbooks in \(elapsed), \(Self.cpuSeconds() - cpuBefore) s of CPU")
        #expect(written.count == 1 + 400 + 6000)
    }
}
