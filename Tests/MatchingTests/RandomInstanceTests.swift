import Matching
import Testing
import Workforce

@Suite("Random instances")
struct RandomInstanceTests {
    /// (seed, students, postings, longest list, with rankings)
    static let cases: [(UInt64, Int, Int, Int, Bool)] = [
        (1, 10, 4, 3, false), (2, 10, 4, 3, true), (3, 60, 15, 5, false), (4, 60, 15, 5, true),
        (5, 300, 40, 8, false), (6, 300, 40, 8, true), (7, 2_000, 300, 10, false), (8, 2_000, 300, 10, true),
    ]

    @Test(arguments: cases)
    func deferredAcceptanceIsStable(seed: UInt64, students: Int, postings: Int, maxList: Int, withRankings: Bool) throws {
        let instance = randomInstance(
            seed: seed, studentCount: students, postingCount: postings, maxList: maxList, withRankings: withRankings)
        let problem = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
        let matching = DeferredAcceptance.match(problem)
        #expect(StabilityCheck.violations(of: matching, in: problem) == [])
        #expect(matching.assignments.map(\.student) == instance.students.map(\.id))
        #expect(matching.matchedCount > 0)
        // Every matched student is at a usable posting, within capacity.
        var filled: [InternshipPosting.ID: Int] = [:]
        for assignment in matching.matched {
            let posting = try #require(assignment.posting)
            #expect(problem.usablePreferences(of: assignment.student).contains(posting))
            filled[posting, default: 0] += 1
        }
        for posting in instance.postings { #expect((filled[posting.id] ?? 0) <= posting.slots) }
        if students <= 300 {
            let dictionary = Dictionary(uniqueKeysWithValues: matching.matched.compactMap { a in a.posting.map { (a.student, $0) } })
            #expect(isStableByDefinition(dictionary, in: problem))
        }
    }

    /// Moving a matched student to a worse posting and putting an unmatched applicant into a
    /// posting's free slot must each be caught.
    @Test(arguments: [UInt64(11), 12, 13])
    func brokenMatchingIsCaught(seed: UInt64) throws {
        let instance = randomInstance(seed: seed, studentCount: 200, postingCount: 30, maxList: 6, withRankings: false)
        let problem = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: nil)
        let matching = DeferredAcceptance.match(problem)
        var assignment = Dictionary(uniqueKeysWithValues: matching.matched.compactMap { a in a.posting.map { (a.student, $0) } })

        // Unmatch a student matched at their first usable choice: that posting now has a free slot
        // and the student prefers it to being unmatched — a blocking pair.
        let victim = try #require(matching.matched.first { problem.usablePreferences(of: $0.student).first == $0.posting })
        let freed = try #require(victim.posting)
        assignment[victim.student] = nil
        let broken = try Matching(problem, postings: assignment)
        let violations = StabilityCheck.violations(of: broken, in: problem)
        #expect(violations.contains(.blockingPair(student: victim.student, posting: freed, displaced: nil)))
        #expect(!isStableByDefinition(assignment, in: problem))

        // Overfill: put the victim back and add one more student to the same posting.
        assignment[victim.student] = freed
        let intruder = try #require(instance.students.first { assignment[$0.id] == nil })
        assignment[intruder.id] = freed
        let overfilled = try Matching(problem, postings: assignment)
        let found = StabilityCheck.violations(of: overfilled, in: problem)
        let slots = try #require(problem.posting(freed)?.slots)
        #expect(found.contains(.capacityExceeded(posting: freed, slots: slots, assigned: slots + 1)))
    }

    @Test func unacceptableAssignmentsAreNamed() throws {
        let problem = try MatchingProblem(
            postings: [posting("P"), posting("M", skill: "MOULD"), posting("Y", minimumYear: 4)],
            students: [student("a", ["P", "M", "Y"]), student("b", ["P"]), student("c", [])],
            rankings: rankings(["P": ["a"], "M": ["a"], "Y": ["a"]]))
        let matching = try Matching(problem, postings: ["a": "Y", "b": "P", "c": "M"])
        #expect(StabilityCheck.violations(of: matching, in: problem) == [
            .unacceptable(student: "a", posting: "Y", reason: .yearBelowMinimum(year: 3, minimum: 4)),
            .unacceptable(student: "b", posting: "P", reason: .notRankedByPosting),
            .unacceptable(student: "c", posting: "M", reason: .notListed),
            // a prefers P, which ranks a and holds b, whom it may not take.
            .blockingPair(student: "a", posting: "P", displaced: "b"),
        ])
    }
}

@Suite("Brute force on tiny instances")
struct BruteForceTests {
    /// Every matching that respects capacity and acceptability.
    static func allMatchings(_ problem: MatchingProblem) -> [[Student.ID: InternshipPosting.ID]] {
        var results: [[Student.ID: InternshipPosting.ID]] = []
        var current: [Student.ID: InternshipPosting.ID] = [:]
        var filled: [InternshipPosting.ID: Int] = [:]
        let students = problem.students
        func extend(_ index: Int) {
            if index == students.count {
                results.append(current)
                return
            }
            let id = students[index].id
            extend(index + 1)  // unmatched
            for posting in problem.usablePreferences(of: id) {
                guard let slots = problem.posting(posting)?.slots, filled[posting, default: 0] < slots else { continue }
                filled[posting, default: 0] += 1
                current[id] = posting
                extend(index + 1)
                current[id] = nil
                filled[posting, default: 0] -= 1
            }
        }
        extend(0)
        return results
    }

    @Test(arguments: Array(UInt64(100)..<UInt64(160)))
    func deferredAcceptanceIsTheStudentOptimalStableMatching(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let students = Int.random(in: 1...5, using: &random)
        let postings = Int.random(in: 1...3, using: &random)
        let instance = randomInstance(
            seed: seed &* 7919, studentCount: students, postingCount: postings, maxList: 3,
            withRankings: seed % 2 == 0, twoSkills: seed % 3 == 0)
        let problem = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
        let result = DeferredAcceptance.match(problem)

        let candidates = Self.allMatchings(problem)
        let stable = candidates.filter { isStableByDefinition($0, in: problem) }
        try #require(!stable.isEmpty)
        // The verifier agrees with the definition on every candidate.
        for candidate in candidates {
            let verdict = StabilityCheck.violations(of: try Matching(problem, postings: candidate), in: problem).isEmpty
            #expect(verdict == isStableByDefinition(candidate, in: problem))
        }
        // DA's result is stable and every student weakly prefers it to every stable matching.
        let dictionary = Dictionary(uniqueKeysWithValues: result.matched.compactMap { a in a.posting.map { (a.student, $0) } })
        #expect(stable.contains(dictionary))
        for other in stable {
            for student in problem.students {
                let list = problem.usablePreferences(of: student.id)
                let mine = dictionary[student.id].flatMap { list.firstIndex(of: $0) } ?? list.count
                let theirs = other[student.id].flatMap { list.firstIndex(of: $0) } ?? list.count
                #expect(mine <= theirs, "student \(student.id) does better in another stable matching")
            }
        }
    }
}
