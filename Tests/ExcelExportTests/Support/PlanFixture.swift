import Allocation
import Foundation
import Forecast
import Matching
import Workforce

@testable import ExcelExport

/// A small scenario built in code, planned for real (forecast, allocation, frontier, matching,
/// funded places), with Vietnamese names.
enum PlanFixture {
    static let created = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z

    static var scenario: Scenario {
        let years = 2026...2030
        let anchors = [LocalisationPath.Anchor(year: years.lowerBound, rate: 1), .init(year: years.upperBound, rate: 1)]
        let skills = [
            Skill(id: "MAT", name: "Kỹ thuật vật liệu", weight: 1, attritionRate: 0.02),
            Skill(id: "MOULD", name: "Công nghệ khuôn mẫu", weight: 1.5, attritionRate: 0.03),
        ]
        let regions = [
            Region(id: "HN", name: "Hà Nội", macroRegion: "Đồng bằng sông Hồng"),
            Region(id: "BN", name: "Bắc Ninh", macroRegion: "Đồng bằng sông Hồng"),
        ]
        let sectors = [
            Sector(
                id: "AUTO", name: "Ô tô và linh kiện", baseOutput: ["HN": 1000, "BN": 500], growthRate: 0.03,
                localisation: LocalisationPath(anchors: anchors), intensity: ["MAT": 1]),
            Sector(
                id: "MOULDS", name: "Khuôn mẫu", baseOutput: ["HN": 800, "BN": 600], growthRate: 0.02,
                localisation: LocalisationPath(anchors: anchors), intensity: ["MOULD": 1]),
        ]
        let institutions = [
            Institution(id: "HUST", name: "Đại học Bách khoa Hà Nội", region: "HN", kind: .university, ownership: .public),
            Institution(id: "BNC", name: "Trường Cao đẳng Công nghiệp Bắc Ninh", region: "BN", kind: .college, ownership: .public),
            Institution(id: "EMPTY", name: "Trung tâm Đào tạo Trống", region: "BN", kind: .trainingCentre, ownership: .private),
        ]
        func program(
            _ id: String, _ institution: Institution.ID, _ skill: Skill.ID, _ region: Region.ID, level: QualificationLevel,
            duration: Int, baseline: Int, capacity: Int, tuition: VND, host: Enterprise.ID? = nil
        ) -> Program {
            Program(
                id: Program.ID(id), institution: institution, curriculum: Curriculum.ID("C-\(id)"), baselineIntake: baseline,
                capacity: capacity, tuitionPerYear: tuition, hostEnterprise: host, skill: skill, region: region, level: level,
                durationYears: duration, completionRate: 0.9, industryEntryRate: 0.8,
                // Upskilled staff take on half an engineer's work each (an assumption of this fixture).
                effectiveSupplyFactor: level == .upskilling ? 0.5 : 1)
        }
        let programs = [
            program("P-HUST-MAT", "HUST", "MAT", "HN", level: .vocational, duration: 1, baseline: 40, capacity: 70, tuition: 15_000_000),
            program("P-HUST-MOULD", "HUST", "MOULD", "HN", level: .college, duration: 2, baseline: 30, capacity: 60, tuition: 12_000_000),
            program("P-HUST-MOULD-V", "HUST", "MOULD", "HN", level: .vocational, duration: 1, baseline: 10, capacity: 30, tuition: 9_000_000),
            program("P-BNC-MOULD", "BNC", "MOULD", "BN", level: .vocational, duration: 1, baseline: 20, capacity: 50, tuition: 10_000_000),
            program("OS-BNC-MAT", "BNC", "MAT", "BN", level: .upskilling, duration: 0, baseline: 0, capacity: 20, tuition: 5_000_000, host: "E-DN"),
        ]
        let enterprises = [
            Enterprise(id: "E-FDI", name: "Công ty TNHH Linh kiện Ô tô Việt", region: "HN", sector: "AUTO", ownership: .fdi, size: .large, tier: 1),
            Enterprise(id: "E-DN", name: "Công ty Cổ phần Cơ khí Chính xác Đông Anh", region: "BN", sector: "MOULDS", ownership: .domestic, size: .small, tier: 2),
            Enterprise(id: "E-NONE", name: "Công ty Không Tuyển", region: "HN", sector: "AUTO", ownership: .domestic, size: .micro, tier: 3),
        ]
        let postings = [
            InternshipPosting(id: "J1", enterprise: "E-FDI", skill: "MAT", region: "HN", slots: 2, months: 6, stipendPerMonth: 5_000_000, minimumYear: 3),
            InternshipPosting(id: "J2", enterprise: "E-DN", skill: "MOULD", region: "BN", slots: 3, months: 4, stipendPerMonth: 4_000_000, minimumYear: 2),
            InternshipPosting(id: "J3", enterprise: "E-DN", skill: "MAT", region: "BN", slots: 1, months: 3, stipendPerMonth: 3_500_000, minimumYear: 3),
        ]
        let students = [
            Student(id: "S1", institution: "HUST", skill: "MAT", year: 4, score: 88, homeRegion: "HN", preferences: ["J1", "J3"]),
            Student(id: "S2", institution: "HUST", skill: "MAT", year: 3, score: 80, homeRegion: "HN", preferences: ["J1"]),
            Student(id: "S3", institution: "HUST", skill: "MAT", year: 3, score: 91.5, homeRegion: "BN", preferences: ["J3", "J1"]),
            Student(id: "S4", institution: "BNC", skill: "MOULD", year: 2, score: 70, homeRegion: "BN", preferences: ["J2"]),
            Student(id: "S5", institution: "BNC", skill: "MOULD", year: 1, score: 95, homeRegion: "BN", preferences: ["J2"]),
            Student(id: "S6", institution: "HUST", skill: "MOULD", year: 3, score: 75, homeRegion: "HN", preferences: ["J2"]),
        ]
        let fund = FundPolicy(
            name: "Quỹ Phát triển Công nghiệp Hỗ trợ", budgetByYear: [2027: 1_500_000_000, 2028: 1_000_000_000], carryOver: false,
            scholarships: ScholarshipTerms(enabled: true, livingSupportPerYear: 2_000_000),
            internships: InternshipTerms(enabled: true, entryUplift: 0.3, fundedOwnership: [.domestic], matchingBudget: 30_000_000),
            onsiteTraining: OnsiteTrainingTerms(enabled: true),
            fairness: FairnessRules(regionalFloor: .init(share: 0.05), domesticSMEInternshipShare: 0.5))
        return Scenario(
            settings: ScenarioSettings(
                name: "vn-test", title: "Thử nghiệm công nghiệp hỗ trợ 2026–2030", baseYear: 2026, horizonYears: 5,
                productivityGrowth: 0.01, discountRate: 0.03),
            skills: skills, regions: regions, sectors: sectors,
            initialStock: ["MAT": ["HN": 900, "BN": 480], "MOULD": ["HN": 700, "BN": 560]], variants: [], curricula: [],
            institutions: institutions, programs: programs, enterprises: enterprises, postings: postings, students: students,
            rankings: [], fund: fund)
    }

    static func makeContext(withStudents: Bool) throws -> PlanWorkbookContext {
        let scenario = scenario
        let forecast = try ForecastModel.project(scenario)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        let frontier = try AllocationPlanner.frontier(scenario: scenario, forecast: forecast, multiples: [0, 0.5, 1, 2])
        var round: InternshipRound?
        if withStudents {
            let problem = try MatchingProblem(postings: scenario.postings, students: scenario.students)
            let matching = DeferredAcceptance.match(problem)
            let funding = FundedPlaces.assign(
                matching, problem: problem, enterprises: scenario.enterprises, terms: scenario.fund.internships,
                quotas: plan.internQuotas(), year: scenario.fund.budgetYears.first)
            round = InternshipRound(problem: problem, matching: matching, funding: funding)
        }
        return PlanWorkbookContext(
            scenario: scenario, forecast: forecast, plan: plan, frontier: frontier, internships: round,
            audit: AuditFacts(
                runID: "run-42", datasetHash: "sha256:0123abcd", softwareVersion: "0.9.0-test", created: created))
    }
}

/// A fresh directory under the system temporary directory.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("skillplan-excel-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
