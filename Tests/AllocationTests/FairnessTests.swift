import Allocation
import Forecast
import Testing
import Workforce

/// Each rule binds in a case built for it: a cheap option (10 M VND a unit) and a dear one
/// (20 M VND), the rule requiring half the money to go to the dear one (or capping the cheap one
/// at half). Without the rule the 400 M VND buys 40 cheap units (or 30 + 5 where capacity ends);
/// with it, 20 cheap and 10 dear units, the rule holding exactly at its bound.
@Suite("Fairness rules")
struct FairnessTests {
    static func plans(_ builder: ScenarioBuilder, rules: FairnessRules) throws -> (without: AllocationPlan, with: AllocationPlan) {
        let forecast = try builder.forecast
        var ruled = builder
        ruled.fairness = rules
        return (
            try AllocationPlanner.plan(scenario: builder.scenario, forecast: forecast),
            try AllocationPlanner.plan(scenario: ruled.scenario, forecast: forecast)
        )
    }

    static func twoRegions(needInHP: Double = 100) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.addRegion("HP", demand: ["MAT": 1000], stock: ["MAT": 1000 - needInHP])
        builder.addProgram("P1", institution: "INST-A", region: "HN", spare: 100, tuition: 10_000_000)
        builder.addProgram("P3", institution: "INST-C", region: "HP", spare: 100, tuition: 20_000_000)
        return builder
    }

    static func expectBinding(_ plan: AllocationPlan, _ rule: FairnessRuleKind, costs: Double, row: String, share: Double) throws {
        let outcome = try #require(plan.outcome(row))
        #expect(outcome.binding)
        #expect(abs(outcome.achievedShare - share) < 1e-9)
        #expect(abs(outcome.targetShare - share) < 1e-9)
        let cost = try #require(plan.explanation.bindingRules.first { $0.rule == rule })
        #expect(cost.bindingRows.contains(row))
        #expect(abs((cost.shortageCost ?? 0) - costs) < 1e-3)
    }

    @Test func institutionShareCap() throws {
        let (without, with) = try Self.plans(.twoProgrammes(), rules: FairnessRules(institutionShareCap: 0.5))
        #expect(without.seats("P1") == 30)
        #expect(without.seats("P2") == 5)
        #expect(with.seats("P1") == 20)
        #expect(with.seats("P2") == 10)
        #expect(abs(with.objective - 340) < 1e-3)
        try Self.expectBinding(with, .institutionShareCap, costs: 10, row: "fair.institution-share-cap[INST-A]", share: 0.5)
        // INST-B holds the other half: its cap is tight too.
        #expect(abs((with.outcome("fair.institution-share-cap[INST-B]")?.achievedShare ?? 0) - 0.5) < 1e-9)
    }

    @Test func regionalFloor() throws {
        let rules = FairnessRules(regionalFloor: .init(share: 0.5, regions: ["HP"]))
        let (without, with) = try Self.plans(Self.twoRegions(), rules: rules)
        #expect(without.seats("P1") == 40)
        #expect(without.seats("P3") == 0)
        #expect(with.seats("P1") == 20)
        #expect(with.seats("P3") == 10)
        try Self.expectBinding(with, .regionalFloor, costs: 20, row: "fair.regional-floor[HP]", share: 0.5)
        #expect(with.fairness.count == 1)
    }

    @Test func regionalFloorWithoutListCoversEveryRegionWithAnInstrument() throws {
        var builder = Self.twoRegions()
        builder.addRegion("DN", demand: ["MAT": 1000], stock: ["MAT": 1000])
        builder.fairness = FairnessRules(regionalFloor: .init(share: 0.5))
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(plan.fairness.map(\.row) == ["fair.regional-floor[HN]", "fair.regional-floor[HP]"])
        #expect(plan.seats("P3") == 10)
    }

    @Test func needProportionalRegions() throws {
        // Shortage 400 engineer-years in HN and 1,200 in HP: shares 0.25 and 0.75; ±20 % lets HN
        // have at most 30 % of spend: 12 cheap seats (120 M) and 14 dear ones (280 M).
        let rules = FairnessRules(needProportionalTolerance: 0.2)
        let (without, with) = try Self.plans(Self.twoRegions(needInHP: 300), rules: rules)
        #expect(without.seats("P1") == 40)
        #expect(with.seats("P1") == 12)
        #expect(with.seats("P3") == 14)
        try Self.expectBinding(with, .needProportionalRegions, costs: 2 * (40 - 26), row: "fair.need-proportional-regions.max[HN]", share: 0.3)
        let hp = try #require(with.outcome("fair.need-proportional-regions.min[HP]"))
        #expect(abs(hp.targetShare - 0.6) < 1e-12)
        #expect(abs(hp.achievedShare - 0.7) < 1e-9)
        #expect(!hp.binding)
    }

    @Test func domesticSMEInternships() throws {
        // An intern adds 0.5 engineers in 2028: 1 engineer-year closed per intern.
        var builder = ScenarioBuilder()
        builder.scholarshipsEnabled = false
        builder.addPosting("J1", enterprise: "E-FDI", slots: 100, months: 5, stipend: 2_000_000)
        builder.addPosting("J2", enterprise: "E-SME", ownership: .domestic, size: .small, slots: 100, months: 5, stipend: 4_000_000)
        let (without, with) = try Self.plans(builder, rules: FairnessRules(domesticSMEInternshipShare: 0.5))
        #expect(without.interns("J1") == 40)
        #expect(without.interns("J2") == 0)
        #expect(abs(without.shortageClosed - 40) < 1e-9)
        #expect(with.interns("J1") == 20)
        #expect(with.interns("J2") == 10)
        #expect(with.internships.first { $0.posting == "J2" }?.isDomesticSME == true)
        try Self.expectBinding(with, .domesticSMEInternships, costs: 10, row: "fair.domestic-sme-internships", share: 0.5)
    }

    @Test func skillMinimum() throws {
        var builder = ScenarioBuilder()
        builder.skills.append(Skill(id: "MOULD", name: "Moulds", weight: 1, attritionRate: 0))
        builder.demand["MOULD"] = ["HN": 1000]
        builder.stock["MOULD"] = ["HN": 900]
        builder.addProgram("P1", skill: "MAT", spare: 100, tuition: 10_000_000)
        builder.addProgram("P4", institution: "INST-D", skill: "MOULD", spare: 100, tuition: 20_000_000)
        let (without, with) = try Self.plans(builder, rules: FairnessRules(skillMinimumShare: ["MOULD": 0.5]))
        #expect(without.seats("P1") == 40)
        #expect(with.seats("P1") == 20)
        #expect(with.seats("P4") == 10)
        try Self.expectBinding(with, .skillMinimum, costs: 20, row: "fair.skill-minimum[MOULD]", share: 0.5)
        #expect(with.shortageBySkill.map(\.closed) == [40, 20])
    }

    @Test func slackRulesDoNotBind() throws {
        let (without, with) = try Self.plans(.twoProgrammes(), rules: FairnessRules(institutionShareCap: 0.9))
        #expect(with.seats("P1") == without.seats("P1"))
        #expect(with.explanation.bindingRules.isEmpty)
        #expect(with.fairness.allSatisfy { !$0.binding && $0.achievedShare <= 0.9 })
    }
}
