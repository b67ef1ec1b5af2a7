import Matching
import Testing
import Workforce

/// A random instance whose postings lie in four provinces, for regional caps.
func regionalInstance(
    seed: UInt64, studentCount: Int, postingCount: Int, maxList: Int, withRankings: Bool, twoSkills: Bool = true
) -> (postings: [InternshipPosting], students: [Student], rankings: [PostingRank]?) {
    var instance = randomInstance(
        seed: seed, studentCount: studentCount, postingCount: postingCount, maxList: maxList,
        withRankings: withRankings, twoSkills: twoSkills)
    var random = SplitMix64(seed: seed ^ 0x5EED)
    let provinces: [Region.ID] = ["HN", "BN", "HCM", "DN"]
    for index in instance.postings.indices {
        instance.postings[index].region = provinces.randomElement(using: &random) ?? "HN"
    }
    return instance
}

/// A random instance (in four provinces when `regional`), its problem, and its unconstrained
/// (deferred acceptance) matching.
func solvedInstance(
    seed: UInt64, students: Int, postings: Int, maxList: Int, withRankings: Bool, regional: Bool
) throws -> (instance: (postings: [InternshipPosting], students: [Student], rankings: [PostingRank]?), problem: MatchingProblem, free: Matching) {
    let instance = regional
        ? regionalInstance(seed: seed, studentCount: students, postingCount: postings, maxList: maxList, withRankings: withRankings)
        : randomInstance(seed: seed, studentCount: students, postingCount: postings, maxList: maxList, withRankings: withRankings)
    let problem = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
    return (instance, problem, DeferredAcceptance.match(problem))
}

/// Interns placed per province.
func placedByRegion(_ matching: Matching, in problem: MatchingProblem) -> [Region.ID: Int] {
    var counts: [Region.ID: Int] = [:]
    for assignment in matching.matched {
        if let region = assignment.posting.flatMap({ problem.posting($0) })?.region { counts[region, default: 0] += 1 }
    }
    return counts
}

/// Caps at `percent` % of the unconstrained counts (rounded down), HN and BN capped together.
func capsAt(percent: Int, of counts: [Region.ID: Int]) throws -> RegionalCaps {
    let hub = (counts["HN"] ?? 0) + (counts["BN"] ?? 0)
    return try RegionalCaps([
        RegionalCap(regions: ["HN", "BN"], cap: hub * percent / 100),
        RegionalCap(regions: ["HCM"], cap: (counts["HCM"] ?? 0) * percent / 100),
    ])
}

/// Kamada–Kojima stability written from the definition with public look-ups only (independent
/// of `StabilityCheck`): usable places, slots and caps respected, and every blocking pair has a
/// free slot at a posting in a province at its cap, with the student outside it or a move the
/// province's round-robin would not make.
func isStableUnderCaps(_ assignment: [Student.ID: InternshipPosting.ID], in problem: MatchingProblem, caps: RegionalCaps) -> Bool {
    let targets = Dictionary(uniqueKeysWithValues: zip(problem.postings.map(\.id), caps.targetCapacities(of: problem.postings)))
    let order = Dictionary(uniqueKeysWithValues: problem.postings.enumerated().map { ($1.id, $0) })
    var held: [InternshipPosting.ID: [Student.ID]] = [:]
    var inCap: [String: Int] = [:]
    for (student, posting) in assignment {
        guard problem.postingRank(of: student, at: posting) != nil, let region = problem.posting(posting)?.region else { return false }
        held[posting, default: []].append(student)
        if let cap = caps.cap(of: region) { inCap[cap.label, default: 0] += 1 }
    }
    for posting in problem.postings where (held[posting.id]?.count ?? 0) > posting.slots { return false }
    for cap in caps.caps where (inCap[cap.label] ?? 0) > cap.cap { return false }
    for student in problem.students {
        let list = problem.usablePreferences(of: student.id)
        let current = assignment[student.id]
        for posting in list.prefix(current.flatMap { list.firstIndex(of: $0) } ?? list.count) {
            guard let record = problem.posting(posting), record.slots > 0 else { continue }
            let others = held[posting] ?? []
            if others.count >= record.slots {
                let mine = problem.postingRank(of: student.id, at: posting) ?? Int.max
                if others.contains(where: { (problem.postingRank(of: $0, at: posting) ?? Int.max) > mine }) { return false }
                continue
            }
            guard let cap = caps.cap(of: record.region), (inCap[cap.label] ?? 0) >= cap.cap else { return false }
            guard let current, let currentRecord = problem.posting(current),
                  caps.cap(of: currentRecord.region)?.label == cap.label else { continue }
            let round = others.count + 1 - (targets[posting].flatMap { $0 } ?? 0)
            let freed = max((held[current]?.count ?? 0) - (targets[current].flatMap { $0 } ?? 0), 0)
            let later = round > freed || (round == freed && (order[posting] ?? 0) > (order[current] ?? 0))
            if !(round >= 1 && later) { return false }
        }
    }
    return true
}

func dictionary(_ matching: Matching) -> [Student.ID: InternshipPosting.ID] {
    Dictionary(uniqueKeysWithValues: matching.matched.compactMap { a in a.posting.map { (a.student, $0) } })
}

@Suite("Regional caps (flexible deferred acceptance)")
struct RegionalCapsTests {
    /// (seed, students, postings, longest list, with rankings, cap as % of the unconstrained count)
    static let cases: [(UInt64, Int, Int, Int, Bool, Int)] = [
        (21, 12, 5, 3, false, 50), (22, 12, 5, 3, true, 0), (23, 80, 16, 5, false, 60), (24, 80, 16, 5, true, 75),
        (25, 400, 40, 8, false, 60), (26, 400, 40, 8, true, 30), (27, 3_000, 300, 10, false, 60), (28, 3_000, 300, 10, true, 90),
    ]

    @Test(arguments: cases)
    func capsAreRespectedAndOnlyCapsExcuseBlockingPairs(
        seed: UInt64, students: Int, postings: Int, maxList: Int, withRankings: Bool, percent: Int
    ) throws {
        let (instance, problem, free) = try solvedInstance(
            seed: seed, students: students, postings: postings, maxList: maxList, withRankings: withRankings, regional: true)
        let caps = try capsAt(percent: percent, of: placedByRegion(free, in: problem))
        let capped = FlexibleDeferredAcceptance.match(problem, caps: caps)

        let placed = placedByRegion(capped, in: problem)
        #expect((placed["HN"] ?? 0) + (placed["BN"] ?? 0) <= caps.caps[0].cap)
        #expect((placed["HCM"] ?? 0) <= caps.caps[1].cap)
        #expect(StabilityCheck.violations(of: capped, in: problem, caps: caps) == [])
        #expect(isStableUnderCaps(dictionary(capped), in: problem, caps: caps))
        // The caps bind: the unconstrained matching breaks them, and the capped one is not stable
        // in the plain sense (some pair is only excused by a cap).
        if percent < 100 && (placed["HN"] ?? 0) + (placed["BN"] ?? 0) + (placed["HCM"] ?? 0) > 0 {
            #expect(!StabilityCheck.violations(of: free, in: problem, caps: caps).isEmpty)
            #expect(!StabilityCheck.violations(of: capped, in: problem).isEmpty)
        }
    }

    @Test(arguments: cases)
    func capsThatDoNotBindReproduceTheUnconstrainedMatching(
        seed: UInt64, students: Int, postings: Int, maxList: Int, withRankings: Bool, percent: Int
    ) throws {
        let (instance, problem, free) = try solvedInstance(
            seed: seed, students: students, postings: postings, maxList: maxList, withRankings: withRankings, regional: true)
        // Exactly the unconstrained counts (reached, never exceeded), then caps above all slots.
        let exact = try capsAt(percent: 100, of: placedByRegion(free, in: problem))
        #expect(FlexibleDeferredAcceptance.match(problem, caps: exact) == free)
        let slots = instance.postings.reduce(0) { $0 + $1.slots }
        let loose = try RegionalCaps([RegionalCap(regions: ["HN", "BN", "HCM", "DN"], cap: slots + percent)])
        #expect(FlexibleDeferredAcceptance.match(problem, caps: loose) == free)
        #expect(FlexibleDeferredAcceptance.match(problem, caps: .none) == free)
    }

    @Test func targetCapacitiesSplitTheCapBySlotsWithLargestRemainders() throws {
        let postings = [posting("A", slots: 3), posting("B", slots: 2), posting("C", slots: 1), posting("D", slots: 4)]
            .enumerated().map { offset, posting in
                var posting = posting
                posting.region = offset < 3 ? "HN" : "DN"
                return posting
            }
        // HN: 5 of 6 slots: 2.5, 1.67, 0.83 → 2, 1, 0 and two more to C (.83) and B (.67).
        let caps = try RegionalCaps([RegionalCap(regions: ["HN"], cap: 5), RegionalCap(regions: ["BN"], cap: 0)])
        #expect(caps.targetCapacities(of: postings) == [2, 2, 1, nil])
        let all = try RegionalCaps([RegionalCap(regions: ["HN", "DN"], cap: 20)])
        #expect(all.targetCapacities(of: postings) == [3, 2, 1, 4])
    }

    @Test func capsAreChecked() {
        #expect(throws: MatchingInputError([.negativeRegionalCap("HN", cap: -1), .regionCappedTwice("HN")])) {
            try RegionalCaps([RegionalCap(regions: ["HN"], cap: -1), RegionalCap(regions: ["BN", "HN"], cap: 3)])
        }
    }

    /// One province with cap 1: the better-ranked student gets the hub posting, the other moves on.
    @Test func aWorkedExample() throws {
        var postings = [posting("H1"), posting("H2"), posting("R1")]
        postings[2].region = "DN"
        let problem = try MatchingProblem(
            postings: postings,
            students: [student("a", ["H1", "R1"], score: 9), student("b", ["H2", "R1"], score: 8), student("c", ["H1", "H2"], score: 1)],
            rankings: nil)
        let caps = try RegionalCaps([RegionalCap(regions: ["HN"], cap: 1)])
        // Targets: 1 place for 2 slots, by largest remainder (tie) to H1, the earlier posting.
        #expect(caps.targetCapacities(of: postings) == [1, 0, nil])
        let matching = FlexibleDeferredAcceptance.match(problem, caps: caps)
        #expect(pairs(matching) == ["a": "H1", "b": "R1"])
        // b would rather be at H2, which has a free slot: excused, as HN is at its cap.
        #expect(StabilityCheck.violations(of: matching, in: problem, caps: caps) == [])
        #expect(StabilityCheck.violations(of: matching, in: problem).contains(.blockingPair(student: "b", posting: "H2", displaced: nil)))
        // Over the cap is caught.
        let over = try Matching(problem, postings: ["a": "H1", "b": "H2"])
        #expect(StabilityCheck.violations(of: over, in: problem, caps: caps).contains(.capExceeded(regions: "HN", cap: 1, assigned: 2)))
    }
}

@Suite("Strategy-proofness by brute force")
struct StrategyProofnessTests {
    /// Every ordered list of distinct postings, of length 0 to `postings.count`.
    static func allLists(_ postings: [String]) -> [[String]] {
        var lists: [[String]] = [[]]
        func extend(_ prefix: [String]) {
            for posting in postings where !prefix.contains(posting) {
                let list = prefix + [posting]
                lists.append(list)
                extend(list)
            }
        }
        extend([])
        return lists
    }

    /// No student gets a posting they truly prefer by reporting any other list (tiny instances:
    /// 2–5 students, 3 postings in two provinces, one capped).
    @Test(arguments: Array(UInt64(300)..<UInt64(340)))
    func noStudentGainsByMisreporting(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let instance = regionalInstance(
            seed: seed &* 104_729, studentCount: Int.random(in: 2...5, using: &random), postingCount: 3, maxList: 3,
            withRankings: seed % 2 == 0, twoSkills: false)
        let caps = try RegionalCaps([RegionalCap(regions: ["HN", "BN"], cap: Int.random(in: 0...2, using: &random))])
        let truthful = try MatchingProblem(postings: instance.postings, students: instance.students, rankings: instance.rankings)
        let outcome = FlexibleDeferredAcceptance.match(truthful, caps: caps)
        let lists = Self.allLists(instance.postings.map(\.id.rawValue))
        for (index, liar) in instance.students.enumerated() {
            let truth = truthful.usablePreferences(of: liar.id)
            let honest = outcome.posting(of: liar.id).flatMap { truth.firstIndex(of: $0) } ?? truth.count
            for list in lists {
                var students = instance.students
                students[index].preferences = list.map { InternshipPosting.ID($0) }
                let problem = try MatchingProblem(postings: instance.postings, students: students, rankings: instance.rankings)
                let got = FlexibleDeferredAcceptance.match(problem, caps: caps).posting(of: liar.id)
                let value = got.flatMap { truth.firstIndex(of: $0) } ?? truth.count
                #expect(value >= honest, "student \(liar.id) gains by reporting \(list)")
            }
        }
    }
}

/// Flexible deferred acceptance written the slow way, from Kamada and Kojima's description: one
/// proposal at a time, and after each, the proposal's province chooses afresh from everything its
/// postings hold (targets first, then round-robin in posting order up to the cap).
func referenceFlexibleDeferredAcceptance(_ problem: MatchingProblem, caps: RegionalCaps) -> [Student.ID: InternshipPosting.ID] {
    let postings = problem.postings
    let targets = caps.targetCapacities(of: postings)
    let order = Dictionary(uniqueKeysWithValues: postings.enumerated().map { ($1.id, $0) })
    var held: [InternshipPosting.ID: [Student.ID]] = [:]
    var next: [Student.ID: Int] = [:]
    var free = problem.students.map(\.id)
    func rank(_ student: Student.ID, _ posting: InternshipPosting.ID) -> Int { problem.postingRank(of: student, at: posting) ?? Int.max }
    while let student = free.popLast() {
        let list = problem.usablePreferences(of: student)
        let index = next[student, default: 0]
        guard index < list.count else { continue }
        next[student] = index + 1
        let posting = list[index]
        held[posting, default: []].append(student)
        guard let record = problem.posting(posting) else { continue }
        // Every posting keeps its best up to its slots; a capped province then chooses.
        var members = [posting]
        if let cap = caps.cap(of: record.region) { members = postings.filter { cap.regions.contains($0.region) }.map(\.id) }
        var kept: [InternshipPosting.ID: [Student.ID]] = [:]
        for member in members {
            let sorted = (held[member] ?? []).sorted { rank($0, member) < rank($1, member) }
            kept[member] = Array(sorted.prefix(problem.posting(member)?.slots ?? 0))
        }
        if let cap = caps.cap(of: record.region) {
            var chosen: [InternshipPosting.ID: Int] = [:]
            var left = cap.cap
            for member in members {
                let base = min(kept[member]?.count ?? 0, targets[order[member] ?? 0] ?? 0)
                chosen[member] = base
                left -= base
            }
            var progress = true
            while left > 0 && progress {
                progress = false
                for member in members where left > 0 && (chosen[member] ?? 0) < (kept[member]?.count ?? 0) {
                    chosen[member, default: 0] += 1
                    left -= 1
                    progress = true
                }
            }
            for member in members { kept[member] = Array((kept[member] ?? []).prefix(chosen[member] ?? 0)) }
        }
        for member in members {
            let keep = Set(kept[member] ?? [])
            free += (held[member] ?? []).filter { !keep.contains($0) }
            held[member] = (held[member] ?? []).filter(keep.contains)
        }
    }
    var result: [Student.ID: InternshipPosting.ID] = [:]
    for (posting, students) in held { for student in students { result[student] = posting } }
    return result
}

@Suite("Flexible deferred acceptance against a slow reference")
struct FlexibleDeferredAcceptanceReferenceTests {
    @Test(arguments: Array(UInt64(800)..<UInt64(860)))
    func theIncrementalAlgorithmAgreesWithTheProvincesChoosingAfresh(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let (_, problem, free) = try solvedInstance(
            seed: seed, students: Int.random(in: 5...60, using: &random), postings: Int.random(in: 3...12, using: &random),
            maxList: 5, withRankings: seed % 2 == 0, regional: true)
        let caps = try capsAt(percent: Int.random(in: 0...100, using: &random), of: placedByRegion(free, in: problem))
        #expect(dictionary(FlexibleDeferredAcceptance.match(problem, caps: caps)) == referenceFlexibleDeferredAcceptance(problem, caps: caps))
    }
}
