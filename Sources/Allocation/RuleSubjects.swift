import Forecast
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
    /// Each budget year's budget, VND (the base of a cap meant per year).
    let budgetByYear: [Int: Double]
    /// The year each column is bought in.
    private let columnYears: [Int]

    init(_ model: AllocationModel) {
        self.init(columns: model.columns, forecast: model.forecast, requirements: model.requirements,
                  budgetYears: model.budgetYears, budget: model.budget)
    }

    init(columns: [InstrumentColumn], forecast: Forecast, requirements: [FairnessRequirement], budgetYears: [Int],
         budget: [Double]) {
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
        members = requirements.map { requirement in
            let subject: [Int] = switch requirement.subject {
            case .institution(let id): byInstitution[id] ?? []
            case .region(let id): forecast.regionPositions[id].map { byRegion[$0] } ?? []
            case .skill(let id): forecast.skillPositions[id].map { bySkill[$0] } ?? []
            case .domesticSMEInternships: smeInternships
            }
            guard let year = requirement.year else { return subject }
            return subject.filter { columns[$0].year == year }
        }
        self.effective = effective
        self.internships = internships
        self.budget = budget.reduce(0, +)
        budgetByYear = Dictionary(zip(budgetYears, budget), uniquingKeysWith: +)
        columnYears = columns.map(\.year)
    }

    /// The effective and effective internship spend of a plan, in all and per year, given each
    /// column's spend (units × cost).
    func spend(_ amount: (Int) -> Double) -> RuleSpend {
        var spend = RuleSpend()
        for index in effective { spend.add(amount(index), year: columnYears[index], internship: false) }
        for index in internships { spend.add(amount(index), year: columnYears[index], internship: true) }
        return spend
    }

    /// Records that column `index`'s spend changes by `delta` in `spend`.
    func record(_ delta: Double, column index: Int, isEffective: Bool, isInternship: Bool, in spend: inout RuleSpend) {
        if isEffective { spend.add(delta, year: columnYears[index], internship: false) }
        if isInternship { spend.add(delta, year: columnYears[index], internship: true) }
    }

    /// A requirement's base at these spends: the budget, the effective spend or the effective
    /// internship spend, of its year when it is meant per year.
    func base(_ requirement: FairnessRequirement, _ spend: RuleSpend) -> Double {
        if let year = requirement.year {
            return switch requirement.base {
            case .budget: budgetByYear[year] ?? 0
            case .effectiveSpend: spend.effectiveByYear[year] ?? 0
            case .internshipSpend: spend.internshipsByYear[year] ?? 0
            }
        }
        return switch requirement.base {
        case .budget: budget
        case .effectiveSpend: spend.effective
        case .internshipSpend: spend.internships
        }
    }
}

/// Running totals of the spend that fairness bases are made of, VND.
struct RuleSpend {
    var effective = 0.0
    var internships = 0.0
    var effectiveByYear: [Int: Double] = [:]
    var internshipsByYear: [Int: Double] = [:]

    mutating func add(_ amount: Double, year: Int, internship: Bool) {
        if internship {
            internships += amount
            internshipsByYear[year, default: 0] += amount
        } else {
            effective += amount
            effectiveByYear[year, default: 0] += amount
        }
    }
}
