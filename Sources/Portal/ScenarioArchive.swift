import Foundation
import ZIPFoundation

/// A scenario folder uploaded as a zip, unpacked with every entry checked: only files and
/// folders, no absolute path, no `..`, no link, a bounded number of entries, and bounded bytes
/// counted as they inflate (a header can lie about its size, as in a zip bomb).
enum ScenarioArchive {
    struct Limits: Sendable {
        var entries = 2_000
        var totalBytes = 256 << 20
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Unpacks `data` into `folder` (which must not exist) and returns the scenario folder in it:
    /// the folder itself, or its one subfolder, whichever holds `scenario.yaml`.
    static func unpack(_ data: Data, into folder: URL, limits: Limits = Limits()) throws -> URL {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Problem(description: "the file is not a zip archive; zip the scenario folder and upload the .zip")
        }
        var entries: [Entry] = []
        for entry in archive {
            entries.append(entry)
            guard entries.count <= limits.entries else {
                throw Problem(description: "the archive has more than \(limits.entries) entries (a scenario has a dozen files and its curricula)")
            }
        }
        var remaining = limits.totalBytes
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        for entry in entries {
            let components = try safeComponents(entry.path)
            if components.first == "__MACOSX" || components.last == ".DS_Store" { continue }
            switch entry.type {
            case .symlink:
                throw Problem(description: "'\(entry.path)' is a link; the archive may hold only files and folders")
            case .directory:
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(components.joined(separator: "/")),
                                                        withIntermediateDirectories: true)
            case .file:
                guard entry.uncompressedSize <= UInt64(max(0, remaining)) else { throw tooLarge(limits) }
                let target = folder.appendingPathComponent(components.joined(separator: "/"))
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let handle = FileHandle(forWritingAtPath: target.path) else {
                    throw Problem(description: "'\(entry.path)' appears twice in the archive")
                }
                defer { try? handle.close() }
                do {
                    _ = try archive.extract(entry, skipCRC32: false) { chunk in
                        remaining -= chunk.count
                        guard remaining >= 0 else { throw tooLarge(limits) }
                        try handle.write(contentsOf: chunk)
                    }
                } catch let problem as Problem {
                    throw problem
                } catch {
                    throw Problem(description: "'\(entry.path)' cannot be unpacked: \(error)")
                }
            }
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("scenario.yaml").path) { return folder }
        let children = try manager.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && $0 != "__MACOSX" }
        if children.count == 1, manager.fileExists(atPath: folder.appendingPathComponent(children[0]).appendingPathComponent("scenario.yaml").path) {
            return folder.appendingPathComponent(children[0])
        }
        throw Problem(description: "the archive has no scenario.yaml at its top or in its one folder")
    }

    /// The path's components, refusing absolute paths, `..`, backslashes and empty names.
    static func safeComponents(_ path: String) throws -> [String] {
        guard !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else {
            throw Problem(description: "'\(path)' is not a path inside the archive")
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty, !components.contains(".."), !components.contains(".") else {
            throw Problem(description: "'\(path)' points outside the archive")
        }
        return components
    }

    static func tooLarge(_ limits: Limits) -> Problem {
        Problem(description: "the archive unpacks to more than \(limits.totalBytes >> 20) MiB (the limit); it is damaged or a zip bomb")
    }
}
