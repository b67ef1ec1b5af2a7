import Workforce

/// Small scenarios built in code for the forecast tests.
enum Fixtures {
    static let fund = FundPolicy(
        name: "Test fund", budgetByYear: [:], carryOver: false,
        scholarships: ScholarshipTerms(enabled: true, livingSupportPerYear: 0),
        internships: InternshipTerms(enabled: false, entryUplift: 0, matchingBudget: 0),
        onsiteTraining: OnsiteTrainingTerms(enabled: false), fairness: FairnessRules())

    static func scenario(
        baseYear: Int = 2026, horizonYears: Int = 3, productivityGrowth: Double = 0,
        skills: [Skill], regions: [Region], sectors: [Sector],
        initialStock: [Skill.ID: [Region.ID: Double]] = [:], programs: [Program] = [],
        variants: [ScenarioVariant] = []
    ) -> Scenario {
        Scenario(
            settings: ScenarioSettings(
                name: "test", title: "Test scenario", baseYear: baseYear, horizonYears: horizonYears,
                productivityGrowth: productivityGrowth, discountRate: 0.03),
            skills: skills, regions: regions, sectors: sectors, initialStock: initialStock,
            variants: variants, curricula: [], institutions: [], programs: programs, enterprises: [],
            postings: [], students: [], rankings: [], fund: fund)
    }

    static func skill(_ id: Skill.ID, attrition: Double) -> Skill {
        Skill(id: id, name: id.rawValue, weight: 1, attritionRate: attrition)
    }

    static func region(_ id: Region.ID) -> Region {
        Region(id: id, name: id.rawValue, macroRegion: "Test")
    }

    static func path(_ anchors: (Int, Double)...) -> LocalisationPath {
        LocalisationPath(anchors: anchors.map { LocalisationPath.Anchor(year: $0.0, rate: $0.1) })
    }

    static func sector(
        _ id: Sector.ID, output: [Region.ID: Double], growth: Double, localisation: LocalisationPath,
        intensity: [Skill.ID: Double]
    ) -> Sector {
        Sector(
            id: id, name: id.rawValue, baseOutput: output, growthRate: growth,
            localisation: localisation, intensity: intensity)
    }

    static func program(
        _ id: Program.ID, skill: Skill.ID, region: Region.ID, intake: Int, duration: Int,
        completion: Double, entry: Double, level: QualificationLevel = .bachelor
    ) -> Program {
        Program(
            id: id, institution: "INST", curriculum: "CUR", baselineIntake: intake,
            capacity: intake * 2 + 10, tuitionPerYear: 10_000_000, skill: skill, region: region,
            level: level, durationYears: duration, completionRate: completion,
            industryEntryRate: entry)
    }

    /// One sector AUTO, one region HN, one skill MOULD, 2026–2028; worked by hand in
    /// `WorkedExampleTests`.
    static var workedExample: Scenario {
        scenario(
            horizonYears: 3, productivityGrowth: 0.05,
            skills: [skill("MOULD", attrition: 0.1)], regions: [region("HN")],
            sectors: [
                sector(
                    "AUTO", output: ["HN": 100], growth: 0.10,
                    localisation: path((2026, 0.40), (2028, 0.60)), intensity: ["MOULD": 2.0])
            ],
            initialStock: ["MOULD": ["HN": 50]],
            programs: [
                program("P1", skill: "MOULD", region: "HN", intake: 20, duration: 2, completion: 0.8, entry: 0.75)
            ])
    }
}


extension Fixtures {
    /// A random scenario of the given size, the same for the same seed.
    static func random(
        seed: UInt64, skills skillCount: Int, regions regionCount: Int, sectors sectorCount: Int,
        programs programCount: Int, horizonYears: Int = 10
    ) -> Scenario {
        var rng = SplitMix64(seed: seed)
        let skills = (0..<skillCount).map { skill(Skill.ID("S\($0)"), attrition: Double.random(in: 0.02...0.15, using: &rng)) }
        let regions = (0..<regionCount).map { region(Region.ID("R\($0)")) }
        let sectors = (0..<sectorCount).map { k in
            sector(
                Sector.ID("K\(k)"),
                output: Dictionary(uniqueKeysWithValues: regions.map { ($0.id, Double.random(in: 0...500, using: &rng)) }),
                growth: Double.random(in: -0.02...0.12, using: &rng),
                localisation: path(
                    (2026, Double.random(in: 0.2...0.4, using: &rng)),
                    (2030, Double.random(in: 0.4...0.6, using: &rng)),
                    (2026 + horizonYears, Double.random(in: 0.5...0.8, using: &rng))),
                intensity: Dictionary(uniqueKeysWithValues: skills.map { ($0.id, Double.random(in: 0...5, using: &rng)) }))
        }
        var stock: [Skill.ID: [Region.ID: Double]] = [:]
        for s in skills {
            for r in regions { stock[s.id, default: [:]][r.id] = Double.random(in: 0...2_000, using: &rng) }
        }
        let programs = (0..<programCount).map { p in
            let upskilling = Int.random(in: 0..<4, using: &rng) == 0
            return program(
                Program.ID("P\(p)"), skill: skills[Int.random(in: 0..<skillCount, using: &rng)].id,
                region: regions[Int.random(in: 0..<regionCount, using: &rng)].id,
                intake: Int.random(in: 0...120, using: &rng),
                duration: upskilling ? 0 : Int.random(in: 2...5, using: &rng),
                completion: Double.random(in: 0.5...0.95, using: &rng),
                entry: Double.random(in: 0.3...0.9, using: &rng),
                level: upskilling ? .upskilling : .bachelor)
        }
        return scenario(
            baseYear: 2026, horizonYears: horizonYears, productivityGrowth: 0.0524, skills: skills,
            regions: regions, sectors: sectors, initialStock: stock, programs: programs)
    }
}
