import Allocation
import ExcelExport
import Forecast
import Foundation
import Matching
import PlanRuns
import Storage
import Synchronization
import Workforce

/// The main job as a library: load → forecast → allocate → frontier → match → workbooks, recorded
/// as a run in the store. `skillplan plan` and the portal's plan job both call ``run(_:)``.
///
/// Nothing is published when a stage fails: the run is recorded as failed with the message, and
/// the error is thrown for the caller to show.
public struct PlanningPipeline: Sendable {
    public let request: PlanRequest
    /// The path of the SQLite store the run is recorded in.
    public let storePath: String
    /// The software version recorded with the run and in each workbook's Audit sheet.
    public let softwareVersion: String
    private let progress: PlanProgressHandler

    public init(request: PlanRequest, storePath: String, softwareVersion: String,
                progress: @escaping PlanProgressHandler = { _ in }) {
        self.request = request
        self.storePath = storePath
        self.softwareVersion = softwareVersion
        self.progress = progress
    }

    /// Runs every stage on the scenario from `source`.
    public func run(_ source: ScenarioSource) throws(PlanningError) -> PlanOutcome {
        let started = Date()
        let (loaded, planned) = try stage(.load, key: "planning.stage.load", values: ["scenario": source.displayName]) {
            () throws(PlanningError) in try Self.load(source, variant: request.variant)
        }
        // The store is opened first, so one that cannot be opened stops the run before any work.
        // Storing the dataset (for a new one, every row of it: seconds at the national scale) and
        // beginning the run are needed only once the workbooks are about to be written (the run's
        // number names their folder and is in their Audit sheet): done meanwhile, beside the
        // forecast, the matching and the allocation.
        let store = try RecordedRun.open(storePath: storePath, softwareVersion: softwareVersion)
        let parameters = request.parameters(variantName: planned.variantName)
        let recording = BackgroundJob { () throws(PlanningError) in
            try RecordedRun.begin(kind: .plan, store: store, loaded: loaded, parameters: parameters, startedAt: started)
        }
        // The forecast needs only the scenario. Its Monte Carlo ranges are needed only by the
        // workbooks: drawn beside the matching and the allocation, on the cores the allocation's
        // LP leaves idle.
        let forecasting = BackgroundJob { [self] () throws(PlanningError) in try forecast(planned) }
        let drawing = BackgroundJob { [self] () throws(PlanningError) in try ranges(planned) }
        // Not left running into the next run, whatever happens to this one.
        defer { _ = try? drawing.result() }
        let outcome: PlanOutcome
        do {
            outcome = try plan(loaded: loaded, planned: planned, forecasting: forecasting, drawing: drawing,
                               recording: recording, started: started)
        } catch {
            // A store that could not begin the run is the error reported (as when it was begun
            // first); otherwise the run is recorded as failed.
            try recording.result().recordFailure(error)
            throw error
        }
        let recorded = try recording.result()
        do {
            return try recorded.record { (outcome, outcome.report.headline, try results(of: outcome)) }
        } catch let error as PlanningError {
            throw error
        } catch let error as StorageError {
            throw .store(error)
        } catch {
            throw .stage(.workbooks, message: "\(error)")
        }
    }

    /// Loads and validates a scenario and applies a variant.
    public static func load(_ source: ScenarioSource, variant name: String?) throws(PlanningError) -> (LoadedScenario, Scenario) {
        let loaded: LoadedScenario
        switch source {
        case .loaded(let scenario): loaded = scenario
        case .directory(let directory, let curricula):
            do {
                loaded = try ScenarioLoader.load(directory: directory, curriculaDirectory: curricula)
            } catch {
                throw .input(error)
            }
        }
        guard let name else { return (loaded, loaded.scenario) }
        guard let variant = loaded.scenario.variant(named: name) else {
            throw .unknownVariant(name, known: [ScenarioVariant.baseline.name] + loaded.scenario.variants.map(\.name))
        }
        return (loaded, loaded.scenario.applying(variant))
    }

    /// The forecast stage: the projection and the mobility breakdown.
    private func forecast(_ planned: Scenario) throws(PlanningError) -> (Forecast, MobilityBreakdown) {
        let mobility = request.mobility
        return try stage(.forecast, key: "planning.stage.forecast") { () throws(PlanningError) in
            try failing(.forecast) {
                (try ForecastModel.project(planned, mobility: mobility), try ForecastModel.mobilityBreakdown(planned))
            }
        }
    }

    /// The forecast's Monte Carlo ranges (nil without draws).
    private func ranges(_ planned: Scenario) throws(PlanningError) -> ForecastRanges? {
        guard request.draws > 0 else { return nil }
        return try failing(.forecast) {
            try ForecastModel.ranges(planned, draws: request.draws, seed: request.rangesSeed, mobility: request.mobility)
        }
    }

    private func plan(
        loaded: LoadedScenario, planned: Scenario, forecasting: BackgroundJob<(Forecast, MobilityBreakdown)>,
        drawing: BackgroundJob<ForecastRanges?>, recording: BackgroundJob<RecordedRun>, started: Date
    ) throws(PlanningError) -> PlanOutcome {
        let mobility = request.mobility
        let (forecast, breakdown) = try forecasting.result()
        // Matched before the plan, so the plan funds only interns the round places (one internship
        // budget: the round then funds exactly the plan's interns of its year).
        let matching: (round: MatchingRound, outcome: MatchingOutcome)? = try stage(.match, key: "planning.stage.match") {
            () throws(PlanningError) in
            guard !planned.students.isEmpty, !planned.postings.isEmpty else { return nil }
            do {
                let round = try MatchingRound(scenario: planned, directory: URL(fileURLWithPath: loaded.directory), quotas: [],
                                              seed: request.seed)
                return (round, try round.match())
            } catch let errors as InputErrors {
                throw .input(errors)
            } catch {
                throw .stage(.match, message: "\(error)")
            }
        }
        // Why students are not at postings they ranked higher depends on the matching alone, not
        // on the plan's funding: worked out (and grouped for the interns workbooks) while the
        // plan is.
        let explaining = matching.map { matched in
            BackgroundJob { () throws(PlanningError) in
                let explanations = matched.outcome.explanations(in: matched.round.problem)
                return (all: explanations, byPosting: InternshipRound.byPosting(explanations))
            }
        }
        defer { _ = try? explaining?.result() }
        var options = AllocationOptions(relax: request.relax, timeLimit: request.timeLimit)
        options.internLimits = matching.map { $0.round.matchedInterns(in: $0.outcome) } ?? []
        // The frontier needs neither the plan's whole seats nor its explanation: its points are
        // solved while they are (CLP solves run side by side; see `Solver`). It starts once the
        // allocation stage has been announced, so the stages are announced in order, and reports
        // when it is done.
        let sweep = request.robust == nil ? request.sweep : []
        let frontierOptions = { var relaxed = options; relaxed.relax = true; return relaxed }()
        // The integer plan starts from the LP relaxation at the fund's budget, which is also the
        // relaxed frontier's point there: handed over with its basis, from which the frontier's
        // other points start.
        let relaxationAtBudget = Handoff<RelaxedFrontierPoint>()
        let provided: [Double: @Sendable () -> RelaxedFrontierPoint?] =
            request.relax ? [:] : [options.budgetMultiplier: { relaxationAtBudget.wait() }]
        var frontierJob: BackgroundJob<[FrontierPoint]?>?
        let startFrontier = { [self] in
            frontierJob = BackgroundJob { () throws(PlanningError) -> [FrontierPoint]? in
                try stage(.frontier, key: "planning.stage.frontier") { () throws(PlanningError) -> [FrontierPoint]? in
                    guard !sweep.isEmpty else { return nil }
                    return try failing(.frontier) {
                        try AllocationPlanner.frontier(
                            scenario: planned, forecast: forecast, multiples: sweep, options: frontierOptions, provided: provided)
                    }
                }
            }
        }
        let robustPlan: RobustPlan?
        let plan: AllocationPlan
        do throws(PlanningError) {
            if let criterion = request.robust {
                let robust = try stage(.allocate, key: "planning.stage.allocate-robust") { () throws(PlanningError) in
                    startFrontier()
                    relaxationAtBudget.fulfil(nil)
                    return try failing(.allocate) {
                        try RobustPlanner.plan(scenario: planned, criterion: criterion, mobility: mobility, options: options)
                    }
                }
                robustPlan = robust
                plan = robust.plan
            } else {
                robustPlan = nil
                plan = try stage(.allocate, key: request.relax ? "planning.stage.allocate-relaxed" : "planning.stage.allocate-integer") {
                    () throws(PlanningError) in
                    startFrontier()
                    // The frontier solves that point itself if the plan fails before its LP.
                    defer { relaxationAtBudget.fulfil(nil) }
                    return try failing(.allocate) {
                        try AllocationPlanner.plan(scenario: planned, forecast: forecast, options: options) { relaxationAtBudget.fulfil($0) }
                    }
                }
            }
        } catch {
            // Not left running into the next run: wait for it, and report the allocation's error.
            _ = try? frontierJob?.result()
            throw error
        }
        // The frontier may still be running: the fund plan's workbook and the plan's JSON wait for
        // it (see `PlanWorkbooks.write`), the other workbooks are written meanwhile.
        let frontierStarted = frontierJob
        let frontierPoints = { @Sendable () throws(PlanningError) -> [FrontierPoint]? in try frontierStarted?.result() ?? nil }
        let ranges: ForecastRanges?
        do throws(PlanningError) {
            ranges = try drawing.result()
        } catch {
            _ = try? frontierPoints()
            throw error
        }
        let explained = try explaining?.result()
        let round = matching.map { $0.round.funded(by: plan.internQuotas()).result(of: $0.outcome, explanations: explained?.all) }
        let run: RunID
        do throws(PlanningError) {
            run = try recording.result().run
        } catch {
            _ = try? frontierPoints()
            throw error
        }
        let audit = AuditFacts(runID: String(run.rawValue), datasetHash: loaded.contentHash,
                               softwareVersion: softwareVersion, created: started)
        let internships = round.map { InternshipRound($0, notPlacedByPosting: explained?.byPosting) }
        let context = PlanWorkbookContext(scenario: planned, forecast: forecast, plan: plan, frontier: nil,
                                          internships: internships, audit: audit, ranges: ranges, robust: robustPlan,
                                          language: request.language ?? planned.settings.language ?? .en)
        // The run's own folder, built in a staging folder and renamed into place when complete.
        let folder: RunFolder
        do throws(PlanningError) {
            folder = try failing(.workbooks) {
                try RunFolder.stage(in: request.exports, scenario: planned.settings.name, variant: plan.variant, run: run.rawValue)
            }
        } catch {
            _ = try? frontierPoints()
            throw error
        }
        defer { folder.discard() }
        // The plan's JSON (kept in the store) and matches.csv need neither the workbooks nor each
        // other's output: written while the workbooks are, instead of after them.
        let matchesURL = folder.staging.appendingPathComponent("matches.csv")
        let sideWork = BackgroundJob { [self] () throws(PlanningError) -> String in
            try failing(.workbooks) {
                if let round { try Data(round.matchesCSV.utf8).write(to: matchesURL, options: .atomic) }
                if let robustPlan { return try robustPlan.json() }
                return try plan.json(frontier: try frontierPoints())
            }
        }
        // Written under the names that carry the run's variant and policy (no renaming after).
        let policy = RunFolder.policyLabel(
            totalBudgetVND: plan.totalBudget, fundDigest: loaded.files.first { $0.path == "fund.yaml" }?.sha256 ?? "")
        let variant = plan.variant
        let written: [URL]
        do throws(PlanningError) {
            written = try stage(.workbooks, key: "planning.stage.workbooks", values: ["exports": folder.final.relativePath]) {
                () throws(PlanningError) in
                try failing(.workbooks) {
                    try PlanWorkbooks.write(into: folder.staging, context: context, frontier: frontierPoints) {
                        RunFolder.labelledName($0, variant: variant, policy: policy)
                    }
                }
            }
        } catch {
            _ = try? sideWork.result()
            throw error
        }
        let planJSON = try sideWork.result()
        let frontier = try frontierPoints()
        var files = written
        var matchingSummary: MatchingSummary?
        if let round {
            files.append(matchesURL)
            matchingSummary = round.summary
        }
        files = try failing(.workbooks) { try folder.commit(files: files) }
        let report = PlanReport(
            scenario: planned.settings.name, variant: plan.variant, run: run.rawValue,
            contentHash: loaded.contentHash, status: plan.status.rawValue, objective: plan.objective,
            shortageBefore: plan.shortageBefore, shortageAfter: plan.shortageAfter, spendVND: plan.totalSpend,
            budgetVND: plan.totalBudget, matched: matchingSummary?.matched, students: matchingSummary?.students,
            fundedPlaces: matchingSummary?.fundedPlaces, planInterns: matchingSummary?.planInterns, mobility: mobility,
            mobilityBreakdown: breakdown,
            files: files.map(\.relativePath), seconds: Date().timeIntervalSince(started))
        return PlanOutcome(run: run, loaded: loaded, scenario: planned, forecast: forecast, mobilityBreakdown: breakdown,
                           ranges: ranges, plan: plan, robust: robustPlan, frontier: frontier, round: round,
                           matchingSummary: matchingSummary, files: files, report: report, planJSON: planJSON)
    }

    /// The run's results kept in the store: the plan's JSON and the report.
    private func results(of outcome: PlanOutcome) throws(PlanningError) -> [RunResult] {
        try failing(.workbooks) {
            [RunResult(name: "plan.json", format: .json, content: outcome.planJSON),
             RunResult(name: "report.json", format: .json, content: try StoredResultJSON.text(outcome.report))]
        }
    }

    private func stage<Result>(_ stage: PlanProgress.Stage, key: String, values: [String: String] = [:],
                               _ work: () throws(PlanningError) -> Result) throws(PlanningError) -> Result {
        let started = Date()
        progress(PlanProgress(stage: stage, event: .started, textKey: key, values: values))
        let result = try work()
        progress(PlanProgress(stage: stage, event: .finished(seconds: Date().timeIntervalSince(started)), textKey: key, values: values))
        return result
    }

    private func failing<Result>(_ stage: PlanProgress.Stage, _ work: () throws -> Result) throws(PlanningError) -> Result {
        do {
            return try work()
        } catch let error as PlanningError {
            throw error
        } catch {
            throw .stage(stage, message: "\(error)")
        }
    }
}

extension ScenarioSource {
    var displayName: String {
        switch self {
        case .directory(let directory, _): directory.relativePath
        case .loaded(let loaded): loaded.scenario.settings.name
        }
    }
}

/// JSON text of a stored result: sorted keys, so the same run stores the same bytes.
public enum StoredResultJSON {
    public static func text<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Work started on its own thread at once; ``result()`` waits for it.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the job's thread before `done` is signalled, read after waiting on it.
    private var outcome: Result<Value, PlanningError>?

    init(_ work: @escaping @Sendable () throws(PlanningError) -> Value) {
        let thread = Thread { [self] in
            do throws(PlanningError) { outcome = .success(try work()) } catch { outcome = .failure(error) }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work and returns its value or throws its error; any number of callers.
    func result() throws(PlanningError) -> Value {
        done.wait()
        done.signal()
        switch outcome {
        case .success(let value): return value
        case .failure(let error): throw error
        case nil: throw .stage(.frontier, message: "the background job ended without a result")
        }
    }
}
