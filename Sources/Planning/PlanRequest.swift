import Allocation
import Foundation
import Matching
import Texts
import Workforce

/// Everything a plan run needs besides the scenario: the options of `skillplan plan`, which the
/// portal's plan job fills in too.
public struct PlanRequest: Sendable {
    /// A variant of scenario.yaml to plan for; nil plans the scenario as written.
    public var variant: String?
    /// Plan with the linear relaxation (fractional seats).
    public var relax: Bool
    /// Budget multiples of the frontier sheet; empty for none.
    public var sweep: [Double]
    /// The text of `sweep` as the user gave it (recorded with the run).
    public var sweepText: String
    /// Seconds the integer solve may take.
    public var timeLimit: Double
    /// The robust plan over every variant, with this criterion; nil plans one variant.
    public var robust: RobustCriterion?
    /// The text of the robust weights as the user gave them (recorded with the run).
    public var robustWeightsText: String?
    /// The lottery seed of the matching.
    public var seed: UInt64
    /// How graduates reach demand.
    public var mobility: MobilityMode
    /// Monte Carlo draws for the Gap sheet's P10/P50/P90 columns (0: none).
    public var draws: Int
    /// The seed of those draws.
    public var rangesSeed: UInt64
    /// Where the workbooks and matches.csv go.
    public var exports: URL
    /// The language of the workbooks; nil: scenario.yaml's `language`, else English.
    public var language: Language?

    /// A request with `skillplan plan`'s defaults.
    public init(exports: URL, variant: String? = nil, relax: Bool = false,
                sweep: [Double] = PlanRequest.defaultSweep, sweepText: String? = nil, timeLimit: Double = 60,
                robust: RobustCriterion? = nil, robustWeightsText: String? = nil, seed: UInt64 = Lottery.defaultSeed,
                mobility: MobilityMode = .scenario, draws: Int = 1000, rangesSeed: UInt64 = 2026,
                language: Language? = nil) {
        self.language = language
        self.exports = exports
        self.variant = variant
        self.relax = relax
        self.sweep = sweep
        self.sweepText = sweepText ?? sweep.map { NumberText.decimal($0) }.joined(separator: ",")
        self.timeLimit = timeLimit
        self.robust = robust
        self.robustWeightsText = robustWeightsText
        self.seed = seed
        self.mobility = mobility
        self.draws = draws
        self.rangesSeed = rangesSeed
    }

    /// The budget multiples of the frontier unless told otherwise.
    public static let defaultSweep: [Double] = [0, 0.25, 0.5, 1, 1.5, 2]

    /// What the run records as its parameters (the `run` table's JSON).
    func parameters(variantName: String) -> PlanParameters {
        PlanParameters(variant: robust != nil ? "robust" : variantName, relax: relax,
                       sweep: sweepText, timeLimit: timeLimit, seed: seed, exports: exports.relativePath,
                       mobility: mobility, robustWeights: robustWeightsText)
    }
}

/// The parameters a plan run records in the store.
struct PlanParameters: Encodable {
    let variant: String
    let relax: Bool
    let sweep: String
    let timeLimit: Double
    let seed: UInt64
    let exports: String
    let mobility: MobilityMode
    let robustWeights: String?

    enum CodingKeys: String, CodingKey {
        case variant, relax, sweep, timeLimit = "time_limit", seed, exports, mobility, robustWeights = "robust_weights"
    }
}

/// Where the scenario of a plan run comes from: a folder on disk (the CLI) or a dataset already
/// loaded and validated (the portal's merged round).
public enum ScenarioSource: Sendable {
    case directory(URL, curricula: URL?)
    case loaded(LoadedScenario)
}
