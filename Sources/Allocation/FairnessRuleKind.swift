/// The fund's fairness rules, each a named group of rows in the allocation model.
///
/// The raw value is the rule's stable name: it prefixes every row of the group
/// (`fair.regional-floor[HN]`), and explanations, CSV files and infeasibility reports use it.
public enum FairnessRuleKind: String, CaseIterable, Hashable, Sendable, Codable, Comparable,
    CustomStringConvertible
{
    /// No institution receives more than a share of total spend.
    case institutionShareCap = "institution-share-cap"
    /// Each listed region (or every region with an instrument) receives at least a share.
    case regionalFloor = "regional-floor"
    /// Each region's spend share stays within a tolerance of its share of the shortage.
    case needProportionalRegions = "need-proportional-regions"
    /// Domestic SMEs receive at least a share of internship support.
    case domesticSMEInternships = "domestic-sme-internships"
    /// Each listed skill receives at least its share of total spend.
    case skillMinimum = "skill-minimum"

    /// The rule's stable name, e.g. `regional-floor`.
    public var description: String { rawValue }

    /// The rule's key in `fund.yaml`'s `fairness` block, e.g. `regional_floor`.
    public var yamlKey: String {
        switch self {
        case .institutionShareCap: "institution_share_cap"
        case .regionalFloor: "regional_floor"
        case .needProportionalRegions: "need_proportional_tolerance"
        case .domesticSMEInternships: "domestic_sme_internship_share"
        case .skillMinimum: "skill_minimum_share"
        }
    }

    /// Orders rules as ``allCases`` lists them (the order of `fund.yaml`).
    public static func < (lhs: FairnessRuleKind, rhs: FairnessRuleKind) -> Bool {
        order(lhs) < order(rhs)
    }

    private static func order(_ kind: FairnessRuleKind) -> Int {
        allCases.firstIndex(of: kind) ?? 0
    }
}
