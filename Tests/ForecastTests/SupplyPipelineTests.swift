import Foundation
import Testing
import Workforce
@testable import Forecast

@Suite("Supply: stock, attrition and the graduate pipeline")
struct SupplyPipelineTests {
    static func oneCell(
        attrition: Double, stock: Double, programs: [Program] = [], horizonYears: Int = 8
    ) -> Scenario {
        Fixtures.scenario(
            horizonYears: horizonYears, skills: [Fixtures.skill("AUTOMATION", attrition: attrition)],
            regions: [Fixtures.region("BN")],
            sectors: [
                Fixtures.sector(
                    "ELEC", output: ["BN": 10], growth: 0, localisation: Fixtures.path((2020, 0.5), (2040, 0.5)),
                    intensity: ["AUTOMATION": 1])
            ],
            initialStock: ["AUTOMATION": ["BN": stock]], programs: programs)
    }

    @Test("With no intake the stock decays by attrition exactly", arguments: [0.0, 0.05, 0.123, 1.0])
    func zeroIntakeDecays(attrition: Double) throws {
        let programs = [
            Fixtures.program("IDLE", skill: "AUTOMATION", region: "BN", intake: 0, duration: 3, completion: 0.9, entry: 0.8)
        ]
        let forecast = try ForecastModel.project(Self.oneCell(attrition: attrition, stock: 1_000, programs: programs))
        for (position, year) in forecast.years.enumerated() {
            let supply = try #require(forecast.cell("AUTOMATION", "BN", year)?.supply)
            #expect(close(supply, 1_000 * pow(1 - attrition, Double(year - 2026))), "year \(year)")
            #expect(close(supply, 1_000 * forecast.survivalFactor(skill: 0, years: position)))
        }
    }

    @Test("Extra intake graduates exactly d years later", arguments: [0, 1, 2, 3])
    func extraIntakeArrivesAfterTheDuration(duration: Int) throws {
        var program = Fixtures.program(
            "P", skill: "AUTOMATION", region: "BN", intake: 40, duration: duration, completion: 0.8, entry: 0.5,
            level: duration == 0 ? .upskilling : .bachelor)
        // An upskilling course counts here as one engineer of effective supply per completer.
        program.effectiveSupplyFactor = 1
        let scenario = Self.oneCell(attrition: 0.1, stock: 500, programs: [program])
        let baseline = try ForecastModel.project(scenario)
        var extra = AdditionalIntake()
        extra.add(10, to: "P", in: 2027)
        let more = try ForecastModel.project(scenario, additionalIntake: extra)
        let arrival = 2027 + duration
        for year in baseline.years {
            let before = try #require(baseline.cell("AUTOMATION", "BN", year))
            let after = try #require(more.cell("AUTOMATION", "BN", year))
            // 10 seats · c = 8 graduates, · e = 4 entrants, in the arrival year only.
            #expect(close(after.graduates - before.graduates, year == arrival ? 8 : 0), "graduates \(year)")
            #expect(close(after.entrants - before.entrants, year == arrival ? 4 : 0), "entrants \(year)")
            // The added engineers then decay with attrition like the rest of the stock.
            let added = year >= arrival ? 4 * pow(0.9, Double(year - arrival)) : 0
            #expect(close(after.supply - before.supply, added), "supply \(year)")
            #expect(after.demand == before.demand)
        }
    }

    @Test func steadyBaselineIntakeFillsThePipelineAtTheBaseYear() throws {
        // A 4-year programme delivers N·c·e from the first projected year on: the past intake was steady.
        let program = Fixtures.program("P", skill: "AUTOMATION", region: "BN", intake: 50, duration: 4, completion: 0.6, entry: 0.5)
        let forecast = try ForecastModel.project(Self.oneCell(attrition: 0.2, stock: 100, programs: [program]))
        #expect(close(forecast.cell("AUTOMATION", "BN", 2027)?.entrants, 15))
        // S2027 = 100 · 0.8 + 15 = 95; S2028 = 95 · 0.8 + 15 = 91.
        #expect(close(forecast.cell("AUTOMATION", "BN", 2027)?.supply, 95))
        #expect(close(forecast.cell("AUTOMATION", "BN", 2028)?.supply, 91))
    }

    @Test(arguments: [0.0, 0.5, 1.0])
    func upskillingCoursesAddEffectiveSupplyNotHeadcount(factor: Double) throws {
        var course = Fixtures.program(
            "ONSITE", skill: "AUTOMATION", region: "BN", intake: 30, duration: 0, completion: 0.9, entry: 1,
            level: .upskilling)
        #expect(course.completers == .upskilledStaff)
        #expect(course.effectiveSupplyFactor == 0)  // the default: no headcount
        course.effectiveSupplyFactor = factor
        let forecast = try ForecastModel.project(Self.oneCell(attrition: 0, stock: 0, programs: [course]))
        // 27 completers a year from 2027 on, no attrition: 0, 27·f, 54·f, …, all upskilled staff.
        for (position, year) in forecast.years.enumerated() {
            let y = position
            #expect(close(forecast.cell("AUTOMATION", "BN", year)?.supply, 27 * factor * Double(position)))
            #expect(close(forecast.supplyBySource[SupplySource.upskilledStaff.position][0, 0, y], 27 * factor * Double(position)))
            #expect(close(forecast.supplyBySource[SupplySource.bachelor.position][0, 0, y], 0))
            #expect(close(forecast.cell("AUTOMATION", "BN", year)?.graduates, position == 0 ? 0 : 27))
        }
    }

    @Test func intakeScaleVariantScalesGraduates() throws {
        let program = Fixtures.program("P", skill: "AUTOMATION", region: "BN", intake: 40, duration: 2, completion: 0.5, entry: 0.5)
        let scenario = Self.oneCell(attrition: 0.1, stock: 100, programs: [program])
        let doubled = try ForecastModel.project(scenario.applying(ScenarioVariant(name: "double", intakeScale: 2)))
        #expect(doubled.variantName == "double")
        #expect(close(doubled.cell("AUTOMATION", "BN", 2028)?.graduates, 40))
    }
}
