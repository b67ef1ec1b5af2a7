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
        abstract: "Time each stage (load, forecast, model, LP, MIP, plan, match, workbooks, whole plans) and measure peak memory.",
        discussion: """
        Generates the synthetic scenario of --scale and --seed into a temporary directory (or uses \
        --dir), then runs the chosen stages --runs times each, in pipeline order; a stage whose \
        inputs are not chosen gets them computed once, untimed. Reports each stage's median and \
        min–max wall-clock time, its peak resident memory (VmHWM, reset before each stage), the \
        process's peak (VmHWM and getrusage maxrss), the allocation model's size, the MIP's gap \
        to its LP bound, and the matching's counts. Build with `swift build -c release` first: \
        debug builds are many times slower.
        Stages: load, students, forecast, ranges, build, lp, mip, plan, match, workbooks, pipeline (the whole \
        `skillplan plan`), bundled (the same on the bundled scenario). --seeds runs them on several \
        synthetic scenarios and ends with a table of every seed's medians against the targets; \
        --portal-load adds the portal's page latency during a national plan job.
        """)

    @Option(help: "small, province or national (ignored with --dir).")
    var scale: SyntheticScale = .national
    @Option(help: "The synthetic scenario's seed.")
    var seed: UInt64 = 2026
    @Option(help: "Run every stage on the synthetic scenario of each of these seeds in turn (e.g. 2026,4242,7); replaces --seed.")
    var seeds: String?
    @Option(help: "The bundled scenario, for the bundled stage (its curricula: the Curricula folder two levels up).", completion: .directory)
    var bundled: String = "Scenarios/vietnam-2026-2035"
    @Flag(help: """
        Also run Benchmarks/portal-load.sh: 50 signed-in users, one page a second each, while the portal \
        runs a national plan job; reports wrk's latency percentiles (needs wrk and curl).
        """)
    var portalLoad = false
    @Option(help: "How long the portal load lasts (wrk's --duration, e.g. 20s).")
    var portalDuration: String = "20s"
    @Option(help: .hidden)
    var portalScript: String = "Benchmarks/portal-load.sh"
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
        if let seeds {
            _ = try Self.parseSeeds(seeds)
            guard dir == nil else { throw ValidationError("--seeds generates scenarios; it cannot be used with --dir") }
        }
        if let matchCapsPercent, !(0...100).contains(matchCapsPercent) {
            throw ValidationError("--match-caps-percent \(matchCapsPercent): give a whole percentage from 0 to 100")
        }
    }

    func run() throws {
        let chosen = try stages.map(BenchStage.parseList) ?? BenchStage.allCases
        let seedList = try seeds.map(Self.parseSeeds) ?? [seed]
        let started = Date()
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("skillplan-bench-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)

        let recorded = try RecordedRun.begin(
            kind: .bench, store: store, loaded: nil,
            parameters: BenchParameters(
                scale: dir == nil ? scale.rawValue : nil, seed: dir == nil ? seedList.first : nil,
                seeds: dir == nil && seedList.count > 1 ? seedList : nil, directory: dir,
                runs: runs, stages: chosen.map(\.rawValue), timeLimit: timeLimit, relativeGap: relativeGap,
                lpAlgorithm: lpAlgorithm.rawValue))

        try recorded.record {
            var reports: [BenchReport] = []
            for (index, seed) in (dir == nil ? seedList : [seed]).enumerated() {
                let directory: URL
                if let dir {
                    directory = URL(fileURLWithPath: dir)
                } else {
                    directory = scratch.appendingPathComponent("scenario-\(seed)")
                    try generateScenario(seed: seed, into: directory)
                }
                // The bundled scenario does not depend on the seed: measured with the first one.
                let stagesHere = index == 0 ? chosen : chosen.filter { $0 != .bundled }
                var report = try measure(
                    directory: directory, seed: seed, several: dir == nil && seedList.count > 1, stages: stagesHere, scratch: scratch.appendingPathComponent("run-\(seed)"),
                    runID: String(recorded.run.rawValue), started: started)
                report.run = recorded.run.rawValue
                // The folder of each seed goes once measured (a national scenario and its workbooks are
                // hundreds of megabytes).
                if dir == nil { try? manager.removeItem(at: directory) }
                reports.append(report)
            }
            let portal = portalLoad ? try measurePortal() : nil
            let summary = BenchSummary(reports: reports, portal: portal)
            if output.json {
                if reports.count == 1, portal == nil, let report = reports.first {
                    try Terminal.printJSON(report)
                } else {
                    try Terminal.printJSON(summary)
                }
            } else {
                Terminal.output(reports.map { $0.render() }.joined(separator: "\n\n"))
                if reports.count > 1 || portal != nil { Terminal.output("\n" + summary.render()) }
            }
            let text = reports.map { report in
                (report.seed.map { "seed \($0): " } ?? "")
                    + report.stages.map { "\($0.stage.rawValue) \(BenchReport.seconds($0.median))" }.joined(separator: ", ")
                    + "; peak \(BenchReport.bytes(report.memory.highWaterMark))"
            }.joined(separator: " | ") + (portal.map { " | portal p99 \(BenchReport.seconds($0.p99Seconds))" } ?? "")
            return (text, [RunResult(name: "bench.json", format: .json, content: try jsonText(summary))])
        }
    }

    /// Runs the chosen stages `--runs` times on one scenario and reports them.
    /// - Parameter several: whether other seeds are measured too (each then keeps its workbooks in
    ///   `seed-N` inside `--exports`).
    private func measure(directory: URL, seed: UInt64, several: Bool, stages chosen: [BenchStage], scratch: URL, runID: String,
                         started: Date) throws -> BenchReport {
        let loadAtStart = Self.loadAverages()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let pipeline = BenchPipeline(settings: BenchPipeline.Settings(
            directory: directory, curricula: curricula.map { URL(fileURLWithPath: $0) },
            timeLimit: timeLimit, relativeGap: relativeGap, lpAlgorithm: lpAlgorithm,
            lotterySeed: Lottery.defaultSeed, matchCapsPercent: matchCapsPercent,
            exports: exports.map { URL(fileURLWithPath: $0) }.map { several ? $0.appendingPathComponent("seed-\(seed)") : $0 }
                ?? scratch.appendingPathComponent("exports"),
            runID: runID, bundled: URL(fileURLWithPath: bundled), scratch: scratch))
        var peak = ProcessPeak()
        var samples: [BenchStage: [(seconds: Double, cpu: Double, peak: Int?, parts: [String: Double])]] = [:]
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
                let cpuStart = ProcessMemory.cpuSeconds()
                try pipeline.perform(stage)
                let seconds = (clock.now - start).benchSeconds
                let cpu = ProcessMemory.cpuSeconds() - cpuStart
                let stagePeak = reset ? ProcessMemory.highWaterMark() : nil
                peak.sample()
                let parts = [.match, .pipeline, .bundled].contains(stage) ? pipeline.stageParts : [:]
                samples[stage, default: []].append((seconds, cpu, stagePeak, parts))
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
                    minimum: seconds.min() ?? 0, maximum: seconds.max() ?? 0, cpuMedian: median(runs.map(\.cpu)),
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
            plans: [BenchStage.pipeline, .bundled].compactMap { stage in
                pipeline.endToEnd[stage].map { BenchReport.PlanFigures(stage: stage, report: $0) }
            },
            memory: BenchReport.Memory(
                highWaterMark: peak.highWaterMark, maximumResidentSetSize: peak.maximumResidentSetSize, perStage: perStage),
            memoryTargetBytes: 2 << 30,
            run: nil)

        if let exportReference {
            Terminal.note("writing the reference comparison's inputs to \(exportReference)…")
            try prepareForExport(pipeline)
            try BenchReferenceExport.write(into: URL(fileURLWithPath: exportReference), pipeline: pipeline, report: report)
        }
        report.machine.loadAtEnd = Self.loadAverages()
        return report
    }

    /// `Benchmarks/portal-load.sh` with this executable: 50 signed-in users (one page a second each)
    /// while the portal runs a national plan job; wrk's latency distribution read back.
    private func measurePortal() throws -> PortalLoadFigures {
        let script = URL(fileURLWithPath: portalScript)
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw UserFailure(message: "error: --portal-load needs \(script.path): run the bench from the project's folder")
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        Terminal.note("[portal] 50 users for \(portalDuration) while a national plan job runs (Benchmarks/portal-load.sh)…")
        let process = Process()
        process.executableURL = script
        process.arguments = [executable]
        var environment = ProcessInfo.processInfo.environment
        environment["THINK_MS"] = "1000"
        environment["DURATION"] = portalDuration
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UserFailure(message: "error: \(script.path) failed (exit \(process.terminationStatus)):\n\(output)")
        }
        guard let figures = PortalLoadFigures(wrkOutput: output, duration: portalDuration) else {
            throw UserFailure(message: "error: cannot read wrk's latency distribution in:\n\(output)")
        }
        return figures
    }

    static func parseSeeds(_ text: String) throws -> [UInt64] {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " })
        let seeds = parts.compactMap { UInt64($0) }
        guard !seeds.isEmpty, seeds.count == parts.count else {
            throw ValidationError("--seeds \(text): give whole numbers separated by commas, e.g. 2026,4242,7")
        }
        return seeds
    }

    private func generateScenario(seed: UInt64, into directory: URL) throws {
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
    let seeds: [UInt64]?
    let directory: String?
    let runs: Int
    let stages: [String]
    let timeLimit: Double
    let relativeGap: Double
    let lpAlgorithm: String

    enum CodingKeys: String, CodingKey {
        case scale, seed, seeds, directory, runs, stages, timeLimit = "time_limit", relativeGap = "relative_gap"
        case lpAlgorithm = "lp_algorithm"
    }
}
