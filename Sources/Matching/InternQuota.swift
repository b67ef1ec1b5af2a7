public import Workforce

/// The group of postings the fund plan counts its interns in: one skill, one province, whether
/// the posting's enterprise is a domestic SME (the plan's internship rule tells those apart), and
/// the stipend per intern (so the plan's money and the round's payments agree, not only counts).
/// These are the postings the allocation model treats alike (one column per group and year).
public struct InternGroup: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The postings' skill.
    public var skill: Skill.ID
    /// The postings' province.
    public var region: Region.ID
    /// Whether the postings' enterprise is a domestic micro, small or medium enterprise.
    public var domesticSME: Bool
    /// The stipend per intern (per month × months), whole VND.
    public var stipend: VND

    /// A group.
    public init(skill: Skill.ID, region: Region.ID, domesticSME: Bool, stipend: VND) {
        self.skill = skill
        self.region = region
        self.domesticSME = domesticSME
        self.stipend = stipend
    }

    /// The group of a posting at this enterprise.
    public init(_ posting: InternshipPosting, at enterprise: Enterprise) {
        self.init(skill: posting.skill, region: posting.region, domesticSME: enterprise.isDomesticSME, stipend: posting.stipendPerIntern)
    }

    /// Skill, then province, then domestic SMEs after the rest, then stipend.
    public static func < (a: InternGroup, b: InternGroup) -> Bool {
        (a.skill.rawValue, a.region.rawValue, a.domesticSME ? 1 : 0, a.stipend) < (b.skill.rawValue, b.region.rawValue, b.domesticSME ? 1 : 0, b.stipend)
    }

    /// `MAT HN domestic-sme 30000000` or `MAT HN other 24000000`.
    public var description: String { "\(skill) \(region) \(domesticSME ? "domestic-sme" : "other") \(stipend)" }
}

/// The fund plan's funded interns of one group in one year: what the matching of that year may
/// fund, and no more. The Matching target takes the plan as these plain values (it does not
/// depend on Allocation); the CLI turns an allocation plan into quotas.
public struct InternQuota: Hashable, Sendable {
    /// The plan's year.
    public var year: Int
    /// The postings the interns are counted in.
    public var group: InternGroup
    /// Funded interns in the plan (whole: a relaxed plan's fractions are rounded to the nearest).
    public var interns: Int
    /// What the plan spends on them, whole VND.
    public var planSupport: VND

    /// A quota.
    public init(year: Int, group: InternGroup, interns: Int, planSupport: VND) {
        self.year = year
        self.group = group
        self.interns = interns
        self.planSupport = planSupport
    }
}

/// How one group's quota was filled in a round.
public struct QuotaFill: Codable, Hashable, Sendable {
    /// The postings' skill.
    public var skill: String
    /// The postings' province.
    public var region: String
    /// Whether the postings' enterprise is a domestic SME.
    public var domesticSME: Bool
    /// The postings' stipend per intern, whole VND.
    public var stipend: VND
    /// Funded interns in the plan for the round's year (after what an earlier round funded).
    public var planInterns: Int
    /// Fund-backed places in this round: matched interns the fund pays for.
    public var fundedPlaces: Int
    /// Interns matched at the group's postings that the policy backs (the candidates).
    public var matchedBacked: Int
    /// The support paid for the round's fund-backed places, whole VND.
    public var support: VND

    /// The plan's interns no matched student took: `planInterns − fundedPlaces`.
    public var notTaken: Int { max(planInterns - fundedPlaces, 0) }

    enum CodingKeys: String, CodingKey {
        case skill, region, domesticSME = "domestic_sme", stipend = "stipend_vnd", planInterns = "plan_interns", fundedPlaces = "funded_places"
        case matchedBacked = "matched_backed", support = "support_vnd"
    }

    /// A fill.
    public init(group: InternGroup, planInterns: Int, fundedPlaces: Int, matchedBacked: Int, support: VND) {
        skill = group.skill.rawValue
        region = group.region.rawValue
        domesticSME = group.domesticSME
        stipend = group.stipend
        self.planInterns = planInterns
        self.fundedPlaces = fundedPlaces
        self.matchedBacked = matchedBacked
        self.support = support
    }
}
