import Foundation
import Testing
import Workforce
@testable import Forecast

@Suite("Terminal table, CSV and JSON summary")
struct OutputTests {
    let forecast: Forecast

    init() throws { forecast = try ForecastModel.project(Fixtures.workedExample) }

    /// The whitespace-separated words of each line.
    func words(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").map { $0.split(separator: " ") }
    }

    @Test func csvHasTheHeaderAndOneRowPerCell() {
        let csv = ForecastCSV.render(forecast)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "variant,skill,region,year,demand,expansion_demand,replacement_demand,retirements,transfers,other_exits,supply,graduates,entrants,gap,shortage")
        #expect(lines.count == 1 + forecast.cells.count + 1)  // header, cells, the final newline
        #expect(lines.last == "")
        #expect(lines[1] == "baseline,MOULD,HN,2026,80,0,0,0,0,0,50,0,0,30,30")
        // 2027: D = 104.76190476…, expansion 24.76190476…, replacement 5 (all "other exits": the
        // skill gives one attrition rate), S = 57, 16 graduates, 12 entrants.
        #expect(lines[2] == "baseline,MOULD,HN,2027,104.761905,24.761905,5,0,0,5,57,16,12,47.761905,47.761905")
        #expect(lines[3] == "baseline,MOULD,HN,2028,131.70068,26.938776,5.7,0,0,5.7,63.3,16,12,68.40068,68.40068")
    }

    @Test func csvOfAComparisonHasEveryVariantAndQuotesNames() throws {
        let scenario = Fixtures.workedExample
        let comparison = try ForecastModel.compare(
            scenario, variants: [.baseline, ScenarioVariant(name: "slow, \"cautious\"", productivityGrowth: 0.1)])
        let lines = ForecastCSV.render(comparison).split(separator: "\n")
        #expect(lines.count == 1 + 2 * 3)
        #expect(lines[4].hasPrefix("\"slow, \"\"cautious\"\"\",MOULD,HN,2026,80,"))
    }

    @Test func tableShowsTheFiguresWithUnits() {
        let table = ForecastTable.render(forecast)
        #expect(table.contains("Unit: engineers"))
        #expect(table.contains("Shortage over the horizon: 146 engineer-years"))
        let rows = words(table)
        // By year: year, demand, expansion, replacement, supply, graduates, entrants, gap, shortage.
        #expect(rows.contains(["2027", "105", "25", "5", "57", "16", "12", "48", "48"]))
        // By skill and year: skill, year, demand, supply, gap, shortage.
        #expect(rows.contains(["MOULD", "2028", "132", "63", "68", "68"]))
        // By region in the last year.
        #expect(table.contains("By region in 2028"))
        #expect(rows.contains(["HN", "132", "63", "68", "68"]))
    }

    @Test func tablesFitInOneHundredColumns() throws {
        let scenario = Fixtures.random(seed: 5, skills: 4, regions: 34, sectors: 3, programs: 500)
        let variants = (1...7).map { ScenarioVariant(name: "variant-number-\($0)", productivityGrowth: 0.01 * Double($0)) }
        let comparison = try ForecastModel.compare(scenario, variants: [.baseline] + variants)
        for text in [ForecastTable.render(comparison.forecasts[0]), ForecastTable.render(comparison)] {
            for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        }
        let table = ForecastTable.render(comparison)
        for variant in comparison.variantNames { #expect(table.contains(variant)) }
    }

    @Test func numbersAreGroupedAndDecimalTextIsExact() {
        #expect(NumberText.grouped(1_234_567.4) == "1,234,567")
        #expect(NumberText.grouped(-1_000.5) == "-1,001")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.decimal(-0.0000004) == "0")
        #expect(NumberText.decimal(-2.5) == "-2.5")
        #expect(NumberText.decimal(0.000001) == "0.000001")
    }

    @Test func jsonSummaryHasStableSnakeCaseKeysAndRoundTrips() throws {
        let summary = ForecastSummary(forecast)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(String(data: try encoder.encode(summary), encoding: .utf8))
        for key in [
            "\"scenario\":\"test\"", "\"unit\":\"engineers\"", "\"shortage_engineer_years\"", "\"by_year\"",
            "\"by_skill_year\"", "\"by_region_year\"", "\"horizon_totals\"", "\"expansion_demand\"",
            "\"replacement_demand\"", "\"variant\":\"baseline\"",
        ] {
            #expect(json.contains(key), "\(key)")
        }
        let decoded = try JSONDecoder().decode(ForecastSummary.self, from: Data(json.utf8))
        #expect(decoded == summary)
        let variant = try #require(decoded.variants.first)
        #expect(close(variant.shortageEngineerYears, 146.16258503401361))
        #expect(variant.byYear.map(\.year) == [2026, 2027, 2028])
        #expect(close(variant.byYear[1].totals.supply, 57))
        #expect(variant.bySkillYear.count == 3 && variant.byRegionYear.count == 3)
    }
}
