import Foundation
import Testing

/// `forecast` and `validate` with the second wave's forecast: mobility, ranges, back-cast and the
/// stock–flow warnings.
@Suite("forecast: mobility, ranges, back-cast, calibration", .serialized)
struct ForecastCommandTests {
    typealias CLI = CommandLineRunner

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func rangesAreOrderedAndTheSameForTheSameSeed() throws {
        let work = try CLI.workingDirectory()
        let arguments = ["forecast", CLI.bundledScenario.path, "--ranges", "--draws", "200", "--seed", "11", "--json"]
        let first = try CLI.run(arguments, in: work)
        let second = try CLI.run(arguments, in: work)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == second.standardOutput)
        let document = try Self.json(first.standardOutput)
        let variant = try #require((document["variants"] as? [[String: Any]])?.first)
        let ranges = try #require(variant["ranges"] as? [String: Any])
        let rows = try #require(ranges["rows"] as? [[String: Any]])
        #expect(rows.count == 4 * 10)
        var spread = 0.0
        for row in rows {
            for measure in ["demand", "supply", "shortage"] {
                let band = try #require(row[measure] as? [String: Double])
                let p10 = try #require(band["p10"]), p50 = try #require(band["p50"]), p90 = try #require(band["p90"])
                #expect(p10 <= p50 && p50 <= p90, "\(row["skill"] ?? "") \(row["year"] ?? "") \(measure)")
                spread += p90 - p10
            }
        }
        #expect(spread > 0, "the bundled scenario declares uncertainty; the ranges must not collapse")
        let other = try CLI.run(["forecast", CLI.bundledScenario.path, "--ranges", "--draws", "200", "--seed", "12", "--json"], in: work)
        #expect(other.standardOutput != first.standardOutput)
    }

    @Test func theHeadlineIsExplainedUnderTheThreeMobilities() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(["forecast", CLI.bundledScenario.path, "--json"], in: work)
        let document = try Self.json(outcome.standardOutput)
        #expect(document["mobility"] as? String == "scenario")
        let variant = try #require((document["variants"] as? [[String: Any]])?.first)
        let breakdown = try #require(variant["mobility_breakdown"] as? [String: Double])
        let none = try #require(breakdown["none"]), scenario = try #require(breakdown["scenario"])
        let national = try #require(breakdown["national"])
        #expect(national <= scenario && scenario <= none)
        #expect(abs((variant["shortage_engineer_years"] as? Double ?? 0) - scenario) < 1e-6)
        let totals = try #require(variant["horizon_totals"] as? [String: Double])
        let parts = (totals["retirements"] ?? 0) + (totals["transfers"] ?? 0) + (totals["other_exits"] ?? 0)
        #expect(abs(parts - (totals["replacement_demand"] ?? -1)) < 1e-6)
        #expect((variant["supply_by_source"] as? [Any])?.count == 40)

        let text = try CLI.run(["forecast", CLI.bundledScenario.path, "--mobility", "national"], in: work)
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("regional mismatch that moving graduates between provinces would close"))
        #expect(text.standardOutput.contains("(mobility: national)"))
    }

    @Test func theBundledScenarioPassesItsOwnStockFlowChecks() throws {
        let outcome = try CLI.run(["validate", CLI.bundledScenario.path, "--json"], in: try CLI.workingDirectory())
        #expect(outcome.status == 0)
        let report = try Self.json(outcome.standardOutput)
        #expect((report["warnings"] as? [Any])?.isEmpty == true, "\(report["warnings"] ?? "")")
        let backcast = try CLI.run(["forecast", CLI.bundledScenario.path, "--backcast", "5", "--json"], in: try CLI.workingDirectory())
        let variant = try #require((try Self.json(backcast.standardOutput)["variants"] as? [[String: Any]])?.first)
        let rows = try #require(variant["backcast"] as? [[String: Any]])
        #expect(rows.count == 20)
        #expect(rows.allSatisfy { ($0["share_of_base"] as? Double ?? 0) >= 0.5 })
    }

    @Test func aScenarioThatBreaksTheStockFlowChecksIsWarnedSkillBySkill() throws {
        let work = try CLI.workingDirectory()
        let scenario = try CLI.copyOfBundledScenario(into: work)
        // A tenth of the stock: the pipeline would build ten times more than there is.
        let file = scenario.appendingPathComponent("scenario.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.components(separatedBy: "\n").map { line -> String in
            guard line.hasPrefix("  MAT: {HN:") else { return line }
            return line.replacingOccurrences(of: #"(\d+)([,}])"#, with: "1$2", options: .regularExpression)
        }
        text = lines.joined(separator: "\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["validate", scenario.path], in: work)
        #expect(outcome.status == 0, "warnings do not fail validation: \(outcome.standardError)")
        #expect(outcome.standardOutput.contains("warning: MAT:"))
        #expect(outcome.standardOutput.contains("steady") || outcome.standardOutput.contains("settle at"))
        let json = try Self.json(try CLI.run(["validate", scenario.path, "--json"], in: work).standardOutput)
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(Set(warnings.compactMap { $0["check"] as? String }) == ["steady_state", "first_year_growth", "backcast"])
        #expect(warnings.allSatisfy { $0["skill"] as? String == "MAT" })
    }

    @Test func planStatesTheShortageUnderTheThreeMobilities() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(
            ["plan", CLI.bundledScenario.path, "--exports", "out", "--relax", "--sweep", "", "--draws", "20", "--json"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try Self.json(outcome.standardOutput)
        let breakdown = try #require(report["mobility_breakdown"] as? [String: Double])
        let forecast = try Self.json(try CLI.run(["forecast", CLI.bundledScenario.path, "--json"], in: work).standardOutput)
        let variant = try #require((forecast["variants"] as? [[String: Any]])?.first)
        // The plan's shortage before is the forecast's.
        #expect(abs((report["shortage_before"] as? Double ?? 0) - (variant["shortage_engineer_years"] as? Double ?? -1)) < 1e-6)
        #expect(abs((breakdown["scenario"] ?? 0) - (report["shortage_before"] as? Double ?? -1)) < 1e-6)
        // One internship budget: the round's fund-backed places are the plan's funded interns of the year.
        let planInterns = try #require(report["plan_interns"] as? Int)
        #expect(planInterns > 0 && report["funded_places"] as? Int == planInterns)
    }
}
