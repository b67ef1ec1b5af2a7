import Forecast
import Workforce

/// What one unit of an instrument adds to the engineer stock where it is trained, year by year.
///
/// One unit adds ``engineersPerUnit`` engineers in ``landingYear`` in ``region`` (the origin);
/// the forecast's mobility then spreads them over provinces and they leave with the skill's
/// attrition like the rest of the stock (``Forecast/addCohort(_:skill:origin:landingYear:upskilledStaff:into:)``
/// does both): `k · (1 − a_s)^(τ − landingYear)` in year `τ ≥ landingYear`, nothing before.
///
/// - Scholarship seat (intake `t`, duration `d`, completion `c`, entry `e`, effective-supply
///   factor `f`): `k = additionality · c·e·f`, landing at `t + d` (`d = 0`: the same year).
/// - Internship stipend in year `t`: `k = entry uplift`, the added probability that the intern
///   joins the supporting industries, landing when the intern graduates: `t` plus the years left
///   in the programmes of the eligible students who ranked the posting's province (at least 1).
/// - On-site training seat in year `t`: `k = c·e·f` of the course, landing at `t + d` (courses are
///   short: `d = 0`, the same year), where the upskilled staff already work.
///
/// Supply that lands after the horizon and its terminal years closes no shortage in the model.
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

    /// `(1 − a)^years`, 1 for `years ≤ 0` (the forecast's ``Forecast/survivalFactor(attritionRate:years:)``).
    public static func survival(attritionRate: Double, years: Int) -> Double {
        Forecast.survivalFactor(attritionRate: attritionRate, years: years)
    }

    /// Whether the unit adds anything inside the horizon ending in `lastYear`.
    public func landsBy(_ lastYear: Int) -> Bool { landingYear <= lastYear && engineersPerUnit > 0 }
}
