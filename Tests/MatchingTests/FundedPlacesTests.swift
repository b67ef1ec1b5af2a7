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

    static func terms(budget: VND, enabled: Bool = true) -> InternshipTerms {
        InternshipTerms(enabled: enabled, entryUplift: 0.2, fundedOwnership: [.domestic], fundedSizes: [.micro, .small, .medium],
                        fundedSkills: ["AUTO"], matchingBudget: budget)
    }

    @Test func bestRankedFirstWithinBudget() throws {
        let (problem, matching) = try Self.matched()
        let placement = FundedPlaces.assign(matching, problem: problem, enterprises: Self.enterprises, terms: Self.terms(budget: 45_000_000))
        #expect(placement.places == [
            FundedPlace(student: "s1", posting: "D1", enterprise: "E-DOM", support: 30_000_000),
            FundedPlace(student: "s3", posting: "D2", enterprise: "E-DOM", support: 10_000_000),
        ])
        #expect(placement.unfunded == ["s2"])
        #expect(placement.totalSupport == 40_000_000)
        #expect(placement.budgetLeft == 5_000_000)
        #expect(placement.support(of: "s1") == 30_000_000)
        #expect(placement.support(of: "s4") == 0)
        #expect(!placement.isFunded("s4"))
        #expect(!placement.isFunded("s5"))
    }

    @Test func aPlaceTooDearIsPassedOverForCheaperOnes() throws {
        let (problem, matching) = try Self.matched()
        let placement = FundedPlaces.assign(matching, problem: problem, enterprises: Self.enterprises, terms: Self.terms(budget: 25_000_000))
        #expect(placement.places.map(\.student) == ["s3"])
        #expect(placement.unfunded == ["s1", "s2"])
        #expect(placement.budgetLeft == 15_000_000)
    }

    @Test func everyoneBackedFitsALargeBudget() throws {
        let (problem, matching) = try Self.matched()
        let placement = FundedPlaces.assign(matching, problem: problem, enterprises: Self.enterprises, terms: Self.terms(budget: 1_000_000_000))
        #expect(Set(placement.places.map(\.student)) == ["s1", "s2", "s3"])
        #expect(placement.totalSupport == 70_000_000)
        #expect(placement.budgetLeft == 930_000_000)
    }

    @Test func disabledTermsOrUnknownEnterprisesFundNobody() throws {
        let (problem, matching) = try Self.matched()
        let disabled = FundedPlaces.assign(matching, problem: problem, enterprises: Self.enterprises,
                                           terms: Self.terms(budget: 1_000_000_000, enabled: false))
        #expect(disabled.places.isEmpty)
        #expect(disabled.budgetLeft == 1_000_000_000)
        let unknown = FundedPlaces.assign(matching, problem: problem, enterprises: [], terms: Self.terms(budget: 1_000_000_000))
        #expect(unknown.places.isEmpty)
    }

    @Test func summaryCountsFundedPlaces() throws {
        let (problem, matching) = try Self.matched()
        let placement = FundedPlaces.assign(matching, problem: problem, enterprises: Self.enterprises, terms: Self.terms(budget: 45_000_000))
        let summary = MatchingSummary(matching, problem: problem, funding: placement)
        #expect(summary.fundingApplied)
        #expect(summary.fundedPlaces == 2)
        #expect(summary.fundedSupport == 40_000_000)
        #expect(summary.fundingBudget == 45_000_000)
        #expect(summary.fundingBudgetLeft == 5_000_000)
        #expect(summary.terminalReport().contains("funded places       2, 40,000,000 VND"))
    }
}
