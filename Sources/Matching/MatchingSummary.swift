public import Texts
public import Workforce

/// The headline figures of one matching round, for the terminal and for `--json`.
///
/// JSON keys are snake_case and always present: `students`, `matched`, `unmatched`,
/// `rank_distribution` (a list of `{rank, students}`, rank 1 = first choice, ranks nobody got
/// left out), `postings`, `slots`, `postings_with_free_slots`, `free_slots`,
/// `dropped_preferences`, `uses_rankings`, `seed`, `funding_applied`, `funded_places` (fund-backed
/// places in this round), `funded_support_vnd`, `plan_year` (the plan's year the round implements,
/// null without a fund policy), `plan_interns` (funded interns in the plan for that year),
/// `plan_interns_not_taken`, `funding_budget_vnd` (what the plan spends on that year's interns),
/// `funding_budget_left_vnd`, `intern_groups` (a list of ``QuotaFill``: per skill, province and
/// domestic-SME flag; the figures are 0 and the list empty without a fund policy), `round` (1, or 2 for a second round), `mechanism`
/// (``MatchingMechanism``), `regional_caps` (a list of `{regions, cap, placed}`, empty without
/// caps), `not_placed_above_result` (`{posting_preferred_others, region_at_cap,
/// held_for_minimum, minimum_completion, students}`: pairs of a student and a posting they ranked above their result,
/// by reason, and how many students have any); and `minimum_places` (a ``MinimumPlacesReport``)
/// only when the fund policy sets a minimum.
public struct MatchingSummary: Codable, Hashable, Sendable {
    /// One regional cap and the interns placed under it.
    public struct CapFigure: Codable, Hashable, Sendable {
        /// The provinces, `;`-separated.
        public var regions: String
        /// The cap.
        public var cap: Int
        /// Interns placed at the postings of those provinces.
        public var placed: Int

        /// A figure.
        public init(regions: String, cap: Int, placed: Int) {
            self.regions = regions
            self.cap = cap
            self.placed = placed
        }
    }

    /// Students not placed at postings they ranked above their result, by reason.
    public struct NotPlacedCounts: Codable, Hashable, Sendable {
        /// Pairs where the posting filled its slots with students it ranks higher.
        public var postingPreferredOthers: Int = 0
        /// Pairs where the posting had a free slot in a province at its cap.
        public var regionAtCap: Int = 0
        /// Pairs where the posting had a free slot held back for a group's minimum.
        public var heldForMinimum: Int = 0
        /// Pairs where the minimum's completion rearranged places.
        public var minimumCompletion: Int = 0
        /// Students with at least one such posting.
        public var students: Int = 0

        enum CodingKeys: String, CodingKey {
            case postingPreferredOthers = "posting_preferred_others", regionAtCap = "region_at_cap"
            case heldForMinimum = "held_for_minimum", minimumCompletion = "minimum_completion", students
        }

        /// Counts of `explanations`.
        public init(_ explanations: [NotPlacedExplanation]) {
            var last: Student.ID?
            for item in explanations {
                switch item.reason {
                case .postingPreferredOthers: postingPreferredOthers += 1
                case .regionAtCap: regionAtCap += 1
                case .heldForMinimum: heldForMinimum += 1
                case .minimumCompletion: minimumCompletion += 1
                }
                if item.student != last { students += 1 }
                last = item.student
            }
        }
    }

    /// How many students got their n-th choice.
    public struct RankCount: Codable, Hashable, Sendable {
        /// 1 = first choice.
        public var rank: Int
        /// How many students got it.
        public var students: Int

        /// A count.
        public init(rank: Int, students: Int) {
            self.rank = rank
            self.students = students
        }
    }

    /// All students in the round.
    public var students: Int
    /// Students who got a posting.
    public var matched: Int
    /// Students who got none.
    public var unmatched: Int
    /// Matched students by the rank of the posting they got, best rank first.
    public var rankDistribution: [RankCount]
    /// Postings in the round.
    public var postings: Int
    /// Total slots over all postings.
    public var slots: Int
    /// Postings with at least one slot nobody fills.
    public var postingsWithFreeSlots: Int
    /// Slots nobody fills.
    public var freeSlots: Int
    /// Preferences dropped as ineligible (see ``MatchingProblem/droppedPreferences``).
    public var droppedPreferences: Int
    /// Whether postings ranked by a rankings file.
    public var usesRankings: Bool
    /// The lottery seed.
    public var seed: UInt64
    /// Whether a fund policy's funded places were assigned.
    public var fundingApplied: Bool
    /// Fund-backed places in this round: matched interns whose stipend the fund pays.
    public var fundedPlaces: Int
    /// The support paid, whole VND.
    public var fundedSupport: VND
    /// The plan's year the round implements; nil without a fund policy.
    public var planYear: Int?
    /// Funded interns in the plan for ``planYear`` (after what an earlier round funded).
    public var planInterns: Int = 0
    /// The plan's interns no matched student took (too few matched at the group's backed postings).
    public var planInternsNotTaken: Int = 0
    /// What the plan spends on that year's interns, whole VND.
    public var fundingBudget: VND
    /// The plan's money for the year not paid in this round, whole VND.
    public var fundingBudgetLeft: VND
    /// The plan's interns and the round's fund-backed places per group of postings.
    public var internGroups: [QuotaFill] = []
    /// 1 for a first round, 2 for a second round (`match --round-of`).
    public var round: Int = 1
    /// The mechanism that found the matching.
    public var mechanism: MatchingMechanism = .deferredAcceptance
    /// The regional caps and what was placed under each.
    public var regionalCaps: [CapFigure] = []
    /// Why students are not at postings they ranked higher.
    public var notPlacedAboveResult = NotPlacedCounts([])
    /// The minimum for a group of postings, when the policy sets one.
    public var minimumPlaces: MinimumPlacesReport?

    enum CodingKeys: String, CodingKey {
        case students, matched, unmatched
        case rankDistribution = "rank_distribution"
        case postings, slots
        case postingsWithFreeSlots = "postings_with_free_slots"
        case freeSlots = "free_slots"
        case droppedPreferences = "dropped_preferences"
        case usesRankings = "uses_rankings"
        case seed
        case fundingApplied = "funding_applied"
        case fundedPlaces = "funded_places"
        case fundedSupport = "funded_support_vnd"
        case planYear = "plan_year", planInterns = "plan_interns", planInternsNotTaken = "plan_interns_not_taken"
        case internGroups = "intern_groups"
        case fundingBudget = "funding_budget_vnd"
        case fundingBudgetLeft = "funding_budget_left_vnd"
        case round, mechanism
        case regionalCaps = "regional_caps"
        case notPlacedAboveResult = "not_placed_above_result"
        case minimumPlaces = "minimum_places"
    }

    /// The summary of a matching found under rules, with `funding` when there is a fund policy.
    /// `explanations`: the outcome's ``MatchingOutcome/explanations(in:)`` when the caller has
    /// them already (worked out here otherwise).
    ///
    /// - Complexity: O(S + P + L).
    public init(_ outcome: MatchingOutcome, problem: MatchingProblem, funding: FundedPlacement? = nil, round: Int = 1,
                explanations: [NotPlacedExplanation]? = nil) {
        self.init(outcome.matching, problem: problem, funding: funding,
                  notPlaced: explanations ?? outcome.explanations(in: problem))
        self.round = round
        mechanism = outcome.mechanism
        minimumPlaces = outcome.minimumReport
        var placed = [Int](repeating: 0, count: outcome.rules.caps.caps.count)
        for assignment in outcome.matching.assignments {
            guard let region = assignment.posting.flatMap({ problem.posting($0) })?.region,
                  let index = outcome.rules.caps.capIndex(of: region) else { continue }
            placed[index] += 1
        }
        regionalCaps = zip(outcome.rules.caps.caps, placed).map { CapFigure(regions: $0.label, cap: $0.cap, placed: $1) }
    }

    /// The summary of `matching`, with `funding` when there is a fund policy.
    ///
    /// - Complexity: O(S + P) for S students and P postings.
    public init(_ matching: Matching, problem: MatchingProblem, funding: FundedPlacement? = nil) {
        self.init(matching, problem: problem, funding: funding, notPlaced: PlacementExplanations.explain(matching, problem: problem))
    }

    private init(_ matching: Matching, problem: MatchingProblem, funding: FundedPlacement?, notPlaced: [NotPlacedExplanation]) {
        students = matching.assignments.count
        var byRank: [Int: Int] = [:]
        var matched = 0
        var filled: [InternshipPosting.ID: Int] = [:]
        for assignment in matching.assignments {
            guard let posting = assignment.posting else { continue }
            matched += 1
            filled[posting, default: 0] += 1
            if let rank = assignment.studentRank { byRank[rank, default: 0] += 1 }
        }
        self.matched = matched
        unmatched = students - matched
        rankDistribution = byRank.keys.sorted().map { RankCount(rank: $0, students: byRank[$0] ?? 0) }
        postings = problem.postings.count
        // Saturating sums: odd slot counts must not crash a report.
        var slots = 0, withFree = 0, free = 0
        for posting in problem.postings {
            let own = max(posting.slots, 0)
            slots = slots.addingReportingOverflow(own).overflow ? Int.max : slots + own
            let left = own - (filled[posting.id] ?? 0)
            if left > 0 {
                withFree += 1
                free = free.addingReportingOverflow(left).overflow ? Int.max : free + left
            }
        }
        self.slots = slots
        postingsWithFreeSlots = withFree
        freeSlots = free
        droppedPreferences = problem.droppedPreferences.count
        usesRankings = problem.usesRankings
        seed = problem.seed
        fundingApplied = funding != nil
        fundedPlaces = funding?.places.count ?? 0
        fundedSupport = funding?.totalSupport ?? 0
        fundingBudget = funding?.budget ?? 0
        fundingBudgetLeft = funding?.budgetLeft ?? 0
        planYear = funding?.year
        planInterns = funding?.planInterns ?? 0
        planInternsNotTaken = funding?.notTaken ?? 0
        internGroups = funding?.quotas ?? []
        notPlacedAboveResult = NotPlacedCounts(notPlaced)
    }

    /// A readable report for the terminal, one figure a line; the fund's figures in `language`.
    public func terminalReport(language: Language = .en) -> String {
        func percent(_ part: Int, of whole: Int) -> String {
            guard whole > 0 else { return "" }
            let tenths = (part * 1000 + whole / 2) / whole
            return " (\(tenths / 10).\(tenths % 10) %)"
        }
        var lines: [String] = []
        lines.append("Internship matching" + (round > 1 ? ", round \(round)" : "") + " (\(mechanism.title))")
        lines.append("  students            \(students)")
        lines.append("  matched             \(matched)\(percent(matched, of: students))")
        lines.append("  unmatched           \(unmatched)")
        lines.append("  postings ranked by  " + (usesRankings ? "rankings file" : "score, ties by lottery (seed \(seed))"))
        if !rankDistribution.isEmpty {
            lines.append("  choice received")
            for count in rankDistribution {
                lines.append("    \(Self.ordinal(count.rank)) choice".padded(to: 22) + "\(count.students)\(percent(count.students, of: matched))")
            }
        }
        lines.append("  postings            \(postings) with \(slots) slots")
        lines.append("  with free slots     \(postingsWithFreeSlots) postings, \(freeSlots) slots free")
        lines.append("  dropped preferences \(droppedPreferences) (ineligible, unknown, repeated or unranked)")
        for cap in regionalCaps {
            lines.append("  regional cap        \(cap.regions): \(cap.placed) of at most \(cap.cap)")
        }
        if let minimumPlaces { lines.append("  \(minimumPlaces.sentence)") }
        if notPlacedAboveResult.students > 0 {
            let counts = notPlacedAboveResult
            var reasons = ["\(counts.postingPreferredOthers) because the posting preferred others"]
            if counts.regionAtCap > 0 { reasons.append("\(counts.regionAtCap) because the province was at its cap") }
            if counts.heldForMinimum > 0 { reasons.append("\(counts.heldForMinimum) because places were held for a minimum") }
            if counts.minimumCompletion > 0 { reasons.append("\(counts.minimumCompletion) because places were rearranged to meet a minimum") }
            lines.append("  not placed higher   \(counts.students) students, at postings ranked above their result: " + reasons.joined(separator: ", "))
        }
        if fundingApplied { lines += fundingLines(Catalogue(language)).map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The fund's figures of the round, each saying which figure it is: the plan's funded interns
    /// for the year, the round's fund-backed places, and the plan's interns nobody matched took.
    public func fundingLines(_ texts: Catalogue) -> [String] {
        let numbers = texts.numbers
        func count(_ n: Int) -> String { numbers.grouped(Double(n)) }
        var lines = [
            texts.format("matching.plan-interns", ["year": planYear.map(String.init) ?? "", "interns": count(planInterns),
                                                   "amount": numbers.grouped(Double(fundingBudget))]),
            texts.format("matching.fund-backed-places", ["places": count(fundedPlaces), "amount": numbers.grouped(Double(fundedSupport))]),
        ]
        if planInternsNotTaken > 0 {
            let short = internGroups.filter { $0.notTaken > 0 }.sorted { ($0.notTaken, $1.skill, $1.region) > ($1.notTaken, $0.skill, $0.region) }
            let named = short.prefix(3).map {
                "\($0.skill) \($0.region)" + ($0.domesticSME ? " " + texts["matching.domestic-sme"] : "") + " \(count($0.notTaken))"
            }
            lines.append(texts.format("matching.plan-interns-not-taken", [
                "count": count(planInternsNotTaken), "groups": named.joined(separator: ", ") + (short.count > 3 ? ", …" : ""),
            ]))
        }
        return lines
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`.
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
