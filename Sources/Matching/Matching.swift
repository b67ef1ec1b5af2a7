public import Workforce

/// Who goes where: one assignment per student of a ``MatchingProblem``, in student input order.
public struct Matching: Sendable, Hashable {
    /// One student's outcome.
    public struct Assignment: Sendable, Hashable {
        /// The student.
        public var student: Student.ID
        /// The posting, or nil for an unmatched student.
        public var posting: InternshipPosting.ID?
        /// The posting's 1-based position in the student's preferences as written (1 = first
        /// choice); nil when unmatched or when the student did not list the posting.
        public var studentRank: Int?
        /// The posting's rank of the student (1 = best; see ``MatchingProblem`` for how it is
        /// set); nil when unmatched or when the posting may not take the student.
        public var postingRank: Int?

        /// An assignment.
        public init(student: Student.ID, posting: InternshipPosting.ID?, studentRank: Int?, postingRank: Int?) {
            self.student = student
            self.posting = posting
            self.studentRank = studentRank
            self.postingRank = postingRank
        }
    }

    /// One assignment per student, in the problem's student order.
    public let assignments: [Assignment]
    let studentIndex: [Student.ID: Int]

    /// The matching that sends each student in `postings` to the posting given (everyone else
    /// unmatched), as for a matching read from a file. The matching need not be stable, eligible
    /// or within capacity: ``StabilityCheck`` says what is wrong with it.
    ///
    /// - Throws: ``MatchingInputError`` for a student or posting id the problem does not have.
    public init(_ problem: MatchingProblem, postings: [Student.ID: InternshipPosting.ID]) throws(MatchingInputError) {
        var problems: [MatchingInputError.Problem] = []
        var postingOf = [Int](repeating: -1, count: problem.students.count)
        for (student, posting) in postings.sorted(by: { $0.key < $1.key }) {
            guard let s = problem.studentIndex[student] else {
                problems.append(.unknownStudent(student))
                continue
            }
            guard let p = problem.postingIndex[posting] else {
                problems.append(.unknownPostingAssigned(student: student, posting: posting))
                continue
            }
            postingOf[s] = p
        }
        if !problems.isEmpty { throw MatchingInputError(problems) }
        self.init(problem, postingOf: postingOf)
    }

    /// A matching from dense posting indices per student (-1 = unmatched), with the index of each
    /// matched student's choice when the caller knows it (saves the search of their list).
    init(_ problem: MatchingProblem, postingOf: [Int], choiceOf: [Int]? = nil) {
        var assignments: [Assignment] = []
        assignments.reserveCapacity(problem.students.count)
        for (s, student) in problem.students.enumerated() {
            let p = s < postingOf.count ? postingOf[s] : -1
            guard p >= 0, p < problem.postings.count else {
                assignments.append(Assignment(student: student.id, posting: nil, studentRank: nil, postingRank: nil))
                continue
            }
            let posting = problem.postings[p].id
            let known = choiceOf.flatMap { s < $0.count && $0[s] >= 0 ? $0[s] : nil }
            if let c = known ?? problem.choice(student: s, posting: p) {
                assignments.append(Assignment(
                    student: student.id, posting: posting, studentRank: problem.choiceListPosition[c],
                    postingRank: problem.choicePostingRank[c]))
            } else {
                assignments.append(Assignment(
                    student: student.id, posting: posting,
                    studentRank: student.preferences.firstIndex(of: posting).map { $0 + 1 }, postingRank: nil))
            }
        }
        self.assignments = assignments
        self.studentIndex = problem.studentIndex
    }

    /// The posting a student is matched to, or nil (unmatched or unknown student).
    public func posting(of student: Student.ID) -> InternshipPosting.ID? { assignment(of: student)?.posting }

    /// A student's assignment, or nil for an unknown student.
    public func assignment(of student: Student.ID) -> Assignment? {
        guard let s = studentIndex[student], s < assignments.count else { return nil }
        return assignments[s]
    }

    /// The assignments of students who got a posting.
    public var matched: [Assignment] { assignments.filter { $0.posting != nil } }

    /// How many students got a posting.
    public var matchedCount: Int { assignments.reduce(0) { $0 + ($1.posting == nil ? 0 : 1) } }

    /// Equal when every student has the same assignment.
    public static func == (lhs: Matching, rhs: Matching) -> Bool { lhs.assignments == rhs.assignments }

    /// Hashes the assignments.
    public func hash(into hasher: inout Hasher) { hasher.combine(assignments) }
}
