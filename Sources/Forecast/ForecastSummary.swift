import Workforce

/// The `--json` document of `skillplan forecast`: per variant, totals over the horizon, by year,
/// by skill × year and by region × year, in engineers. Keys are snake_case and stable.
public struct ForecastSummary: Hashable, Sendable, Codable {
    /// Totals of one year over every skill and region.
    public struct YearRow: Hashable, Sendable, Codable {
        /// The calendar year.
        public var year: Int
        /// The sums, in engineers.
        public var totals: ForecastTotals
    }

    /// Totals of one skill in one year over every region.
    public struct SkillYearRow: Hashable, Sendable, Codable {
        /// The skill.
        public var skill: Skill.ID
        /// The calendar year.
        public var year: Int
        /// The sums, in engineers.
        public var totals: ForecastTotals
    }

    /// Totals of one region in one year over every skill.
    public struct RegionYearRow: Hashable, Sendable, Codable {
        /// The region.
        public var region: Region.ID
        /// The calendar year.
        public var year: Int
        /// The sums, in engineers.
        public var totals: ForecastTotals
    }

    /// Supply of one skill in one year by where it came from (national).
    public struct SupplySourceRow: Hashable, Sendable, Codable {
        /// The skill.
        public var skill: Skill.ID
        /// The calendar year.
        public var year: Int
        /// Engineers by source: `base_stock`, `vocational`, `college`, `bachelor`, `upskilled_staff`.
        public var supply: [String: Double]
    }

    /// One variant's figures.
    public struct Variant: Hashable, Sendable, Codable {
        /// The variant's name.
        public var variant: String
        /// Shortage summed over skills, markets and years under the forecast's mobility.
        public var shortageEngineerYears: Double
        /// The shortage under each mobility mode, when computed.
        public var mobilityBreakdown: MobilityBreakdown?
        /// Supply by source per skill and year.
        public var supplyBySource: [SupplySourceRow]
        /// P10/P50/P90 ranges, when asked for (`--ranges`).
        public var ranges: ForecastRanges?
        /// The implied stock before the base year, when asked for (`--backcast N`).
        public var backcast: [BackcastRow]?
        /// Sums over every cell (stocks in engineer-years).
        public var horizonTotals: ForecastTotals
        /// Totals per year.
        public var byYear: [YearRow]
        /// Totals per skill and year, skill by skill.
        public var bySkillYear: [SkillYearRow]
        /// Totals per region and year, region by region.
        public var byRegionYear: [RegionYearRow]

        enum CodingKeys: String, CodingKey {
            case variant
            case shortageEngineerYears = "shortage_engineer_years"
            case mobilityBreakdown = "mobility_breakdown"
            case supplyBySource = "supply_by_source"
            case ranges, backcast
            case horizonTotals = "horizon_totals"
            case byYear = "by_year"
            case bySkillYear = "by_skill_year"
            case byRegionYear = "by_region_year"
        }
    }

    /// The scenario's short name.
    public var scenario: String
    /// How supply reached demand across provinces.
    public var mobility: MobilityMode
    /// Always `engineers`.
    public var unit: String
    /// The planned years.
    public var years: [Int]
    /// The skills, in the scenario's order.
    public var skills: [Skill.ID]
    /// The regions, in the scenario's order.
    public var regions: [Region.ID]
    /// One entry per variant, in the order given.
    public var variants: [Variant]
    /// Stock–flow warnings of the scenario as written (see ``StockFlowCalibration``).
    public var calibrationWarnings: [CalibrationWarning] = []

    enum CodingKeys: String, CodingKey {
        case scenario, mobility, unit, years, skills, regions, variants
        case calibrationWarnings = "calibration_warnings"
    }

    /// The summary of every variant of a comparison.
    ///
    /// - Complexity: O(variants × skills × regions × years).
    public init(_ comparison: ForecastComparison) {
        scenario = comparison.forecasts.first?.scenarioName ?? ""
        mobility = comparison.forecasts.first?.mobility ?? .scenario
        unit = "engineers"
        years = comparison.years
        skills = comparison.skills
        regions = comparison.regions
        variants = comparison.forecasts.map(Self.variant)
    }

    /// The summary of one forecast (a comparison of one variant).
    public init(_ forecast: Forecast) {
        scenario = forecast.scenarioName
        mobility = forecast.mobility
        unit = "engineers"
        years = forecast.years
        skills = forecast.skills
        regions = forecast.regions
        variants = [Self.variant(forecast)]
    }

    private static func variant(_ forecast: Forecast) -> Variant {
        Variant(
            variant: forecast.variantName,
            shortageEngineerYears: forecast.shortageEngineerYears,
            mobilityBreakdown: nil,
            supplyBySource: forecast.skills.indices.flatMap { s in
                forecast.years.indices.map { y in
                    var bySource: [String: Double] = [:]
                    for source in SupplySource.allCases {
                        var total = 0.0
                        for r in forecast.regions.indices { total += forecast.supplyBySource[source.position][s, r, y] }
                        bySource[source.rawValue] = total
                    }
                    return SupplySourceRow(skill: forecast.skills[s], year: forecast.years[y], supply: bySource)
                }
            },
            ranges: nil, backcast: nil,
            horizonTotals: forecast.totals(),
            byYear: forecast.totalsByYear().map { YearRow(year: $0.year, totals: $0.totals) },
            bySkillYear: forecast.skills.flatMap { skill in
                forecast.years.map { year in
                    SkillYearRow(skill: skill, year: year, totals: forecast.totals(skill: skill, year: year))
                }
            },
            byRegionYear: forecast.regions.flatMap { region in
                forecast.years.map { year in
                    RegionYearRow(region: region, year: year, totals: forecast.totals(region: region, year: year))
                }
            })
    }
}
