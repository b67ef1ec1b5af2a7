import ArgumentParser
import Forecast
import Storage
import Workforce

/// `skillplan forecast DIR`: demand, supply and gap, for one or more variants side by side.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast engineer demand, supply and the gap per skill, region and year.",
        discussion: """
        Without --variant, forecasts the scenario as written (`baseline`). Several --variant options
        compare variants side by side. Units: engineers (a stock); shortage engineer-years add the
        positive gaps over the horizon.
        """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(name: .customLong("variant"), help: "A variant of scenario.yaml to forecast; repeat to compare.")
    var variants: [String] = []
    @Option(help: "Write every cell (variant, skill, region, year) to this CSV file.")
    var csv: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try scenario.load()
        let names = variants.isEmpty ? [ScenarioVariant.baseline.name] : variants
        let chosen = try names.map { name in
            guard let variant = loaded.scenario.variant(named: name) else {
                let known = ([ScenarioVariant.baseline.name] + loaded.scenario.variants.map(\.name)).joined(separator: ", ")
                throw UserFailure(message: "error: no variant named '\(name)' in scenario.yaml; known variants: \(known)")
            }
            return variant
        }
        let recorded = try RecordedRun.begin(kind: .forecast, store: store, loaded: loaded,
                                             parameters: ["variants": names])
        try recorded.record {
            let comparison: ForecastComparison
            do {
                comparison = try ForecastModel.compare(loaded.scenario, variants: chosen)
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            let csvText = ForecastCSV.render(comparison)
            if let csv { try writeTextFile(csvText, to: csv) }
            let summary = ForecastSummary(comparison)
            if output.json {
                try Terminal.printJSON(summary)
            } else {
                Terminal.output(ForecastTable.render(comparison))
            }
            if let csv { Terminal.note("wrote \(csv)") }
            let headline = comparison.forecasts.map {
                "\($0.variantName): \(NumberText.grouped($0.shortageEngineerYears)) engineer-years of shortage"
            }.joined(separator: "; ")
            return (headline, [
                RunResult(name: "forecast.json", format: .json, content: try jsonText(summary)),
                RunResult(name: "forecast.csv", format: .csv, content: csvText),
            ])
        }
    }
}
