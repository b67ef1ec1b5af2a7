import Matching
import Workforce

/// A posting in skill AUTO (unless told), minimum year 1, 10 000 000 VND a month for 3 months.
func posting(
    _ id: String, slots: Int = 1, skill: Skill.ID = "AUTO", minimumYear: Int = 1,
    enterprise: Enterprise.ID = "E1", stipendPerMonth: VND = 10_000_000, months: Int = 3
) -> InternshipPosting {
    InternshipPosting(
        id: InternshipPosting.ID(id), enterprise: enterprise, skill: skill, region: "HN", slots: slots,
        months: months, stipendPerMonth: stipendPerMonth, minimumYear: minimumYear)
}

/// A year-3 AUTO student (unless told) with score 7.
func student(
    _ id: String, _ preferences: [String], score: Double = 7, skill: Skill.ID = "AUTO", year: Int = 3
) -> Student {
    Student(
        id: Student.ID(id), institution: "HUST", skill: skill, year: year, score: score, homeRegion: "HN",
        preferences: preferences.map { InternshipPosting.ID($0) })
}

/// Rankings rows from `posting: [students best first]`.
func rankings(_ lists: [String: [String]]) -> [PostingRank] {
    lists.keys.sorted().flatMap { posting in
        (lists[posting] ?? []).enumerated().map { offset, student in
            PostingRank(posting: InternshipPosting.ID(posting), student: Student.ID(student), rank: offset + 1)
        }
    }
}

/// `student → posting` of the matched students, by raw ids.
func pairs(_ matching: Matching) -> [String: String] {
    var result: [String: String] = [:]
    for assignment in matching.assignments {
        if let posting = assignment.posting { result[assignment.student.rawValue] = posting.rawValue }
    }
    return result
}

/// A random instance: `postingCount` postings with 1–3 slots, `studentCount` students with
/// incomplete lists (0–`maxList` postings), scores from a small set so ties are common, a second
/// skill and year limits so some preferences are ineligible; with rankings, each posting ranks a
/// random subset of students.
func randomInstance(
    seed: UInt64, studentCount: Int, postingCount: Int, maxList: Int, withRankings: Bool, twoSkills: Bool = true
) -> (postings: [InternshipPosting], students: [Student], rankings: [PostingRank]?) {
    var random = SplitMix64(seed: seed)
    let skills: [Skill.ID] = twoSkills ? ["AUTO", "MOULD"] : ["AUTO"]
    let postings = (0..<postingCount).map { p in
        posting("P\(p)", slots: Int.random(in: 1...3, using: &random),
                skill: skills.randomElement(using: &random) ?? "AUTO",
                minimumYear: Int.random(in: 1...3, using: &random))
    }
    let students = (0..<studentCount).map { s in
        let length = Int.random(in: 0...min(maxList, postingCount), using: &random)
        let list = Array(postings.shuffled(using: &random).prefix(length)).map(\.id.rawValue)
        return student("S\(s)", list, score: Double(Int.random(in: 1...3, using: &random)),
                       skill: skills.randomElement(using: &random) ?? "AUTO",
                       year: Int.random(in: 1...4, using: &random))
    }
    guard withRankings else { return (postings, students, nil) }
    var rows: [PostingRank] = []
    for posting in postings {
        let ranked = students.shuffled(using: &random).filter { _ in Int.random(in: 0..<4, using: &random) != 0 }
        for (offset, student) in ranked.enumerated() {
            rows.append(PostingRank(posting: posting.id, student: student.id, rank: 2 * offset + 1))
        }
    }
    return (postings, students, rows)
}

/// Stability by the definition, using only the problem's public look-ups (independent of
/// `StabilityCheck`): every assignment usable, no posting over capacity, no blocking pair.
func isStableByDefinition(_ assignment: [Student.ID: InternshipPosting.ID], in problem: MatchingProblem) -> Bool {
    var held: [InternshipPosting.ID: [Student.ID]] = [:]
    for (student, posting) in assignment {
        guard problem.postingRank(of: student, at: posting) != nil else { return false }
        held[posting, default: []].append(student)
    }
    for posting in problem.postings where (held[posting.id]?.count ?? 0) > posting.slots { return false }
    for student in problem.students {
        let list = problem.usablePreferences(of: student.id)
        let current = assignment[student.id].flatMap { list.firstIndex(of: $0) } ?? list.count
        for posting in list.prefix(current) {
            guard let slots = problem.posting(posting)?.slots, slots > 0 else { continue }
            let others = held[posting] ?? []
            if others.count < slots { return false }
            let mine = problem.postingRank(of: student.id, at: posting) ?? Int.max
            if others.contains(where: { (problem.postingRank(of: $0, at: posting) ?? Int.max) > mine }) { return false }
        }
    }
    return true
}

/// The plan's `interns` for one group in 2026 (AUTO, HN, domestic SME, 30 M VND a stipend unless told).
func quota(_ interns: Int, skill: Skill.ID = "AUTO", region: Region.ID = "HN", domesticSME: Bool = true, stipend: VND = 30_000_000,
           year: Int = 2026, support: VND = 0) -> InternQuota {
    InternQuota(year: year, group: InternGroup(skill: skill, region: region, domesticSME: domesticSME, stipend: stipend),
                interns: interns, planSupport: support)
}
