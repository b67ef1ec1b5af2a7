import Workforce

/// Why a scenario cannot be forecast: bad input found by the model itself.
///
/// The loader checks the same things with file and line; these errors keep the pure model from
/// crashing or silently projecting nonsense when it is called with a scenario built in code.
/// Each case says what to fix.
public enum ForecastError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The horizon has no years (`horizonYears` < 1).
    case emptyHorizon(horizonYears: Int)
    /// Two skills share an id.
    case duplicateSkill(Skill.ID)
    /// Two regions share an id.
    case duplicateRegion(Region.ID)
    /// A sector's localisation path has no anchors.
    case localisationMissing(sector: Sector.ID)
    /// A sector's localisation anchors are not in strictly increasing year order.
    case localisationNotIncreasing(sector: Sector.ID)
    /// A sector's localisation anchors do not cover every year of the horizon.
    case localisationOutsideHorizon(sector: Sector.ID, anchors: ClosedRange<Int>, horizon: ClosedRange<Int>)
    /// A skill id used by `referencedBy` (e.g. "programme P1") is not among the scenario's skills.
    case unknownSkill(Skill.ID, referencedBy: String)
    /// A region id used by `referencedBy` is not among the scenario's regions.
    case unknownRegion(Region.ID, referencedBy: String)
    /// Additional intake names a programme the scenario does not have.
    case unknownProgram(Program.ID)
    /// A number is out of range or not finite; `field` names where it is.
    case invalidValue(field: String, value: Double, expected: String)
    /// Forecasts compared side by side must share years, skills and regions.
    case incomparableForecasts(reason: String)

    /// A one-line message that names the offending input and what is expected.
    public var description: String {
        switch self {
        case .emptyHorizon(let years):
            "the horizon has \(years) years; set horizon_years to 1 or more"
        case .duplicateSkill(let id):
            "skill \(id) is defined twice; give each skill its own id"
        case .duplicateRegion(let id):
            "region \(id) is defined twice; give each region its own id"
        case .localisationMissing(let sector):
            "sector \(sector): localisation has no anchor years; give at least one year and rate"
        case .localisationNotIncreasing(let sector):
            "sector \(sector): localisation anchor years must be strictly increasing"
        case .localisationOutsideHorizon(let sector, let anchors, let horizon):
            if horizon.lowerBound < anchors.lowerBound {
                "sector \(sector): localisation anchors cover \(anchors.lowerBound)–\(anchors.upperBound) "
                    + "but the horizon starts in \(horizon.lowerBound); add an anchor at or before "
                    + "\(horizon.lowerBound)"
            } else {
                "sector \(sector): localisation anchors cover \(anchors.lowerBound)–\(anchors.upperBound) "
                    + "but the horizon runs to \(horizon.upperBound); add an anchor at or after "
                    + "\(horizon.upperBound)"
            }
        case .unknownSkill(let id, let user):
            "\(user) refers to skill \(id), which the scenario does not define"
        case .unknownRegion(let id, let user):
            "\(user) refers to region \(id), which the scenario does not define"
        case .unknownProgram(let id):
            "additional intake refers to programme \(id), which the scenario does not define"
        case .invalidValue(let field, let value, let expected):
            "\(field) is \(value); expected \(expected)"
        case .incomparableForecasts(let reason):
            "forecasts cannot be compared side by side: \(reason)"
        }
    }
}
