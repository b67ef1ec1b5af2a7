import Foundation
import Testing

/// `skillplan allocate --robust`, `--evaluate` and `plan --robust` on the bundled scenario.
@Suite("skillplan allocate --robust and --evaluate", .serialized)
struct RobustCommandTests {
    typealias CLI = CommandLineRunner

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theRobustPlanReportsEveryVariantsRegretAndEvaluatesBackToIt() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(["allocate", CLI.bundledScenario.path, "--robust", "--json", "--db", "store.sqlite"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let plan = try Self.object(outcome.standardOutput)
        #expect(plan["variant"] as? String == "robust")
        let robust = try #require(plan["robust"] as? [String: Any])
        #expect(robust["criterion"] as? String == "minimax-regret")
        let variants = try #require(robust["variants"] as? [[String: Any]])
        #expect(variants.compactMap { $0["variant"] as? String } == ["baseline", "decree-205-targets", "slow-localisation"])
        let regrets = variants.compactMap { $0["regret"] as? Double }
        #expect(regrets.count == 3)
        let worst = try #require(robust["worst_case_regret"] as? Double)
        #expect(abs(worst - (regrets.max() ?? .nan)) <= 1e-9 * max(1, worst))
        for variant in variants {
            let objective = variant["objective"] as? Double ?? .nan, own = variant["own_objective"] as? Double ?? .nan
            #expect(abs((variant["regret"] as? Double ?? .nan) - (objective - own)) <= 1e-9 * max(1, objective))
        }
        let comparison = try #require(robust["comparison"] as? [[String: Any]])
        #expect(comparison.first?["plan"] as? String == "robust")
        for row in comparison.dropFirst() {
            #expect((row["worst_case_regret"] as? Double ?? -1) >= worst - 1e-6, "\(row["plan"] ?? "?")")
        }

        // The robust plan scored under a variant by --evaluate: the figures the robust JSON gave.
        try outcome.standardOutput.write(to: work.appendingPathComponent("robust.json"), atomically: true, encoding: .utf8)
        let decree = try #require(variants.first { $0["variant"] as? String == "decree-205-targets" })
        let evaluated = try CLI.run(
            ["allocate", CLI.bundledScenario.path, "--evaluate", "robust.json", "--variant", "decree-205-targets", "--json",
             "--db", "store.sqlite"], in: work)
        #expect(evaluated.status == 0, "\(evaluated.standardError)")
        let score = try Self.object(evaluated.standardOutput)
        #expect(score["planned_for"] as? String == "robust")
        #expect(score["variant"] as? String == "decree-205-targets")
        for key in ["objective", "shortage_before", "shortage_after", "shortage_closed"] {
            let expected = decree[key] as? Double ?? .nan
            #expect(abs((score[key] as? Double ?? .nan) - expected) <= 1e-6 * max(1, expected), "\(key)")
        }
        #expect(abs((score["total_spend"] as? Double ?? .nan) - (plan["total_spend"] as? Double ?? .nan)) < 1)
        #expect((score["broken_rules"] as? [String])?.isEmpty == true)
        #expect((score["overspent_years"] as? [Int])?.isEmpty == true)

        let text = try CLI.run(["allocate", CLI.bundledScenario.path, "--evaluate", "robust.json", "--db", "store.sqlite"], in: work)
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput.contains("Plan evaluation") && text.standardOutput.contains("Scored under"))
    }

    @Test func aPlanEvaluatedUnderItsOwnVariantGivesItsOwnObjective() throws {
        let work = try CLI.workingDirectory()
        let planned = try CLI.run(
            ["allocate", CLI.bundledScenario.path, "--variant", "slow-localisation", "--json", "--db", "store.sqlite"], in: work)
        #expect(planned.status == 0, "\(planned.standardError)")
        try planned.standardOutput.write(to: work.appendingPathComponent("slow.json"), atomically: true, encoding: .utf8)
        let plan = try Self.object(planned.standardOutput)
        let evaluated = try CLI.run(
            ["allocate", CLI.bundledScenario.path, "--evaluate", "slow.json", "--variant", "slow-localisation", "--json",
             "--db", "store.sqlite"], in: work)
        #expect(evaluated.status == 0, "\(evaluated.standardError)")
        let score = try Self.object(evaluated.standardOutput)
        let objective = try #require(plan["objective"] as? Double)
        #expect(abs((score["objective"] as? Double ?? .nan) - objective) <= 1e-6 * objective)
        #expect(abs((score["shortage_after"] as? Double ?? .nan) - (plan["shortage_after"] as? Double ?? .nan)) <= 1e-6)
    }

    @Test func planRobustWritesTheRobustFundPlan() throws {
        let work = try CLI.workingDirectory()
        let outcome = try CLI.run(
            ["plan", CLI.bundledScenario.path, "--robust", "--exports", "out", "--json", "--db", "store.sqlite"], in: work)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try Self.object(outcome.standardOutput)
        #expect(report["variant"] as? String == "robust")
        let files = try #require(report["files"] as? [String]).map { URL(fileURLWithPath: $0).lastPathComponent }
        // In the run's folder, named with the variant (robust) and the fund policy's label.
        #expect(files.contains { $0.hasPrefix("fund-plan-vietnam-2026-2035-robust-") && $0.hasSuffix(".xlsx") }, "\(files.prefix(3))")
    }

    @Test func helpDescribesEveryNewOptionAndField() throws {
        let work = try CLI.workingDirectory()
        let allocate = try CLI.run(["help", "allocate"], in: work)
        for text in ["--robust", "--robust-weights", "--evaluate", "plan_from_multiplier", "relaxed", "worst_case_regret",
                     "own_objective", "regret", "comparison", "overspent_years", "broken_rules", "capacity_exceeded"] {
            #expect(allocate.standardOutput.contains(text), "\(text)")
        }
        let plan = try CLI.run(["help", "plan"], in: work)
        #expect(plan.standardOutput.contains("--robust") && plan.standardOutput.contains("Robustness"))
    }

    @Test(arguments: [
        ["--robust", "--variant", "slow-localisation"], ["--robust-weights", "baseline=1"], ["--robust", "--sweep", "1"],
        ["--robust", "--robust-weights", "baseline"], ["--evaluate", "x.json", "--sweep", "1"], ["--robust", "--evaluate", "x.json"],
    ])
    func misusedRobustOptionsExitTwo(_ arguments: [String]) throws {
        let outcome = try CLI.run(["allocate", CLI.bundledScenario.path] + arguments, in: try CLI.workingDirectory())
        #expect(outcome.status == 2, "\(arguments): \(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func anUnknownWeightedVariantOrAMissingPlanIsAUserError() throws {
        let work = try CLI.workingDirectory()
        let weights = try CLI.run(
            ["allocate", CLI.bundledScenario.path, "--robust", "--robust-weights", "boom=1", "--db", "store.sqlite"], in: work)
        #expect(weights.status == 1, "\(weights.standardError)")
        #expect(weights.standardError.contains("'boom'") && weights.standardError.contains("slow-localisation"))
        let missing = try CLI.run(["allocate", CLI.bundledScenario.path, "--evaluate", "none.json", "--db", "store.sqlite"], in: work)
        #expect(missing.status == 1, "\(missing.standardError)")
        #expect(missing.standardError.contains("none.json"))
    }
}
