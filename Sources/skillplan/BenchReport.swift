import Foundation
import Planning
import Workforce

/// What `skillplan bench` measured: per-stage times over the runs, memory, model size, the MIP's
/// gap, matching counts, and the machine. Encoded as the `--json` document (snake_case keys).
struct BenchReport: Encodable {
    struct Machine: Encodable {
        var cores: Int
        var cpu: String
        var memoryBytes: UInt64
        /// 1, 5 and 15 minute load averages when the bench started and when it ended.
        var loadAtStart: [Double]
        var loadAtEnd: [Double]

        enum CodingKeys: String, CodingKey {
            case cores, cpu, memoryBytes = "memory_bytes", loadAtStart = "load_at_start", loadAtEnd = "load_at_end"
        }
    }

    struct Stage: Encodable {
        var stage: BenchStage
        var title: String
        /// Wall-clock seconds of each run.
        var seconds: [Double]
        var median: Double
        var minimum: Double
        var maximum: Double
        /// The median over the runs of the process's CPU seconds (user + system) during the stage:
        /// above the wall clock when the stage uses several cores.
        var cpuMedian: Double
        /// The largest `VmHWM` during the stage over the runs (nil without per-stage reset).
        var peakMemoryBytes: Int?
        var targetSeconds: Double?
        /// Medians of the stage's parts (the matching's problem, algorithm, funded places).
        var partMedians: [String: Double]

        var meetsTarget: Bool? { targetSeconds.map { median < $0 } }

        enum CodingKeys: String, CodingKey {
            case stage, title, seconds, median = "median_seconds", minimum = "min_seconds", maximum = "max_seconds"
            case cpuMedian = "median_cpu_seconds"
            case peakMemoryBytes = "peak_memory_bytes", targetSeconds = "target_seconds", partMedians = "part_median_seconds"
            case meetsTarget = "meets_target"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(stage, forKey: .stage)
            try container.encode(title, forKey: .title)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(median, forKey: .median)
            try container.encode(minimum, forKey: .minimum)
            try container.encode(maximum, forKey: .maximum)
            try container.encode(cpuMedian, forKey: .cpuMedian)
            try container.encode(peakMemoryBytes, forKey: .peakMemoryBytes)
            try container.encode(targetSeconds, forKey: .targetSeconds)
            try container.encode(meetsTarget, forKey: .meetsTarget)
            try container.encode(partMedians, forKey: .partMedians)
        }
    }

    struct ModelFigures: Encodable {
        var variables: Int
        var integerVariables: Int
        var rows: Int
        var nonzeros: Int

        enum CodingKeys: String, CodingKey {
            case variables, integerVariables = "integer_variables", rows, nonzeros
        }
    }

    struct SolveFigures: Encodable {
        var lpObjective: Double?
        var lpSolver: String?
        var lpIterations: Int?
        var mipObjective: Double?
        var mipBestBound: Double?
        var mipStatus: String?
        var mipNodes: Int?
        /// CBC's own gap: `|objective − best bound| / max(1, |objective|)`.
        var mipSolverGap: Double?
        /// `(MIP objective − LP objective) / max(1, |MIP objective|)`: how far the integer plan is from
        /// the LP relaxation's bound.
        var mipGapToLPBound: Double?
        var planStatus: String?
        var planGap: Double?

        enum CodingKeys: String, CodingKey {
            case lpObjective = "lp_objective", lpSolver = "lp_solver", lpIterations = "lp_iterations"
            case mipObjective = "mip_objective"
            case mipBestBound = "mip_best_bound", mipStatus = "mip_status", mipNodes = "mip_nodes"
            case mipSolverGap = "mip_solver_gap", mipGapToLPBound = "mip_gap_to_lp_bound"
            case planStatus = "plan_status", planGap = "plan_gap"
        }
    }

    struct MatchingFigures: Encodable {
        var students: Int
        var postings: Int
        var slots: Int
        var matched: Int
        var unmatched: Int
        var droppedPreferences: Int
        var fundedPlaces: Int?
        /// `--match-caps-percent`: each province capped at this share of its unconstrained count.
        var capsPercent: Int?
        /// Interns placed by flexible deferred acceptance under those caps.
        var cappedMatched: Int?

        enum CodingKeys: String, CodingKey {
            case students, postings, slots, matched, unmatched, droppedPreferences = "dropped_preferences"
            case fundedPlaces = "funded_places", capsPercent = "caps_percent", cappedMatched = "capped_matched"
        }
    }

    struct WorkbookFigures: Encodable {
        var count: Int
        var totalBytes: Int
        /// The largest workbook's name and size.
        var largest: String
        var largestBytes: Int

        enum CodingKeys: String, CodingKey {
            case count, totalBytes = "total_bytes", largest, largestBytes = "largest_bytes"
        }

        init?(_ files: [(name: String, bytes: Int)]) {
            guard let largest = files.max(by: { $0.bytes < $1.bytes }) else { return nil }
            count = files.count
            totalBytes = files.reduce(0) { $0 + $1.bytes }
            self.largest = largest.name
            largestBytes = largest.bytes
        }
    }

    /// The outcome of an end-to-end plan stage (its last run), so that a faster run is seen to
    /// plan the same thing.
    struct PlanFigures: Encodable {
        var stage: BenchStage
        var scenario: String
        var status: String
        var objective: Double
        var shortageBefore: Double
        var shortageAfter: Double
        var spendVND: Double
        var budgetVND: Double
        var files: Int

        init(stage: BenchStage, report: PlanReport) {
            self.stage = stage
            scenario = report.scenario
            status = report.status
            objective = report.objective
            shortageBefore = report.shortageBefore
            shortageAfter = report.shortageAfter
            spendVND = report.spendVND
            budgetVND = report.budgetVND
            files = report.files.count
        }

        enum CodingKeys: String, CodingKey {
            case stage, scenario, status, objective, shortageBefore = "shortage_before", shortageAfter = "shortage_after"
            case spendVND = "spend_vnd", budgetVND = "budget_vnd", files
        }
    }

    struct Memory: Encodable {
        /// The process's peak resident set (`VmHWM`), bytes, over the whole bench.
        var highWaterMark: Int
        /// `getrusage` `ru_maxrss`, bytes.
        var maximumResidentSetSize: Int
        /// Whether each stage's peak was measured on its own (`/proc/self/clear_refs`).
        var perStage: Bool

        enum CodingKeys: String, CodingKey {
            case highWaterMark = "vm_hwm_bytes", maximumResidentSetSize = "maxrss_bytes", perStage = "per_stage"
        }
    }

    var scale: String?
    var seed: UInt64?
    var directory: String
    var runs: Int
    var started: String
    var machine: Machine
    var stages: [Stage]
    var model: ModelFigures?
    var solves: SolveFigures?
    var matching: MatchingFigures?
    var workbooks: WorkbookFigures?
    var plans: [PlanFigures]
    var memory: Memory
    var memoryTargetBytes: Int
    var run: Int64?

    enum CodingKeys: String, CodingKey {
        case scale, seed, directory, runs, started, machine, stages, model, solves, matching, workbooks, plans, memory
        case memoryTargetBytes = "memory_target_bytes", run
    }

    func stage(_ stage: BenchStage) -> Stage? { stages.first { $0.stage == stage } }

    /// The aligned terminal report.
    func render() -> String {
        var lines: [String] = []
        let what = scale.map { "\($0) scale, seed \(seed.map(String.init) ?? "–")" } ?? directory
        lines.append("SkillPlan bench: \(what), \(runs) run\(runs == 1 ? "" : "s") per stage")
        lines.append("machine: \(machine.cores) cores, \(machine.cpu), \(Self.bytes(Int(clamping: machine.memoryBytes))) memory; "
            + "load \(Self.load(machine.loadAtStart)) at start, \(Self.load(machine.loadAtEnd)) at end")
        lines.append("")
        var table = TextTable(
            headers: ["stage", "median", "min–max", "CPU", "peak memory", "target", "met"],
            alignments: [.left, .right, .right, .right, .right, .right, .left])
        for stage in stages {
            table.append([
                stage.title, Self.seconds(stage.median),
                "\(Self.seconds(stage.minimum, unit: false))–\(Self.seconds(stage.maximum))", Self.seconds(stage.cpuMedian),
                stage.peakMemoryBytes.map(Self.bytes) ?? "–",
                stage.targetSeconds.map { "< \(Self.seconds($0))" } ?? "",
                stage.meetsTarget.map { $0 ? "✓" : "✗ missed" } ?? "",
            ])
        }
        let memoryMet = memory.highWaterMark < memoryTargetBytes
        table.append([
            "process peak (VmHWM)", "", "", "", Self.bytes(memory.highWaterMark), "< \(Self.bytes(memoryTargetBytes))",
            memoryMet ? "✓" : "✗ missed",
        ])
        lines.append(table.render())
        lines.append("")
        for stage in stages where !stage.partMedians.isEmpty {
            let parts = stage.partMedians.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.seconds($0.value))" }
            lines.append("\(stage.title), medians of its parts: \(parts.joined(separator: ", "))")
        }
        if let model {
            lines.append("allocation model: \(NumberText.grouped(Double(model.variables))) variables "
                + "(\(NumberText.grouped(Double(model.integerVariables))) integer), \(NumberText.grouped(Double(model.rows))) rows, "
                + "\(NumberText.grouped(Double(model.nonzeros))) nonzeros")
        }
        if let solves {
            if let objective = solves.lpObjective {
                var text = "LP relaxation: objective \(Self.objective(objective)) (\(solves.lpSolver ?? "CLP")"
                if let iterations = solves.lpIterations { text += ", \(NumberText.grouped(Double(iterations))) iterations" }
                lines.append(text + ")")
            }
            if let objective = solves.mipObjective {
                var text = "MIP: objective \(Self.objective(objective)), \(solves.mipStatus ?? "")"
                if let gap = solves.mipGapToLPBound { text += "; gap to the LP bound \(Self.percent(gap))" }
                if let gap = solves.mipSolverGap { text += "; CBC's gap \(Self.percent(gap))" }
                if let nodes = solves.mipNodes { text += "; \(NumberText.grouped(Double(nodes))) nodes" }
                lines.append(text)
            }
            if let status = solves.planStatus {
                lines.append("plan: \(status)\(solves.planGap.map { ", gap \(Self.percent($0))" } ?? "")")
            }
        }
        if let matching {
            var text = "matching: \(NumberText.grouped(Double(matching.students))) students, "
                + "\(NumberText.grouped(Double(matching.postings))) postings with \(NumberText.grouped(Double(matching.slots))) slots; "
                + "\(NumberText.grouped(Double(matching.matched))) matched, \(NumberText.grouped(Double(matching.unmatched))) unmatched, "
                + "\(NumberText.grouped(Double(matching.droppedPreferences))) preferences dropped as ineligible"
            if let funded = matching.fundedPlaces { text += "; \(NumberText.grouped(Double(funded))) fund-backed places" }
            lines.append(text)
        }
        if let workbooks {
            lines.append("workbooks: \(NumberText.grouped(Double(workbooks.count))) files, \(Self.bytes(workbooks.totalBytes)) in all; "
                + "largest \(workbooks.largest) (\(Self.bytes(workbooks.largestBytes)))")
        }
        for plan in plans {
            lines.append("\(plan.stage.title): \(plan.scenario), \(plan.status), shortage \(NumberText.grouped(plan.shortageBefore)) → "
                + "\(NumberText.grouped(plan.shortageAfter)) engineer-years, spend \(NumberText.grouped(plan.spendVND / 1e9)) of "
                + "\(NumberText.grouped(plan.budgetVND / 1e9)) bn VND, \(NumberText.grouped(Double(plan.files))) files")
        }
        lines.append("memory: VmHWM \(Self.bytes(memory.highWaterMark)), getrusage maxrss \(Self.bytes(memory.maximumResidentSetSize))"
            + (memory.perStage ? "; per-stage peaks by resetting VmHWM before each stage" : "; no per-stage peaks (cannot reset VmHWM)"))
        if let run { lines.append("recorded as run \(run)") }
        return lines.joined(separator: "\n")
    }

    static func seconds(_ value: Double, unit: Bool = true) -> String {
        let text =
            value < 0.01 ? String(format: "%.4f", value)
            : value < 1 ? String(format: "%.3f", value)
            : value < 100 ? String(format: "%.2f", value)
            : String(format: "%.1f", value)
        return unit ? text + " s" : text
    }

    static func bytes(_ value: Int) -> String {
        let mebibytes = Double(value) / 1_048_576
        if mebibytes < 1 { return String(format: "%.0f KiB", Double(value) / 1024) }
        return mebibytes >= 1024 ? String(format: "%.2f GiB", mebibytes / 1024) : String(format: "%.0f MiB", mebibytes)
    }

    static func percent(_ value: Double) -> String { String(format: "%.3f %%", value * 100) }

    static func objective(_ value: Double) -> String { String(format: "%.6f", value) }

    static func load(_ averages: [Double]) -> String {
        averages.map { String(format: "%.2f", $0) }.joined(separator: "/")
    }
}

/// Every seed's report side by side against the targets, and the portal's latency.
struct BenchSummary: Encodable {
    struct Row: Encodable {
        var stage: BenchStage
        var title: String
        /// The stage's median on each seed, in the order of ``BenchSummary/seeds``; nil where it did not run.
        var medians: [Double?]
        var targetSeconds: Double?
        /// Whether every seed's median is under the target.
        var metOnEverySeed: Bool?

        enum CodingKeys: String, CodingKey {
            case stage, title, medians = "median_seconds", targetSeconds = "target_seconds", metOnEverySeed = "met_on_every_seed"
        }
    }

    var seeds: [UInt64?]
    var rows: [Row]
    var reports: [BenchReport]
    var portal: PortalLoadFigures?

    init(reports: [BenchReport], portal: PortalLoadFigures?) {
        self.reports = reports
        self.portal = portal
        seeds = reports.map(\.seed)
        let stages = BenchStage.allCases.filter { stage in reports.contains { $0.stage(stage) != nil } }
        rows = stages.map { stage in
            let medians = reports.map { $0.stage(stage)?.median }
            let measured = medians.compactMap { $0 }
            return Row(stage: stage, title: stage.title, medians: medians, targetSeconds: stage.targetSeconds,
                       metOnEverySeed: stage.targetSeconds.map { target in measured.allSatisfy { $0 < target } })
        }
    }

    enum CodingKeys: String, CodingKey {
        case seeds, rows, reports, portal
    }

    func render() -> String {
        var lines = ["Medians per seed against the targets:"]
        var table = TextTable(
            headers: ["stage"] + seeds.map { $0.map { "seed \($0)" } ?? "scenario" } + ["target", "met"],
            alignments: [.left] + seeds.map { _ in .right } + [.right, .left])
        for row in rows {
            table.append([row.title] + row.medians.map { $0.map { BenchReport.seconds($0) } ?? "–" } + [
                row.targetSeconds.map { "< \(BenchReport.seconds($0))" } ?? "",
                row.metOnEverySeed.map { $0 ? "✓" : "✗ missed" } ?? "",
            ])
        }
        if let portal {
            table.append(["portal page p99, 50 users, plan job running"] + seeds.map { _ in "" } + [
                "< \(BenchReport.seconds(PortalLoadFigures.targetSeconds))", portal.p99Seconds < PortalLoadFigures.targetSeconds ? "✓" : "✗ missed",
            ])
        }
        lines.append(table.render())
        for report in reports {
            guard let solves = report.solves, solves.mipObjective != nil || solves.planStatus != nil else { continue }
            var text = "seed \(report.seed.map(String.init) ?? "–"):"
            if let status = solves.mipStatus { text += " CBC \(status)" }
            if let nodes = solves.mipNodes { text += ", \(NumberText.grouped(Double(nodes))) nodes" }
            if let gap = solves.mipSolverGap { text += ", CBC's gap \(BenchReport.percent(gap))" }
            if let status = solves.planStatus {
                text += "; the planner's integer plan \(status)\(solves.planGap.map { ", gap \(BenchReport.percent($0))" } ?? "")"
            }
            lines.append(text)
        }
        if let portal { lines.append(portal.render()) }
        return lines.joined(separator: "\n")
    }
}

/// What wrk measured in `Benchmarks/portal-load.sh`.
struct PortalLoadFigures: Encodable {
    static let targetSeconds = 0.05

    var duration: String
    var requests: Int
    var p50Seconds: Double
    var p90Seconds: Double
    var p99Seconds: Double
    var errors: Int
    /// Whether the plan job was still running when the load ended (so the whole load ran beside it).
    var jobRanThroughout: Bool

    enum CodingKeys: String, CodingKey {
        case duration, requests, p50Seconds = "p50_seconds", p90Seconds = "p90_seconds", p99Seconds = "p99_seconds"
        case errors, jobRanThroughout = "job_ran_throughout"
    }

    /// Reads wrk's `--latency` report (`50%    2.60ms` … `99%   41.60ms`, `2950 requests in …`,
    /// `Non-2xx or 3xx responses: N`) and the script's `job after the load:` line.
    init?(wrkOutput: String, duration: String) {
        var percentiles: [String: Double] = [:]
        var requests: Int?
        var errors = 0
        var running = false
        for line in wrkOutput.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count == 2, ["50%", "90%", "99%"].contains(fields[0]), let seconds = Self.seconds(fields[1]) {
                percentiles[String(fields[0])] = seconds
            } else if fields.count >= 3, fields[1] == "requests", fields[2] == "in", let count = Int(fields[0]) {
                requests = count
            } else if line.contains("Non-2xx or 3xx responses:"), let count = fields.last.flatMap({ Int($0) }) {
                errors += count
            } else if line.hasPrefix("job after the load:") {
                running = line.contains("\"status\":\"running\"")
            }
        }
        guard let requests, let p50 = percentiles["50%"], let p90 = percentiles["90%"], let p99 = percentiles["99%"] else { return nil }
        self.duration = duration
        self.requests = requests
        p50Seconds = p50
        p90Seconds = p90
        p99Seconds = p99
        self.errors = errors
        jobRanThroughout = running
    }

    /// `41.60ms`, `850.00us`, `1.15s` in seconds.
    static func seconds(_ text: Substring) -> Double? {
        for (suffix, scale) in [("us", 1e-6), ("ms", 1e-3), ("s", 1.0)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * scale }
        }
        return nil
    }

    func render() -> String {
        "portal (Benchmarks/portal-load.sh, 50 users, one page a second each, \(duration)): \(NumberText.grouped(Double(requests))) pages, "
            + "p50 \(BenchReport.seconds(p50Seconds)), p90 \(BenchReport.seconds(p90Seconds)), p99 \(BenchReport.seconds(p99Seconds)), "
            + "\(errors) errors; the plan job \(jobRanThroughout ? "ran throughout" : "ended before the load did")"
    }
}
