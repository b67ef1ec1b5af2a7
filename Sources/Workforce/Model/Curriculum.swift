/// The level of a qualification.
public enum QualificationLevel: String, CaseIterable, Hashable, Sendable, Codable {
    case vocational, college, bachelor
    /// Short courses for people already at work; run on site with enterprises.
    case upskilling
}

/// One module of a curriculum.
public struct CurriculumModule: Hashable, Sendable {
    public var name: String
    public var hours: Int
    /// What the module makes a student able to do, e.g. "CNC machining", "PLC programming".
    public var competencies: [String]

    public init(name: String, hours: Int, competencies: [String]) {
        self.name = name
        self.hours = hours
        self.competencies = competencies
    }
}

/// What a programme teaches: one file in `Curricula/`.
public struct Curriculum: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Curriculum>
    public var id: ID
    public var name: String
    public var skill: Skill.ID
    public var level: QualificationLevel
    /// Whole years from intake to graduation `d_p`; 0 for a course that finishes within the year.
    public var durationYears: Int
    public var modules: [CurriculumModule]
    /// Default share `c_p` of an intake that graduates.
    public var completionRate: Double
    /// Default share `e_p` of graduates who take a job in the supporting industries.
    public var industryEntryRate: Double
    /// Whether completers are new people in the industry or staff already at work.
    public var completers: CompleterKind
    /// Engineers of effective supply one entering completer counts for (1: a full engineer; for
    /// upskilled staff the share of an engineer's work they take on; 0: none).
    public var effectiveSupplyFactor: Double

    public init(
        id: ID, name: String, skill: Skill.ID, level: QualificationLevel, durationYears: Int,
        modules: [CurriculumModule], completionRate: Double, industryEntryRate: Double,
        completers: CompleterKind? = nil, effectiveSupplyFactor: Double? = nil
    ) {
        let kind = completers ?? (level == .upskilling ? .upskilledStaff : .newHeadcount)
        self.completers = kind
        self.effectiveSupplyFactor = effectiveSupplyFactor ?? (kind == .upskilledStaff ? 0 : 1)
        self.id = id
        self.name = name
        self.skill = skill
        self.level = level
        self.durationYears = durationYears
        self.modules = modules
        self.completionRate = completionRate
        self.industryEntryRate = industryEntryRate
    }

    /// Total taught hours over all modules.
    public var totalHours: Int { modules.reduce(0) { $0 + $1.hours } }
}
