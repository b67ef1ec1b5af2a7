public import Matching
public import Optimization
/// How ``AllocationPlanner`` plans.
///
/// The defaults aim at the national scale on two cores: integer seats by CBC within 0.5 % of the
/// LP bound, stopped after 60 s (the plan then says `stopped` with its gap).
public struct AllocationOptions: Hashable, Sendable {
    /// Plan with the LP relaxation (fractional seats) instead of integer seats.
    public var relax: Bool
    /// Seconds the integer solve (and each LP solve) may take; `nil`: no limit.
    public var timeLimit: Double?
    /// CBC's relative gap at which an integer plan counts as optimal (0.005 = 0.5 %).
    public var relativeGap: Double
    /// Every year's budget is multiplied by this (1 = as in `fund.yaml`); a budget sweep sets it.
    public var budgetMultiplier: Double
    /// Let the solver print its log.
    public var log: Bool
    /// Re-solve the LP without each binding rule group to price it (one LP per binding group).
    public var priceBindingRules: Bool
    /// At most this many funded interns per group of postings (skill, province, domestic SME or
    /// not) in its year: the interns a matching round places at the postings the fund backs
    /// (``Matching/MatchingRound/matchedInterns(in:)``), so the plan never funds an intern the
    /// round cannot place (rows `interns.matched[…]`). In a year with limits, a group without one
    /// gets no funded intern; other years are not limited. Empty: no limit.
    public var internLimits: [InternQuota] = []
    /// A basis of an LP relaxation with the same columns and rows to start the LP solves from
    /// (the plan passes its LP's basis to the re-solves whose objective alone counts); ignored
    /// for a model of another size.
    var startingBasis: SimplexBasis? = nil
    /// At most this many simplex iterations for the LP solves (nil: no limit); a solve stopped
    /// by it is an error of ``AllocationPlanner/solveLP(_:_:)``.
    var iterationLimit: Int? = nil

    /// Options; see each property.
    public init(
        relax: Bool = false, timeLimit: Double? = 60, relativeGap: Double = 0.005,
        budgetMultiplier: Double = 1, log: Bool = false, priceBindingRules: Bool = true
    ) {
        self.relax = relax
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.budgetMultiplier = budgetMultiplier
        self.log = log
        self.priceBindingRules = priceBindingRules
    }

    /// CBC's options for an integer solve of an allocation model: this gap and log, the given
    /// time limit, and no preprocessing. CBC's preprocessing finds nothing to tighten in these
    /// models (no column fixed, no bound tightened, one row strengthened per pass) and took 5 to
    /// 26 CPU-seconds on the national scenarios, where the rest of the solve takes about 3
    /// (BENCHMARKS.md, "The MIP without CBC's preprocessing").
    public func integerSolveOptions(timeLimit: Double?) -> SolveOptions {
        SolveOptions(timeLimit: timeLimit, relativeGap: relativeGap, log: log, mipPreprocessing: false)
    }

    func validate() throws(AllocationError) {
        guard budgetMultiplier.isFinite, budgetMultiplier >= 0 else {
            throw .invalidOption("budget multiplier \(budgetMultiplier): give a number ≥ 0, e.g. 1.5")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw .invalidOption("time limit \(timeLimit) s: give a positive number of seconds")
        }
        guard relativeGap.isFinite, relativeGap >= 0 else {
            throw .invalidOption("relative gap \(relativeGap): give a number ≥ 0, e.g. 0.005")
        }
    }
}
