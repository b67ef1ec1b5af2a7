import Foundation
@testable import Storage
import Testing

@Suite struct MigrationTests {
    static let migrations = [
        "v1: datasets, entities, runs", "v2: interrupted runs, run process id",
        "v3: forecast model (mobility, separations, completers)", "v4: match rounds", "v5: portal",
    ]

    @Test func migrationsCreateTheSchemaOnAnEmptyFileAndReopeningChangesNothing() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("skillplan.sqlite")
        let datasetID: DatasetID
        do {
            let store = try SkillPlanStore(path: path)
            #expect(try store.appliedMigrations() == Self.migrations)
            #expect(try store.rowCounts() == StoreFixture.rowsPerTable.mapValues { _ in 0 })
            datasetID = try store.importDataset(
                StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "a", files: StoreFixture.files
            ).dataset.id
        }
        #expect(FileManager.default.fileExists(atPath: path))
        for _ in 0..<2 {
            let reopened = try SkillPlanStore(path: path)
            #expect(try reopened.appliedMigrations() == Self.migrations)
            #expect(try reopened.rowCounts() == StoreFixture.rowsPerTable)
            #expect(try reopened.datasets().map(\.id) == [datasetID])
        }
    }

    @Test func aDatabaseFromANewerSkillPlanIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("skillplan.sqlite")
        do {
            let store = try SkillPlanStore(path: path)
            try store.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
        }
        let error = try #require(throws: StorageError.self) { try SkillPlanStore(path: path) }
        #expect(error.code == .newerSchema)
        #expect(error.description.contains("newer SkillPlan"))
        #expect(error.description.contains("v9: from the future"))
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.sqlite")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StorageError.self) { try SkillPlanStore(path: path) }
        #expect(error.code == .notASkillPlanDatabase)
        #expect(error.description.contains(path))
    }

    @Test func anotherProgramsSQLiteFileIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.sqlite")
        do {
            // Make a foreign database: our schema, then drop the migration table and add a table.
            let store = try SkillPlanStore(path: path)
            try store.execute(sql: "DROP TABLE grdb_migrations; CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        }
        let error = try #require(throws: StorageError.self) { try SkillPlanStore(path: path) }
        #expect(error.code == .notASkillPlanDatabase)
        #expect(error.description.contains("invoices") || error.description.contains("dataset"))
    }

    @Test func aMissingFolderCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("no/such/folder/skillplan.sqlite")
        let error = try #require(throws: StorageError.self) { try SkillPlanStore(path: path) }
        #expect(error.code == .cannotOpen)
        #expect(error.description.contains(path))
        #expect(error.description.contains("--db"))
    }
}
