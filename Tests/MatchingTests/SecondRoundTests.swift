import Matching
import Testing
import Workforce

@Suite("Second round, caps file, funding check, explanations")
struct SecondRoundTests {
    @Test(arguments: [UInt64(61), 62, 63, 64])
    func theSecondRoundLeavesFirstRoundPlacesAloneAndStaysWithinSlotsAndCaps(seed: UInt64) throws {
        let instance = regionalInstance(seed: seed, studentCount: 300, postingCount: 40, maxList: 4, withRankings: seed % 2 == 0)
        let problem = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
        let firstCaps = try capsAt(percent: 70, of: placedByRegion(DeferredAcceptance.match(problem), in: problem))
        let first = FlexibleDeferredAcceptance.match(problem, caps: firstCaps)
        let file = try MatchesCSV.read(MatchesCSV.render(first, problem: problem), file: "m.csv", problem: problem)

        // New preferences: every student now lists every posting of their skill (and has reached
        // year 4, so every such posting may take them).
        var renewed = instance.students
        for index in renewed.indices {
            renewed[index].year = 4
            renewed[index].preferences = instance.postings.filter { $0.skill == renewed[index].skill }.map(\.id).reversed()
        }
        let full = try MatchingProblem(postings: instance.postings, students: renewed, rankings: instance.rankings)
        let second = SecondRound(after: file, problem: full, rankings: instance.rankings, rules: MatchingRules(caps: firstCaps))
        #expect(second.students.map(\.id) == first.assignments.filter { $0.posting == nil }.map(\.student))
        #expect(second.firstRoundMatched == first.matchedCount)
        let round = try MatchingProblem(postings: second.postings, students: second.students, rankings: second.rankings)
        let outcome = try second.rules.match(round)
        #expect(outcome.violations(of: outcome.matching, in: round) == [])

        // Both rounds together: slots and caps respected, nobody placed twice.
        var filled: [InternshipPosting.ID: Int] = [:]
        for assignment in first.matched + outcome.matching.matched {
            if let posting = assignment.posting { filled[posting, default: 0] += 1 }
        }
        for posting in instance.postings { #expect((filled[posting.id] ?? 0) <= posting.slots) }
        var byRegion: [Region.ID: Int] = [:]
        for (posting, count) in filled { byRegion[problem.posting(posting)?.region ?? "", default: 0] += count }
        #expect((byRegion["HN"] ?? 0) + (byRegion["BN"] ?? 0) <= firstCaps.caps[0].cap)
        #expect((byRegion["HCM"] ?? 0) <= firstCaps.caps[1].cap)
        #expect(Set(first.matched.map(\.student)).isDisjoint(with: outcome.matching.matched.map(\.student)))
        // Caps count the first round; a posting in an uncapped province with a free slot takes someone.
        let firstByRegion = placedByRegion(first, in: problem)
        #expect(second.rules.caps.caps.map(\.cap) == [
            firstCaps.caps[0].cap - (firstByRegion["HN"] ?? 0) - (firstByRegion["BN"] ?? 0),
            firstCaps.caps[1].cap - (firstByRegion["HCM"] ?? 0),
        ])
        if second.postings.contains(where: { $0.region == "DN" }) { #expect(outcome.matching.matchedCount > 0) }
    }

    @Test func regionalCapsFileIsReadAndEveryProblemNamed() throws {
        let caps = try RegionalCapsCSV.parse("region,cap\nHN;BN,40\nHCM, 7\n", file: "caps.csv")
        #expect(caps.caps == [RegionalCap(regions: ["HN", "BN"], cap: 40), RegionalCap(regions: ["HCM"], cap: 7)])
        do {
            _ = try RegionalCapsCSV.parse("cap,region\n-1,HN\n3,BN;HN\nx,DN\n2,XX\n", file: "caps.csv", knownRegions: ["HN", "BN", "DN"])
            Issue.record("expected errors")
        } catch {
            let found = error.errors.map { "\($0.location.line ?? 0):\($0.field ?? "")" }
            #expect(found == ["2:cap", "3:region", "4:cap", "5:region"])
            #expect(error.errors[1].expected.contains("line 2"))
        }
        #expect(throws: InputErrors.self) { try RegionalCapsCSV.parse("region\nHN\n", file: "caps.csv") }
    }

    @Test func fundedAndSupportColumnsAreCheckedAgainstThePolicy() throws {
        let problem = try MatchingProblem(
            postings: [posting("P", slots: 2, enterprise: "SME"), posting("Q", enterprise: "FDI")],
            students: [student("a", ["P"]), student("b", ["Q"]), student("c", ["P"])], rankings: nil)
        let enterprises = [
            Enterprise(id: "SME", name: "SME", region: "HN", sector: "AUTO", ownership: .domestic, size: .small, tier: 2),
            Enterprise(id: "FDI", name: "FDI", region: "HN", sector: "AUTO", ownership: .fdi, size: .large, tier: 1),
        ]
        let terms = InternshipTerms(enabled: true, entryUplift: 0.2, fundedOwnership: [.domestic], matchingBudget: 0)
        let matching = DeferredAcceptance.match(problem)
        let funding = FundedPlaces.assign(matching, problem: problem, enterprises: enterprises, terms: terms,
                                          quotas: [quota(1, support: 30_000_000)], year: 2026)
        let text = MatchesCSV.render(matching, problem: problem, funding: funding)
        let good = try MatchesCSV.read(text, file: "m.csv", problem: problem)
        #expect(FundedPlaces.mismatches(in: good, expected: funding, problem: problem) == [])
        // The plan funds one intern in the group: flip who is funded.
        let tampered = text.replacingOccurrences(of: ",true,30000000", with: ",false,0")
            .replacingOccurrences(of: "c,P,SME,1,2,false,0", with: "c,P,SME,1,2,true,30000000")
        let bad = try MatchesCSV.read(tampered, file: "m.csv", problem: problem)
        let found = FundedPlaces.mismatches(in: bad, expected: funding, problem: problem)
        #expect(found == [
            .fundingMismatch(student: "a", line: 2, funded: false, support: 0, expectedFunded: true, expectedSupport: 30_000_000),
            .fundingMismatch(student: "c", line: 4, funded: true, support: 30_000_000, expectedFunded: false, expectedSupport: 0),
        ])
        // Without a policy, every row must say false and 0.
        #expect(FundedPlaces.mismatches(in: good, expected: nil, problem: problem).count == 1)
    }

    @Test func explanationsNameThePostingOrTheCap() throws {
        var postings = [posting("H1"), posting("H2"), posting("R1")]
        postings[2].region = "DN"
        let problem = try MatchingProblem(
            postings: postings,
            students: [student("a", ["H1", "R1"], score: 9), student("b", ["H1", "H2", "R1"], score: 8)], rankings: nil)
        let caps = try RegionalCaps([RegionalCap(regions: ["HN"], cap: 1)])
        let outcome = try MatchingRules(caps: caps).match(problem)
        #expect(outcome.mechanism == .flexibleDeferredAcceptance)
        #expect(outcome.explanations(in: problem) == [
            NotPlacedExplanation(student: "b", posting: "H1", studentRank: 1, resultRank: 3, reason: .postingPreferredOthers, cap: nil),
            NotPlacedExplanation(student: "b", posting: "H2", studentRank: 2, resultRank: 3, reason: .regionAtCap, cap: "HN"),
        ])
        let summary = MatchingSummary(outcome, problem: problem)
        #expect(summary.regionalCaps == [.init(regions: "HN", cap: 1, placed: 1)])
        #expect(summary.notPlacedAboveResult.regionAtCap == 1 && summary.notPlacedAboveResult.students == 1)
        #expect(PlacementExplanations.csv(outcome.explanations(in: problem)) == """
            student,posting,student_rank,result_rank,reason,cap
            b,H1,1,3,posting_preferred_others,
            b,H2,2,3,region_at_cap,HN

            """)
    }
}
