import Foundation
import Testing
@testable import Forecast
import Workforce

/// Two provinces A and B of one macro-region, one skill, 2026–2027, worked by hand:
/// demand 100 in each, stock A 100 and B 60, no attrition, a programme in A sending 50 entrants a
/// year from 2027. B is short 40 in 2026; in 2027 A has 50 graduates more than it needs.
@Suite("Graduate mobility and separations, worked by hand")
struct MobilityAndSeparationTests {
    static func twoProvinces(mobility: GraduateMobility, skill: Skill = Fixtures.skill("MAT", attrition: 0)) -> Scenario {
        var scenario = Fixtures.scenario(
            horizonYears: 2, skills: [skill], regions: [Fixtures.region("A"), Fixtures.region("B")],
            sectors: [
                Fixtures.sector("S", output: ["A": 100, "B": 100], growth: 0, localisation: Fixtures.path((2026, 1), (2040, 1)),
                                intensity: ["MAT": 1])
            ],
            initialStock: ["MAT": ["A": 100, "B": 60]],
            programs: [Fixtures.program("P", skill: "MAT", region: "A", intake: 50, duration: 1, completion: 1, entry: 1)])
        scenario.settings.mobility = mobility
        return scenario
    }

    static func moving(_ share: Double) -> GraduateMobility {
        GraduateMobility(stayShare: 1 - share, macroRegionShare: share, nationalShare: 0)
    }

    @Test("A mobility share m moves exactly m of A's graduates to B", arguments: [0.0, 0.1, 0.25, 0.5, 1.0])
    func shareMovesThatShareOfTheSurplus(m: Double) throws {
        let forecast = try ForecastModel.project(Self.twoProvinces(mobility: Self.moving(m)))
        let a = try #require(forecast.cell("MAT", "A", 2027))
        let b = try #require(forecast.cell("MAT", "B", 2027))
        #expect(abs(a.supply - (100 + 50 * (1 - m))) < 1e-9)
        #expect(abs(b.supply - (60 + 50 * m)) < 1e-9)
        #expect(abs(b.entrants - 50 * m) < 1e-9)
        // Graduates are counted where they trained, entrants where they work.
        #expect(abs(a.graduates - 50) < 1e-9 && b.graduates == 0)
        // Shortage: B's 40 in 2026, then 40 − 50m in 2027 (A is in surplus).
        #expect(abs(forecast.shortageEngineerYears - (40 + max(0, 40 - 50 * m))) < 1e-9)
    }

    @Test func noneAndNationalAreTheTwoExtremes() throws {
        let scenario = Self.twoProvinces(mobility: Self.moving(0.5))
        let breakdown = try ForecastModel.mobilityBreakdown(scenario)
        // none: B is short 40 in both years, A's graduates never reach it.
        #expect(abs(breakdown.none - 80) < 1e-9)
        // scenario: 40 + (40 − 25).
        #expect(abs(breakdown.scenario - 55) < 1e-9)
        // national: 2026 200 − 160 = 40; 2027 200 − 210 < 0.
        #expect(abs(breakdown.national - 40) < 1e-9)
        #expect(abs(breakdown.regionalMismatch - 15) < 1e-9)
        #expect(abs(breakdown.closedByScenarioMobility - 25) < 1e-9)
        #expect(breakdown.sentence.contains("55 engineer-years") && breakdown.sentence.contains("80 engineer-years"))
        let national = try ForecastModel.project(scenario, mobility: .national)
        #expect(national.marketCount == 1)
        #expect(abs(national.totals(year: 2027).shortage) < 1e-9)
        #expect(abs(national.totals(skill: "MAT").shortage - 40) < 1e-9)
    }

    @Test func nationalShareFollowsDemandOriginIncluded() throws {
        let mobility = GraduateMobility(stayShare: 0, macroRegionShare: 0, nationalShare: 1)
        let forecast = try ForecastModel.project(Self.twoProvinces(mobility: mobility))
        // Equal demand: half of A's 50 graduates stay, half go to B.
        #expect(abs(forecast.mobilityMatrix.share(skill: 0, origin: 0, destination: 1) - 0.5) < 1e-12)
        #expect(abs((forecast.cell("MAT", "B", 2027)?.supply ?? 0) - 85) < 1e-9)
    }

    @Test func explicitRowsReplaceTheDefault() throws {
        var mobility = Self.moving(0)
        mobility.rows = ["A": ["A": 0.2, "B": 0.8]]
        let forecast = try ForecastModel.project(Self.twoProvinces(mobility: mobility))
        #expect(abs((forecast.cell("MAT", "B", 2027)?.supply ?? 0) - 100) < 1e-9)
    }

    @Test func replacementPartsSumToTheTotal() throws {
        let skill = Skill(id: "MAT", name: "MAT", weight: 1,
                          separations: SeparationRates(retirement: 0.0108, transfer: 0.025, other: 0.015))
        let forecast = try ForecastModel.project(Self.twoProvinces(mobility: Self.moving(0.3), skill: skill))
        for cell in forecast.cells {
            #expect(abs(cell.retirements + cell.transfers + cell.otherExits - cell.replacementDemand) < 1e-9)
        }
        let a2027 = try #require(forecast.cell("MAT", "A", 2027))
        #expect(abs(a2027.retirements - 0.0108 * 100) < 1e-9)
        #expect(abs(a2027.transfers - 0.025 * 100) < 1e-9)
        #expect(abs(a2027.otherExits - 0.015 * 100) < 1e-9)
        let totals = forecast.totals()
        #expect(abs(totals.retirements + totals.transfers + totals.otherExits - totals.replacementDemand) < 1e-9)
    }

    @Test func ageProfileGivesTheRetirementRate() {
        let profile = AgeProfile(bands: [.init(from: 22, to: 39, share: 0.6), .init(from: 40, to: 49, share: 0.28),
                                         .init(from: 50, to: 61, share: 0.12)])
        // 12 % spread over ages 50–61: 1 % a year reach 62.
        #expect(abs(profile.retirementRate(retirementAge: 62) - 0.01) < 1e-12)
        #expect(profile.retirementRate(retirementAge: 70) == 0)
    }

    @Test func supplyBySourceAddsUpToSupply() throws {
        let forecast = try ForecastModel.project(Self.twoProvinces(mobility: Self.moving(0.4)))
        for index in forecast.supply.values.indices {
            let parts = forecast.supplyBySource.reduce(0) { $0 + $1.values[index] }
            #expect(abs(parts - forecast.supply.values[index]) < 1e-9)
        }
        #expect(abs(forecast.supplyBySource[SupplySource.bachelor.position][0, 0, 1] - 30) < 1e-9)
    }
}

@Suite("Stock–flow calibration")
struct StockFlowCalibrationTests {
    /// Stock 100, 50 entrants a year, 5 % attrition, flat demand 110: every check fails.
    static var inconsistent: Scenario {
        Fixtures.scenario(
            horizonYears: 3, skills: [Fixtures.skill("MOULD", attrition: 0.05)], regions: [Fixtures.region("HN")],
            sectors: [
                Fixtures.sector("S", output: ["HN": 110], growth: 0, localisation: Fixtures.path((2026, 1), (2040, 1)),
                                intensity: ["MOULD": 1])
            ],
            initialStock: ["MOULD": ["HN": 100]],
            programs: [Fixtures.program("P", skill: "MOULD", region: "HN", intake: 50, duration: 2, completion: 1, entry: 1)])
    }

    @Test func everyCheckWarnsNamingTheSkillAndTheNumbers() throws {
        let warnings = try StockFlowCalibration.check(Self.inconsistent)
        #expect(Set(warnings.map(\.check)) == [.steadyState, .firstYearGrowth, .backcast])
        #expect(warnings.allSatisfy { $0.skill == "MOULD" && $0.message.hasPrefix("MOULD:") })
        let steady = try #require(warnings.first { $0.check == .steadyState })
        // 50 / 0.05 = 1,000 = 10× the base stock.
        #expect(abs(steady.value - 10) < 1e-9)
        #expect(steady.message.contains("1,000") && steady.message.contains("10.00×"))
        let growth = try #require(warnings.first { $0.check == .firstYearGrowth })
        // Supply 100 → 145 (+45 %), demand flat: 45 points.
        #expect(abs(growth.value - 45) < 1e-9)
        let backcast = try #require(warnings.first { $0.check == .backcast })
        #expect(backcast.value < 0)
    }

    @Test func backcastRunsThePipelineBackwards() throws {
        let rows = try StockFlowCalibration.backcast(Self.inconsistent, years: 2)
        #expect(rows.map(\.year) == [2025, 2024])
        // (100 − 50) / 0.95 = 52.63…, then (52.63 − 50) / 0.95 = 2.77…
        #expect(abs(rows[0].stock - 50 / 0.95) < 1e-9)
        #expect(abs(rows[1].stock - (50 / 0.95 - 50) / 0.95) < 1e-9)
    }

    @Test func aConsistentScenarioHasNoWarning() throws {
        var scenario = Self.inconsistent
        // 5 entrants a year at 5 % attrition hold a stock of 100 steady.
        scenario.programs[0].baselineIntake = 5
        #expect(try StockFlowCalibration.check(scenario).isEmpty)
    }
}

@Suite("Monte Carlo ranges")
struct ForecastRangesTests {
    static var uncertain: Scenario {
        var scenario = MobilityAndSeparationTests.twoProvinces(mobility: MobilityAndSeparationTests.moving(0.5))
        scenario.settings.horizonYears = 2
        scenario.skills[0].attritionRate = 0.05
        scenario.settings.uncertainty = ForecastUncertainty(
            productivityGrowth: .triangular(low: 0, mode: 0.02, high: 0.05), attritionScale: .uniform(low: 0.5, high: 1.5),
            entryRateScale: .uniform(low: 0.5, high: 1), stayShare: .uniform(low: 0.2, high: 0.9))
        return scenario
    }

    @Test func percentilesAreOrderedAndReproducible() throws {
        let first = try ForecastModel.ranges(Self.uncertain, draws: 200, seed: 7)
        let again = try ForecastModel.ranges(Self.uncertain, draws: 200, seed: 7)
        let other = try ForecastModel.ranges(Self.uncertain, draws: 200, seed: 8)
        #expect(first == again)
        #expect(first != other)
        #expect(first.rows.count == 2)
        for row in first.rows {
            for band in [row.demand, row.supply, row.shortage] {
                #expect(band.p10 <= band.p50 && band.p50 <= band.p90)
            }
        }
        #expect(first.rows[1].supply.p10 < first.rows[1].supply.p90)
        #expect(first.parameters == ["productivity_growth", "attrition_scale", "entry_rate_scale", "stay_share"])
    }

    /// The ranges look each programme's place up once for all draws (the draws change rates only):
    /// every draw projects as it does from scratch.
    @Test func aDrawProjectedWithThePlacesLookedUpOnceIsTheSame() throws {
        let scenario = Self.uncertain
        let places = try #require(ForecastModel.programPlaces(scenario))
        #expect(places.count == scenario.programs.count)
        for index in 0..<5 {
            let drawn = ForecastModel.draw(scenario, index: index, seed: 11)
            #expect(try ForecastModel.project(drawn, additionalIntake: AdditionalIntake(), mobility: .scenario, programPlaces: places)
                == ForecastModel.project(drawn))
        }
        var unknown = scenario
        unknown.programs[0].region = "NOWHERE"
        #expect(ForecastModel.programPlaces(unknown) == nil)
    }

    @Test func withoutUncertaintyEveryDrawIsTheCentralForecast() throws {
        let scenario = MobilityAndSeparationTests.twoProvinces(mobility: MobilityAndSeparationTests.moving(0.5))
        let ranges = try ForecastModel.ranges(scenario, draws: 20, seed: 1)
        #expect(ranges.shortageEngineerYears == Percentiles(p10: 55, p50: 55, p90: 55))
        #expect(ranges.centralShortageEngineerYears == 55)
    }

    @Test func distributionsInvertTheirCumulativeFunction() {
        let triangle = ParameterDistribution.triangular(low: 0, mode: 1, high: 2)
        #expect(triangle.quantile(0) == 0 && triangle.quantile(1) == 2 && abs(triangle.quantile(0.5) - 1) < 1e-12)
        #expect(ParameterDistribution.uniform(low: 2, high: 4).quantile(0.25) == 2.5)
        #expect(Percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) == Percentiles(p10: 2, p50: 6, p90: 10))
    }
}
