import ArgumentParser
import Forecast
import Workforce

/// `skillplan validate DIR`: loads and checks a scenario directory and its curricula.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and check a scenario directory and the curricula; list every error.",
        discussion: """
        Writes nothing. Exit status 1 when there is any error; each names its file, line, column, field and value. Root causes (a missing file, a broken header) come first; at most 20 errors of each file are shown, then a count per field (--all-errors lists every one); references to a file that failed are not checked. Stock–flow warnings (exit status 0): the steady-state stock the pipeline implies outside 0.5–2× the base stock, first-year supply growth more than 3 points above demand growth, or a stock five years before the base year that is negative or under half of today's (see `forecast --backcast`).
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try scenario.load()
        let summary = ScenarioSummary(loaded.scenario)
        let warnings: [CalibrationWarning]
        do {
            warnings = try StockFlowCalibration.check(loaded.scenario)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        if output.json {
            try Terminal.printJSON(ValidationReport(
                valid: true, contentHash: loaded.contentHash, summary: summary, warnings: warnings))
        } else {
            Terminal.output("✓ \(loaded.directory) is valid (content hash \(loaded.contentHash.prefix(12)))")
            Terminal.output(summary.render())
            if !warnings.isEmpty {
                Terminal.output("\n⚠ \(warnings.count) stock–flow warning\(warnings.count == 1 ? "" : "s") (the scenario still runs):")
                for warning in warnings { Terminal.output("  warning: \(warning.message)") }
            }
        }
    }
}

struct ValidationReport: Encodable {
    let valid: Bool
    let contentHash: String
    let summary: ScenarioSummary
    let warnings: [CalibrationWarning]

    enum CodingKeys: String, CodingKey {
        case valid, contentHash = "content_hash", summary, warnings
    }
}
