import Foundation

/// What changed between two planning runs: their inputs (dataset, source files, fund policy,
/// options), their headline figures, and the programmes, regions and enterprises whose
/// allocation changed most. A pure value computed from two ``RunSnapshot``s.
public struct RunComparison: Sendable, Hashable, Encodable {
    /// One source file that differs between the two datasets.
    public struct FileChange: Sendable, Hashable, Encodable {
        /// How the file differs.
        public enum Change: String, Sendable, Hashable, Encodable {
            case added, removed, changed
        }

        /// The path relative to the scenario folder (`fund.yaml`, `Curricula/…`).
        public var path: String
        /// Added in the newer run, removed from it, or with other content.
        public var change: Change
    }

    /// One option or parameter with different values (JSON text; nil when absent).
    public struct ParameterChange: Sendable, Hashable, Encodable {
        public var name: String
        public var before: String?
        public var after: String?
    }

    /// One headline figure of each run (nil when the run did not record it).
    public struct Figure: Sendable, Hashable, Encodable {
        /// The figure's key: ``headlineKeys``.
        public let key: String
        public let before: Double?
        public let after: Double?
        /// `after − before`, nil unless both are known (fields that are nil are left out of JSON).
        public let change: Double?

        init(key: String, before: Double?, after: Double?) {
            self.key = key
            self.before = before
            self.after = after
            change = before.flatMap { old in after.map { $0 - old } }
        }
    }

    /// The fund's money going to one programme, region or enterprise in each run (VND over the horizon).
    public struct AllocationChange: Sendable, Hashable, Encodable {
        /// The programme, region or enterprise code.
        public let code: String
        public let before: Double
        public let after: Double
        /// `after − before`.
        public let change: Double

        init(code: String, before: Double, after: Double) {
            self.code = code
            self.before = before
            self.after = after
            change = after - before
        }
    }

    /// The keys of ``headline``, in order: shortage before and after the plan (engineer-years),
    /// the fund's spend and budget (VND), the objective, students matched and fund-backed places.
    public static let headlineKeys = [
        "shortage_before", "shortage_after", "spend_vnd", "budget_vnd", "objective", "matched", "funded_places",
    ]

    /// The older run (the first given).
    public var before: Int64
    /// The newer run (the second given).
    public var after: Int64
    /// The first run's dataset hash.
    public var beforeHash: String?
    /// The second run's dataset hash.
    public var afterHash: String?
    /// Source files that differ, by path.
    public var files: [FileChange]
    /// Parameters that differ, by name.
    public var parameters: [ParameterChange]
    /// The headline figures of both runs, in the order of ``headlineKeys``.
    public var headline: [Figure]
    /// The programmes whose allocation changed most, largest change first.
    public var programs: [AllocationChange]
    /// The regions whose allocation changed most, largest change first.
    public var regions: [AllocationChange]
    /// The enterprises whose allocation changed most, largest change first.
    public var enterprises: [AllocationChange]

    /// Whether the two runs worked on different data.
    public var datasetChanged: Bool { beforeHash != afterHash }
    /// Whether the fund policy (`fund.yaml`) differs.
    public var fundPolicyChanged: Bool { files.contains { $0.path == "fund.yaml" } }

    enum CodingKeys: String, CodingKey {
        case before = "run_before", after = "run_after", beforeHash = "dataset_hash_before"
        case afterHash = "dataset_hash_after", datasetChanged = "dataset_changed"
        case fundPolicyChanged = "fund_policy_changed", files, parameters, headline, programs, regions, enterprises
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(beforeHash, forKey: .beforeHash)
        try container.encode(afterHash, forKey: .afterHash)
        try container.encode(datasetChanged, forKey: .datasetChanged)
        try container.encode(fundPolicyChanged, forKey: .fundPolicyChanged)
        try container.encode(files, forKey: .files)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(headline, forKey: .headline)
        try container.encode(programs, forKey: .programs)
        try container.encode(regions, forKey: .regions)
        try container.encode(enterprises, forKey: .enterprises)
    }

    /// Compares two runs.
    ///
    /// - Parameters:
    ///   - before: the run to compare from (usually the older).
    ///   - after: the run to compare to.
    ///   - top: how many programmes, regions and enterprises to keep (those whose allocation
    ///     changed most; unchanged ones are never listed).
    /// - Throws: ``RunComparisonError`` when a run kept no `plan.json` (it was not a planning run
    ///   or it failed) or a stored document cannot be read.
    /// - Complexity: O(awards of both plans + source files + parameters).
    public init(from before: RunSnapshot, to after: RunSnapshot, top: Int = 10) throws(RunComparisonError) {
        self.before = before.run
        self.after = after.run
        beforeHash = before.datasetHash
        afterHash = after.datasetHash
        files = Self.fileChanges(before.sourceFiles, after.sourceFiles)
        parameters = try Self.parameterChanges(before, after)
        let oldPlan = try PlanDocument.read(before)
        let newPlan = try PlanDocument.read(after)
        let oldReport = try ReportDocument.read(before)
        let newReport = try ReportDocument.read(after)
        headline = Self.headlineKeys.map { key in
            Figure(key: key, before: oldReport[key] ?? oldPlan.figures[key], after: newReport[key] ?? newPlan.figures[key])
        }
        programs = Self.largest(oldPlan.byProgram, newPlan.byProgram, top: top)
        regions = Self.largest(oldPlan.byRegion, newPlan.byRegion, top: top)
        enterprises = Self.largest(oldPlan.byEnterprise, newPlan.byEnterprise, top: top)
    }

    static func fileChanges(_ before: [String: String], _ after: [String: String]) -> [FileChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { path in
            switch (before[path], after[path]) {
            case (nil, .some): FileChange(path: path, change: .added)
            case (.some, nil): FileChange(path: path, change: .removed)
            case let (old?, new?) where old != new: FileChange(path: path, change: .changed)
            default: nil
            }
        }
    }

    static func parameterChanges(_ before: RunSnapshot, _ after: RunSnapshot) throws(RunComparisonError) -> [ParameterChange] {
        let old = try flatParameters(before)
        let new = try flatParameters(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { name in
            old[name] == new[name] ? nil : ParameterChange(name: name, before: old[name], after: new[name])
        }
    }

    /// Each top-level parameter as compact JSON text (strings without quotes).
    static func flatParameters(_ snapshot: RunSnapshot) throws(RunComparisonError) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(snapshot.parameters.utf8)) as? [String: Any] else {
            throw RunComparisonError(run: snapshot.run, document: "parameters", reason: "not a JSON object")
        }
        var flat: [String: String] = [:]
        for (key, value) in object {
            if value is NSNull { continue }
            if let text = value as? String {
                flat[key] = text
            } else if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) {
                flat[key] = String(decoding: data, as: UTF8.self)
            }
        }
        return flat
    }

    /// The `top` codes whose amount changed most (ties by code), leaving out unchanged ones.
    static func largest(_ before: [String: Double], _ after: [String: Double], top: Int) -> [AllocationChange] {
        let changes = Set(before.keys).union(after.keys).map { code in
            AllocationChange(code: code, before: before[code] ?? 0, after: after[code] ?? 0)
        }
        // Less than one đồng is rounding, not a change.
        return changes.filter { abs($0.change) >= 1 }
            .sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.code < $1.code }
            .prefix(max(0, top)).map { $0 }
    }
}

/// A run's stored document could not be used for a comparison.
public struct RunComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The run concerned.
    public var run: Int64
    /// `plan.json`, `report.json` or `parameters`.
    public var document: String
    /// What is wrong.
    public var reason: String

    public init(run: Int64, document: String, reason: String) {
        self.run = run
        self.document = document
        self.reason = reason
    }

    public var description: String { "run \(run): \(document): \(reason)" }
}

/// The parts of a stored `plan.json` a comparison reads (the plan of `plan` or `allocate`,
/// robust or not: the award lists are at the top level in both).
struct PlanDocument: Decodable {
    struct Scholarship: Decodable {
        let program: String
        let region: String
        let totalCost: Double
        enum CodingKeys: String, CodingKey { case program, region, totalCost = "total_cost" }
    }

    struct Internship: Decodable {
        let enterprise: String
        let region: String
        let cost: Double
    }

    struct Onsite: Decodable {
        let program: String
        let hostEnterprise: String?
        let region: String
        let cost: Double
        enum CodingKeys: String, CodingKey { case program, hostEnterprise = "host_enterprise", region, cost }
    }

    let scholarships: [Scholarship]
    let internships: [Internship]
    let onsite: [Onsite]
    let shortageBefore: Double?
    let shortageAfter: Double?
    let totalSpend: Double?
    let totalBudget: Double?
    let objective: Double?

    enum CodingKeys: String, CodingKey {
        case scholarships, internships, onsite, objective
        case shortageBefore = "shortage_before", shortageAfter = "shortage_after"
        case totalSpend = "total_spend", totalBudget = "total_budget"
    }

    static func read(_ snapshot: RunSnapshot) throws(RunComparisonError) -> PlanDocument {
        guard let text = snapshot.planJSON else {
            throw RunComparisonError(
                run: snapshot.run, document: "plan.json",
                reason: "the run kept no plan (a \(snapshot.kind) run; only plan and allocate runs that succeeded keep one)")
        }
        do {
            return try JSONDecoder().decode(PlanDocument.self, from: Data(text.utf8))
        } catch {
            throw RunComparisonError(run: snapshot.run, document: "plan.json", reason: "cannot be read: \(error)")
        }
    }

    /// Headline figures the plan holds, by ``RunComparison/headlineKeys`` key.
    var figures: [String: Double] {
        var figures: [String: Double] = [:]
        figures["shortage_before"] = shortageBefore
        figures["shortage_after"] = shortageAfter
        figures["spend_vnd"] = totalSpend
        figures["budget_vnd"] = totalBudget
        figures["objective"] = objective
        return figures
    }

    var byProgram: [String: Double] {
        var amounts: [String: Double] = [:]
        for award in scholarships { amounts[award.program, default: 0] += award.totalCost }
        for award in onsite { amounts[award.program, default: 0] += award.cost }
        return amounts
    }

    var byRegion: [String: Double] {
        var amounts: [String: Double] = [:]
        for award in scholarships { amounts[award.region, default: 0] += award.totalCost }
        for award in internships { amounts[award.region, default: 0] += award.cost }
        for award in onsite { amounts[award.region, default: 0] += award.cost }
        return amounts
    }

    var byEnterprise: [String: Double] {
        var amounts: [String: Double] = [:]
        for award in internships { amounts[award.enterprise, default: 0] += award.cost }
        for award in onsite {
            if let host = award.hostEnterprise { amounts[host, default: 0] += award.cost }
        }
        return amounts
    }
}

/// The numbers of a stored `report.json` (the `plan` command's report), by headline key.
enum ReportDocument {
    static func read(_ snapshot: RunSnapshot) throws(RunComparisonError) -> [String: Double] {
        guard let text = snapshot.reportJSON else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw RunComparisonError(run: snapshot.run, document: "report.json", reason: "not a JSON object")
        }
        var figures: [String: Double] = [:]
        for key in RunComparison.headlineKeys {
            if let number = object[key] as? NSNumber { figures[key] = number.doubleValue }
        }
        return figures
    }
}
