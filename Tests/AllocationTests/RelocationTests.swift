import Foundation
import Testing
@testable import Allocation
import Forecast
import Workforce

/// Relocation stipends (`relocation` in fund.yaml), on a case worked out by hand: HN has 100
/// engineers of MAT too many and trains 50 more a year (a full one-year programme, baseline intake
/// 50); BN has 100 too few every year 2026–2029 (400 engineer-years); graduates stay where they
/// trained; no attrition; 20 M VND per relocated graduate, at most 40 % of a province's entrants.
@Suite("Relocation stipends")
struct RelocationTests {
    static func surplusAndShortage(mobility: GraduateMobility = .stayInProvince) -> ScenarioBuilder {
        var builder = ScenarioBuilder()
        builder.regions = [
            Region(id: "HN", name: "Hà Nội", macroRegion: "Red River Delta"),
            Region(id: "BN", name: "Bắc Ninh", macroRegion: "Red River Delta"),
        ]
        builder.demand = ["MAT": ["HN": 1000, "BN": 1000]]
        builder.stock = ["MAT": ["HN": 1100, "BN": 900]]
        builder.mobility = mobility
        builder.budget = [2027: 1_000_000_000]
        builder.onsiteEnabled = false
        builder.internshipsEnabled = false
        builder.addProgram("P-HN", institution: "INST-HN", region: "HN", spare: 0, baseline: 50, tuition: 10_000_000)
        builder.relocation = RelocationTerms(enabled: true, stipendPerGraduate: 20_000_000, maximumShareOfEntrants: 0.4)
        return builder
    }

    @Test("Graduates leave the province in surplus for the one short of them, as many as the entrants' share allows")
    func relocationClosesAShortageElsewhere() throws {
        let scenario = Self.surplusAndShortage().scenario
        let forecast = try ForecastModel.project(scenario)
        let hn = try #require(forecast.regionPositions["HN"]), y2027 = try #require(forecast.yearPosition(2027))
        let movable = (0.4 * forecast.entrants[0, hn, y2027]).rounded(.down)
        #expect(movable > 0)

        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        let relocations = try #require(plan.relocations)
        let arriving = relocations.filter { $0.direction == .arriving }
        let leaving = relocations.filter { $0.direction == .leaving }
        #expect(arriving.map(\.region) == ["BN"])
        #expect(leaving.map(\.region) == ["HN"])
        #expect(arriving.map(\.graduates) == [movable])
        #expect(leaving.map(\.graduates) == [movable])
        #expect(leaving.allSatisfy { $0.cost == 0 })
        // They work in BN from 2027 to 2029: three engineer-years each.
        #expect(abs(plan.shortageBefore - plan.shortageAfter - 3 * movable) < 1e-9)
        #expect(abs(plan.totalSpend - movable * 20_000_000) < 1e-6)
        #expect(plan.zeroEffectSpend == 0)
        #expect(abs((plan.spendByYear.first?.relocation ?? -1) - movable * 20_000_000) < 1e-6)
    }

    @Test("Departures never exceed the surplus they leave, in any later year")
    func departuresStayWithinTheSurplus() throws {
        var builder = Self.surplusAndShortage()
        // A surplus of 1 in 2026, about 31 in 2027 after 2 % attrition and 50 entrants; every
        // entrant may move, so the surplus, not the entrants, bounds the departures.
        builder.stock = ["MAT": ["HN": 1001, "BN": 900]]
        builder.skills = [Skill(id: "MAT", name: "Materials", weight: 1, attritionRate: 0.02)]
        builder.relocation?.maximumShareOfEntrants = 1
        let scenario = builder.scenario
        let forecast = try ForecastModel.project(scenario)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        let hn = try #require(forecast.regionPositions["HN"])
        let leaving = (plan.relocations ?? []).filter { $0.direction == .leaving }
        #expect(!leaving.isEmpty)
        let y2027 = try #require(forecast.yearPosition(2027))
        #expect(leaving.reduce(0) { $0 + $1.graduates } == (-forecast.gap[0, hn, y2027]).rounded(.down))
        for award in leaving {
            for year in forecast.years where year >= award.year {
                guard let y = forecast.yearPosition(year) else { continue }
                let left = award.graduates * forecast.survivalFactor(skill: 0, years: year - award.year)
                #expect(left <= -forecast.gap[0, hn, y] + 1e-9, "\(year): \(left) left, surplus \(-forecast.gap[0, hn, y])")
            }
        }
    }

    @Test("Under national mobility there is no province to move to: nothing is bought", arguments: [MobilityMode.national])
    func nationalMarketHasNoRelocation(mode: MobilityMode) throws {
        let scenario = Self.surplusAndShortage().scenario
        let forecast = try ForecastModel.project(scenario, mobility: mode)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        #expect(plan.relocations == [])
        #expect(plan.totalSpend == 0)
    }

    @Test("A plan with relocations scores the same when evaluated as a fixed plan")
    func evaluationKeepsTheRelocations() throws {
        let scenario = Self.surplusAndShortage().scenario
        let forecast = try ForecastModel.project(scenario)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        let decoded = try JSONDecoder().decode(AllocationPlan.self, from: Data(try plan.json(frontier: nil).utf8))
        #expect(decoded.relocations == plan.relocations)
        let evaluation = try AllocationPlanner.evaluate(decoded, scenario: scenario, forecast: forecast)
        #expect(abs(evaluation.shortageAfter - plan.shortageAfter) < 1e-9)
        #expect(evaluation.capacityExceeded.isEmpty)
    }
}
