import Allocation
import Forecast
import Matching
import Texts
import Workforce

/// One internship matching round, for the interns workbooks.
public struct InternshipRound: Sendable {
    /// The postings and students matched.
    public var problem: MatchingProblem
    /// Who went where.
    public var matching: Matching
    /// Which matched interns the fund supports; nil when no funding was applied.
    public var funding: FundedPlacement?
    /// Why students are not at postings they ranked above their result, by posting (see
    /// ``PlacementExplanations``).
    public var notPlacedByPosting: [InternshipPosting.ID: [NotPlacedExplanation]]

    /// A matching round; `explanations` default to those of a matching without caps or minimum.
    public init(problem: MatchingProblem, matching: Matching, funding: FundedPlacement? = nil,
                explanations: [NotPlacedExplanation]? = nil) {
        self.init(problem: problem, matching: matching, funding: funding,
                  notPlacedByPosting: Self.byPosting(explanations ?? PlacementExplanations.explain(matching, problem: problem)))
    }

    /// A matching round with its explanations already grouped (``byPosting(_:)``).
    public init(problem: MatchingProblem, matching: Matching, funding: FundedPlacement?,
                notPlacedByPosting: [InternshipPosting.ID: [NotPlacedExplanation]]) {
        self.problem = problem
        self.matching = matching
        self.funding = funding
        self.notPlacedByPosting = notPlacedByPosting
    }

    /// Explanations grouped by the posting they are about, as ``notPlacedByPosting`` holds them.
    public static func byPosting(_ explanations: [NotPlacedExplanation]) -> [InternshipPosting.ID: [NotPlacedExplanation]] {
        Dictionary(grouping: explanations, by: \.posting)
    }
}

/// Everything the workbooks of one plan are written from.
public struct PlanWorkbookContext: Sendable {
    /// The scenario (with its variant applied) the plan was made for.
    public var scenario: Scenario
    /// The scenario's forecast (before the plan).
    public var forecast: Forecast
    /// The fund's plan.
    public var plan: AllocationPlan
    /// The budget sweep, when one was run.
    public var frontier: [FrontierPoint]?
    /// The internship matching; nil for a scenario without students (then no interns workbooks).
    public var internships: InternshipRound?
    /// Run id, dataset hash, versions and time, for the Audit sheet and document properties.
    public var audit: AuditFacts
    /// Monte Carlo ranges of the forecast, when drawn (P10/P50/P90 columns of the Gap sheet).
    public var ranges: ForecastRanges?
    /// The robust plan's comparison with each single-variant plan, when ``plan`` is a robust
    /// plan (adds the Robustness sheet to the fund plan).
    public var robust: RobustPlan?
    /// The language of every sheet name, header, label, reason and date (`skillplan plan --lang`).
    public var language: Language

    /// A context; see the properties.
    public init(
        scenario: Scenario, forecast: Forecast, plan: AllocationPlan, frontier: [FrontierPoint]? = nil,
        internships: InternshipRound? = nil, audit: AuditFacts, ranges: ForecastRanges? = nil,
        robust: RobustPlan? = nil, language: Language = .en
    ) {
        self.language = language
        self.ranges = ranges
        self.robust = robust
        self.scenario = scenario
        self.forecast = forecast
        self.plan = plan
        self.frontier = frontier
        self.internships = internships
        self.audit = audit
    }
}

extension InternshipRound {
    /// The interns workbooks' view of a round run by ``MatchingRound``; `notPlacedByPosting`:
    /// its explanations grouped by ``byPosting(_:)`` when that is done already.
    public init(_ result: MatchingRoundResult, notPlacedByPosting: [InternshipPosting.ID: [NotPlacedExplanation]]? = nil) {
        self.init(problem: result.problem, matching: result.matching, funding: result.funding,
                  notPlacedByPosting: notPlacedByPosting ?? Self.byPosting(result.explanations))
    }
}
