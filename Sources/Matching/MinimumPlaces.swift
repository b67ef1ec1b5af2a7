public import Workforce

/// A minimum number of interns at one group of postings, resolved to the postings of a problem.
public struct GroupMinimum: Hashable, Sendable {
    /// The group's name in reports.
    public var group: String
    /// At least this many interns at the group's postings together.
    public var places: Int
    /// The postings in the group.
    public var postings: Set<InternshipPosting.ID>

    /// A minimum over the postings given.
    public init(group: String, places: Int, postings: Set<InternshipPosting.ID>) {
        self.group = group
        self.places = places
        self.postings = postings
    }

    /// The fund policy's minimum over `postings`, membership decided by each posting's enterprise.
    public init(_ rule: PostingGroupMinimum, postings: [InternshipPosting], enterprises: [Enterprise]) {
        var byID: [Enterprise.ID: Enterprise] = [:]
        for enterprise in enterprises where byID[enterprise.id] == nil { byID[enterprise.id] = enterprise }
        self.init(group: rule.group, places: rule.places,
                  postings: Set(postings.filter { rule.contains($0, of: byID[$0.enterprise]) }.map(\.id)))
    }
}

/// How a minimum fared.
public struct MinimumPlacesReport: Codable, Hashable, Sendable {
    /// The group's name.
    public let group: String
    /// The minimum asked for.
    public let required: Int
    /// Interns placed at the group's postings.
    public let placed: Int
    /// Interns placed there by plain deferred acceptance, before the minimum was applied.
    public let placedWithoutMinimum: Int
    /// Interns deferred acceptance places there when the postings outside the group take nobody
    /// (cap 0): the most the mechanism can place there. The minimum is met when this reaches it.
    public let reachable: Int
    /// The most interns the group's postings could take at once: a maximum matching of the
    /// students who ranked them eligibly to their slots. Below ``required``, no matching at all
    /// meets the minimum: not enough eligible applicants ranked those postings.
    public let attainable: Int
    /// The cap put on the postings outside the group; nil (and absent from JSON) when the minimum
    /// did not bind or cannot be met (then the matching is plain deferred acceptance).
    public let outsideCap: Int?

    /// Whether the minimum is met (`placed ≥ required`).
    public let met: Bool

    /// The report in words, for the terminal.
    public var sentence: String {
        if met {
            let how = outsideCap.map { "; places outside the group capped at \($0)" } ?? " without constraint"
            return "minimum places for \(group): \(placed) of at least \(required) met\(how)"
        }
        let why = attainable < required
            ? "at most \(attainable) eligible applicants ranked those postings within their slots"
            : "up to \(attainable) could be placed there at once, but deferred acceptance over those postings alone places \(reachable)"
        return "minimum places for \(group) cannot be met: \(required) asked, \(why); matched without the minimum (\(placed) placed there)"
    }

    enum CodingKeys: String, CodingKey {
        case group, required, placed, placedWithoutMinimum = "placed_without_minimum", reachable, attainable
        case outsideCap = "outside_cap", met
    }

    /// A report; see the properties.
    public init(group: String, required: Int, placed: Int, placedWithoutMinimum: Int, reachable: Int, attainable: Int, outsideCap: Int?) {
        self.group = group
        self.required = required
        self.placed = placed
        self.placedWithoutMinimum = placedWithoutMinimum
        self.reachable = reachable
        self.attainable = attainable
        self.outsideCap = outsideCap
        met = placed >= required
    }
}

/// Minimum places for a group of postings, met by capping the postings **outside** the group.
///
/// Fragiadakis, Iwasaki, Troyan, Ueda and Yokoo, "Strategyproof Matching with Minimum Quotas",
/// *ACM Transactions on Economics and Computation* 4(1), 2016, show that minimum quotas conflict
/// with stability and turn them into limits on the rest of the market; Kamada and Kojima (2015)
/// give the mechanism for such limits. Here a minimum of `m` at group G becomes a cap `K` on the
/// postings outside G, and the matching is ``FlexibleDeferredAcceptance`` under that one cap
/// (targets split `K` by slots, as for provinces). Students the cap turns away from outside
/// postings move down their lists, and those who ranked G's postings fill them.
///
/// **Which cap.** If plain deferred acceptance already places `m` at G, the minimum does not bind
/// and the result is exactly ``DeferredAcceptance``'s. Otherwise, if cap 0 (deferred acceptance
/// with G's postings alone) places at least `m` at G, `K` is found by bisection between 0 and the
/// students deferred acceptance places outside G: a cap whose result places `m` at G while `K + 1`'s
/// does not (the largest such cap when G's count falls as the cap grows):
/// the minimum is met whenever deferred acceptance over G's postings alone can meet it, holding
/// back as few places outside G as the bisection finds. Otherwise the minimum **cannot be met**:
/// the result is plain deferred acceptance (no places are given up for a minimum that would still
/// be missed) and the report says so, with ``MinimumPlacesReport/attainable`` (a maximum
/// matching into G) telling whether any matching at all could meet it.
///
/// Properties: every cap respected; every blocking pair is at a posting outside G with a free
/// slot, excused by the cap; a fixed cap is strategy-proof for students (Kamada and Kojima 2015),
/// but the bisection picks `K` from the reported lists, so strategy-proofness is not claimed when
/// the minimum binds (with incomplete lists no mechanism that always meets a feasible minimum is,
/// as Fragiadakis et al. note for their setting).
public enum MinimumPlaces {
    /// The matching under `minimum`, with its report.
    ///
    /// - Complexity: O(L log(c + L) · log S) when the minimum binds (one flexible deferred
    ///   acceptance per bisection step), plus O(L √S) for the maximum matching into the group.
    public static func match(_ problem: MatchingProblem, minimum: GroupMinimum) -> (matching: Matching, report: MinimumPlacesReport) {
        let inGroup = problem.postings.map { minimum.postings.contains($0.id) }
        let free = DeferredAcceptance.match(problem)
        let unconstrained = placed(free, inGroup: inGroup, problem: problem)
        let attainable = maximumPlacements(problem, inGroup: inGroup)
        var reachable = unconstrained.inside
        func report(_ placed: Int, cap: Int?) -> MinimumPlacesReport {
            MinimumPlacesReport(group: minimum.group, required: minimum.places, placed: placed, placedWithoutMinimum: unconstrained.inside,
                                reachable: reachable, attainable: attainable, outsideCap: cap)
        }
        guard unconstrained.inside < minimum.places else { return (free, report(unconstrained.inside, cap: nil)) }

        var results: [Int: (matching: Matching, inside: Int)] = [:]
        func run(cap: Int) -> (matching: Matching, inside: Int) {
            if let known = results[cap] { return known }
            let matching = FlexibleDeferredAcceptance.match(problem, groups: outsideGroup(problem, inGroup: inGroup, cap: cap))
            let result = (matching, placed(matching, inGroup: inGroup, problem: problem).inside)
            results[cap] = result
            return result
        }
        reachable = run(cap: 0).inside
        let goal = minimum.places
        guard reachable >= goal else { return (free, report(unconstrained.inside, cap: nil)) }
        var low = 0, high = unconstrained.outside  // run(low) reaches the goal; run(high) is unconstrained, which does not
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if run(cap: middle).inside >= goal { low = middle } else { high = middle }
        }
        let chosen = run(cap: low)
        return (chosen.matching, report(chosen.inside, cap: low))
    }

    /// The postings outside the group as one capped group.
    static func outsideGroup(_ problem: MatchingProblem, inGroup: [Bool], cap: Int) -> PostingGroupCaps {
        PostingGroupCaps(groupOf: inGroup.map { $0 ? -1 : 0 }, cap: [cap], slots: problem.postings.map { max($0.slots, 0) })
    }

    /// Interns placed inside and outside the group.
    static func placed(_ matching: Matching, inGroup: [Bool], problem: MatchingProblem) -> (inside: Int, outside: Int) {
        var inside = 0, outside = 0
        for assignment in matching.assignments {
            guard let posting = assignment.posting, let p = problem.postingIndex[posting] else { continue }
            if inGroup[p] { inside += 1 } else { outside += 1 }
        }
        return (inside, outside)
    }

    /// The most students that can be placed at the group's postings at once, each at a posting
    /// they may be matched to, within slots: a maximum flow by Dinic's algorithm.
    ///
    /// - Complexity: O(L √S) for L usable preference entries into the group and S students.
    static func maximumPlacements(_ problem: MatchingProblem, inGroup: [Bool]) -> Int {
        let studentCount = problem.students.count, postingCount = problem.postings.count
        // Nodes: source, students, postings, sink.
        let source = 0, sink = studentCount + postingCount + 1
        var graph = FlowGraph(nodeCount: sink + 1)
        for s in 0..<studentCount {
            var listed = false
            for c in problem.choiceStart[s]..<problem.choiceStart[s + 1] where inGroup[problem.choicePosting[c]] {
                graph.addEdge(from: 1 + s, to: 1 + studentCount + problem.choicePosting[c], capacity: 1)
                listed = true
            }
            if listed { graph.addEdge(from: source, to: 1 + s, capacity: 1) }
        }
        for p in 0..<postingCount where inGroup[p] && problem.capacity[p] > 0 {
            graph.addEdge(from: 1 + studentCount + p, to: sink, capacity: problem.capacity[p])
        }
        return graph.maximumFlow(from: source, to: sink)
    }
}

/// A flow network in flat arrays, for Dinic's maximum flow.
struct FlowGraph {
    private var head: [Int]
    private var target: [Int] = []
    private var residual: [Int] = []
    private var nextEdge: [Int] = []

    init(nodeCount: Int) { head = [Int](repeating: -1, count: nodeCount) }

    mutating func addEdge(from u: Int, to v: Int, capacity: Int) {
        for (a, b, c) in [(u, v, capacity), (v, u, 0)] {
            target.append(b)
            residual.append(c)
            nextEdge.append(head[a])
            head[a] = target.count - 1
        }
    }

    mutating func maximumFlow(from source: Int, to sink: Int) -> Int {
        var flow = 0
        var level = [Int](repeating: -1, count: head.count)
        var cursor = head
        while true {
            for i in level.indices { level[i] = -1 }
            level[source] = 0
            var queue = [source], index = 0
            while index < queue.count {
                let u = queue[index]
                index += 1
                var e = head[u]
                while e >= 0 {
                    if residual[e] > 0 && level[target[e]] < 0 {
                        level[target[e]] = level[u] + 1
                        queue.append(target[e])
                    }
                    e = nextEdge[e]
                }
            }
            guard level[sink] >= 0 else { return flow }
            cursor = head
            while true {
                let pushed = augment(source, sink, Int.max, &level, &cursor)
                if pushed == 0 { break }
                flow += pushed
            }
        }
    }

    /// One augmenting path in the level graph, iteratively (paths are 3 edges long here, but the
    /// recursion-free form keeps any graph safe).
    private mutating func augment(_ source: Int, _ sink: Int, _ limit: Int, _ level: inout [Int], _ cursor: inout [Int]) -> Int {
        var path: [Int] = []  // edges
        var u = source
        while true {
            if u == sink {
                let amount = path.reduce(limit) { min($0, residual[$1]) }
                for e in path {
                    residual[e] -= amount
                    residual[e ^ 1] += amount
                }
                return amount
            }
            var advanced = false
            while cursor[u] >= 0 {
                let e = cursor[u]
                if residual[e] > 0 && level[target[e]] == level[u] + 1 {
                    path.append(e)
                    u = target[e]
                    advanced = true
                    break
                }
                cursor[u] = nextEdge[e]
            }
            if advanced { continue }
            // Dead end: retreat.
            level[u] = -1
            guard let last = path.popLast() else { return 0 }
            u = target[last ^ 1]
            cursor[u] = nextEdge[cursor[u]]
        }
    }
}
