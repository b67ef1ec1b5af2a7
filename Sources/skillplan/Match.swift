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
        Without rankings, postings rank eligible applicants by score, ties broken by a lottery \
        drawn from --seed; the lottery numbers are recorded in the run.

        Regional caps (regional_caps.csv `region,cap`, or --region-caps FILE; `HN;BN` caps a \
        group of provinces together) switch to Kamada and Kojima's flexible deferred acceptance \
        (AER 2015): no cap is exceeded, each posting's target capacity is its share of the cap by \
        slots (largest remainders), and caps that never bind give exactly the unconstrained \
        matching. fund.yaml's internships.minimum_places asks for at least N interns at a group of \
        postings; it is met by capping the postings outside the group (Fragiadakis et al. 2016), \
        and the summary says when it cannot be met. Caps and a minimum cannot apply together.

        --round-of FIRST.csv runs a second round: the students FIRST.csv leaves unmatched, with \
        the preferences in the students file given now (the same students, new lists), and the \
        postings' free slots; first-round \
        places are untouched; caps, minimum and the fund's budget count what the first round \
        placed and paid. --out then holds the second round's students only.

        --verify FILE checks a matches.csv (with --round-of: a second round's) for capacity, \
        eligibility, caps, the minimum, blocking pairs the caps do not excuse, and its funded and \
        support_vnd columns against the fund policy, instead of matching.
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
        let rules = MatchingRules(
            caps: try loadCaps(knownRegions: scenario.map { Set($0.regions.map(\.id)) }),
            minimum: scenario?.fund.internships.minimumPlaces.map {
                GroupMinimum($0, postings: input.postings, enterprises: scenario?.enterprises ?? [])
            })
        let full = try makeProblem(postings: input.postings, students: input.students, rankings: input.rankings)
        var round = Round(number: 1, problem: full, rules: rules, terms: scenario?.fund.internships, firstRound: nil)
        if let roundOf {
            let text = try readText(at: roundOf)
            let first: MatchesFile
            do {
                first = try MatchesCSV.read(text, file: roundOf, problem: full)
            } catch {
                throw UserFailure(message: error.description)
            }
            let second = SecondRound(after: first, problem: full, rankings: input.rankings, rules: rules)
            round.number = 2
            round.problem = try makeProblem(postings: second.postings, students: second.students, rankings: second.rankings)
            round.rules = second.rules
            if var terms = round.terms {
                terms.matchingBudget = max(terms.matchingBudget - second.firstRoundSupport, 0)
                round.terms = terms
            }
            round.firstRound = text
            Terminal.note("second round after \(roundOf): \(second.students.count) unmatched students, \(second.postings.count) postings with free slots")
        }
        if let verify { return try verifyMatches(at: verify, round: round, enterprises: scenario?.enterprises ?? []) }

        let recorded = try RecordedRun.begin(
            kind: .match, store: store, loaded: input.loaded,
            parameters: MatchParameters(seed: seed, postings: postings ?? directory ?? "", students: students ?? directory ?? "",
                                        rankings: rankings, out: out, regionCaps: capsPath, roundOf: roundOf,
                                        explain: explain, round: round.number))
        try recorded.record {
            let problem = round.problem
            let outcome: MatchingOutcome
            do {
                outcome = try round.rules.match(problem)
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            let funding = round.terms.map {
                FundedPlaces.assign(outcome.matching, problem: problem, enterprises: scenario?.enterprises ?? [], terms: $0)
            }
            let csv = MatchesCSV.render(outcome.matching, problem: problem, funding: funding)
            try writeTextFile(csv, to: out)
            let explanations = PlacementExplanations.csv(outcome.explanations(in: problem))
            if let explain { try writeTextFile(explanations, to: explain) }
            let summary = MatchingSummary(outcome, problem: problem, funding: funding, round: round.number)
            if output.json {
                try Terminal.printJSON(summary)
            } else {
                Terminal.output(summary.terminalReport())
            }
            Terminal.note("wrote \(out)" + (explain.map { " and \($0)" } ?? ""))
            do {
                try recorded.store.recordMatchRound(
                    run: recorded.run, round: round.number, mechanism: outcome.mechanism.rawValue, students: summary.students,
                    matched: summary.matched, matchesSHA256: SHA256.hex(of: Array(csv.utf8)),
                    firstRoundSHA256: round.firstRound.map { SHA256.hex(of: Array($0.utf8)) })
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            let lottery = zip(problem.students, problem.lotteryNumbers).map { "\($0.id),\($1)" }.joined(separator: "\n")
            var results = [
                RunResult(name: "matches.csv", format: .csv, content: csv),
                RunResult(name: "summary.json", format: .json, content: try jsonText(summary)),
                RunResult(name: "lottery.csv", format: .csv, content: "student,lottery_number\n" + lottery),
                RunResult(name: "explanations.csv", format: .csv, content: explanations),
            ]
            if let capsPath { results.append(RunResult(name: "regional_caps.csv", format: .csv, content: try readText(at: capsPath))) }
            if let first = round.firstRound { results.append(RunResult(name: "first-round-matches.csv", format: .csv, content: first)) }
            let what = round.number == 2 ? "second round: " : ""
            return ("\(what)\(summary.matched) of \(summary.students) students matched", results)
        }
    }

    /// One round to run or verify: the problem, its rules and the fund's terms for it.
    private struct Round {
        var number: Int
        var problem: MatchingProblem
        var rules: MatchingRules
        var terms: InternshipTerms?
        /// The first round's matches.csv text, for a second round.
        var firstRound: String?
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

    private func verifyMatches(at path: String, round: Round, enterprises: [Enterprise]) throws {
        let text = try readText(at: path)
        let file: MatchesFile
        let outcome: MatchingOutcome
        do {
            file = try MatchesCSV.read(text, file: path, problem: round.problem)
        } catch {
            throw UserFailure(message: error.description)
        }
        do {
            outcome = try round.rules.match(round.problem)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        let expected = round.terms.map { FundedPlaces.assign(file.matching, problem: round.problem, enterprises: enterprises, terms: $0) }
        let violations = outcome.violations(of: file.matching, in: round.problem)
            + FundedPlaces.mismatches(in: file, expected: expected, problem: round.problem)
        if output.json {
            try Terminal.printJSON(VerificationReport(file: path, stable: violations.isEmpty, violations: violations.map { "\($0)" },
                                                      mechanism: outcome.mechanism, round: round.number))
        } else if violations.isEmpty {
            var checked = ["no capacity overflow", "no ineligible place"]
            if !round.rules.caps.isEmpty { checked.append("caps respected") }
            if let minimum = round.rules.minimum { checked.append("minimum for \(minimum.group) as the mechanism meets it") }
            checked.append(round.rules.caps.isEmpty && round.rules.minimum == nil ? "no blocking pair" : "no blocking pair the caps do not excuse")
            checked.append("funded and support_vnd as the fund policy gives")
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

    enum CodingKeys: String, CodingKey {
        case seed, postings, students, rankings, out, regionCaps = "region_caps", roundOf = "round_of", explain, round
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
