/// The size and shape of a scenario, for `validate`, `import` and the plan's summary.
public struct ScenarioSummary: Codable, Sendable, Hashable {
    public var name: String
    public var title: String
    public var variant: String
    public var years: [Int]
    public var skills: Int
    public var regions: Int
    public var sectors: Int
    public var curricula: Int
    public var institutions: Int
    public var programs: Int
    public var onsiteCourses: Int
    public var enterprises: Int
    public var fdiEnterprises: Int
    public var domesticSMEs: Int
    public var postings: Int
    public var internshipSlots: Int
    public var students: Int
    public var rankings: Int
    public var baselineIntake: Int
    public var spareCapacity: Int
    public var initialStock: Double
    public var totalBudgetVND: VND
    public var budgetYears: [Int]
    public var variants: [String]

    enum CodingKeys: String, CodingKey {
        case name, title, variant, years, skills, regions, sectors, curricula, institutions, programs
        case onsiteCourses = "onsite_courses", enterprises, fdiEnterprises = "fdi_enterprises"
        case domesticSMEs = "domestic_smes", postings, internshipSlots = "internship_slots", students, rankings
        case baselineIntake = "baseline_intake", spareCapacity = "spare_capacity", initialStock = "initial_stock"
        case totalBudgetVND = "total_budget_vnd", budgetYears = "budget_years", variants
    }

    public init(_ scenario: Scenario) {
        name = scenario.settings.name
        title = scenario.settings.title
        variant = scenario.variantName
        years = Array(scenario.years)
        skills = scenario.skills.count
        regions = scenario.regions.count
        sectors = scenario.sectors.count
        curricula = scenario.curricula.count
        institutions = scenario.institutions.count
        programs = scenario.programs.count
        onsiteCourses = scenario.programs.filter(\.isOnsiteTraining).count
        enterprises = scenario.enterprises.count
        fdiEnterprises = scenario.enterprises.filter { $0.ownership == .fdi }.count
        domesticSMEs = scenario.enterprises.filter(\.isDomesticSME).count
        postings = scenario.postings.count
        internshipSlots = scenario.postings.reduce(0) { $0 + $1.slots }
        students = scenario.students.count
        rankings = scenario.rankings.count
        baselineIntake = scenario.programs.reduce(0) { $0 + $1.baselineIntake }
        spareCapacity = scenario.programs.reduce(0) { $0 + $1.spareCapacity }
        initialStock = scenario.initialStock.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        totalBudgetVND = scenario.fund.totalBudget
        budgetYears = scenario.fund.budgetYears
        variants = [ScenarioVariant.baseline.name] + scenario.variants.map(\.name)
    }

    /// A short readable report.
    public func render() -> String {
        var table = TextTable(headers: ["", ""], alignments: [.left, .left])
        let rows: [(String, String)] = [
            ("Years", "\(years.first ?? 0)–\(years.last ?? 0)"),
            ("Skills / regions / sectors", "\(skills) / \(regions) / \(sectors)"),
            ("Curricula", "\(curricula)"),
            ("Institutions", NumberText.grouped(Double(institutions))),
            ("Programmes (on-site courses)", "\(NumberText.grouped(Double(programs))) (\(onsiteCourses))"),
            ("Baseline intake / spare capacity", "\(NumberText.grouped(Double(baselineIntake))) / \(NumberText.grouped(Double(spareCapacity))) students a year"),
            ("Enterprises (FDI, domestic SMEs)", "\(NumberText.grouped(Double(enterprises))) (\(fdiEnterprises), \(domesticSMEs))"),
            ("Internship postings (slots)", "\(NumberText.grouped(Double(postings))) (\(NumberText.grouped(Double(internshipSlots))))"),
            ("Students applying", NumberText.grouped(Double(students))),
            ("Engineers in \(years.first ?? 0)", NumberText.grouped(initialStock)),
            ("Fund budget \(budgetYears.first ?? 0)–\(budgetYears.last ?? 0)", "\(NumberText.vnd(totalBudgetVND)) VND"),
            ("Variants", variants.joined(separator: ", ")),
        ]
        rows.forEach { table.append([$0.0, $0.1]) }
        return "\(title) (\(name))\n" + table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }
}
