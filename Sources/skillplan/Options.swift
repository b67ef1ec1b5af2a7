import ArgumentParser
import Forecast
import Foundation
import Workforce

/// The scenario directory and where its curricula are.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "A scenario directory (scenario.yaml, fund.yaml and the CSV files).", completion: .directory)
    var directory: String

    @Option(help: "The curricula folder (default: DIR/Curricula, else the repository's Curricula/).", completion: .directory)
    var curricula: String?

    /// Loads and validates the scenario; input errors become a ``UserFailure`` listing all of them.
    func load() throws -> LoadedScenario {
        do {
            return try ScenarioLoader.load(
                directory: URL(fileURLWithPath: directory),
                curriculaDirectory: curricula.map { URL(fileURLWithPath: $0) })
        } catch {
            throw UserFailure(message: error.description)
        }
    }

    /// Loads the scenario with a variant applied.
    func load(variant name: String?) throws -> (LoadedScenario, Scenario) {
        let loaded = try load()
        guard let name else { return (loaded, loaded.scenario) }
        guard let variant = loaded.scenario.variant(named: name) else {
            let known = ([ScenarioVariant.baseline.name] + loaded.scenario.variants.map(\.name)).joined(separator: ", ")
            throw UserFailure(message: "error: no variant named '\(name)' in scenario.yaml; known variants: \(known)")
        }
        return (loaded, loaded.scenario.applying(variant))
    }
}

/// The SQLite store every run is recorded in.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite database that records datasets and runs.", completion: .file())
    var db: String = "skillplan.sqlite"
}

/// `--json`: one JSON document on standard output and nothing else there.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document on standard output; messages go to standard error.")
    var json = false
}

extension MobilityMode: ExpressibleByArgument {}

/// `--mobility`: how supply reaches demand across provinces.
struct MobilityOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "How graduates reach demand: none (they work where they trained), scenario (scenario.yaml's mobility), national (each skill is one national market).",
        valueName: "none|scenario|national"))
    var mobility: MobilityMode = .scenario
}
