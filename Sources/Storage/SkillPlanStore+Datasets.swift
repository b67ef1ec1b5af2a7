import Foundation
internal import GRDB
import Workforce

extension SkillPlanStore {
    /// Every stored dataset, oldest first.
    public func datasets() throws(StorageError) -> [DatasetRecord] {
        try read(action: "list the datasets") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dataset ORDER BY id").map(Self.datasetRecord)
        }
    }

    /// The dataset with this content hash, if one is stored.
    public func dataset(withHash contentHash: String) throws(StorageError) -> DatasetRecord? {
        try read(action: "look up a dataset") { db in
            try Self.fetchDataset(db, sql: "SELECT * FROM dataset WHERE content_hash = ?", arguments: [contentHash])
        }
    }

    /// The dataset with this id, if one is stored.
    public func dataset(id: DatasetID) throws(StorageError) -> DatasetRecord? {
        try read(action: "look up a dataset") { db in
            try Self.fetchDataset(db, sql: "SELECT * FROM dataset WHERE id = ?", arguments: [id.rawValue])
        }
    }

    /// The source files recorded for a dataset, by path.
    public func sourceFiles(of id: DatasetID) throws(StorageError) -> [SourceFileDigest] {
        try read(action: "read the source files of dataset \(id)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source_file WHERE dataset_id = ? ORDER BY path", arguments: [id.rawValue]).map { row in
                SourceFileDigest(path: try row.decode(forColumn: "path"), sha256: try row.decode(forColumn: "sha256"),
                                 byteCount: try row.decode(forColumn: "bytes"))
            }
        }
    }

    static func fetchDataset(_ db: Database, sql: String, arguments: StatementArguments) throws -> DatasetRecord? {
        try Row.fetchOne(db, sql: sql, arguments: arguments).map(datasetRecord)
    }

    static func datasetRecord(_ row: Row) throws -> DatasetRecord {
        DatasetRecord(
            id: DatasetID(rawValue: try row.decode(forColumn: "id")),
            name: try row.decode(forColumn: "name"),
            title: try row.decode(forColumn: "title"),
            contentHash: try row.decode(forColumn: "content_hash"),
            sourcePath: try row.decode(forColumn: "source_path"),
            importedAt: try row.decode(forColumn: "imported_at"),
            counts: DatasetCounts(
                skills: try row.decode(forColumn: "skill_count"),
                regions: try row.decode(forColumn: "region_count"),
                sectors: try row.decode(forColumn: "sector_count"),
                curricula: try row.decode(forColumn: "curriculum_count"),
                institutions: try row.decode(forColumn: "institution_count"),
                programs: try row.decode(forColumn: "program_count"),
                enterprises: try row.decode(forColumn: "enterprise_count"),
                postings: try row.decode(forColumn: "posting_count"),
                students: try row.decode(forColumn: "student_count"),
                rankings: try row.decode(forColumn: "ranking_count")
            )
        )
    }
}
