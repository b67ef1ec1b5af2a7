import Allocation
import ExcelExport
import Forecast
import Foundation
import Matching
import Storage
import Workforce

/// What a plan run produced: the run recorded in the store, the model's results and the files.
public struct PlanOutcome: Sendable {
    /// The run in the store.
    public let run: RunID
    /// The scenario as loaded (with its content hash) and as planned (variant applied).
    public let loaded: LoadedScenario
    public let scenario: Scenario
    public let forecast: Forecast
    /// The shortage before the plan under each mobility mode.
    public let mobilityBreakdown: MobilityBreakdown
    public let ranges: ForecastRanges?
    /// The fund plan (the robust plan's when the request asked for one).
    public let plan: AllocationPlan
    public let robust: RobustPlan?
    public let frontier: [FrontierPoint]?
    /// The internship round, funded with the plan's interns of its year; nil when the scenario
    /// has no students or postings.
    public let round: MatchingRoundResult?
    public let matchingSummary: MatchingSummary?
    /// Every file written, workbooks first, then matches.csv, in the run's own folder
    /// (`<scenario>-<variant>-run-<N>` inside the request's exports folder).
    public let files: [URL]
    /// The figures `skillplan plan` prints and `--json` writes.
    public let report: PlanReport
    /// The plan's JSON (the robust plan's when there is one), as the store keeps it.
    let planJSON: String
}

/// What `skillplan plan` did, for people and for `--json` (the JSON keys are part of the file
/// contract, docs/FORMATS.md "Plan output").
public struct PlanReport: Encodable, Sendable {
    public let scenario: String
    public let variant: String
    public let run: Int64
    public let contentHash: String
    public let status: String
    public let objective: Double
    public let shortageBefore: Double
    public let shortageAfter: Double
    public let spendVND: Double
    public let budgetVND: Double
    public let matched: Int?
    public let students: Int?
    /// Fund-backed places in the matching round.
    public let fundedPlaces: Int?
    /// Funded interns in the plan for the round's year.
    public let planInterns: Int?
    /// The mobility the plan was made under.
    public let mobility: MobilityMode
    /// The shortage before the plan under each mobility mode.
    public let mobilityBreakdown: MobilityBreakdown
    public let files: [String]
    public let seconds: Double

    enum CodingKeys: String, CodingKey {
        case scenario, variant, run, contentHash = "content_hash", status, objective
        case shortageBefore = "shortage_before", shortageAfter = "shortage_after", spendVND = "spend_vnd"
        case budgetVND = "budget_vnd", matched, students, fundedPlaces = "funded_places", planInterns = "plan_interns", mobility
        case mobilityBreakdown = "mobility_breakdown", files, seconds
    }

    /// One line for the run's summary in the store.
    public var headline: String {
        "\(status): shortage \(NumberText.grouped(shortageBefore)) → \(NumberText.grouped(shortageAfter)) engineer-years; \(files.count) files"
    }
}
