/// A set of fairness rule groups that cannot all hold while the fund spends money.
///
/// Found by ``AllocationPlanner`` with an elastic relaxation (a slack on every rule row,
/// minimising the slack) followed by a deletion filter over the groups, so the set is minimal:
/// dropping any one of its groups lets the others hold.
public struct PolicyConflict: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A rule row the least-violating plan could not satisfy, with how far it fell short.
    public struct Violation: Hashable, Sendable, Codable {
        /// The row, e.g. `fair.regional-floor[HP]`.
        public var row: String
        /// The requirement in words, e.g. `HP ≥ 60.0 % of total spend`.
        public var requirement: String
        /// How far the least-violating plan falls short, as a share of its total spend.
        public var shortfallShare: Double

        /// A violation; see the properties.
        public init(row: String, requirement: String, shortfallShare: Double) {
            self.row = row
            self.requirement = requirement
            self.shortfallShare = shortfallShare
        }
    }

    /// The conflicting rule groups (a minimal set), in rule order.
    public var rules: [FairnessRuleKind]
    /// Facts that explain the conflict, e.g. `regional floors sum to 120.0 % of spend`.
    public var findings: [String]
    /// The rows the least-violating plan breaks.
    public var violations: [Violation]

    /// A conflict; see the properties.
    public init(rules: [FairnessRuleKind], findings: [String], violations: [Violation]) {
        self.rules = rules
        self.findings = findings
        self.violations = violations
    }

    /// `regional-floor and institution-share-cap cannot both hold while the fund spends money: …`.
    public var description: String {
        let names = rules.map(\.rawValue)
        let subject: String
        switch names.count {
        case 0: subject = "the fairness rules cannot hold"
        case 1: subject = "\(names[0]) cannot hold"
        case 2: subject = "\(names[0]) and \(names[1]) cannot both hold"
        default: subject = names.dropLast().joined(separator: ", ") + " and \(names.last ?? "") cannot all hold"
        }
        var parts = findings
        for violation in violations.prefix(5) {
            parts.append(
                "\(violation.row) (\(violation.requirement)) falls short by "
                    + "\(FairnessRequirement.percent(violation.shortfallShare)) of spend")
        }
        if violations.count > 5 { parts.append("and \(violations.count - 5) more rows") }
        let reasons = parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
        return "\(subject) while the fund spends money\(reasons); relax or drop one of them in fund.yaml"
    }
}
