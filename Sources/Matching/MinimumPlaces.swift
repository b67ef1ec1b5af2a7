public import Texts
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
    /// did not bind, was met by completion, or cannot be met.
    public let outsideCap: Int?
    /// Students the **minimum completion** placed in the group, each ahead of applicants the
    /// group's postings rank higher or away from a posting outside the group; nil (absent from
    /// JSON) when no completion was needed.
    public let completed: Int?

    /// Whether the minimum is met (`placed ≥ required`).
    public let met: Bool

    /// The report in words, for the terminal.
    public var sentence: String { sentence(Catalogue(.en)) }

    /// The report in words, in the catalogue's language.
    public func sentence(_ texts: Catalogue) -> String {
        let numbers = texts.numbers
        func count(_ n: Int) -> String { numbers.grouped(Double(n)) }
        var values = ["group": group, "placed": count(placed), "required": count(required), "attainable": count(attainable)]
        guard met else { return texts.format("matching.minimum-infeasible", values) }
        if let completed {
            values["moved"] = count(completed)
            return texts.format("matching.minimum-met-by-completion", values)
        }
        if let outsideCap {
            values["cap"] = count(outsideCap)
            return texts.format("matching.minimum-met-by-cap", values)
        }
        return texts.format("matching.minimum-met", values)
    }

    enum CodingKeys: String, CodingKey {
        case group, required, placed, placedWithoutMinimum = "placed_without_minimum", reachable, attainable
        case outsideCap = "outside_cap", completed = "placed_by_completion", met
    }

    /// A report; see the properties.
    public init(group: String, required: Int, placed: Int, placedWithoutMinimum: Int, reachable: Int, attainable: Int, outsideCap: Int?,
                completed: Int? = nil) {
        self.completed = completed
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

/// Minimum places for a group of postings, met whenever any matching can meet them.
///
/// **Sources.** Fragiadakis, Iwasaki, Troyan, Ueda and Yokoo, "Strategyproof Matching with Minimum
/// Quotas", *ACM Transactions on Economics and Computation* 4(1), 2016, article 6, turn minimum
/// quotas into limits on the rest of the market (their extended-seat deferred acceptance, ESDA,
/// caps the seats beyond the minima); Kamada and Kojima (AER 2015) give the mechanism for such
/// a limit (``FlexibleDeferredAcceptance``). Their setting assumes every student finds every
/// school acceptable; here students rank a few postings and may be ineligible, so a minimum can
/// be out of reach of any cap. Then the mechanism completes the minimum along augmenting paths
/// (a maximum matching into the group, as in Hopcroft–Karp), the step that makes every feasible
/// minimum met.
///
/// **The three stages**, each tried only when the previous one misses the minimum `m` of group G:
/// 1. **Unconstrained.** Plain ``DeferredAcceptance``: if it places `m` at G the minimum does not
///    bind and the result is exactly the student-optimal stable matching.
/// 2. **A cap outside G** (ESDA's limit on the other seats): ``FlexibleDeferredAcceptance`` with
///    the postings outside G capped at `K` (targets split `K` by slots). If `K = 0` places `m` at
///    G, `K` is found by bisection between 0 and the students deferred acceptance places outside
///    G: a cap whose result places `m` at G while `K + 1`'s does not.
/// 3. **Minimum completion.** Otherwise, when a maximum matching of the students who ranked G's
///    postings eligibly to their slots reaches `m` (``MinimumPlacesReport/attainable``), start from
///    plain deferred acceptance and add students to G one at a time along augmenting paths:
///    students unmatched first, then students placed outside G, those their posting ranks lowest
///    first (ties by input order); each path gives the new student the first posting of G on their
///    list that it reaches, and may move students already at G to another G posting they listed
///    (never out of G). It stops when G holds `m`. Students in G stay in G, so one pass over the
///    candidates reaches the maximum (the sets of students that can be placed at G together form a
///    transversal matroid). The slot a student leaves outside G stays free.
///
/// When the maximum matching is below `m` the minimum **cannot be met** by any matching: the
/// result is plain deferred acceptance and the report says how many could be placed at most.
///
/// **Properties.** Every slot and cap respected; the minimum met whenever any matching meets it
/// (stage 3); a minimum that does not bind gives exactly ``DeferredAcceptance``'s matching.
/// Stage 2's result is stable in Kamada and Kojima's sense under the cap `K` (a blocking pair is
/// at a posting outside G with a free slot, excused by the cap), and for a *fixed* cap that
/// mechanism is strategy-proof for students. Stage 3 gives up stability inside G (a student
/// completed into G may take a place its posting would have given to a higher-ranked applicant)
/// and the report counts those students (``MinimumPlacesReport/completed``).
/// **No strategy-proofness is claimed** when the minimum binds. With lists that may leave postings
/// out, none is possible for a mechanism that also wastes nothing: with one posting g in G and
/// one posting o outside, one slot each, a minimum of 1, and two students who both list o then g,
/// every matching that meets the minimum and that no other such matching improves for a student
/// without harming the other sends one student to g, and that student gains by dropping g from
/// their list (then only the other can fill g, and they get o). The tests check this by brute
/// force. (Stage 2 can waste a place, the price of its stability; stage 3 is not stable.)
public enum MinimumPlaces {
    /// The matching under `minimum`, with its report.
    ///
    /// - Complexity: O(L log(c + L) · log S) when the cap binds (one flexible deferred acceptance
    ///   per bisection step), O(L √S) for the maximum matching into the group, and
    ///   O(m · (L + S)) for the completion (one search per student added).
    public static func match(_ problem: MatchingProblem, minimum: GroupMinimum) -> (matching: Matching, report: MinimumPlacesReport) {
        let inGroup = problem.postings.map { minimum.postings.contains($0.id) }
        let free = DeferredAcceptance.match(problem)
        let unconstrained = placed(free, inGroup: inGroup, problem: problem)
        let attainable = maximumPlacements(problem, inGroup: inGroup)
        var reachable = unconstrained.inside
        func report(_ placed: Int, cap: Int?, completed: Int? = nil) -> MinimumPlacesReport {
            MinimumPlacesReport(group: minimum.group, required: minimum.places, placed: placed, placedWithoutMinimum: unconstrained.inside,
                                reachable: reachable, attainable: attainable, outsideCap: cap, completed: completed)
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
        guard reachable >= goal else {
            guard attainable >= goal else { return (free, report(unconstrained.inside, cap: nil)) }
            let completed = complete(free, problem: problem, inGroup: inGroup, goal: goal)
            return (completed.matching, report(placed(completed.matching, inGroup: inGroup, problem: problem).inside, cap: nil,
                                               completed: completed.added))
        }
        var low = 0, high = unconstrained.outside  // run(low) reaches the goal; run(high) is unconstrained, which does not
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if run(cap: middle).inside >= goal { low = middle } else { high = middle }
        }
        let chosen = run(cap: low)
        return (chosen.matching, report(chosen.inside, cap: low))
    }

    /// Stage 3: adds students to the group along augmenting paths until it holds `goal` (or no
    /// candidate is left), as the type's documentation describes.
    ///
    /// - Complexity: O(goal · (L + S)) for L usable preference entries and S students (in practice
    ///   far less: a search stops at the first free slot).
    static func complete(_ start: Matching, problem: MatchingProblem, inGroup: [Bool], goal: Int) -> (matching: Matching, added: Int) {
        let studentCount = problem.students.count, postingCount = problem.postings.count
        var postingOf = [Int](repeating: -1, count: studentCount)
        var holders = [[Int]](repeating: [], count: postingCount)
        var inside = 0
        for (s, assignment) in start.assignments.enumerated() {
            guard let id = assignment.posting, let p = problem.postingIndex[id] else { continue }
            postingOf[s] = p
            if inGroup[p] {
                holders[p].append(s)
                inside += 1
            }
        }
        func ranksTheGroup(_ s: Int) -> Bool {
            (problem.choiceStart[s]..<problem.choiceStart[s + 1]).contains { inGroup[problem.choicePosting[$0]] }
        }
        // Candidates: not in the group, with a posting of the group on their list.
        var candidates: [(outside: Int, rank: Int, student: Int)] = []
        for s in 0..<studentCount where (postingOf[s] < 0 || !inGroup[postingOf[s]]) && ranksTheGroup(s) {
            // Unmatched first; then placed outside, lowest-ranked at their posting first.
            candidates.append(postingOf[s] < 0 ? (0, 0, s) : (1, -(start.assignments[s].postingRank ?? 0), s))
        }
        candidates.sort { ($0.outside, $0.rank, $0.student) < ($1.outside, $1.rank, $1.student) }

        var added = 0
        var reachedFrom = [Int](repeating: -1, count: postingCount)
        var seenStudent = [Bool](repeating: false, count: studentCount)
        // Marks stay between failed searches: nothing changed, so what one failed search reached
        // cannot reach a free slot in the next (as in Kuhn's algorithm); they are cleared after a
        // student is added. So the searches between two additions cost O(L + S) together.
        var touchedPostings: [Int] = [], touchedStudents: [Int] = []
        for candidate in candidates where inside < goal {
            guard !seenStudent[candidate.student] else { continue }
            // Breadth-first search for a posting of the group with a free slot.
            seenStudent[candidate.student] = true
            touchedStudents.append(candidate.student)
            var queue = [candidate.student], index = 0
            var end = -1
            search: while index < queue.count {
                let u = queue[index]
                index += 1
                for c in problem.choiceStart[u]..<problem.choiceStart[u + 1] {
                    let g = problem.choicePosting[c]
                    guard inGroup[g], g != postingOf[u], reachedFrom[g] < 0 else { continue }
                    reachedFrom[g] = u
                    touchedPostings.append(g)
                    if holders[g].count < problem.capacity[g] {
                        end = g
                        break search
                    }
                    for t in holders[g] where !seenStudent[t] {
                        seenStudent[t] = true
                        touchedStudents.append(t)
                        queue.append(t)
                    }
                }
            }
            guard end >= 0 else { continue }
            // Shift along the path: each student moves to the posting they reached.
            var g = end
            while true {
                let u = reachedFrom[g]
                let old = postingOf[u]
                if old >= 0, inGroup[old], let at = holders[old].firstIndex(of: u) { holders[old].remove(at: at) }
                holders[g].append(u)
                postingOf[u] = g
                if u == candidate.student { break }
                g = old
            }
            inside += 1
            added += 1
            for g in touchedPostings { reachedFrom[g] = -1 }
            for t in touchedStudents { seenStudent[t] = false }
            touchedPostings.removeAll(keepingCapacity: true)
            touchedStudents.removeAll(keepingCapacity: true)
        }
        return (Matching(problem, postingOf: postingOf), added)
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
