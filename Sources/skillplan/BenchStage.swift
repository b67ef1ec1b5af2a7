import ArgumentParser

/// A stage `skillplan bench` times, in pipeline order.
enum BenchStage: String, CaseIterable, Codable, Sendable {
    /// Load and validate the scenario directory and its curricula.
    case load
    /// Load and validate `postings.csv` and `students.csv` alone (the input of `skillplan match
    /// --postings … --students …`).
    case students
    /// Demand, supply and gap.
    case forecast
    /// Monte Carlo ranges of the forecast: 1,000 seeded draws.
    case ranges
    /// Build the allocation model (integer seats).
    case build
    /// Solve the model's LP relaxation with CLP.
    case lp
    /// Solve the integer model with CBC (relative gap and time limit of the planner).
    case mip
    /// The whole planner: LP, policy check, MIP, explanation (what `skillplan plan` runs).
    case plan
    /// Build the matching problem, run deferred acceptance, assign funded places.
    case match
    /// Write the audience workbooks.
    case workbooks
    /// The whole main job as `skillplan plan DIR` runs it (``PlanningPipeline``: load, forecast with
    /// 1,000 draws, match, allocate, frontier, workbooks, the run recorded in a scratch store).
    case pipeline
    /// The same on the bundled scenario (`--bundled`, default `Scenarios/vietnam-2026-2035`).
    case bundled

    /// What the stage does, for the table.
    var title: String {
        switch self {
        case .load: "load and validate"
        case .students: "load postings + students"
        case .forecast: "forecast"
        case .ranges: "forecast ranges (1,000 draws)"
        case .build: "build allocation model"
        case .lp: "solve LP relaxation (CLP)"
        case .mip: "solve MIP (CBC)"
        case .plan: "plan: LP + MIP + explanation"
        case .match: "match (deferred acceptance)"
        case .workbooks: "write workbooks"
        case .pipeline: "skillplan plan, end to end"
        case .bundled: "bundled scenario: skillplan plan, end to end"
        }
    }

    /// The team's target on two cores at national scale, seconds (nil: none set); the performance
    /// issue's table for the MIP (CBC at the planner's 0.5 % gap, every seed), the end-to-end plans,
    /// the workbooks and the ranges.
    var targetSeconds: Double? {
        switch self {
        case .forecast: 0.5
        case .ranges: 5
        case .lp: 10
        case .mip: 20
        case .match: 1
        case .students: 0.5
        case .workbooks: 10
        case .pipeline: 20
        case .bundled: 2
        case .load, .build, .plan: nil
        }
    }

    /// The stages whose results this stage reads.
    var inputs: [BenchStage] {
        switch self {
        case .load, .students: []
        case .forecast, .ranges: [.load]
        case .build: [.forecast]
        case .lp, .mip: [.build]
        case .plan: [.forecast]
        case .match: [.load]
        case .workbooks: [.plan, .match]
        case .pipeline, .bundled: []
        }
    }

    /// Parses `load,lp,match` (commas or spaces); the stages come back in pipeline order.
    static func parseList(_ text: String) throws -> [BenchStage] {
        let names = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        var chosen = Set<BenchStage>()
        for name in names {
            guard let stage = BenchStage(rawValue: name.lowercased()) else {
                let known = allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown stage '\(name)' in --stages; choose from \(known)")
            }
            chosen.insert(stage)
        }
        guard !chosen.isEmpty else { throw ValidationError("--stages is empty; give e.g. --stages load,forecast,match") }
        return allCases.filter(chosen.contains)
    }
}
