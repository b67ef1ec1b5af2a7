import Forecast
import Optimization
import Workforce

/// Finds a minimal set of fairness rule groups that cannot hold together while the fund spends
/// at least a given amount.
///
/// 1. **Elastic relaxation.** The model is built with a slack on every rule row
///    (`slack[fair.…]`, in billions of VND) and the row `policy.minimum-spend`, and the LP
///    minimises the total slack (every row weighs the same, so the least-violating plan moves the
///    least money against the rules). Zero total slack: the rules can hold, no conflict.
/// 2. **Deletion filter** over the groups: starting from every group, drop a group whenever the
///    others are still infeasible without it (a feasibility test is the elastic LP with only the
///    kept groups' slacks priced). Groups the elastic plan did not violate are tried first. What
///    remains is minimal: every group in it is needed for the conflict.
enum ConflictFinder {
    /// - Returns: the conflict, or nil when the rules can hold with that spend.
    /// - Complexity: 2 + (number of rule groups) LP solves.
    static func find(
        scenario: Scenario, forecast: Forecast, budgetMultiplier: Double, minimumSpendBillions: Double,
        options: AllocationOptions
    ) throws(AllocationError) -> PolicyConflict? {
        let elastic = try AllocationModel.build(
            scenario: scenario, forecast: forecast,
            configuration: BuildConfiguration(
                budgetMultiplier: budgetMultiplier, elastic: true, minimumSpendBillions: minimumSpendBillions,
                internLimits: options.internLimits))
        let tolerance = 1e-7 * max(minimumSpendBillions, 1e-6)
        var lp = elastic.linearModel.relaxed()
        let first = try AllocationPlanner.solveLP(lp, options)
        guard (first.objectiveValue ?? 0) > tolerance else { return nil }

        let groups = elastic.activeRules
        let violated = Set(zip(elastic.requirements, elastic.slackVariables)
            .filter { first.value(of: $0.1) > tolerance }.map(\.0.rule))
        func infeasible(_ kept: Set<FairnessRuleKind>) throws(AllocationError) -> Solution? {
            do {
                for (requirement, slack) in zip(elastic.requirements, elastic.slackVariables) {
                    try lp.setObjectiveCoefficient(kept.contains(requirement.rule) ? 1 : 0, of: slack)
                }
            } catch { throw .solverFailed(error) }
            let solution = try AllocationPlanner.solveLP(lp, options)
            return (solution.objectiveValue ?? 0) > tolerance ? solution : nil
        }
        var kept = Set(groups)
        for group in groups.filter({ !violated.contains($0) }) + groups.filter({ violated.contains($0) }) {
            var without = kept
            without.remove(group)
            if !without.isEmpty, try infeasible(without) != nil { kept = without }
        }
        let rules = groups.filter { kept.contains($0) }
        let least = try infeasible(kept) ?? first
        let spend = max(elastic.totalSpendBillions(least), minimumSpendBillions)
        var violations: [PolicyConflict.Violation] = []
        for (requirement, slack) in zip(elastic.requirements, elastic.slackVariables) where kept.contains(requirement.rule) {
            let amount = least.value(of: slack)
            guard amount > tolerance else { continue }
            violations.append(.init(row: requirement.name, requirement: requirement.text, shortfallShare: amount / spend))
        }
        return PolicyConflict(
            rules: rules, findings: findings(rules, elastic: elastic, scenario: scenario), violations: violations)
    }

    /// Facts about each conflicting rule that explain why it cannot hold.
    static func findings(_ rules: [FairnessRuleKind], elastic: AllocationModel, scenario: Scenario) -> [String] {
        let fairness = scenario.fund.fairness
        let requirements = elastic.requirements
        let withInstruments = Set(elastic.regionsWithInstruments)
        var result: [String] = []
        for rule in rules {
            let rows = requirements.filter { $0.rule == rule }
            switch rule {
            case .institutionShareCap:
                let cap = fairness.institutionShareCap ?? 0
                result.append(
                    "no institution may receive more than \(FairnessRequirement.percent(cap)) of the budget "
                        + "(\(rows.count) institutions have programmes)")
            case .regionalFloor:
                let total = rows.reduce(0) { $0 + $1.share }
                result.append(
                    "\(rows.count) regions must each receive at least "
                        + "\(FairnessRequirement.percent(fairness.regionalFloor?.share ?? 0)) of spend"
                        + (total > 1 + 1e-12 ? ", \(FairnessRequirement.percent(total)) in all" : ""))
                let empty = rows.map(\.subjectCode).filter { !withInstruments.contains(Region.ID($0)) }
                if !empty.isEmpty {
                    result.append("region \(empty.joined(separator: ", ")) has no programme or posting the fund can buy whose engineers would close a shortage")
                }
            case .needProportionalRegions:
                result.append(
                    "each region's spend must stay within ±"
                        + "\(FairnessRequirement.percent(fairness.needProportionalTolerance ?? 0)) of its share of the shortage")
            case .domesticSMEInternships:
                result.append(
                    "at least \(FairnessRequirement.percent(fairness.domesticSMEInternshipShare ?? 0)) of "
                        + "internship support must go to domestic SMEs")
                if !elastic.columns.contains(where: { $0.kind == .internship && $0.isDomesticSME }) {
                    result.append("no posting is at a domestic SME")
                }
            case .skillMinimum:
                let total = rows.reduce(0) { $0 + $1.share }
                result.append(
                    "skill minimum shares " + rows.map { "\($0.subjectCode) \(FairnessRequirement.percent($0.share))" }
                        .joined(separator: ", ")
                        + (total > 1 + 1e-12 ? " sum to \(FairnessRequirement.percent(total)) of spend" : ""))
                let skillsWithInstruments = Set(elastic.columns.map { elastic.forecast.skills[$0.skillPosition] })
                let empty = rows.map(\.subjectCode).filter { !skillsWithInstruments.contains(Skill.ID($0)) }
                if !empty.isEmpty {
                    result.append("skill \(empty.joined(separator: ", ")) has no programme or posting the fund can buy")
                }
            }
        }
        return result
    }
}
