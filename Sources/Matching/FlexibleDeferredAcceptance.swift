/// Student-proposing **flexible deferred acceptance** under regional caps: Kamada and Kojima,
/// "Efficient Matching under Distributional Constraints: Theory and Applications", *American
/// Economic Review* 105(1), 2015, 67–99 (the mechanism they proposed to repair the Japan
/// Residency Matching Program's regional caps).
///
/// Students propose down their lists as in ``DeferredAcceptance``. What a capped province keeps is
/// decided by the province, from all the proposals its postings hold, in two steps:
/// 1. every posting keeps its best applicants up to its **target capacity** (see
///    ``RegionalCaps`` for the rule that sets targets from the cap);
/// 2. the province's remaining places (cap minus what step 1 kept) go round-robin over its
///    postings in `postings.csv` order: each posting in turn keeps its next-best applicant, while
///    it has one and is below its slots, until the places run out.
///
/// Everything else is rejected and proposes further down. The province's choice is substitutable
/// and satisfies the law of aggregate demand, so (Kamada and Kojima 2015, Theorems 2–3; Hatfield
/// and Milgrom 2005) the result does not depend on the order of proposals, respects every cap,
/// is stable in their sense (a pair that blocks has a posting with a free slot in a province at
/// its cap, and a student placed outside that province, or one whose move inside it the province's
/// choice would not make, see ``StabilityCheck/violations(of:in:caps:)``), and no student gains by
/// misreporting. A province whose cap never binds keeps exactly what plain deferred acceptance
/// keeps, so with caps at or above the unconstrained counts the result is the student-optimal
/// stable matching of ``DeferredAcceptance``.
public enum FlexibleDeferredAcceptance {
    /// The flexible deferred acceptance matching of `problem` under `caps`.
    ///
    /// Implementation: the province's choice above depends only on how many applicants each posting
    /// has, so it is kept up to date one proposal at a time. When a full province takes a proposal,
    /// the place it gives up is its **last extra place** in round-robin order: the posting whose
    /// count above target is largest, ties to the posting later in `postings.csv`. Per province a
    /// lazy max-heap of (count above target, posting) finds it; per posting the held students are
    /// a heap as in ``DeferredAcceptance``.
    ///
    /// - Complexity: O(L log(c + L)) time for L usable preference entries and c the largest slots
    ///   of a posting (each proposal costs a constant number of heap operations), O(S + P + total
    ///   slots + L) extra memory.
    public static func match(_ problem: MatchingProblem, caps: RegionalCaps) -> Matching {
        match(problem, groups: PostingGroupCaps(caps, problem: problem))
    }

    static func match(_ problem: MatchingProblem, groups: PostingGroupCaps) -> Matching {
        let studentCount = problem.students.count
        let capacity = problem.capacity
        let choiceStart = problem.choiceStart
        let choicePosting = problem.choicePosting
        let choiceRank = problem.choicePostingRank
        let target = groups.target
        let groupCap = groups.cap
        let postingCount = problem.postings.count
        let groupOf = groups.groupOf.count == postingCount ? groups.groupOf : [Int](repeating: -1, count: postingCount)

        var held = HeldStudents(capacity: capacity)
        var groupHeld = [Int](repeating: 0, count: groupCap.count)
        var extras = ExtraPlaces(groupCount: groupCap.count, postingCount: postingCount)
        var next = [Int](repeating: 0, count: studentCount)
        for s in 0..<studentCount { next[s] = choiceStart[s] }
        var free = Array((0..<studentCount).reversed())

        /// Posting q (in group g) lets its worst student go; its extra place shrinks.
        func release(from q: Int, group g: Int) {
            free.append(held.removeWorst(at: q))
            let above = held.count[q] - target[q]
            if above >= 1 { extras.push(above: above, posting: q, group: g) }
        }

        while let s = free.popLast() {
            let end = choiceStart[s + 1]
            proposals: while next[s] < end {
                let c = next[s]
                next[s] += 1
                let p = choicePosting[c]
                let rank = choiceRank[c]
                let count = held.count[p]
                let g = groupOf[p]
                if g < 0 || count >= capacity[p] {
                    // Uncapped, or the posting is full: plain deferred acceptance at the posting.
                    if count < capacity[p] {
                        held.insert(s, rank: rank, at: p)
                        break proposals
                    }
                    if count > 0 && rank < held.worstKey(p) {
                        free.append(held.replaceWorst(at: p, with: s, rank: rank))
                        break proposals
                    }
                    continue proposals
                }
                if groupHeld[g] < groupCap[g] {
                    // The province has room.
                    held.insert(s, rank: rank, at: p)
                    groupHeld[g] += 1
                    if count + 1 > target[p] { extras.push(above: count + 1 - target[p], posting: p, group: g) }
                    break proposals
                }
                let last = extras.last(group: g) { q, above in held.count[q] - target[q] == above }
                if count + 1 <= target[p] {
                    // Within the posting's target: taken; the province's last extra place goes.
                    guard let last else { continue proposals }  // cannot happen: targets add up to at most the cap
                    held.insert(s, rank: rank, at: p)
                    release(from: last.posting, group: g)
                    break proposals
                }
                let above = count + 1 - target[p]
                if let last, last.above > above || (last.above == above && last.posting > p) {
                    // The new extra place comes before the province's last one in round-robin order.
                    held.insert(s, rank: rank, at: p)
                    extras.push(above: above, posting: p, group: g)
                    release(from: last.posting, group: g)
                    break proposals
                }
                // The new place would be the province's last: the posting keeps its best `count`.
                if count > 0 && rank < held.worstKey(p) {
                    free.append(held.replaceWorst(at: p, with: s, rank: rank))
                    break proposals
                }
            }
        }

        let (postingOf, choiceOf) = held.assignment(studentCount: studentCount, next: next)
        return Matching(problem, postingOf: postingOf, choiceOf: choiceOf)
    }
}

/// Per capped group, a lazy max-heap of (places above target, posting): entries are pushed when a
/// posting's count above target changes and dropped when found stale on top.
struct ExtraPlaces {
    private var heaps: [[Int]]
    private let stride: Int

    init(groupCount: Int, postingCount: Int) {
        heaps = [[Int]](repeating: [], count: groupCount)
        stride = postingCount + 1
    }

    /// Records that `posting` in `group` now holds `above` places above its target (≥ 1).
    mutating func push(above: Int, posting: Int, group: Int) {
        let key = above * stride + posting
        heaps[group].append(key)
        var i = heaps[group].count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if heaps[group][parent] >= key { break }
            heaps[group][i] = heaps[group][parent]
            i = parent
        }
        heaps[group][i] = key
    }

    /// The group's last extra place in round-robin order: the largest (above, posting) that is
    /// still `current`; nil when the group holds nobody above target.
    mutating func last(group: Int, current: (_ posting: Int, _ above: Int) -> Bool) -> (above: Int, posting: Int)? {
        while let top = heaps[group].first {
            let above = top / stride, posting = top % stride
            if current(posting, above) { return (above, posting) }
            popTop(group)
        }
        return nil
    }

    private mutating func popTop(_ group: Int) {
        guard let lastKey = heaps[group].popLast() else { return }
        let count = heaps[group].count
        guard count > 0 else { return }
        var i = 0
        while true {
            let left = 2 * i + 1
            if left >= count { break }
            var child = left
            if left + 1 < count && heaps[group][left + 1] > heaps[group][left] { child = left + 1 }
            if heaps[group][child] <= lastKey { break }
            heaps[group][i] = heaps[group][child]
            i = child
        }
        heaps[group][i] = lastKey
    }
}
