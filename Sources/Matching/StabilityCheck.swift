internal import Workforce

/// Checks any matching against a problem: capacities, acceptability, and stability.
public enum StabilityCheck {
    /// Everything wrong with `matching` as a matching of `problem`; empty when it is a stable
    /// matching (so the deferred-acceptance result always passes).
    ///
    /// Found, in this order: assignments naming unknown students or postings and students without
    /// an assignment (problem order); postings over capacity (posting order); unacceptable
    /// assignments (student order); blocking pairs (student order, then preference order).
    ///
    /// For blocking pairs a student at an unacceptable posting counts as unmatched, and a posting
    /// would rather drop a student it may not take than anyone it ranks.
    ///
    /// - Complexity: O(S + P + L) for S students, P postings and L usable preference entries.
    public static func violations(of matching: Matching, in problem: MatchingProblem) -> [MatchingViolation] {
        violations(of: matching, in: problem, caps: .none)
    }

    /// Everything wrong with `matching` under regional caps, in the sense of Kamada and Kojima
    /// (2015; see ``FlexibleDeferredAcceptance``): everything ``violations(of:in:)`` finds, caps
    /// exceeded (cap order, after postings over capacity), and only the blocking pairs the caps do
    /// not excuse.
    ///
    /// A blocking pair (student, posting) is **excused** when the posting has a free slot, its
    /// province's cap is reached, and either the student is placed outside that cap's provinces,
    /// or the student is at another posting `h′` under the same cap and the province's choice would
    /// not make the move: with `a` the interns a posting holds and `t` its target capacity, the
    /// place at the posting, round `a + 1 − t`, is an extra place (round ≥ 1) that comes after the
    /// place freed at `h′`, round `max(a′ − t′, 0)`, in round-robin order (round first, then order
    /// in `postings.csv`). A posting with no free slot never excuses a pair. With no caps (or caps
    /// that are never reached) this is plain stability.
    ///
    /// - Complexity: O(S + P + L + C) for S students, P postings, L usable preference entries and
    ///   C caps.
    public static func violations(of matching: Matching, in problem: MatchingProblem, caps: RegionalCaps) -> [MatchingViolation] {
        violations(of: matching, in: problem, groups: PostingGroupCaps(caps, problem: problem),
                   capLabels: caps.caps.map(\.label))
    }

    static func violations(
        of matching: Matching, in problem: MatchingProblem, groups: PostingGroupCaps, capLabels: [String]
    ) -> [MatchingViolation] {
        var violations: [MatchingViolation] = []
        let studentCount = problem.students.count
        let postingCount = problem.postings.count
        var postingOf = [Int](repeating: -1, count: studentCount)
        var seen = [Bool](repeating: false, count: studentCount)
        for assignment in matching.assignments {
            guard let s = problem.studentIndex[assignment.student] else {
                violations.append(.unknownStudent(assignment.student))
                continue
            }
            seen[s] = true
            guard let postingID = assignment.posting else { continue }
            guard let p = problem.postingIndex[postingID] else {
                violations.append(.unknownPosting(student: assignment.student, posting: postingID))
                continue
            }
            postingOf[s] = p
        }
        for s in 0..<studentCount where !seen[s] { violations.append(.missingStudent(problem.students[s].id)) }

        var assigned = [Int](repeating: 0, count: postingCount)
        for p in postingOf where p >= 0 { assigned[p] += 1 }
        for p in 0..<postingCount where assigned[p] > problem.postings[p].slots {
            violations.append(.capacityExceeded(posting: problem.postings[p].id, slots: problem.postings[p].slots, assigned: assigned[p]))
        }

        var groupAssigned = [Int](repeating: 0, count: groups.cap.count)
        for p in postingOf where p >= 0 && groups.group(of: p) >= 0 { groupAssigned[groups.group(of: p)] += 1 }
        for g in groups.cap.indices where groupAssigned[g] > groups.cap[g] {
            violations.append(.capExceeded(regions: g < capLabels.count ? capLabels[g] : "group \(g + 1)",
                                           cap: groups.cap[g], assigned: groupAssigned[g]))
        }
        /// Whether the caps excuse student s and posting p, which has a free slot.
        func excused(student s: Int, posting p: Int) -> Bool {
            let g = groups.group(of: p)
            guard g >= 0, groupAssigned[g] >= groups.cap[g] else { return false }
            let current = postingOf[s]
            guard current >= 0, groups.group(of: current) == g else { return true }
            let round = assigned[p] + 1 - groups.target[p]
            let freedRound = max(assigned[current] - groups.target[current], 0)
            return round >= 1 && (round > freedRound || (round == freedRound && p > current))
        }

        // Each student's held choice index (nil: unmatched or unacceptable), and per posting the
        // worst held rank (Int.max when it holds someone unacceptable).
        var heldChoice = [Int?](repeating: nil, count: studentCount)
        var worstRank = [Int](repeating: Int.min, count: postingCount)
        var worstStudent = [Int](repeating: -1, count: postingCount)
        for s in 0..<studentCount {
            let p = postingOf[s]
            guard p >= 0 else { continue }
            if let c = problem.choice(student: s, posting: p) {
                heldChoice[s] = c
                let rank = problem.choicePostingRank[c]
                if rank > worstRank[p] {
                    worstRank[p] = rank
                    worstStudent[p] = s
                }
            } else {
                violations.append(.unacceptable(
                    student: problem.students[s].id, posting: problem.postings[p].id,
                    reason: problem.exclusion(student: s, posting: p) ?? .notListed))
                if worstRank[p] != Int.max {
                    worstRank[p] = Int.max
                    worstStudent[p] = s
                }
            }
        }

        for s in 0..<studentCount {
            let end = heldChoice[s] ?? problem.choiceStart[s + 1]
            for c in problem.choiceStart[s]..<end {
                let p = problem.choicePosting[c]
                let slots = problem.postings[p].slots
                if slots == 0 { continue }
                if assigned[p] < slots {
                    if excused(student: s, posting: p) { continue }
                    violations.append(.blockingPair(student: problem.students[s].id, posting: problem.postings[p].id, displaced: nil))
                } else if worstStudent[p] >= 0 && problem.choicePostingRank[c] < worstRank[p] {
                    violations.append(.blockingPair(
                        student: problem.students[s].id, posting: problem.postings[p].id,
                        displaced: problem.students[worstStudent[p]].id))
                }
            }
        }
        return violations
    }
}
