import Workforce

/// What one unit of an instrument adds to the engineer stock of its skill and region, year by year.
///
/// One unit adds ``engineersPerUnit`` engineers in ``landingYear``; afterwards they leave with the
/// skill's attrition like the rest of the stock: `k · (1 − a_s)^(τ − landingYear)` in year `τ ≥
/// landingYear`, nothing before.
///
/// - Scholarship seat (intake `t`, duration `d`, completion `c`, entry `e`): `k = c·e`, landing
///   at `t + d` (`d = 0`: the same year), as the forecast counts graduates.
/// - Internship stipend in year `t`: `k = entry uplift`, landing at `t + 1`. The policy's uplift is
///   the added probability that the funded intern takes a job in the supporting industries in
///   the posting's region; the intern finishes studying and enters the stock the year after the
///   internship (one year is the usual gap between a final-year internship and a first job).
/// - On-site training seat in year `t`: `k = c·e` of the course, landing at `t + d` (courses are
///   short: `d = 0`, the same year).
///
/// Supply that lands after the horizon closes no shortage in the model.
public struct EffectSchedule: Hashable, Sendable, Codable {
    /// The skill of the engineers added.
    public var skill: Skill.ID
    /// The region where they work.
    public var region: Region.ID
    /// The year they join the stock.
    public var landingYear: Int
    /// Engineers added per unit in the landing year.
    public var engineersPerUnit: Double

    /// An effect of `engineersPerUnit` engineers of `skill` in `region` from `landingYear`.
    public init(skill: Skill.ID, region: Region.ID, landingYear: Int, engineersPerUnit: Double) {
        self.skill = skill
        self.region = region
        self.landingYear = landingYear
        self.engineersPerUnit = engineersPerUnit
    }

    /// Engineers one unit adds to the stock in `year`, given the skill's attrition rate.
    /// - Complexity: O(year − landing year).
    public func engineers(in year: Int, attritionRate: Double) -> Double {
        guard year >= landingYear else { return 0 }
        return engineersPerUnit * Self.survival(attritionRate: attritionRate, years: year - landingYear)
    }

    /// `(1 − a)^years`, 1 for `years ≤ 0`.
    public static func survival(attritionRate: Double, years: Int) -> Double {
        guard years > 0 else { return 1 }
        var factor = 1.0
        for _ in 0..<years { factor *= 1 - attritionRate }
        return factor
    }

    /// Whether the unit adds anything inside the horizon ending in `lastYear`.
    public func landsBy(_ lastYear: Int) -> Bool { landingYear <= lastYear && engineersPerUnit > 0 }
}
