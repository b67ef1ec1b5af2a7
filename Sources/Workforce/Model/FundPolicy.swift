/// What the fund pays for and under which rules: `fund.yaml`.
public struct FundPolicy: Hashable, Sendable {
    /// The fund's name, e.g. "National Supporting Industry Development Fund".
    public var name: String
    /// Budget for training support per year, whole VND, for every year the fund spends.
    public var budgetByYear: [Int: VND]
    /// Whether money unspent in a year may be spent in a later year.
    public var carryOver: Bool
    public var scholarships: ScholarshipTerms
    public var internships: InternshipTerms
    public var onsiteTraining: OnsiteTrainingTerms
    public var fairness: FairnessRules
    /// Years after the horizon whose shortage still counts in the objective (the terminal value,
    /// `terminal_years`); nil: the longest programme's duration.
    public var terminalYears: Int?
    /// Seats the fund may add to degree programmes (`capacity_expansion`); nil: none.
    public var capacityExpansion: CapacityExpansionTerms?
    /// Stipends for graduates who move to a province short of their skill (`relocation`); nil: none.
    public var relocation: RelocationTerms?

    public init(
        name: String, budgetByYear: [Int: VND], carryOver: Bool, scholarships: ScholarshipTerms,
        internships: InternshipTerms, onsiteTraining: OnsiteTrainingTerms, fairness: FairnessRules,
        terminalYears: Int? = nil
    ) {
        self.terminalYears = terminalYears
        self.name = name
        self.budgetByYear = budgetByYear
        self.carryOver = carryOver
        self.scholarships = scholarships
        self.internships = internships
        self.onsiteTraining = onsiteTraining
        self.fairness = fairness
    }

    /// The budget years in order.
    public var budgetYears: [Int] { budgetByYear.keys.sorted() }

    /// The budget over all years.
    public var totalBudget: VND { budgetByYear.values.reduce(0, +) }
}

/// Terms of tuition scholarships (instrument `x`: extra intake in a programme).
public struct ScholarshipTerms: Hashable, Sendable {
    public var enabled: Bool
    /// Living support paid per scholarship student per year of study, on top of tuition.
    public var livingSupportPerYear: VND
    /// The share of funded seats whose students would not have enrolled without the scholarship
    /// (1 − deadweight): a seat adds `additionality · c · e · f` engineers.
    public var additionality: Double

    public init(enabled: Bool, livingSupportPerYear: VND, additionality: Double = 1) {
        self.enabled = enabled
        self.additionality = additionality
        self.livingSupportPerYear = livingSupportPerYear
    }
}

/// Terms of internship stipends (instrument `y`) and of fund-backed places in the matching.
public struct InternshipTerms: Hashable, Sendable {
    public var enabled: Bool
    /// How much a funded internship raises the chance that the intern enters the industry in the
    /// posting's region (0.2 = twenty percentage points).
    public var entryUplift: Double
    /// Which enterprises' postings the fund backs in the matching; empty means every ownership.
    public var fundedOwnership: [Ownership]
    /// Which enterprise sizes the fund backs in the matching; empty means every size.
    public var fundedSizes: [EnterpriseSize]
    /// Which skills the fund backs in the matching; empty means every skill.
    public var fundedSkills: [Skill.ID]
    /// The budget for fund-backed places in one matching round, whole VND.
    public var matchingBudget: VND
    /// At least this many interns placed at one group of postings in the matching
    /// (`internships.minimum_places`); nil when the policy sets no minimum.
    public var minimumPlaces: PostingGroupMinimum?

    public init(
        enabled: Bool, entryUplift: Double, fundedOwnership: [Ownership] = [],
        fundedSizes: [EnterpriseSize] = [], fundedSkills: [Skill.ID] = [], matchingBudget: VND,
        minimumPlaces: PostingGroupMinimum? = nil
    ) {
        self.minimumPlaces = minimumPlaces
        self.enabled = enabled
        self.entryUplift = entryUplift
        self.fundedOwnership = fundedOwnership
        self.fundedSizes = fundedSizes
        self.fundedSkills = fundedSkills
        self.matchingBudget = matchingBudget
    }

    /// Whether the policy backs interns at this enterprise in this skill.
    public func backs(_ enterprise: Enterprise, skill: Skill.ID) -> Bool {
        (fundedOwnership.isEmpty || fundedOwnership.contains(enterprise.ownership))
            && (fundedSizes.isEmpty || fundedSizes.contains(enterprise.size))
            && (fundedSkills.isEmpty || fundedSkills.contains(skill))
    }
}

/// A minimum number of interns the matching places at one group of postings (`fund.yaml`:
/// `internships.minimum_places`). A posting is in the group when its enterprise's ownership, its
/// enterprise's size and the posting's region are each in the lists given (an empty list admits
/// every value).
public struct PostingGroupMinimum: Hashable, Sendable {
    /// The group's name in reports, e.g. `domestic-sme`.
    public var group: String
    /// At least this many interns at the group's postings together.
    public var places: Int
    /// The enterprises' ownerships admitted; empty: every ownership.
    public var ownership: [Ownership]
    /// The enterprises' sizes admitted; empty: every size.
    public var sizes: [EnterpriseSize]
    /// The postings' regions admitted; empty: every region.
    public var regions: [Region.ID]

    public init(group: String, places: Int, ownership: [Ownership] = [], sizes: [EnterpriseSize] = [], regions: [Region.ID] = []) {
        self.group = group
        self.places = places
        self.ownership = ownership
        self.sizes = sizes
        self.regions = regions
    }

    /// Whether a posting of this enterprise is in the group.
    public func contains(_ posting: InternshipPosting, of enterprise: Enterprise?) -> Bool {
        (regions.isEmpty || regions.contains(posting.region))
            && (ownership.isEmpty || enterprise.map { ownership.contains($0.ownership) } ?? false)
            && (sizes.isEmpty || enterprise.map { sizes.contains($0.size) } ?? false)
    }
}

/// Terms of capacity expansion (`fund.yaml`: `capacity_expansion`): the fund pays once for a seat
/// added to a degree programme's yearly intake (lecturers, laboratory places), available
/// `leadYears` after it is bought; the added seats are filled with scholarship seats, so a seat
/// only adds engineers when the fund also funds a student in it.
public struct CapacityExpansionTerms: Hashable, Sendable {
    public var enabled: Bool
    /// The one-off cost of one seat of yearly intake, whole VND.
    public var costPerSeat: VND
    /// Years between buying a seat and its first intake.
    public var leadYears: Int
    /// At most this share of a programme's capacity may be added, over the whole plan.
    public var maximumShareOfCapacity: Double

    public init(enabled: Bool, costPerSeat: VND, leadYears: Int, maximumShareOfCapacity: Double) {
        self.enabled = enabled
        self.costPerSeat = costPerSeat
        self.leadYears = leadYears
        self.maximumShareOfCapacity = maximumShareOfCapacity
    }

    /// The most seats a programme may gain: `⌊share × capacity⌋`.
    public func maximumSeats(capacity: Int) -> Int {
        enabled ? max(0, Int((maximumShareOfCapacity * Double(capacity) + 1e-9).rounded(.down))) : 0
    }
}

/// Terms of graduate-relocation stipends (`fund.yaml`: `relocation`): a one-off stipend for a new
/// graduate who takes a job in a province short of their skill, leaving a province with a surplus of
/// it in every later year (so the move opens no shortage where they leave).
public struct RelocationTerms: Hashable, Sendable {
    public var enabled: Bool
    /// The one-off stipend per relocated graduate, whole VND.
    public var stipendPerGraduate: VND
    /// At most this share of a province's new entrants of a skill in a year may be relocated.
    public var maximumShareOfEntrants: Double

    public init(enabled: Bool, stipendPerGraduate: VND, maximumShareOfEntrants: Double) {
        self.enabled = enabled
        self.stipendPerGraduate = stipendPerGraduate
        self.maximumShareOfEntrants = maximumShareOfEntrants
    }
}

/// Terms of on-site training seats (instrument `z`: upskilling courses run with enterprises).
public struct OnsiteTrainingTerms: Hashable, Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }
}

/// The fund's fairness rules. Each is optional (nil or empty = not applied) and has a stable name
/// used in explanations and infeasibility reports.
public struct FairnessRules: Hashable, Sendable {
    /// `institution-share-cap`: no institution receives more than this share of total spend.
    public var institutionShareCap: Double?
    /// `regional-floor`: every region listed (or, with no list, every region that has a programme
    /// or posting) receives at least this share of total spend.
    public var regionalFloor: RegionalFloor?
    /// `need-proportional-regions`: each region's share of spend stays within this tolerance
    /// (0.25 = ±25 % of the share) of its share of the shortage before the plan.
    public var needProportionalTolerance: Double?
    /// `domestic-sme-internships`: at least this share of internship support goes to domestic SMEs.
    public var domesticSMEInternshipShare: Double?
    /// `skill-minimum`: at least this share of total spend goes to each listed skill.
    public var skillMinimumShare: [Skill.ID: Double]
    /// The rules that hold in every budget year (`per_year`, by their `fund.yaml` keys, e.g.
    /// `domestic_sme_internship_share`) instead of over the whole plan: a floor cannot then be
    /// met by buying late, nor a cap by spending early.
    public var perYear: Set<String> = []

    /// The keys of the rules that `per_year` may list.
    public static let ruleKeys = [
        "institution_share_cap", "regional_floor", "need_proportional_tolerance", "domestic_sme_internship_share",
        "skill_minimum_share",
    ]

    public init(
        institutionShareCap: Double? = nil, regionalFloor: RegionalFloor? = nil,
        needProportionalTolerance: Double? = nil, domesticSMEInternshipShare: Double? = nil,
        skillMinimumShare: [Skill.ID: Double] = [:]
    ) {
        self.institutionShareCap = institutionShareCap
        self.regionalFloor = regionalFloor
        self.needProportionalTolerance = needProportionalTolerance
        self.domesticSMEInternshipShare = domesticSMEInternshipShare
        self.skillMinimumShare = skillMinimumShare
    }

    /// A floor on each region's share of spend.
    public struct RegionalFloor: Hashable, Sendable {
        public var share: Double
        /// The regions the floor applies to; empty means every region with an instrument.
        public var regions: [Region.ID]

        public init(share: Double, regions: [Region.ID] = []) {
            self.share = share
            self.regions = regions
        }
    }
}
