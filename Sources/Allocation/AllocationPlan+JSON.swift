import Foundation

extension AllocationPlan {
    /// The plan as one JSON document: snake_case keys, sorted, pretty-printed (stable for diffs
    /// and scripts). At least `status`, `objective`, `best_bound`, `gap`, `shortage_before`,
    /// `shortage_after` (engineer-years), `spend_by_year`, the awards, `shortage` cells,
    /// `fairness`, `explanation` and `size`.
    /// - Throws: ``AllocationError/invalidOption(_:)`` if a number cannot be encoded (never for a
    ///   plan the planner made: every number is finite).
    public func json() throws(AllocationError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw .invalidOption("the plan cannot be encoded as JSON: \(error)")
        }
    }
}
