import Foundation

/// How a robust plan weighs the variants of a scenario.
public enum RobustCriterion: Hashable, Sendable {
    /// Minimise the worst-case regret: `max_v (objective of the plan under v − v's own optimum)`.
    case minimaxRegret
    /// Minimise the expected objective `Σ_v p_v · objective_v` with declared weights (variant
    /// name → weight ≥ 0, normalised to sum 1; a variant not named weighs 0).
    case expectedObjective(weights: [String: Double])

    /// `minimax-regret` or `expected-objective`, as in JSON.
    public var name: String {
        switch self {
        case .minimaxRegret: "minimax-regret"
        case .expectedObjective: "expected-objective"
        }
    }
}

/// One variant's figures for a robust plan.
public struct RobustVariantOutcome: Hashable, Sendable, Codable {
    /// The variant (`baseline`: the scenario as written).
    public var variant: String
    /// Its weight in the expected objective (normalised); nil under minimax regret.
    public var weight: Double?
    /// The objective of the robust plan under the variant (the variant's own model).
    public var objective: Double
    /// The objective of the variant's own plan under the variant: its optimum as the planner
    /// found it (within the relative gap for integer plans).
    public var ownObjective: Double
    /// `objective − own objective`; slightly negative only when the robust plan beats the
    /// variant's own plan within the solver's gap.
    public var regret: Double
    /// Engineer-years of shortage under the variant before any plan.
    public var shortageBefore: Double
    /// Engineer-years of shortage under the variant after the robust plan.
    public var shortageAfter: Double
    /// `before − after`.
    public var shortageClosed: Double
    /// Shortage after the variant's own plan, engineer-years.
    public var ownShortageAfter: Double
    /// Spend of the variant's own plan, VND.
    public var ownSpend: Double
    /// How the variant's own plan's solve ended.
    public var ownStatus: PlanStatus

    enum CodingKeys: String, CodingKey {
        case variant, weight, objective
        case ownObjective = "own_objective"
        case regret
        case shortageBefore = "shortage_before"
        case shortageAfter = "shortage_after"
        case shortageClosed = "shortage_closed"
        case ownShortageAfter = "own_shortage_after"
        case ownSpend = "own_spend"
        case ownStatus = "own_status"
    }
}

/// One plan (the robust one or a variant's own) scored under every variant, by the evaluation
/// `skillplan allocate --evaluate` uses.
public struct RobustComparison: Hashable, Sendable, Codable {
    /// A plan's score under one variant.
    public struct Score: Hashable, Sendable, Codable {
        /// The variant scored under.
        public var variant: String
        /// The objective under the variant.
        public var objective: Double
        /// `objective −` the variant's own optimum.
        public var regret: Double
        /// Engineer-years of shortage after the plan under the variant.
        public var shortageAfter: Double
        /// Whether the plan respects the variant's capacities, budgets and rules.
        public var feasible: Bool

        enum CodingKeys: String, CodingKey {
            case variant, objective, regret
            case shortageAfter = "shortage_after"
            case feasible
        }
    }

    /// `robust`, or the variant a single-variant plan was made for.
    public var plan: String
    /// Total spend, VND.
    public var totalSpend: Double
    /// The largest regret over the variants.
    public var worstCaseRegret: Double
    /// `Σ_v p_v · objective_v` with the declared weights; nil under minimax regret.
    public var expectedObjective: Double?
    /// Scores by variant, in the order of ``RobustPlan/variants``.
    public var byVariant: [Score]

    enum CodingKeys: String, CodingKey {
        case plan
        case totalSpend = "total_spend"
        case worstCaseRegret = "worst_case_regret"
        case expectedObjective = "expected_objective"
        case byVariant = "by_variant"
    }
}

/// A plan made once for every variant of a scenario (``RobustPlanner``).
///
/// ``plan`` holds the awards, spend and fairness like any plan, with its shortage fields
/// measured under the baseline (the scenario as written), `variant` `robust`, and `objective`
/// the robust model's objective at the plan (what `--write-mps` writes). Its explanation is
/// empty: the robust model's duals are in regret units; each variant's own plan explains itself.
public struct RobustPlan: Sendable {
    /// The robust plan.
    public var plan: AllocationPlan
    /// How the variants were weighed.
    public var criterion: RobustCriterion
    /// The plan's figures under each variant, baseline first, then scenario.yaml's order.
    public var variants: [RobustVariantOutcome]
    /// The largest regret over the variants.
    public var worstCaseRegret: Double
    /// The variant of the largest regret.
    public var worstVariant: String
    /// The robust plan (first) and each variant's own plan scored under every variant.
    public var comparison: [RobustComparison]
    /// Where the chosen plan came from: `robust model` (its solve), or `plan for <variant>` when
    /// a single-variant plan scored best by the criterion.
    public var source: String
    /// Each variant's own plan, in the order of ``variants``; not encoded.
    public var variantPlans: [AllocationPlan]

    /// The plan as one JSON document: every key of ``AllocationPlan/json(frontier:)`` plus
    /// `robust` (`criterion`, `weights`, `worst_case_regret`, `worst_variant`, `source`,
    /// `variants`, `comparison`). `skillplan allocate --evaluate` reads it back as a plan.
    /// - Throws: ``AllocationError/invalidOption(_:)`` if a number cannot be encoded.
    public func json() throws(AllocationError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(PlanWithRobustness(plan: plan, robust: Summary(self))), as: UTF8.self)
        } catch {
            throw .invalidOption("the robust plan cannot be encoded as JSON: \(error)")
        }
    }

    /// The `robust` object of the JSON.
    struct Summary: Encodable {
        let criterion: String
        let weights: [String: Double]?
        let worstCaseRegret: Double
        let worstVariant: String
        let source: String
        let variants: [RobustVariantOutcome]
        let comparison: [RobustComparison]

        init(_ robust: RobustPlan) {
            criterion = robust.criterion.name
            if case .expectedObjective = robust.criterion {
                weights = Dictionary(robust.variants.map { ($0.variant, $0.weight ?? 0) }, uniquingKeysWith: { a, _ in a })
            } else {
                weights = nil
            }
            worstCaseRegret = robust.worstCaseRegret
            worstVariant = robust.worstVariant
            source = robust.source
            variants = robust.variants
            comparison = robust.comparison
        }

        enum CodingKeys: String, CodingKey {
            case criterion, weights
            case worstCaseRegret = "worst_case_regret"
            case worstVariant = "worst_variant"
            case source, variants, comparison
        }
    }
}

/// The plan's keys with `robust` beside them.
private struct PlanWithRobustness: Encodable {
    let plan: AllocationPlan
    let robust: RobustPlan.Summary

    enum CodingKeys: String, CodingKey { case robust }

    func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(robust, forKey: .robust)
    }
}
