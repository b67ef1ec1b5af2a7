import Testing
import Workforce
@testable import Forecast

@Suite("Scenario variants side by side")
struct VariantComparisonTests {
    static let scenario = Fixtures.scenario(
        horizonYears: 10, productivityGrowth: 0.0524,
        skills: [Fixtures.skill("MOULD", attrition: 0.08), Fixtures.skill("AUTOMATION", attrition: 0.06)],
        regions: [Fixtures.region("HN"), Fixtures.region("BN")],
        sectors: [
            Fixtures.sector(
                "AUTO", output: ["HN": 300, "BN": 120], growth: 0.08,
                localisation: Fixtures.path((2026, 0.35), (2030, 0.45), (2035, 0.55)),
                intensity: ["MOULD": 1.2, "AUTOMATION": 0.8])
        ],
        initialStock: ["MOULD": ["HN": 200, "BN": 80], "AUTOMATION": ["HN": 150]],
        programs: [
            Fixtures.program("P1", skill: "MOULD", region: "HN", intake: 60, duration: 4, completion: 0.8, entry: 0.6)
        ])

    static let faster = ScenarioVariant(
        name: "fast-localisation",
        sectorLocalisation: ["AUTO": Fixtures.path((2026, 0.35), (2030, 0.60), (2035, 0.80))])

    @Test func fasterLocalisationHasHigherDemand() throws {
        let comparison = try ForecastModel.compare(Self.scenario, variants: [.baseline, Self.faster])
        #expect(comparison.variantNames == ["baseline", "fast-localisation"])
        let base = try #require(comparison.forecast(variant: "baseline"))
        let fast = try #require(comparison.forecast(variant: "fast-localisation"))
        // Same in the base year (same anchor), strictly higher after it, supply unchanged.
        #expect(base.totals(year: 2026).demand == fast.totals(year: 2026).demand)
        for year in 2027...2035 {
            #expect(fast.totals(year: year).demand > base.totals(year: year).demand, "year \(year)")
            #expect(close(fast.totals(year: year).supply, base.totals(year: year).supply))
        }
        #expect(fast.shortageEngineerYears > base.shortageEngineerYears)
        // 2030: demand scales with L, 0.60 / 0.45.
        #expect(close(fast.totals(year: 2030).demand, base.totals(year: 2030).demand * 0.60 / 0.45))
    }

    @Test func comparisonTableShowsVariantsSideBySide() throws {
        let comparison = try ForecastModel.compare(Self.scenario, variants: [.baseline, Self.faster])
        let table = ForecastTable.render(comparison)
        let header = table.split(separator: "\n").first { $0.contains("baseline") && $0.contains("fast-localisation") }
        #expect(header != nil)
        let base = comparison.forecasts[0].totals(year: 2035).demand
        let fast = comparison.forecasts[1].totals(year: 2035).demand
        let row = table.split(separator: "\n").map { $0.split(separator: " ") }
            .first { $0.first == "2035" }
        #expect(row == ["2035", Substring(NumberText.grouped(base)), Substring(NumberText.grouped(fast))])
    }

    @Test func forecastsOfDifferentShapesCannotBeCompared() throws {
        let a = try ForecastModel.project(Self.scenario)
        var shorter = Self.scenario
        shorter.settings.horizonYears = 5
        let b = try ForecastModel.project(shorter)
        #expect(throws: ForecastError.self) { try ForecastComparison([a, b]) }
        #expect(throws: ForecastError.incomparableForecasts(reason: "there are no forecasts; name at least one variant")) {
            try ForecastComparison([])
        }
    }
}
