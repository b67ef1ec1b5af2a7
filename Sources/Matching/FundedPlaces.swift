public import Workforce

/// One matched intern whose stipend the fund pays.
public struct FundedPlace: Hashable, Sendable {
    /// The funded intern.
    public var student: Student.ID
    /// The posting the intern is matched to.
    public var posting: InternshipPosting.ID
    /// The posting's enterprise.
    public var enterprise: Enterprise.ID
    /// The stipend paid: the posting's stipend per month × months, whole VND.
    public var support: VND

    /// A funded place.
    public init(student: Student.ID, posting: InternshipPosting.ID, enterprise: Enterprise.ID, support: VND) {
        self.student = student
        self.posting = posting
        self.enterprise = enterprise
        self.support = support
    }
}

/// Which matched interns the fund supports: the plan's funded interns of the round's year, placed.
public struct FundedPlacement: Hashable, Sendable {
    /// The funded places, in the order they were funded (best-ranked first).
    public let places: [FundedPlace]
    /// Matched interns at backed postings whose group's quota was already filled, best-ranked first.
    public let unfunded: [Student.ID]
    /// The plan's year the round implements.
    public let year: Int?
    /// Per group of postings: the plan's interns and the round's fund-backed places, in group order.
    public let quotas: [QuotaFill]
    /// What the plan spends on the year's funded interns (the round's budget), whole VND.
    public let budget: VND
    private let supportByStudent: [Student.ID: VND]

    /// A placement from its funded places.
    public init(places: [FundedPlace], unfunded: [Student.ID], year: Int?, quotas: [QuotaFill], budget: VND) {
        self.places = places
        self.unfunded = unfunded
        self.year = year
        self.quotas = quotas
        self.budget = budget
        var support: [Student.ID: VND] = [:]
        for place in places { support[place.student] = place.support }
        self.supportByStudent = support
    }

    /// The sum of the support paid.
    public var totalSupport: VND { places.reduce(0) { $0 + $1.support } }

    /// The plan's money for the year not paid in this round.
    public var budgetLeft: VND { budget - totalSupport }

    /// Funded interns in the plan for the round's year.
    public var planInterns: Int { quotas.reduce(0) { $0 + $1.planInterns } }

    /// The plan's interns no matched student took.
    public var notTaken: Int { quotas.reduce(0) { $0 + $1.notTaken } }

    /// Whether the fund supports this student.
    public func isFunded(_ student: Student.ID) -> Bool { supportByStudent[student] != nil }

    /// The support paid for this student: 0 when not funded.
    public func support(of student: Student.ID) -> VND { supportByStudent[student] ?? 0 }
}

/// Fund-backed places: which matched interns receive the fund's internship stipend.
///
/// **One budget.** The fund plan (`skillplan allocate`) decides how many interns it funds in each
/// year, skill, province and enterprise group (domestic SME or not); a matching round implements
/// one year of it. The round funds, in each group, at most the plan's interns of that group and
/// year: the **fund-backed places in this round** never exceed the **funded interns in the plan**,
/// and equal them wherever enough students are matched at the group's backed postings. A posting
/// where no intern is matched is paid nothing.
public enum FundedPlaces {
    /// Funds matched interns at postings the policy backs, best-ranked first, up to the plan's
    /// interns of each group in `year`.
    ///
    /// A matched intern is a **candidate** when the terms are enabled, the posting may take them
    /// (eligible and ranked, see ``MatchingProblem``), their posting's enterprise
    /// is in `enterprises` and `terms.backs(enterprise, skill: posting.skill)`. A place pays the
    /// posting's `stipendPerMonth × months` (a negative or overflowing cost is never funded).
    ///
    /// **Best-ranked first** means candidates in this order: the posting's rank of the student
    /// (1 first), then the student's rank of the posting (first choice first), then student id
    /// (code order). Going down that list, a candidate is funded while their group
    /// (``InternGroup``: skill, province, domestic SME or not) has plan interns left; the others are
    /// ``FundedPlacement/unfunded``.
    ///
    /// - Parameter quotas: the plan's interns; only those of `year` count (all of them when `year`
    ///   is nil). Quotas of the same group and year add up.
    /// - Complexity: O(S + E + Q + F log F) for S students, E enterprises, Q quotas and F candidates.
    public static func assign(
        _ matching: Matching, problem: MatchingProblem, enterprises: [Enterprise], terms: InternshipTerms,
        quotas: [InternQuota], year: Int?
    ) -> FundedPlacement {
        var planned: [InternGroup: (interns: Int, support: VND)] = [:]
        for quota in quotas where year == nil || quota.year == year {
            let entry = planned[quota.group] ?? (0, 0)
            planned[quota.group] = (entry.interns + max(quota.interns, 0), entry.support &+ max(quota.planSupport, 0))
        }
        let budget = planned.values.reduce(0) { $0 &+ $1.support }
        var enterpriseByID: [Enterprise.ID: Enterprise] = [:]
        for enterprise in enterprises where enterpriseByID[enterprise.id] == nil { enterpriseByID[enterprise.id] = enterprise }

        struct Candidate {
            var place: FundedPlace
            var group: InternGroup
            var postingRank: Int
            var studentRank: Int
        }
        var candidates: [Candidate] = []
        if terms.enabled {
            for assignment in matching.assignments {
                guard let postingID = assignment.posting, assignment.postingRank != nil,
                      let posting = problem.posting(postingID),
                      let enterprise = enterpriseByID[posting.enterprise],
                      terms.backs(enterprise, skill: posting.skill)
                else { continue }
                let (cost, overflow) = posting.stipendPerMonth.multipliedReportingOverflow(by: VND(posting.months))
                guard !overflow, cost >= 0 else { continue }
                candidates.append(Candidate(
                    place: FundedPlace(student: assignment.student, posting: postingID, enterprise: enterprise.id, support: cost),
                    group: InternGroup(posting, at: enterprise),
                    postingRank: assignment.postingRank ?? Int.max, studentRank: assignment.studentRank ?? Int.max))
            }
        }
        candidates.sort { a, b in
            if a.postingRank != b.postingRank { return a.postingRank < b.postingRank }
            if a.studentRank != b.studentRank { return a.studentRank < b.studentRank }
            return a.place.student < b.place.student
        }
        var left = planned.mapValues(\.interns)
        var fill: [InternGroup: (funded: Int, matched: Int, support: VND)] = [:]
        var places: [FundedPlace] = []
        var unfunded: [Student.ID] = []
        for candidate in candidates {
            var entry = fill[candidate.group] ?? (0, 0, 0)
            entry.matched += 1
            if let quota = left[candidate.group], quota > 0 {
                places.append(candidate.place)
                left[candidate.group] = quota - 1
                entry.funded += 1
                entry.support &+= candidate.place.support
            } else {
                unfunded.append(candidate.place.student)
            }
            fill[candidate.group] = entry
        }
        let groups = Set(planned.keys).union(fill.keys).sorted()
        let quotaFills = groups.map { group in
            let entry = fill[group] ?? (0, 0, 0)
            return QuotaFill(group: group, planInterns: planned[group]?.interns ?? 0, fundedPlaces: entry.funded,
                             matchedBacked: entry.matched, support: entry.support)
        }
        return FundedPlacement(places: places, unfunded: unfunded, year: year, quotas: quotaFills, budget: budget)
    }

    /// The quotas left for a later round of the same year: each group's interns less the places
    /// `first` funded there (a first round's `matches.csv`, read against the full problem).
    ///
    /// - Complexity: O(S + E + Q).
    public static func remaining(
        _ quotas: [InternQuota], after first: MatchesFile, problem: MatchingProblem, enterprises: [Enterprise]
    ) -> [InternQuota] {
        var enterpriseByID: [Enterprise.ID: Enterprise] = [:]
        for enterprise in enterprises where enterpriseByID[enterprise.id] == nil { enterpriseByID[enterprise.id] = enterprise }
        var funded: [InternGroup: (places: Int, support: VND)] = [:]
        for assignment in first.matching.assignments {
            guard let row = first.funding[assignment.student], row.funded, let postingID = assignment.posting,
                  let posting = problem.posting(postingID), let enterprise = enterpriseByID[posting.enterprise] else { continue }
            let group = InternGroup(posting, at: enterprise)
            let entry = funded[group] ?? (0, 0)
            funded[group] = (entry.places + 1, entry.support &+ row.support)
        }
        return quotas.map { quota in
            var left = quota
            guard let used = funded[quota.group], used.places > 0 else { return left }
            let taken = min(used.places, max(quota.interns, 0))
            left.interns = max(quota.interns, 0) - taken
            left.planSupport = max(quota.planSupport - used.support, 0)
            funded[quota.group] = (used.places - taken, max(used.support - quota.planSupport, 0))
            return left
        }
    }
}

extension FundedPlaces {
    /// Rows of a read `matches.csv` whose `funded` or `support_vnd` differ from `expected`, the
    /// placement the fund policy gives the file's matching (nil without a policy: then every row
    /// must say `false` and `0`). In the order of `problem.students`.
    ///
    /// - Complexity: O(S) for S students.
    public static func mismatches(in file: MatchesFile, expected: FundedPlacement?, problem: MatchingProblem) -> [MatchingViolation] {
        problem.students.compactMap { student in
            guard let row = file.funding[student.id] else { return nil }
            let funded = expected?.isFunded(student.id) ?? false
            let support = expected?.support(of: student.id) ?? 0
            guard row.funded != funded || row.support != support else { return nil }
            return .fundingMismatch(student: student.id, line: row.line, funded: row.funded, support: row.support,
                                    expectedFunded: funded, expectedSupport: support)
        }
    }
}
