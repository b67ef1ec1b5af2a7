import Foundation
import Testing

/// Runs the built `skillplan` executable, as a user or a script would.
struct CommandLineRunner {
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// The package root, from this file's place in `Tests/SkillPlanCLITests/`.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let bundledScenario = packageRoot.appendingPathComponent("Scenarios/vietnam-2026-2035")

    /// The `skillplan` binary next to the test bundle (SwiftPM builds it because this test target
    /// depends on it).
    static func executable() throws -> URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("skillplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/skillplan")
        try #require(FileManager.default.isExecutableFile(atPath: fallback.path), "skillplan is not built")
        return fallback
    }

    /// Runs `skillplan arguments…` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A new empty working directory.
    static func workingDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skillplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the bundled scenario (with the repository's curricula) to break or change.
    static func copyOfBundledScenario(into directory: URL) throws -> URL {
        let copy = directory.appendingPathComponent("scenario")
        try FileManager.default.copyItem(at: bundledScenario, to: copy)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Curricula"),
                                         to: copy.appendingPathComponent("Curricula"))
        return copy
    }

    /// Sets one field of a CSV file: `field` (0-based) of line `line` (0-based; 0 is the header).
    static func setField(_ field: Int, ofLine line: Int, to value: String, in file: URL) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[line].components(separatedBy: ",")
        fields[field] = value
        lines[line] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) must contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }
}
