import Matching
import Testing
import Workforce

@Suite("Textbook instances")
struct TextbookTests {
    /// Gale–Shapley's cyclic 3×3: every student's first choice ranks that student last, so the
    /// student-optimal matching (everyone's first choice: a–X, b–Y, c–Z) differs from the
    /// posting-optimal one (everyone's worst: a–Z, b–X, c–Y); a third stable matching is a–Y, b–Z, c–X.
    static let postings = [posting("X"), posting("Y"), posting("Z")]
    static let students = [student("a", ["X", "Y", "Z"]), student("b", ["Y", "Z", "X"]), student("c", ["Z", "X", "Y"])]
    static let ranks = rankings(["X": ["b", "c", "a"], "Y": ["c", "a", "b"], "Z": ["a", "b", "c"]])

    @Test func cyclicThreeByThreeGivesStudentOptimal() throws {
        let problem = try MatchingProblem(postings: Self.postings, students: Self.students, rankings: Self.ranks)
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["a": "X", "b": "Y", "c": "Z"])
        #expect(matching.assignments.map(\.studentRank) == [1, 1, 1])
        #expect(matching.assignments.map(\.postingRank) == [3, 3, 3])
        #expect(StabilityCheck.violations(of: matching, in: problem).isEmpty)
    }

    @Test func postingOptimalIsStableButNotStudentOptimal() throws {
        let problem = try MatchingProblem(postings: Self.postings, students: Self.students, rankings: Self.ranks)
        let others: [[Student.ID: InternshipPosting.ID]] = [["a": "Z", "b": "X", "c": "Y"], ["a": "Y", "b": "Z", "c": "X"]]
        for other in others {
            let matching = try Matching(problem, postings: other)
            #expect(StabilityCheck.violations(of: matching, in: problem).isEmpty)
            #expect(matching != DeferredAcceptance.match(problem))
        }
        // a–X, b–Z, c–Y: b would rather have Y, but Y holds c, its first; c would rather have Z
        // (holds b, ranked above c) or X (holds a, ranked below c): the one blocking pair is (c, X).
        let unstable = try Matching(problem, postings: ["a": "X", "b": "Z", "c": "Y"])
        #expect(StabilityCheck.violations(of: unstable, in: problem) == [.blockingPair(student: "c", posting: "X", displaced: "a")])
    }

    /// A hospitals/residents instance with capacities, worked by hand:
    ///
    ///     H1 (2 slots) ranks r3 r5 r1 r4 r2     r1: H1 H2       r4: H2 H3 H1
    ///     H2 (1 slot)  ranks r2 r5 r1 r4        r2: H2 H1       r5: H1 H2 H3
    ///     H3 (1 slot)  ranks r4 r3 r5           r3: H1 H3
    ///
    /// r1→H1 held; r2→H2 held; r3→H1 held (H1: r3, r1); r4→H2 rejected (H2 prefers r2), r4→H3 held;
    /// r5→H1: H1 full, r5 (2) beats r1 (3): r1 rejected; r1→H2 rejected (r2 is 1st); r1 is out.
    /// Result: H1 {r3, r5}, H2 {r2}, H3 {r4}, r1 unmatched.
    @Test func hospitalsResidentsWithCapacities() throws {
        let problem = try MatchingProblem(
            postings: [posting("H1", slots: 2), posting("H2"), posting("H3")],
            students: [
                student("r1", ["H1", "H2"]), student("r2", ["H2", "H1"]), student("r3", ["H1", "H3"]),
                student("r4", ["H2", "H3", "H1"]), student("r5", ["H1", "H2", "H3"]),
            ],
            rankings: rankings([
                "H1": ["r3", "r5", "r1", "r4", "r2"], "H2": ["r2", "r5", "r1", "r4"], "H3": ["r4", "r3", "r5"],
            ]))
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["r2": "H2", "r3": "H1", "r4": "H3", "r5": "H1"])
        #expect(matching.posting(of: "r1") == nil)
        #expect(matching.assignments.map(\.studentRank) == [nil, 1, 1, 2, 1])
        #expect(matching.assignments.map(\.postingRank) == [nil, 1, 1, 1, 2])
        #expect(StabilityCheck.violations(of: matching, in: problem).isEmpty)

        let summary = MatchingSummary(matching, problem: problem)
        #expect(summary.matched == 4)
        #expect(summary.unmatched == 1)
        #expect(summary.rankDistribution == [.init(rank: 1, students: 3), .init(rank: 2, students: 1)])
        #expect(summary.freeSlots == 0)
        #expect(summary.postingsWithFreeSlots == 0)
    }

    /// Ranking by score: P (1 slot) gets both students; the higher score wins, the other moves on.
    @Test func scoreRankingWithoutRankingsFile() throws {
        let problem = try MatchingProblem(
            postings: [posting("P"), posting("Q")],
            students: [student("low", ["P", "Q"], score: 6.5), student("high", ["P"], score: 8.25)])
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["high": "P", "low": "Q"])
        #expect(problem.postingRank(of: "high", at: "P") == 1)
        #expect(problem.postingRank(of: "low", at: "P") == 2)
        #expect(problem.postingRank(of: "low", at: "Q") == 1)
        #expect(!problem.usesRankings)
    }

    @Test func postingWithoutSlotsTakesNobody() throws {
        let problem = try MatchingProblem(
            postings: [posting("P", slots: 0), posting("Q")], students: [student("s", ["P", "Q"])])
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["s": "Q"])
        #expect(matching.assignments.first?.studentRank == 2)
        #expect(StabilityCheck.violations(of: matching, in: problem).isEmpty)
    }
}
