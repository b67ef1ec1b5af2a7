import Workforce

/// What each fairness rule measures, in column terms, shared by the model's rows, the rounding
/// repair, the plan's fairness outcomes and the conflict report.
///
/// Only **effective** columns count: those whose supply reaches a labour market with a shortage
/// row (they feed a `landed.def` row). Spend that cannot close shortage neither meets a floor nor
/// inflates a base. Caps (`at_most`) are shares of the fund's **budget**, a base no plan can
/// inflate, so a tighter cap never makes buying more attractive; floors and minimums are shares of
/// the effective spend (or the effective internship spend).
struct RuleSubjects {
    /// Per requirement, the columns its measure sums (cost × units), in column order.
    let members: [[Int]]
    /// Columns that can close shortage.
    let effective: [Int]
    /// Effective internship columns.
    let internships: [Int]
    /// The budget over all years, VND.
    let budget: Double

    init(_ model: AllocationModel) {
        let columns = model.columns
        let forecast = model.forecast
        var byInstitution: [Institution.ID: [Int]] = [:]
        var byRegion = Array(repeating: [Int](), count: forecast.regions.count)
        var bySkill = Array(repeating: [Int](), count: forecast.skills.count)
        var effective: [Int] = []
        var internships: [Int] = []
        var smeInternships: [Int] = []
        for (index, column) in columns.enumerated() where column.flowRow != nil {
            effective.append(index)
            if let institution = column.institution { byInstitution[institution, default: []].append(index) }
            byRegion[column.regionPosition].append(index)
            bySkill[column.skillPosition].append(index)
            if column.kind == .internship {
                internships.append(index)
                if column.isDomesticSME { smeInternships.append(index) }
            }
        }
        members = model.requirements.map { requirement in
            switch requirement.subject {
            case .institution(let id): byInstitution[id] ?? []
            case .region(let id): forecast.regionPositions[id].map { byRegion[$0] } ?? []
            case .skill(let id): forecast.skillPositions[id].map { bySkill[$0] } ?? []
            case .domesticSMEInternships: smeInternships
            }
        }
        self.effective = effective
        self.internships = internships
        budget = model.budget.reduce(0, +)
    }

    /// A requirement's base at these spends: the budget, the effective spend or the effective
    /// internship spend.
    func base(_ requirement: FairnessRequirement, effectiveSpend: Double, internshipSpend: Double) -> Double {
        switch requirement.base {
        case .budget: budget
        case .effectiveSpend: effectiveSpend
        case .internshipSpend: internshipSpend
        }
    }
}
