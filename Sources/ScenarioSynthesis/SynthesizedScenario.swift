import Foundation
import Workforce

/// A generated scenario directory as file contents: relative path → text, in a fixed order.
public struct SynthesizedScenario: Sendable {
    /// The files of the directory, paths relative to it (`Curricula/MAT-BSC.yaml` inside a folder).
    public var files: [(path: String, contents: String)]
    /// The tables the CSV files were written from.
    public var tables: SynthesizedTables

    /// A scenario from its files and the tables behind them.
    public init(files: [(path: String, contents: String)], tables: SynthesizedTables) {
        self.files = files
        self.tables = tables
    }

    /// The contents of the file at `path`, if generated.
    public func contents(of path: String) -> String? {
        files.first { $0.path == path }?.contents
    }

    /// Writes every file under `directory`, creating folders as needed; each file is written
    /// atomically (a temporary file renamed into place).
    /// - Throws: ``SynthesisWriteError`` naming the file that could not be written.
    public func write(to directory: URL) throws(SynthesisWriteError) {
        try Self.write(files, to: directory)
    }

    /// Writes `files` under `directory` (the edge shared with the bundled profile).
    public static func write(_ files: [(path: String, contents: String)], to directory: URL) throws(SynthesisWriteError) {
        let manager = FileManager.default
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw SynthesisWriteError(path: url.path, reason: String(describing: error))
            }
        }
    }
}

/// A generated file could not be written.
public struct SynthesisWriteError: Error, CustomStringConvertible, Sendable {
    /// The file that failed.
    public var path: String
    /// What the file system said.
    public var reason: String

    /// The failing path, the reason and what to check.
    public var description: String {
        "cannot write \(path): \(reason); check that the output directory is writable"
    }
}
