import ArgumentParser
import Foundation
import Matching
import Optimization
import Planning
import ScenarioSynthesis
import Storage
import Workforce

extension LPAlgorithm: ExpressibleByArgument {}

/// `skillplan bench`: times each stage on a synthetic (or given) scenario and reports medians,
/// spread, peak memory, model size, the MIP's gap and the matching's counts.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time each stage (load, forecast, model, LP, MIP, plan, match, workbooks) and measure peak memory.",
        discussion: """
        Generates the synthetic scenario of --scale and --seed into a temporary directory (or uses \
        --dir), then runs the chosen stages --runs times each, in pipeline order; a stage whose \
        inputs are not chosen gets them computed once, untimed. Reports each stage's median and \
        min–max wall-clock time, its peak resident memory (VmHWM, reset before each stage), the \
        process's peak (VmHWM and getrusage maxrss), the allocation model's size, the MIP's gap \
        to its LP bound, and the matching's counts. Build with `swift build -c release` first: \
        debug builds are many times slower.
        Stages: load, students, forecast, build, lp, mip, plan, match, workbooks.
        """)

    @Option(help: "small, province or national (ignored with --dir).")
    var scale: SyntheticScale = .national
    @Option(help: "The synthetic scenario's seed.")
    var seed: UInt64 = 2026
    @Option(help: "Use this scenario directory instead of generating one.", completion: .directory)
    var dir: String?
    @Option(help: "The curricula folder, with --dir.", completion: .directory)
    var curricula: String?
    @Option(help: "How many times to run each stage.")
    var runs: Int = 3
    @Option(help: "The stages to time, comma-separated (default: all).")
    var stages: String?
    @Option(help: "CBC's time limit in seconds for the MIP and the plan.")
    var timeLimit: Double = 60
    @Option(help: "CBC's relative gap for the MIP and the plan.")
    var relativeGap: Double = 0.005
    @Option(help: "CLP's algorithm for the LP relaxation: automatic, dualSimplex, primalSimplex, barrier.")
    var lpAlgorithm: LPAlgorithm = .automatic
    @Option(help: """
        Also time flexible deferred acceptance (regional caps) in the match stage, with each province \
        capped at this percentage of the interns deferred acceptance placed there (0–100).
        """)
    var matchCapsPercent: Int?
    @Option(help: "Keep the workbooks in this folder, run n in run-n/ (default: a temporary folder, removed).", completion: .directory)
    var exports: String?
    @Option(help: .hidden)
    var exportReference: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs \(runs): give at least 1") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit \(timeLimit): give a positive number of seconds") }
        guard relativeGap >= 0, relativeGap.isFinite else { throw ValidationError("--relative-gap \(relativeGap): give a number ≥ 0, e.g. 0.005") }
        if let stages { _ = try BenchStage.parseList(stages) }
        if let matchCapsPercent, !(0...100).contains(matchCapsPercent) {
            throw ValidationError("--match-caps-percent \(matchCapsPercent): give a whole percentage from 0 to 100")
        }
    }

    func run() throws {
        let chosen = try stages.map(BenchStage.parseList) ?? BenchStage.allCases
        let loadAtStart = Self.loadAverages()
        let started = Date()
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("skillplan-bench-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }

        let directory: URL
        if let dir {
            directory = URL(fileURLWithPath: dir)
        } else {
            directory = scratch.appendingPathComponent("scenario")
            try generateScenario(into: directory)
        }
        let recorded = try RecordedRun.begin(
            kind: .bench, store: store, loaded: nil,
            parameters: BenchParameters(
                scale: dir == nil ? scale.rawValue : nil, seed: dir == nil ? seed : nil, directory: dir,
                runs: runs, stages: chosen.map(\.rawValue), timeLimit: timeLimit, relativeGap: relativeGap,
                lpAlgorithm: lpAlgorithm.rawValue))

        try recorded.record {
            let pipeline = BenchPipeline(settings: BenchPipeline.Settings(
                directory: directory, curricula: curricula.map { URL(fileURLWithPath: $0) },
                timeLimit: timeLimit, relativeGap: relativeGap, lpAlgorithm: lpAlgorithm,
                lotterySeed: Lottery.defaultSeed, matchCapsPercent: matchCapsPercent,
                exports: exports.map { URL(fileURLWithPath: $0) } ?? scratch.appendingPathComponent("exports"),
                runID: String(recorded.run.rawValue)))
            var peak = ProcessPeak()
            var samples: [BenchStage: [(seconds: Double, peak: Int?, parts: [String: Double])]] = [:]
            var perStage = true
            let clock = ContinuousClock()
            for run in 1...runs {
                for stage in chosen {
                    try pipeline.prepare(stage) { input in
                        Terminal.note("      (computing \(input.title) once, untimed, as an input)")
                    }
                    Terminal.note("[run \(run)/\(runs)] \(stage.title)…")
                    peak.sample()
                    let reset = ProcessMemory.resetHighWaterMark()
                    perStage = perStage && reset
                    let start = clock.now
                    try pipeline.perform(stage)
                    let seconds = (clock.now - start).benchSeconds
                    let stagePeak = reset ? ProcessMemory.highWaterMark() : nil
                    peak.sample()
                    samples[stage, default: []].append((seconds, stagePeak, stage == .match ? pipeline.matchParts : [:]))
                    Terminal.note("      \(BenchReport.seconds(seconds))\(stagePeak.map { ", peak \(BenchReport.bytes($0))" } ?? "")")
                }
            }
            peak.sample()

            var report = BenchReport(
                scale: dir == nil ? scale.rawValue : nil, seed: dir == nil ? seed : nil, directory: dir ?? "(temporary)",
                runs: runs, started: RunListing.timestamp(started),
                machine: BenchReport.Machine(
                    cores: ProcessInfo.processInfo.activeProcessorCount, cpu: Self.cpuModel(),
                    memoryBytes: ProcessInfo.processInfo.physicalMemory, loadAtStart: loadAtStart,
                    loadAtEnd: Self.loadAverages()),
                stages: chosen.map { stage in
                    let runs = samples[stage] ?? []
                    let seconds = runs.map(\.seconds)
                    let partNames = Set(runs.flatMap { $0.parts.keys })
                    return BenchReport.Stage(
                        stage: stage, title: stage.title, seconds: seconds, median: median(seconds),
                        minimum: seconds.min() ?? 0, maximum: seconds.max() ?? 0,
                        peakMemoryBytes: perStage ? runs.compactMap(\.peak).max() : nil,
                        targetSeconds: stage.targetSeconds,
                        partMedians: Dictionary(uniqueKeysWithValues: partNames.map { name in
                            (name, median(runs.compactMap { $0.parts[name] }))
                        }))
                },
                model: pipeline.model.map {
                    let size = $0.size
                    return BenchReport.ModelFigures(
                        variables: size.variables, integerVariables: size.integerVariables, rows: size.constraints,
                        nonzeros: size.nonzeros)
                },
                solves: solveFigures(pipeline),
                matching: matchingFigures(pipeline),
                workbooks: BenchReport.WorkbookFigures(pipeline.workbookSizes),
                memory: BenchReport.Memory(
                    highWaterMark: peak.highWaterMark, maximumResidentSetSize: peak.maximumResidentSetSize, perStage: perStage),
                memoryTargetBytes: 2 << 30,
                run: recorded.run.rawValue)

            if let exportReference {
                Terminal.note("writing the reference comparison's inputs to \(exportReference)…")
                try prepareForExport(pipeline)
                try BenchReferenceExport.write(into: URL(fileURLWithPath: exportReference), pipeline: pipeline, report: report)
            }
            report.machine.loadAtEnd = Self.loadAverages()
            if output.json {
                try Terminal.printJSON(report)
            } else {
                Terminal.output(report.render())
            }
            let summary = report.stages.map { "\($0.stage.rawValue) \(BenchReport.seconds($0.median))" }.joined(separator: ", ")
                + "; peak \(BenchReport.bytes(report.memory.highWaterMark))"
            return (summary, [RunResult(name: "bench.json", format: .json, content: try jsonText(report))])
        }
    }

    private func generateScenario(into directory: URL) throws {
        let progress = StageProgress(stages: 2)
        let scenario = progress.stage("Generating a \(scale.rawValue) scenario (seed \(seed))") {
            ScenarioSynthesizer.generate(scale: scale, seed: seed)
        }
        try progress.stage("Writing it to \(directory.path)") {
            do {
                try scenario.write(to: directory)
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        }
    }

    /// The export needs the model, both solutions, the plan and the matching.
    private func prepareForExport(_ pipeline: BenchPipeline) throws {
        for stage in [BenchStage.build, .lp, .mip, .plan, .match] where !pipeline.hasResult(stage) {
            try pipeline.prepare(stage)
            Terminal.note("      (computing \(stage.title) once for the export)")
            try pipeline.perform(stage)
        }
    }

    private func solveFigures(_ pipeline: BenchPipeline) -> BenchReport.SolveFigures? {
        guard pipeline.lp != nil || pipeline.mip != nil || pipeline.plan != nil else { return nil }
        let lpObjective = pipeline.lp?.objectiveValue
        let mipObjective = pipeline.mip?.objectiveValue
        var gapToLP: Double?
        if let lpObjective, let mipObjective {
            gapToLP = (mipObjective - lpObjective) / max(1, abs(mipObjective))
        }
        return BenchReport.SolveFigures(
            lpObjective: lpObjective, lpSolver: pipeline.lp?.solverName,
            lpIterations: pipeline.lp?.iterationCount, mipObjective: mipObjective,
            mipBestBound: pipeline.mip?.bestBound, mipStatus: pipeline.mip.map { "\($0.status)" },
            mipNodes: pipeline.mip?.nodeCount, mipSolverGap: pipeline.mip?.relativeGap, mipGapToLPBound: gapToLP,
            planStatus: pipeline.plan.map { "\($0.status)" }, planGap: pipeline.plan?.gap)
    }

    private func matchingFigures(_ pipeline: BenchPipeline) -> BenchReport.MatchingFigures? {
        guard let problem = pipeline.problem, let matching = pipeline.matching else { return nil }
        return BenchReport.MatchingFigures(
            students: problem.students.count, postings: problem.postings.count,
            slots: problem.postings.reduce(0) { $0 + max(0, $1.slots) }, matched: matching.matchedCount,
            unmatched: problem.students.count - matching.matchedCount,
            droppedPreferences: problem.droppedPreferences.count, fundedPlaces: pipeline.funding?.places.count,
            capsPercent: matchCapsPercent, cappedMatched: pipeline.cappedMatching?.matchedCount)
    }

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown CPU"
    }

    static func loadAverages() -> [Double] {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return [] }
        return text.split(separator: " ").prefix(3).compactMap { Double($0) }
    }
}

struct BenchParameters: Encodable {
    let scale: String?
    let seed: UInt64?
    let directory: String?
    let runs: Int
    let stages: [String]
    let timeLimit: Double
    let relativeGap: Double
    let lpAlgorithm: String

    enum CodingKeys: String, CodingKey {
        case scale, seed, directory, runs, stages, timeLimit = "time_limit", relativeGap = "relative_gap"
        case lpAlgorithm = "lp_algorithm"
    }
}
