import Foundation
import Testing
import Workforce

/// Small scenarios built in code, with every kind of entity, and ways to break them.
enum StoreFixture {
    /// Expects a scenario read back from the store to hold every entity of the one imported,
    /// part by part (so that a failure names the part).
    static func expectSameEntities(_ back: Scenario, _ scenario: Scenario, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(back.settings == scenario.settings, sourceLocation: sourceLocation)
        #expect(back.skills == scenario.skills, sourceLocation: sourceLocation)
        #expect(back.regions == scenario.regions, sourceLocation: sourceLocation)
        #expect(back.sectors == scenario.sectors, sourceLocation: sourceLocation)
        #expect(back.initialStock == scenario.initialStock, sourceLocation: sourceLocation)
        #expect(back.variants == scenario.variants, sourceLocation: sourceLocation)
        #expect(back.curricula == scenario.curricula, sourceLocation: sourceLocation)
        #expect(back.institutions == scenario.institutions, sourceLocation: sourceLocation)
        #expect(back.programs == scenario.programs, sourceLocation: sourceLocation)
        #expect(back.enterprises == scenario.enterprises, sourceLocation: sourceLocation)
        #expect(back.postings == scenario.postings, sourceLocation: sourceLocation)
        #expect(back.students == scenario.students, sourceLocation: sourceLocation)
        #expect(back.rankings == scenario.rankings, sourceLocation: sourceLocation)
        #expect(back.fund == scenario.fund, sourceLocation: sourceLocation)
    }

    static let hash = String(repeating: "ab", count: 32)
    static let otherHash = String(repeating: "cd", count: 32)

    static let files = [
        SourceFileDigest(path: "scenario.yaml", sha256: String(repeating: "1", count: 64), byteCount: 900),
        SourceFileDigest(path: "fund.yaml", sha256: String(repeating: "2", count: 64), byteCount: 400),
        SourceFileDigest(path: "Curricula/mat-bsc.yaml", sha256: String(repeating: "3", count: 64), byteCount: 300),
    ]

    /// Two skills, two regions, one sector, two curricula (one upskilling), two institutions,
    /// three programmes (one on-site), two enterprises, two postings, three students, two ranks.
    static func scenario() -> Scenario {
        let skills = [
            Skill(id: "MAT", name: "Materials", weight: 1.0, attritionRate: 0.05),
            Skill(id: "AUTO", name: "Automation", weight: 1.5, attritionRate: 0.04),
        ]
        let regions = [
            Region(id: "HN", name: "Hà Nội", macroRegion: "Red River Delta"),
            Region(id: "BN", name: "Bắc Ninh", macroRegion: "Red River Delta"),
        ]
        let sectors = [
            Sector(
                id: "ELEC", name: "Electronics", baseOutput: ["HN": 10, "BN": 20.5], growthRate: 0.08,
                localisation: LocalisationPath(anchors: [.init(year: 2025, rate: 0.3), .init(year: 2030, rate: 0.5)]),
                intensity: ["MAT": 2, "AUTO": 3.25]
            ),
        ]
        let variants = [
            ScenarioVariant(
                name: "fast", description: "Faster localisation", productivityGrowth: 0.06,
                sectorGrowthRate: ["ELEC": 0.1],
                sectorLocalisation: ["ELEC": LocalisationPath(anchors: [.init(year: 2025, rate: 0.3), .init(year: 2030, rate: 0.7)])],
                attritionRate: ["MAT": 0.04], intakeScale: 1.2
            ),
            ScenarioVariant(name: "flat", description: ""),
        ]
        let curricula = [
            Curriculum(
                id: "MAT-BSC", name: "Bachelor of Materials Engineering", skill: "MAT", level: .bachelor,
                durationYears: 4,
                modules: [
                    CurriculumModule(name: "Polymers", hours: 120, competencies: ["injection moulding", "polymer testing"]),
                    CurriculumModule(name: "Metallurgy", hours: 90, competencies: []),
                ],
                completionRate: 0.78, industryEntryRate: 0.7
            ),
            Curriculum(
                id: "AUTO-UPS", name: "PLC upskilling", skill: "AUTO", level: .upskilling, durationYears: 0,
                modules: [CurriculumModule(name: "PLC; basics", hours: 40, competencies: ["PLC programming"])],
                completionRate: 0.95, industryEntryRate: 0.9
            ),
        ]
        let institutions = [
            Institution(id: "INST-A", name: "Đại học A", region: "HN", kind: .university, ownership: .public),
            Institution(id: "INST-B", name: "Trung tâm B", region: "BN", kind: .trainingCentre, ownership: .private),
        ]
        let programs = [
            Program(
                id: "P-A-MAT", institution: "INST-A", curriculum: "MAT-BSC", baselineIntake: 50, capacity: 70,
                tuitionPerYear: 20_000_000, skill: "MAT", region: "HN", level: .bachelor, durationYears: 4,
                completionRate: 0.78, industryEntryRate: 0.7
            ),
            Program(
                id: "P-B-MAT", institution: "INST-B", curriculum: "MAT-BSC", baselineIntake: 0, capacity: 0,
                tuitionPerYear: 0, skill: "MAT", region: "BN", level: .bachelor, durationYears: 4,
                completionRate: 0.8, industryEntryRate: 0.6
            ),
            Program(
                id: "P-B-UPS", institution: "INST-B", curriculum: "AUTO-UPS", baselineIntake: 0, capacity: 30,
                tuitionPerYear: 8_000_000, hostEnterprise: "ENT-1", skill: "AUTO", region: "BN", level: .upskilling,
                durationYears: 0, completionRate: 0.95, industryEntryRate: 0.9
            ),
        ]
        let enterprises = [
            Enterprise(id: "ENT-1", name: "Công ty Một", region: "BN", sector: "ELEC", ownership: .domestic, size: .small, tier: 2),
            Enterprise(id: "ENT-2", name: "FDI Two", region: "HN", sector: "ELEC", ownership: .fdi, size: .large, tier: 1),
        ]
        let postings = [
            InternshipPosting(id: "POST-1", enterprise: "ENT-1", skill: "AUTO", region: "BN", slots: 2, months: 3,
                              stipendPerMonth: 4_000_000, minimumYear: 2),
            InternshipPosting(id: "POST-2", enterprise: "ENT-2", skill: "MAT", region: "HN", slots: 1, months: 6,
                              stipendPerMonth: 5_000_000, minimumYear: 3),
        ]
        let students = [
            Student(id: "STU-1", institution: "INST-B", skill: "AUTO", year: 2, score: 80, homeRegion: "BN", preferences: ["POST-1"]),
            Student(id: "STU-2", institution: "INST-A", skill: "MAT", year: 3, score: 75.5, homeRegion: "HN", preferences: []),
            Student(id: "STU-3", institution: "INST-A", skill: "MAT", year: 4, score: 90, homeRegion: "HN",
                    preferences: ["POST-2", "POST-1"]),
        ]
        let rankings = [
            PostingRank(posting: "POST-2", student: "STU-3", rank: 1),
            PostingRank(posting: "POST-1", student: "STU-1", rank: 1),
        ]
        let fund = FundPolicy(
            name: "Test fund", budgetByYear: [2026: 1_000_000_000, 2027: 2_000_000_000], carryOver: true,
            scholarships: ScholarshipTerms(enabled: true, livingSupportPerYear: 12_000_000),
            internships: InternshipTerms(
                enabled: true, entryUplift: 0.2, fundedOwnership: [.domestic], fundedSizes: [.micro, .small],
                fundedSkills: ["AUTO"], matchingBudget: 50_000_000
            ),
            onsiteTraining: OnsiteTrainingTerms(enabled: false),
            fairness: FairnessRules(
                institutionShareCap: 0.8, regionalFloor: .init(share: 0.05, regions: ["HN"]),
                needProportionalTolerance: nil, domesticSMEInternshipShare: 0.5, skillMinimumShare: ["MAT": 0.1]
            )
        )
        return Scenario(
            settings: ScenarioSettings(name: "tiny", title: "Tiny test scenario", baseYear: 2026, horizonYears: 3,
                                       productivityGrowth: 0.0524, discountRate: 0.03),
            skills: skills, regions: regions, sectors: sectors,
            initialStock: ["MAT": ["HN": 100, "BN": 80], "AUTO": ["HN": 120.5]],
            variants: variants, curricula: curricula, institutions: institutions, programs: programs,
            enterprises: enterprises, postings: postings, students: students, rankings: rankings, fund: fund
        )
    }

    /// The rows `scenario()` adds to each table, counted by hand.
    static let rowsPerTable: [String: Int] = [
        "dataset": 1, "source_file": 3, "skill": 2, "region": 2, "sector": 1, "sector_output": 2,
        "sector_localisation": 2, "sector_intensity": 2, "initial_stock": 3, "variant": 2, "curriculum": 2,
        "curriculum_module": 3, "institution": 2, "enterprise": 2, "program": 3, "posting": 2, "student": 3,
        "posting_rank": 2, "fund_policy": 1, "fund_budget": 2, "run": 0, "run_result": 0,
    ]

    /// A scenario of `students` students, `postings` postings and `enterprises` enterprises,
    /// each student with five preferences, built from a seeded generator.
    static func large(students: Int, postings: Int, enterprises: Int, seed: UInt64) -> Scenario {
        var random = SplitMix64(seed: seed)
        var scenario = scenario()
        scenario.rankings = []
        scenario.enterprises += (0..<enterprises).map { index in
            Enterprise(
                id: Enterprise.ID("E\(index)"), name: "Enterprise \(index)", region: index.isMultiple(of: 2) ? "HN" : "BN",
                sector: "ELEC", ownership: Bool.random(using: &random) ? .fdi : .domestic,
                size: EnterpriseSize.allCases.randomElement(using: &random) ?? .small, tier: Int.random(in: 1...3, using: &random)
            )
        }
        scenario.postings = (0..<postings).map { index in
            InternshipPosting(
                id: InternshipPosting.ID("J\(index)"), enterprise: Enterprise.ID("E\(index % enterprises)"),
                skill: index.isMultiple(of: 2) ? "MAT" : "AUTO", region: "HN", slots: Int.random(in: 1...5, using: &random),
                months: 3, stipendPerMonth: 4_000_000, minimumYear: 1
            )
        }
        scenario.students = (0..<students).map { index in
            var wanted: [InternshipPosting.ID] = []
            while wanted.count < min(5, postings) {
                let posting = InternshipPosting.ID("J\(Int.random(in: 0..<postings, using: &random))")
                if !wanted.contains(posting) { wanted.append(posting) }
            }
            return Student(
                id: Student.ID("S\(index)"), institution: "INST-A", skill: "MAT", year: Int.random(in: 1...5, using: &random),
                score: Double(Int.random(in: 0...1000, using: &random)) / 10, homeRegion: "HN", preferences: wanted
            )
        }
        return scenario
    }
}

