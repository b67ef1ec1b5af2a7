import Workforce

/// Where the engineers of a supply figure came from: the base-year stock or the programmes of
/// one qualification level that joined it since (decayed by attrition like the rest).
public enum SupplySource: String, CaseIterable, Hashable, Sendable, Codable {
    /// Engineers working in the base year.
    case baseStock = "base_stock"
    /// Vocational (intermediate) diploma holders.
    case vocational
    /// College diploma holders.
    case college
    /// Bachelor's degree holders.
    case bachelor
    /// Staff already at work who completed an upskilling course, as effective supply.
    case upskilledStaff = "upskilled_staff"

    /// The source of completers of a programme of `level`.
    public init(level: QualificationLevel) {
        switch level {
        case .vocational: self = .vocational
        case .college: self = .college
        case .bachelor: self = .bachelor
        case .upskilling: self = .upskilledStaff
        }
    }

    /// Position in ``allCases`` (and in ``Forecast/supplyBySource``).
    public var position: Int {
        switch self {
        case .baseStock: 0
        case .vocational: 1
        case .college: 2
        case .bachelor: 3
        case .upskilledStaff: 4
        }
    }
}
