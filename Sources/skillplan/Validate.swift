import ArgumentParser
import Workforce

/// `skillplan validate DIR`: loads and checks a scenario directory and its curricula.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and check a scenario directory and the curricula; list every error.",
        discussion: "Writes nothing. Exit status 1 when there is any error; each names its file, line, column, field and value.")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try scenario.load()
        let summary = ScenarioSummary(loaded.scenario)
        if output.json {
            try Terminal.printJSON(ValidationReport(valid: true, contentHash: loaded.contentHash, summary: summary))
        } else {
            Terminal.output("✓ \(loaded.directory) is valid (content hash \(loaded.contentHash.prefix(12)))")
            Terminal.output(summary.render())
        }
    }
}

struct ValidationReport: Encodable {
    let valid: Bool
    let contentHash: String
    let summary: ScenarioSummary

    enum CodingKeys: String, CodingKey {
        case valid, contentHash = "content_hash", summary
    }
}
