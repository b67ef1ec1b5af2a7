public import Workforce

/// Postings, students or rankings the matching cannot work with. The loader rejects most of these
/// with file and line first; this type keeps the matching from crashing when it is called directly.
public struct MatchingInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One problem with the input.
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// Two students with one id.
        case duplicateStudent(Student.ID)
        /// Two postings with one id.
        case duplicatePosting(InternshipPosting.ID)
        /// A posting with fewer than 0 slots.
        case negativeSlots(InternshipPosting.ID, slots: Int)
        /// A rankings row for a posting that does not exist.
        case rankingUnknownPosting(PostingRank)
        /// A rankings row for a student who does not exist.
        case rankingUnknownStudent(PostingRank)
        /// A rank below 1.
        case rankingNotPositive(PostingRank)
        /// A posting ranks one student twice (the second row is reported).
        case rankingRepeated(PostingRank)
        /// A posting gives one rank to two students.
        case rankingShared(posting: InternshipPosting.ID, rank: Int, students: [Student.ID])
        /// A matching names a student the problem does not have.
        case unknownStudent(Student.ID)
        /// A matching sends a student to a posting the problem does not have.
        case unknownPostingAssigned(student: Student.ID, posting: InternshipPosting.ID)
        /// A regional cap below 0.
        case negativeRegionalCap(String, cap: Int)
        /// A regional cap that names no province.
        case regionalCapWithoutRegion(cap: Int)
        /// A province in two regional caps.
        case regionCappedTwice(Region.ID)
        /// Regional caps and a minimum for a group of postings in one round.
        case minimumWithRegionalCaps(group: String)

        /// What is wrong and what to fix.
        public var description: String {
            switch self {
            case .duplicateStudent(let id): "student \(id) appears more than once; give each student one row"
            case .duplicatePosting(let id): "posting \(id) appears more than once; give each posting one row"
            case .negativeSlots(let id, let slots): "posting \(id) has \(slots) slots; expected 0 or more"
            case .rankingUnknownPosting(let rank): "rankings: posting \(rank.posting) (ranking student \(rank.student)) is not among the postings"
            case .rankingUnknownStudent(let rank): "rankings: student \(rank.student) (ranked by posting \(rank.posting)) is not among the students"
            case .rankingNotPositive(let rank): "rankings: posting \(rank.posting) gives student \(rank.student) rank \(rank.rank); expected 1 or more"
            case .rankingRepeated(let rank): "rankings: posting \(rank.posting) ranks student \(rank.student) more than once; keep one row"
            case .rankingShared(let posting, let rank, let students):
                "rankings: posting \(posting) gives rank \(rank) to \(students.map(\.rawValue).joined(separator: " and ")); expected distinct ranks"
            case .unknownStudent(let id): "student \(id) is not among the students"
            case .unknownPostingAssigned(let student, let posting): "student \(student) is assigned to posting \(posting), which is not among the postings"
            case .negativeRegionalCap(let regions, let cap): "regional cap of \(regions) is \(cap); expected 0 or more"
            case .regionalCapWithoutRegion(let cap): "a regional cap of \(cap) names no province; expected one or more province codes"
            case .minimumWithRegionalCaps(let group): "regional caps and the minimum places for \(group) cannot apply in one round; expected one or the other"
            case .regionCappedTwice(let region): "province \(region) is in more than one regional cap; expected each province in one cap at most"
            }
        }
    }

    /// Every problem found, in the order found.
    public var problems: [Problem]

    /// An error listing `problems`.
    public init(_ problems: [Problem]) { self.problems = problems }

    /// Every problem, one a line.
    public var description: String {
        let noun = problems.count == 1 ? "problem" : "problems"
        return (["\(problems.count) matching input \(noun):"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
