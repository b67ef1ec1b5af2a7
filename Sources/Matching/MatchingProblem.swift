public import Workforce

/// One internship matching round: postings, students, how postings rank students, and the
/// preferences the matching may use.
///
/// Building the problem does everything that does not depend on proposals:
/// - **Eligibility.** A student may be matched to a posting only in the posting's skill and at or
///   above its minimum year of study. Other preferences are dropped and listed in
///   ``droppedPreferences`` (as are unknown postings, repeats, and — with a rankings file —
///   postings that do not rank the student).
/// - **Posting ranks.** With `rankings`, a posting ranks exactly the students listed for it there,
///   by the file's rank (1 = best); everyone else is unacceptable to it. Without `rankings`, a
///   posting ranks the students who listed it eligibly by `score` (higher is better), ties broken by
///   the seeded ``Lottery`` (lower number first, then input order); the rank reported is the
///   position in that order (1 = best).
/// - **Dense indices.** Ids are mapped to array positions once; the algorithm works on flat arrays.
///
/// - Complexity: O(S log S + P + R + L) for S students, P postings, R ranking rows and L
///   preference entries: one hash look-up per entry and ranking row, and one sort of all students
///   by score and lottery (each posting's order of its applicants is read off that one order).
public struct MatchingProblem: Sendable {
    /// The postings, in input order.
    public let postings: [InternshipPosting]
    /// The students, in input order.
    public let students: [Student]
    /// Whether postings rank by a rankings file (true) or by score and lottery (false).
    public let usesRankings: Bool
    /// The lottery seed.
    public let seed: UInt64
    /// One lottery number per student, parallel to ``students`` (drawn even with a rankings file,
    /// where it is unused). See ``Lottery`` for the procedure.
    public let lotteryNumbers: [UInt64]
    /// Preferences the matching cannot use, in student order then preference order.
    public let droppedPreferences: [DroppedPreference]

    let postingIndex: [InternshipPosting.ID: Int]
    let studentIndex: [Student.ID: Int]
    /// Slots per posting, at most the posting's number of usable applicants (so odd slot counts
    /// cannot make the algorithm allocate more than the preference lists).
    let capacity: [Int]
    /// Student `s`'s usable choices are `choiceStart[s] ..< choiceStart[s + 1]`, best first.
    let choiceStart: [Int]
    /// The posting of each choice.
    let choicePosting: [Int]
    /// The posting's rank of the student in each choice (smaller is better).
    let choicePostingRank: [Int]
    /// The 1-based position of each choice in the student's preferences as written.
    let choiceListPosition: [Int]

    /// Builds and checks a matching problem.
    ///
    /// - Parameters:
    ///   - rankings: explicit posting ranks (`rankings.csv`), or nil to rank by score and lottery.
    ///   - seed: the lottery seed; ``Lottery/defaultSeed`` unless the user gives one.
    /// - Throws: ``MatchingInputError`` listing duplicate ids, negative slots and bad ranking rows.
    public init(
        postings: [InternshipPosting], students: [Student], rankings: [PostingRank]? = nil,
        seed: UInt64 = Lottery.defaultSeed
    ) throws(MatchingInputError) {
        var problems: [MatchingInputError.Problem] = []
        var postingIndex: [InternshipPosting.ID: Int] = [:]
        postingIndex.reserveCapacity(postings.count)
        for (index, posting) in postings.enumerated() {
            if postingIndex[posting.id] != nil {
                problems.append(.duplicatePosting(posting.id))
            } else {
                postingIndex[posting.id] = index
            }
            if posting.slots < 0 { problems.append(.negativeSlots(posting.id, slots: posting.slots)) }
        }
        var studentIndex: [Student.ID: Int] = [:]
        studentIndex.reserveCapacity(students.count)
        for (index, student) in students.enumerated() {
            if studentIndex[student.id] != nil {
                problems.append(.duplicateStudent(student.id))
            } else {
                studentIndex[student.id] = index
            }
        }

        // Explicit ranks keyed by (posting, student) packed into one Int.
        var explicitRank: [Int: Int] = [:]
        if let rankings {
            explicitRank.reserveCapacity(rankings.count)
            var holderOfRank: [InternshipPosting.ID: [Int: Student.ID]] = [:]
            for row in rankings {
                guard let p = postingIndex[row.posting] else {
                    problems.append(.rankingUnknownPosting(row))
                    continue
                }
                guard let s = studentIndex[row.student] else {
                    problems.append(.rankingUnknownStudent(row))
                    continue
                }
                guard row.rank >= 1 else {
                    problems.append(.rankingNotPositive(row))
                    continue
                }
                let key = Self.pairKey(posting: p, student: s)
                if explicitRank[key] != nil {
                    problems.append(.rankingRepeated(row))
                    continue
                }
                if let other = holderOfRank[row.posting, default: [:]][row.rank] {
                    problems.append(.rankingShared(posting: row.posting, rank: row.rank, students: [other, row.student]))
                    continue
                }
                holderOfRank[row.posting, default: [:]][row.rank] = row.student
                explicitRank[key] = row.rank
            }
        }
        if !problems.isEmpty { throw MatchingInputError(problems) }

        let lotteryNumbers = Lottery.numbers(count: students.count, seed: seed)

        // Usable choices, flat, per student. Skills are interned so the loop compares integers.
        var skillIndex: [Skill.ID: Int] = [:]
        func intern(_ skill: Skill.ID) -> Int {
            if let index = skillIndex[skill] { return index }
            skillIndex[skill] = skillIndex.count
            return skillIndex.count - 1
        }
        let postingSkill = postings.map { intern($0.skill) }
        let postingMinimumYear = postings.map(\.minimumYear)
        var dropped: [DroppedPreference] = []
        var choiceStart: [Int] = [0]
        choiceStart.reserveCapacity(students.count + 1)
        var choicePosting: [Int] = []
        var choicePostingRank: [Int] = []
        var choiceListPosition: [Int] = []
        let expected = students.reduce(0) { $0 + $1.preferences.count }
        choicePosting.reserveCapacity(expected)
        choicePostingRank.reserveCapacity(expected)
        choiceListPosition.reserveCapacity(expected)
        // Repeats: the last student to mention each posting, and at which position.
        var lastMentionBy = [Int](repeating: -1, count: postings.count)
        var lastMentionPosition = [Int](repeating: 0, count: postings.count)
        for s in students.indices {
            let studentSkill = intern(students[s].skill)
            let year = students[s].year
            let preferences = students[s].preferences
            for offset in preferences.indices {
                let position = offset + 1
                let postingID = preferences[offset]
                var reason: PreferenceExclusion?
                var rank = 0  // filled in below when ranking by score
                if let p = postingIndex[postingID] {
                    if lastMentionBy[p] == s {
                        reason = .repeated(firstPosition: lastMentionPosition[p])
                    } else {
                        lastMentionBy[p] = s
                        lastMentionPosition[p] = position
                        if postingSkill[p] != studentSkill {
                            reason = .wrongSkill(student: students[s].skill, posting: postings[p].skill)
                        } else if year < postingMinimumYear[p] {
                            reason = .yearBelowMinimum(year: year, minimum: postingMinimumYear[p])
                        } else if rankings != nil {
                            if let explicit = explicitRank[Self.pairKey(posting: p, student: s)] {
                                rank = explicit
                            } else {
                                reason = .notRankedByPosting
                            }
                        }
                    }
                    if reason == nil {
                        choicePosting.append(p)
                        choicePostingRank.append(rank)
                        choiceListPosition.append(position)
                        continue
                    }
                } else {
                    reason = .unknownPosting
                }
                if let reason {
                    dropped.append(DroppedPreference(student: students[s].id, posting: postingID, position: position, reason: reason))
                }
            }
            choiceStart.append(choicePosting.count)
        }

        if rankings == nil {
            Self.rankByScore(
                students: students, lotteryNumbers: lotteryNumbers, postingCount: postings.count,
                choiceStart: choiceStart, choicePosting: choicePosting, into: &choicePostingRank)
        }

        self.postings = postings
        self.students = students
        self.usesRankings = rankings != nil
        self.seed = seed
        self.lotteryNumbers = lotteryNumbers
        self.droppedPreferences = dropped
        self.postingIndex = postingIndex
        self.studentIndex = studentIndex
        var capacity = [Int](repeating: 0, count: postings.count)
        for p in choicePosting { capacity[p] += 1 }
        for p in postings.indices { capacity[p] = min(capacity[p], max(postings[p].slots, 0)) }
        self.capacity = capacity
        self.choiceStart = choiceStart
        self.choicePosting = choicePosting
        self.choicePostingRank = choicePostingRank
        self.choiceListPosition = choiceListPosition
    }

    static func pairKey(posting: Int, student: Int) -> Int { posting << 32 | student }

    /// Orders all students once by score (higher first; NaN lowest), then lottery number (lower
    /// first), then input order; a posting's rank of an applicant is the applicant's position
    /// among the posting's applicants in that order (1 = best).
    ///
    /// - Complexity: O(S log S + L): one sort, then one pass over the choices.
    private static func rankByScore(
        students: [Student], lotteryNumbers: [UInt64], postingCount: Int, choiceStart: [Int],
        choicePosting: [Int], into choicePostingRank: inout [Int]
    ) {
        struct Order: Comparable {
            var score: Double
            var lottery: UInt64
            var index: Int
            static func < (a: Order, b: Order) -> Bool {
                if a.score != b.score { return a.score > b.score }
                if a.lottery != b.lottery { return a.lottery < b.lottery }
                return a.index < b.index
            }
        }
        var order = students.indices.map { s in
            Order(score: students[s].score.isNaN ? -Double.infinity : students[s].score, lottery: lotteryNumbers[s], index: s)
        }
        order.sort()
        var applicantsSoFar = [Int](repeating: 0, count: postingCount)
        for entry in order {
            for c in choiceStart[entry.index]..<choiceStart[entry.index + 1] {
                let p = choicePosting[c]
                applicantsSoFar[p] += 1
                choicePostingRank[c] = applicantsSoFar[p]
            }
        }
    }

    // MARK: Look-ups by id

    /// The lottery number of a student, or nil for an unknown id.
    public func lotteryNumber(of student: Student.ID) -> UInt64? {
        studentIndex[student].map { lotteryNumbers[$0] }
    }

    /// The postings a student may be matched to, most wanted first.
    public func usablePreferences(of student: Student.ID) -> [InternshipPosting.ID] {
        guard let s = studentIndex[student] else { return [] }
        return (choiceStart[s]..<choiceStart[s + 1]).map { postings[choicePosting[$0]].id }
    }

    /// The posting's rank of the student (1 = best), or nil when the posting may not take them.
    public func postingRank(of student: Student.ID, at posting: InternshipPosting.ID) -> Int? {
        guard let s = studentIndex[student], let p = postingIndex[posting] else { return nil }
        return choice(student: s, posting: p).map { choicePostingRank[$0] }
    }

    /// The posting's 1-based position in the student's preferences as written, or nil when the
    /// student did not list it.
    public func studentRank(of posting: InternshipPosting.ID, by student: Student.ID) -> Int? {
        guard let s = studentIndex[student] else { return nil }
        return students[s].preferences.firstIndex(of: posting).map { $0 + 1 }
    }

    /// The posting with this id.
    public func posting(_ id: InternshipPosting.ID) -> InternshipPosting? {
        postingIndex[id].map { postings[$0] }
    }

    /// The index into the choice arrays of student `s` choosing posting `p`, if usable.
    ///
    /// - Complexity: O(length of the student's list).
    func choice(student s: Int, posting p: Int) -> Int? {
        (choiceStart[s]..<choiceStart[s + 1]).first { choicePosting[$0] == p }
    }

    /// Why student `s` may not be matched at posting `p` (nil when they may).
    func exclusion(student s: Int, posting p: Int) -> PreferenceExclusion? {
        if choice(student: s, posting: p) != nil { return nil }
        let student = students[s], posting = postings[p]
        if !student.preferences.contains(posting.id) { return .notListed }
        if posting.skill != student.skill { return .wrongSkill(student: student.skill, posting: posting.skill) }
        if student.year < posting.minimumYear { return .yearBelowMinimum(year: student.year, minimum: posting.minimumYear) }
        return .notRankedByPosting
    }
}
