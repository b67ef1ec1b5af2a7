import Matching
import Testing
import Workforce

@Suite("Eligibility and rankings")
struct EligibilityTests {
    @Test func wrongSkillAndLowYearAreDroppedAndNeverMatched() throws {
        let problem = try MatchingProblem(
            postings: [posting("MOULD-1", skill: "MOULD", minimumYear: 3), posting("AUTO-1", minimumYear: 2)],
            students: [
                student("auto3", ["MOULD-1", "AUTO-1"], skill: "AUTO", year: 3),
                student("mould2", ["MOULD-1", "AUTO-1"], skill: "MOULD", year: 2),
                student("mould4", ["MOULD-1"], skill: "MOULD", year: 4),
                student("auto1", ["AUTO-1", "GHOST", "AUTO-1"], skill: "AUTO", year: 1),
            ])
        #expect(problem.droppedPreferences == [
            DroppedPreference(student: "auto3", posting: "MOULD-1", position: 1, reason: .wrongSkill(student: "AUTO", posting: "MOULD")),
            DroppedPreference(student: "mould2", posting: "MOULD-1", position: 1, reason: .yearBelowMinimum(year: 2, minimum: 3)),
            DroppedPreference(student: "mould2", posting: "AUTO-1", position: 2, reason: .wrongSkill(student: "MOULD", posting: "AUTO")),
            DroppedPreference(student: "auto1", posting: "AUTO-1", position: 1, reason: .yearBelowMinimum(year: 1, minimum: 2)),
            DroppedPreference(student: "auto1", posting: "GHOST", position: 2, reason: .unknownPosting),
            DroppedPreference(student: "auto1", posting: "AUTO-1", position: 3, reason: .repeated(firstPosition: 1)),
        ])
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["auto3": "AUTO-1", "mould4": "MOULD-1"])
        // auto3 got the posting that was 2nd on their list as written.
        #expect(matching.assignment(of: "auto3")?.studentRank == 2)
        #expect(MatchingSummary(matching, problem: problem).droppedPreferences == 6)
        #expect(problem.droppedPreferences[0].description == "auto3 → MOULD-1 (choice 1): the posting is in MOULD, the student studies AUTO")
    }

    @Test func rankingsFileListsExactlyWhoIsAcceptable() throws {
        // P ranks only b; a wants P most but is never matched there, even though P has a free slot.
        let problem = try MatchingProblem(
            postings: [posting("P", slots: 2), posting("Q")],
            students: [student("a", ["P", "Q"], score: 10), student("b", ["P"], score: 1)],
            rankings: rankings(["P": ["b"], "Q": ["a"]]))
        #expect(problem.usesRankings)
        #expect(problem.droppedPreferences == [DroppedPreference(student: "a", posting: "P", position: 1, reason: .notRankedByPosting)])
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["a": "Q", "b": "P"])
        #expect(StabilityCheck.violations(of: matching, in: problem).isEmpty)
    }

    @Test func rankingsOverrideScores() throws {
        // The file's ranks, not the scores, decide; reported posting ranks are the file's numbers.
        let problem = try MatchingProblem(
            postings: [posting("P")],
            students: [student("a", ["P"], score: 10), student("b", ["P"], score: 1)],
            rankings: [PostingRank(posting: "P", student: "a", rank: 20), PostingRank(posting: "P", student: "b", rank: 10)])
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["b": "P"])
        #expect(matching.assignment(of: "b")?.postingRank == 10)
    }

    @Test func oddInputIsATypedErrorNotACrash() throws {
        let error = try #require(throws: MatchingInputError.self) {
            try MatchingProblem(
                postings: [posting("P"), posting("P"), posting("N", slots: -1)],
                students: [student("a", ["P"]), student("a", []), student("b", ["P"]), student("c", ["P"])],
                rankings: [
                    PostingRank(posting: "X", student: "a", rank: 1),
                    PostingRank(posting: "P", student: "z", rank: 1),
                    PostingRank(posting: "P", student: "a", rank: 0),
                    PostingRank(posting: "P", student: "b", rank: 1),
                    PostingRank(posting: "P", student: "b", rank: 2),
                    PostingRank(posting: "P", student: "c", rank: 1),
                ])
        }
        #expect(error.problems == [
            .duplicatePosting("P"),
            .negativeSlots("N", slots: -1),
            .duplicateStudent("a"),
            .rankingUnknownPosting(PostingRank(posting: "X", student: "a", rank: 1)),
            .rankingUnknownStudent(PostingRank(posting: "P", student: "z", rank: 1)),
            .rankingNotPositive(PostingRank(posting: "P", student: "a", rank: 0)),
            .rankingRepeated(PostingRank(posting: "P", student: "b", rank: 2)),
            .rankingShared(posting: "P", rank: 1, students: ["b", "c"]),
        ])
        #expect(error.description.hasPrefix("8 matching input problems:"))

        #expect(throws: MatchingInputError([.unknownStudent("nobody")])) {
            try Matching(try MatchingProblem(postings: [posting("P")], students: []), postings: ["nobody": "P"])
        }
    }

    @Test func hugeNumbersDoNotCrash() throws {
        let problem = try MatchingProblem(
            postings: [
                posting("BIG", slots: Int.max, enterprise: "E", stipendPerMonth: VND.max, months: 12),
                posting("BIG2", slots: Int.max),
            ],
            students: [student("a", ["BIG"]), student("b", ["BIG"])])
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["a": "BIG", "b": "BIG"])
        #expect(StabilityCheck.violations(of: matching, in: problem).isEmpty)
        let enterprise = Enterprise(id: "E", name: "E", region: "HN", sector: "MECH", ownership: .domestic, size: .small, tier: 1)
        let funding = FundedPlaces.assign(
            matching, problem: problem, enterprises: [enterprise],
            terms: InternshipTerms(enabled: true, entryUplift: 0, matchingBudget: 0), quotas: [quota(2, support: VND.max)], year: 2026)
        #expect(funding.places.isEmpty)  // the stipend overflows: never funded
        let summary = MatchingSummary(matching, problem: problem, funding: funding)
        #expect(summary.slots == Int.max)
        #expect(summary.freeSlots == Int.max)
    }

    @Test func nanScoreRanksLast() throws {
        let problem = try MatchingProblem(
            postings: [posting("P")], students: [student("nan", ["P"], score: .nan), student("low", ["P"], score: -3)])
        #expect(pairs(DeferredAcceptance.match(problem)) == ["low": "P"])
    }
}
