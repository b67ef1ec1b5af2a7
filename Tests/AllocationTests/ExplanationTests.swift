import Allocation
import Forecast
import Testing
import Workforce

@Suite("Why programmes get no seats")
struct ExplanationTests {
    /// P1 (10 M VND, 30 spare seats) takes the 200 M VND budget: 20 seats, 2 engineer-years each,
    /// so a billion VND is worth 200 engineer-years. P3 (50 M VND a seat, same effect) would need
    /// to cost 10 M VND (80 % less) or be 5 times as effective.
    static func builder() -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.budget = [2027: 200_000_000]
        builder.addProgram("P1", spare: 30, tuition: 10_000_000)
        builder.addProgram("P3", institution: "INST-C", spare: 30, tuition: 50_000_000)
        builder.addProgram("P5", institution: "INST-C", spare: 0, tuition: 1_000_000)
        builder.addProgram("P6", institution: "INST-C", duration: 4, spare: 30, tuition: 1_000_000)
        return builder
    }

    @Test func reasonsFromReducedCosts() throws {
        let builder = Self.builder()
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(plan.seats("P1") == 20)
        let idle = Dictionary(uniqueKeysWithValues: plan.explanation.idlePrograms.map { ($0.program.rawValue, $0) })
        #expect(idle.keys.sorted() == ["P3", "P5", "P6"])
        #expect(idle["P5"]?.reason == .noSpareCapacity)
        #expect(idle["P6"]?.reason == .graduatesAfterHorizon)
        let p3 = try #require(idle["P3"])
        #expect(p3.reason == .notCostEffective)
        #expect(p3.year == 2027)
        #expect(p3.unitCost == 50_000_000)
        #expect(abs((p3.requiredUnitCost ?? 0) - 10_000_000) < 100)
        #expect(abs((p3.requiredCostReduction ?? 0) - 0.8) < 1e-5)
        #expect(abs((p3.requiredEffectivenessFactor ?? 0) - 5) < 1e-4)
        #expect(abs((p3.reducedCost ?? 0) - 8) < 1e-3)
        #expect(p3.text.contains("10,000,000 VND per seat"))
    }

    @Test func noShortageWhereItWouldLand() throws {
        var builder = Self.builder()
        builder.addRegion("HP", demand: ["MAT": 500], stock: ["MAT": 600])
        builder.addProgram("P7", institution: "INST-H", region: "HP", spare: 10, tuition: 1_000_000)
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(plan.seats("P7") == 0)
        #expect(plan.explanation.idlePrograms.first { $0.program == "P7" }?.reason == .noShortage)
    }
}

@Suite("Instruments")
struct InstrumentTests {
    @Test func onsiteSeatsLandTheSameYear() throws {
        // An on-site course in 2027 adds c·e = 0.5 engineers per seat from 2027: 5 M VND a seat,
        // 50 M VND buys 10 seats.
        var builder = ScenarioBuilder()
        builder.budget = [2027: 50_000_000]
        builder.addProgram("O1", duration: 0, spare: 40, tuition: 5_000_000, completion: 1, entry: 0.5, onsite: true, host: "E1")
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(plan.onsiteSeats("O1") == 10)
        #expect(plan.shortage.map(\.after) == [100, 95, 95, 95])
        #expect(plan.onsite.first?.hostEnterprise == "E1")
        #expect(plan.onsite.first?.cost == 50_000_000)
        #expect(plan.spendByYear.first?.onsite == 50_000_000)
    }

    @Test func internsLandTheYearAfter() throws {
        var builder = ScenarioBuilder()
        builder.budget = [2027: 30_000_000]
        builder.addPosting("J1", enterprise: "E1", slots: 2, months: 3, stipend: 5_000_000)
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(plan.interns("J1") == 2)
        #expect(plan.shortage.map(\.after) == [100, 100, 99, 99])
        #expect(plan.internships.first?.unitCost == 15_000_000)
        #expect(plan.internships.first?.engineersAdded == 1)
    }

    @Test func livingSupportIsPaidEveryYearOfStudy() throws {
        var builder = ScenarioBuilder()
        builder.horizon = 6
        builder.livingSupport = 5_000_000
        builder.budget = [2027: 300_000_000, 2028: 0]
        builder.addProgram("P2Y", duration: 2, spare: 100, tuition: 10_000_000)
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        // 30 M VND a seat, all committed by 2027 and 2028: without carry-over 2028 has no money,
        // so only 2027 intake whose second year (2028) is also charged to 2028's zero budget…
        // hence nothing can be bought.
        #expect(plan.seats("P2Y") == 0)
        builder.carryOver = true
        let carried = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        #expect(carried.seats("P2Y", 2027) + carried.seats("P2Y", 2028) == 10)
        let award = try #require(carried.scholarships.first)
        #expect(award.unitCostPerYear == 15_000_000)
    }

    @Test func disabledInstrumentsHaveNoColumns() throws {
        var builder = ScenarioBuilder.twoProgrammes()
        builder.addPosting("J1", enterprise: "E1", slots: 2, months: 3, stipend: 5_000_000)
        builder.addProgram("O1", duration: 0, spare: 4, tuition: 5_000_000, onsite: true)
        let all = try AllocationModel.build(scenario: builder.scenario, forecast: builder.forecast)
        #expect(all.variable(.scholarship, "P1", year: 2027) != nil)
        #expect(all.variable(.internship, "J1", year: 2027) != nil)
        #expect(all.variable(.onsite, "O1", year: 2027) != nil)
        #expect(all.variable(.scholarship, "O1", year: 2027) == nil)
        builder.scholarshipsEnabled = false
        builder.internshipsEnabled = false
        builder.onsiteEnabled = false
        let none = try AllocationModel.build(scenario: builder.scenario, forecast: builder.forecast)
        #expect(none.variable(.scholarship, "P1", year: 2027) == nil)
        #expect(none.variable(.internship, "J1", year: 2027) == nil)
        #expect(none.variable(.onsite, "O1", year: 2027) == nil)
        #expect(none.size.integerVariables == 0)
    }
}

@Suite("Posting aggregation")
struct PostingAggregationTests {
    @Test func alikePostingsShareAColumnButAreListedOneByOne() throws {
        var builder = ScenarioBuilder()
        builder.scholarshipsEnabled = false
        builder.budget = [2027: 40_000_000]
        builder.addPosting("J1", enterprise: "E1", slots: 2, months: 5, stipend: 2_000_000)
        builder.addPosting("J2", enterprise: "E2", slots: 3, months: 5, stipend: 2_000_000)
        builder.addPosting("J3", enterprise: "E1", slots: 3, months: 4, stipend: 2_500_000)
        builder.addPosting("J4", enterprise: "E3", ownership: .domestic, size: .small, slots: 3, months: 5, stipend: 3_000_000)
        let model = try AllocationModel.build(scenario: builder.scenario, forecast: builder.forecast)
        #expect(model.variable(.internship, "J2", year: 2027) == model.variable(.internship, "J1", year: 2027))
        // J3: 4 months at 2.5 M VND is the same 10 M VND per intern as J1 and J2.
        #expect(model.variable(.internship, "J3", year: 2027) == model.variable(.internship, "J1", year: 2027))
        #expect(model.variable(.internship, "J4", year: 2027) != model.variable(.internship, "J1", year: 2027))
        #expect(model.size.integerVariables == 2)  // J1+J2+J3, J4
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        // 40 M VND buys 4 interns at 10 M VND, spread in posting order: J1 takes 2 (its slots), J2 2.
        #expect(plan.internships.map(\.posting) == ["J1", "J2"])
        #expect(plan.interns("J1") == 2)
        #expect(plan.interns("J2") == 2)
        #expect(plan.internships.allSatisfy { $0.unitCost == 10_000_000 && $0.cost == 20_000_000 })
    }
}
