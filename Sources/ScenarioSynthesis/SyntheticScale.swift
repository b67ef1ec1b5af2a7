/// The size of a synthetic scenario directory.
public enum SyntheticScale: String, CaseIterable, Sendable {
    /// 5 regions, 10 institutions, 40 programmes, 60 enterprises, 200 postings, 500 students.
    case small
    /// 8 regions, 60 institutions, 400 programmes, 800 enterprises, 3,000 postings, 12,000 students.
    case province
    /// Vietnam's 34 provinces and cities, 400 institutions, 3,000 programmes, 6,000 enterprises,
    /// 20,000 postings (1–10 slots), 100,000 students with 10 preferences each.
    case national

    /// How many of each entity the scale generates.
    public var size: SyntheticSize {
        switch self {
        case .small:
            SyntheticSize(regions: 5, institutions: 10, programs: 40, enterprises: 60, postings: 200,
                          students: 500, maximumSlots: 5, preferences: 3...10)
        case .province:
            SyntheticSize(regions: 8, institutions: 60, programs: 400, enterprises: 800, postings: 3_000,
                          students: 12_000, maximumSlots: 5, preferences: 3...10)
        case .national:
            SyntheticSize(regions: 34, institutions: 400, programs: 3_000, enterprises: 6_000,
                          postings: 20_000, students: 100_000, maximumSlots: 10, preferences: 10...10)
        }
    }
}

/// Entity counts of a synthetic scenario.
public struct SyntheticSize: Hashable, Sendable {
    /// Regions (the most industrial provinces first).
    public var regions: Int
    /// Training institutions.
    public var institutions: Int
    /// Programmes (a curriculum at an institution), upskilling courses included.
    public var programs: Int
    /// Enterprises, 40 % of them FDI.
    public var enterprises: Int
    /// Internship postings.
    public var postings: Int
    /// Students applying for internships.
    public var students: Int
    /// Slots of a posting are drawn from `1…maximumSlots`.
    public var maximumSlots: Int
    /// How many postings a student ranks (fewer only when too few postings are open to them).
    public var preferences: ClosedRange<Int>

    /// Sizes for a custom profile.
    public init(
        regions: Int, institutions: Int, programs: Int, enterprises: Int, postings: Int, students: Int,
        maximumSlots: Int, preferences: ClosedRange<Int>
    ) {
        self.regions = regions
        self.institutions = institutions
        self.programs = programs
        self.enterprises = enterprises
        self.postings = postings
        self.students = students
        self.maximumSlots = maximumSlots
        self.preferences = preferences
    }

    /// The bundled scenario's tables: 40 institutions, 250 programmes, 300 enterprises,
    /// 2,000 postings (1–5 slots), 4,000 students (3–10 preferences); regions from its scenario.yaml.
    public static let bundled = SyntheticSize(
        regions: 12, institutions: 40, programs: 250, enterprises: 300, postings: 2_000, students: 4_000,
        maximumSlots: 5, preferences: 3...10)
}
