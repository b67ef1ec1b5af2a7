public import Workforce

/// Why a student was not placed at a posting they ranked above the place they got.
public struct NotPlacedExplanation: Hashable, Sendable {
    /// Why the posting did not take the student.
    public enum Reason: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// The posting's slots all went to students it ranks above this one.
        case postingPreferredOthers = "posting_preferred_others"
        /// The posting had a free slot, but its province (or group of provinces) was at its cap.
        case regionAtCap = "region_at_cap"
        /// The posting had a free slot, but the places outside a group with minimum places were
        /// held back for that group's minimum (see ``MinimumPlaces``).
        case heldForMinimum = "held_for_minimum"
        /// The minimum's completion (see ``MinimumPlaces``) rearranged places to meet a group's
        /// minimum: the posting holds a student it ranks lower, or has a slot a completed student left.
        case minimumCompletion = "minimum_completion"

        /// The reason in words.
        public var description: String {
            switch self {
            case .postingPreferredOthers: "the posting preferred the students it took"
            case .regionAtCap: "the province was at its cap"
            case .heldForMinimum: "places outside the group were held back for its minimum"
            case .minimumCompletion: "places were rearranged to meet a group's minimum"
            }
        }
    }

    /// The student.
    public var student: Student.ID
    /// The posting the student ranked above their result.
    public var posting: InternshipPosting.ID
    /// The posting's 1-based position in the student's preferences.
    public var studentRank: Int
    /// The 1-based position of the posting the student got; nil when unmatched.
    public var resultRank: Int?
    /// Why.
    public var reason: Reason
    /// The cap that was reached (`HN;BN`) for ``Reason/regionAtCap``, the group for
    /// ``Reason/heldForMinimum``; nil otherwise.
    public var cap: String?

    /// An explanation; see the properties.
    public init(student: Student.ID, posting: InternshipPosting.ID, studentRank: Int, resultRank: Int?, reason: Reason, cap: String?) {
        self.student = student
        self.posting = posting
        self.studentRank = studentRank
        self.resultRank = resultRank
        self.reason = reason
        self.cap = cap
    }
}

/// Explanations of a matching found by ``DeferredAcceptance``, ``FlexibleDeferredAcceptance`` or
/// ``MinimumPlaces``: for every student and every usable posting they ranked above their result
/// (every one, when unmatched), why they are not there.
///
/// In such a matching a posting a student ranked higher either is full of students it ranks above
/// them, or has a free slot and is under a cap that is reached; a posting that is neither is
/// reported as full (it cannot happen in a stable matching).
public enum PlacementExplanations {
    /// One explanation per (student, posting ranked above the result), students in input order,
    /// postings in preference order.
    ///
    /// - Complexity: O(S + P + L) for S students, P postings and L usable preference entries.
    public static func explain(_ matching: Matching, problem: MatchingProblem, caps: RegionalCaps = .none) -> [NotPlacedExplanation] {
        explain(matching, problem: problem, groups: PostingGroupCaps(caps, problem: problem),
                labels: caps.caps.map(\.label), reason: .regionAtCap)
    }

    static func explain(
        _ matching: Matching, problem: MatchingProblem, groups: PostingGroupCaps, labels: [String],
        reason capReason: NotPlacedExplanation.Reason
    ) -> [NotPlacedExplanation] {
        var assigned = [Int](repeating: 0, count: problem.postings.count)
        var groupAssigned = [Int](repeating: 0, count: groups.cap.count)
        var choiceOf = [Int?](repeating: nil, count: problem.students.count)
        for (s, assignment) in matching.assignments.enumerated() where s < problem.students.count {
            guard let posting = assignment.posting, let p = problem.postingIndex[posting] else { continue }
            assigned[p] += 1
            if groups.group(of: p) >= 0 { groupAssigned[groups.group(of: p)] += 1 }
            choiceOf[s] = problem.choice(student: s, posting: p)
        }
        var explanations: [NotPlacedExplanation] = []
        for s in problem.students.indices {
            let result = choiceOf[s]
            let resultRank = result.map { problem.choiceListPosition[$0] }
            for c in problem.choiceStart[s]..<(result ?? problem.choiceStart[s + 1]) {
                let p = problem.choicePosting[c]
                let g = groups.group(of: p)
                let capped = assigned[p] < problem.postings[p].slots && g >= 0 && groupAssigned[g] >= groups.cap[g]
                explanations.append(NotPlacedExplanation(
                    student: problem.students[s].id, posting: problem.postings[p].id,
                    studentRank: problem.choiceListPosition[c], resultRank: resultRank,
                    reason: capped ? capReason : .postingPreferredOthers,
                    cap: capped ? (g < labels.count ? labels[g] : nil) : nil))
            }
        }
        return explanations
    }

    /// The text of `explanations.csv`: `student,posting,student_rank,result_rank,reason,cap`, one
    /// row per explanation (`result_rank` empty for an unmatched student, `cap` empty unless the
    /// reason is a cap or a minimum).
    ///
    /// - Complexity: O(n) in the number of explanations.
    public static func csv(_ explanations: [NotPlacedExplanation]) -> String {
        var text = "student,posting,student_rank,result_rank,reason,cap\n"
        for item in explanations {
            text += "\(item.student),\(item.posting),\(item.studentRank),\(item.resultRank.map(String.init) ?? ""),\(item.reason.rawValue),\(item.cap ?? "")\n"
        }
        return text
    }
}
