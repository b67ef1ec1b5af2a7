import Workforce

/// The demand, supply and gap projection of DESIGN.md, "The model".
///
/// - Demand: `D[s,r,t] = Σ_k Y[k,r,t0]·(1+g_k)^(t−t0) · L[k,t] · I[s,k] / (1+π)^(t−t0)`.
/// - Supply: `S[s,r,t0]` is the initial stock; for `t > t0`,
///   `S[s,r,t] = S[s,r,t−1]·(1−a_s) + Σ_o M_s[o,r] · Σ_{p∈(s,o)} G[p,t]·e_p·f_p` with
///   `G[p,t] = N[p,t−d_p]·c_p`, `M_s` the graduate ``MobilityMatrix`` and `f_p` the curriculum's
///   effective-supply factor (upskilled staff add no headcount: `f_p` is the share of an
///   engineer's work they take on, 0 unless the curriculum states one). The baseline intake `N`
///   is the same in every year, past years included, so every pipeline is full at `t0`;
///   ``AdditionalIntake`` adds seats in given years (seats landing in `t0` count from `t0`).
///   The base-year stock is observed, so baseline graduates join from `t0+1` on.
/// - Separations: `a_s = retirement_s + transfer_s + other_s`; replacement demand `a_s·S[t−1]`
///   is reported split into the three parts, which sum to it.
/// - Gap: `Gap0 = D − S`; expansion demand `D[t] − D[t−1]`. Shortage is counted per labour
///   market (``MobilityMode``): per province, or per skill nationally.
public enum ForecastModel {
    /// Projects a scenario (with whatever variant it already has applied).
    ///
    /// - Throws: ``ForecastError`` when the scenario cannot be projected: an empty horizon,
    ///   localisation anchors that do not cover the horizon, ids that do not resolve, rates out of
    ///   range or not finite.
    /// - Complexity: O(programmes × years + additional intake entries
    ///   + skills × regions × years + sectors × (regions × skills + years)).
    public static func project(
        _ scenario: Scenario, additionalIntake: AdditionalIntake = AdditionalIntake(),
        mobility mode: MobilityMode = .scenario
    ) throws(ForecastError) -> Forecast {
        try project(scenario, additionalIntake: additionalIntake, mobility: mode, programPlaces: nil)
    }

    /// The skill and region positions of a programme (in the scenario's skills and regions).
    struct ProgramPlace {
        let skill: Int
        let region: Int
    }

    /// Each programme's place, in programme order; nil when a programme's skill or region is not
    /// the scenario's (``project(_:additionalIntake:mobility:)`` says which).
    static func programPlaces(_ scenario: Scenario) -> [ProgramPlace]? {
        let skills = Dictionary(scenario.skills.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let regions = Dictionary(scenario.regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var places: [ProgramPlace] = []
        places.reserveCapacity(scenario.programs.count)
        for program in scenario.programs {
            guard let skill = skills[program.skill], let region = regions[program.region] else { return nil }
            places.append(ProgramPlace(skill: skill, region: region))
        }
        return places
    }

    /// The projection, with the programmes' places when known (`programPlaces`, for a scenario
    /// whose programmes, skills and regions are those they were worked out from: the ranges'
    /// draws change only rates); looked up otherwise.
    static func project(
        _ scenario: Scenario, additionalIntake: AdditionalIntake, mobility mode: MobilityMode, programPlaces: [ProgramPlace]?
    ) throws(ForecastError) -> Forecast {
        let settings = scenario.settings
        guard settings.horizonYears >= 1 else { throw .emptyHorizon(horizonYears: settings.horizonYears) }
        let t0 = settings.baseYear
        let years = Array(t0..<(t0 + settings.horizonYears))
        let horizon = t0...(t0 + settings.horizonYears - 1)
        try check(settings.productivityGrowth, "productivity growth", above: -1)

        var skillPositions: [Skill.ID: Int] = [:]
        for (position, skill) in scenario.skills.enumerated() {
            guard skillPositions.updateValue(position, forKey: skill.id) == nil else {
                throw .duplicateSkill(skill.id)
            }
            try checkShare(skill.separations.retirement, "skill \(skill.id) retirement rate")
            try checkShare(skill.separations.transfer, "skill \(skill.id) transfer rate")
            try checkShare(skill.separations.other, "skill \(skill.id) other exit rate")
            try checkShare(skill.attritionRate, "skill \(skill.id) attrition rate")
        }
        var regionPositions: [Region.ID: Int] = [:]
        for (position, region) in scenario.regions.enumerated() {
            guard regionPositions.updateValue(position, forKey: region.id) == nil else {
                throw .duplicateRegion(region.id)
            }
        }
        let skillCount = scenario.skills.count
        let regionCount = scenario.regions.count
        let yearCount = years.count
        let empty = ForecastGrid(skillCount: skillCount, regionCount: regionCount, yearCount: yearCount)

        // Demand.
        var demand = empty
        let productivity = 1 + settings.productivityGrowth
        for sector in scenario.sectors {
            let factors = try demandFactors(sector, years: years, horizon: horizon, productivity: productivity)
            // Resolved and checked at the first region, as before, but sorted and looked up once
            // per sector, not once per region (the ranges project a thousand times).
            var intensities: [(skill: Int, intensity: Double)]?
            for (regionID, output) in sector.baseOutput.sorted(by: { $0.key < $1.key }) {
                guard let r = regionPositions[regionID] else {
                    throw .unknownRegion(regionID, referencedBy: "sector \(sector.id) base output")
                }
                try check(output, "sector \(sector.id) base output in \(regionID)", above: nil)
                let resolved: [(skill: Int, intensity: Double)]
                if let intensities {
                    resolved = intensities
                } else {
                    resolved = try resolvedIntensities(sector, skillPositions: skillPositions)
                    intensities = resolved
                }
                for (s, intensity) in resolved {
                    let base = demand.offset(skill: s, region: r, year: 0)
                    for y in 0..<yearCount { demand.values[base + y] += output * intensity * factors[y] }
                }
            }
        }
        var expansion = empty
        for s in 0..<skillCount {
            for r in 0..<regionCount {
                let base = demand.offset(skill: s, region: r, year: 0)
                for y in 1..<max(yearCount, 1) {
                    expansion.values[base + y] = demand.values[base + y] - demand.values[base + y - 1]
                }
            }
        }

        // Graduate mobility: the moving shares follow base-year demand.
        let matrix: MobilityMatrix
        if mode == .none {
            matrix = .identity(skillCount: skillCount, regionCount: regionCount)
        } else {
            try checkMobility(settings.mobility)
            let weights = (0..<skillCount).map { s in (0..<regionCount).map { r in demand[s, r, 0] } }
            matrix = .build(settings.mobility, regions: scenario.regions, regionPositions: regionPositions,
                            demandWeight: weights)
        }

        // Graduates by origin; effective supply entering by source, skill, origin and year.
        let sourceCount = SupplySource.allCases.count
        var graduates = empty
        var entering = Array(repeating: empty, count: sourceCount)
        var programPositions: [Program.ID: Program] = [:]
        let places = programPlaces.flatMap { $0.count == scenario.programs.count ? $0 : nil }
        for (index, program) in scenario.programs.enumerated() {
            var name: String { "programme \(program.id)" }
            let s: Int, r: Int
            if let places {
                (s, r) = (places[index].skill, places[index].region)
            } else {
                guard let skill = skillPositions[program.skill] else {
                    throw .unknownSkill(program.skill, referencedBy: name)
                }
                guard let region = regionPositions[program.region] else {
                    throw .unknownRegion(program.region, referencedBy: name)
                }
                (s, r) = (skill, region)
            }
            try check(Double(program.baselineIntake), "\(name) baseline intake", above: nil)
            try check(Double(program.durationYears), "\(name) duration in years", above: nil)
            try checkShare(program.completionRate, "\(name) completion rate")
            try checkShare(program.industryEntryRate, "\(name) industry entry rate")
            try checkShare(program.effectiveSupplyFactor, "\(name) effective supply factor")
            // Only read for additional intake (the ranges' 1,000 projections have none).
            if !additionalIntake.seats.isEmpty { programPositions[program.id] = program }
            let yearly = Double(program.baselineIntake) * program.completionRate
            guard yearly > 0 else { continue }
            let source = SupplySource(level: program.level).position
            let base = graduates.offset(skill: s, region: r, year: 0)
            let effective = yearly * program.industryEntryRate * program.effectiveSupplyFactor
            for y in 1..<max(yearCount, 1) {
                graduates.values[base + y] += yearly
                entering[source].values[base + y] += effective
            }
        }
        for (programID, byYear) in additionalIntake.seats.sorted(by: { $0.key < $1.key }) {
            guard let program = programPositions[programID] else { throw .unknownProgram(programID) }
            // Both positions resolved above when the programme was checked.
            guard let s = skillPositions[program.skill], let r = regionPositions[program.region] else { continue }
            let source = SupplySource(level: program.level).position
            for (intakeYear, seats) in byYear.sorted(by: { $0.key < $1.key }) {
                try check(seats, "additional intake of programme \(programID) in \(intakeYear)", above: nil)
                // Seats landing in the base year (on-site courses bought in t0) count from t0.
                let y = intakeYear + program.durationYears - t0
                guard y >= 0, y < yearCount else { continue }
                let offset = graduates.offset(skill: s, region: r, year: y)
                graduates.values[offset] += seats * program.completionRate
                entering[source].values[offset] += seats * program.engineersPerSeat
            }
        }

        // Arrivals at each destination, then supply by source and the separations.
        // The innermost loop of the Monte Carlo ranges (skills × origins × destinations × years
        // per draw): over the grids' storage, each cell summed in the same order as ever.
        var arrivals = Array(repeating: empty, count: sourceCount)
        for source in 0..<sourceCount {
            let entered = entering[source].values
            arrivals[source].values.withUnsafeMutableBufferPointer { arrived in
                for s in 0..<skillCount {
                    for o in 0..<regionCount {
                        let base = empty.offset(skill: s, region: o, year: 0)
                        // An origin with no entrants of the skill adds exactly +0.0 to each cell.
                        guard entered[base..<(base + yearCount)].contains(where: { $0 != 0 }) else { continue }
                        // Upskilled staff already work somewhere: they stay; graduates move.
                        let destinations = source == SupplySource.upskilledStaff.position
                            ? [(position: o, share: 1.0)] : matrix.destinations(skill: s, origin: o)
                        for (d, share) in destinations {
                            let target = empty.offset(skill: s, region: d, year: 0)
                            for y in 0..<yearCount { arrived[target + y] += entered[base + y] * share }
                        }
                    }
                }
            }
        }
        var bySource = arrivals
        for (skillID, byRegion) in scenario.initialStock.sorted(by: { $0.key < $1.key }) {
            guard let s = skillPositions[skillID] else {
                throw .unknownSkill(skillID, referencedBy: "initial stock")
            }
            for (regionID, stock) in byRegion.sorted(by: { $0.key < $1.key }) {
                guard let r = regionPositions[regionID] else {
                    throw .unknownRegion(regionID, referencedBy: "initial stock of \(skillID)")
                }
                try check(stock, "initial stock of \(skillID) in \(regionID)", above: nil)
                bySource[SupplySource.baseStock.position][s, r, 0] += stock
            }
        }
        var supply = empty
        var entrants = empty
        var retirements = empty
        var transfers = empty
        var otherExits = empty
        let rates = scenario.skills.map(\.separations)
        for (s, rate) in rates.enumerated() {
            let keep = 1 - rate.total
            for r in 0..<regionCount {
                let base = supply.offset(skill: s, region: r, year: 0)
                for y in 0..<yearCount {
                    var total = 0.0
                    var arrived = 0.0
                    for source in 0..<sourceCount {
                        if y > 0 { bySource[source].values[base + y] += bySource[source].values[base + y - 1] * keep }
                        total += bySource[source].values[base + y]
                        arrived += arrivals[source].values[base + y]
                    }
                    supply.values[base + y] = total
                    entrants.values[base + y] = arrived
                    guard y > 0 else { continue }
                    let previous = supply.values[base + y - 1]
                    retirements.values[base + y] = rate.retirement * previous
                    transfers.values[base + y] = rate.transfer * previous
                    otherExits.values[base + y] = rate.other * previous
                }
            }
        }

        return Forecast(
            scenarioName: settings.name, variantName: scenario.variantName, years: years,
            skills: scenario.skills.map(\.id), regions: scenario.regions.map(\.id),
            separationRates: rates, demand: demand, expansionDemand: expansion, retirements: retirements,
            transfers: transfers, otherExits: otherExits, supply: supply, supplyBySource: bySource,
            graduates: graduates, entrants: entrants, mobility: mode, mobilityMatrix: matrix)
    }

    /// Projects the scenario under each variant, side by side.
    ///
    /// - Throws: ``ForecastError`` from the first variant that cannot be projected.
    public static func compare(
        _ scenario: Scenario, variants: [ScenarioVariant],
        additionalIntake: AdditionalIntake = AdditionalIntake(), mobility: MobilityMode = .scenario
    ) throws(ForecastError) -> ForecastComparison {
        var forecasts: [Forecast] = []
        for variant in variants {
            forecasts.append(try project(scenario.applying(variant), additionalIntake: additionalIntake, mobility: mobility))
        }
        return try ForecastComparison(forecasts)
    }

    /// The sector's skill intensities in skill-code order, with each skill's position.
    private static func resolvedIntensities(
        _ sector: Sector, skillPositions: [Skill.ID: Int]
    ) throws(ForecastError) -> [(skill: Int, intensity: Double)] {
        var resolved: [(skill: Int, intensity: Double)] = []
        for (skillID, intensity) in sector.intensity.sorted(by: { $0.key < $1.key }) {
            guard let s = skillPositions[skillID] else {
                throw .unknownSkill(skillID, referencedBy: "sector \(sector.id) intensity")
            }
            try check(intensity, "sector \(sector.id) intensity of \(skillID)", above: nil)
            resolved.append((s, intensity))
        }
        return resolved
    }

    /// `(1+g)^(t−t0) · L[k,t] / (1+π)^(t−t0)` for each year of the horizon.
    private static func demandFactors(
        _ sector: Sector, years: [Int], horizon: ClosedRange<Int>, productivity: Double
    ) throws(ForecastError) -> [Double] {
        let path = sector.localisation
        guard let first = path.anchors.first, let last = path.anchors.last else {
            throw .localisationMissing(sector: sector.id)
        }
        // Checked before forming a range: `coveredYears` would trap on anchors out of order.
        for (earlier, later) in zip(path.anchors, path.anchors.dropFirst()) where later.year <= earlier.year {
            throw .localisationNotIncreasing(sector: sector.id)
        }
        let covered = first.year...last.year
        for anchor in path.anchors {
            try checkShare(anchor.rate, "sector \(sector.id) localisation rate in \(anchor.year)")
        }
        guard covered.lowerBound <= horizon.lowerBound, covered.upperBound >= horizon.upperBound else {
            throw .localisationOutsideHorizon(sector: sector.id, anchors: covered, horizon: horizon)
        }
        try check(sector.growthRate, "sector \(sector.id) growth rate", above: -1)
        let growth = 1 + sector.growthRate
        var factors: [Double] = []
        factors.reserveCapacity(years.count)
        var grown = 1.0
        var productive = 1.0
        for year in years {
            factors.append(grown * path.rate(in: year) / productive)
            grown *= growth
            productive *= productivity
        }
        return factors
    }

    /// Checks that a value is finite and either non-negative (`above` nil) or greater than `above`.
    // The field's name is built only for an error: the ranges project 1,000 times, and building
    // every programme's names each time showed in their profile.
    private static func check(_ value: Double, _ field: @autoclosure () -> String, above lower: Double?) throws(ForecastError) {
        if let lower {
            guard value.isFinite, value > lower else {
                throw .invalidValue(field: field(), value: value, expected: "a finite number above \(lower)")
            }
        } else {
            guard value.isFinite, value >= 0 else {
                throw .invalidValue(field: field(), value: value, expected: "a finite number, 0 or more")
            }
        }
    }

    /// Checks the mobility's shares: each 0–1, summing to 1; explicit rows summing to 1.
    private static func checkMobility(_ mobility: GraduateMobility) throws(ForecastError) {
        try checkShare(mobility.stayShare, "mobility stay share")
        try checkShare(mobility.macroRegionShare, "mobility macro-region share")
        try checkShare(mobility.nationalShare, "mobility national share")
        let total = mobility.stayShare + mobility.macroRegionShare + mobility.nationalShare
        guard abs(total - 1) <= 1e-6 else {
            throw .invalidValue(field: "mobility shares (stay + macro-region + national)", value: total, expected: "a sum of 1")
        }
        for (origin, row) in mobility.rows.sorted(by: { $0.key < $1.key }) {
            for (destination, share) in row { try checkShare(share, "mobility share \(origin) → \(destination)") }
            let sum = row.values.reduce(0, +)
            guard abs(sum - 1) <= 1e-6 else {
                throw .invalidValue(field: "mobility row of \(origin)", value: sum, expected: "shares that sum to 1")
            }
        }
    }

    /// Checks that a value is a share between 0 and 1.
    private static func checkShare(_ value: Double, _ field: @autoclosure () -> String) throws(ForecastError) {
        guard value.isFinite, value >= 0, value <= 1 else {
            throw .invalidValue(field: field(), value: value, expected: "a share from 0 to 1")
        }
    }
}
