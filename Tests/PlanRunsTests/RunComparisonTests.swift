import Foundation
import PlanRuns
import Testing

@Suite("Comparing two stored runs")
struct RunComparisonTests {
    static func plan(scholarships: [(String, String, Double)], internships: [(String, String, Double)], spend: Double) -> String {
        let awards = scholarships.map { "{\"program\":\"\($0.0)\",\"region\":\"\($0.1)\",\"total_cost\":\($0.2),\"seats\":1}" }
        let interns = internships.map { "{\"enterprise\":\"\($0.0)\",\"region\":\"\($0.1)\",\"cost\":\($0.2)}" }
        return """
            {"scholarships":[\(awards.joined(separator: ","))],"internships":[\(interns.joined(separator: ","))],
             "onsite":[{"program":"P1","host_enterprise":"E1","region":"HN","cost":5}],
             "shortage_before":1000,"shortage_after":600,"total_spend":\(spend),"total_budget":200,"objective":600}
            """
    }

    static func snapshot(_ run: Int64, hash: String, fund: String, variant: String, plan: String?) -> RunSnapshot {
        RunSnapshot(
            run: run, kind: "plan", startedAt: Date(timeIntervalSince1970: 0), datasetHash: hash,
            sourceFiles: ["fund.yaml": fund, "programs.csv": "p1"],
            parameters: "{\"variant\":\"\(variant)\",\"relax\":false,\"sweep\":\"0,1\"}", planJSON: plan,
            reportJSON: "{\"matched\":10,\"funded_places\":3,\"spend_vnd\":\(run == 1 ? 100 : 150)}")
    }

    @Test func itNamesTheChangedInputsFiguresAndTheLargestChanges() throws {
        let before = Self.snapshot(1, hash: "aaa", fund: "f1", variant: "baseline", plan: Self.plan(
            scholarships: [("P1", "HN", 50), ("P2", "HCM", 40)], internships: [("E1", "HN", 10)], spend: 100))
        let after = Self.snapshot(2, hash: "bbb", fund: "f2", variant: "decree", plan: Self.plan(
            scholarships: [("P1", "HN", 50), ("P3", "DN", 90)], internships: [("E2", "HCM", 5)], spend: 150))
        let comparison = try RunComparison(from: before, to: after)
        #expect(comparison.datasetChanged)
        #expect(comparison.fundPolicyChanged)
        #expect(comparison.files.map(\.path) == ["fund.yaml"])
        #expect(comparison.parameters.map(\.name) == ["variant"])
        #expect(comparison.parameters.first?.before == "baseline" && comparison.parameters.first?.after == "decree")
        let spend = try #require(comparison.headline.first { $0.key == "spend_vnd" })
        #expect(spend.before == 100 && spend.after == 150 && spend.change == 50)
        #expect(comparison.programs.map(\.code) == ["P3", "P2"], "P1 is unchanged and not listed")
        #expect(comparison.regions.map(\.code) == ["DN", "HCM", "HN"])
        #expect(comparison.enterprises.map(\.code) == ["E1", "E2"])
        #expect(comparison.enterprises.first?.change == -10)
    }

    @Test func theSameRunTwiceChangesNothing() throws {
        let run = Self.snapshot(1, hash: "aaa", fund: "f1", variant: "baseline", plan: Self.plan(
            scholarships: [("P1", "HN", 50)], internships: [], spend: 100))
        let comparison = try RunComparison(from: run, to: run)
        #expect(!comparison.datasetChanged && !comparison.fundPolicyChanged)
        #expect(comparison.files.isEmpty && comparison.parameters.isEmpty)
        #expect(comparison.programs.isEmpty && comparison.regions.isEmpty && comparison.enterprises.isEmpty)
    }

    @Test func aRunWithoutAPlanIsNamed() {
        let planned = Self.snapshot(1, hash: "a", fund: "f", variant: "baseline", plan: Self.plan(scholarships: [], internships: [], spend: 0))
        let validation = Self.snapshot(4, hash: "a", fund: "f", variant: "baseline", plan: nil)
        #expect(throws: RunComparisonError(run: 4, document: "plan.json",
                                           reason: "the run kept no plan (a plan run; only plan and allocate runs that succeeded keep one)")) {
            _ = try RunComparison(from: planned, to: validation)
        }
    }
}
