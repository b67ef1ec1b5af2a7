import Foundation

extension AllocationPlan {
    /// The plan as one JSON document: snake_case keys, sorted, pretty-printed (stable for diffs
    /// and scripts). At least `status`, `objective`, `best_bound`, `gap`, `shortage_before`,
    /// `shortage_after` (engineer-years), `spend_by_year`, the awards, `shortage` cells,
    /// `fairness`, `explanation` and `size`; with a budget frontier, also `frontier`.
    /// - Throws: ``AllocationError/invalidOption(_:)`` if a number cannot be encoded (never for a
    ///   plan the planner made: every number is finite).
    public func json(frontier: [FrontierPoint]? = nil) throws(AllocationError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try frontier.map { try encoder.encode(PlanWithFrontier(plan: self, frontier: $0)) } ?? encoder.encode(self)
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw .invalidOption("the plan cannot be encoded as JSON: \(error)")
        }
    }
}

/// The plan's keys with `frontier` beside them.
private struct PlanWithFrontier: Encodable {
    let plan: AllocationPlan
    let frontier: [FrontierPoint]

    enum CodingKeys: String, CodingKey { case frontier }

    func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(frontier, forKey: .frontier)
    }
}
