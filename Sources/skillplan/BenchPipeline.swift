import Allocation
import ExcelExport
import Forecast
import Foundation
import Matching
import Optimization
import Planning
import Synchronization
import Workforce

/// The stages of one scenario, run one at a time so that `skillplan bench` can time each.
///
/// Every stage keeps its result for the stages after it. ``prepare(_:)`` computes a stage's missing
/// inputs (untimed); ``perform(_:)`` runs the stage itself, dropping its previous result first so
/// that two copies are never held at once (the memory figures stay those of one pipeline).
final class BenchPipeline {
    /// What the stages are run with.
    struct Settings {
        var directory: URL
        var curricula: URL?
        /// CBC's time limit, seconds (the planner's default: 60).
        var timeLimit: Double
        /// CBC's relative gap (the planner's default: 0.005).
        var relativeGap: Double
        var lpAlgorithm: LPAlgorithm
        /// The matching lottery's seed.
        var lotterySeed: UInt64
        /// When set, the match stage also runs flexible deferred acceptance with each province
        /// capped at this percentage of what deferred acceptance placed there.
        var matchCapsPercent: Int?
        /// Where the workbooks are written: run `n` into the new folder `run-n` inside, so that
        /// every run times writing the workbooks, not also deleting the last run's (replacing
        /// thousands of files costs the file system more than creating them).
        var exports: URL
        /// The run id written on the workbooks' Audit sheets.
        var runID: String
        /// The bundled scenario, for the `bundled` stage.
        var bundled: URL
        /// Where the end-to-end stages keep their store (a scratch folder of the bench).
        var scratch: URL
    }

    let settings: Settings
    private(set) var loaded: LoadedScenario?
    /// The postings and students read on their own (the `students` stage).
    private(set) var matchingInput: MatchingInput?
    private(set) var forecast: Forecast?
    private(set) var ranges: ForecastRanges?
    private(set) var model: AllocationModel?
    private(set) var lp: Solution?
    private(set) var mip: Solution?
    private(set) var plan: AllocationPlan?
    private(set) var problem: MatchingProblem?
    private(set) var matching: Matching?
    /// The matching under regional caps (with `matchCapsPercent`).
    private(set) var cappedMatching: Matching?
    private(set) var funding: FundedPlacement?
    /// Seconds of the parts of the last `match` (problem, algorithm, funded places) or end-to-end
    /// plan (the pipeline's stages).
    private(set) var stageParts: [String: Double] = [:]
    /// The workbooks the last `workbooks` stage wrote.
    private(set) var workbooks: [URL] = []
    /// How many times the `workbooks` stage has run.
    private var workbookRuns = 0
    /// How many times each end-to-end stage has run.
    private var endToEndRuns: [BenchStage: Int] = [:]
    /// The last end-to-end plan of each kind: its report (files, shortage, spend).
    private(set) var endToEnd: [BenchStage: PlanReport] = [:]

    init(settings: Settings) {
        self.settings = settings
    }

    /// Whether the stage's result is at hand.
    func hasResult(_ stage: BenchStage) -> Bool {
        switch stage {
        case .load: loaded != nil
        case .students: matchingInput != nil
        case .forecast: forecast != nil
        case .ranges: ranges != nil
        case .build: model != nil
        case .lp: lp != nil
        case .mip: mip != nil
        case .plan: plan != nil
        case .match: matching != nil
        case .workbooks: !workbooks.isEmpty
        case .pipeline, .bundled: endToEnd[stage] != nil
        }
    }

    /// Computes, untimed, every input of `stage` not yet at hand (recursively).
    /// - Parameter note: called with each stage it runs, for progress messages.
    func prepare(_ stage: BenchStage, note: (BenchStage) -> Void = { _ in }) throws {
        for input in stage.inputs where !hasResult(input) {
            try prepare(input, note: note)
            note(input)
            try perform(input)
        }
    }

    /// Runs one stage; its inputs must be at hand (see ``prepare(_:note:)``).
    func perform(_ stage: BenchStage) throws {
        switch stage {
        case .load:
            loaded = nil
            do {
                loaded = try ScenarioLoader.load(directory: settings.directory, curriculaDirectory: settings.curricula)
            } catch {
                throw UserFailure(message: error.description)
            }
        case .students:
            matchingInput = nil
            do {
                matchingInput = try ScenarioLoader.loadMatchingInput(
                    postings: settings.directory.appendingPathComponent("postings.csv"),
                    students: settings.directory.appendingPathComponent("students.csv"), rankings: nil)
            } catch {
                throw UserFailure(message: error.description)
            }
        case .forecast:
            forecast = nil
            do {
                forecast = try ForecastModel.project(try need(loaded).scenario)
            } catch let error as UserFailure {
                throw error
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        case .ranges:
            ranges = nil
            do {
                ranges = try ForecastModel.ranges(try need(loaded).scenario, draws: 1_000, seed: 2026)
            } catch let error as UserFailure {
                throw error
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        case .build:
            model = nil
            let scenario = try need(loaded).scenario, projection = try need(forecast)
            do {
                model = try AllocationModel.build(scenario: scenario, forecast: projection)
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        case .lp:
            lp = nil
            let solution = try solve(relaxed: true)
            guard solution.status == .optimal else {
                throw UserFailure(message: "error: the LP relaxation ended \(solution.status), not optimal")
            }
            lp = solution
        case .mip:
            mip = nil
            let solution = try solve(relaxed: false)
            guard solution.hasFeasibleSolution else {
                throw UserFailure(message: "error: CBC found no integer plan (\(solution.status)) within \(settings.timeLimit) s")
            }
            mip = solution
        case .plan:
            plan = nil
            let scenario = try need(loaded).scenario, projection = try need(forecast)
            do {
                plan = try AllocationPlanner.plan(
                    scenario: scenario, forecast: projection,
                    options: AllocationOptions(timeLimit: settings.timeLimit, relativeGap: settings.relativeGap))
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        case .match:
            try match()
        case .workbooks:
            try writeWorkbooks()
        case .pipeline:
            try planEndToEnd(.pipeline, directory: settings.directory, curricula: settings.curricula)
        case .bundled:
            let scenario = settings.bundled
            guard FileManager.default.fileExists(atPath: scenario.appendingPathComponent("scenario.yaml").path) else {
                throw UserFailure(message: "error: no scenario.yaml in \(scenario.path) for the bundled stage; "
                    + "run the bench from the project's folder or give --bundled DIR")
            }
            try planEndToEnd(.bundled, directory: scenario, curricula: scenario.deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Curricula"))
        }
    }

    /// `skillplan plan DIR --exports … --db …` with the command's defaults, into run folder `n` of
    /// the stage and a store of its own (created by the first run, as a user's first plan would).
    /// Its parts are the pipeline's own stage times.
    private func planEndToEnd(_ stage: BenchStage, directory: URL, curricula: URL?) throws {
        endToEnd[stage] = nil
        let run = (endToEndRuns[stage] ?? 0) + 1
        endToEndRuns[stage] = run
        let exports = settings.exports.appendingPathComponent("\(stage.rawValue)-\(run)")
        let store = settings.scratch.appendingPathComponent("\(stage.rawValue)-\(run).sqlite").path
        let parts = StageSeconds()
        let pipeline = PlanningPipeline(
            request: PlanRequest(exports: exports), storePath: store, softwareVersion: SkillPlan.version
        ) { step in
            if case .finished(let seconds) = step.event { parts.record(step.stage.rawValue, seconds) }
        }
        let curriculaFolder = curricula.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        do {
            endToEnd[stage] = try pipeline.run(.directory(directory, curricula: curriculaFolder)).report
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        stageParts = parts.seconds
    }

    private func solve(relaxed: Bool) throws -> Solution {
        let allocation = try need(model)
        let options =
            relaxed
            ? SolveOptions(relaxIntegrality: true, lpAlgorithm: settings.lpAlgorithm)
            : AllocationOptions(relativeGap: settings.relativeGap).integerSolveOptions(timeLimit: settings.timeLimit)
        do {
            return try Solver.solve(allocation.linearModel, options: options)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    private func match() throws {
        self.problem = nil
        self.matching = nil
        funding = nil
        let scenario = try need(loaded).scenario
        guard !scenario.postings.isEmpty, !scenario.students.isEmpty else {
            throw UserFailure(message: "error: \(settings.directory.path) has no postings.csv or no students.csv to match")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let problem: MatchingProblem
        do {
            problem = try MatchingProblem(
                postings: scenario.postings, students: scenario.students,
                rankings: scenario.rankings.isEmpty ? nil : scenario.rankings, seed: settings.lotterySeed)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        let built = clock.now
        let matching = DeferredAcceptance.match(problem)
        let matched = clock.now
        // The plan's interns when the allocation stage ran before; none otherwise.
        funding = FundedPlaces.assign(matching, problem: problem, enterprises: scenario.enterprises,
                                      terms: scenario.fund.internships, quotas: plan?.internQuotas() ?? [],
                                      year: scenario.fund.budgetYears.first)
        let funded = clock.now
        self.problem = problem
        self.matching = matching
        stageParts = [
            "problem": (built - start).benchSeconds,
            "deferred acceptance": (matched - built).benchSeconds,
            "funded places": (funded - matched).benchSeconds,
        ]
        cappedMatching = nil
        if let percent = settings.matchCapsPercent {
            // Caps from the unconstrained counts, then the timed flexible deferred acceptance.
            var placed: [Region.ID: Int] = [:]
            for assignment in matching.assignments {
                if let region = assignment.posting.flatMap({ problem.posting($0) })?.region { placed[region, default: 0] += 1 }
            }
            let caps: RegionalCaps
            do {
                caps = try RegionalCaps(placed.keys.sorted().map { RegionalCap(regions: [$0], cap: (placed[$0] ?? 0) * percent / 100) })
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            let capsStart = clock.now
            cappedMatching = FlexibleDeferredAcceptance.match(problem, caps: caps)
            stageParts["flexible deferred acceptance, caps \(percent) %"] = (clock.now - capsStart).benchSeconds
        }
    }

    private func writeWorkbooks() throws {
        workbooks = []
        let loaded = try need(loaded), forecast = try need(forecast), plan = try need(plan)
        let problem = try need(problem), matching = try need(matching)
        let context = PlanWorkbookContext(
            scenario: loaded.scenario, forecast: forecast, plan: plan,
            internships: InternshipRound(problem: problem, matching: matching, funding: funding),
            audit: AuditFacts(runID: settings.runID, datasetHash: loaded.contentHash, softwareVersion: SkillPlan.version))
        workbookRuns += 1
        let folder = settings.exports.appendingPathComponent("run-\(workbookRuns)")
        let urls: [URL]
        do {
            urls = try PlanWorkbooks.write(into: folder, context: context)
        } catch {
            throw UserFailure(message: "error: cannot write the workbooks into \(folder.path): \(error)")
        }
        workbooks = urls
    }

    /// The written workbooks' names and sizes; read after the timing, as the user's next step
    /// would be, so that the stage's time is the writing alone.
    var workbookSizes: [(name: String, bytes: Int)] {
        workbooks.map { url in
            let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size]
            return (url.lastPathComponent, (size as? Int) ?? 0)
        }
    }

    private func need<Value>(_ value: Value?) throws -> Value {
        guard let value else { throw UserFailure(message: "internal error: a bench stage ran before its inputs") }
        return value
    }
}

extension Duration {
    /// The duration in seconds.
    var benchSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

/// Seconds of each pipeline stage, reported from the pipeline's threads.
private final class StageSeconds: Sendable {
    private let table = Mutex<[String: Double]>([:])

    func record(_ stage: String, _ seconds: Double) { table.withLock { $0[stage] = seconds } }
    var seconds: [String: Double] { table.withLock { $0 } }
}
