/// Foreign-invested or Vietnamese-owned.
public enum Ownership: String, CaseIterable, Hashable, Sendable, Codable {
    case fdi, domestic
}

/// Enterprise size class (Decree 80/2021 thresholds are the usual reference).
public enum EnterpriseSize: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case micro, small, medium, large

    private var order: Int {
        switch self {
        case .micro: 0
        case .small: 1
        case .medium: 2
        case .large: 3
        }
    }

    public static func < (lhs: EnterpriseSize, rhs: EnterpriseSize) -> Bool { lhs.order < rhs.order }

    /// Micro, small and medium enterprises.
    public var isSME: Bool { self != .large }
}

/// A manufacturer or supplier that hosts interns and on-site training.
public struct Enterprise: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Enterprise>
    public var id: ID
    public var name: String
    public var region: Region.ID
    public var sector: Sector.ID
    public var ownership: Ownership
    public var size: EnterpriseSize
    /// Position in the supply chain: 1 supplies the assembler directly, 2 and 3 supply suppliers.
    public var tier: Int

    public init(
        id: ID, name: String, region: Region.ID, sector: Sector.ID, ownership: Ownership,
        size: EnterpriseSize, tier: Int
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.sector = sector
        self.ownership = ownership
        self.size = size
        self.tier = tier
    }

    /// A Vietnamese-owned micro, small or medium enterprise: the firms the fairness rules protect.
    public var isDomesticSME: Bool { ownership == .domestic && size.isSME }
}

/// An internship an enterprise offers: one row of `postings.csv`.
public struct InternshipPosting: Identifiable, Hashable, Sendable {
    public typealias ID = Code<InternshipPosting>
    public var id: ID
    public var enterprise: Enterprise.ID
    public var skill: Skill.ID
    public var region: Region.ID
    /// How many interns the posting takes.
    public var slots: Int
    public var months: Int
    public var stipendPerMonth: VND
    /// The lowest year of study an applicant may be in (1 = first year).
    public var minimumYear: Int

    public init(
        id: ID, enterprise: Enterprise.ID, skill: Skill.ID, region: Region.ID, slots: Int,
        months: Int, stipendPerMonth: VND, minimumYear: Int
    ) {
        self.id = id
        self.enterprise = enterprise
        self.skill = skill
        self.region = region
        self.slots = slots
        self.months = months
        self.stipendPerMonth = stipendPerMonth
        self.minimumYear = minimumYear
    }

    /// The stipend for one intern over the whole internship.
    public var stipendPerIntern: VND { stipendPerMonth * VND(months) }
}

/// A student applying for internships: pseudonymous, no names or personal data.
public struct Student: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Student>
    public var id: ID
    public var institution: Institution.ID
    public var skill: Skill.ID
    /// Year of study, 1 for first year.
    public var year: Int
    /// The academic score postings rank by when there is no rankings file (higher is better).
    public var score: Double
    public var homeRegion: Region.ID
    /// Posting ids, most wanted first.
    public var preferences: [InternshipPosting.ID]

    public init(
        id: ID, institution: Institution.ID, skill: Skill.ID, year: Int, score: Double,
        homeRegion: Region.ID, preferences: [InternshipPosting.ID]
    ) {
        self.id = id
        self.institution = institution
        self.skill = skill
        self.year = year
        self.score = score
        self.homeRegion = homeRegion
        self.preferences = preferences
    }
}

/// A posting's explicit rank of a student: one row of `rankings.csv` (1 = best).
public struct PostingRank: Hashable, Sendable {
    public var posting: InternshipPosting.ID
    public var student: Student.ID
    public var rank: Int

    public init(posting: InternshipPosting.ID, student: Student.ID, rank: Int) {
        self.posting = posting
        self.student = student
        self.rank = rank
    }
}
