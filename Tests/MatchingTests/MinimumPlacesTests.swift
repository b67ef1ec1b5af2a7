import Matching
import Testing
import Workforce

@Suite("Minimum places for a group of postings")
struct MinimumPlacesTests {
    /// The group: every posting whose number is a multiple of 3 (P0, P3, …).
    static func group(_ postings: [InternshipPosting]) -> Set<InternshipPosting.ID> {
        Set(postings.enumerated().filter { $0.offset % 3 == 0 }.map(\.element.id))
    }

    static func placed(_ matching: Matching, in group: Set<InternshipPosting.ID>) -> Int {
        matching.matched.filter { $0.posting.map(group.contains) ?? false }.count
    }

    /// (seed, students, postings, longest list, with rankings, extra places asked beyond what DA gives)
    static let cases: [(UInt64, Int, Int, Int, Bool, Int)] = [
        (41, 12, 6, 3, false, 1), (42, 12, 6, 3, true, 2), (43, 80, 18, 5, false, 5), (44, 80, 18, 5, true, 40),
        (45, 400, 45, 8, false, 20), (46, 400, 45, 8, true, 10), (47, 2_000, 240, 10, false, 150), (48, 2_000, 240, 10, true, 60),
    ]

    @Test(arguments: cases)
    func theMinimumIsMetWheneverDeferredAcceptanceOverTheGroupAloneMeetsIt(
        seed: UInt64, students: Int, postings: Int, maxList: Int, withRankings: Bool, extra: Int
    ) throws {
        let (instance, problem, free) = try solvedInstance(
            seed: seed, students: students, postings: postings, maxList: maxList, withRankings: withRankings, regional: false)
        let group = Self.group(instance.postings)
        let required = Self.placed(free, in: group) + extra
        let minimum = GroupMinimum(group: "thirds", places: required, postings: group)
        let outcome = try MatchingRules(minimum: minimum).match(problem)
        let report = try #require(outcome.minimumReport)

        // Independent bound: deferred acceptance with every student's list cut to the group.
        let cut = instance.students.map { student -> Student in
            var student = student
            student.preferences = student.preferences.filter(group.contains)
            return student
        }
        let alone = Self.placed(
            DeferredAcceptance.match(try MatchingProblem(postings: instance.postings, students: cut, rankings: instance.rankings)), in: group)
        let placed = Self.placed(outcome.matching, in: group)
        #expect(report.placed == placed)
        #expect(report.reachable == alone)
        if alone >= required {
            #expect(report.met && placed >= required && report.outsideCap != nil)
        } else {
            // Cannot be met: matched without the minimum, and said so.
            #expect(!report.met && outcome.matching == free && report.outsideCap == nil)
            #expect(report.sentence.contains("cannot be met"))
        }
        #expect(report.attainable >= max(placed, alone))
        #expect(report.placedWithoutMinimum == required - extra)
        // The matching is stable but for places outside the group the cap holds back.
        #expect(outcome.violations(of: outcome.matching, in: problem) == [])
        for violation in StabilityCheck.violations(of: outcome.matching, in: problem) {
            guard case .blockingPair(_, let posting, let displaced) = violation else {
                Issue.record("unexpected \(violation)")
                continue
            }
            #expect(displaced == nil && !group.contains(posting), "\(violation)")
        }
        // The verifier rejects the unconstrained matching when the minimum is met and it falls short.
        if report.met {
            #expect(outcome.violations(of: free, in: problem).contains {
                if case .minimumNotMet = $0 { true } else { false }
            })
        }
    }

    @Test(arguments: cases)
    func aMinimumThatDoesNotBindGivesTheUnconstrainedMatching(
        seed: UInt64, students: Int, postings: Int, maxList: Int, withRankings: Bool, extra: Int
    ) throws {
        let (instance, problem, free) = try solvedInstance(
            seed: seed, students: students, postings: postings, maxList: maxList, withRankings: withRankings, regional: false)
        let group = Self.group(instance.postings)
        let minimum = GroupMinimum(group: "thirds", places: Self.placed(free, in: group), postings: group)
        let outcome = try MatchingRules(minimum: minimum).match(problem)
        #expect(outcome.matching == free)
        #expect(outcome.minimumReport?.outsideCap == nil)
        #expect(outcome.minimumReport?.met == true)
    }

    /// The attainable bound is the largest number placed in the group by any matching (brute force).
    @Test(arguments: Array(UInt64(500)..<UInt64(530)))
    func theAttainableBoundIsTheLargestPlacementInTheGroup(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let instance = randomInstance(
            seed: seed &* 31, studentCount: Int.random(in: 1...5, using: &random), postingCount: 3, maxList: 3,
            withRankings: seed % 2 == 0, twoSkills: seed % 3 == 0)
        let problem = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
        let group: Set<InternshipPosting.ID> = [instance.postings[0].id, instance.postings[2].id]
        let best = BruteForceTests.allMatchings(problem).map { matching in matching.values.filter(group.contains).count }.max() ?? 0
        let outcome = try MatchingRules(minimum: GroupMinimum(group: "g", places: 10, postings: group)).match(problem)
        #expect(outcome.minimumReport?.attainable == best)
        #expect(outcome.minimumReport?.met == false)
        #expect(outcome.minimumReport?.sentence.contains("cannot be met") == true)
    }

    @Test func aWorkedExample() throws {
        // SME posting S (2 slots) is everyone's second choice; FDI posting F (3 slots) their first.
        let problem = try MatchingProblem(
            postings: [posting("F", slots: 3), posting("S", slots: 2)],
            students: [student("a", ["F", "S"], score: 9), student("b", ["F", "S"], score: 8), student("c", ["F", "S"], score: 7),
                       student("d", ["F"], score: 6)],
            rankings: nil)
        let outcome = try MatchingRules(minimum: GroupMinimum(group: "domestic-sme", places: 2, postings: ["S"])).match(problem)
        // F is capped at 1 place (its target), so the two lower-ranked who listed S go there; d is left out.
        #expect(pairs(outcome.matching) == ["a": "F", "b": "S", "c": "S"])
        let report = try #require(outcome.minimumReport)
        #expect(report.placed == 2 && report.outsideCap == 1 && report.placedWithoutMinimum == 0 && report.attainable == 2
                && report.reachable == 2)
        let explanations = outcome.explanations(in: problem)
        #expect(explanations.contains(NotPlacedExplanation(
            student: "d", posting: "F", studentRank: 1, resultRank: nil, reason: .heldForMinimum, cap: "outside domestic-sme")))
        #expect(throws: MatchingInputError([.minimumWithRegionalCaps(group: "domestic-sme")])) {
            try MatchingRules(caps: try RegionalCaps([RegionalCap(regions: ["HN"], cap: 1)]),
                              minimum: GroupMinimum(group: "domestic-sme", places: 2, postings: ["S"])).match(problem)
        }
    }
}
