public import Workforce

/// A second matching round after a first one (`skillplan match --round-of matches.csv`).
///
/// Students the first round left unmatched take part, with the preferences of the students file
/// given now (new lists); postings take part with the slots the first round left free (postings
/// with none left drop out). First-round places are untouched: they are not in the round at all.
/// Rankings rows of students or postings outside the round are dropped. Regional caps count what
/// the first round placed (a cap of 50 with 40 placed leaves 10); a minimum counts the first
/// round's interns at its group; the fund's budget is what the first round's `support_vnd` left.
public struct SecondRound: Sendable {
    /// The postings of the round: those with free slots, `slots` set to the free slots.
    public let postings: [InternshipPosting]
    /// The students of the round: those unmatched in the first round, in input order.
    public let students: [Student]
    /// The rankings rows of the round's postings and students; nil without rankings.
    public let rankings: [PostingRank]?
    /// The rules with what the first round placed taken off.
    public let rules: MatchingRules
    /// The support the first round paid (sum of `support_vnd`), whole VND.
    public let firstRoundSupport: VND
    /// Interns the first round placed.
    public let firstRoundMatched: Int

    /// The second round after `first`, read against the full problem (every posting and student).
    ///
    /// - Complexity: O(S + P + R) for S students, P postings and R rankings rows.
    public init(after first: MatchesFile, problem: MatchingProblem, rankings: [PostingRank]?, rules: MatchingRules) {
        var placed: [InternshipPosting.ID: Int] = [:]
        var matched: Set<Student.ID> = []
        for assignment in first.matching.assignments {
            guard let posting = assignment.posting else { continue }
            placed[posting, default: 0] += 1
            matched.insert(assignment.student)
        }
        var postings: [InternshipPosting] = []
        for posting in problem.postings {
            let free = posting.slots - (placed[posting.id] ?? 0)
            guard free > 0 else { continue }
            var open = posting
            open.slots = free
            postings.append(open)
        }
        let students = problem.students.filter { !matched.contains($0.id) }
        let postingIDs = Set(postings.map(\.id)), studentIDs = Set(students.map(\.id))
        self.postings = postings
        self.students = students
        self.rankings = rankings?.filter { postingIDs.contains($0.posting) && studentIDs.contains($0.student) }
        firstRoundMatched = matched.count
        firstRoundSupport = first.funding.values.reduce(0) { $0 + $1.support }

        let caps = rules.caps.caps.map { cap in
            let regions = Set(cap.regions)
            let used = problem.postings.reduce(0) { $0 + (regions.contains($1.region) ? placed[$1.id] ?? 0 : 0) }
            return RegionalCap(regions: cap.regions, cap: max(cap.cap - used, 0))
        }
        let minimum = rules.minimum.map { minimum in
            let used = minimum.postings.reduce(0) { $0 + (placed[$1] ?? 0) }
            return GroupMinimum(group: minimum.group, places: max(minimum.places - used, 0),
                                postings: minimum.postings.intersection(postingIDs))
        }
        // Same provinces, caps lowered but not below 0: still valid.
        self.rules = MatchingRules(caps: RegionalCaps(checked: caps), minimum: minimum)
    }
}
