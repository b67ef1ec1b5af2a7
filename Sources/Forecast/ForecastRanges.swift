import Foundation
import Synchronization
import Workforce

/// P10, P50 and P90 of one figure over the draws of a Monte Carlo run.
public struct Percentiles: Hashable, Sendable, Codable {
    /// The 10th percentile.
    public var p10: Double
    /// The median.
    public var p50: Double
    /// The 90th percentile.
    public var p90: Double

    /// The percentiles of `values` (linear interpolation between order statistics).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        p10 = Self.quantile(sorted, 0.1)
        p50 = Self.quantile(sorted, 0.5)
        p90 = Self.quantile(sorted, 0.9)
    }

    public init(p10: Double, p50: Double, p90: Double) {
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        guard sorted.count > 1 else { return first }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * weight
    }
}

/// The uncertainty ranges of a forecast: P10/P50/P90 of national demand, supply and shortage per
/// skill and year, from seeded Monte Carlo draws over the distributions of `scenario.yaml`'s
/// `uncertainty:` (``ForecastUncertainty``). The same seed gives the same ranges.
public struct ForecastRanges: Hashable, Sendable, Codable {
    /// One skill in one year (national totals, shortage per labour market).
    public struct Row: Hashable, Sendable, Codable {
        public var skill: Skill.ID
        public var year: Int
        public var demand: Percentiles
        public var supply: Percentiles
        public var shortage: Percentiles
    }

    /// The variant drawn around.
    public var variant: String
    /// The mobility mode of every draw.
    public var mobility: MobilityMode
    /// Draws made.
    public var draws: Int
    /// The seed.
    public var seed: UInt64
    /// The parameters that varied, by their `scenario.yaml` names.
    public var parameters: [String]
    /// Engineer-years of shortage over the horizon.
    public var shortageEngineerYears: Percentiles
    /// The central forecast's shortage over the horizon (no draw), for comparison.
    public var centralShortageEngineerYears: Double
    /// Skill by skill, year by year.
    public var rows: [Row]
    /// Shortage percentiles per skill, labour market and year (position `(s · M + m) · Y + y`),
    /// for the Gap sheet; not in the JSON document.
    public var marketShortage: [Percentiles] = []
    /// The labour markets and years of ``marketShortage``.
    public var marketCount = 0
    public var yearCount = 0

    /// The shortage percentiles of a skill, market and year position, when drawn.
    public func marketShortage(skill: Int, market: Int, year: Int) -> Percentiles? {
        let index = (skill * marketCount + market) * yearCount + year
        return marketShortage.indices.contains(index) ? marketShortage[index] : nil
    }

    enum CodingKeys: String, CodingKey {
        case variant, mobility, draws, seed, parameters
        case shortageEngineerYears = "shortage_engineer_years"
        case centralShortageEngineerYears = "central_shortage_engineer_years"
        case rows
    }

    /// The row of a skill and year.
    public func row(_ skill: Skill.ID, _ year: Int) -> Row? { rows.first { $0.skill == skill && $0.year == year } }
}

extension ForecastModel {
    /// Monte Carlo ranges of the forecast over the scenario's declared uncertainty.
    ///
    /// Draw `i` uses its own generator seeded from `seed` and `i`, so the result does not depend on
    /// how the draws are spread over threads. Parameters without a distribution keep their value.
    /// - Throws: ``ForecastError`` when the scenario (or a draw of it) cannot be projected, or
    ///   `draws` < 1.
    /// - Complexity: O(draws × one projection), spread over the available cores.
    public static func ranges(
        _ scenario: Scenario, draws: Int, seed: UInt64, mobility: MobilityMode = .scenario
    ) throws(ForecastError) -> ForecastRanges {
        guard draws >= 1 else {
            throw .invalidValue(field: "number of draws", value: Double(draws), expected: "1 or more")
        }
        let central = try project(scenario, mobility: mobility)
        // The draws change rates only: each programme's place is looked up once, not per draw.
        let places = programPlaces(scenario)
        let skillCount = central.skills.count
        let yearCount = central.years.count
        let cellCount = skillCount * yearCount
        let marketCount = central.marketCount
        let marketCells = skillCount * marketCount * yearCount
        // Per draw: demand, supply, shortage per skill × year, the horizon shortage, then the
        // shortage per skill × market × year.
        let stride = 3 * cellCount + 1 + marketCells
        let results = Mutex<(values: [Double], error: ForecastError?)>(
            (Array(repeating: 0, count: draws * stride), nil))
        let workers = max(1, min(draws, System.coreCount))
        WorkerThreads.perform(iterations: workers) { worker in
            var local: [(Int, [Double])] = []
            var failure: ForecastError?
            var index = worker
            while index < draws {
                do throws(ForecastError) {
                    let drawn = draw(scenario, index: index, seed: seed)
                    let forecast = try project(drawn, additionalIntake: AdditionalIntake(), mobility: mobility, programPlaces: places)
                    var values = Array(repeating: 0.0, count: stride)
                    var horizon = 0.0
                    for s in 0..<skillCount {
                        for y in 0..<yearCount {
                            var demand = 0.0, supply = 0.0
                            for r in forecast.regions.indices {
                                demand += forecast.demand[s, r, y]
                                supply += forecast.supply[s, r, y]
                            }
                            let shortage = forecast.shortage(skill: s, year: y)
                            values[s * yearCount + y] = demand
                            values[cellCount + s * yearCount + y] = supply
                            values[2 * cellCount + s * yearCount + y] = shortage
                            horizon += shortage
                        }
                    }
                    values[3 * cellCount] = horizon
                    for s in 0..<skillCount {
                        for m in 0..<marketCount {
                            for y in 0..<yearCount {
                                values[3 * cellCount + 1 + (s * marketCount + m) * yearCount + y] =
                                    max(0, forecast.marketGap(skill: s, market: m, year: y))
                            }
                        }
                    }
                    local.append((index, values))
                } catch {
                    failure = error
                    break
                }
                index += workers
            }
            results.withLock { state in
                for (position, values) in local {
                    state.values.replaceSubrange(position * stride..<(position + 1) * stride, with: values)
                }
                if let failure, state.error == nil { state.error = failure }
            }
        }
        let (values, error) = results.withLock { ($0.values, $0.error) }
        if let error { throw error }
        func percentiles(_ offset: Int) -> Percentiles {
            Percentiles((0..<draws).map { values[$0 * stride + offset] })
        }
        var rows: [ForecastRanges.Row] = []
        for (s, skill) in central.skills.enumerated() {
            for (y, year) in central.years.enumerated() {
                let cell = s * yearCount + y
                rows.append(ForecastRanges.Row(
                    skill: skill, year: year, demand: percentiles(cell), supply: percentiles(cellCount + cell),
                    shortage: percentiles(2 * cellCount + cell)))
            }
        }
        return ForecastRanges(
            variant: scenario.variantName, mobility: mobility, draws: draws, seed: seed,
            parameters: scenario.settings.uncertainty.declaredParameters,
            shortageEngineerYears: percentiles(3 * cellCount),
            centralShortageEngineerYears: central.shortageEngineerYears, rows: rows,
            marketShortage: (0..<marketCells).map { percentiles(3 * cellCount + 1 + $0) }, marketCount: marketCount,
            yearCount: yearCount)
    }

    /// The scenario of draw `index`: one value of each declared distribution.
    static func draw(_ scenario: Scenario, index: Int, seed: UInt64) -> Scenario {
        let uncertainty = scenario.settings.uncertainty
        var random = SplitMix64(seed: seed &+ 0x5851_F42D_4C95_7F2D &* UInt64(index + 1))
        func sample(_ distribution: ParameterDistribution?) -> Double? {
            // One number per parameter, drawn whether declared or not, keeps draws aligned.
            let u = Double(random.next() >> 11) * 0x1.0p-53
            return distribution?.quantile(u)
        }
        let productivity = sample(uncertainty.productivityGrowth)
        let attrition = sample(uncertainty.attritionScale)
        let localisation = sample(uncertainty.localisationProgress)
        let entry = sample(uncertainty.entryRateScale)
        let completion = sample(uncertainty.completionRateScale)
        let stay = sample(uncertainty.stayShare)

        var result = scenario
        if let productivity { result.settings.productivityGrowth = productivity }
        if let attrition {
            for index in result.skills.indices {
                let scaled = result.skills[index].attritionRate * attrition
                result.skills[index].attritionRate = min(1, scaled)
            }
        }
        if let localisation {
            let t0 = scenario.settings.baseYear
            for index in result.sectors.indices {
                let path = result.sectors[index].localisation
                let base = path.rate(in: t0)
                result.sectors[index].localisation = LocalisationPath(anchors: path.anchors.map { anchor in
                    .init(year: anchor.year, rate: min(1, max(0, base + localisation * (anchor.rate - base))))
                })
            }
        }
        if entry != nil || completion != nil {
            for index in result.programs.indices {
                if let entry { result.programs[index].industryEntryRate = min(1, result.programs[index].industryEntryRate * entry) }
                if let completion {
                    result.programs[index].completionRate = min(1, result.programs[index].completionRate * completion)
                }
            }
        }
        if let stay { result.settings.mobility = result.settings.mobility.withStayShare(stay) }
        return result
    }
}

extension ForecastUncertainty {
    /// The `scenario.yaml` names of the parameters that have a distribution.
    public var declaredParameters: [String] {
        var names: [String] = []
        if productivityGrowth != nil { names.append("productivity_growth") }
        if attritionScale != nil { names.append("attrition_scale") }
        if localisationProgress != nil { names.append("localisation_progress") }
        if entryRateScale != nil { names.append("entry_rate_scale") }
        if completionRateScale != nil { names.append("completion_rate_scale") }
        if stayShare != nil { names.append("stay_share") }
        return names
    }
}

/// The machine's cores, for spreading independent draws.
enum System {
    static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
