import Workforce

/// The demand, supply and gap projection of DESIGN.md, "The model".
///
/// - Demand: `D[s,r,t] = Σ_k Y[k,r,t0]·(1+g_k)^(t−t0) · L[k,t] · I[s,k] / (1+π)^(t−t0)`.
/// - Supply: `S[s,r,t0]` is the initial stock; for `t > t0`,
///   `S[s,r,t] = S[s,r,t−1]·(1−a_s) + Σ_{p∈(s,r)} G[p,t]·e_p` with `G[p,t] = N[p,t−d_p]·c_p`.
///   The baseline intake `N` is the same in every year, past years included, so every pipeline
///   is full at `t0`; ``AdditionalIntake`` adds seats in given years. Upskilling courses (level
///   `.upskilling`, duration 0) count like any programme: `c·e` engineers per seat in the intake
///   year. The base-year stock is observed, so graduates join from `t0+1` on.
/// - Gap: `Gap0 = D − S`; replacement demand `a_s·S[t−1]`, expansion demand `D[t] − D[t−1]`.
public enum ForecastModel {
    /// Projects a scenario (with whatever variant it already has applied).
    ///
    /// - Throws: ``ForecastError`` when the scenario cannot be projected: an empty horizon,
    ///   localisation anchors that do not cover the horizon, ids that do not resolve, rates out of
    ///   range or not finite.
    /// - Complexity: O(programmes × years + additional intake entries
    ///   + skills × regions × years + sectors × (regions × skills + years)).
    public static func project(
        _ scenario: Scenario, additionalIntake: AdditionalIntake = AdditionalIntake()
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
            for (regionID, output) in sector.baseOutput.sorted(by: { $0.key < $1.key }) {
                guard let r = regionPositions[regionID] else {
                    throw .unknownRegion(regionID, referencedBy: "sector \(sector.id) base output")
                }
                try check(output, "sector \(sector.id) base output in \(regionID)", above: nil)
                for (skillID, intensity) in sector.intensity.sorted(by: { $0.key < $1.key }) {
                    guard let s = skillPositions[skillID] else {
                        throw .unknownSkill(skillID, referencedBy: "sector \(sector.id) intensity")
                    }
                    try check(intensity, "sector \(sector.id) intensity of \(skillID)", above: nil)
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

        // Graduates and entrants per skill × region × year, from t0+1 on.
        var graduates = empty
        var entrants = empty
        var programPositions: [Program.ID: Program] = [:]
        for program in scenario.programs {
            let name = "programme \(program.id)"
            guard let s = skillPositions[program.skill] else {
                throw .unknownSkill(program.skill, referencedBy: name)
            }
            guard let r = regionPositions[program.region] else {
                throw .unknownRegion(program.region, referencedBy: name)
            }
            try check(Double(program.baselineIntake), "\(name) baseline intake", above: nil)
            try check(Double(program.durationYears), "\(name) duration in years", above: nil)
            try checkShare(program.completionRate, "\(name) completion rate")
            try checkShare(program.industryEntryRate, "\(name) industry entry rate")
            programPositions[program.id] = program
            let yearly = Double(program.baselineIntake) * program.completionRate
            guard yearly > 0 else { continue }
            let base = graduates.offset(skill: s, region: r, year: 0)
            for y in 1..<max(yearCount, 1) {
                graduates.values[base + y] += yearly
                entrants.values[base + y] += yearly * program.industryEntryRate
            }
        }
        for (programID, byYear) in additionalIntake.seats.sorted(by: { $0.key < $1.key }) {
            guard let program = programPositions[programID] else { throw .unknownProgram(programID) }
            // Both positions resolved above when the programme was checked.
            guard let s = skillPositions[program.skill], let r = regionPositions[program.region] else { continue }
            for (intakeYear, seats) in byYear.sorted(by: { $0.key < $1.key }) {
                try check(seats, "additional intake of programme \(programID) in \(intakeYear)", above: nil)
                let y = intakeYear + program.durationYears - t0
                guard y >= 1, y < yearCount else { continue }
                let offset = graduates.offset(skill: s, region: r, year: y)
                graduates.values[offset] += seats * program.completionRate
                entrants.values[offset] += seats * program.completionRate * program.industryEntryRate
            }
        }

        // Supply and replacement demand.
        var supply = empty
        var replacement = empty
        for (skillID, byRegion) in scenario.initialStock.sorted(by: { $0.key < $1.key }) {
            guard let s = skillPositions[skillID] else {
                throw .unknownSkill(skillID, referencedBy: "initial stock")
            }
            for (regionID, stock) in byRegion.sorted(by: { $0.key < $1.key }) {
                guard let r = regionPositions[regionID] else {
                    throw .unknownRegion(regionID, referencedBy: "initial stock of \(skillID)")
                }
                try check(stock, "initial stock of \(skillID) in \(regionID)", above: nil)
                supply[s, r, 0] = stock
            }
        }
        for (s, skill) in scenario.skills.enumerated() {
            let attrition = skill.attritionRate
            for r in 0..<regionCount {
                let base = supply.offset(skill: s, region: r, year: 0)
                for y in 1..<max(yearCount, 1) {
                    let leaving = attrition * supply.values[base + y - 1]
                    replacement.values[base + y] = leaving
                    supply.values[base + y] = supply.values[base + y - 1] - leaving + entrants.values[base + y]
                }
            }
        }

        return Forecast(
            scenarioName: settings.name, variantName: scenario.variantName, years: years,
            skills: scenario.skills.map(\.id), regions: scenario.regions.map(\.id),
            attritionRates: scenario.skills.map(\.attritionRate), demand: demand,
            expansionDemand: expansion, replacementDemand: replacement, supply: supply,
            graduates: graduates, entrants: entrants)
    }

    /// Projects the scenario under each variant, side by side.
    ///
    /// - Throws: ``ForecastError`` from the first variant that cannot be projected.
    public static func compare(
        _ scenario: Scenario, variants: [ScenarioVariant],
        additionalIntake: AdditionalIntake = AdditionalIntake()
    ) throws(ForecastError) -> ForecastComparison {
        var forecasts: [Forecast] = []
        for variant in variants {
            forecasts.append(try project(scenario.applying(variant), additionalIntake: additionalIntake))
        }
        return try ForecastComparison(forecasts)
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
    private static func check(_ value: Double, _ field: String, above lower: Double?) throws(ForecastError) {
        if let lower {
            guard value.isFinite, value > lower else {
                throw .invalidValue(field: field, value: value, expected: "a finite number above \(lower)")
            }
        } else {
            guard value.isFinite, value >= 0 else {
                throw .invalidValue(field: field, value: value, expected: "a finite number, 0 or more")
            }
        }
    }

    /// Checks that a value is a share between 0 and 1.
    private static func checkShare(_ value: Double, _ field: String) throws(ForecastError) {
        guard value.isFinite, value >= 0, value <= 1 else {
            throw .invalidValue(field: field, value: value, expected: "a share from 0 to 1")
        }
    }
}
