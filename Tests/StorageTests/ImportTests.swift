import Foundation
@testable import Storage
import Testing
import Workforce

@Suite struct ImportTests {
    let importedAt = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func importStoresEveryRowAndReadsBackTheSameScenario() throws {
        let store = try SkillPlanStore.inMemory()
        let scenario = StoreFixture.scenario()
        let outcome = try store.importDataset(
            scenario, contentHash: StoreFixture.hash, sourcePath: "Scenarios/tiny", files: StoreFixture.files,
            importedAt: importedAt
        )
        guard case .imported(let record) = outcome else {
            Issue.record("expected .imported, got \(outcome)")
            return
        }
        #expect(record.name == "tiny")
        #expect(record.title == "Tiny test scenario")
        #expect(record.contentHash == StoreFixture.hash)
        #expect(record.sourcePath == "Scenarios/tiny")
        #expect(record.importedAt == importedAt)
        #expect(record.counts == DatasetCounts(
            skills: 2, regions: 2, sectors: 1, curricula: 2, institutions: 2, programs: 3, enterprises: 2,
            postings: 2, students: 3, rankings: 2
        ))
        #expect(try store.rowCounts() == StoreFixture.rowsPerTable)
        #expect(try store.datasets() == [record])
        #expect(try store.dataset(withHash: StoreFixture.hash) == record)
        #expect(try store.dataset(id: record.id) == record)
        #expect(try store.dataset(withHash: StoreFixture.otherHash) == nil)
        #expect(try store.sourceFiles(of: record.id) == StoreFixture.files.sorted { $0.path < $1.path })

        let back = try store.loadScenario(datasetID: record.id)
        StoreFixture.expectSameEntities(back, scenario)
        #expect(back.variantName == "baseline")
    }

    @Test func aLargeGeneratedScenarioRoundTrips() throws {
        let store = try SkillPlanStore.inMemory()
        let scenario = StoreFixture.large(students: 5_000, postings: 1_000, enterprises: 300, seed: 7)
        let record = try store.importDataset(scenario, contentHash: StoreFixture.hash, sourcePath: "big", files: []).dataset
        #expect(record.counts.students == 5_000)
        #expect(try store.rowCounts()["student"] == 5_000)
        #expect(scenario.students.allSatisfy { $0.preferences.count == 5 })
        let back = try store.loadScenario(datasetID: record.id)
        #expect(back.students == scenario.students)
        #expect(back.postings == scenario.postings)
        #expect(back.enterprises == scenario.enterprises)
    }

    @Test func importingTheSameContentAgainAddsNothing() throws {
        let store = try SkillPlanStore.inMemory()
        let first = try store.importDataset(
            StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "a", files: StoreFixture.files,
            importedAt: importedAt
        )
        let countsAfterFirst = try store.rowCounts()
        // Same content from another folder, later, with a different title: the hash decides.
        var renamed = StoreFixture.scenario()
        renamed.settings.title = "Renamed"
        let second = try store.importDataset(
            renamed, contentHash: StoreFixture.hash, sourcePath: "b", files: [], importedAt: importedAt.addingTimeInterval(60)
        )
        #expect(first.isNew)
        #expect(!second.isNew)
        #expect(second == .alreadyPresent(first.dataset))
        #expect(second.dataset.sourcePath == "a")
        #expect(try store.rowCounts() == countsAfterFirst)
        #expect(try store.datasets().count == 1)
    }

    @Test func differentContentWithTheSameCodesIsASecondDataset() throws {
        let store = try SkillPlanStore.inMemory()
        let first = try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "a", files: [])
        let second = try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.otherHash, sourcePath: "b", files: [])
        #expect(first.isNew && second.isNew)
        #expect(first.dataset.id != second.dataset.id)
        #expect(try store.rowCounts()["student"] == 6)
        #expect(try store.loadScenario(datasetID: second.dataset.id).students == StoreFixture.scenario().students)
    }

    /// Scenarios that break a rule of the schema, each at a different point of the import.
    enum Breakage: String, CaseIterable {
        case duplicateProgramCode, duplicateLastStudent, postingOfUnknownEnterprise, preferenceForUnknownPosting,
             rateAboveOne, capacityBelowIntake, duplicateSourceFile, malformedHash, rankingOfUnknownStudent

        /// What SQLite's message names.
        var reported: String {
            switch self {
            case .duplicateProgramCode: "UNIQUE constraint failed: program.dataset_id, program.code"
            case .duplicateLastStudent: "UNIQUE constraint failed: student.dataset_id, student.code"
            case .duplicateSourceFile: "UNIQUE constraint failed: source_file.dataset_id, source_file.path"
            case .postingOfUnknownEnterprise, .rankingOfUnknownStudent: "FOREIGN KEY constraint failed"
            case .preferenceForUnknownPosting: "student preferences name a posting that is not in the dataset"
            case .rateAboveOne, .capacityBelowIntake, .malformedHash: "CHECK constraint failed"
            }
        }

        func apply(to scenario: inout Scenario, hash: inout String, files: inout [SourceFileDigest]) {
            switch self {
            case .duplicateProgramCode:
                scenario.programs.append(scenario.programs[0])
            case .duplicateLastStudent:
                scenario.students.append(scenario.students[0])
            case .postingOfUnknownEnterprise:
                scenario.postings[1].enterprise = "NOBODY"
            case .preferenceForUnknownPosting:
                scenario.students[2].preferences.append("POST-404")
            case .rateAboveOne:
                scenario.curricula[1].completionRate = 1.5
            case .capacityBelowIntake:
                scenario.programs[0].capacity = 10
            case .duplicateSourceFile:
                files.append(files[0])
            case .malformedHash:
                hash = "not-a-hash"
            case .rankingOfUnknownStudent:
                scenario.rankings.append(PostingRank(posting: "POST-1", student: "STU-404", rank: 2))
            }
        }
    }

    @Test(arguments: Breakage.allCases)
    func aFailedImportLeavesTheDatabaseAsItWas(_ breakage: Breakage) throws {
        let folder = try TemporaryFolder()
        let store = try SkillPlanStore(path: folder.path("skillplan.sqlite"))
        let existing = try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.otherHash, sourcePath: "a", files: [])
        let run = try store.beginRun(kind: .import, parameters: ["dir": "b"])
        let countsBefore = try store.rowCounts()
        let datasetsBefore = try store.datasets()

        var scenario = StoreFixture.scenario()
        var hash = StoreFixture.hash
        var files = StoreFixture.files
        breakage.apply(to: &scenario, hash: &hash, files: &files)
        let error = try #require(throws: StorageError.self) {
            try store.importDataset(scenario, contentHash: hash, sourcePath: "b", files: files)
        }
        #expect(error.code == .constraintViolation)
        #expect(error.description.contains("nothing was stored"))
        #expect(error.description.contains("skillplan validate"))
        #expect(error.description.contains(breakage.reported))
        #expect(try store.rowCounts() == countsBefore)
        #expect(try store.datasets() == datasetsBefore)

        // The store is still usable, and the failure can be recorded.
        try store.finishRun(run, status: .failed, summary: error.description)
        #expect(try store.run(id: run)?.status == .failed)
        #expect(try store.dataset(withHash: StoreFixture.otherHash) == existing.dataset)
        #expect(try store.importDataset(StoreFixture.scenario(), contentHash: StoreFixture.hash, sourcePath: "c", files: []).isNew)
    }

    @Test func loadingAMissingDatasetSaysSo() throws {
        let store = try SkillPlanStore.inMemory()
        let error = try #require(throws: StorageError.self) {
            try store.loadScenario(datasetID: DatasetID(rawValue: 42))
        }
        #expect(error.code == .datasetNotFound)
        #expect(error.description.contains("skillplan import"))
    }
}
