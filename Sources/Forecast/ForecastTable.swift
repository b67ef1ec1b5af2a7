import Workforce

/// Renders forecasts as aligned terminal tables, in engineers, at most `width` columns wide.
///
/// A single forecast shows totals by year, then skill × year, then regions in the last year
/// (largest shortage first). A comparison shows the variants side by side.
public enum ForecastTable {
    /// The table of one forecast.
    ///
    /// - Complexity: O(skills × regions × years).
    public static func render(_ forecast: Forecast) -> String {
        var lines = [
            "Forecast \(forecast.scenarioName), variant \(forecast.variantName), "
                + "\(forecast.years.first.map(String.init) ?? "")–\(forecast.years.last.map(String.init) ?? "")",
            "Unit: engineers. Demand and supply are stocks in the year; expansion, replacement,",
            "graduates and entrants are flows during the year. Gap = demand − supply (> 0: shortage).",
            "Shortage over the horizon: \(NumberText.grouped(forecast.shortageEngineerYears)) engineer-years "
                + "(mobility: \(forecast.mobility.rawValue))",
            "",
            "All skills and regions, by year (engineers)",
        ]
        var byYear = TextTable([
            .init(header: "year", alignment: .left), .init(header: "demand", alignment: .right),
            .init(header: "expansion", alignment: .right), .init(header: "replacement", alignment: .right),
            .init(header: "supply", alignment: .right), .init(header: "graduates", alignment: .right),
            .init(header: "entrants", alignment: .right), .init(header: "gap", alignment: .right),
            .init(header: "shortage", alignment: .right),
        ])
        for (year, totals) in forecast.totalsByYear() {
            byYear.append([
                String(year), NumberText.grouped(totals.demand), NumberText.grouped(totals.expansionDemand),
                NumberText.grouped(totals.replacementDemand), NumberText.grouped(totals.supply),
                NumberText.grouped(totals.graduates), NumberText.grouped(totals.entrants),
                NumberText.grouped(totals.gap), NumberText.grouped(totals.shortage),
            ])
        }
        lines += byYear.lines()

        lines += ["", "Replacement demand by cause, all skills and regions (engineers leaving during the year)"]
        var causes = TextTable([
            .init(header: "year", alignment: .left), .init(header: "retirement", alignment: .right),
            .init(header: "transfers", alignment: .right), .init(header: "other exits", alignment: .right),
            .init(header: "replacement", alignment: .right),
        ])
        for (year, totals) in forecast.totalsByYear().dropFirst() {
            causes.append([
                String(year), NumberText.grouped(totals.retirements), NumberText.grouped(totals.transfers),
                NumberText.grouped(totals.otherExits), NumberText.grouped(totals.replacementDemand),
            ])
        }
        lines += causes.lines()

        if let last = forecast.years.indices.last {
            lines += ["", "Supply in \(forecast.years[last]) by source, all regions (engineers; upskilled staff as effective supply)"]
            var sources = TextTable(
                [.init(header: "skill", alignment: .left)]
                    + SupplySource.allCases.map { .init(header: $0.rawValue.replacingOccurrences(of: "_", with: " "), alignment: .right) })
            for (s, skill) in forecast.skills.enumerated() {
                sources.append([skill.rawValue] + SupplySource.allCases.map { source in
                    var total = 0.0
                    for r in forecast.regions.indices { total += forecast.supplyBySource[source.position][s, r, last] }
                    return NumberText.grouped(total)
                })
            }
            lines += sources.lines()
        }

        lines += ["", "By skill and year, all regions (engineers)"]
        var bySkill = TextTable([
            .init(header: "skill", alignment: .left), .init(header: "year", alignment: .left),
            .init(header: "demand", alignment: .right), .init(header: "supply", alignment: .right),
            .init(header: "gap", alignment: .right), .init(header: "shortage", alignment: .right),
        ])
        for skill in forecast.skills {
            for year in forecast.years {
                let totals = forecast.totals(skill: skill, year: year)
                bySkill.append([
                    skill.rawValue, String(year), NumberText.grouped(totals.demand),
                    NumberText.grouped(totals.supply), NumberText.grouped(totals.gap),
                    NumberText.grouped(totals.shortage),
                ])
            }
        }
        lines += bySkill.lines()

        if let last = forecast.years.last {
            lines += ["", "By region in \(last), all skills, largest shortage first (engineers)"]
            var byRegion = TextTable([
                .init(header: "region", alignment: .left), .init(header: "demand", alignment: .right),
                .init(header: "supply", alignment: .right), .init(header: "gap", alignment: .right),
                .init(header: "shortage", alignment: .right),
            ])
            let regions = forecast.regions.map { ($0, forecast.totals(region: $0, year: last)) }
                .sorted { $0.1.shortage != $1.1.shortage ? $0.1.shortage > $1.1.shortage : $0.0 < $1.0 }
            for (region, totals) in regions {
                byRegion.append([
                    region.rawValue, NumberText.grouped(totals.demand), NumberText.grouped(totals.supply),
                    NumberText.grouped(totals.gap), NumberText.grouped(totals.shortage),
                ])
            }
            lines += byRegion.lines()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The variants of a comparison side by side, one column per variant; when the variants do
    /// not fit in `width` columns, each block repeats with the next group of variants.
    ///
    /// - Complexity: O(variants × skills × regions × years).
    public static func render(_ comparison: ForecastComparison, width: Int = 100) -> String {
        let forecasts = comparison.forecasts
        let years = comparison.years
        var lines = [
            "Forecast comparison \(forecasts.first?.scenarioName ?? ""): "
                + "\(forecasts.count) variants, "
                + "\(years.first.map(String.init) ?? "")–\(years.last.map(String.init) ?? "")",
            "Unit: engineers (stocks in the year). Gap = demand − supply (> 0: shortage).",
            "Shortage is summed per labour market (mobility: \(forecasts.first?.mobility.rawValue ?? "scenario")).",
        ]
        let names = forecasts.map { name in
            name.variantName.count > 24 ? String(name.variantName.prefix(23)) + "…" : name.variantName
        }

        func block(_ title: String, label: String, rows: [(String, [Double])]) {
            let labelWidth = max(label.count, rows.map(\.0.count).max() ?? 0)
            var start = 0
            while start < forecasts.count {
                var used = 2 + labelWidth
                var end = start
                while end < forecasts.count {
                    let columnWidth = 2 + max(names[end].count, 10)
                    if end > start, used + columnWidth > width { break }
                    used += columnWidth
                    end += 1
                }
                lines += ["", title]
                var table = TextTable(
                    [.init(header: label, alignment: .left)]
                        + names[start..<end].map { .init(header: $0, alignment: .right) })
                for (rowLabel, values) in rows {
                    table.append([rowLabel] + values[start..<end].map { NumberText.grouped($0) })
                }
                lines += table.lines()
                start = end
            }
        }

        block(
            "Shortage over the horizon (engineer-years)", label: "total",
            rows: [("shortage", forecasts.map(\.shortageEngineerYears))])
        let yearTotals = forecasts.map { $0.totalsByYear().map(\.totals) }
        block(
            "Demand by year, all skills and regions (engineers)", label: "year",
            rows: years.indices.map { y in (String(years[y]), yearTotals.map { $0[y].demand }) })
        block(
            "Supply by year, all skills and regions (engineers)", label: "year",
            rows: years.indices.map { y in (String(years[y]), yearTotals.map { $0[y].supply }) })
        block(
            "Shortage by year, summed over skills and regions (engineers)", label: "year",
            rows: years.indices.map { y in (String(years[y]), yearTotals.map { $0[y].shortage }) })
        if let last = years.last {
            block(
                "Shortage by skill in \(last), all regions (engineers)", label: "skill",
                rows: comparison.skills.map { skill in
                    (skill.rawValue, forecasts.map { $0.totals(skill: skill, year: last).shortage })
                })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The P10/P50/P90 ranges of a Monte Carlo run, skill by skill.
    public static func render(_ ranges: ForecastRanges) -> String {
        let total = ranges.shortageEngineerYears
        var lines = [
            "Uncertainty ranges: \(ranges.draws) draws, seed \(ranges.seed), mobility \(ranges.mobility.rawValue); "
                + "varied: \(ranges.parameters.isEmpty ? "nothing (no `uncertainty:` in scenario.yaml)" : ranges.parameters.joined(separator: ", "))",
            "Shortage over the horizon: P10 \(NumberText.grouped(total.p10)), P50 \(NumberText.grouped(total.p50)), "
                + "P90 \(NumberText.grouped(total.p90)) engineer-years (central forecast "
                + "\(NumberText.grouped(ranges.centralShortageEngineerYears)))",
            "",
            "National demand, supply and shortage per skill and year (engineers): P10 – P50 – P90",
        ]
        var table = TextTable([
            .init(header: "skill", alignment: .left), .init(header: "year", alignment: .left),
            .init(header: "demand", alignment: .right), .init(header: "supply", alignment: .right),
            .init(header: "shortage", alignment: .right),
        ])
        func band(_ value: Percentiles) -> String {
            "\(NumberText.grouped(value.p10)) – \(NumberText.grouped(value.p50)) – \(NumberText.grouped(value.p90))"
        }
        for row in ranges.rows {
            table.append([row.skill.rawValue, String(row.year), band(row.demand), band(row.supply), band(row.shortage)])
        }
        lines += table.lines()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The implied stock before the base year, skill by skill.
    public static func render(backcast rows: [BackcastRow]) -> String {
        var lines = ["Back-cast: the national stock the pipeline implies before the base year, "
            + "S[t−1] = (S[t] − entrants) / (1 − attrition)"]
        var table = TextTable([
            .init(header: "skill", alignment: .left), .init(header: "year", alignment: .left),
            .init(header: "stock", alignment: .right), .init(header: "share of base", alignment: .right),
        ])
        for row in rows {
            table.append([row.skill.rawValue, String(row.year), NumberText.grouped(row.stock), NumberText.percent(row.shareOfBase)])
        }
        lines += table.lines()
        return lines.joined(separator: "\n") + "\n"
    }
}
