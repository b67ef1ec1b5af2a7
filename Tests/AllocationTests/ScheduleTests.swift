import Allocation
import Testing
import Workforce

@Suite("Cost and effect schedules")
struct ScheduleTests {
    @Test func scholarshipPaysEveryYearOfStudy() {
        let cost = CostSchedule.scholarship(intakeYear: 2028, durationYears: 3, yearlyCost: 12_000_000)
        #expect(cost.payments.map(\.year) == [2028, 2029, 2030])
        #expect(cost.total == 36_000_000)
        // A course shorter than a year still pays one year.
        #expect(CostSchedule.scholarship(intakeYear: 2028, durationYears: 0, yearlyCost: 5).total == 5)
    }

    @Test func paymentsAfterTheLastBudgetYearAreCommittedByIt() {
        let cost = CostSchedule.scholarship(intakeYear: 2028, durationYears: 4, yearlyCost: 10)
        let charges = cost.charges(budgetYears: [2027, 2028, 2029])
        #expect(charges == [.init(year: 2028, amount: 10), .init(year: 2029, amount: 30)])
        #expect(charges.reduce(0) { $0 + $1.amount } == cost.total)
    }

    @Test func paymentsInAGapAreChargedToTheBudgetYearBefore() {
        let cost = CostSchedule.scholarship(intakeYear: 2027, durationYears: 3, yearlyCost: 7)
        #expect(cost.charges(budgetYears: [2027, 2029]) == [.init(year: 2027, amount: 14), .init(year: 2029, amount: 7)])
        #expect(CostSchedule.chargeYear(of: 2026, budgetYears: [2027, 2029]) == nil)
        #expect(CostSchedule.chargeYear(of: 2035, budgetYears: [2027, 2029]) == 2029)
        #expect(CostSchedule.once(in: 2027, amount: 9).charges(budgetYears: []) == [])
    }

    @Test(arguments: [(2027, 0.0), (2028, 0.8), (2029, 0.72), (2030, 0.648)])
    func effectDecaysWithAttrition(year: Int, expected: Double) {
        let effect = EffectSchedule(skill: "MAT", region: "HN", landingYear: 2028, engineersPerUnit: 0.8)
        #expect(abs(effect.engineers(in: year, attritionRate: 0.1) - expected) < 1e-12)
    }

    @Test func effectLandingAfterTheHorizonDoesNothing() {
        let effect = EffectSchedule(skill: "MAT", region: "HN", landingYear: 2031, engineersPerUnit: 1)
        #expect(!effect.landsBy(2030))
        #expect(effect.landsBy(2031))
    }

    @Test func ruleRowsFollowThePolicy() {
        let rules = FairnessRules(
            institutionShareCap: 0.1, regionalFloor: .init(share: 0.05), needProportionalTolerance: 0.5,
            domesticSMEInternshipShare: 0.4, skillMinimumShare: ["MAT": 0.2])
        let rows = FairnessRequirement.requirements(
            rules: rules, institutions: ["I1", "I2"], regions: ["HN", "HP"], needShares: ["HN": 0.25, "HP": 0.75],
            hasInternships: true)
        #expect(rows.map(\.name) == [
            "fair.institution-share-cap[I1]", "fair.institution-share-cap[I2]",
            "fair.regional-floor[HN]", "fair.regional-floor[HP]",
            "fair.need-proportional-regions.max[HN]", "fair.need-proportional-regions.min[HN]",
            "fair.need-proportional-regions.max[HP]", "fair.need-proportional-regions.min[HP]",
            "fair.domestic-sme-internships", "fair.skill-minimum[MAT]",
        ])
        #expect(rows[4].share == 0.375)
        #expect(rows[5].share == 0.125)
        #expect(rows[8].base == .internshipSpend)
        #expect(rows[0].text == "I1 ≤ 10.0 % of the budget")
        #expect(rows[0].base == .budget && rows[2].base == .effectiveSpend)
        #expect(rules.activeKinds == FairnessRuleKind.allCases)
        #expect(FairnessRules().activeKinds.isEmpty)
    }
}
