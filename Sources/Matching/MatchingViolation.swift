public import Workforce

/// Something wrong with a matching, as found by ``StabilityCheck``.
public enum MatchingViolation: Hashable, Sendable, CustomStringConvertible {
    /// The matching has a student the problem does not have.
    case unknownStudent(Student.ID)
    /// The matching sends a student to a posting the problem does not have.
    case unknownPosting(student: Student.ID, posting: InternshipPosting.ID)
    /// A problem's student has no assignment (not even "unmatched") in the matching.
    case missingStudent(Student.ID)
    /// More students at a posting than its slots.
    case capacityExceeded(posting: InternshipPosting.ID, slots: Int, assigned: Int)
    /// More interns in the postings of a capped province (or group of provinces) than its cap.
    case capExceeded(regions: String, cap: Int, assigned: Int)
    /// Fewer interns at a group of postings than its minimum, although the mechanism meets it
    /// (placing `reachable` there).
    case minimumNotMet(group: String, required: Int, placed: Int, reachable: Int)
    /// A row's `funded` or `support_vnd` differs from what the fund policy gives that matching.
    case fundingMismatch(student: Student.ID, line: Int?, funded: Bool, support: VND, expectedFunded: Bool, expectedSupport: VND)
    /// A student at a posting they may not be matched to: not on their list, ineligible, or not
    /// ranked by the posting.
    case unacceptable(student: Student.ID, posting: InternshipPosting.ID, reason: PreferenceExclusion)
    /// Student and posting would both rather be matched to each other: the student prefers the
    /// posting to their assignment, and the posting has a free slot or holds a student it ranks
    /// below this one. `displaced` is that worst-ranked student (nil when a slot is free).
    case blockingPair(student: Student.ID, posting: InternshipPosting.ID, displaced: Student.ID?)
    /// Where the minimum was met by completion (no stability notion applies), a student placed
    /// elsewhere than the mechanism places them (nil: unmatched).
    case differsFromMechanism(student: Student.ID, found: InternshipPosting.ID?, expected: InternshipPosting.ID?)

    /// The violation in words.
    public var description: String {
        switch self {
        case .unknownStudent(let id): "student \(id) is not among the students"
        case .unknownPosting(let student, let posting): "student \(student) is at posting \(posting), which is not among the postings"
        case .missingStudent(let id): "student \(id) has no row in the matching"
        case .capacityExceeded(let posting, let slots, let assigned): "posting \(posting) has \(assigned) students for \(slots) slots"
        case .capExceeded(let regions, let cap, let assigned): "regional cap of \(regions) is \(cap), but \(assigned) interns are placed there"
        case .minimumNotMet(let group, let required, let placed, let reachable):
            "minimum places for \(group): \(placed) placed, \(required) required (the mechanism places \(reachable))"
        case .fundingMismatch(let student, let line, let funded, let support, let expectedFunded, let expectedSupport):
            "\(line.map { "line \($0): " } ?? "")student \(student) has funded=\(funded), support_vnd=\(support); the fund plan's interns and the policy give funded=\(expectedFunded), support_vnd=\(expectedSupport)"
        case .differsFromMechanism(let student, let found, let expected):
            "student \(student) is \(found.map { "at posting \($0)" } ?? "unmatched"); the minimum's completion places them \(expected.map { "at posting \($0)" } ?? "nowhere")"
        case .unacceptable(let student, let posting, let reason): "student \(student) is at posting \(posting), but \(reason)"
        case .blockingPair(let student, let posting, let displaced):
            if let displaced {
                "blocking pair: student \(student) prefers posting \(posting), which ranks them above its student \(displaced)"
            } else {
                "blocking pair: student \(student) prefers posting \(posting), which has a free slot"
            }
        }
    }
}
