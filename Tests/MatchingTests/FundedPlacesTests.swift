import Matching
import Testing
import Workforce

@Suite("Fund-backed places")
struct FundedPlacesTests {
    static let enterprises = [
        Enterprise(id: "E-DOM", name: "Cơ khí Hà Nội", region: "HN", sector: "MECH", ownership: .domestic, size: .small, tier: 2),
        Enterprise(id: "E-FDI", name: "Big Assembler", region: "HN", sector: "AUTO", ownership: .fdi, size: .large, tier: 1),
    ]

    /// D1: 2 slots × 30 M; D2: 1 slot × 10 M (both domestic SME, AUTO); F1: FDI; M1: domestic but MOULD.
    /// s1 (rank 1 at D1), s2 (rank 2 at D1), s3 (rank 1 at D2) are the candidates, funded in the
    /// order s1, s3 (both rank 1 and 1st choice; id order), s2.
    static func matched() throws -> (MatchingProblem, Matching) {
        let problem = try MatchingProblem(
            postings: [
                posting("D1", slots: 2, enterprise: "E-DOM", stipendPerMonth: 10_000_000, months: 3),
                posting("D2", enterprise: "E-DOM", stipendPerMonth: 5_000_000, months: 2),
                posting("F1", enterprise: "E-FDI", stipendPerMonth: 15_000_000, months: 2),
                posting("M1", skill: "MOULD", enterprise: "E-DOM"),
            ],
            students: [
                student("s2", ["D1"], score: 8), student("s1", ["D1"], score: 9), student("s3", ["D2"], score: 6),
                student("s4", ["F1"], score: 9), student("s5", ["M1"], score: 9, skill: "MOULD"),
            ])
        let matching = DeferredAcceptance.match(problem)
        #expect(pairs(matching) == ["s1": "D1", "s2": "D1", "s3": "D2", "s4": "F1", "s5": "M1"])
        return (problem, matching)
    }

    static func terms(enabled: Bool = true) -> InternshipTerms {
        InternshipTerms(enabled: enabled, entryUplift: 0.2, fundedOwnership: [.domestic], fundedSizes: [.micro, .small, .medium],
                        fundedSkills: ["AUTO"], matchingBudget: 0)
    }

    static func assign(_ quotas: [InternQuota], year: Int? = 2026, enabled: Bool = true, enterprises: [Enterprise] = enterprises) throws
        -> FundedPlacement {
        let (problem, matching) = try matched()
        return FundedPlaces.assign(matching, problem: problem, enterprises: enterprises, terms: terms(enabled: enabled),
                                   quotas: quotas, year: year)
    }

    /// Matched and backed: s1, s2 at D1 (AUTO, HN, domestic SME, 30 M a stipend), s3 at D2 (10 M).
    static let d1 = InternGroup(skill: "AUTO", region: "HN", domesticSME: true, stipend: 30_000_000)
    static let d2 = InternGroup(skill: "AUTO", region: "HN", domesticSME: true, stipend: 10_000_000)

    @Test func thePlansInternsAreFundedBestRankedFirst() throws {
        let placement = try Self.assign([quota(1, support: 30_000_000), quota(1, stipend: 10_000_000, support: 10_000_000)])
        #expect(placement.places == [
            FundedPlace(student: "s1", posting: "D1", enterprise: "E-DOM", support: 30_000_000),
            FundedPlace(student: "s3", posting: "D2", enterprise: "E-DOM", support: 10_000_000),
        ])
        #expect(placement.unfunded == ["s2"])
        #expect(placement.totalSupport == 40_000_000)
        #expect(placement.budget == 40_000_000)
        #expect(placement.budgetLeft == 0)
        #expect(placement.planInterns == 2)
        #expect(placement.notTaken == 0)
        #expect(placement.support(of: "s4") == 0)
        #expect(!placement.isFunded("s4"))
        #expect(!placement.isFunded("s5"))
    }

    @Test(arguments: [0, 1, 2, 3, 5])
    func fundedPlacesEqualThePlansInternsWhenEnoughAreMatched(interns: Int) throws {
        let placement = try Self.assign([quota(interns, support: 30_000_000 * VND(interns))])
        // Two backed interns are matched in D1's group (s1, s2); none is funded in D2's.
        #expect(placement.places.count == min(interns, 2))
        #expect(placement.notTaken == max(interns - 2, 0))
        #expect(placement.quotas == [
            QuotaFill(group: Self.d2, planInterns: 0, fundedPlaces: 0, matchedBacked: 1, support: 0),
            QuotaFill(group: Self.d1, planInterns: interns, fundedPlaces: min(interns, 2), matchedBacked: 2,
                      support: 30_000_000 * VND(min(interns, 2))),
        ])
        // Where every plan intern is taken, the money paid is the plan's money too.
        if interns <= 2 { #expect(placement.budgetLeft == 0) }
    }

    @Test func onlyTheRoundsYearAndTheMatchedGroupsCount() throws {
        let placement = try Self.assign([
            quota(1), quota(5, year: 2027), quota(4, region: "DN"), quota(2, domesticSME: false),
        ])
        #expect(placement.places.map(\.student) == ["s1"])
        #expect(placement.planInterns == 7)
        // No intern is matched in DN or at a non-SME backed posting: nothing is paid there.
        #expect(placement.notTaken == 6)
        #expect(placement.quotas.map(\.fundedPlaces) == [0, 0, 0, 1])
        #expect(placement.quotas.map(\.region) == ["DN", "HN", "HN", "HN"])
        #expect(placement.quotas.map(\.domesticSME) == [true, false, true, true])
        #expect(placement.quotas.map(\.stipend) == [30_000_000, 30_000_000, 10_000_000, 30_000_000])
    }

    @Test func disabledTermsOrUnknownEnterprisesFundNobody() throws {
        let disabled = try Self.assign([quota(3)], enabled: false)
        #expect(disabled.places.isEmpty)
        #expect(disabled.notTaken == 3)
        let unknown = try Self.assign([quota(3)], enterprises: [])
        #expect(unknown.places.isEmpty)
    }

    @Test func aSecondRoundFundsWhatTheFirstLeft() throws {
        let (problem, matching) = try Self.matched()
        let placement = FundedPlaces.assign(matching, problem: problem, enterprises: Self.enterprises, terms: Self.terms(),
                                            quotas: [quota(3, support: 90_000_000)], year: 2026)
        #expect(placement.places.map(\.student) == ["s1", "s2"])
        let file = try MatchesCSV.read(MatchesCSV.render(matching, problem: problem, funding: placement), file: "m.csv", problem: problem)
        #expect(FundedPlaces.remaining([quota(3, support: 90_000_000)], after: file, problem: problem, enterprises: Self.enterprises)
            == [quota(1, support: 30_000_000)])
        #expect(FundedPlaces.remaining([quota(1, support: 30_000_000), quota(5, stipend: 10_000_000, support: 50_000_000)],
                                       after: file, problem: problem, enterprises: Self.enterprises)
            == [quota(0, support: 0), quota(5, stipend: 10_000_000, support: 50_000_000)])
    }

    @Test func summaryNamesEachFigure() throws {
        let placement = try Self.assign([quota(2, support: 60_000_000), quota(4, region: "DN", support: 120_000_000)])
        let (problem, matching) = try Self.matched()
        let summary = MatchingSummary(matching, problem: problem, funding: placement)
        #expect(summary.fundingApplied)
        #expect(summary.fundedPlaces == 2)
        #expect(summary.planInterns == 6)
        #expect(summary.planYear == 2026)
        #expect(summary.planInternsNotTaken == 4)
        #expect(summary.fundedSupport == 60_000_000)
        #expect(summary.fundingBudget == 180_000_000)
        let report = summary.terminalReport()
        #expect(report.contains("funded interns in the plan 2026: 6, 180,000,000 VND"))
        #expect(report.contains("fund-backed places in this round: 2, 60,000,000 VND paid"))
        #expect(report.contains("plan interns not taken: 4 (too few students matched at those postings: AUTO DN domestic SME 4)"))
        let vietnamese = summary.terminalReport(language: .vi)
        #expect(vietnamese.contains("suất thực tập được quỹ hỗ trợ trong đợt xếp này: 2, đã chi 60.000.000 đồng"))
    }
}
