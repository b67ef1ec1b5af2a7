import Allocation
import ArgumentParser
import Foundation
import Matching
import Planning
import Storage
import Workforce

/// `skillplan match`: the internship matching (student-proposing deferred acceptance, flexible
/// deferred acceptance under regional caps, minimum places, second rounds).
struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match students to internship postings: stable, student-optimal, reproducible.",
        discussion: """
        Give a scenario directory (postings.csv, students.csv, optional rankings.csv and \
        regional_caps.csv; its fund.yaml then decides the fund-backed places and any minimum \
        places), or the files with --postings and --students.

        One internship budget: a round implements one year of the fund plan (--year, default the \
        fund's first budget year). In each group of postings (skill, province, domestic SME or \
        not, stipend per intern) it funds matched interns at postings the policy backs, \
        best-ranked first, up to the plan's funded interns of that group; a posting with no intern \
        is paid nothing. Without --plan the plan is solved as `skillplan plan` solves it, within \
        the interns this round places, so the fund-backed places in this round equal the funded \
        interns in the plan for that year; --plan PLAN.json (allocate --json output, or a run's \
        plan.json) funds that plan's interns instead, and the summary names any it could not place.
        Without rankings, postings rank eligible applicants by score, ties broken by a lottery \
        drawn from --seed; the lottery numbers are recorded in the run.

        Regional caps (regional_caps.csv `region,cap`, or --region-caps FILE; `HN;BN` caps a \
        group of provinces together) switch to Kamada and Kojima's flexible deferred acceptance \
        (AER 2015): no cap is exceeded, each posting's target capacity is its share of the cap by \
        slots (largest remainders), and caps that never bind give exactly the unconstrained \
        matching. fund.yaml's internships.minimum_places asks for at least N interns at a group of \
        postings; it is met whenever any matching can meet it: by capping the postings outside the \
        group (Fragiadakis et al. 2016), else by completing the group along augmenting paths; the \
        summary says when it cannot be met, with the most any matching could place there. Caps \
        and a minimum cannot apply together.

        --round-of FIRST.csv runs a second round: the students FIRST.csv leaves unmatched, with \
        the preferences in the students file given now (the same students, new lists), and the \
        postings' free slots; first-round \
        places are untouched; caps, minimum and the plan's interns count what the first round \
        placed and funded. --out then holds the second round's students only.

        --verify FILE checks a matches.csv (with --round-of: a second round's) for capacity, \
        eligibility, caps, the minimum, blocking pairs the caps do not excuse, and its funded and \
        support_vnd columns against the plan's interns and the fund policy, instead of matching.
        --explain FILE writes, for every student and every posting they ranked above their \
        result, why they are not there (explanations.csv).
        """)

    @Argument(help: "A scenario directory (instead of --postings and --students).", completion: .directory)
    var directory: String?
    @Option(help: "The curricula folder, with a scenario directory.", completion: .directory)
    var curricula: String?
    @Option(help: "postings.csv (or a filled postings.xlsx template).", completion: .file())
    var postings: String?
    @Option(help: "students.csv (or a filled students.xlsx template).", completion: .file())
    var students: String?
    @Option(help: "rankings.csv: postings' explicit rankings of students.", completion: .file())
    var rankings: String?
    @Option(name: .customLong("region-caps"), help: "regional_caps.csv (region,cap): caps on interns per province or group of provinces.",
            completion: .file())
    var regionCaps: String?
    @Option(name: .customLong("round-of"), help: "A first round's matches.csv: run the second round after it.", completion: .file())
    var roundOf: String?
    @Option(help: "The lottery seed for ties in score.")
    var seed: UInt64 = Lottery.defaultSeed
    @Option(help: "Where to write matches.csv.", completion: .file())
    var out: String = "matches.csv"
    @Option(help: "Where to write explanations.csv (why students are not at postings they ranked higher).", completion: .file())
    var explain: String?
    @Option(help: "Check this matches.csv instead of matching.", completion: .file())
    var verify: String?
    @Option(help: "The fund plan whose funded interns the round implements (plan.json, or allocate --json output); default: solve it.",
            completion: .file())
    var plan: String?
    @Option(help: "The plan's year the round implements (default: the fund's first budget year).")
    var year: Int?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if directory == nil && (postings == nil || students == nil) {
            throw ValidationError("give a scenario directory, or both --postings FILE and --students FILE")
        }
        if directory != nil && (postings != nil || students != nil || rankings != nil) {
            throw ValidationError("give either a scenario directory or --postings/--students/--rankings, not both")
        }
    }

    func run() throws {
        let input = try loadInput()
        let scenario = input.loaded?.scenario
        let caps = try loadCaps(knownRegions: scenario.map { Set($0.regions.map(\.id)) })
        let full = try makeProblem(postings: input.postings, students: input.students, rankings: input.rankings)
        let minimum = scenario?.fund.internships.minimumPlaces.map {
            GroupMinimum($0, postings: input.postings, enterprises: scenario?.enterprises ?? [])
        }
        var funding = try scenario.flatMap { try openFunding(for: $0) }
        let first = MatchingRound(problem: full, caps: caps, minimum: minimum, funding: funding)
        if let scenario, funding != nil { funding?.quotas = try planQuotas(for: scenario, limitedBy: first) }
        var round = first.funded(by: funding?.quotas ?? [])
        var firstRoundText: String?
        if let roundOf {
            let text = try readText(at: roundOf)
            do {
                let firstFile = try MatchesCSV.read(text, file: roundOf, problem: full)
                round = try MatchingRound(after: firstFile, full: full, rankings: input.rankings, caps: caps, minimum: minimum, funding: funding)
            } catch let error as InputErrors {
                throw UserFailure(message: error.description)
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            firstRoundText = text
            Terminal.note("second round after \(roundOf): \(round.problem.students.count) unmatched students, \(round.problem.postings.count) postings with free slots")
        }
        if let verify { return try verifyMatches(at: verify, round: round) }

        let recorded = try RecordedRun.begin(
            kind: .match, store: store, loaded: input.loaded,
            parameters: MatchParameters(seed: seed, postings: postings ?? directory ?? "", students: students ?? directory ?? "",
                                        rankings: rankings, out: out, regionCaps: capsPath, roundOf: roundOf,
                                        explain: explain, round: round.number, plan: plan, year: funding?.year))
        try recorded.record {
            let result: MatchingRoundResult
            do {
                result = try round.run()
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            let csv = result.matchesCSV
            try writeTextFile(csv, to: out)
            let explanations = PlacementExplanations.csv(result.explanations)
            if let explain { try writeTextFile(explanations, to: explain) }
            let summary = result.summary
            if output.json {
                try Terminal.printJSON(summary)
            } else {
                Terminal.output(summary.terminalReport())
            }
            Terminal.note("wrote \(out)" + (explain.map { " and \($0)" } ?? ""))
            do {
                try recorded.store.recordMatchRound(
                    run: recorded.run, round: round.number, mechanism: result.outcome.mechanism.rawValue, students: summary.students,
                    matched: summary.matched, matchesSHA256: SHA256.hex(of: Array(csv.utf8)),
                    firstRoundSHA256: firstRoundText.map { SHA256.hex(of: Array($0.utf8)) })
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            let problem = result.problem
            let lottery = zip(problem.students, problem.lotteryNumbers).map { "\($0.id),\($1)" }.joined(separator: "\n")
            var results = [
                RunResult(name: "matches.csv", format: .csv, content: csv),
                RunResult(name: "summary.json", format: .json, content: try jsonText(summary)),
                RunResult(name: "lottery.csv", format: .csv, content: "student,lottery_number\n" + lottery),
                RunResult(name: "explanations.csv", format: .csv, content: explanations),
            ]
            if let capsPath { results.append(RunResult(name: "regional_caps.csv", format: .csv, content: try readText(at: capsPath))) }
            if let firstRoundText { results.append(RunResult(name: "first-round-matches.csv", format: .csv, content: firstRoundText)) }
            let what = round.number == 2 ? "second round: " : ""
            return ("\(what)\(summary.matched) of \(summary.students) students matched", results)
        }
    }

    /// The fund's terms for this round, without the plan's interns yet; nil when the fund backs
    /// no internships.
    private func openFunding(for scenario: Scenario) throws -> RoundFunding? {
        if let year, !scenario.fund.budgetByYear.keys.contains(year) {
            let years = scenario.fund.budgetYears
            throw UserFailure(message: "error: --year \(year) is not a budget year of fund.yaml (\(years.first ?? 0)–\(years.last ?? 0))")
        }
        return RoundFunding(scenario: scenario, quotas: [], year: year)
    }

    /// The plan's interns: from --plan, else the plan solved for the scenario as `skillplan plan`
    /// solves it, its interns of the round's year limited to those the first round places.
    private func planQuotas(for scenario: Scenario, limitedBy first: MatchingRound) throws -> [InternQuota] {
        if let plan {
            do {
                return try JSONDecoder().decode(AllocationPlan.self, from: Data(contentsOf: URL(fileURLWithPath: plan))).internQuotas()
            } catch {
                throw UserFailure(message: "error: \(plan) is not a plan printed by skillplan allocate --json (or a run's plan.json): \(error)")
            }
        }
        Terminal.note("solving the fund plan for its funded interns (pass --plan PLAN.json to reuse a plan)")
        var options = AllocationOptions()
        do {
            options.internLimits = first.matchedInterns(in: try first.match())
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        return try Allocate.plan(scenario, forecast: try Allocate.forecast(scenario, mobility: .scenario), options: options).internQuotas()
    }

    private struct Input {
        var postings: [InternshipPosting]
        var students: [Student]
        var rankings: [PostingRank]?
        var loaded: LoadedScenario?
    }

    private func makeProblem(postings: [InternshipPosting], students: [Student], rankings: [PostingRank]?) throws -> MatchingProblem {
        do {
            return try MatchingProblem(postings: postings, students: students, rankings: rankings, seed: seed)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
    }

    /// `--region-caps FILE`, else `regional_caps.csv` in the scenario directory when there is one.
    private var capsPath: String? {
        if let regionCaps { return regionCaps }
        guard let directory else { return nil }
        let path = URL(fileURLWithPath: directory).appendingPathComponent("regional_caps.csv").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private func loadCaps(knownRegions: Set<Region.ID>?) throws -> RegionalCaps {
        guard let capsPath else { return .none }
        do {
            return try RegionalCapsCSV.parse(try readText(at: capsPath), file: capsPath, knownRegions: knownRegions)
        } catch let error as InputErrors {
            throw UserFailure(message: error.description)
        }
    }

    private func readText(at path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFailure(message: "error: \(path): no such file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func loadInput() throws -> Input {
        if let directory {
            let loaded = try ScenarioOptions.load(directory: directory, curricula: curricula)
            let scenario = loaded.scenario
            guard !scenario.postings.isEmpty, !scenario.students.isEmpty else {
                throw UserFailure(message: "error: \(directory) has no postings.csv or no students.csv to match")
            }
            return Input(postings: scenario.postings, students: scenario.students,
                         rankings: scenario.rankings.isEmpty ? nil : scenario.rankings, loaded: loaded)
        }
        guard let postings, let students else { throw ValidationError("--postings and --students are required") }
        do {
            let input = try ScenarioLoader.loadMatchingInput(
                postings: URL(fileURLWithPath: postings), students: URL(fileURLWithPath: students),
                rankings: rankings.map { URL(fileURLWithPath: $0) })
            return Input(postings: input.postings, students: input.students, rankings: input.rankings, loaded: nil)
        } catch {
            throw UserFailure(message: error.description)
        }
    }

    private func verifyMatches(at path: String, round: MatchingRound) throws {
        let text = try readText(at: path)
        let file: MatchesFile
        let violations: [MatchingViolation]
        do {
            file = try MatchesCSV.read(text, file: path, problem: round.problem)
        } catch {
            throw UserFailure(message: error.description)
        }
        do {
            violations = try round.violations(of: file)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        let mechanism = (try? round.rules.match(round.problem))?.mechanism ?? .deferredAcceptance
        if output.json {
            try Terminal.printJSON(VerificationReport(file: path, stable: violations.isEmpty, violations: violations.map { "\($0)" },
                                                      mechanism: mechanism, round: round.number))
        } else if violations.isEmpty {
            var checked = ["no capacity overflow", "no ineligible place"]
            if !round.rules.caps.isEmpty { checked.append("caps respected") }
            if let minimum = round.rules.minimum { checked.append("minimum for \(minimum.group) as the mechanism meets it") }
            checked.append(round.rules.caps.isEmpty && round.rules.minimum == nil ? "no blocking pair" : "no blocking pair the caps do not excuse")
            if let funding = round.funding {
                checked.append("funded and support_vnd as the plan's interns for \(funding.year) and the policy give")
            } else {
                checked.append("no row funded (no fund policy)")
            }
            Terminal.output("✓ \(path): \(file.matching.matchedCount) matches, " + checked.joined(separator: ", "))
        } else {
            Terminal.output("✗ \(path): \(violations.count) problem(s)")
            violations.prefix(50).forEach { Terminal.output("  \($0)") }
            if violations.count > 50 { Terminal.output("  … and \(violations.count - 50) more") }
        }
        if !violations.isEmpty { throw ExitCode(1) }
    }
}

struct MatchParameters: Encodable {
    let seed: UInt64
    let postings: String
    let students: String
    let rankings: String?
    let out: String
    let regionCaps: String?
    let roundOf: String?
    let explain: String?
    let round: Int
    let plan: String?
    let year: Int?

    enum CodingKeys: String, CodingKey {
        case seed, postings, students, rankings, out, regionCaps = "region_caps", roundOf = "round_of", explain, round, plan, year
    }
}

struct VerificationReport: Encodable {
    let file: String
    let stable: Bool
    let violations: [String]
    let mechanism: MatchingMechanism
    let round: Int
}

extension ScenarioOptions {
    init(directory: String, curricula: String?) {
        self.init()
        self.directory = directory
        self.curricula = curricula
    }
}
