import Workforce

/// Demand, supply and gap of engineers per skill × region × year for one scenario variant.
///
/// Storage is dense: one ``ForecastGrid`` per measure, indexed by positions in ``skills``,
/// ``regions`` and ``years``; ``skillPositions`` and ``regionPositions`` map ids to positions.
/// Build one with ``ForecastModel/project(_:additionalIntake:)``.
public struct Forecast: Hashable, Sendable {
    /// The scenario's short name (`settings.name`).
    public let scenarioName: String
    /// The variant applied, `baseline` when none.
    public let variantName: String
    /// The planned years `t0 … t0+H−1`, increasing by one.
    public let years: [Int]
    /// Skills in the scenario's order; position `i` is row `i` of every grid.
    public let skills: [Skill.ID]
    /// Regions in the scenario's order.
    public let regions: [Region.ID]
    /// `a_s` by skill position.
    public let attritionRates: [Double]
    /// Position of each skill in ``skills``.
    public let skillPositions: [Skill.ID: Int]
    /// Position of each region in ``regions``.
    public let regionPositions: [Region.ID: Int]

    /// `D[s,r,t]`, engineers needed.
    public let demand: ForecastGrid
    /// `D[t] − D[t−1]` (0 in the base year).
    public let expansionDemand: ForecastGrid
    /// `a_s · S[t−1]` (0 in the base year).
    public let replacementDemand: ForecastGrid
    /// `S[s,r,t]`, engineers working.
    public let supply: ForecastGrid
    /// `Σ_p G[p,t]`, graduates of the skill's programmes in the region (0 in the base year).
    public let graduates: ForecastGrid
    /// `Σ_p G[p,t]·e_p`, graduates joining the stock (0 in the base year).
    public let entrants: ForecastGrid
    /// `Gap0[s,r,t] = D − S`, positive for a shortage. The Allocation model's right-hand side.
    public let gap: ForecastGrid

    init(
        scenarioName: String, variantName: String, years: [Int], skills: [Skill.ID],
        regions: [Region.ID], attritionRates: [Double], demand: ForecastGrid,
        expansionDemand: ForecastGrid, replacementDemand: ForecastGrid, supply: ForecastGrid,
        graduates: ForecastGrid, entrants: ForecastGrid
    ) {
        self.scenarioName = scenarioName
        self.variantName = variantName
        self.years = years
        self.skills = skills
        self.regions = regions
        self.attritionRates = attritionRates
        skillPositions = Dictionary(skills.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        regionPositions = Dictionary(regions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        self.demand = demand
        self.expansionDemand = expansionDemand
        self.replacementDemand = replacementDemand
        self.supply = supply
        self.graduates = graduates
        self.entrants = entrants
        var gap = demand
        for index in gap.values.indices { gap.values[index] -= supply.values[index] }
        self.gap = gap
    }

    /// `t0`, the first planned year.
    public var baseYear: Int { years.first ?? 0 }

    /// Position of `year` in ``years``, nil outside the horizon.
    public func yearPosition(_ year: Int) -> Int? {
        let position = year - baseYear
        return years.indices.contains(position) ? position : nil
    }

    /// `max(0, Gap0)` per cell.
    public var shortage: ForecastGrid { gap.map { max(0, $0) } }

    /// Shortage summed over skills, regions and years: engineer-years short over the horizon.
    public var shortageEngineerYears: Double {
        gap.values.reduce(0) { $0 + max(0, $1) }
    }

    /// The share of engineers of skill position `skill` still in the industry `years` years later:
    /// `(1 − a_s)^years` (1 for `years` ≤ 0).
    public func survivalFactor(skill: Int, years: Int) -> Double {
        Self.survivalFactor(attritionRate: attritionRates[skill], years: years)
    }

    /// `(1 − a)^years`, 1 for `years` ≤ 0: the share of a stock that attrition leaves after `years`.
    public static func survivalFactor(attritionRate: Double, years: Int) -> Double {
        guard years > 0 else { return 1 }
        var factor = 1.0
        for _ in 0..<years { factor *= 1 - attritionRate }
        return factor
    }

    /// The cell of a skill, region and year given by positions (which must be inside the grids).
    public func cell(skill: Int, region: Int, year: Int) -> ForecastCell {
        let offset = demand.offset(skill: skill, region: region, year: year)
        return ForecastCell(
            skill: skills[skill], region: regions[region], year: years[year],
            demand: demand.values[offset], expansionDemand: expansionDemand.values[offset],
            replacementDemand: replacementDemand.values[offset], supply: supply.values[offset],
            graduates: graduates.values[offset], entrants: entrants.values[offset],
            gap: gap.values[offset])
    }

    /// The cell of a skill, region and year, nil when one of them is not in the forecast.
    public func cell(_ skill: Skill.ID, _ region: Region.ID, _ year: Int) -> ForecastCell? {
        guard let s = skillPositions[skill], let r = regionPositions[region],
            let y = yearPosition(year)
        else { return nil }
        return cell(skill: s, region: r, year: y)
    }

    /// Every cell, in skill, region, year order (the year varies fastest).
    ///
    /// - Complexity: O(skills × regions × years).
    public var cells: [ForecastCell] {
        var result: [ForecastCell] = []
        result.reserveCapacity(demand.values.count)
        for s in skills.indices {
            for r in regions.indices {
                for y in years.indices { result.append(cell(skill: s, region: r, year: y)) }
            }
        }
        return result
    }
}
