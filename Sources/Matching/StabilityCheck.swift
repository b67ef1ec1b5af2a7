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
