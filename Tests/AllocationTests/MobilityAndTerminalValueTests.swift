import Foundation
import Testing
@testable import Allocation
import Forecast
import Workforce

@Suite("The plan and the forecast share one supply model")
struct SharedSupplyModelTests {
    /// HN has 100 engineers too many, BN 200 too few; half of HN's graduates move to BN.
    static func twoProvinces() -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.regions = [
            Region(id: "HN", name: "Hà Nội", macroRegion: "Red River Delta"),
            Region(id: "BN", name: "Bắc Ninh", macroRegion: "Red River Delta"),
        ]
        builder.demand = ["MAT": ["HN": 1000, "BN": 1000]]
        builder.stock = ["MAT": ["HN": 1100, "BN": 800]]
        builder.mobility = GraduateMobility(stayShare: 0.5, macroRegionShare: 0.5, nationalShare: 0)
        builder.budget = [2026: 300_000_000, 2027: 300_000_000]
        builder.addProgram("P-HN", institution: "INST-HN", region: "HN", duration: 1, spare: 40, tuition: 10_000_000)
        builder.addProgram("P-BN", institution: "INST-BN", region: "BN", duration: 2, spare: 40, tuition: 12_000_000)
        builder.addProgram("OS-BN", institution: "INST-BN", region: "BN", duration: 0, spare: 20, tuition: 5_000_000, onsite: true)
        return builder
    }

    @Test("The plan's shortage before is the forecast's", arguments: MobilityMode.allCases)
    func shortageBeforeIsTheForecasts(mode: MobilityMode) throws {
        let scenario = Self.twoProvinces().scenario
        let forecast = try ForecastModel.project(scenario, mobility: mode)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: AllocationOptions(relax: true))
        #expect(abs(plan.shortageBefore - forecast.shortageEngineerYears) < 1e-6)
        #expect(plan.shortageAfter <= plan.shortageBefore)
        // Hand-computed: BN short 200 a year over four years unless HN's surplus may move (national: 100 a year).
        #expect(abs(forecast.shortageEngineerYears - (mode == .national ? 400 : 800)) < 1e-6)
    }

    @Test("Seats added to the forecast and to the plan add the same engineers, base year included")
    func cohortFunctionAgreesWithTheForecast() throws {
        let scenario = Self.twoProvinces().scenario
        var extra = AdditionalIntake()
        extra.add(10, to: "P-HN", in: 2026)
        extra.add(7, to: "P-BN", in: 2027)
        extra.add(5, to: "OS-BN", in: 2026)  // lands in the base year
        let before = try ForecastModel.project(scenario)
        let after = try ForecastModel.project(scenario, additionalIntake: extra)
        var added = ForecastGrid(skillCount: 1, regionCount: 2, yearCount: before.years.count)
        for program in scenario.programs {
            guard let r = before.regionPositions[program.region] else { continue }
            for (year, seats) in extra.seats[program.id] ?? [:] {
                before.addCohort(seats * program.engineersPerSeat, skill: 0, origin: r,
                                 landingYear: year + program.durationYears,
                                 upskilledStaff: !program.addsHeadcount, into: &added)
            }
        }
        for index in added.values.indices {
            #expect(abs(after.supply.values[index] - before.supply.values[index] - added.values[index]) < 1e-9)
        }
        // The on-site seats of 2026 count in 2026 where the staff work: 5 seats, effective factor 1.
        #expect(abs(after.supply[0, 1, 0] - before.supply[0, 1, 0] - 5) < 1e-9)
    }

    @Test func graduatesCloseShortageWhereTheyMove() throws {
        var builder = Self.twoProvinces()
        builder.programs.removeAll { $0.id != "P-HN" }
        let scenario = builder.scenario
        let forecast = try ForecastModel.project(scenario)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: AllocationOptions(relax: true))
        // Only HN's programme can be bought; HN is in surplus, so only the half that moves to BN counts.
        let seats = plan.scholarships.reduce(0) { $0 + $1.seats }
        #expect(seats > 0)
        let closed = plan.shortageClosed
        var expected = 0.0
        for award in plan.scholarships {
            expected += award.seats * 0.5 * Double(2029 - award.graduationYear + 1)
        }
        #expect(abs(closed - expected) < 1e-6)
    }
}

@Suite("Terminal value: engineers who arrive after the horizon")
struct TerminalValueTests {
    /// Gap 100 a year in 2026–2029; a four-year programme bought in 2027 graduates in 2031.
    static func lateGraduates(terminalYears: Int?) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.budget = [2027: 400_000_000]
        builder.terminalYears = terminalYears
        builder.addProgram("P4", duration: 4, spare: 30, tuition: 10_000_000)
        return builder
    }

    @Test func withoutATailLateGraduatesAreWorthless() throws {
        let scenario = Self.lateGraduates(terminalYears: 0).scenario
        let plan = try AllocationPlanner.plan(scenario: scenario, options: AllocationOptions(relax: true))
        #expect(plan.scholarships.allSatisfy { $0.seats < 1e-9 })
    }

    @Test func theTailValuesThemAndTheShortageAfterTheHorizonIsUnchanged() throws {
        let scenario = Self.lateGraduates(terminalYears: 4).scenario
        let forecast = try ForecastModel.project(scenario)
        let model = try AllocationModel.build(scenario: scenario, forecast: forecast)
        #expect(model.terminalYears == 4)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: AllocationOptions(relax: true))
        // 400 M VND buys 10 seats at 40 M (10 M a year for four years, committed in 2027).
        let seats = plan.scholarships.reduce(0) { $0 + $1.seats }
        #expect(abs(seats - 10) < 1e-6)
        // Inside the horizon nothing changes; the tail (2030–2033) closes 10 engineers in 2031–2033.
        #expect(abs(plan.shortageAfter - plan.shortageBefore) < 1e-9)
        let tail = 4.0 * 100
        let expectedObjective = 400 + tail - 30
        #expect(abs(plan.objective - expectedObjective) < 1e-3)
        #expect((try model.mps()).contains("short.def[MAT,HN,2033]"))
    }

    @Test func theDefaultTailIsTheLongestProgramme() throws {
        let scenario = Self.lateGraduates(terminalYears: nil).scenario
        let model = try AllocationModel.build(scenario: scenario, forecast: try ForecastModel.project(scenario))
        #expect(model.terminalYears == 4)
    }
}

@Suite("Fairness rules cannot be met by waste")
struct FairnessWithoutWasteTests {
    /// HN short 100 a year; P-A (INST-A) and P-B (INST-B) add engineers in HN; P-C (INST-C) trains
    /// in DN, which has no shortage and whose graduates stay there: its seats close nothing.
    static func threeInstitutions(cap: Double) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.regions = [
            Region(id: "HN", name: "Hà Nội", macroRegion: "North"),
            Region(id: "DN", name: "Đà Nẵng", macroRegion: "Centre"),
        ]
        builder.demand = ["MAT": ["HN": 1000, "DN": 500]]
        builder.stock = ["MAT": ["HN": 900, "DN": 600]]
        builder.budget = [2027: 1_000_000_000]
        builder.addProgram("P-A", institution: "INST-A", region: "HN", spare: 30, tuition: 10_000_000)
        builder.addProgram("P-B", institution: "INST-B", region: "HN", spare: 40, tuition: 20_000_000)
        builder.addProgram("P-C", institution: "INST-C", region: "DN", spare: 200, tuition: 1_000_000)
        builder.fairness = FairnessRules(institutionShareCap: cap)
        return builder
    }

    @Test("A tighter cap never raises spend on items of zero effect", arguments: [true, false])
    func tighterCapsBuyNoWaste(relax: Bool) throws {
        var previousSpend = Double.infinity
        for cap in [1.0, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05] {
            let scenario = Self.threeInstitutions(cap: cap).scenario
            let plan = try AllocationPlanner.plan(scenario: scenario, options: AllocationOptions(relax: relax))
            #expect(plan.zeroEffectSpend == 0, "cap \(cap): \(plan.zeroEffectItems)")
            #expect(!plan.scholarships.contains { $0.program == "P-C" && $0.seats > 1e-9 }, "cap \(cap)")
            #expect(plan.totalSpend <= previousSpend + 1e-6, "cap \(cap) spends more than a looser cap")
            previousSpend = plan.totalSpend
            // The cap is a share of the budget: INST-A ≤ cap · 1 bn VND.
            let spentAtA = plan.scholarships.filter { $0.institution == "INST-A" }.reduce(0) { $0 + $1.totalCost }
            #expect(spentAtA <= cap * 1_000_000_000 + 1e-3)
        }
    }
}

@Suite("Spend that closes nothing is found and named")
struct ZeroEffectSpendTests {
    @Test func aSkillMinimumBeyondTheSkillsShortageBuysSeatsThatCloseNothing() throws {
        // MAT is short 10 engineers, AUTO 1,000; both programmes add one engineer per 10 M VND.
        // Half of 1 bn VND must go to MAT: 10 seats close its gap, the other 40 close nothing.
        var builder = ScenarioBuilder()
        builder.horizon = 2
        builder.skills = [
            Skill(id: "MAT", name: "Materials", weight: 1, attritionRate: 0),
            Skill(id: "AUTO", name: "Automation", weight: 1, attritionRate: 0),
        ]
        builder.demand = ["MAT": ["HN": 1000], "AUTO": ["HN": 2000]]
        builder.stock = ["MAT": ["HN": 990], "AUTO": ["HN": 1000]]
        builder.budget = [2026: 1_000_000_000]
        builder.addProgram("P-MAT", skill: "MAT", spare: 100, tuition: 10_000_000)
        builder.addProgram("P-AUTO", institution: "INST-B", skill: "AUTO", spare: 100, tuition: 10_000_000)
        builder.fairness = FairnessRules(skillMinimumShare: ["MAT": 0.5])
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, options: AllocationOptions(relax: true))
        #expect(abs(plan.zeroEffectSpend - 400_000_000) < 1)
        let item = try #require(plan.zeroEffectItems.first)
        #expect(plan.zeroEffectItems.count == 1)
        #expect(item.item == "P-MAT" && item.instrument == .scholarship && item.year == 2026)
        #expect(abs(item.units - 40) < 1e-6)
        #expect(item.rules == ["fair.skill-minimum[MAT]"])
        #expect(plan.summary().contains("Spend that closes nothing: 0.40 bn VND (40.00 % of spend, 1 items"))
    }
}
