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
    /// `a_s · S[t−1]` (0 in the base year): the sum of ``retirements``, ``transfers`` and
    /// ``otherExits``.
    public let replacementDemand: ForecastGrid
    /// Retirements, `retirement_s · S[t−1]`.
    public let retirements: ForecastGrid
    /// Occupational transfers out, `transfer_s · S[t−1]`.
    public let transfers: ForecastGrid
    /// Emigration, deaths and other exits, `other_s · S[t−1]`.
    public let otherExits: ForecastGrid
    /// `S[s,r,t]`, engineers working.
    public let supply: ForecastGrid
    /// `Σ_p G[p,t]`, graduates of the skill's programmes in the region (0 in the base year).
    public let graduates: ForecastGrid
    /// Effective supply joining the region's stock: `Σ_o M[o,r] · Σ_{p∈o} G[p,t]·e_p·f_p`, after
    /// graduate mobility (0 in the base year unless additional intake lands then).
    public let entrants: ForecastGrid
    /// ``supply`` split by where it came from (``SupplySource``), in ``SupplySource/allCases`` order.
    public let supplyBySource: [ForecastGrid]
    /// How supply reaches demand across provinces.
    public let mobility: MobilityMode
    /// The graduate mobility the supply was computed with (identity under ``MobilityMode/none``).
    public let mobilityMatrix: MobilityMatrix
    /// The labour market of each region position: its own under `none` and `scenario`, one
    /// national market (0) under `national`.
    public let marketOfRegion: [Int]
    /// The separation rates by skill position.
    public let separationRates: [SeparationRates]
    /// `Gap0[s,r,t] = D − S`, positive for a shortage. The Allocation model's right-hand side.
    public let gap: ForecastGrid

    init(
        scenarioName: String, variantName: String, years: [Int], skills: [Skill.ID],
        regions: [Region.ID], separationRates: [SeparationRates], demand: ForecastGrid,
        expansionDemand: ForecastGrid, retirements: ForecastGrid, transfers: ForecastGrid,
        otherExits: ForecastGrid, supply: ForecastGrid, supplyBySource: [ForecastGrid],
        graduates: ForecastGrid, entrants: ForecastGrid, mobility: MobilityMode, mobilityMatrix: MobilityMatrix
    ) {
        self.separationRates = separationRates
        let attritionRates = separationRates.map(\.total)
        var replacementDemand = retirements
        for index in replacementDemand.values.indices {
            replacementDemand.values[index] += transfers.values[index] + otherExits.values[index]
        }
        self.retirements = retirements
        self.transfers = transfers
        self.otherExits = otherExits
        self.supplyBySource = supplyBySource
        self.mobility = mobility
        self.mobilityMatrix = mobilityMatrix
        marketOfRegion = mobility == .national ? regions.map { _ in 0 } : Array(regions.indices)
        marketCount = (marketOfRegion.max() ?? -1) + 1
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

    /// The number of labour markets (regions under `none` and `scenario`, 1 under `national`).
    // Stored: read in the inner loops of the ranges and of the plan's shortage accounting.
    public let marketCount: Int

    /// The gap of a skill's market in a year: the sum of its regions' gaps (a surplus in one
    /// region of a market fills a shortage in another).
    public func marketGap(skill: Int, market: Int, year: Int) -> Double {
        var total = 0.0
        for r in regions.indices where marketOfRegion[r] == market { total += gap[skill, r, year] }
        return total
    }

    /// The shortage of skill position `skill` in year position `year`: the sum over markets of
    /// their positive gaps.
    public func shortage(skill: Int, year: Int) -> Double {
        if mobility != .national {
            var total = 0.0
            for r in regions.indices { total += max(0, gap[skill, r, year]) }
            return total
        }
        var byMarket = Array(repeating: 0.0, count: marketCount)
        for r in regions.indices { byMarket[marketOfRegion[r]] += gap[skill, r, year] }
        return byMarket.reduce(0) { $0 + max(0, $1) }
    }

    /// Shortage summed over skills, markets and years: engineer-years short over the horizon.
    /// Under `none` and `scenario` every province is its own market; under `national` a surplus
    /// anywhere fills a shortage anywhere.
    public var shortageEngineerYears: Double {
        var total = 0.0
        for s in skills.indices {
            for y in years.indices { total += shortage(skill: s, year: y) }
        }
        return total
    }

    /// Engineers of effective supply that `engineers` entering in `landingYear` from programmes
    /// of skill position `skill` in region position `origin` add to `grid` in each of its years:
    /// spread over destinations by ``mobilityMatrix``, then leaving with the skill's attrition,
    /// `(1 − a_s)^(τ − landingYear)` in year `τ ≥ landingYear`.
    ///
    /// `grid` has the forecast's skills and regions and starts in the base year; it may run past
    /// the horizon (the allocation's terminal years). This is the one place that turns an intake
    /// into supply outside the forecast's own pipeline: the allocation's plan, its rounding and
    /// its objective all call it, and a test checks it against the forecast's additional intake.
    /// Upskilled staff (`upskilledStaff`) already work in `origin` and stay there.
    /// - Complexity: O(destinations × grid years).
    public func addCohort(
        _ engineers: Double, skill: Int, origin: Int, landingYear: Int, upskilledStaff: Bool = false,
        into grid: inout ForecastGrid
    ) {
        let first = baseYear
        let last = first + grid.yearCount - 1
        guard engineers != 0, grid.yearCount > 0, landingYear <= last else { return }
        let start = max(landingYear, first)
        let keep = 1 - attritionRates[skill]
        var survival = Self.survivalFactor(attritionRate: attritionRates[skill], years: start - landingYear)
        var factors: [Double] = []
        factors.reserveCapacity(last - start + 1)
        for _ in start...last {
            factors.append(survival)
            survival *= keep
        }
        let destinations = upskilledStaff
            ? [(position: origin, share: 1.0)] : mobilityMatrix.destinations(skill: skill, origin: origin)
        for (destination, share) in destinations {
            let base = grid.offset(skill: skill, region: destination, year: start - first)
            let amount = engineers * share
            for (index, factor) in factors.enumerated() { grid.values[base + index] += amount * factor }
        }
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
            replacementDemand: replacementDemand.values[offset], retirements: retirements.values[offset],
            transfers: transfers.values[offset], otherExits: otherExits.values[offset], supply: supply.values[offset],
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
