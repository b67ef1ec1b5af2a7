import Workforce

/// Which mechanism found a matching.
public enum MatchingMechanism: String, Codable, Hashable, Sendable {
    /// ``DeferredAcceptance``: no distributional constraint.
    case deferredAcceptance = "deferred_acceptance"
    /// ``FlexibleDeferredAcceptance`` under regional caps.
    case flexibleDeferredAcceptance = "flexible_deferred_acceptance"
    /// ``MinimumPlaces``: flexible deferred acceptance with the postings outside a group capped.
    case minimumPlaces = "minimum_places"

    /// The mechanism in words.
    public var title: String {
        switch self {
        case .deferredAcceptance: "student-proposing deferred acceptance"
        case .flexibleDeferredAcceptance: "flexible deferred acceptance under regional caps, Kamada–Kojima 2015"
        case .minimumPlaces: "minimum places: a cap outside the group, then completion, Fragiadakis et al. 2016 and Kamada–Kojima 2015"
        }
    }
}

/// The distributional rules of one matching round: regional caps, a minimum for a group of
/// postings, or neither (both at once are not supported: a minimum is met by a cap on the postings
/// outside its group, which would overlap the provinces' caps).
public struct MatchingRules: Hashable, Sendable {
    /// Caps on provinces or groups of provinces.
    public var caps: RegionalCaps
    /// A minimum for a group of postings.
    public var minimum: GroupMinimum?

    /// Rules; see the properties.
    public init(caps: RegionalCaps = .none, minimum: GroupMinimum? = nil) {
        self.caps = caps
        self.minimum = minimum
    }

    /// No rule: plain deferred acceptance.
    public static let none = MatchingRules()

    /// Runs the mechanism the rules call for.
    ///
    /// - Throws: ``MatchingInputError`` when both caps and a minimum are given.
    /// - Complexity: that of the mechanism: ``DeferredAcceptance/match(_:)``,
    ///   ``FlexibleDeferredAcceptance/match(_:caps:)`` or ``MinimumPlaces/match(_:minimum:)``.
    public func match(_ problem: MatchingProblem) throws(MatchingInputError) -> MatchingOutcome {
        if let minimum {
            guard caps.isEmpty else { throw MatchingInputError([.minimumWithRegionalCaps(group: minimum.group)]) }
            let (matching, report) = MinimumPlaces.match(problem, minimum: minimum)
            return MatchingOutcome(matching: matching, rules: self, mechanism: .minimumPlaces, minimumReport: report)
        }
        if caps.isEmpty {
            return MatchingOutcome(matching: DeferredAcceptance.match(problem), rules: self, mechanism: .deferredAcceptance, minimumReport: nil)
        }
        return MatchingOutcome(matching: FlexibleDeferredAcceptance.match(problem, caps: caps), rules: self,
                               mechanism: .flexibleDeferredAcceptance, minimumReport: nil)
    }

    /// The capped groups of postings the outcome's stability is judged with: the provinces' caps,
    /// or the cap the minimum put outside its group.
    func groups(_ problem: MatchingProblem, outsideCap: Int?) -> (groups: PostingGroupCaps, labels: [String], reason: NotPlacedExplanation.Reason) {
        if let minimum, let outsideCap {
            let inGroup = problem.postings.map { minimum.postings.contains($0.id) }
            return (MinimumPlaces.outsideGroup(problem, inGroup: inGroup, cap: outsideCap), ["outside \(minimum.group)"], .heldForMinimum)
        }
        return (PostingGroupCaps(caps, problem: problem), caps.caps.map(\.label), .regionAtCap)
    }
}

/// A matching with the rules and mechanism that found it.
public struct MatchingOutcome: Sendable {
    /// Who goes where.
    public let matching: Matching
    /// The rules.
    public let rules: MatchingRules
    /// The mechanism used.
    public let mechanism: MatchingMechanism
    /// How the minimum fared; nil without one.
    public let minimumReport: MinimumPlacesReport?

    /// For every student not placed at a posting they ranked above their result, why.
    ///
    /// - Complexity: O(S + P + L).
    public func explanations(in problem: MatchingProblem) -> [NotPlacedExplanation] {
        let judged = rules.groups(problem, outsideCap: minimumReport?.outsideCap)
        let explanations = PlacementExplanations.explain(matching, problem: problem, groups: judged.groups, labels: judged.labels,
                                                         reason: judged.reason)
        guard minimumReport?.completed != nil, let group = rules.minimum?.group else { return explanations }
        // After a completion, a posting that has a free slot or holds a student it ranks lower
        // did not prefer the others: the completion put them there.
        var holders: [InternshipPosting.ID: [Student.ID]] = [:]
        for assignment in matching.assignments {
            if let posting = assignment.posting { holders[posting, default: []].append(assignment.student) }
        }
        return explanations.map { item in
            let held = holders[item.posting] ?? []
            let slots = problem.posting(item.posting)?.slots ?? 0
            let mine = problem.postingRank(of: item.student, at: item.posting) ?? Int.max
            guard held.count < slots || held.contains(where: { (problem.postingRank(of: $0, at: item.posting) ?? Int.max) > mine })
            else { return item }
            var moved = item
            moved.reason = .minimumCompletion
            moved.cap = group
            return moved
        }
    }

    /// Everything wrong with `other` (a matching read from a file) under these rules: what
    /// ``StabilityCheck/violations(of:in:caps:)`` finds with the caps (or with the cap this
    /// outcome put outside the minimum's group), and a minimum not met although this outcome
    /// meets it (a minimum that cannot be met is not applied). Where the minimum was met by
    /// completion no stability notion applies: instead of blocking pairs, every student placed
    /// elsewhere than this outcome places them.
    ///
    /// - Complexity: O(S + P + L + C).
    public func violations(of other: Matching, in problem: MatchingProblem) -> [MatchingViolation] {
        let judged = rules.groups(problem, outsideCap: minimumReport?.outsideCap)
        var found = StabilityCheck.violations(of: other, in: problem, groups: judged.groups, capLabels: judged.labels)
        if minimumReport?.completed != nil {
            // Completion gives up stability inside the group: the file must be the mechanism's matching.
            found.removeAll { if case .blockingPair = $0 { true } else { false } }
            for (mine, theirs) in zip(matching.assignments, other.assignments) where mine.student == theirs.student && mine.posting != theirs.posting {
                found.append(.differsFromMechanism(student: theirs.student, found: theirs.posting, expected: mine.posting))
            }
        }
        if let minimum = rules.minimum, let report = minimumReport {
            let inGroup = problem.postings.map { minimum.postings.contains($0.id) }
            let placed = MinimumPlaces.placed(other, inGroup: inGroup, problem: problem).inside
            if report.met && placed < minimum.places {
                found.append(.minimumNotMet(group: minimum.group, required: minimum.places, placed: placed, reachable: report.placed))
            }
        }
        return found
    }
}
