import Allocation
import Foundation
import Testing
import Workforce

@Suite("MPS, CSV, JSON and the terminal summary")
struct ExportTests {
    @Test func mpsNamesEveryColumnAndRow() throws {
        let builder = ScenarioBuilder.twoProgrammes()
        let model = try AllocationModel.build(scenario: builder.scenario, forecast: builder.forecast)
        #expect(model.size == ModelSize(variables: 8, integerVariables: 2, constraints: 7, nonzeros: 13))
        let mps = try model.mps()
        let lines = Set(mps.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for expected in [
            "NAME allocation-test", "L budget[2027]", "E landed.def[MAT,HN,2028]", "G short.def[MAT,HN,2029]",
            "E spend.def[2027]", "seats[P1,2027] landed.def[MAT,HN,2028] -1", "seats[P2,2027] spend.def[2027] -0.02",
            "short[MAT,HN,2028] OBJECTIVE 1", "landed[MAT,HN,2028] short.def[MAT,HN,2029] 1",
            "RHS budget[2027] 0.4", "RHS short.def[MAT,HN,2026] 100", "UP BND seats[P1,2027] 30", "UP BND seats[P2,2027] 50",
        ] {
            #expect(lines.contains(expected), "missing MPS line: \(expected)")
        }
        #expect(mps.contains("'INTORG'"))
    }

    @Test func planCarriesTheModelItSolved() throws {
        let builder = ScenarioBuilder.twoProgrammes()
        let integer = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        let relaxed = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast, options: .init(relax: true))
        #expect(try integer.mps().contains("'INTORG'"))
        #expect(try !relaxed.mps().contains("'INTORG'"))
        #expect(integer.size.integerVariables == 2)
    }

    @Test func csvFiles() throws {
        var builder = ScenarioBuilder.twoProgrammes()
        builder.fairness = FairnessRules(institutionShareCap: 0.9)
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        let files = plan.csvFiles()
        #expect(files.keys.sorted() == [
            "fairness.csv", "idle_programs.csv", "internships.csv", "onsite.csv", "scholarships.csv", "shortage.csv", "spend.csv",
        ])
        #expect(files["scholarships.csv"] == """
            program,institution,region,skill,intake_year,seats,unit_cost_per_year_vnd,total_cost_vnd,graduation_year,engineers_added,cost_by_year
            P1,INST-A,HN,MAT,2027,30,10000000,300000000,2028,30,2027:300000000
            P2,INST-B,HN,MAT,2027,5,20000000,100000000,2028,5,2027:100000000

            """)
        #expect(files["spend.csv"]?.split(separator: "\n").first
            == "year,budget_vnd,scholarships_vnd,internships_vnd,onsite_vnd,capacity_vnd,relocation_vnd,total_vnd,unspent_to_date_vnd,shadow_price_engineer_years_per_billion")
        #expect(files["spend.csv"]?.split(separator: "\n").last == "2027,400000000,400000000,0,0,0,0,400000000,0,99.9999")
        #expect(files["shortage.csv"]?.split(separator: "\n").last == "MAT,HN,2029,100,65,35")
        #expect(files["fairness.csv"]?.contains("institution-share-cap,fair.institution-share-cap[INST-A],INST-A,at_most,0.9,0.75,") == true)
    }

    @Test func jsonHasStableSnakeCaseKeys() throws {
        let builder = ScenarioBuilder.twoProgrammes()
        let plan = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast)
        let text = try plan.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "optimal")
        #expect(abs((object["objective"] as? Double ?? 0) - 330) < 1e-3)
        #expect(object["shortage_before"] as? Double == 400)
        #expect(object["shortage_after"] as? Double == 330)
        let spend = try #require(object["spend_by_year"] as? [[String: Any]])
        #expect(spend.first?["year"] as? Int == 2027)
        #expect(spend.first?["total"] as? Double == 400_000_000)
        for key in ["scholarships", "internships", "onsite", "shortage", "fairness", "explanation", "size", "best_bound", "gap"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        let decoded = try JSONDecoder().decode(AllocationPlan.self, from: Data(text.utf8))
        #expect(decoded.scholarships == plan.scholarships)
        #expect(throws: AllocationError.self) { try decoded.mps() }
    }

    @Test func terminalSummary() throws {
        var builder = ScenarioBuilder.twoProgrammes()
        builder.fairness = FairnessRules(institutionShareCap: 0.5)
        let summary = try AllocationPlanner.plan(scenario: builder.scenario, forecast: builder.forecast).summary()
        #expect(summary.hasPrefix("Allocation plan for test (baseline): optimal, integer seats"))
        #expect(summary.contains("2027     0.40          0.40         0.00     0.00   0.40  100.00 %           150.00\n"))
        #expect(summary.contains("total    0.40          0.40         0.00     0.00   0.40  100.00 %\n"))
        #expect(summary.contains("skill MAT      400.0  340.0    60.0"))
        #expect(summary.contains("Cost per engineer-year closed: 6.67 million VND"))
        #expect(summary.contains("  institution-share-cap, costs 10.00 weighted engineer-years"))
    }
}
