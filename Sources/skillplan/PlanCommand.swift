import Allocation
import ArgumentParser
import ExcelExport
import Forecast
import Foundation
import Matching
import Storage
import Texts
import Workforce

/// `skillplan plan DIR`: the main job. Validate, forecast, allocate, match, and write every workbook.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The main job: validate → forecast → allocate → match → workbooks for every audience.",
        discussion: """
        Writes into --exports: the fund plan workbook, one intake plan per institution, one interns
        workbook per enterprise with postings, and matches.csv. The budget frontier of the fund plan
        is solved as LP relaxations (fast at every scale). Nothing is written when an input is wrong
        or the fund policy is infeasible. The run is recorded in the SQLite store.

        With --robust the fund plan is the robust plan over the baseline and every variant of scenario.yaml (see `skillplan help allocate`); its workbook, fund-plan-<scenario>-robust.xlsx, adds a Robustness sheet that scores it and each single-variant plan under every variant, and no budget frontier is solved.
        """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(help: "Where to write the workbooks.", completion: .directory)
    var exports: String = "Exports"
    @Option(help: "A variant of scenario.yaml to plan for (default: the scenario as written).")
    var variant: String?
    @Flag(help: "Plan with the linear relaxation (fractional seats).")
    var relax = false
    @Option(help: "Budget multiples of the frontier sheet; empty for none.")
    var sweep: String = "0,0.25,0.5,1,1.5,2"
    @Option(name: .customLong("time-limit"), help: "Seconds the integer solve may take.")
    var timeLimit: Double = 60
    @Flag(help: "Write the robust plan over every variant of scenario.yaml (minimax regret unless --robust-weights).")
    var robust = false
    @Option(name: .customLong("robust-weights"), help: "With --robust: minimise the expected objective with these variant weights, e.g. baseline=0.5,slow-localisation=0.25.")
    var robustWeights: String?
    @Option(help: "The lottery seed of the matching.")
    var seed: UInt64 = Lottery.defaultSeed
    @OptionGroup var labourMarket: MobilityOptions
    @Option(help: "Monte Carlo draws for the P10/P50/P90 columns of the Gap sheet (0: none).")
    var draws: Int = 1000
    @Option(name: .customLong("ranges-seed"), help: "The seed of those draws (same seed, same ranges).")
    var rangesSeed: UInt64 = 2026
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("lang"), help: "The workbooks' language: vi (Vietnamese) or en (English; the default).",
            transform: { code in
                guard let language = Language(code: code) else { throw ValidationError("--lang must be vi or en (saw '\(code)')") }
                return language
            })
    var language: Language = .en

    func validate() throws {
        if !sweep.isEmpty { _ = try Allocate.multiples(sweep) }
        if let robustWeights {
            guard robust else { throw ValidationError("--robust-weights needs --robust") }
            _ = try Allocate.weights(robustWeights)
        }
        if robust, variant != nil { throw ValidationError("--robust plans for every variant: leave out --variant") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard (0...1_000_000).contains(draws) else { throw ValidationError("--draws takes a number from 0 to 1000000") }
    }

    func run() throws {
        try OutputFolder.check(exports, option: "--exports")
        let started = Date()
        let hasStudents: Bool
        let progress = StageProgress(stages: 6)
        let (loaded, planned) = try progress.stage("Loading and validating \(scenario.directory)") {
            try scenario.load(variant: variant)
        }
        hasStudents = !planned.students.isEmpty && !planned.postings.isEmpty
        let recorded = try RecordedRun.begin(
            kind: .plan, store: store, loaded: loaded,
            parameters: PlanParameters(variant: robust ? "robust" : planned.variantName, relax: relax, sweep: sweep, timeLimit: timeLimit,
                                       seed: seed, exports: exports, mobility: labourMarket.mobility, robustWeights: robustWeights))
        try recorded.record {
            let (forecast, breakdown, ranges) = try progress.stage("Forecasting demand, supply and the gap") {
                let ranges: ForecastRanges?
                do {
                    ranges = draws > 0
                        ? try ForecastModel.ranges(planned, draws: draws, seed: rangesSeed, mobility: labourMarket.mobility) : nil
                } catch {
                    throw UserFailure(message: "error: \(error)")
                }
                return (try Allocate.forecast(planned, mobility: labourMarket.mobility), try Allocate.mobilityBreakdown(planned),
                        ranges)
            }
            let options = AllocationOptions(relax: relax, timeLimit: timeLimit)
            let robustPlan: RobustPlan? = try robust ? progress.stage("Allocating the fund robustly over every variant") {
                let criterion: RobustCriterion = try robustWeights.map { .expectedObjective(weights: try Allocate.weights($0)) } ?? .minimaxRegret
                do {
                    return try RobustPlanner.plan(
                        scenario: planned, criterion: criterion, mobility: labourMarket.mobility, options: options)
                } catch {
                    throw UserFailure(message: "error: \(error)")
                }
            } : nil
            let plan = try robustPlan?.plan ?? progress.stage("Allocating the fund (\(relax ? "LP relaxation" : "integer seats"))") {
                try Allocate.plan(planned, forecast: forecast, options: options)
            }
            let frontier: [FrontierPoint]? = try progress.stage("Budget frontier") {
                guard !sweep.isEmpty, !robust else { return nil }
                var frontierOptions = options
                frontierOptions.relax = true
                return try Allocate.frontier(planned, forecast: forecast, multiples: try Allocate.multiples(sweep), options: frontierOptions)
            }
            let round: InternshipRound? = try progress.stage("Matching students to internships") {
                guard hasStudents else { return nil }
                let problem: MatchingProblem
                do {
                    problem = try MatchingProblem(postings: planned.postings, students: planned.students,
                                                  rankings: planned.rankings.isEmpty ? nil : planned.rankings, seed: seed)
                } catch {
                    throw UserFailure(message: "error: \(error)")
                }
                let matching = DeferredAcceptance.match(problem)
                let funding = FundedPlaces.assign(matching, problem: problem, enterprises: planned.enterprises,
                                                  terms: planned.fund.internships)
                return InternshipRound(problem: problem, matching: matching, funding: funding)
            }
            let directory = URL(fileURLWithPath: exports)
            let audit = AuditFacts(runID: String(recorded.run.rawValue), datasetHash: loaded.contentHash,
                                   softwareVersion: SkillPlan.version, created: started)
            let context = PlanWorkbookContext(scenario: planned, forecast: forecast, plan: plan, frontier: frontier,
                                              internships: round, audit: audit, ranges: ranges, robust: robustPlan,
                                              language: language)
            var written = try progress.stage("Writing workbooks to \(exports)") {
                do {
                    return try PlanWorkbooks.write(into: directory, context: context)
                } catch {
                    throw UserFailure(message: "error: \(error)")
                }
            }
            var matchSummary: MatchingSummary?
            if let round {
                let matchesURL = directory.appendingPathComponent("matches.csv")
                try writeTextFile(MatchesCSV.render(round.matching, problem: round.problem, funding: round.funding), to: matchesURL.path)
                written.append(matchesURL)
                matchSummary = MatchingSummary(round.matching, problem: round.problem, funding: round.funding)
            }
            let report = PlanReport(
                scenario: planned.settings.name, variant: plan.variant, run: recorded.run.rawValue,
                contentHash: loaded.contentHash, status: plan.status.rawValue, objective: plan.objective,
                shortageBefore: plan.shortageBefore, shortageAfter: plan.shortageAfter, spendVND: plan.totalSpend,
                budgetVND: plan.totalBudget, matched: matchSummary?.matched, students: matchSummary?.students,
                fundedPlaces: matchSummary?.fundedPlaces, mobility: labourMarket.mobility, mobilityBreakdown: breakdown,
                files: written.map(\.relativePath),
                seconds: Date().timeIntervalSince(started))
            if output.json {
                try Terminal.printJSON(report)
            } else {
                Terminal.output(report.render(plan: plan, forecast: forecast, matching: matchSummary))
            }
            let planJSON: String
            if let robustPlan {
                do { planJSON = try robustPlan.json() } catch { throw UserFailure(message: "error: \(error)") }
            } else {
                planJSON = try Allocate.json(of: plan, frontier: frontier)
            }
            return (report.headline, [RunResult(name: "plan.json", format: .json, content: planJSON),
                                      RunResult(name: "report.json", format: .json, content: try jsonText(report))])
        }
    }
}

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

/// What `skillplan plan` did, for people and for `--json`.
struct PlanReport: Encodable {
    let scenario: String
    let variant: String
    let run: Int64
    let contentHash: String
    let status: String
    let objective: Double
    let shortageBefore: Double
    let shortageAfter: Double
    let spendVND: Double
    let budgetVND: Double
    let matched: Int?
    let students: Int?
    let fundedPlaces: Int?
    /// The mobility the plan was made under.
    let mobility: MobilityMode
    /// The shortage before the plan under each mobility mode.
    let mobilityBreakdown: MobilityBreakdown
    let files: [String]
    let seconds: Double

    enum CodingKeys: String, CodingKey {
        case scenario, variant, run, contentHash = "content_hash", status, objective
        case shortageBefore = "shortage_before", shortageAfter = "shortage_after", spendVND = "spend_vnd"
        case budgetVND = "budget_vnd", matched, students, fundedPlaces = "funded_places", mobility
        case mobilityBreakdown = "mobility_breakdown", files, seconds
    }

    var headline: String {
        "\(status): shortage \(NumberText.grouped(shortageBefore)) → \(NumberText.grouped(shortageAfter)) engineer-years; \(files.count) files"
    }

    func render(plan: AllocationPlan, forecast: Forecast, matching: MatchingSummary?) -> String {
        var table = TextTable(headers: ["", ""], alignments: [.left, .left])
        table.append(["Scenario", "\(scenario) (\(variant)), dataset \(contentHash.prefix(12)), run \(run)"])
        table.append(["Shortage before the plan", "\(NumberText.grouped(shortageBefore)) engineer-years over the horizon (mobility: \(mobility.rawValue))"])
        table.append(["  of which national", "\(NumberText.grouped(min(mobilityBreakdown.national, mobilityBreakdown.scenario))) (too few engineers in the country)"])
        table.append(["  regional mismatch", "\(NumberText.grouped(mobilityBreakdown.regionalMismatch)) (moving graduates between provinces would close it)"])
        table.append(["  if nobody moved", "\(NumberText.grouped(mobilityBreakdown.none)) (graduates never leave their province)"])
        table.append(["Shortage after the plan", "\(NumberText.grouped(shortageAfter)) engineer-years (\(NumberText.percent(shortageBefore > 0 ? 1 - shortageAfter / shortageBefore : 0)) closed)"])
        table.append(["Fund spend", "\(NumberText.billions(spendVND)) of \(NumberText.billions(budgetVND)) VND"])
        table.append(["Spend that closes nothing", "\(NumberText.billions(plan.zeroEffectSpend)) VND (\(NumberText.percent(spendVND > 0 ? plan.zeroEffectSpend / spendVND : 0)) of spend)"])
        table.append(["Beyond any instrument", "\(NumberText.grouped(plan.unreachableShortage)) engineer-years (left with every seat, intern and course bought)"])
        if let cost = plan.costPerEngineerYearClosed {
            table.append(["Cost per engineer-year closed", "\(NumberText.vnd(VND(cost.rounded()))) VND"])
        }
        table.append(["Solver", "\(status)\(plan.gap.map { ", gap \(NumberText.percent($0, decimals: 2))" } ?? ""), \(plan.solver)"])
        if let matching {
            table.append(["Internships", "\(NumberText.grouped(Double(matching.matched))) of \(NumberText.grouped(Double(matching.students))) students matched, \(matching.fundedPlaces) fund-backed places"])
        }
        table.append(["Time", "\(String(format: "%.1f", seconds)) s"])
        let body = table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        let fundPlan = files.first { $0.hasSuffix(".xlsx") && URL(fileURLWithPath: $0).lastPathComponent.hasPrefix("fund-plan-") }
        let intake = files.filter { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix("intake-") }
        let interns = files.filter { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix("interns-") }
        var lines = ["", "SkillPlan: \(scenario)", body, "", "Graduate mobility: " + mobilityBreakdown.sentence, "",
                     "Files written (\(files.count)):"]
        if let fundPlan { lines.append("  \(fundPlan)") }
        if let first = intake.first { lines.append("  \(first) … and \(intake.count - 1) more intake plans (one per institution)") }
        if let first = interns.first { lines.append("  \(first) … and \(interns.count - 1) more interns workbooks (one per enterprise)") }
        files.filter { $0.hasSuffix(".csv") }.forEach { lines.append("  \($0)") }
        return lines.joined(separator: "\n")
    }
}
