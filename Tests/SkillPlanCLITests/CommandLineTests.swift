import Foundation
import Testing

/// The command-line contract: exit statuses, `--json` alone on standard output, errors that name
/// the file and line, nothing written on bad input, every run recorded.
@Suite("skillplan on the command line", .serialized)
struct CommandLineTests {
    typealias CLI = CommandLineRunner

    @Test func validateAcceptsTheBundledScenario() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(["validate", CLI.bundledScenario.path, "--json"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(report["valid"] as? Bool == true)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["skills"] as? Int == 4)
        #expect((summary["students"] as? Int ?? 0) >= 1000)
    }

    @Test func badInputExitsOneNamesFileAndLineAndWritesNothing() throws {
        let work = try CLI.workingDirectory()
        let scenario = try CLI.copyOfBundledScenario(into: work)
        try CLI.setField(4, ofLine: 3, to: "-2", in: scenario.appendingPathComponent("postings.csv"))

        for command in [["validate"], ["import"], ["plan", "--exports", "out"], ["match"]] {
            let outcome = try CLI.run(command + [scenario.path], in: work)
            #expect(outcome.status == 1, "\(command): \(outcome.standardError)")
            #expect(outcome.standardError.contains("postings.csv:4:5: slots: '-2'"), "\(outcome.standardError)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: work.path)
        #expect(left == ["scenario"], "nothing may be written: \(left)")
    }

    @Test(arguments: [["frobnicate"], ["forecast"], ["allocate", "x", "--sweep", "1,-2"], ["match"]])
    func wrongUsageExitsTwo(_ arguments: [String]) throws {
        let outcome = try CLI.run(arguments, in: try CLI.workingDirectory())
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func importTwiceStoresOnceAndRunsAreRecorded() throws {
        let work = try CLI.workingDirectory()
        let first = try CLI.run(["import", CLI.bundledScenario.path, "--json"], in: work)
        #expect(first.status == 0, "\(first.standardError)")
        let second = try CLI.run(["import", CLI.bundledScenario.path, "--json"], in: work)
        let firstReport = try #require(try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        let secondReport = try #require(try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [String: Any])
        #expect(firstReport["new"] as? Bool == true)
        #expect(secondReport["new"] as? Bool == false)
        #expect(firstReport["dataset"] as? Int == secondReport["dataset"] as? Int)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("skillplan.sqlite").path))

        let runs = try CLI.run(["runs", "--json"], in: work)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(runs.standardOutput.utf8)) as? [[String: Any]])
        #expect(listed.count == 2)
        #expect(listed.allSatisfy { $0["kind"] as? String == "import" && $0["status"] as? String == "succeeded" })
    }

    @Test func forecastJSONIsTheOnlyThingOnStandardOutput() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(
            ["forecast", CLI.bundledScenario.path, "--variant", "baseline", "--variant", "decree-205-targets",
             "--csv", "gap.csv", "--json"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let variants = try #require(summary["variants"] as? [[String: Any]])
        #expect(variants.compactMap { $0["variant"] as? String } == ["baseline", "decree-205-targets"])
        let csv = try String(contentsOf: work.appendingPathComponent("gap.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("variant,skill,region,year,demand"))
        #expect(outcome.standardError.contains("wrote gap.csv"))
    }

    @Test func infeasiblePolicyNamesTheRulesExitsOneAndWritesNothing() throws {
        let work = try CLI.workingDirectory()
        let scenario = try CLI.copyOfBundledScenario(into: work)
        let fund = scenario.appendingPathComponent("fund.yaml")
        let text = try String(contentsOf: fund, encoding: .utf8)
        // Four skills each needing at least 40 % of spend cannot all hold.
        let changed = text.replacingOccurrences(of: #"skill_minimum_share:[^\n]*(\n {4}[A-Z]+: [0-9.]+)*"#,
                                                with: "skill_minimum_share: {MAT: 0.4, MOULD: 0.4, AUTO: 0.4, PM: 0.4}",
                                                options: .regularExpression)
        #expect(changed != text)
        try changed.write(to: fund, atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["allocate", scenario.path, "--csv", "plan", "--write-mps", "plan.mps"], in: work)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("infeasible fund policy"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("skill-minimum"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("plan").path))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("plan.mps").path))
    }

    @Test func matchWritesAStableMatchingThatVerifyAcceptsAndATamperedOneFails() throws {
        let work = try CLI.workingDirectory()
        let matched = try CLI.run(["match", CLI.bundledScenario.path, "--out", "matches.csv", "--json"], in: work)
        #expect(matched.status == 0, "\(matched.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(matched.standardOutput.utf8)) as? [String: Any])
        #expect((summary["matched"] as? Int ?? 0) > 0)
        // One internship budget: every plan intern of the year is a fund-backed place, and the money agrees.
        #expect((summary["plan_interns"] as? Int ?? 0) > 0 && summary["funded_places"] as? Int == summary["plan_interns"] as? Int)
        #expect(summary["plan_interns_not_taken"] as? Int == 0 && summary["plan_year"] as? Int == 2026)
        #expect(summary["funded_support_vnd"] as? Int == summary["funding_budget_vnd"] as? Int)
        let verified = try CLI.run(["match", CLI.bundledScenario.path, "--verify", "matches.csv"], in: work)
        #expect(verified.status == 0, "\(verified.standardError)")
        #expect(verified.standardOutput.contains("no blocking pair"))

        // Unmatch the first matched student: they, or someone, now blocks with their old posting.
        let file = work.appendingPathComponent("matches.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.indices.dropFirst().first { lines[$0].components(separatedBy: ",")[1] != "" })
        let fields = lines[index].components(separatedBy: ",")
        lines[index] = [fields[0], "", "", "", "", "false", "0"].joined(separator: ",")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let tampered = try CLI.run(["match", CLI.bundledScenario.path, "--verify", "matches.csv"], in: work)
        #expect(tampered.status == 1)
        #expect(tampered.standardOutput.contains("blocking"), "\(tampered.standardOutput)")
    }

    @Test func regionalCapsSecondRoundAndVerifyFromTheCommandLine() throws {
        let work = try CLI.workingDirectory()
        let scenario = CLI.bundledScenario.path
        try "region,cap\nBNI;HN,300\nHCM,150\n".write(to: work.appendingPathComponent("caps.csv"), atomically: true, encoding: .utf8)
        let capped = try CLI.run(["match", scenario, "--region-caps", "caps.csv", "--out", "m1.csv", "--explain", "why.csv", "--json"], in: work)
        #expect(capped.status == 0, "\(capped.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(capped.standardOutput.utf8)) as? [String: Any])
        #expect(summary["mechanism"] as? String == "flexible_deferred_acceptance")
        let caps = try #require(summary["regional_caps"] as? [[String: Any]])
        #expect(caps.map { $0["placed"] as? Int ?? -1 } == [300, 150])
        let reasons = try #require(summary["not_placed_above_result"] as? [String: Any])
        #expect((reasons["region_at_cap"] as? Int ?? 0) > 0)
        let why = try String(contentsOf: work.appendingPathComponent("why.csv"), encoding: .utf8)
        #expect(why.hasPrefix("student,posting,student_rank,result_rank,reason,cap\n") && why.contains(",region_at_cap,BNI;HN\n"))

        let verified = try CLI.run(["match", scenario, "--region-caps", "caps.csv", "--verify", "m1.csv"], in: work)
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")
        #expect(verified.standardOutput.contains("caps respected"))
        // Without the caps, the same file has blocking pairs that only the caps excuse.
        let uncapped = try CLI.run(["match", scenario, "--verify", "m1.csv"], in: work)
        #expect(uncapped.status == 1)
        // A tampered funded column fails.
        let file = work.appendingPathComponent("m1.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let tamperedLines = text.split(separator: "\n").map { line in
            line.hasSuffix(",false,0") && !line.contains(",,,,") ? line.replacingOccurrences(of: ",false,0", with: ",true,1") : String(line)
        }
        try (tamperedLines.joined(separator: "\n") + "\n").write(to: work.appendingPathComponent("m1-bad.csv"), atomically: true, encoding: .utf8)
        let tampered = try CLI.run(["match", scenario, "--region-caps", "caps.csv", "--verify", "m1-bad.csv"], in: work)
        #expect(tampered.status == 1)
        #expect(tampered.standardOutput.contains("the fund plan's interns and the policy give funded=false, support_vnd=0"))

        // Second round after the capped one: only the unmatched take part; the store links both rounds.
        let second = try CLI.run(["match", scenario, "--region-caps", "caps.csv", "--round-of", "m1.csv", "--out", "m2.csv", "--json"], in: work)
        #expect(second.status == 0, "\(second.standardError)")
        let secondSummary = try #require(try JSONSerialization.jsonObject(with: Data(second.standardOutput.utf8)) as? [String: Any])
        #expect(secondSummary["round"] as? Int == 2)
        #expect(secondSummary["students"] as? Int == summary["unmatched"] as? Int)
        let verifiedSecond = try CLI.run(["match", scenario, "--region-caps", "caps.csv", "--round-of", "m1.csv", "--verify", "m2.csv"], in: work)
        #expect(verifiedSecond.status == 0, "\(verifiedSecond.standardOutput)")
        let runs = try CLI.run(["runs", "--json"], in: work)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(runs.standardOutput.utf8)) as? [[String: Any]])
        #expect((listed.first?["summary"] as? String)?.hasPrefix("second round: ") == true)
    }

    @Test func minimumPlacesFromFundYAMLAreMetOrReportedAndVerified() throws {
        let work = try CLI.workingDirectory()
        let scenario = try CLI.copyOfBundledScenario(into: work)
        let fund = scenario.appendingPathComponent("fund.yaml")
        let original = try String(contentsOf: fund, encoding: .utf8)
        func setMinimum(_ places: String) throws {
            let line = "internships:\n  minimum_places: {group: domestic-sme, places: \(places), ownership: [domestic], sizes: [micro, small, medium]}\n"
            try original.replacingOccurrences(of: "internships:\n", with: line).write(to: fund, atomically: true, encoding: .utf8)
        }
        func match(_ extra: [String] = []) throws -> (CLI.Outcome, [String: Any]) {
            let outcome = try CLI.run(["match", scenario.path, "--out", "m.csv", "--json"] + extra, in: work)
            let json = (try? JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))) as? [String: Any]
            return (outcome, json ?? [:])
        }
        try setMinimum("0")
        let (_, plain) = try match()
        let report0 = try #require(plain["minimum_places"] as? [String: Any])
        let without = try #require(report0["placed_without_minimum"] as? Int)
        #expect(report0["met"] as? Bool == true && report0["outside_cap"] == nil)

        try setMinimum(String(without + 40))
        let (bound, binding) = try match()
        #expect(bound.status == 0, "\(bound.standardError)")
        let report = try #require(binding["minimum_places"] as? [String: Any])
        #expect(binding["mechanism"] as? String == "minimum_places")
        if (report["reachable"] as? Int ?? 0) >= without + 40 {
            #expect(report["met"] as? Bool == true && (report["placed"] as? Int ?? 0) >= without + 40 && report["outside_cap"] != nil)
            #expect(((binding["not_placed_above_result"] as? [String: Any])?["held_for_minimum"] as? Int ?? 0) > 0)
        }
        let verified = try CLI.run(["match", scenario.path, "--verify", "m.csv"], in: work)
        #expect(verified.status == 0, "\(verified.standardOutput)")

        try setMinimum("1000000")
        let (_, impossible) = try match()
        let missed = try #require(impossible["minimum_places"] as? [String: Any])
        #expect(missed["met"] as? Bool == false && (missed["attainable"] as? Int ?? .max) < 1_000_000)
        #expect(impossible["matched"] as? Int == plain["matched"] as? Int)  // matched without the minimum

        try setMinimum("-1")
        let (bad, _) = try match()
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("fund.yaml") && bad.standardError.contains("minimum_places.places"))
    }

    @Test func planOnASyntheticScenarioWritesEveryWorkbookAndRecordsTheRun() throws {
        let work = try CLI.workingDirectory()
        let synth = try CLI.run(["synth", "--scale", "small", "--seed", "11", "--out", "small"], in: work)
        #expect(synth.status == 0, "\(synth.standardError)")
        let outcome = try CLI.run(["plan", "small", "--exports", "out", "--json"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [String])
        let names = files.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names.contains { $0.hasPrefix("fund-plan-") && $0.hasSuffix(".xlsx") })
        #expect(names.contains { $0.hasPrefix("intake-") })
        #expect(names.contains { $0.hasPrefix("interns-") })
        #expect(names.contains("matches.csv"))
        #expect(report["funded_places"] as? Int == report["plan_interns"] as? Int)
        for file in files {
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent(file).path) || FileManager.default.fileExists(atPath: file))
        }
        #expect(outcome.standardError.contains("[6/6]"), "progress goes to standard error")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("out").path)
            .filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "no temporary files are left: \(hidden)")

        let runs = try CLI.run(["runs", "--json"], in: work)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(runs.standardOutput.utf8)) as? [[String: Any]])
        #expect(listed.first?["kind"] as? String == "plan")
        #expect(listed.first?["status"] as? String == "succeeded")
    }

    @Test func benchTimesEveryStageAndItsFiguresAreConsistent() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(
            ["bench", "--scale", "small", "--seed", "5", "--runs", "2", "--exports", "out", "--json", "--db", "bench.sqlite",
             "--bundled", CLI.bundledScenario.path], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let stages = try #require(report["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0["stage"] as? String } == [
            "load", "students", "forecast", "ranges", "build", "lp", "mip", "plan", "match", "workbooks", "pipeline", "bundled",
        ])
        // The end-to-end stages plan what `skillplan plan` plans, and time its stages.
        let plans = try #require(report["plans"] as? [[String: Any]])
        let bundled = try #require(plans.first { $0["stage"] as? String == "bundled" })
        #expect(bundled["scenario"] as? String == "vietnam-2026-2035")
        #expect((bundled["shortage_after"] as? Double ?? .infinity) < (bundled["shortage_before"] as? Double ?? 0))
        let pipelineStage = try #require(stages.first { $0["stage"] as? String == "pipeline" })
        let pipelineParts = try #require(pipelineStage["part_median_seconds"] as? [String: Double])
        #expect(Set(pipelineParts.keys) == ["load", "forecast", "match", "allocate", "frontier", "workbooks"])
        for stage in stages {
            let seconds = try #require(stage["seconds"] as? [Double])
            let median = try #require(stage["median_seconds"] as? Double)
            let minimum = try #require(stage["min_seconds"] as? Double)
            let maximum = try #require(stage["max_seconds"] as? Double)
            #expect(seconds.count == 2)
            #expect(minimum == seconds.min() && maximum == seconds.max() && minimum <= median && median <= maximum)
            #expect((stage["median_cpu_seconds"] as? Double ?? -1) >= 0)
        }
        let solves = try #require(report["solves"] as? [String: Any])
        let lp = try #require(solves["lp_objective"] as? Double)
        let mip = try #require(solves["mip_objective"] as? Double)
        #expect(mip >= lp - 1e-6 * max(1, abs(lp)), "an integer plan cannot beat its LP relaxation")
        #expect((solves["lp_iterations"] as? Int ?? 0) > 0)
        let matching = try #require(report["matching"] as? [String: Any])
        #expect((matching["matched"] as? Int ?? -1) + (matching["unmatched"] as? Int ?? -1) == matching["students"] as? Int)
        let workbooks = try #require(report["workbooks"] as? [String: Any])
        let written = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("out/run-2").path)
            .filter { $0.hasSuffix(".xlsx") }
        #expect(workbooks["count"] as? Int == written.count && written.count > 2, "each run writes its own folder")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/run-1").path))
        let memory = try #require(report["memory"] as? [String: Any])
        #expect((memory["vm_hwm_bytes"] as? Int ?? 0) > 0)

        let unknown = try CLI.run(["bench", "--scale", "small", "--stages", "lp,teleport", "--db", "bench.sqlite"], in: work)
        #expect(unknown.status == 2, "an unknown stage is a usage error: \(unknown.standardError)")
        #expect(unknown.standardError.contains("teleport"))
    }

    @Test func benchOverSeveralSeedsComparesEverySeedWithTheTargetsAndReadsThePortalLoad() throws {
        let work = try CLI.workingDirectory()
        // A stand-in for Benchmarks/portal-load.sh: what wrk --latency and the script print.
        let script = work.appendingPathComponent("fake-load.sh")
        try """
            #!/bin/sh
            echo "plan job 1 started on the national scenario; load: 50 connections for $DURATION"
            echo "  Latency Distribution"
            echo "     50%    2.60ms"
            echo "     75%    4.80ms"
            echo "     90%    8.00ms"
            echo "     99%   41.60ms"
            echo "  2950 requests in 1.00m, 31.20MB read"
            echo "  Non-2xx or 3xx responses: 3"
            echo 'job after the load: {"status":"running","stage":"portal.stage.frontier"}'
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let outcome = try CLI.run(
            ["bench", "--scale", "small", "--seeds", "3,4", "--stages", "mip,pipeline", "--runs", "1", "--json",
             "--portal-load", "--portal-script", script.path, "--db", "bench.sqlite"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(summary["seeds"] as? [Int] == [3, 4])
        let reports = try #require(summary["reports"] as? [[String: Any]])
        #expect(reports.compactMap { $0["seed"] as? Int } == [3, 4])
        let rows = try #require(summary["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["stage"] as? String } == ["mip", "pipeline"])
        for row in rows {
            let medians = try #require(row["median_seconds"] as? [Double])
            #expect(medians.count == 2)
            let target = try #require(row["target_seconds"] as? Double)
            #expect(row["met_on_every_seed"] as? Bool == medians.allSatisfy { $0 < target })
        }
        let portal = try #require(summary["portal"] as? [String: Any])
        #expect(abs((portal["p99_seconds"] as? Double ?? 0) - 0.0416) < 1e-12)
        #expect(abs((portal["p50_seconds"] as? Double ?? 0) - 0.0026) < 1e-12)
        #expect(portal["requests"] as? Int == 2950)
        #expect(portal["errors"] as? Int == 3)
        #expect(portal["job_ran_throughout"] as? Bool == true)

        let text = try CLI.run(
            ["bench", "--scale", "small", "--seeds", "3,4", "--stages", "mip", "--runs", "1", "--db", "bench.sqlite"], in: work)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("Medians per seed against the targets"))
        #expect(text.standardOutput.contains("seed 3") && text.standardOutput.contains("seed 4"))

        let bad = try CLI.run(["bench", "--seeds", "3,x", "--db", "bench.sqlite"], in: work)
        #expect(bad.status == 2, "\(bad.standardError)")
        #expect(bad.standardError.contains("--seeds"))
    }

    @Test func allocateWithASweepPutsTheFrontierBesideThePlanInOneJSONDocument() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(
            ["allocate", CLI.bundledScenario.path, "--sweep", "0.5,1", "--json", "--db", "store.sqlite"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let frontier = try #require(plan["frontier"] as? [[String: Any]])
        #expect(frontier.compactMap { $0["multiplier"] as? Double } == [0.5, 1])
        let planShortage = try #require(plan["shortage_after"] as? Double)
        let atFullBudget = try #require(frontier.last?["shortage_after"] as? Double)
        #expect(abs(planShortage - atFullBudget) <= 1e-6 * planShortage, "the frontier at 1× is the plan itself")
        let atHalfBudget = try #require(frontier.first?["shortage_after"] as? Double)
        #expect(atHalfBudget >= atFullBudget, "half the money cannot close more")
        #expect(plan["status"] as? String == "optimal")
    }

    @Test func theRelaxedFrontierAtTheFullBudgetIsTheRelaxedPlan() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(
            ["allocate", CLI.bundledScenario.path, "--relax", "--sweep", "0.5,1,2", "--json", "--db", "store.sqlite"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let frontier = try #require(plan["frontier"] as? [[String: Any]])
        let atFullBudget = try #require(frontier.first { $0["multiplier"] as? Double == 1 })
        // The same LP solved alone and within the sweep: the same plan, to the cent of spend
        // (a sweep that warm-started each point from the last one spent 2.1 % more here).
        let planSpend = try #require(plan["total_spend"] as? Double)
        let pointSpend = try #require(atFullBudget["spend"] as? Double)
        #expect(abs(planSpend - pointSpend) <= 1e-9 * planSpend, "plan \(planSpend), frontier \(pointSpend)")
        let objective = try #require(plan["objective"] as? Double)
        #expect(abs((atFullBudget["objective"] as? Double ?? .nan) - objective) <= 1e-9 * objective)
    }
}
