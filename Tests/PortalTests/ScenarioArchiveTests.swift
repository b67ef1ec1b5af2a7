import Foundation
import HummingbirdTesting
@testable import Portal
import Testing
import ZIPFoundation

/// The zip upload of a scenario folder: entries checked, bytes bounded as they inflate.
@Suite struct ScenarioArchiveTests {
    /// A zip in memory with the given entries (path → bytes).
    static func zip(_ files: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skillplan-zip-\(UUID().uuidString)")
    }

    @Test(arguments: ["../evil.yaml", "/etc/evil.yaml", "a/../../evil.yaml", "a\\..\\evil.yaml"])
    func aPathOutsideTheArchiveIsRefused(path: String) throws {
        let data = try Self.zip([("scenario.yaml", Data("x".utf8)), (path, Data("x".utf8))])
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ScenarioArchive.Problem.self) { try ScenarioArchive.unpack(data, into: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("evil.yaml").path))
    }

    @Test func aZipBombStopsAtTheLimitCountedWhileInflating() throws {
        // 8 MiB of zeros compress to a few KiB; the limit is 1 MiB.
        let data = try Self.zip([("scenario.yaml", Data(count: 8 << 20))])
        #expect(data.count < 100_000)
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = try #require(throws: ScenarioArchive.Problem.self) {
            try ScenarioArchive.unpack(data, into: folder, limits: .init(entries: 10, totalBytes: 1 << 20))
        }
        #expect(problem.description.contains("zip bomb"))
    }

    @Test func theScenarioFolderIsFoundAtTheTopOrInItsOneFolder() throws {
        let scenario = PortalFixture.scenario
        let names = try FileManager.default.contentsOfDirectory(atPath: scenario.path).sorted()
        let files = try names.map { ("vietnam/\($0)", try Data(contentsOf: scenario.appendingPathComponent($0))) }
        let folder = Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = try ScenarioArchive.unpack(try Self.zip(files), into: folder)
        #expect(found.lastPathComponent == "vietnam")
        #expect(try FileManager.default.contentsOfDirectory(atPath: found.path).sorted() == names)
    }

    @Test func theFundOpensARoundOnAnUploadAndABadOneOpensNothing() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let scenario = PortalFixture.scenario
        var files = try FileManager.default.contentsOfDirectory(atPath: scenario.path).sorted().map {
            ($0, try Data(contentsOf: scenario.appendingPathComponent($0)))
        }
        let good = try Self.zip(files)
        files = files.map { $0.0 == "postings.csv" ? ($0.0, Data("posting,enterprise\nP,NOBODY\n".utf8)) : $0 }
        let bad = try Self.zip(files)
        let before = try fixture.store.rounds().count
        try await fixture.withClient { client in
            let rejected = try await upload(fixture, client, bad)
            #expect(rejected.status == .unprocessableContent && rejected.text.contains("postings.csv"))
            #expect(try fixture.store.rounds().count == before)
            let opened = try await upload(fixture, client, good)
            #expect(opened.status == .seeOther, "\(opened.text.prefix(400))")
        }
        #expect(try fixture.store.rounds().count == before + 1)
        #expect(try fixture.store.rounds().first?.scenarioDirectory.hasPrefix(fixture.folder.path) == true)
    }

    func upload(_ fixture: PortalFixture, _ client: any TestClientProtocol, _ bytes: Data) async throws -> TestResponse {
        try await fixture.upload(client, "/rounds/upload", as: .fund, fields: ["name": "Uploaded"], fileName: "scenario.zip", bytes: bytes)
    }
}
