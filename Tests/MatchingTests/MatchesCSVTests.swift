import Matching
import Testing
import Workforce

@Suite("matches.csv")
struct MatchesCSVTests {
    /// a→P (1st choice, P ranks a 1st), b unmatched (P is full), c→Q (1st choice, Q ranks c 2nd after a).
    static func example() throws -> (MatchingProblem, Matching, FundedPlacement) {
        let problem = try MatchingProblem(
            postings: [posting("P", enterprise: "E1"), posting("Q", enterprise: "E2")],
            students: [student("a", ["P", "Q"], score: 9), student("b", ["P"], score: 8), student("c", ["Q", "P"], score: 5)])
        let matching = DeferredAcceptance.match(problem)
        let funding = FundedPlaces.assign(
            matching, problem: problem,
            enterprises: [
                Enterprise(id: "E1", name: "One", region: "HN", sector: "MECH", ownership: .domestic, size: .small, tier: 2),
                Enterprise(id: "E2", name: "Two", region: "HN", sector: "MECH", ownership: .fdi, size: .large, tier: 1),
            ],
            terms: InternshipTerms(enabled: true, entryUplift: 0.1, fundedOwnership: [.domestic], matchingBudget: 0),
            quotas: [quota(1, support: 30_000_000)], year: 2026)
        return (problem, matching, funding)
    }

    static let expected = """
        student,posting,enterprise,student_rank,posting_rank,funded,support_vnd
        a,P,E1,1,1,true,30000000
        b,,,,,false,0
        c,Q,E2,1,2,false,0

        """

    @Test func renderIsExactlyTheContract() throws {
        let (problem, matching, funding) = try Self.example()
        #expect(MatchesCSV.render(matching, problem: problem, funding: funding) == Self.expected)
        #expect(MatchesCSV.render(matching, problem: problem).contains("a,P,E1,1,1,false,0\n"))
    }

    @Test func renderThenParseRoundTrips() throws {
        let (problem, matching, funding) = try Self.example()
        let parsed = try MatchesCSV.parse(MatchesCSV.render(matching, problem: problem, funding: funding), file: "matches.csv", problem: problem)
        #expect(parsed == matching)
        #expect(parsed.assignments.map(\.postingRank) == [1, nil, 2])

        let instance = randomInstance(seed: 77, studentCount: 400, postingCount: 50, maxList: 6, withRankings: true)
        let big = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
        let bigMatching = DeferredAcceptance.match(big)
        #expect(try MatchesCSV.parse(MatchesCSV.render(bigMatching, problem: big), file: "m.csv", problem: big) == bigMatching)
    }

    @Test func unknownColumnIsNamedWithLineAndColumn() throws {
        let (problem, _, _) = try Self.example()
        let text = "student,posting,enterprise,student_rank,posting_rank,funded,support_vnd,bonus\n"
        let error = try #require(throws: InputErrors.self) { try MatchesCSV.parse(text, file: "matches.csv", problem: problem) }
        #expect(error.errors.map(\.location) == [SourceLocation(file: "matches.csv", line: 1, column: 8)])
        #expect(error.errors.first?.value == "bonus")
    }

    @Test func rowErrorsNameLineAndColumn() throws {
        let (problem, _, _) = try Self.example()
        let text = """
            student,posting,enterprise,student_rank,posting_rank,funded,support_vnd
            a,P,E1,1,1,yes,30000000
            zz,,,,,false,0
            c,R,,1,2,false,-5
            b,Q,E9,x,1,false,0
            a,P,E1,1,1,true,1
            """
        let error = try #require(throws: InputErrors.self) { try MatchesCSV.parse(text, file: "matches.csv", problem: problem) }
        #expect(error.errors.map { "\($0.location)|\($0.field ?? "")" } == [
            "matches.csv:2:6|funded",
            "matches.csv:3:1|student",
            "matches.csv:4:2|posting",
            "matches.csv:4:7|support_vnd",
            "matches.csv:5:3|enterprise",
            "matches.csv:5:4|student_rank",
            "matches.csv:6:1|student",
        ])
        #expect(error.errors[1].description == "matches.csv:3:1: student: 'zz' — the id of a student in the students file")
        #expect(error.errors[6].expected.contains("line 2"))
    }

    @Test func missingStudentsAndShortRowsAreErrors() throws {
        let (problem, _, _) = try Self.example()
        let text = "student,posting,enterprise,student_rank,posting_rank,funded,support_vnd\na,P,E1,1,1,true,30000000\nc,Q,E2\n"
        let error = try #require(throws: InputErrors.self) { try MatchesCSV.parse(text, file: "m.csv", problem: problem) }
        #expect(error.errors.map(\.location) == [SourceLocation(file: "m.csv", line: 3), SourceLocation(file: "m.csv")])
        #expect(error.errors.last?.expected == "a row for every student; missing: b, c")
    }

    @Test func verifyingAParsedFileFindsItsFaults() throws {
        let (problem, _, _) = try Self.example()
        // b squeezed into P next to a: over capacity; c moved to P as well and off Q.
        let text = """
            student,posting,enterprise,student_rank,posting_rank,funded,support_vnd
            a,P,E1,1,1,false,0
            b,P,E1,1,2,false,0
            c,,,,,false,0
            """
        let matching = try MatchesCSV.parse(text, file: "matches.csv", problem: problem)
        #expect(StabilityCheck.violations(of: matching, in: problem) == [
            .capacityExceeded(posting: "P", slots: 1, assigned: 2),
            .blockingPair(student: "c", posting: "Q", displaced: nil),
        ])
    }
}
