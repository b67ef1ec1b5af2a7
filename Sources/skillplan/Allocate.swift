import Allocation
import ArgumentParser
import Forecast
import Foundation
import Optimization
import Planning
import Storage
import Workforce

/// `skillplan allocate DIR`: the fund plan, optimal for the stated policy, and why.
struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Allocate the fund: scholarship seats, internship stipends and on-site training, optimally and fairly.",
        discussion: """
        Minimises weighted, discounted engineer-years of shortage within each year's budget and the
        fairness rules of fund.yaml, with integer seats (CBC) unless --relax asks for the linear
        relaxation. The explanation comes from the relaxation's duals: what another billion VND buys
        in each year, which rules bind and what they cost, why a programme got nothing.
        An infeasible policy names the rules that conflict and writes nothing (exit status 1).
        `objective` in --json is the objective of the model --write-mps writes.

        Graduates (and interns, when they graduate) reach demand through the scenario's mobility
        (--mobility); engineers arriving after the horizon count for fund.yaml's terminal_years, the
        last year's gap held constant. Only items that can close a shortage count in the fairness
        rules; caps are shares of the budget. The summary and --json report the spend that closes
        nothing (zero_effect_spend_vnd, zero_effect_items), the shortage no instrument can reach
        (unreachable_shortage) and the engineer-years added after the horizon (terminal_engineer_years).

        Optional instruments of fund.yaml: capacity_expansion (seats of yearly intake added to a programme at cost_vnd_per_seat, usable lead_years later by scholarship seats, at most max_share_of_capacity of its capacity; `capacity_expansions` in --json, capacity.csv) and relocation (stipend_vnd for a new graduate who leaves a province with a surplus of the skill in every later year for one short of it, at most max_share_of_entrants of its entrants; `relocations`, relocation.csv). fairness.per_year lists rules that hold in every budget year (rows `fair.RULE[SUBJECT,YEAR]`).

        The integer sweep (--sweep without --relax) is monotone: a point whose own solve leaves more shortage than a smaller budget's plan shows that plan. Each `frontier` point has `relaxed` (true for LP points) and, when it shows a smaller budget's plan, `plan_from_multiplier`.

        --robust plans once for the baseline and every variant of scenario.yaml. The seats, interns, on-site seats, budget and fairness rows are shared; each variant has its own forecast (with --mobility) and shortage. By default it minimises the worst-case regret (a plan's objective under a variant minus that variant's own optimum); --robust-weights NAME=W,... minimises the expected objective with those weights instead (normalised; unnamed variants weigh 0). --json prints the plan (variant `robust`, shortage under the baseline) with `robust`: `criterion`, `weights`, `worst_case_regret`, `worst_variant`, `source`, `variants` (per variant: `objective`, `own_objective`, `regret`, `shortage_before`, `shortage_after`, `shortage_closed`, `own_shortage_after`, `own_spend`, `own_status`, `weight`) and `comparison` (the robust plan and each variant's own plan scored under every variant). See docs/FORMATS.md.

        --evaluate PLAN.json scores a plan printed by `allocate --json` or `allocate --robust --json` under --variant (default baseline), at the plan's budget multiple. --json prints `objective` (that variant's model objective at the plan), `shortage_before`, `shortage_after`, `shortage_closed`, `total_spend`, `total_budget`, `cost_per_engineer_year_closed`, `shortage_by_skill`, `shortage_by_region`, and what the plan breaks there: `overspent_years`, `broken_rules`, `capacity_exceeded`.
        """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(help: "A variant of scenario.yaml to plan for (default: the scenario as written).")
    var variant: String?
    @Flag(help: "Plan with the linear relaxation (fractional seats).")
    var relax = false
    @Option(help: "Also plan at these multiples of the budget, e.g. 0,0.25,0.5,1,1.5,2 (the budget frontier).")
    var sweep: String?
    @Option(name: .customLong("write-mps"), help: "Write the solved model as free MPS, with its names, for any other solver.")
    var writeMPS: String?
    @Option(help: "Write the plan's CSV files into this directory.")
    var csv: String?
    @Option(name: .customLong("time-limit"), help: "Seconds the integer solve may take.")
    var timeLimit: Double = 60
    @Option(help: "Relative gap at which an integer plan counts as optimal (0.005 = 0.5 %).")
    var gap: Double = 0.005
    @Flag(name: .customLong("solver-log"), help: "Show the solver's log on standard error.")
    var solverLog = false
    @Flag(help: "Plan once for the baseline and every variant of scenario.yaml (minimax regret unless --robust-weights).")
    var robust = false
    @Option(name: .customLong("robust-weights"), help: "With --robust: minimise the expected objective with these variant weights, e.g. baseline=0.5,slow-localisation=0.25 (unnamed variants weigh 0).")
    var robustWeights: String?
    @Option(help: "Score this plan (the JSON allocate --json or --robust --json printed) under --variant (default baseline).", completion: .file())
    var evaluate: String?
    @OptionGroup var labourMarket: MobilityOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let sweep { _ = try Self.multiples(sweep) }
        if let robustWeights {
            guard robust else { throw ValidationError("--robust-weights needs --robust") }
            _ = try Self.weights(robustWeights)
        }
        if robust {
            if variant != nil { throw ValidationError("--robust plans for every variant: leave out --variant") }
            if sweep != nil { throw ValidationError("--robust takes no --sweep: sweep one variant's plan instead") }
            if evaluate != nil { throw ValidationError("--robust and --evaluate do not go together: evaluate the robust plan's JSON afterwards") }
        }
        if evaluate != nil {
            for (given, name) in [(sweep != nil, "--sweep"), (writeMPS != nil, "--write-mps"), (csv != nil, "--csv"), (relax, "--relax")] where given {
                throw ValidationError("--evaluate scores a fixed plan: \(name) does not apply")
            }
        }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0 else { throw ValidationError("--gap must be 0 or more") }
    }

    static func multiples(_ text: String) throws -> [Double] {
        let failure = ValidationError("--sweep takes numbers from 0 to 10 separated by commas, e.g. 0,0.5,1,2 (saw '\(text)')")
        var values: [Double] = []
        for part in text.split(separator: ",") {
            // At most 10 times the budget: larger budgets overflow the plan's whole-VND figures.
            let number = part.trimmingCharacters(in: .whitespaces)
            guard InputLimits.isDecimal(number), let value = Double(number), value >= 0, value <= 10 else { throw failure }
            values.append(value)
        }
        if values.isEmpty { throw failure }
        return values
    }

    var options: AllocationOptions {
        AllocationOptions(relax: relax, timeLimit: timeLimit, relativeGap: gap, log: solverLog)
    }

    func run() throws {
        if let csv { try OutputFolder.check(csv, option: "--csv") }
        let (loaded, planned) = try scenario.load(variant: variant)
        let recorded = try RecordedRun.begin(
            kind: .allocate, store: store, loaded: loaded,
            parameters: AllocateParameters(
                variant: robust ? "robust" : planned.variantName, relax: relax, sweep: sweep, timeLimit: timeLimit, gap: gap,
                mobility: labourMarket.mobility, robust: robust ? true : nil, robustWeights: robustWeights, evaluate: evaluate))
        if robust { return try recorded.record { try runRobust(loaded.scenario) } }
        if let evaluate { return try recorded.record { try runEvaluation(of: evaluate, under: planned) } }
        try recorded.record {
            let progress = StageProgress(stages: sweep == nil ? 2 : 3, quiet: false)
            let forecast = try progress.stage("Forecasting demand, supply and gap") {
                try Self.forecast(planned, mobility: labourMarket.mobility)
            }
            let plan = try progress.stage("Building and solving the allocation model") {
                try Self.plan(planned, forecast: forecast, options: options)
            }
            var frontier: [FrontierPoint]?
            if let sweep {
                let multiples = try Self.multiples(sweep)
                frontier = try progress.stage("Budget frontier at \(multiples.count) multiples") {
                    try Self.frontier(planned, forecast: forecast, multiples: multiples, options: options)
                }
            }
            // Everything is computed before anything is written: an error leaves no partial output.
            let mps = try writeMPS.map { _ in try Self.mpsText(of: plan) }
            let csvFiles = plan.csvFiles().merging(frontier.map { ["frontier.csv": FrontierPoint.csv($0)] } ?? [:]) { $1 }
            if let writeMPS, let mps { try writeTextFile(mps, to: writeMPS) }
            if let csv {
                for (name, text) in csvFiles.sorted(by: { $0.key < $1.key }) {
                    try writeTextFile(text, to: URL(fileURLWithPath: csv).appendingPathComponent(name).path)
                }
            }
            let json = try Self.json(of: plan, frontier: frontier)
            if output.json {
                Terminal.output(json)
            } else {
                Terminal.output(plan.summary())
                Terminal.output(try Self.mobilitySentence(planned))
                if let frontier { Terminal.output("\n" + Self.frontierTable(frontier)) }
            }
            if let writeMPS { Terminal.note("wrote \(writeMPS)") }
            if let csv { Terminal.note("wrote \(csvFiles.count) CSV files to \(csv)") }
            let headline = "\(plan.status): \(NumberText.grouped(plan.shortageClosed)) of \(NumberText.grouped(plan.shortageBefore)) engineer-years closed for \(NumberText.billions(plan.totalSpend)) VND"
            return (headline, [RunResult(name: "plan.json", format: .json, content: json)]
                + csvFiles.sorted { $0.key < $1.key }.map { RunResult(name: $0.key, format: .csv, content: $0.value) })
        }
    }

    static func forecast(_ scenario: Scenario, mobility: MobilityMode) throws -> Forecast {
        do {
            return try ForecastModel.project(scenario, mobility: mobility)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    /// The shortage under the three mobility assumptions.
    static func mobilityBreakdown(_ scenario: Scenario) throws -> MobilityBreakdown {
        do {
            return try ForecastModel.mobilityBreakdown(scenario)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    /// The breakdown's sentence, for the summaries.
    static func mobilitySentence(_ scenario: Scenario) throws -> String {
        "\nGraduate mobility: " + (try mobilityBreakdown(scenario)).sentence
    }

    static func plan(_ scenario: Scenario, forecast: Forecast, options: AllocationOptions) throws -> AllocationPlan {
        do {
            return try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: options)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    static func frontier(_ scenario: Scenario, forecast: Forecast, multiples: [Double], options: AllocationOptions) throws -> [FrontierPoint] {
        do {
            return try AllocationPlanner.frontier(scenario: scenario, forecast: forecast, multiples: multiples, options: options)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    static func mpsText(of plan: AllocationPlan) throws -> String {
        do {
            return try plan.mps()
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    /// The plan's JSON, with the frontier added under `frontier` when there is one.
    static func json(of plan: AllocationPlan, frontier: [FrontierPoint]?) throws -> String {
        do { return try plan.json(frontier: frontier) } catch { throw UserFailure(message: "error: \(error)") }
    }

    static func frontierTable(_ points: [FrontierPoint]) -> String {
        var table = TextTable(headers: [
            "budget ×", "budget (bn VND)", "spent (bn VND)", "shortage after", "closed", "VND per engineer-year", "status", "plan of",
        ])
        for point in points {
            table.append([
                NumberText.grouped(point.multiplier, decimals: 2), NumberText.grouped(point.budget / 1e9, decimals: 1),
                NumberText.grouped(point.spend / 1e9, decimals: 1), NumberText.grouped(point.shortageAfter),
                NumberText.grouped(point.shortageClosed), point.costPerEngineerYearClosed.map { NumberText.grouped($0) } ?? "–",
                point.status.rawValue, point.planFromMultiplier.map { NumberText.grouped($0, decimals: 2) + "×" } ?? "",
            ])
        }
        let kind = points.contains { $0.relaxed }
            ? "LP relaxations"
            : "integer plans; 'plan of' names a smaller budget whose plan leaves less shortage than the point's own solve"
        return "Budget frontier (engineer-years of shortage over the horizon; \(kind))\n" + table.render()
    }
}

struct AllocateParameters: Encodable {
    let variant: String
    let relax: Bool
    let sweep: String?
    let timeLimit: Double
    let gap: Double
    let mobility: MobilityMode
    let robust: Bool?
    let robustWeights: String?
    let evaluate: String?

    enum CodingKeys: String, CodingKey {
        case variant, relax, sweep, timeLimit = "time_limit", gap, mobility, robust, robustWeights = "robust_weights", evaluate
    }
}
