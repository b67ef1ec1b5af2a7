import ArgumentParser
import Foundation

/// The `skillplan` command: plans how Vietnam closes its shortage of engineers in materials, mould
/// technology, automation and production management.
@main
struct SkillPlan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "skillplan",
        abstract: "Plan engineer training for Vietnam's supporting industries: forecast, fund allocation, internship matching, Excel plans.",
        discussion: """
        Exit status: 0 on success, 1 on a user error (bad input, infeasible policy), 2 on wrong usage,
        3 on an internal error (a bug: please report it with the command that caused it).
        With --json, standard output holds one JSON document; messages and progress go to standard error.
        """,
        version: version,
        subcommands: [
            Validate.self, Import.self, ForecastCommand.self, Allocate.self, Match.self, PlanCommand.self,
            Template.self, Synth.self, Bench.self, Runs.self, Compare.self, Serve.self, Users.self,
        ]
    )

    /// Runs the command line, mapping errors to the exit statuses of the contract:
    /// 0 success, 1 user error, 2 wrong usage, 3 internal error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as UserFailure {
            Terminal.error(failure.message)
            Foundation.exit(1)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            switch exitCode(for: error) {
            case .success:
                // --help and --version: ArgumentParser prints them.
                exit(withError: error)
            case .validationFailure:
                Terminal.error(fullMessage(for: error))
                Foundation.exit(2)
            default:
                Terminal.error("internal error: \(error)")
                Foundation.exit(3)
            }
        }
    }
}

/// A problem the user can fix (bad input, an infeasible policy): printed, exit status 1.
struct UserFailure: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
