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
        let capacity = problem.capacity
        let choiceStart = problem.choiceStart
        let choicePosting = problem.choicePosting
        let choiceRank = problem.choicePostingRank

        var held = HeldStudents(capacity: capacity)
        var next = [Int](repeating: 0, count: studentCount)
        for s in 0..<studentCount { next[s] = choiceStart[s] }
        var free = Array((0..<studentCount).reversed())

        while let s = free.popLast() {
            let end = choiceStart[s + 1]
            while next[s] < end {
                let c = next[s]
                next[s] += 1
                let p = choicePosting[c]
                let rank = choiceRank[c]
                let count = held.count[p]
                if count < capacity[p] {
                    held.insert(s, rank: rank, at: p)
                    break
                }
                if count > 0 && rank < held.worstKey(p) {
                    // Full, and s beats the worst held student: that student is free again.
                    free.append(held.replaceWorst(at: p, with: s, rank: rank))
                    break
                }
                // Rejected (no slots, or worse than everyone held): try the next choice.
            }
        }

        let (postingOf, choiceOf) = held.assignment(studentCount: studentCount, next: next)
        return Matching(problem, postingOf: postingOf, choiceOf: choiceOf)
    }
}
