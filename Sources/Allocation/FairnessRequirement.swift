import Workforce

/// One row of a fairness rule: the effective spend of a subject (an institution, a region, a
/// skill, the domestic SMEs) compared with a share of a base: the budget for caps, the effective
/// spend (or effective internship spend) for floors and minimums.
///
/// `measure ≥ share · base` (``Bound-swift.enum/atLeast``) or `measure ≤ share · base`
/// (``Bound-swift.enum/atMost``). Only spend on items that can close shortage counts (see
/// `RuleSubjects`), so no rule can be met by waste. A plan that spends nothing satisfies all of
/// them, so a policy is *infeasible* when no plan that spends money satisfies it
/// (see ``AllocationError/infeasiblePolicy(conflicts:)``).
public struct FairnessRequirement: Hashable, Sendable, Codable {
    /// Which side of the share the measure must stay on.
    public enum Bound: String, Hashable, Sendable, Codable {
        /// `measure ≥ share · base`.
        case atLeast = "at_least"
        /// `measure ≤ share · base`.
        case atMost = "at_most"
    }

    /// What the share is a share of.
    public enum Base: String, Hashable, Sendable, Codable {
        /// The fund's budget over all years (caps: a base no plan can inflate).
        case budget
        /// Spend on items that can close shortage (floors and minimums).
        case effectiveSpend = "effective_spend"
        /// Internship stipends on items that can close shortage.
        case internshipSpend = "internship_spend"
    }

    /// Whose spend is measured.
    public enum Subject: Hashable, Sendable, Codable {
        /// Scholarship and on-site seats of the institution's programmes.
        case institution(Institution.ID)
        /// Every instrument located in the region (programme's institution region, posting region).
        case region(Region.ID)
        /// Every instrument adding engineers of the skill.
        case skill(Skill.ID)
        /// Internship stipends at domestic micro, small and medium enterprises.
        case domesticSMEInternships
    }

    /// The rule group.
    public var rule: FairnessRuleKind
    /// The row's name in the model, e.g. `fair.regional-floor[HN]`.
    public var name: String
    /// Whose spend is measured.
    public var subject: Subject
    /// The side of the share.
    public var bound: Bound
    /// The share (0–1 for floors and caps; need-proportional rows may exceed 1).
    public var share: Double
    /// What the share is of.
    public var base: Base
    /// The budget year the row holds in, for a rule meant per year (`per_year` in fund.yaml):
    /// measure and base count only what is bought that year, and a cap's base is that year's
    /// budget. Nil: over the whole plan.
    public var year: Int?

    /// A requirement; see the properties.
    public init(rule: FairnessRuleKind, name: String, subject: Subject, bound: Bound, share: Double, base: Base,
                year: Int? = nil) {
        self.rule = rule
        self.name = name
        self.subject = subject
        self.bound = bound
        self.share = share
        self.base = base
        self.year = year
    }

    /// The subject's code (`HN`, `INST-HUST`, `MAT`), or `domestic-sme` .
    public var subjectCode: String {
        switch subject {
        case .institution(let id): id.rawValue
        case .region(let id): id.rawValue
        case .skill(let id): id.rawValue
        case .domesticSMEInternships: "domestic-sme"
        }
    }

    /// In words: `HN ≥ 1.0 % of total spend`.
    public var text: String {
        let relation = bound == .atLeast ? "≥" : "≤"
        let of = switch base {
        case .budget: "the budget"
        case .effectiveSpend: "effective spend"
        case .internshipSpend: "effective internship spend"
        }
        return "\(subjectCode) \(relation) \(Self.percent(share)) of \(of)" + (year.map { " in \($0)" } ?? "")
    }

    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return "\(value) %"
    }

    /// The requirements a fund's rules impose on a scenario, in rule order then subject order.
    ///
    /// - Institution cap: one row per institution that has an instrument.
    /// - Regional floor: one row per listed region, or with no list, per region that has an
    ///   instrument.
    /// - Need-proportional regions: two rows per region that has an instrument,
    ///   `(1 ± tolerance) · n_r`, where `n_r` is the region's share of the shortage
    ///   engineer-years before the plan among those regions (`needShares`); no rows when there is
    ///   no shortage at all. Regions without an instrument cannot receive money and are left out
    ///   (otherwise the rule could only hold by spending nothing).
    /// - Domestic SME internships: one row, when the internship instrument has postings.
    /// - Skill minimum: one row per listed skill.
    ///
    /// - Parameters:
    ///   - rules: the fund's rules (validated).
    ///   - institutions: institutions with an instrument, in scenario order.
    ///   - regions: regions with an instrument, in scenario order.
    ///   - needShares: `n_r` of each region in `regions` (summing to 1), empty without shortage.
    ///   - hasInternships: whether some internship variable exists.
    ///   - budgetYears: the budget years; a rule listed in `per_year` gets one row per year
    ///     (`fair.regional-floor[HN,2027]`).
    /// - Complexity: O((institutions + regions + skills) × budget years).
    public static func requirements(
        rules: FairnessRules, institutions: [Institution.ID], regions: [Region.ID],
        needShares: [Region.ID: Double], hasInternships: Bool, budgetYears: [Int] = []
    ) -> [FairnessRequirement] {
        let overall = requirements(rules: rules, institutions: institutions, regions: regions, needShares: needShares,
                                   hasInternships: hasInternships)
        guard !rules.perYear.isEmpty else { return overall }
        return overall.flatMap { requirement -> [FairnessRequirement] in
            guard rules.perYear.contains(requirement.rule.yamlKey) else { return [requirement] }
            return budgetYears.map { year in
                var yearly = requirement
                yearly.year = year
                yearly.name = requirement.name.hasSuffix("]")
                    ? String(requirement.name.dropLast()) + ",\(year)]" : requirement.name + "[\(year)]"
                return yearly
            }
        }
    }

    private static func requirements(
        rules: FairnessRules, institutions: [Institution.ID], regions: [Region.ID],
        needShares: [Region.ID: Double], hasInternships: Bool
    ) -> [FairnessRequirement] {
        var result: [FairnessRequirement] = []
        if let cap = rules.institutionShareCap {
            for id in institutions {
                result.append(.init(
                    rule: .institutionShareCap, name: "fair.institution-share-cap[\(id)]",
                    subject: .institution(id), bound: .atMost, share: cap, base: .budget))
            }
        }
        if let floor = rules.regionalFloor {
            for id in floor.regions.isEmpty ? regions : floor.regions {
                result.append(.init(
                    rule: .regionalFloor, name: "fair.regional-floor[\(id)]", subject: .region(id),
                    bound: .atLeast, share: floor.share, base: .effectiveSpend))
            }
        }
        if let tolerance = rules.needProportionalTolerance, !needShares.isEmpty {
            for id in regions {
                let need = needShares[id] ?? 0
                result.append(.init(
                    rule: .needProportionalRegions, name: "fair.need-proportional-regions.max[\(id)]",
                    subject: .region(id), bound: .atMost, share: need * (1 + tolerance), base: .budget))
                result.append(.init(
                    rule: .needProportionalRegions, name: "fair.need-proportional-regions.min[\(id)]",
                    subject: .region(id), bound: .atLeast, share: max(0, need * (1 - tolerance)),
                    base: .effectiveSpend))
            }
        }
        if let share = rules.domesticSMEInternshipShare, hasInternships {
            result.append(.init(
                rule: .domesticSMEInternships, name: "fair.domestic-sme-internships",
                subject: .domesticSMEInternships, bound: .atLeast, share: share, base: .internshipSpend))
        }
        for (id, share) in rules.skillMinimumShare.sorted(by: { $0.key < $1.key }) {
            result.append(.init(
                rule: .skillMinimum, name: "fair.skill-minimum[\(id)]", subject: .skill(id),
                bound: .atLeast, share: share, base: .effectiveSpend))
        }
        return result
    }
}

extension FairnessRules {
    /// The rule groups these rules switch on (a rule with an empty list of skills is off).
    public var activeKinds: [FairnessRuleKind] {
        var kinds: [FairnessRuleKind] = []
        if institutionShareCap != nil { kinds.append(.institutionShareCap) }
        if regionalFloor != nil { kinds.append(.regionalFloor) }
        if needProportionalTolerance != nil { kinds.append(.needProportionalRegions) }
        if domesticSMEInternshipShare != nil { kinds.append(.domesticSMEInternships) }
        if !skillMinimumShare.isEmpty { kinds.append(.skillMinimum) }
        return kinds
    }
}
