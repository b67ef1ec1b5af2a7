/// Student-proposing deferred acceptance (Gale and Shapley 1962) with posting capacities.
///
/// Every free student proposes to the best posting on their list they have not yet proposed to.
/// A posting holds up to `slots` proposals, the best by its ranking, and rejects the rest; a
/// rejected student proposes further down their list. When nobody is left to propose, the held
/// proposals are the matching: the **student-optimal stable matching**. It is unique, so it does
/// not depend on the order in which free students propose, and every student weakly prefers it
/// to any other stable matching.
public enum DeferredAcceptance {
    /// The student-optimal stable matching of `problem`.
    ///
    /// Implementation: a stack of free students, each with a pointer to their next proposal; per
    /// posting, a max-heap of held students keyed by the posting's rank of them (worst on top), kept
    /// in one flat array sized by total slots; each posting's rank of each applicant is
    /// precomputed by ``MatchingProblem``, so the loop does no hashing.
    ///
    /// - Complexity: O(L log c) time for L usable preference entries and c the largest number of
    ///   slots of a posting (each entry is proposed at most once, each proposal costs one heap
    ///   operation), and O(S + P + total slots) extra memory.
    public static func match(_ problem: MatchingProblem) -> Matching {
        let studentCount = problem.students.count
        let postingCount = problem.postings.count
        let capacity = problem.capacity
        let choiceStart = problem.choiceStart
        let choicePosting = problem.choicePosting
        let choiceRank = problem.choicePostingRank

        // Heap of posting p lives in heapKey/heapStudent[heapStart[p] ..< heapStart[p] + heapCount[p]].
        var heapStart = [Int](repeating: 0, count: postingCount + 1)
        for p in 0..<postingCount { heapStart[p + 1] = heapStart[p] + capacity[p] }
        var heapCount = [Int](repeating: 0, count: postingCount)
        var heapKey = [Int](repeating: 0, count: heapStart[postingCount])
        var heapStudent = [Int](repeating: 0, count: heapStart[postingCount])
        var next = [Int](repeating: 0, count: studentCount)
        for s in 0..<studentCount { next[s] = choiceStart[s] }
        var free = Array((0..<studentCount).reversed())

        while let s = free.popLast() {
            let end = choiceStart[s + 1]
            while next[s] < end {
                let c = next[s]
                next[s] += 1
                let p = choicePosting[c]
                let key = choiceRank[c]
                let base = heapStart[p]
                let count = heapCount[p]
                if count < capacity[p] {
                    // Free slot: hold, sift up.
                    var i = count
                    while i > 0 {
                        let parent = (i - 1) / 2
                        if heapKey[base + parent] >= key { break }
                        heapKey[base + i] = heapKey[base + parent]
                        heapStudent[base + i] = heapStudent[base + parent]
                        i = parent
                    }
                    heapKey[base + i] = key
                    heapStudent[base + i] = s
                    heapCount[p] = count + 1
                    break
                }
                if count > 0 && key < heapKey[base] {
                    // Full, and s beats the worst held student: replace the top, sift down.
                    free.append(heapStudent[base])
                    var i = 0
                    while true {
                        let left = 2 * i + 1
                        if left >= count { break }
                        var child = left
                        if left + 1 < count && heapKey[base + left + 1] > heapKey[base + left] { child = left + 1 }
                        if heapKey[base + child] <= key { break }
                        heapKey[base + i] = heapKey[base + child]
                        heapStudent[base + i] = heapStudent[base + child]
                        i = child
                    }
                    heapKey[base + i] = key
                    heapStudent[base + i] = s
                    break
                }
                // Rejected (no slots, or worse than everyone held): try the next choice.
            }
        }

        // A held student stopped proposing right after the choice that is held.
        var postingOf = [Int](repeating: -1, count: studentCount)
        var choiceOf = [Int](repeating: -1, count: studentCount)
        for p in 0..<postingCount {
            for i in heapStart[p]..<(heapStart[p] + heapCount[p]) {
                let s = heapStudent[i]
                postingOf[s] = p
                choiceOf[s] = next[s] - 1
            }
        }
        return Matching(problem, postingOf: postingOf, choiceOf: choiceOf)
    }
}
