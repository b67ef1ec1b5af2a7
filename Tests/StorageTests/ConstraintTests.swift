import Foundation
@testable import Storage
import Testing

/// The schema itself refuses rows that break its rules, whoever writes them.
@Suite struct ConstraintTests {
    private func storeWithDataset() throws -> (SkillPlanStore, DatasetID) {
        let store = try SkillPlanStore.inMemory()
        let id = try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "a", files: []).dataset.id
        return (store, id)
    }

    @Test(arguments: [
        // A posting of an enterprise that does not exist.
        "INSERT INTO posting VALUES (#, 'POST-9', 'NOBODY', 'MAT', 'HN', 1, 3, 1000, 1)",
        // An update that points a posting at a skill that does not exist.
        "INSERT INTO posting VALUES (#, 'POST-9', 'ENT-1', 'MAT', 'HN', 1, 3, 1000, 1) ; UPDATE posting SET skill = 'XX' WHERE code = 'POST-9'",
        // A student of an unknown institution.
        "INSERT INTO student VALUES (#, 'STU-9', 'INST-Z', 'MAT', 1, 50, 'HN', '[]')",
        // A row of a dataset that does not exist.
        "INSERT INTO skill VALUES (999, 'MAT', 'Materials', 1, 0.1, NULL)",
        // A run result of a run that does not exist.
        "INSERT INTO run_result VALUES (999, 'x', 'text', '')",
    ])
    func foreignKeysAreEnforced(_ template: String) throws {
        let (store, id) = try storeWithDataset()
        let before = try store.rowCounts()
        let error = try #require(throws: StorageError.self) {
            try store.execute(sql: template.replacingOccurrences(of: "#", with: String(id.rawValue)))
        }
        #expect(error.description.contains("FOREIGN KEY"))
        #expect(try store.rowCounts() == before)
    }

    @Test(arguments: [
        "UPDATE enterprise SET size = 'huge'",
        "UPDATE posting SET months = 13",
        "UPDATE student SET year = 0",
        "UPDATE skill SET attrition_rate = -0.1",
        "UPDATE program SET capacity = baseline_intake - 1 WHERE baseline_intake > 0",
        "UPDATE variant SET overrides = 'not json'",
        "UPDATE student SET preferences = '{\"a\": 1}' WHERE code = 'STU-1'",
        "UPDATE student SET preferences = '[\"POST-1\", \"POST-404\"]' WHERE code = 'STU-1'",
        "INSERT INTO student VALUES (#, 'STU-9', 'INST-A', 'MAT', 1, 50, 'HN', '[\"NOWHERE\"]')",
        "INSERT INTO region VALUES (#, 'HN', 'Again', 'Somewhere')",
        "INSERT INTO run (kind, parameters, started_at, status, software_version) VALUES ('dance', '{}', '2026-01-01', 'running', 'x')",
        "INSERT INTO run (kind, parameters, started_at, status, software_version) VALUES ('plan', '{}', '2026-01-01', 'succeeded', 'x')",
    ])
    func checksAndUniquenessAreEnforced(_ template: String) throws {
        let (store, id) = try storeWithDataset()
        let before = try store.loadScenario(datasetID: id)
        let error = try #require(throws: StorageError.self) {
            try store.execute(sql: template.replacingOccurrences(of: "#", with: String(id.rawValue)))
        }
        #expect(error.code == .constraintViolation)
        let after = try store.loadScenario(datasetID: id)
        #expect(after.enterprises == before.enterprises && after.postings == before.postings && after.students == before.students)
        #expect(after.skills == before.skills && after.programs == before.programs && after.variants == before.variants)
    }

    @Test func aDatasetWithRunsCannotBeDeleted() throws {
        let (store, id) = try storeWithDataset()
        _ = try store.beginRun(kind: .forecast, datasetID: id, parameters: [String: String]())
        let error = try #require(throws: StorageError.self) {
            try store.execute(sql: "DELETE FROM dataset WHERE id = \(id.rawValue)")
        }
        #expect(error.description.contains("FOREIGN KEY"))
        #expect(try store.datasets().map(\.id) == [id])
    }

    @Test func deletingADatasetWithoutRunsRemovesAllItsRows() throws {
        let (store, id) = try storeWithDataset()
        try store.execute(sql: "DELETE FROM dataset WHERE id = \(id.rawValue)")
        #expect(try store.rowCounts().values.allSatisfy { $0 == 0 })
    }
}
