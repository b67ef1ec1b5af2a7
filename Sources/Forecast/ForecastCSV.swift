import Workforce

/// Renders forecasts as CSV text: a header, then one row per variant × skill × region × year.
///
/// Columns: `variant,skill,region,year,demand,expansion_demand,replacement_demand,retirements,
/// transfers,other_exits,supply,graduates,entrants,gap,shortage`. Figures are engineers with at
/// most six decimals; `graduates` counts people graduating from the skill's programmes in the
/// region (before the industry entry rate), `entrants` the effective supply joining the region's
/// stock after mobility; `shortage` is the cell's own (provincial) shortage. Rows end with `\n`.
public enum ForecastCSV {
    /// The header row's fields.
    public static let header = [
        "variant", "skill", "region", "year", "demand", "expansion_demand", "replacement_demand",
        "retirements", "transfers", "other_exits", "supply", "graduates", "entrants", "gap", "shortage",
    ]

    /// The CSV of one forecast.
    ///
    /// - Complexity: O(skills × regions × years).
    public static func render(_ forecast: Forecast) -> String {
        render(forecasts: [forecast])
    }

    /// The CSV of every variant of a comparison, variant by variant.
    public static func render(_ comparison: ForecastComparison) -> String {
        render(forecasts: comparison.forecasts)
    }

    private static func render(forecasts: [Forecast]) -> String {
        var text = header.joined(separator: ",") + "\n"
        for forecast in forecasts {
            let variant = field(forecast.variantName)
            for cell in forecast.cells {
                let fields = [
                    variant, field(cell.skill.rawValue), field(cell.region.rawValue), String(cell.year),
                    NumberText.decimal(cell.demand), NumberText.decimal(cell.expansionDemand),
                    NumberText.decimal(cell.replacementDemand), NumberText.decimal(cell.retirements),
                    NumberText.decimal(cell.transfers), NumberText.decimal(cell.otherExits),
                    NumberText.decimal(cell.supply), NumberText.decimal(cell.graduates),
                    NumberText.decimal(cell.entrants), NumberText.decimal(cell.gap),
                    NumberText.decimal(cell.shortage),
                ]
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// A field quoted when it holds a comma, quote or line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
