import Allocation
import ArgumentParser
import Forecast
import Foundation
import Storage
import Workforce

/// `skillplan allocate --robust` and `skillplan allocate --evaluate`.
extension Allocate {
    /// `name=weight,…` as a dictionary; every weight a number ≥ 0, every name once.
    static func weights(_ text: String) throws -> [String: Double] {
        let failure = ValidationError("--robust-weights takes variant=weight pairs separated by commas, e.g. baseline=0.5,slow-localisation=0.5 (saw '\(text)')")
        var weights: [String: Double] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let weight = Double(parts[1].trimmingCharacters(in: .whitespaces)), weight.isFinite, weight >= 0
            else { throw failure }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, weights[name] == nil else { throw failure }
            weights[name] = weight
        }
        if weights.isEmpty { throw failure }
        return weights
    }

    /// Plans for every variant and prints the robust plan.
    func runRobust(_ scenario: Scenario) throws -> (summary: String, results: [RunResult]) {
        let criterion: RobustCriterion = try robustWeights.map { .expectedObjective(weights: try Self.weights($0)) } ?? .minimaxRegret
        let progress = StageProgress(stages: 1, quiet: false)
        let robustPlan = try progress.stage("Planning for \(scenario.variants.count + 1) variants at once (\(criterion.name))") {
            do {
                return try RobustPlanner.plan(
                    scenario: scenario, criterion: criterion, mobility: labourMarket.mobility, options: options)
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        }
        let plan = robustPlan.plan
        let mps = try writeMPS.map { _ in try Self.mpsText(of: plan) }
        let csvFiles = plan.csvFiles()
        if let writeMPS, let mps { try writeTextFile(mps, to: writeMPS) }
        if let csv {
            for (name, text) in csvFiles.sorted(by: { $0.key < $1.key }) {
                try writeTextFile(text, to: URL(fileURLWithPath: csv).appendingPathComponent(name).path)
            }
        }
        let json: String
        do { json = try robustPlan.json() } catch { throw UserFailure(message: "error: \(error)") }
        if output.json {
            Terminal.output(json)
        } else {
            Terminal.output(plan.summary() + "\n\n" + Self.robustTables(robustPlan))
        }
        if let writeMPS { Terminal.note("wrote \(writeMPS)") }
        if let csv { Terminal.note("wrote \(csvFiles.count) CSV files to \(csv)") }
        let headline = "robust (\(robustPlan.criterion.name)): worst-case regret \(NumberText.grouped(robustPlan.worstCaseRegret, decimals: 1)) (\(robustPlan.worstVariant)) for \(NumberText.billions(plan.totalSpend)) VND"
        return (headline, [RunResult(name: "plan.json", format: .json, content: json)]
            + csvFiles.sorted { $0.key < $1.key }.map { RunResult(name: $0.key, format: .csv, content: $0.value) })
    }

    /// The robust plan by variant, and every plan under every variant.
    static func robustTables(_ robust: RobustPlan) -> String {
        let weighted = robust.variants.contains { $0.weight != nil }
        var variants = TextTable(headers: [
            "variant", "weight", "shortage before", "after (robust)", "after (own plan)", "objective", "own optimum", "regret",
        ])
        for outcome in robust.variants {
            variants.append([
                outcome.variant, outcome.weight.map { NumberText.grouped($0, decimals: 3) } ?? "–",
                NumberText.grouped(outcome.shortageBefore), NumberText.grouped(outcome.shortageAfter),
                NumberText.grouped(outcome.ownShortageAfter), NumberText.grouped(outcome.objective, decimals: 1),
                NumberText.grouped(outcome.ownObjective, decimals: 1), NumberText.grouped(outcome.regret, decimals: 1),
            ])
        }
        var headers = ["plan"]
        headers += robust.variants.map { "regret: \($0.variant)" }
        headers.append("worst-case regret")
        if weighted { headers.append("expected objective") }
        headers.append("spend (bn VND)")
        var comparison = TextTable(headers: headers)
        for row in robust.comparison {
            var cells: [String] = [row.plan == "robust" ? "robust" : "plan for \(row.plan)"]
            for score in row.byVariant {
                cells.append(NumberText.grouped(score.regret, decimals: 1) + (score.feasible ? "" : " (infeasible)"))
            }
            cells.append(NumberText.grouped(row.worstCaseRegret, decimals: 1))
            if weighted { cells.append(row.expectedObjective.map { NumberText.grouped($0, decimals: 1) } ?? "–") }
            cells.append(NumberText.grouped(row.totalSpend / 1e9, decimals: 1))
            comparison.append(cells)
        }
        let criterion = weighted
            ? "minimises the expected objective with the declared weights"
            : "minimises the worst-case regret"
        return """
            Robust plan (\(criterion); chosen from \(robust.source)): worst-case regret \(NumberText.grouped(robust.worstCaseRegret, decimals: 1)) weighted engineer-years, in \(robust.worstVariant)
            Shortage and objective by variant (engineer-years; objective in weighted, discounted engineer-years)
            \(variants.render())

            Every plan scored under every variant (regret against each variant's own plan)
            \(comparison.render())
            """
    }

    /// Scores a plan file under the scenario as loaded with --variant.
    func runEvaluation(of path: String, under scenario: Scenario) throws -> (summary: String, results: [RunResult]) {
        let plan: AllocationPlan
        do {
            plan = try JSONDecoder().decode(AllocationPlan.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw UserFailure(message: "error: \(path) is not a plan printed by skillplan allocate --json: \(error)")
        }
        let forecast = try Self.forecast(scenario, mobility: labourMarket.mobility)
        let evaluation: PlanEvaluation
        do {
            evaluation = try AllocationPlanner.evaluate(plan, scenario: scenario, forecast: forecast, options: options)
        } catch {
            throw UserFailure(message: "error: \(path): \(error)")
        }
        let json: String
        do { json = try jsonText(evaluation) } catch { throw UserFailure(message: "error: \(error)") }
        if output.json {
            try Terminal.printJSON(evaluation)
        } else {
            Terminal.output(Self.evaluationTable(evaluation))
        }
        let headline = "plan for \(evaluation.plannedFor) under \(evaluation.variant): \(NumberText.grouped(evaluation.shortageClosed)) of \(NumberText.grouped(evaluation.shortageBefore)) engineer-years closed"
        return (headline, [RunResult(name: "evaluation.json", format: .json, content: json)])
    }

    static func evaluationTable(_ evaluation: PlanEvaluation) -> String {
        var table = TextTable(headers: ["", ""], alignments: [.left, .left])
        table.append(["Plan made for", evaluation.plannedFor])
        table.append(["Scored under", "\(evaluation.variant) (budget ×\(NumberText.grouped(evaluation.budgetMultiplier, decimals: 2)))"])
        table.append(["Shortage before", "\(NumberText.grouped(evaluation.shortageBefore)) engineer-years"])
        table.append(["Shortage after", "\(NumberText.grouped(evaluation.shortageAfter)) engineer-years"])
        table.append(["Shortage closed", "\(NumberText.grouped(evaluation.shortageClosed)) engineer-years (\(NumberText.percent(evaluation.shortageBefore > 0 ? evaluation.shortageClosed / evaluation.shortageBefore : 0)))"])
        table.append(["Objective", "\(NumberText.grouped(evaluation.objective, decimals: 3)) weighted, discounted engineer-years"])
        table.append(["Spend", "\(NumberText.billions(evaluation.totalSpend)) of \(NumberText.billions(evaluation.totalBudget)) VND"])
        let problems = evaluation.overspentYears.map { "budget overspent in \($0)" } + evaluation.brokenRules.map { "breaks \($0)" }
            + evaluation.capacityExceeded.map { "above capacity: \($0)" }
        table.append(["Feasible under the variant", problems.isEmpty ? "yes" : "no: " + problems.joined(separator: "; ")])
        return "Plan evaluation\n" + table.render()
    }
}
