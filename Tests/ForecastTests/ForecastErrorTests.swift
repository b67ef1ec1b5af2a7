import Testing
import Workforce
@testable import Forecast

@Suite("Bad input is a ForecastError, never a crash")
struct ForecastErrorTests {
    @Test func horizonBeyondTheLastAnchorIsAnError() throws {
        var scenario = Fixtures.workedExample
        scenario.settings.baseYear = 2026
        scenario.settings.horizonYears = 12  // 2026–2037
        scenario.sectors[0].id = "AUTO"
        scenario.sectors[0].localisation = Fixtures.path((2025, 0.3), (2035, 0.6))
        let error = #expect(throws: ForecastError.self) { try ForecastModel.project(scenario) }
        #expect(error == .localisationOutsideHorizon(sector: "AUTO", anchors: 2025...2035, horizon: 2026...2037))
        #expect(error?.description.hasPrefix(
            "sector AUTO: localisation anchors cover 2025–2035 but the horizon runs to 2037") == true)
    }

    @Test func horizonBeforeTheFirstAnchorIsAnError() throws {
        var scenario = Fixtures.workedExample
        scenario.sectors[0].localisation = Fixtures.path((2027, 0.3), (2035, 0.6))
        let error = #expect(throws: ForecastError.self) { try ForecastModel.project(scenario) }
        #expect(error?.description.hasPrefix(
            "sector AUTO: localisation anchors cover 2027–2035 but the horizon starts in 2026") == true)
    }

    @Test func variantsAreCheckedToo() throws {
        let variant = ScenarioVariant(name: "short-path", sectorLocalisation: ["AUTO": Fixtures.path((2026, 0.4))])
        #expect(throws: ForecastError.localisationOutsideHorizon(sector: "AUTO", anchors: 2026...2026, horizon: 2026...2028)) {
            try ForecastModel.compare(Fixtures.workedExample, variants: [.baseline, variant])
        }
    }

    @Test func otherBadInputs() throws {
        var unknownRegion = Fixtures.workedExample
        unknownRegion.programs[0].region = "XX"
        #expect(throws: ForecastError.unknownRegion("XX", referencedBy: "programme P1")) {
            try ForecastModel.project(unknownRegion)
        }

        var unknownSkill = Fixtures.workedExample
        unknownSkill.sectors[0].intensity["WELDING"] = 1
        #expect(throws: ForecastError.unknownSkill("WELDING", referencedBy: "sector AUTO intensity")) {
            try ForecastModel.project(unknownSkill)
        }

        var emptyHorizon = Fixtures.workedExample
        emptyHorizon.settings.horizonYears = 0
        #expect(throws: ForecastError.emptyHorizon(horizonYears: 0)) { try ForecastModel.project(emptyHorizon) }

        var noAnchors = Fixtures.workedExample
        noAnchors.sectors[0].localisation = LocalisationPath(anchors: [])
        #expect(throws: ForecastError.localisationMissing(sector: "AUTO")) { try ForecastModel.project(noAnchors) }

        var unordered = Fixtures.workedExample
        unordered.sectors[0].localisation = Fixtures.path((2030, 0.3), (2020, 0.6))
        #expect(throws: ForecastError.localisationNotIncreasing(sector: "AUTO")) { try ForecastModel.project(unordered) }

        var badAttrition = Fixtures.workedExample
        badAttrition.skills[0].attritionRate = .nan
        #expect(throws: ForecastError.self) { try ForecastModel.project(badAttrition) }

        var duplicate = Fixtures.workedExample
        duplicate.regions.append(Fixtures.region("HN"))
        #expect(throws: ForecastError.duplicateRegion("HN")) { try ForecastModel.project(duplicate) }

        var extra = AdditionalIntake()
        extra.add(5, to: "NOPE", in: 2027)
        #expect(throws: ForecastError.unknownProgram("NOPE")) {
            try ForecastModel.project(Fixtures.workedExample, additionalIntake: extra)
        }
        var negative = AdditionalIntake()
        negative.add(-5, to: "P1", in: 2027)
        let error = #expect(throws: ForecastError.self) {
            try ForecastModel.project(Fixtures.workedExample, additionalIntake: negative)
        }
        #expect(error?.description == "additional intake of programme P1 in 2027 is -5.0; expected a finite number, 0 or more")
    }
}
