import Foundation
import Testing
import Workforce
@testable import Forecast

@Suite("Demand: output, localisation, intensity and productivity")
struct DemandTests {
    static func scenario(productivityGrowth: Double, growth: Double, localisation: LocalisationPath) -> Scenario {
        Fixtures.scenario(
            baseYear: 2026, horizonYears: 5, productivityGrowth: productivityGrowth,
            skills: [Fixtures.skill("MAT", attrition: 0.05), Fixtures.skill("MGMT", attrition: 0.05)],
            regions: [Fixtures.region("HP")],
            sectors: [
                Fixtures.sector(
                    "MOULD", output: ["HP": 200], growth: growth, localisation: localisation,
                    intensity: ["MAT": 1.5])
            ])
    }

    @Test func localisationIsLinearBetweenAnchors() throws {
        // Anchors 2026: 0.30 and 2030: 0.50, so L = 0.30, 0.35, 0.40, 0.45, 0.50; D = 200 · 1.5 · L.
        let forecast = try ForecastModel.project(
            Self.scenario(productivityGrowth: 0, growth: 0, localisation: Fixtures.path((2026, 0.30), (2030, 0.50))))
        let expected = [90.0, 105, 120, 135, 150]
        for (year, demand) in zip(forecast.years, expected) {
            #expect(close(forecast.cell("MAT", "HP", year)?.demand, demand), "year \(year)")
        }
        // A skill the sector does not use has no demand.
        #expect(forecast.cell("MGMT", "HP", 2030)?.demand == 0)
    }

    @Test func anchorsOutsideTheHorizonInterpolateAcrossIt() throws {
        // Anchors 2020: 0.2 and 2040: 0.6 step 0.02 a year; L2026 = 0.32.
        let forecast = try ForecastModel.project(
            Self.scenario(productivityGrowth: 0, growth: 0, localisation: Fixtures.path((2020, 0.2), (2040, 0.6))))
        #expect(close(forecast.cell("MAT", "HP", 2026)?.demand, 200 * 1.5 * 0.32))
        #expect(close(forecast.cell("MAT", "HP", 2030)?.demand, 200 * 1.5 * 0.40))
    }

    @Test("Productivity growth discounts demand by (1+π)^(t−t0)", arguments: [0.0, 0.0524, 0.1])
    func productivityDiscounting(productivityGrowth: Double) throws {
        let forecast = try ForecastModel.project(
            Self.scenario(
                productivityGrowth: productivityGrowth, growth: 0.07,
                localisation: Fixtures.path((2026, 0.4), (2030, 0.4))))
        for year in forecast.years {
            let t = Double(year - 2026)
            let expected = 200 * pow(1.07, t) * 0.4 * 1.5 / pow(1 + productivityGrowth, t)
            #expect(close(forecast.cell("MAT", "HP", year)?.demand, expected), "year \(year)")
        }
    }

    @Test func sectorsAddUpPerSkillAndRegion() throws {
        var scenario = Self.scenario(productivityGrowth: 0, growth: 0, localisation: Fixtures.path((2026, 0.5), (2030, 0.5)))
        scenario.sectors.append(
            Fixtures.sector(
                "AUTO", output: ["HP": 40], growth: 0, localisation: Fixtures.path((2026, 1), (2030, 1)),
                intensity: ["MAT": 0.5, "MGMT": 2]))
        let forecast = try ForecastModel.project(scenario)
        // MAT: 200 · 0.5 · 1.5 + 40 · 1 · 0.5 = 170; MGMT: 40 · 2 = 80.
        #expect(close(forecast.cell("MAT", "HP", 2028)?.demand, 170))
        #expect(close(forecast.cell("MGMT", "HP", 2028)?.demand, 80))
    }
}
