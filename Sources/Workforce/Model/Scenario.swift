import Texts

/// The scenario-wide parameters of `scenario.yaml`.
public struct ScenarioSettings: Hashable, Sendable {
    /// Short name used in file names, e.g. `vietnam-2026-2035`.
    public var name: String
    public var title: String
    /// `t0`: the year the initial stock and base output describe.
    public var baseYear: Int
    /// `H`: the number of years planned, `t0 … t0+H−1`.
    public var horizonYears: Int
    /// `π`: yearly labour-productivity growth; demand per unit of output falls by `1/(1+π)` a year.
    public var productivityGrowth: Double
    /// Yearly discount rate of the shortage objective; `β = 1/(1+rate)`.
    public var discountRate: Double
    /// Where graduates go to work (`mobility:`); stay in their province when not given.
    public var mobility: GraduateMobility
    /// The age engineers retire at (`retirement_age:`), used with the skills' age profiles.
    public var retirementAge: Int?
    /// The distributions of the forecast's uncertain parameters (`uncertainty:`).
    public var uncertainty: ForecastUncertainty
    /// The language workbooks and templates are written in unless `--lang` says otherwise
    /// (`language:`); nil: English.
    public var language: Language?

    public init(
        name: String, title: String, baseYear: Int, horizonYears: Int, productivityGrowth: Double,
        discountRate: Double, mobility: GraduateMobility = .stayInProvince, retirementAge: Int? = nil,
        uncertainty: ForecastUncertainty = ForecastUncertainty()
    ) {
        self.mobility = mobility
        self.retirementAge = retirementAge
        self.uncertainty = uncertainty
        self.name = name
        self.title = title
        self.baseYear = baseYear
        self.horizonYears = horizonYears
        self.productivityGrowth = productivityGrowth
        self.discountRate = discountRate
    }

    /// The planned years, `t0 … t0+H−1`.
    public var years: ClosedRange<Int> { baseYear...(baseYear + max(horizonYears, 1) - 1) }
}

/// A named variant of a scenario that overrides some parameters (`variants:` in `scenario.yaml`).
public struct ScenarioVariant: Hashable, Sendable {
    public var name: String
    public var description: String
    public var productivityGrowth: Double?
    public var sectorGrowthRate: [Sector.ID: Double]
    public var sectorLocalisation: [Sector.ID: LocalisationPath]
    public var attritionRate: [Skill.ID: Double]
    /// Multiplies every programme's baseline intake (1 = unchanged).
    public var intakeScale: Double?

    public init(
        name: String, description: String = "", productivityGrowth: Double? = nil,
        sectorGrowthRate: [Sector.ID: Double] = [:],
        sectorLocalisation: [Sector.ID: LocalisationPath] = [:],
        attritionRate: [Skill.ID: Double] = [:], intakeScale: Double? = nil
    ) {
        self.name = name
        self.description = description
        self.productivityGrowth = productivityGrowth
        self.sectorGrowthRate = sectorGrowthRate
        self.sectorLocalisation = sectorLocalisation
        self.attritionRate = attritionRate
        self.intakeScale = intakeScale
    }

    /// The variant that changes nothing.
    public static let baseline = ScenarioVariant(name: "baseline", description: "The scenario as written")
}

/// Everything SkillPlan plans from: a validated scenario directory plus the curricula.
public struct Scenario: Sendable {
    public var settings: ScenarioSettings
    public var skills: [Skill]
    public var regions: [Region]
    public var sectors: [Sector]
    /// Engineers working in the base year, by skill and region.
    public var initialStock: [Skill.ID: [Region.ID: Double]]
    public var variants: [ScenarioVariant]
    public var curricula: [Curriculum]
    public var institutions: [Institution]
    public var programs: [Program]
    public var enterprises: [Enterprise]
    public var postings: [InternshipPosting]
    public var students: [Student]
    public var rankings: [PostingRank]
    public var fund: FundPolicy
    /// The variant applied to this value, `baseline` when none.
    public var variantName: String

    public init(
        settings: ScenarioSettings, skills: [Skill], regions: [Region], sectors: [Sector],
        initialStock: [Skill.ID: [Region.ID: Double]], variants: [ScenarioVariant],
        curricula: [Curriculum], institutions: [Institution], programs: [Program],
        enterprises: [Enterprise], postings: [InternshipPosting], students: [Student],
        rankings: [PostingRank], fund: FundPolicy, variantName: String = "baseline"
    ) {
        self.settings = settings
        self.skills = skills
        self.regions = regions
        self.sectors = sectors
        self.initialStock = initialStock
        self.variants = variants
        self.curricula = curricula
        self.institutions = institutions
        self.programs = programs
        self.enterprises = enterprises
        self.postings = postings
        self.students = students
        self.rankings = rankings
        self.fund = fund
        self.variantName = variantName
    }

    /// The planned years.
    public var years: ClosedRange<Int> { settings.years }

    /// The variant called `name`, `baseline` included even when the file does not list it.
    public func variant(named name: String) -> ScenarioVariant? {
        variants.first { $0.name == name } ?? (name == ScenarioVariant.baseline.name ? .baseline : nil)
    }

    /// This scenario with a variant's overrides applied.
    public func applying(_ variant: ScenarioVariant) -> Scenario {
        var result = self
        result.variantName = variant.name
        if let growth = variant.productivityGrowth { result.settings.productivityGrowth = growth }
        for index in result.sectors.indices {
            let id = result.sectors[index].id
            if let rate = variant.sectorGrowthRate[id] { result.sectors[index].growthRate = rate }
            if let path = variant.sectorLocalisation[id] { result.sectors[index].localisation = path }
        }
        for index in result.skills.indices {
            if let rate = variant.attritionRate[result.skills[index].id] {
                result.skills[index].attritionRate = rate
            }
        }
        if let scale = variant.intakeScale {
            for index in result.programs.indices {
                let scaled = Int((Double(result.programs[index].baselineIntake) * scale).rounded())
                result.programs[index].baselineIntake = min(scaled, result.programs[index].capacity)
            }
        }
        return result
    }

    /// Lookup tables built once, for stages that join by id.
    public var index: ScenarioIndex { ScenarioIndex(self) }
}

/// Dictionaries from id to entity over one scenario, so later stages join in O(1).
public struct ScenarioIndex: Sendable {
    public let skills: [Skill.ID: Skill]
    public let regions: [Region.ID: Region]
    public let sectors: [Sector.ID: Sector]
    public let curricula: [Curriculum.ID: Curriculum]
    public let institutions: [Institution.ID: Institution]
    public let programs: [Program.ID: Program]
    public let enterprises: [Enterprise.ID: Enterprise]
    public let postings: [InternshipPosting.ID: InternshipPosting]
    public let students: [Student.ID: Student]

    public init(_ scenario: Scenario) {
        skills = Dictionary(scenario.skills.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        regions = Dictionary(scenario.regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sectors = Dictionary(scenario.sectors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        curricula = Dictionary(scenario.curricula.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        institutions = Dictionary(scenario.institutions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        programs = Dictionary(scenario.programs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        enterprises = Dictionary(scenario.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        postings = Dictionary(scenario.postings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        students = Dictionary(scenario.students.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
