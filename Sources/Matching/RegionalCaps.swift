public import Workforce

/// A cap on the interns placed in one province, or in a group of provinces together.
public struct RegionalCap: Hashable, Sendable, CustomStringConvertible {
    /// The provinces the cap covers (one, or a group).
    public var regions: [Region.ID]
    /// At most this many interns in all postings of these provinces together.
    public var cap: Int

    /// A cap.
    public init(regions: [Region.ID], cap: Int) {
        self.regions = regions
        self.cap = cap
    }

    /// The provinces as written in `regional_caps.csv`: codes joined by `;`.
    public var label: String { regions.map(\.rawValue).joined(separator: ";") }

    /// `HN;BN ≤ 500`
    public var description: String { "\(label) ≤ \(cap)" }
}

/// Regional caps on the internship matching, as in Kamada and Kojima, "Efficient Matching under
/// Distributional Constraints: Theory and Applications", *American Economic Review* 105(1), 2015,
/// 67–99: each cap bounds the interns placed at the postings of its provinces together.
///
/// **Target capacities** (the rule ``FlexibleDeferredAcceptance`` needs): a cap is split among its
/// postings in proportion to their slots, by largest remainders. Posting `h` with `slots_h` in a
/// cap of `q` over postings with `T` slots in all gets `⌊q · slots_h / T⌋`; the places left over go
/// one each to the postings with the largest remainders `q · slots_h mod T`, ties to the posting
/// earlier in `postings.csv`. When `q ≥ T` every target is the posting's slots. So targets never
/// exceed slots and add up to `min(q, T)`. Postings outside every capped province have no target.
public struct RegionalCaps: Hashable, Sendable {
    /// The caps, in input order.
    public let caps: [RegionalCap]
    private let capIndexOfRegion: [Region.ID: Int]

    /// No caps at all.
    public static let none = RegionalCaps(checked: [])

    /// Caps, checked: each at least 0, each province in at most one cap, at least one province each.
    ///
    /// - Throws: ``MatchingInputError`` naming the caps at fault.
    public init(_ caps: [RegionalCap]) throws(MatchingInputError) {
        var problems: [MatchingInputError.Problem] = []
        var seen: Set<Region.ID> = []
        for cap in caps {
            if cap.cap < 0 { problems.append(.negativeRegionalCap(cap.label, cap: cap.cap)) }
            if cap.regions.isEmpty { problems.append(.regionalCapWithoutRegion(cap: cap.cap)) }
            for region in cap.regions where !seen.insert(region).inserted {
                problems.append(.regionCappedTwice(region))
            }
        }
        if !problems.isEmpty { throw MatchingInputError(problems) }
        self.init(checked: caps)
    }

    /// Caps already known to be valid.
    init(checked caps: [RegionalCap]) {
        self.caps = caps
        var index: [Region.ID: Int] = [:]
        for (offset, cap) in caps.enumerated() {
            for region in cap.regions { index[region] = offset }
        }
        capIndexOfRegion = index
    }

    /// Whether there are no caps.
    public var isEmpty: Bool { caps.isEmpty }

    /// The cap that covers a province, if any.
    public func cap(of region: Region.ID) -> RegionalCap? { capIndexOfRegion[region].map { caps[$0] } }

    /// The index in ``caps`` of the cap covering a province.
    func capIndex(of region: Region.ID) -> Int? { capIndexOfRegion[region] }

    /// The target capacity of each posting (parallel to `postings`; nil outside every capped
    /// province), by the rule in the type's documentation.
    ///
    /// - Complexity: O(P log P) for P postings.
    public func targetCapacities(of postings: [InternshipPosting]) -> [Int?] {
        let groups = postings.map { capIndexOfRegion[$0.region] ?? -1 }
        let targets = PostingGroupCaps.proportionalTargets(
            slots: postings.map { max($0.slots, 0) }, groupOf: groups, caps: caps.map(\.cap))
        return postings.indices.map { groups[$0] >= 0 ? targets[$0] : nil }
    }
}

/// Caps on disjoint groups of postings, in dense indices, with each posting's target capacity:
/// the shape ``FlexibleDeferredAcceptance`` works on (provinces' caps, or the cap on the postings
/// outside a group with a minimum, see ``MinimumPlaces``).
struct PostingGroupCaps: Sendable {
    /// The group of each posting, -1 for none.
    let groupOf: [Int]
    /// The cap of each group.
    let cap: [Int]
    /// The target capacity of each posting (0 outside every group).
    let target: [Int]

    init(groupOf: [Int], cap: [Int], slots: [Int]) {
        self.groupOf = groupOf
        self.cap = cap
        target = Self.proportionalTargets(slots: slots, groupOf: groupOf, caps: cap)
    }

    /// The provinces' caps of `problem`.
    init(_ caps: RegionalCaps, problem: MatchingProblem) {
        self.init(groupOf: problem.postings.map { caps.capIndex(of: $0.region) ?? -1 }, cap: caps.caps.map(\.cap),
                  slots: problem.postings.map { max($0.slots, 0) })
    }

    static let uncapped = PostingGroupCaps(groupOf: [], cap: [], slots: [])

    /// Whether posting `p` is in a capped group.
    func group(of p: Int) -> Int { p < groupOf.count ? groupOf[p] : -1 }

    /// Each group's cap split among its postings in proportion to slots, by largest remainders
    /// (ties to the lower index); every target is the posting's slots when the cap covers them all.
    ///
    /// - Complexity: O(P log P).
    static func proportionalTargets(slots: [Int], groupOf: [Int], caps: [Int]) -> [Int] {
        var target = [Int](repeating: 0, count: slots.count)
        var members = [[Int]](repeating: [], count: caps.count)
        for p in slots.indices where groupOf[p] >= 0 { members[groupOf[p]].append(p) }
        for (g, postings) in members.enumerated() {
            let cap = max(caps[g], 0)
            let total = postings.reduce(0) { $0 + slots[$1] }
            if cap >= total {
                for p in postings { target[p] = slots[p] }
                continue
            }
            // cap < total, so cap · slots fits whenever slots · total does; fall back to Double otherwise.
            var given = 0
            var remainders: [(remainder: Double, p: Int)] = []
            for p in postings {
                let (product, overflow) = cap.multipliedReportingOverflow(by: slots[p])
                if overflow {
                    let exact = Double(cap) * Double(slots[p]) / Double(total)
                    target[p] = Int(exact.rounded(.down))
                    remainders.append((exact - exact.rounded(.down), p))
                } else {
                    target[p] = product / total
                    remainders.append((Double(product % total) / Double(total), p))
                }
                given += target[p]
            }
            remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.p < $1.p }
            for entry in remainders.prefix(max(cap - given, 0)) { target[entry.p] += 1 }
        }
        return target
    }
}
