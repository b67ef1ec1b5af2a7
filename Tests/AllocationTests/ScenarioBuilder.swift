import Forecast
import Workforce

/// A tiny scenario built in code: constant demand and stock per skill and region (attrition 0 by
/// default, no productivity growth), so gaps are easy to work out by hand.
struct ScenarioBuilder {
    var baseYear = 2026
    var horizon = 4
    var discountRate = 0.0
    var skills: [Skill] = [Skill(id: "MAT", name: "Materials", weight: 1, attritionRate: 0)]
    var regions: [Region] = [Region(id: "HN", name: "Hà Nội", macroRegion: "Red River Delta")]
    /// Engineers needed each year, by skill then region.
    var demand: [Skill.ID: [Region.ID: Double]] = ["MAT": ["HN": 1000]]
    /// Engineers working in the base year (and, with attrition 0, every year).
    var stock: [Skill.ID: [Region.ID: Double]] = ["MAT": ["HN": 900]]
    var institutions: [Institution] = []
    var programs: [Program] = []
    var enterprises: [Enterprise] = []
    var postings: [InternshipPosting] = []
    /// Students who ranked postings (the eligible pools of the internship stipends).
    var students: [Student] = []
    var budget: [Int: VND] = [2027: 400_000_000]
    var carryOver = false
    var livingSupport: VND = 0
    var scholarshipsEnabled = true
    var internshipsEnabled = true
    var onsiteEnabled = true
    var entryUplift = 0.5
    var fairness = FairnessRules()
    /// Terminal years after the horizon (0: the hand-worked cases count the horizon only).
    var terminalYears: Int? = 0
    /// Where graduates work (they stay in their province unless a test says otherwise).
    var mobility: GraduateMobility = .stayInProvince
    /// Seats the fund may add to programmes (none unless a test says so).
    var capacityExpansion: CapacityExpansionTerms?
    /// Stipends for graduates who move (none unless a test says so).
    var relocation: RelocationTerms?

    /// Adds a programme (and its institution if new): one engineer per seat by default.
    mutating func addProgram(
        _ id: String, institution: String = "INST-A", skill: Skill.ID = "MAT", region: Region.ID = "HN",
        duration: Int = 1, spare: Int, baseline: Int = 0, tuition: VND, completion: Double = 1,
        entry: Double = 1, onsite: Bool = false, host: Enterprise.ID? = nil
    ) {
        let institutionID = Institution.ID(institution)
        if !institutions.contains(where: { $0.id == institutionID }) {
            institutions.append(Institution(id: institutionID, name: institution, region: region, kind: .college, ownership: .public))
        }
        programs.append(Program(
            id: Program.ID(id), institution: institutionID, curriculum: Curriculum.ID("C-\(id)"),
            baselineIntake: baseline, capacity: baseline + spare, tuitionPerYear: tuition, hostEnterprise: host,
            skill: skill, region: region, level: onsite ? .upskilling : .vocational, durationYears: duration,
            completionRate: completion, industryEntryRate: entry,
            // On-site seats count as one engineer of effective supply each in these cases.
            effectiveSupplyFactor: 1))
    }

    /// Adds a posting (and its enterprise if new).
    mutating func addPosting(
        _ id: String, enterprise: String, ownership: Ownership = .fdi, size: EnterpriseSize = .large,
        skill: Skill.ID = "MAT", region: Region.ID = "HN", slots: Int, months: Int, stipend: VND
    ) {
        let enterpriseID = Enterprise.ID(enterprise)
        if !enterprises.contains(where: { $0.id == enterpriseID }) {
            enterprises.append(Enterprise(
                id: enterpriseID, name: enterprise, region: region, sector: Sector.ID("S-\(skill)"), ownership: ownership,
                size: size, tier: 2))
        }
        postings.append(InternshipPosting(
            id: InternshipPosting.ID(id), enterprise: enterpriseID, skill: skill, region: region, slots: slots,
            months: months, stipendPerMonth: stipend, minimumYear: 3))
    }

    /// Adds a second region with its demand and stock for every skill given.
    mutating func addRegion(_ id: Region.ID, demand: [Skill.ID: Double], stock: [Skill.ID: Double]) {
        regions.append(Region(id: id, name: id.rawValue, macroRegion: "Test"))
        for (skill, value) in demand { self.demand[skill, default: [:]][id] = value }
        for (skill, value) in stock { self.stock[skill, default: [:]][id] = value }
    }

    var lastYear: Int { baseYear + horizon - 1 }

    var scenario: Scenario {
        let anchors =
            horizon > 1
            ? [LocalisationPath.Anchor(year: baseYear, rate: 1), .init(year: lastYear, rate: 1)]
            : [LocalisationPath.Anchor(year: baseYear, rate: 1)]
        let sectors = skills.map { skill in
            Sector(
                id: Sector.ID("S-\(skill.id)"), name: "Sector of \(skill.id)", baseOutput: demand[skill.id] ?? [:],
                growthRate: 0, localisation: LocalisationPath(anchors: anchors), intensity: [skill.id: 1])
        }
        var fund = FundPolicy(
            name: "Test fund", budgetByYear: budget, carryOver: carryOver,
            scholarships: ScholarshipTerms(enabled: scholarshipsEnabled, livingSupportPerYear: livingSupport),
            internships: InternshipTerms(enabled: internshipsEnabled, entryUplift: entryUplift, matchingBudget: 0),
            onsiteTraining: OnsiteTrainingTerms(enabled: onsiteEnabled), fairness: fairness,
            terminalYears: terminalYears)
        fund.capacityExpansion = capacityExpansion
        fund.relocation = relocation
        return Scenario(
            settings: ScenarioSettings(
                name: "test", title: "Test", baseYear: baseYear, horizonYears: horizon, productivityGrowth: 0,
                discountRate: discountRate, mobility: mobility),
            skills: skills, regions: regions, sectors: sectors, initialStock: stock, variants: [], curricula: [],
            institutions: institutions, programs: programs, enterprises: enterprises, postings: postings,
            students: students, rankings: [], fund: fund)
    }

    var forecast: Forecast {
        get throws { try ForecastModel.project(scenario) }
    }

    /// One skill, one region, gap 100 a year in 2026–2029; P1 (10 M VND, 30 spare seats) and P2
    /// (20 M VND, 50 spare seats), both one-year courses adding one engineer per seat in 2028;
    /// budget only in 2027.
    static func twoProgrammes(budget: VND = 400_000_000) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.budget = [2027: budget]
        builder.addProgram("P1", institution: "INST-A", spare: 30, tuition: 10_000_000)
        builder.addProgram("P2", institution: "INST-B", spare: 50, tuition: 20_000_000)
        return builder
    }

    /// Two skills in one region HN, MAT and PM, with no attrition: their weights, demand and stock
    /// (constant, so each year's gap is demand − stock), money only as given.
    static func twoSkills(
        weights: (mat: Double, pm: Double), demand: (mat: Double, pm: Double), stock: (mat: Double, pm: Double),
        budget: [Int: VND]
    ) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.skills = [
            Skill(id: "MAT", name: "Materials", weight: weights.mat, attritionRate: 0),
            Skill(id: "PM", name: "Production management", weight: weights.pm, attritionRate: 0),
        ]
        builder.demand = ["MAT": ["HN": demand.mat], "PM": ["HN": demand.pm]]
        builder.stock = ["MAT": ["HN": stock.mat], "PM": ["HN": stock.pm]]
        builder.budget = budget
        return builder
    }
}
