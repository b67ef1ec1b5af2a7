public import Workforce

/// What the fund pays for in a round: its internship terms (which postings it backs), the
/// enterprises, and the fund plan's interns (the one internship budget, see ``FundedPlaces``).
public struct RoundFunding: Sendable {
    /// `fund.yaml`'s internship terms.
    public var terms: InternshipTerms
    /// The scenario's enterprises (ownership and size decide the groups).
    public var enterprises: [Enterprise]
    /// The plan's funded interns, every year (the round keeps those of ``year``).
    public var quotas: [InternQuota]
    /// The plan's year the round implements.
    public var year: Int

    /// Funding for a round; see the properties.
    public init(terms: InternshipTerms, enterprises: [Enterprise], quotas: [InternQuota], year: Int) {
        self.terms = terms
        self.enterprises = enterprises
        self.quotas = quotas
        self.year = year
    }
}

/// One matching round, run the same way by `skillplan match` and `skillplan plan`: the problem,
/// the rules (regional caps, a group's minimum) and the funding, with what a first round already
/// placed and paid taken off for a second round (``SecondRound``).
public struct MatchingRound: Sendable {
    /// 1, or 2 for a second round.
    public let number: Int
    /// The postings and students of this round.
    public let problem: MatchingProblem
    /// The rules of this round (a second round's caps and minimum count the first round's places).
    public let rules: MatchingRules
    /// The funding of this round (a second round's quotas less the first round's funded places);
    /// nil without a fund policy.
    public private(set) var funding: RoundFunding?
    /// The second round's preparation, for a second round.
    public let secondRound: SecondRound?

    /// A first round over `problem`.
    ///
    /// - Parameters:
    ///   - caps: regional caps (`regional_caps.csv`).
    ///   - minimum: the fund policy's `internships.minimum_places`, resolved against the postings
    ///     (``GroupMinimum/init(_:postings:enterprises:)``).
    public init(problem: MatchingProblem, caps: RegionalCaps = .none, minimum: GroupMinimum? = nil, funding: RoundFunding? = nil) {
        number = 1
        self.problem = problem
        rules = MatchingRules(caps: caps, minimum: minimum)
        self.funding = funding
        secondRound = nil
    }

    /// A second round after `first` (a first round's `matches.csv`, read against `full`, the
    /// problem of every posting and student); `rankings` are the postings' rankings, if any.
    ///
    /// - Throws: ``MatchingInputError`` when the round's postings and students do not make a problem.
    public init(after first: MatchesFile, full: MatchingProblem, rankings: [PostingRank]?, caps: RegionalCaps = .none,
                minimum: GroupMinimum? = nil, funding: RoundFunding? = nil) throws(MatchingInputError) {
        let firstRules = MatchingRound(problem: full, caps: caps, minimum: minimum, funding: funding).rules
        let second = SecondRound(after: first, problem: full, rankings: rankings, rules: firstRules)
        number = 2
        problem = try MatchingProblem(postings: second.postings, students: second.students, rankings: second.rankings,
                                      seed: full.seed)
        rules = second.rules
        self.funding = funding.map { funding in
            var left = funding
            left.quotas = FundedPlaces.remaining(funding.quotas.filter { $0.year == funding.year }, after: first, problem: full,
                                                 enterprises: funding.enterprises)
            return left
        }
        secondRound = second
    }

    /// Runs the round: the mechanism the rules call for, then the fund-backed places.
    ///
    /// - Throws: ``MatchingInputError`` when both caps and a minimum are given.
    /// - Complexity: that of the mechanism (see ``MatchingRules/match(_:)``) plus O(S + P + L).
    public func run() throws(MatchingInputError) -> MatchingRoundResult {
        result(of: try match())
    }

    /// The matching alone (who goes where does not depend on the funding).
    ///
    /// - Throws: ``MatchingInputError`` when both caps and a minimum are given.
    public func match() throws(MatchingInputError) -> MatchingOutcome {
        try rules.match(problem)
    }

    /// The round's result from its matching: fund-backed places, explanations and summary.
    /// `explanations`: the outcome's ``MatchingOutcome/explanations(in:)`` when worked out
    /// already (they depend on the matching alone, not on the funding).
    ///
    /// - Complexity: O(S + P + L + Q).
    public func result(of outcome: MatchingOutcome, explanations: [NotPlacedExplanation]? = nil) -> MatchingRoundResult {
        let placement = fundedPlacement(of: outcome.matching)
        let explanations = explanations ?? outcome.explanations(in: problem)
        return MatchingRoundResult(
            round: number, problem: problem, outcome: outcome, funding: placement, explanations: explanations,
            summary: MatchingSummary(outcome, problem: problem, funding: placement, round: number, explanations: explanations))
    }

    /// The same round funded by other plan quotas (the plan made after the matching, see
    /// ``matchedInterns(in:)``).
    public func funded(by quotas: [InternQuota]) -> MatchingRound {
        var copy = self
        copy.funding?.quotas = quotas
        return copy
    }

    /// The interns `outcome` places at the postings the fund backs, per group, as limits for the
    /// plan of the round's year (`AllocationOptions.internLimits`): a plan within them funds
    /// only interns the round places, so its funded interns and the round's fund-backed places
    /// are equal. Empty without funding.
    ///
    /// - Complexity: O(S + E).
    public func matchedInterns(in outcome: MatchingOutcome) -> [InternQuota] {
        guard let funding else { return [] }
        let placement = FundedPlaces.assign(outcome.matching, problem: problem, enterprises: funding.enterprises, terms: funding.terms,
                                            quotas: [], year: funding.year)
        return placement.quotas.map {
            InternQuota(year: funding.year, group: InternGroup(skill: Skill.ID($0.skill), region: Region.ID($0.region), domesticSME: $0.domesticSME, stipend: $0.stipend),
                        interns: $0.matchedBacked, planSupport: 0)
        }
    }

    /// The fund-backed places the funding gives `matching`; nil without funding.
    public func fundedPlacement(of matching: Matching) -> FundedPlacement? {
        funding.map {
            FundedPlaces.assign(matching, problem: problem, enterprises: $0.enterprises, terms: $0.terms, quotas: $0.quotas, year: $0.year)
        }
    }

    /// Everything wrong with a `matches.csv` of this round (read against ``problem``): capacity,
    /// eligibility, caps, the minimum, blocking pairs the rules do not excuse (see
    /// ``MatchingOutcome/violations(of:in:)``), and `funded` / `support_vnd` rows that differ from
    /// what the plan's interns and the policy give the file's matching.
    ///
    /// - Throws: ``MatchingInputError`` when both caps and a minimum are given.
    public func violations(of file: MatchesFile) throws(MatchingInputError) -> [MatchingViolation] {
        let outcome = try match()
        return outcome.violations(of: file.matching, in: problem)
            + FundedPlaces.mismatches(in: file, expected: fundedPlacement(of: file.matching), problem: problem)
    }
}

/// What a round produced: everything `matches.csv`, the summary and the interns workbooks need.
public struct MatchingRoundResult: Sendable {
    /// 1, or 2 for a second round.
    public let round: Int
    /// The round's postings and students.
    public let problem: MatchingProblem
    /// The matching with its rules and mechanism.
    public let outcome: MatchingOutcome
    /// The fund-backed places; nil without a fund policy.
    public let funding: FundedPlacement?
    /// Why students are not at postings they ranked above their result.
    public let explanations: [NotPlacedExplanation]
    /// The headline figures.
    public let summary: MatchingSummary

    /// Who went where.
    public var matching: Matching { outcome.matching }

    /// The round's `matches.csv`.
    public var matchesCSV: String { MatchesCSV.render(outcome.matching, problem: problem, funding: funding) }
}
