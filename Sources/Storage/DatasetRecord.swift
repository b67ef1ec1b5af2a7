import Foundation

/// The id of a stored dataset (the `dataset.id` column).
public struct DatasetID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The row id.
    public let rawValue: Int64
    /// Wraps a row id.
    public init(rawValue: Int64) { self.rawValue = rawValue }
    /// The id as digits.
    public var description: String { String(rawValue) }
    /// Older ids first.
    public static func < (lhs: DatasetID, rhs: DatasetID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How many entities of each kind a stored dataset holds.
public struct DatasetCounts: Hashable, Sendable, Codable {
    /// Skills in `scenario.yaml`.
    public var skills: Int
    /// Regions in `scenario.yaml`.
    public var regions: Int
    /// Sectors in `scenario.yaml`.
    public var sectors: Int
    /// Curricula used.
    public var curricula: Int
    /// Rows of `institutions.csv`.
    public var institutions: Int
    /// Rows of `programs.csv`.
    public var programs: Int
    /// Rows of `enterprises.csv`.
    public var enterprises: Int
    /// Rows of `postings.csv`.
    public var postings: Int
    /// Rows of `students.csv`.
    public var students: Int
    /// Rows of `rankings.csv`.
    public var rankings: Int

    /// Makes counts from the numbers given.
    public init(
        skills: Int, regions: Int, sectors: Int, curricula: Int, institutions: Int, programs: Int,
        enterprises: Int, postings: Int, students: Int, rankings: Int
    ) {
        self.skills = skills
        self.regions = regions
        self.sectors = sectors
        self.curricula = curricula
        self.institutions = institutions
        self.programs = programs
        self.enterprises = enterprises
        self.postings = postings
        self.students = students
        self.rankings = rankings
    }
}

/// One stored dataset: a validated scenario as imported (a row of `dataset`).
public struct DatasetRecord: Identifiable, Hashable, Sendable {
    /// The dataset's id in this database.
    public var id: DatasetID
    /// The scenario's name (`name:` in `scenario.yaml`).
    public var name: String
    /// The scenario's title.
    public var title: String
    /// SHA-256 over the source files (see `LoadedScenario.contentHash`), lowercase hex.
    public var contentHash: String
    /// The scenario directory it was imported from, as given.
    public var sourcePath: String
    /// When it was imported.
    public var importedAt: Date
    /// How many of each entity it holds.
    public var counts: DatasetCounts

    /// Makes a record from its fields.
    public init(
        id: DatasetID, name: String, title: String, contentHash: String, sourcePath: String,
        importedAt: Date, counts: DatasetCounts
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.contentHash = contentHash
        self.sourcePath = sourcePath
        self.importedAt = importedAt
        self.counts = counts
    }
}

/// What ``SkillPlanStore/importDataset(_:contentHash:sourcePath:files:importedAt:)`` did.
public enum ImportOutcome: Hashable, Sendable, CustomStringConvertible {
    /// The dataset was new and is now stored.
    case imported(DatasetRecord)
    /// A dataset with the same content hash was already stored; nothing was written.
    case alreadyPresent(DatasetRecord)

    /// The stored dataset, new or existing.
    public var dataset: DatasetRecord {
        switch self {
        case .imported(let record), .alreadyPresent(let record): record
        }
    }

    /// Whether this import stored new rows.
    public var isNew: Bool {
        if case .imported = self { return true }
        return false
    }

    /// One line for the user: `imported dataset 3 (tiny): 4 skills, …` or `this content is already
    /// stored as dataset 3 (…); nothing was added`.
    public var description: String {
        switch self {
        case .imported(let record):
            let counts = record.counts
            return """
                imported dataset \(record.id) (\(record.name)): \(counts.skills) skills, \(counts.regions) regions, \
                \(counts.programs) programmes, \(counts.enterprises) enterprises, \(counts.postings) postings, \
                \(counts.students) students
                """
        case .alreadyPresent(let record):
            return """
                this content is already stored as dataset \(record.id) (\(record.name), imported from \
                \(record.sourcePath)); nothing was added
                """
        }
    }
}
