import Foundation
import PlanRuns
import Testing

@Suite("Run folders: staged, labelled, renamed into place")
struct RunFolderTests {
    static func exports() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runfolder-\(UUID().uuidString)/Exports")
        return url
    }

    static func visible(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aCommittedRunIsOneFolderWithLabelledWorkbooksAndNoScratch() throws {
        let exports = try Self.exports()
        defer { try? FileManager.default.removeItem(at: exports.deletingLastPathComponent()) }
        let folder = try RunFolder.stage(in: exports, scenario: "vietnam 2026", variant: "decree", run: 7)
        #expect(folder.name == "vietnam-2026-decree-run-7")
        #expect(!FileManager.default.fileExists(atPath: folder.final.path), "nothing under the final name before commit")
        let names = ["fund-plan-vietnam-2026-decree.xlsx", "intake-INST-A.xlsx", "matches.csv"]
        for name in names { try Data("x".utf8).write(to: folder.staging.appendingPathComponent(name)) }
        let files = try folder.commit(labelling: names.map { folder.staging.appendingPathComponent($0) },
                                      variant: "decree", policy: "960bn-3fa2c1")
        #expect(files.map(\.lastPathComponent) == [
            "fund-plan-vietnam-2026-decree-960bn-3fa2c1.xlsx", "intake-INST-A-decree-960bn-3fa2c1.xlsx", "matches.csv",
        ])
        #expect(try Self.visible(exports) == ["vietnam-2026-decree-run-7"], "only the final folder, no staging left")
        for file in files { #expect(FileManager.default.fileExists(atPath: file.path)) }
        #expect(!FileManager.default.fileExists(atPath: folder.staging.path))
    }

    @Test func filesWrittenUnderTheirFinalNamesAreCommittedAsTheyAre() throws {
        let exports = try Self.exports()
        defer { try? FileManager.default.removeItem(at: exports.deletingLastPathComponent()) }
        let folder = try RunFolder.stage(in: exports, scenario: "s", variant: "baseline", run: 2)
        let names = [RunFolder.labelledName("intake-INST-A.xlsx", variant: "baseline", policy: "960bn-3fa2c1"), "matches.csv"]
        for name in names { try Data("x".utf8).write(to: folder.staging.appendingPathComponent(name)) }
        let files = try folder.commit(files: names.map { folder.staging.appendingPathComponent($0) })
        #expect(files == names.map { folder.final.appendingPathComponent($0) })
        #expect(try Self.visible(folder.final) == names.sorted())
        #expect(try Self.visible(exports) == ["s-baseline-run-2"])
    }

    @Test func aDiscardedRunLeavesNothing() throws {
        let exports = try Self.exports()
        defer { try? FileManager.default.removeItem(at: exports.deletingLastPathComponent()) }
        let folder = try RunFolder.stage(in: exports, scenario: "s", variant: "baseline", run: 1)
        try Data("half".utf8).write(to: folder.staging.appendingPathComponent("fund-plan-s-baseline.xlsx"))
        folder.discard()
        #expect(try Self.visible(exports).isEmpty)
    }

    @Test func aTakenNameIsRefusedBeforeAnythingIsWritten() throws {
        let exports = try Self.exports()
        defer { try? FileManager.default.removeItem(at: exports.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: exports.appendingPathComponent("s-baseline-run-3"), withIntermediateDirectories: true)
        #expect(throws: RunFolderError.self) {
            _ = try RunFolder.stage(in: exports, scenario: "s", variant: "baseline", run: 3)
        }
        #expect(try Self.visible(exports) == ["s-baseline-run-3"])
    }

    @Test(arguments: [
        ("fund-plan-s-baseline.xlsx", "baseline", "fund-plan-s-baseline-100bn-abcdef.xlsx"),
        ("intake-INST-HUST.xlsx", "baseline", "intake-INST-HUST-baseline-100bn-abcdef.xlsx"),
        ("interns-ENT-1.xlsx", "slow localisation", "interns-ENT-1-slow-localisation-100bn-abcdef.xlsx"),
    ])
    func labelledNamesCarryTheVariantOnceAndThePolicy(name: String, variant: String, expected: String) {
        #expect(RunFolder.labelledName(name, variant: variant, policy: "100bn-abcdef") == expected)
    }

    @Test func thePolicyLabelChangesWithTheBudgetAndTheFundFile() {
        let base = RunFolder.policyLabel(totalBudgetVND: 960e9, fundDigest: "3fa2c1d4e5")
        #expect(base == "960bn-3fa2c1")
        #expect(RunFolder.policyLabel(totalBudgetVND: 1_060e9, fundDigest: "3fa2c1d4e5") != base)
        #expect(RunFolder.policyLabel(totalBudgetVND: 960e9, fundDigest: "77aa00") != base)
    }
}
