import Testing
import Workforce
@testable import Forecast

/// Whether `a` equals `b` to `tolerance`, relative for values above 1.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite("A forecast worked by hand")
struct WorkedExampleTests {
    // Fixtures.workedExample: t0 = 2026, H = 3, π = 0.05.
    // Sector AUTO in HN: Y0 = 100, g = 0.10, L = 0.40 (2026) → 0.60 (2028), so L(2027) = 0.50;
    // I[MOULD] = 2.0.
    //   D2026 = 100 · 0.40 · 2               = 80
    //   D2027 = 110 · 0.50 · 2 / 1.05        = 110 / 1.05    = 104.76190476190476
    //   D2028 = 121 · 0.60 · 2 / 1.05²       = 145.2 / 1.1025 = 131.70068027210884
    // MOULD in HN: S0 = 50, a = 0.1; programme P1: N = 20, d = 2, c = 0.8, e = 0.75, steady intake,
    // so G = 16 graduates and G·e = 12 entrants a year.
    //   S2026 = 50
    //   S2027 = 50 · 0.9 + 12   = 57       (replacement 5)
    //   S2028 = 57 · 0.9 + 12   = 63.3     (replacement 5.7)
    // Gap: 30, 47.76190476190476, 68.40068027210884; shortage over the horizon 146.16258503401361.
    let forecast: Forecast

    init() throws {
        forecast = try ForecastModel.project(Fixtures.workedExample)
    }

    @Test func demandSupplyAndGapMatchTheHandComputation() throws {
        let expected: [(year: Int, demand: Double, supply: Double, gap: Double)] = [
            (2026, 80, 50, 30),
            (2027, 110 / 1.05, 57, 110 / 1.05 - 57),
            (2028, 145.2 / 1.1025, 63.3, 145.2 / 1.1025 - 63.3),
        ]
        #expect(forecast.years == [2026, 2027, 2028])
        for row in expected {
            let cell = try #require(forecast.cell("MOULD", "HN", row.year))
            #expect(close(cell.demand, row.demand), "demand \(row.year)")
            #expect(close(cell.supply, row.supply), "supply \(row.year)")
            #expect(close(cell.gap, row.gap), "gap \(row.year)")
            #expect(close(cell.shortage, row.gap), "shortage \(row.year)")
        }
        #expect(close(forecast.cell("MOULD", "HN", 2027)?.demand, 104.76190476190476))
        #expect(close(forecast.cell("MOULD", "HN", 2028)?.gap, 68.40068027210884))
        #expect(close(forecast.shortageEngineerYears, 146.16258503401361))
    }

    @Test func flowsMatchTheHandComputation() throws {
        let y2026 = try #require(forecast.cell("MOULD", "HN", 2026))
        let y2027 = try #require(forecast.cell("MOULD", "HN", 2027))
        let y2028 = try #require(forecast.cell("MOULD", "HN", 2028))
        // The base-year stock is observed: no flows in 2026.
        #expect(y2026.expansionDemand == 0 && y2026.replacementDemand == 0 && y2026.graduates == 0)
        #expect(close(y2027.replacementDemand, 5))
        #expect(close(y2028.replacementDemand, 5.7))
        #expect(close(y2027.expansionDemand, 110 / 1.05 - 80))
        #expect(close(y2028.expansionDemand, 145.2 / 1.1025 - 110 / 1.05))
        #expect(close(y2027.graduates, 16) && close(y2028.graduates, 16))
        #expect(close(y2027.entrants, 12) && close(y2028.entrants, 12))
    }

    @Test func lookupsOutsideTheForecastAreNil() {
        #expect(forecast.cell("MOULD", "HN", 2025) == nil)
        #expect(forecast.cell("MOULD", "HN", 2029) == nil)
        #expect(forecast.cell("AUTOMATION", "HN", 2026) == nil)
        #expect(forecast.cell("MOULD", "HCM", 2026) == nil)
    }

    @Test func denseGridsAgreeWithCells() throws {
        let s = try #require(forecast.skillPositions["MOULD"])
        let r = try #require(forecast.regionPositions["HN"])
        let y = try #require(forecast.yearPosition(2028))
        #expect(close(forecast.gap[s, r, y], 145.2 / 1.1025 - 63.3))
        #expect(close(forecast.shortage[s, r, y], 145.2 / 1.1025 - 63.3))
        #expect(forecast.gap.values.count == 3)
        #expect(close(forecast.survivalFactor(skill: s, years: 2), 0.81))
        #expect(Forecast.survivalFactor(attritionRate: 0.1, years: 0) == 1)
    }
}
