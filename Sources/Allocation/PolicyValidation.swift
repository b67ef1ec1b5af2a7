import Forecast
import Workforce

/// Checks, before a model is built, everything the allocation model relies on: budgets,
/// fairness shares and references, the instruments' numbers, and that the forecast belongs to
/// the scenario. The loader checks the same with file and line; this keeps the pure model from
/// crashing on a scenario built in code.
enum PolicyValidation {
    /// - Throws: the first problem found, as an ``AllocationError``.
    /// - Complexity: O(programmes + postings + skills + regions + rules).
    static func check(_ scenario: Scenario, forecast: Forecast) throws(AllocationError) {
        let fund = scenario.fund
        for year in fund.budgetYears {
            let amount = fund.budgetByYear[year] ?? 0
            guard amount >= 0 else { throw .negativeBudget(year: year, amount: amount) }
        }
        try checkForecast(scenario, forecast)
        let skills = Set(scenario.skills.map(\.id))
        let regions = Set(scenario.regions.map(\.id))
        let rules = fund.fairness
        if let cap = rules.institutionShareCap { try share(cap, .institutionShareCap, nil) }
        if let floor = rules.regionalFloor {
            try share(floor.share, .regionalFloor, nil)
            for region in floor.regions where !regions.contains(region) {
                throw .unknownRegion(region, referencedBy: "fund.yaml fairness rule regional-floor")
            }
        }
        if let tolerance = rules.needProportionalTolerance, !(tolerance.isFinite && tolerance >= 0) {
            throw .invalidShare(
                rule: .needProportionalRegions, subject: nil, value: tolerance,
                expected: "a tolerance of 0 or more, e.g. 0.5 for ±50 %")
        }
        if let sme = rules.domesticSMEInternshipShare { try share(sme, .domesticSMEInternships, nil) }
        for (skill, value) in rules.skillMinimumShare.sorted(by: { $0.key < $1.key }) {
            guard skills.contains(skill) else {
                throw .unknownSkill(skill, referencedBy: "fund.yaml fairness rule skill-minimum")
            }
            try share(value, .skillMinimum, skill.rawValue)
        }
        try nonNegative(Double(fund.scholarships.livingSupportPerYear), "fund.yaml scholarships living_support_vnd_per_year")
        let uplift = fund.internships.entryUplift
        guard uplift.isFinite, uplift >= 0, uplift <= 1 else {
            throw .invalidValue(field: "fund.yaml internships entry_uplift", value: uplift, expected: "a share from 0 to 1")
        }
        for skill in scenario.skills {
            try nonNegative(skill.weight, "skill \(skill.id) weight")
        }
        let rate = scenario.settings.discountRate
        guard rate.isFinite, rate > -1 else {
            throw .invalidValue(field: "scenario.yaml discount_rate", value: rate, expected: "a finite rate above -1, e.g. 0.03")
        }
        let enterprises = Set(scenario.enterprises.map(\.id))
        for program in scenario.programs {
            let name = "programme \(program.id)"
            guard skills.contains(program.skill) else { throw .unknownSkill(program.skill, referencedBy: name) }
            guard regions.contains(program.region) else { throw .unknownRegion(program.region, referencedBy: name) }
            try nonNegative(Double(program.tuitionPerYear), "\(name) tuition_vnd_per_year")
            try nonNegative(Double(program.durationYears), "\(name) duration in years")
            try rateShare(program.completionRate, "\(name) completion_rate")
            try rateShare(program.industryEntryRate, "\(name) entry_rate")
        }
        for posting in scenario.postings {
            let name = "posting \(posting.id)"
            guard skills.contains(posting.skill) else { throw .unknownSkill(posting.skill, referencedBy: name) }
            guard regions.contains(posting.region) else { throw .unknownRegion(posting.region, referencedBy: name) }
            if fund.internships.enabled, !enterprises.contains(posting.enterprise) {
                throw .unknownEnterprise(posting.enterprise, referencedBy: name)
            }
            try nonNegative(Double(posting.stipendPerMonth), "\(name) stipend_vnd_per_month")
            try nonNegative(Double(posting.months), "\(name) months")
            try nonNegative(Double(posting.slots), "\(name) slots")
        }
    }

    private static func checkForecast(_ scenario: Scenario, _ forecast: Forecast) throws(AllocationError) {
        if forecast.skills != scenario.skills.map(\.id) {
            throw .forecastMismatch("its skills are \(forecast.skills.map(\.rawValue)), the scenario's \(scenario.skills.map(\.id.rawValue))")
        }
        if forecast.regions != scenario.regions.map(\.id) {
            throw .forecastMismatch("its regions differ from the scenario's")
        }
        if forecast.years != Array(scenario.years) {
            throw .forecastMismatch("its years \(forecast.years.first ?? 0)–\(forecast.years.last ?? 0) differ from the scenario's \(scenario.years)")
        }
    }

    private static func share(_ value: Double, _ rule: FairnessRuleKind, _ subject: String?) throws(AllocationError) {
        guard value.isFinite, value >= 0, value <= 1 else {
            throw .invalidShare(rule: rule, subject: subject, value: value, expected: "a share from 0 to 1, e.g. 0.1")
        }
    }

    private static func rateShare(_ value: Double, _ field: String) throws(AllocationError) {
        guard value.isFinite, value >= 0, value <= 1 else {
            throw .invalidValue(field: field, value: value, expected: "a share from 0 to 1")
        }
    }

    private static func nonNegative(_ value: Double, _ field: String) throws(AllocationError) {
        guard value.isFinite, value >= 0 else {
            throw .invalidValue(field: field, value: value, expected: "a finite number, 0 or more")
        }
    }
}
