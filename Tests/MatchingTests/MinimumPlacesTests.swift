import Matching
import Testing
import Texts
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

    /// The most students placed at the group at once, by Kuhn's augmenting paths over single
    /// slots: an implementation independent of the mechanism's maximum flow.
    static func feasibleMaximum(_ problem: MatchingProblem, group: Set<InternshipPosting.ID>) -> Int {
        var seats: [(posting: InternshipPosting.ID, holder: Student.ID?)] = []
        for posting in problem.postings where group.contains(posting.id) {
            for _ in 0..<max(posting.slots, 0) { seats.append((posting.id, nil)) }
        }
        func augment(_ student: Student.ID, _ visited: inout Set<Int>) -> Bool {
            let listed = Set(problem.usablePreferences(of: student))
            for (seat, entry) in seats.enumerated() where listed.contains(entry.posting) && !visited.contains(seat) {
                visited.insert(seat)
                if let holder = entry.holder {
                    guard augment(holder, &visited) else { continue }
                }
                seats[seat].holder = student
                return true
            }
            return false
        }
        var placed = 0
        for student in problem.students {
            var visited: Set<Int> = []
            if augment(student.id, &visited) { placed += 1 }
        }
        return placed
    }

    @Test(arguments: cases)
    func theMinimumIsMetWheneverAnyMatchingCanMeetIt(
        seed: UInt64, students: Int, postings: Int, maxList: Int, withRankings: Bool, extra: Int
    ) throws {
        let (instance, problem, free) = try solvedInstance(
            seed: seed, students: students, postings: postings, maxList: maxList, withRankings: withRankings, regional: false)
        let group = Self.group(instance.postings)
        let required = Self.placed(free, in: group) + extra
        let minimum = GroupMinimum(group: "thirds", places: required, postings: group)
        let outcome = try MatchingRules(minimum: minimum).match(problem)
        let report = try #require(outcome.minimumReport)

        let feasible = Self.feasibleMaximum(problem, group: group)
        let placed = Self.placed(outcome.matching, in: group)
        #expect(report.attainable == feasible)
        #expect(report.placed == placed)
        #expect(report.placedWithoutMinimum == required - extra)
        if feasible >= required {
            #expect(report.met && placed >= required)
            if report.completed != nil {
                #expect(placed == required && report.reachable < required && report.outsideCap == nil)
            } else {
                #expect(report.reachable >= required && report.outsideCap != nil)
            }
        } else {
            // Cannot be met by any matching: matched without the minimum, and said so.
            #expect(!report.met && outcome.matching == free && report.outsideCap == nil && report.completed == nil)
            #expect(report.sentence.contains("cannot be met"))
        }
        // Within slots and eligible whatever the stage; the verifier accepts the mechanism's own result.
        #expect(outcome.violations(of: outcome.matching, in: problem) == [])
        for violation in StabilityCheck.violations(of: outcome.matching, in: problem) {
            guard case .blockingPair(_, let posting, let displaced) = violation else {
                Issue.record("unexpected \(violation)")
                continue
            }
            // The cap excuses only free places outside the group; completion may break priorities anywhere.
            if report.completed == nil { #expect(displaced == nil && !group.contains(posting), "\(violation)") }
        }
        // The verifier rejects the unconstrained matching when the minimum is met and it falls short.
        if report.met {
            #expect(outcome.violations(of: free, in: problem).contains {
                if case .minimumNotMet = $0 { true } else { false }
            })
        }
    }

    /// Minima between what deferred acceptance reaches over the group alone and the feasible
    /// maximum: only the completion meets them.
    @Test(arguments: Array(UInt64(900)..<UInt64(960)))
    func theCompletionMeetsMinimaNoCapReaches(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let instance = randomInstance(
            seed: seed &* 7_919, studentCount: Int.random(in: 4...30, using: &random), postingCount: Int.random(in: 3...9, using: &random),
            maxList: 4, withRankings: seed % 2 == 0, twoSkills: seed % 3 == 0)
        let problem = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
        let group = Self.group(instance.postings)
        let feasible = Self.feasibleMaximum(problem, group: group)
        for required in 0...(feasible + 1) {
            let outcome = try MatchingRules(minimum: GroupMinimum(group: "thirds", places: required, postings: group)).match(problem)
            let report = try #require(outcome.minimumReport)
            #expect(report.met == (required <= feasible), "required \(required), feasible \(feasible)")
            #expect(Self.placed(outcome.matching, in: group) >= (required <= feasible ? required : 0))
            #expect(outcome.violations(of: outcome.matching, in: problem) == [])
            if let completed = report.completed {
                #expect(completed == required - report.placedWithoutMinimum)
                // A file that is not the mechanism's matching is named student by student.
                let free = DeferredAcceptance.match(problem)
                #expect(outcome.violations(of: free, in: problem).contains {
                    if case .differsFromMechanism = $0 { true } else { false }
                })
            }
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

    @Test func aMinimumOutOfReachOfEveryCapIsCompleted() throws {
        // G = {g1, g2}, one slot each. a lists g1 then g2; b lists only g1, which ranks a first.
        // Deferred acceptance (with or without the postings outside) places only a; a maximum
        // matching places both: b at g1, a moved to g2.
        let problem = try MatchingProblem(
            postings: [posting("g1"), posting("g2"), posting("o")],
            students: [student("a", ["g1", "g2"], score: 9), student("b", ["g1"], score: 5), student("c", ["o"])], rankings: nil)
        let outcome = try MatchingRules(minimum: GroupMinimum(group: "domestic-sme", places: 2, postings: ["g1", "g2"])).match(problem)
        #expect(pairs(outcome.matching) == ["a": "g2", "b": "g1", "c": "o"])
        let report = try #require(outcome.minimumReport)
        #expect(report.met && report.completed == 1 && report.reachable == 1 && report.attainable == 2 && report.outsideCap == nil)
        #expect(report.sentence == "minimum places for domestic-sme: 2 of at least 2 met; 1 students placed in the group by minimum completion, ahead of applicants the postings rank higher")
        #expect(report.sentence(Catalogue(.vi)).hasPrefix("số suất tối thiểu cho domestic-sme: đã xếp 2"))
        #expect(outcome.violations(of: outcome.matching, in: problem) == [])
        // a is not at g1, their first choice, because the completion put b there.
        #expect(outcome.explanations(in: problem) == [
            NotPlacedExplanation(student: "a", posting: "g1", studentRank: 1, resultRank: 2, reason: .minimumCompletion, cap: "domestic-sme"),
        ])
        let free = DeferredAcceptance.match(problem)
        #expect(outcome.violations(of: free, in: problem) == [
            .differsFromMechanism(student: "a", found: "g1", expected: "g2"),
            .differsFromMechanism(student: "b", found: nil, expected: "g1"),
            .minimumNotMet(group: "domestic-sme", required: 2, placed: 1, reachable: 2),
        ])
    }

    /// Why no strategy-proofness is claimed once a minimum binds: on g (in the group) and o, one
    /// slot each, a minimum of 1, two students who both list o then g, every matching that meets
    /// the minimum and is efficient among those that do (no other one is as good for every student
    /// and better for one) lets some student gain by some misreport, whichever such matching a
    /// mechanism gives for the lie: brute force over all matchings and all lists.
    @Test func noEfficientMechanismThatAlwaysMeetsAFeasibleMinimumIsStrategyProof() throws {
        let postings = [posting("g"), posting("o")]
        let truth = [student("a", ["o", "g"], score: 9), student("b", ["o", "g"], score: 5)]
        let group: Set<InternshipPosting.ID> = ["g"]
        func value(_ student: Student, _ posting: InternshipPosting.ID?) -> Int {
            posting.flatMap { student.preferences.firstIndex(of: $0) } ?? student.preferences.count
        }
        func efficientMeeting(_ students: [Student]) throws -> [[Student.ID: InternshipPosting.ID]] {
            let problem = try MatchingProblem(postings: postings, students: students, rankings: nil)
            let meeting = BruteForceTests.allMatchings(problem).filter { $0.values.filter(group.contains).count >= 1 }
            return meeting.filter { candidate in
                !meeting.contains { other in
                    students.allSatisfy { value($0, other[$0.id]) <= value($0, candidate[$0.id]) }
                        && students.contains { value($0, other[$0.id]) < value($0, candidate[$0.id]) }
                }
            }
        }
        let lists = StrategyProofnessTests.allLists(["g", "o"])
        let outcomes = try efficientMeeting(truth)
        #expect(outcomes.count == 2)
        for outcome in outcomes {
            var manipulable = false
            for (index, liar) in truth.enumerated() {
                for list in lists {
                    var lied = truth
                    lied[index].preferences = list.map { InternshipPosting.ID($0) }
                    let after = try efficientMeeting(lied)
                    if !after.isEmpty && after.allSatisfy({ value(liar, $0[liar.id]) < value(liar, outcome[liar.id]) }) {
                        manipulable = true
                    }
                }
            }
            #expect(manipulable, "\(outcome) resists every misreport")
        }
    }
}
