/// What kind of training institution.
public enum InstitutionKind: String, CaseIterable, Hashable, Sendable, Codable {
    case university, college, vocational
    case trainingCentre = "training-centre"
}

/// Who owns an institution.
public enum InstitutionOwnership: String, CaseIterable, Hashable, Sendable, Codable {
    case `public`, `private`
}

/// A university, college, vocational school or training centre.
public struct Institution: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Institution>
    public var id: ID
    public var name: String
    public var region: Region.ID
    public var kind: InstitutionKind
    public var ownership: InstitutionOwnership

    public init(id: ID, name: String, region: Region.ID, kind: InstitutionKind, ownership: InstitutionOwnership) {
        self.id = id
        self.name = name
        self.region = region
        self.kind = kind
        self.ownership = ownership
    }
}

/// A curriculum taught by an institution: where students are admitted and scholarships bought.
///
/// The loader resolves the curriculum and institution, so a programme carries its skill, region,
/// level, duration and rates directly.
public struct Program: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Program>
    public var id: ID
    public var institution: Institution.ID
    public var curriculum: Curriculum.ID
    /// Students admitted each year without the fund (`N` without scholarships).
    public var baselineIntake: Int
    /// The most students the programme can admit in a year; `capacity − baselineIntake` is the
    /// spare capacity scholarships can fill.
    public var capacity: Int
    /// Tuition per student per year of study, whole VND (for upskilling courses: per course).
    public var tuitionPerYear: VND
    /// For on-site courses, the enterprise that hosts them.
    public var hostEnterprise: Enterprise.ID?

    // Resolved from the curriculum and the institution.
    public var skill: Skill.ID
    public var region: Region.ID
    public var level: QualificationLevel
    public var durationYears: Int
    /// `c_p`, the curriculum's default unless programs.csv overrides it.
    public var completionRate: Double
    /// `e_p`, the curriculum's default unless programs.csv overrides it.
    public var industryEntryRate: Double
    /// The curriculum's completers: new headcount or upskilled staff.
    public var completers: CompleterKind
    /// The curriculum's effective-supply factor `f_p` per entering completer.
    public var effectiveSupplyFactor: Double

    public init(
        id: ID, institution: Institution.ID, curriculum: Curriculum.ID, baselineIntake: Int,
        capacity: Int, tuitionPerYear: VND, hostEnterprise: Enterprise.ID? = nil,
        skill: Skill.ID, region: Region.ID, level: QualificationLevel, durationYears: Int,
        completionRate: Double, industryEntryRate: Double, completers: CompleterKind? = nil,
        effectiveSupplyFactor: Double? = nil
    ) {
        let kind = completers ?? (level == .upskilling ? .upskilledStaff : .newHeadcount)
        self.completers = kind
        self.effectiveSupplyFactor = effectiveSupplyFactor ?? (kind == .upskilledStaff ? 0 : 1)
        self.id = id
        self.institution = institution
        self.curriculum = curriculum
        self.baselineIntake = baselineIntake
        self.capacity = capacity
        self.tuitionPerYear = tuitionPerYear
        self.hostEnterprise = hostEnterprise
        self.skill = skill
        self.region = region
        self.level = level
        self.durationYears = durationYears
        self.completionRate = completionRate
        self.industryEntryRate = industryEntryRate
    }

    /// Seats scholarships can add in a year.
    public var spareCapacity: Int { max(0, capacity - baselineIntake) }

    /// Engineers of effective supply one admitted student adds: `c_p · e_p · f_p`.
    public var engineersPerSeat: Double { completionRate * industryEntryRate * effectiveSupplyFactor }

    /// Whether completers add to the stock's headcount (not upskilled staff already at work).
    public var addsHeadcount: Bool { completers == .newHeadcount }

    /// Whether this is a short on-site course (an instrument `z`), not a degree programme (`x`).
    public var isOnsiteTraining: Bool { level == .upskilling }
}
