import Allocation
import ArgumentParser
import ExcelExport
import Forecast
import Foundation
import Matching
import Planning
import Storage
import Texts
import Workforce

/// `skillplan plan DIR`: the main job. Validate, forecast, allocate, match, and write every workbook.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The main job: validate → forecast → match → allocate → workbooks for every audience.",
        discussion: """
        Writes a new folder <scenario>-<variant>-run-<N> inside --exports (N: the run's number in the store), made complete in a staging folder and renamed into place: the fund plan workbook, one intake plan per institution, one interns workbook per enterprise with postings (workbook names end with the variant and the fund policy's label, e.g. -baseline-960bn-3fa2c1), and matches.csv. A run that fails leaves no folder. The budget frontier of the fund plan is solved as LP relaxations (fast at every scale). Nothing is written when an input is wrong or the fund policy is infeasible. The run is recorded in the SQLite store.

        The internship matching runs first, as `skillplan match DIR` runs it (regional_caps.csv, the fund's minimum places): the plan then funds at most the interns the round places in each group of postings (skill, province, domestic SME or not, stipend) in the fund's first budget year, and matches.csv funds exactly the plan's interns of that year (one internship budget; see `skillplan help match`).

        With --robust the fund plan is the robust plan over the baseline and every variant of scenario.yaml (see `skillplan help allocate`); its workbook, fund-plan-<scenario>-robust.xlsx, adds a Robustness sheet that scores it and each single-variant plan under every variant, and no budget frontier is solved.
        """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(help: "The exports folder: each run writes its own folder <scenario>-<variant>-run-<N> in it.", completion: .directory)
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
    @Option(name: .customLong("lang"), help: "The workbooks' language: vi (Vietnamese) or en (English); default: scenario.yaml's language, else en.",
            transform: { code in
                guard let language = Language(code: code) else { throw ValidationError("--lang must be vi or en (saw '\(code)')") }
                return language
            })
    var language: Language?

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
        let criterion: RobustCriterion? = try robust
            ? (robustWeights.map { .expectedObjective(weights: try Allocate.weights($0)) } ?? .minimaxRegret) : nil
        let request = PlanRequest(
            exports: URL(fileURLWithPath: exports), variant: variant, relax: relax,
            sweep: sweep.isEmpty ? [] : try Allocate.multiples(sweep), sweepText: sweep, timeLimit: timeLimit,
            robust: criterion, robustWeightsText: robustWeights, seed: seed,
            mobility: labourMarket.mobility, draws: draws, rangesSeed: rangesSeed, language: language)
        let progress = StageProgress(stages: PlanProgress.stageCount)
        let texts = Catalogue(language ?? .en)
        let pipeline = PlanningPipeline(request: request, storePath: store.db, softwareVersion: SkillPlan.version) { step in
            progress.report(step, texts: texts)
        }
        let outcome: PlanOutcome
        do {
            outcome = try pipeline.run(.directory(URL(fileURLWithPath: scenario.directory),
                                                  curricula: scenario.curricula.map { URL(fileURLWithPath: $0) }))
        } catch .input(let errors) {
            throw UserFailure(message: InputErrorText.render(errors, all: scenario.allErrors))
        } catch {
            throw UserFailure(message: error.description)
        }
        if output.json {
            try Terminal.printJSON(outcome.report)
        } else {
            Terminal.output(outcome.report.render(plan: outcome.plan, forecast: outcome.forecast, matching: outcome.matchingSummary))
        }
    }
}

/// The plan's summary for people on the terminal.
extension PlanReport {
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
        table.append(["Beyond any instrument", "\(NumberText.grouped(plan.unreachableShortage)) engineer-years (left with every seat, intern, course and added seat bought\(plan.relocations != nil ? "; relocation aside" : ""))"])
        if let best = plan.explanation.budgetShadowPrices.max(by: { $0.engineerYearsPerBillion < $1.engineerYearsPerBillion }),
           best.engineerYearsPerBillion > 0 {
            table.append(["Value of an extra billion", "up to \(NumberText.grouped(best.engineerYearsPerBillion, decimals: 1)) weighted engineer-years (in \(best.year))"])
        }
        let binding = plan.explanation.bindingRules.map { rule in
            "\(rule.rule)" + (rule.shortageCost.map { " (costs \(NumberText.grouped($0, decimals: 1)))" } ?? "")
        }
        table.append(["Binding fairness rules", binding.isEmpty ? "none" : binding.joined(separator: "; ")])
        if !plan.explanation.idlePrograms.isEmpty {
            table.append(["Programmes with no seats", "\(plan.explanation.idlePrograms.count) (why: the Why not funded sheet of the fund plan)"])
        }
        if let cost = plan.costPerEngineerYearClosed {
            table.append(["Cost per engineer-year closed", "\(NumberText.vnd(VND(cost.rounded()))) VND"])
        }
        table.append(["Solver", "\(status)\(plan.gap.map { ", gap \(NumberText.percent($0, decimals: 2))" } ?? ""), \(plan.solver)"])
        if let matching {
            table.append(["Internships", "\(NumberText.grouped(Double(matching.matched))) of \(NumberText.grouped(Double(matching.students))) students matched"])
            if matching.fundingApplied {
                table.append(["  funded interns in the plan", "\(NumberText.grouped(Double(matching.planInterns))) in \(matching.planYear.map(String.init) ?? "")"])
                table.append(["  fund-backed places in this round", "\(NumberText.grouped(Double(matching.fundedPlaces))), \(NumberText.vnd(matching.fundedSupport)) VND"])
            }
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
