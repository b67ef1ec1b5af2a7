public import Workforce

/// A preference the matching cannot use, and why: the student listed the posting, but may not be
/// matched there.
public struct DroppedPreference: Hashable, Sendable, CustomStringConvertible {
    /// The student whose preference it is.
    public var student: Student.ID
    /// The posting the student listed.
    public var posting: InternshipPosting.ID
    /// 1-based position of the posting in the student's `preferences`, as written.
    public var position: Int
    /// Why the preference is dropped.
    public var reason: PreferenceExclusion

    /// A dropped preference.
    public init(student: Student.ID, posting: InternshipPosting.ID, position: Int, reason: PreferenceExclusion) {
        self.student = student
        self.posting = posting
        self.position = position
        self.reason = reason
    }

    /// `S001 → P-07 (choice 2): the posting is in MOULD, the student studies AUTO`
    public var description: String { "\(student) → \(posting) (choice \(position)): \(reason)" }
}

/// Why a student may not be matched to a posting.
public enum PreferenceExclusion: Hashable, Sendable, CustomStringConvertible {
    /// The posting id is not among the postings (the loader normally rejects this first).
    case unknownPosting
    /// The student listed the posting more than once; only the first mention counts.
    case repeated(firstPosition: Int)
    /// The posting is in another skill than the student's.
    case wrongSkill(student: Skill.ID, posting: Skill.ID)
    /// The student's year of study is below the posting's minimum.
    case yearBelowMinimum(year: Int, minimum: Int)
    /// A rankings file was given and the posting does not rank this student.
    case notRankedByPosting
    /// The student did not list the posting at all (only in verification of a given matching).
    case notListed

    /// The reason in words.
    public var description: String {
        switch self {
        case .unknownPosting: "no posting has this id"
        case .repeated(let first): "listed again; the first mention (choice \(first)) counts"
        case .wrongSkill(let student, let posting): "the posting is in \(posting), the student studies \(student)"
        case .yearBelowMinimum(let year, let minimum): "the student is in year \(year), the posting requires year \(minimum) or above"
        case .notRankedByPosting: "the posting does not rank this student in the rankings file"
        case .notListed: "the student did not list this posting"
        }
    }
}
