import ArgumentParser
import Forecast
import Planning
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
        positive gaps of every labour market over the horizon. --mobility says how graduates reach
        demand (none: they work where they trained; scenario: scenario.yaml's `mobility`; national:
        each skill is one national market); the output always states the shortage under all three.
        --ranges adds P10/P50/P90 from seeded Monte Carlo draws over scenario.yaml's `uncertainty`;
        --backcast N shows the stock the pipeline implies N years before the base year.
        """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(name: .customLong("variant"), help: "A variant of scenario.yaml to forecast; repeat to compare.")
    var variants: [String] = []
    @Option(help: "Write every cell (variant, skill, region, year) to this CSV file.")
    var csv: String?
    @OptionGroup var labourMarket: MobilityOptions
    @Flag(help: "Add P10/P50/P90 ranges of demand, supply and shortage from Monte Carlo draws.")
    var ranges = false
    @Option(help: "Monte Carlo draws for --ranges.")
    var draws: Int = 1000
    @Option(help: "The seed of the Monte Carlo draws (same seed, same ranges).")
    var seed: UInt64 = 2026
    @Option(help: "Show the national stock implied this many years before the base year.")
    var backcast: Int?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard draws >= 1, draws <= 1_000_000 else { throw ValidationError("--draws takes a number from 1 to 1000000") }
        if let backcast, !(1...50).contains(backcast) { throw ValidationError("--backcast takes a number of years from 1 to 50") }
    }

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
                                             parameters: ForecastParameters(variants: names, mobility: labourMarket.mobility,
                                                                            ranges: ranges, draws: draws, seed: seed,
                                                                            backcast: backcast))
        try recorded.record {
            var summary: ForecastSummary
            let comparison: ForecastComparison
            do {
                comparison = try ForecastModel.compare(loaded.scenario, variants: chosen, mobility: labourMarket.mobility)
                summary = ForecastSummary(comparison)
                summary.calibrationWarnings = try StockFlowCalibration.check(loaded.scenario)
                for (index, variant) in chosen.enumerated() {
                    let applied = loaded.scenario.applying(variant)
                    summary.variants[index].mobilityBreakdown = try ForecastModel.mobilityBreakdown(applied)
                    if ranges {
                        summary.variants[index].ranges = try ForecastModel.ranges(
                            applied, draws: draws, seed: seed, mobility: labourMarket.mobility)
                    }
                    if let backcast {
                        summary.variants[index].backcast = try StockFlowCalibration.backcast(applied, years: backcast)
                    }
                }
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
            let csvText = ForecastCSV.render(comparison)
            if let csv { try writeTextFile(csvText, to: csv) }
            if output.json {
                try Terminal.printJSON(summary)
            } else {
                Terminal.output(ForecastTable.render(comparison))
                for variant in summary.variants {
                    let prefix = summary.variants.count > 1 ? "\(variant.variant): " : ""
                    if let breakdown = variant.mobilityBreakdown {
                        Terminal.output("\n\(prefix)Graduate mobility: \(breakdown.sentence)")
                    }
                    if let ranges = variant.ranges { Terminal.output("\n" + prefix + ForecastTable.render(ranges)) }
                    if let rows = variant.backcast { Terminal.output("\n" + prefix + ForecastTable.render(backcast: rows)) }
                }
                for warning in summary.calibrationWarnings { Terminal.note("warning: \(warning.message)") }
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

struct ForecastParameters: Encodable {
    let variants: [String]
    let mobility: MobilityMode
    let ranges: Bool
    let draws: Int
    let seed: UInt64
    let backcast: Int?
}
