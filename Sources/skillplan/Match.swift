import ArgumentParser
import Foundation
import Matching
import Storage
import Workforce

/// `skillplan match`: the internship matching (student-proposing deferred acceptance).
struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match students to internship postings: stable, student-optimal, reproducible.",
        discussion: """
        Give a scenario directory (postings.csv, students.csv, optional rankings.csv; its fund.yaml
        then decides the fund-backed places), or the files with --postings and --students.
        Without rankings, postings rank eligible applicants by score, ties broken by a lottery
        drawn from --seed; the lottery numbers are recorded in the run. --verify FILE checks a
        matches.csv for capacity, eligibility and blocking pairs instead of matching.
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
    @Option(help: "The lottery seed for ties in score.")
    var seed: UInt64 = Lottery.defaultSeed
    @Option(help: "Where to write matches.csv.", completion: .file())
    var out: String = "matches.csv"
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
        let problem: MatchingProblem
        do {
            problem = try MatchingProblem(postings: input.postings, students: input.students, rankings: input.rankings, seed: seed)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        if let verify { return try verifyMatches(at: verify, problem: problem) }

        let recorded = try RecordedRun.begin(
            kind: .match, store: store, loaded: input.loaded,
            parameters: MatchParameters(seed: seed, postings: postings ?? directory ?? "", students: students ?? directory ?? "",
                                        rankings: rankings, out: out))
        try recorded.record {
            let matching = DeferredAcceptance.match(problem)
            var funding: FundedPlacement?
            if let scenario = input.loaded?.scenario {
                funding = FundedPlaces.assign(matching, problem: problem, enterprises: scenario.enterprises,
                                              terms: scenario.fund.internships)
            }
            let csv = MatchesCSV.render(matching, problem: problem, funding: funding)
            try writeTextFile(csv, to: out)
            let summary = MatchingSummary(matching, problem: problem, funding: funding)
            if output.json {
                try Terminal.printJSON(summary)
            } else {
                Terminal.output(summary.terminalReport())
            }
            Terminal.note("wrote \(out)")
            let lottery = zip(problem.students, problem.lotteryNumbers).map { "\($0.id),\($1)" }.joined(separator: "\n")
            return ("\(summary.matched) of \(summary.students) students matched", [
                RunResult(name: "matches.csv", format: .csv, content: csv),
                RunResult(name: "summary.json", format: .json, content: try jsonText(summary)),
                RunResult(name: "lottery.csv", format: .csv, content: "student,lottery_number\n" + lottery),
            ])
        }
    }

    private struct Input {
        var postings: [InternshipPosting]
        var students: [Student]
        var rankings: [PostingRank]?
        var loaded: LoadedScenario?
    }

    private func loadInput() throws -> Input {
        if let directory {
            let loaded = try ScenarioOptions(directory: directory, curricula: curricula).load()
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

    private func verifyMatches(at path: String, problem: MatchingProblem) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFailure(message: "error: \(path): no such file")
        }
        let matching: Matching
        do {
            matching = try MatchesCSV.parse(String(decoding: data, as: UTF8.self), file: path, problem: problem)
        } catch {
            throw UserFailure(message: error.description)
        }
        let violations = StabilityCheck.violations(of: matching, in: problem)
        if output.json {
            try Terminal.printJSON(VerificationReport(file: path, stable: violations.isEmpty,
                                                      violations: violations.map { "\($0)" }))
        } else if violations.isEmpty {
            Terminal.output("✓ \(path): \(matching.matchedCount) matches, no capacity overflow, no ineligible place, no blocking pair")
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
}

struct VerificationReport: Encodable {
    let file: String
    let stable: Bool
    let violations: [String]
}

extension ScenarioOptions {
    init(directory: String, curricula: String?) {
        self.init()
        self.directory = directory
        self.curricula = curricula
    }
}
