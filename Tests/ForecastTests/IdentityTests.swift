import Testing
import Workforce
@testable import Forecast

@Suite("Identities between demand, supply, flows and totals")
struct IdentityTests {
    @Test("Stock and demand identities hold in every cell", arguments: [1, 2, 3] as [UInt64])
    func stockAndDemandIdentities(seed: UInt64) throws {
        let scenario = Fixtures.random(seed: seed, skills: 4, regions: 6, sectors: 3, programs: 60)
        let forecast = try ForecastModel.project(scenario)
        var checked = 0
        for s in forecast.skills.indices {
            let attrition = forecast.attritionRates[s]
            for r in forecast.regions.indices {
                for y in forecast.years.indices {
                    let cell = forecast.cell(skill: s, region: r, year: y)
                    #expect(close(cell.gap, cell.demand - cell.supply))
                    #expect(cell.shortage == max(0, cell.gap))
                    guard y > 0 else {
                        let stock = scenario.initialStock[forecast.skills[s]]?[forecast.regions[r]] ?? 0
                        #expect(cell.supply == stock)
                        continue
                    }
                    let previous = forecast.cell(skill: s, region: r, year: y - 1)
                    // S[t] = S[t−1] − replacement + entrants; replacement = a·S[t−1].
                    #expect(close(cell.supply, previous.supply - cell.replacementDemand + cell.entrants))
                    #expect(close(cell.replacementDemand, attrition * previous.supply))
                    // Expansion = D[t] − D[t−1].
                    #expect(close(cell.expansionDemand, cell.demand - previous.demand))
                    checked += 1
                }
            }
        }
        #expect(checked == 4 * 6 * 9)
    }

    @Test func entrantsAreTheProgrammesGraduatesTimesEntryRate() throws {
        let scenario = Fixtures.random(seed: 7, skills: 3, regions: 4, sectors: 2, programs: 40)
        let forecast = try ForecastModel.project(scenario)
        for skill in forecast.skills {
            for region in forecast.regions {
                let programs = scenario.programs.filter { $0.skill == skill && $0.region == region }
                let graduates = programs.reduce(0.0) { $0 + Double($1.baselineIntake) * $1.completionRate }
                let entrants = programs.reduce(0.0) { $0 + Double($1.baselineIntake) * $1.engineersPerSeat }
                #expect(close(forecast.cell(skill, region, 2030)?.graduates, graduates))
                #expect(close(forecast.cell(skill, region, 2030)?.entrants, entrants))
            }
        }
    }

    @Test func totalsEqualTheSumOfCells() throws {
        let forecast = try ForecastModel.project(
            Fixtures.random(seed: 11, skills: 3, regions: 5, sectors: 2, programs: 30))
        let cells = forecast.cells
        #expect(cells.count == 3 * 5 * 10)
        // Cells come in skill, region, year order.
        #expect(cells[0].skill == "S0" && cells[0].region == "R0" && cells[0].year == 2026)
        #expect(cells[1].year == 2027 && cells[10].region == "R1" && cells[50].skill == "S1")

        func sum(_ filter: (ForecastCell) -> Bool) -> ForecastTotals {
            var totals = ForecastTotals()
            for cell in cells where filter(cell) { totals.add(cell) }
            return totals
        }
        func same(_ a: ForecastTotals, _ b: ForecastTotals) -> Bool {
            close(a.demand, b.demand) && close(a.supply, b.supply) && close(a.gap, b.gap)
                && close(a.shortage, b.shortage) && close(a.expansionDemand, b.expansionDemand)
                && close(a.replacementDemand, b.replacementDemand) && close(a.graduates, b.graduates)
                && close(a.entrants, b.entrants)
        }
        for (skill, totals) in forecast.totalsBySkill() { #expect(same(totals, sum { $0.skill == skill })) }
        for (region, totals) in forecast.totalsByRegion() { #expect(same(totals, sum { $0.region == region })) }
        for (year, totals) in forecast.totalsByYear() { #expect(same(totals, sum { $0.year == year })) }
        #expect(same(forecast.totals(skill: "S2", region: "R4", year: 2031), sum { $0.skill == "S2" && $0.region == "R4" && $0.year == 2031 }))
        #expect(same(forecast.totals(), sum { _ in true }))
        #expect(close(forecast.shortageEngineerYears, cells.reduce(0) { $0 + $1.shortage }))
        #expect(forecast.totals(skill: "NOPE") == ForecastTotals())
        // Shortage is summed per cell, so it is at least the positive part of the net gap.
        let all = forecast.totals()
        #expect(all.shortage >= max(0, all.gap) - 1e-9)
    }

    @Test func nationalScaleProjectsWithConsistentShapes() throws {
        // 4 skills × 34 regions × 10 years, 3,000 programmes (no timing assertion; see the bench).
        let scenario = Fixtures.random(seed: 2035, skills: 4, regions: 34, sectors: 5, programs: 3_000)
        let forecast = try ForecastModel.project(scenario)
        #expect(forecast.gap.values.count == 4 * 34 * 10)
        let totalEntrants = forecast.entrants.sum
        let expected = scenario.programs.reduce(0.0) { $0 + Double($1.baselineIntake) * $1.engineersPerSeat } * 9
        #expect(close(totalEntrants, expected, tolerance: 1e-9))
    }
}
