public import Workforce

/// One matched intern whose stipend the fund pays.
public struct FundedPlace: Hashable, Sendable {
    /// The funded intern.
    public var student: Student.ID
    /// The posting the intern is matched to.
    public var posting: InternshipPosting.ID
    /// The posting's enterprise.
    public var enterprise: Enterprise.ID
    /// The stipend paid: the posting's stipend per month × months, whole VND.
    public var support: VND

    /// A funded place.
    public init(student: Student.ID, posting: InternshipPosting.ID, enterprise: Enterprise.ID, support: VND) {
        self.student = student
        self.posting = posting
        self.enterprise = enterprise
        self.support = support
    }
}

/// Which matched interns the fund supports, within the matching budget.
public struct FundedPlacement: Hashable, Sendable {
    /// The funded places, in the order they were funded (best-ranked first).
    public let places: [FundedPlace]
    /// Matched interns at backed postings the budget did not reach, best-ranked first.
    public let unfunded: [Student.ID]
    /// The budget for this matching round (`InternshipTerms.matchingBudget`).
    public let budget: VND
    private let supportByStudent: [Student.ID: VND]

    /// A placement from its funded places.
    public init(places: [FundedPlace], unfunded: [Student.ID], budget: VND) {
        self.places = places
        self.unfunded = unfunded
        self.budget = budget
        var support: [Student.ID: VND] = [:]
        for place in places { support[place.student] = place.support }
        self.supportByStudent = support
    }

    /// The sum of the support paid.
    public var totalSupport: VND { places.reduce(0) { $0 + $1.support } }

    /// The budget not spent.
    public var budgetLeft: VND { budget - totalSupport }

    /// Whether the fund supports this student.
    public func isFunded(_ student: Student.ID) -> Bool { supportByStudent[student] != nil }

    /// The support paid for this student: 0 when not funded.
    public func support(of student: Student.ID) -> VND { supportByStudent[student] ?? 0 }
}

/// Fund-backed places: which matched interns receive the fund's internship stipend.
public enum FundedPlaces {
    /// Funds matched interns at postings the policy backs, best-ranked first, within the budget.
    ///
    /// A matched intern is a **candidate** when the terms are enabled, the posting may take them
    /// (eligible and ranked, see ``MatchingProblem``), their posting's enterprise
    /// is in `enterprises` and `terms.backs(enterprise, skill: posting.skill)`. A place costs the
    /// posting's `stipendPerMonth × months` (a negative or overflowing cost is never funded).
    ///
    /// **Best-ranked first** means candidates in this order: the posting's rank of the student
    /// (1 first), then the student's rank of the posting (first choice first), then student id
    /// (code order). Going down that list, a candidate is funded when their cost fits in what is
    /// left of `terms.matchingBudget`; one that does not fit is passed over, and later, cheaper
    /// candidates may still be funded.
    ///
    /// - Complexity: O(S + E + F log F) for S students, E enterprises and F candidates.
    public static func assign(
        _ matching: Matching, problem: MatchingProblem, enterprises: [Enterprise], terms: InternshipTerms
    ) -> FundedPlacement {
        let budget = max(terms.matchingBudget, 0)
        guard terms.enabled else { return FundedPlacement(places: [], unfunded: [], budget: budget) }
        var enterpriseByID: [Enterprise.ID: Enterprise] = [:]
        for enterprise in enterprises where enterpriseByID[enterprise.id] == nil { enterpriseByID[enterprise.id] = enterprise }

        struct Candidate {
            var place: FundedPlace
            var postingRank: Int
            var studentRank: Int
        }
        var candidates: [Candidate] = []
        for assignment in matching.assignments {
            guard let postingID = assignment.posting, assignment.postingRank != nil,
                  let posting = problem.posting(postingID),
                  let enterprise = enterpriseByID[posting.enterprise],
                  terms.backs(enterprise, skill: posting.skill)
            else { continue }
            let (cost, overflow) = posting.stipendPerMonth.multipliedReportingOverflow(by: VND(posting.months))
            guard !overflow, cost >= 0 else { continue }
            candidates.append(Candidate(
                place: FundedPlace(student: assignment.student, posting: postingID, enterprise: enterprise.id, support: cost),
                postingRank: assignment.postingRank ?? Int.max, studentRank: assignment.studentRank ?? Int.max))
        }
        candidates.sort { a, b in
            if a.postingRank != b.postingRank { return a.postingRank < b.postingRank }
            if a.studentRank != b.studentRank { return a.studentRank < b.studentRank }
            return a.place.student < b.place.student
        }
        var left = budget
        var places: [FundedPlace] = []
        var unfunded: [Student.ID] = []
        for candidate in candidates {
            if candidate.place.support <= left {
                places.append(candidate.place)
                left -= candidate.place.support
            } else {
                unfunded.append(candidate.place.student)
            }
        }
        return FundedPlacement(places: places, unfunded: unfunded, budget: budget)
    }
}

extension FundedPlaces {
    /// Rows of a read `matches.csv` whose `funded` or `support_vnd` differ from `expected`, the
    /// placement the fund policy gives the file's matching (nil without a policy: then every row
    /// must say `false` and `0`). In the order of `problem.students`.
    ///
    /// - Complexity: O(S) for S students.
    public static func mismatches(in file: MatchesFile, expected: FundedPlacement?, problem: MatchingProblem) -> [MatchingViolation] {
        problem.students.compactMap { student in
            guard let row = file.funding[student.id] else { return nil }
            let funded = expected?.isFunded(student.id) ?? false
            let support = expected?.support(of: student.id) ?? 0
            guard row.funded != funded || row.support != support else { return nil }
            return .fundingMismatch(student: student.id, line: row.line, funded: row.funded, support: row.support,
                                    expectedFunded: funded, expectedSupport: support)
        }
    }
}
