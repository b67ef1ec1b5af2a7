import Forecast
import Workforce

/// What a plan's column values do to the shortage, computed outside the solver: the integer
/// rounding's objective, the plan's shortage after, and the check of a fixed plan all use it.
///
/// Supply comes from ``Forecast/addCohort(_:skill:origin:landingYear:into:)`` (the same mobility
/// and attrition as the forecast); shortage is counted per labour market as in the model's
/// `short.def` rows, over the horizon and the terminal years after it.
struct ShortageAccounting {
    let model: AllocationModel

    /// The years of the shortage rows: the horizon, then the terminal years.
    var rowYearCount: Int { model.years.count + model.terminalYears }

    /// Engineers the plan adds per skill, region and year (horizon and terminal years).
    /// - Complexity: O(columns with a value × destinations × years).
    func addedSupply(_ values: [Double]) -> ForecastGrid {
        let forecast = model.forecast
        var added = ForecastGrid(
            skillCount: forecast.skills.count, regionCount: forecast.regions.count, yearCount: rowYearCount)
        for (index, column) in model.columns.enumerated() where values[index] > 0 {
            let effect = column.effect
            forecast.addCohort(
                values[index] * effect.engineersPerUnit, skill: column.skillPosition, origin: column.regionPosition,
                landingYear: effect.landingYear, upskilledStaff: column.kind == .onsite || column.kind == .relocation,
                into: &added)
        }
        return added
    }

    /// The gap of a market in row year position `y` (the last horizon year's after the horizon).
    func marketGap(skill: Int, market: Int, year y: Int) -> Double {
        model.forecast.marketGap(skill: skill, market: market, year: min(y, model.years.count - 1))
    }

    /// The plan's added supply in a market and row year.
    func marketAdded(_ added: ForecastGrid, skill: Int, market: Int, year y: Int) -> Double {
        let forecast = model.forecast
        var total = 0.0
        for r in forecast.regions.indices where forecast.marketOfRegion[r] == market { total += added[skill, r, y] }
        return total
    }

    /// The model's objective at these column values: weighted, discounted shortage over the
    /// horizon and the terminal years, plus the tie-break on spend.
    func objective(_ values: [Double]) -> Double {
        let added = addedSupply(values)
        let forecast = model.forecast
        var shortage = 0.0
        for s in forecast.skills.indices {
            for m in 0..<forecast.marketCount {
                for y in 0..<rowYearCount {
                    let gap = marketGap(skill: s, market: m, year: y)
                    guard gap > 0 else { continue }
                    shortage += model.weights[s] * model.discounts[y] * max(0, gap - marketAdded(added, skill: s, market: m, year: y))
                }
            }
        }
        var spend = 0.0
        for (index, column) in model.columns.enumerated() where values[index] > 0 {
            spend += values[index] * Double(column.cost.total)
        }
        return shortage + model.tieBreakPerBillion * spend / AllocationModel.moneyUnit
    }

    /// The shortage cells of the horizon (markets with a gap), before and after the plan.
    func horizonCells(_ values: [Double]) -> [ShortageCell] { horizonCells(added: addedSupply(values)) }

    /// The shortage cells of the horizon given the plan's ``addedSupply(_:)``.
    func horizonCells(added: ForecastGrid) -> [ShortageCell] {
        let forecast = model.forecast
        var cells: [ShortageCell] = []
        for s in forecast.skills.indices {
            for m in 0..<forecast.marketCount {
                for (y, year) in model.years.enumerated() {
                    let gap = marketGap(skill: s, market: m, year: y)
                    guard gap > 0 else { continue }
                    let supplied = marketAdded(added, skill: s, market: m, year: y)
                    cells.append(ShortageCell(
                        skill: forecast.skills[s], region: marketRegion(m), year: year, before: gap,
                        after: max(0, gap - supplied), added: supplied))
                }
            }
        }
        return cells
    }

    /// Engineers the plan adds over the terminal years (engineer-years after the horizon), given
    /// its ``addedSupply(_:)``.
    func terminalEngineerYears(added: ForecastGrid) -> Double {
        guard model.terminalYears > 0 else { return 0 }
        var total = 0.0
        for s in 0..<added.skillCount {
            for r in 0..<added.regionCount {
                for y in model.years.count..<rowYearCount { total += added[s, r, y] }
            }
        }
        return total
    }

    /// Per column with units, how many of them could be removed without raising the shortage in
    /// any row of the horizon or the terminal years: the units of zero effect. A unit's removal
    /// is free in a row where the plan's supply exceeds the gap by at least its contribution.
    /// - Complexity: O(columns with units × destinations × row years).
    func zeroEffectUnits(_ values: [Double], added: ForecastGrid) -> [(column: Int, units: Double)] {
        let forecast = model.forecast
        let years = rowYearCount
        // Surplus of supply over the gap per market row (∞ where no row: no gap to close).
        var surplus = Array(repeating: Double.infinity, count: forecast.skills.count * forecast.marketCount * years)
        for s in forecast.skills.indices {
            for m in 0..<forecast.marketCount {
                for y in 0..<years {
                    let gap = marketGap(skill: s, market: m, year: y)
                    guard gap > 0 else { continue }
                    surplus[(s * forecast.marketCount + m) * years + y] = max(0, marketAdded(added, skill: s, market: m, year: y) - gap)
                }
            }
        }
        var result: [(column: Int, units: Double)] = []
        let first = model.years.first ?? forecast.baseYear
        // Departures (negative effect, no cost) are not spend; expansions are counted below.
        for (index, column) in model.columns.enumerated()
        where values[index] > 0 && column.kind != .capacity && !(column.kind == .relocation && column.effect.engineersPerUnit < 0) {
            // One unit's engineers per market in its landing year (the mobility of
            // `Forecast.addCohort`), then decaying with the skill's attrition.
            let s = column.skillPosition, o = column.regionPosition
            let destinations = column.kind == .onsite || column.kind == .relocation
                ? [(position: o, share: 1.0)] : forecast.mobilityMatrix.destinations(skill: s, origin: o)
            var byMarket: [Int: Double] = [:]
            for (d, share) in destinations { byMarket[forecast.marketOfRegion[d], default: 0] += share * column.effect.engineersPerUnit }
            let landing = column.effect.landingYear
            var removable = values[index]
            for (m, landed) in byMarket where landed > 1e-12 {
                for y in max(0, landing - first)..<max(0, years) {
                    let perUnit = landed * forecast.survivalFactor(skill: s, years: first + y - landing)
                    guard perUnit > 1e-12 else { continue }
                    removable = min(removable, surplus[(s * forecast.marketCount + m) * years + y] / perUnit)
                }
            }
            let units = values[index] == values[index].rounded() ? removable.rounded(.down) : removable
            if units > 1e-9 { result.append((index, min(units, values[index]))) }
        }
        return (result + unusedExpansion(values)).sorted { $0.column < $1.column }
    }

    /// Per capacity-expansion column with units, how many no scholarship seat uses: the least
    /// room over the `capacity[p,τ]` rows it serves (every row would still hold without them).
    func unusedExpansion(_ values: [Double]) -> [(column: Int, units: Double)] {
        var room: [Int: Double] = [:]
        for limit in model.capacityLimits {
            let available = Double(limit.spare) + limit.expansions.reduce(0.0) { $0 + values[$1] } - values[limit.seats]
            for expansion in limit.expansions { room[expansion] = min(room[expansion] ?? .infinity, max(0, available)) }
        }
        var result: [(column: Int, units: Double)] = []
        for (index, column) in model.columns.enumerated() where column.kind == .capacity && values[index] > 0 {
            let free = min(values[index], room[index] ?? values[index])
            let units = values[index] == values[index].rounded() ? (free + 1e-9).rounded(.down) : free
            if units > 1e-9 { result.append((index, units)) }
        }
        return result
    }

    /// The region code a market's cells carry: the province, or `national`.
    func marketRegion(_ market: Int) -> Region.ID {
        model.forecast.mobility == .national ? Region.ID("national") : model.forecast.regions[market]
    }
}
