import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder one planning run writes into: `<exports>/<scenario>-<variant>-run-<N>/`.
///
/// The files are built in a private staging folder beside it (`.skillplan-partial-<pid>-…`, the
/// scratch name that ``removeStaleScratch`` and the workbook writer's own cleanup recognise), and
/// the whole folder is renamed into place by ``commit(files:)`` (or
/// ``commit(labelling:variant:policy:labelledExtensions:)``, which labels them first) once every
/// file is complete.
/// Nobody ever sees a half-written run under its final name; a run that fails calls
/// ``discard()`` and leaves nothing, and a run that is killed leaves only scratch that the next
/// run in the same exports folder removes.
///
/// ```swift
/// let folder = try RunFolder.stage(in: exports, scenario: "vietnam-2026-2035", variant: "baseline", run: 12)
/// // write every file into folder.staging …
/// let files = try folder.commit(labelling: written, variant: "baseline", policy: "960bn-3fa2c1")
/// ```
///
/// One value per run; not for concurrent use by two runs (each run stages its own folder).
public struct RunFolder: Sendable {
    /// The exports folder the run folder goes in (as given, relative or absolute).
    public let parent: URL
    /// The run folder's final name, `<scenario>-<variant>-run-<N>` (see ``name(scenario:variant:run:)``).
    public let name: String
    /// Where the files are written until ``commit(files:)``.
    public let staging: URL

    /// The prefix of staging folders; the same as the workbook writer's scratch, so that one
    /// cleanup removes both when a process was killed.
    public static let stagingPrefix = ".skillplan-partial-"

    /// The final folder, once committed: `parent/name`.
    public var final: URL { parent.appendingPathComponent(name, isDirectory: true) }

    /// `<scenario>-<variant>-run-<N>` with every character outside `A–Z a–z 0–9 . _ -` replaced by `-`.
    public static func name(scenario: String, variant: String, run: Int64) -> String {
        "\(safe(scenario))-\(safe(variant))-run-\(run)"
    }

    /// Creates the exports folder if needed and a new private staging folder in it.
    ///
    /// - Throws: ``RunFolderError`` with code `cannotStage` when the exports folder cannot be
    ///   created or written, `alreadyExists` when a folder with the final name is already there
    ///   (another store recorded a run with the same number into this exports folder).
    public static func stage(in parent: URL, scenario: String, variant: String, run: Int64) throws(RunFolderError) -> RunFolder {
        let name = name(scenario: scenario, variant: variant, run: run)
        let final = parent.appendingPathComponent(name, isDirectory: true)
        if FileManager.default.fileExists(atPath: final.path) {
            throw RunFolderError(.alreadyExists, path: final.path, reason: "a folder with this name is already there")
        }
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw RunFolderError(.cannotStage, path: parent.path, reason: error.localizedDescription)
        }
        var template = Array(parent.appendingPathComponent("\(stagingPrefix)\(getpid())-\(name)-XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else {
            throw RunFolderError(.cannotStage, path: parent.path, reason: String(cString: strerror(errno)))
        }
        let staging = URL(fileURLWithPath: String(cString: template), isDirectory: true)
        return RunFolder(parent: parent, name: name, staging: staging)
    }

    /// A file name with the run's labels: `NAME-<variant>-<policy>.EXT`, the variant left out
    /// when the name already ends with it (`fund-plan-<scenario>-<variant>.xlsx`).
    public static func labelledName(_ fileName: String, variant: String, policy: String) -> String {
        let url = URL(fileURLWithPath: fileName)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? fileName : String(fileName.dropLast(ext.count + 1))
        let variantPart = safe(variant)
        var labels = [String]()
        if !stem.hasSuffix("-" + variantPart) { labels.append(variantPart) }
        labels.append(safe(policy))
        let labelled = ([stem] + labels).joined(separator: "-")
        return ext.isEmpty ? labelled : labelled + "." + ext
    }

    /// Renames the workbooks among `files` (paths in ``staging``) to carry the variant and the
    /// policy label (``labelledName(_:variant:policy:)``), then renames the staging folder to its
    /// final name in one step.
    ///
    /// - Parameters:
    ///   - files: the files written into ``staging``, in the order to report them.
    ///   - variant: the variant the run planned for.
    ///   - policy: the fund policy's label (``policyLabel(totalBudgetVND:fundDigest:)``).
    ///   - labelledExtensions: which files get the labels (by extension); data files that other
    ///     commands read by name, such as `matches.csv`, keep theirs.
    /// - Returns: each file's path in the final folder, built on ``parent`` as given (a relative
    ///   exports folder gives relative paths), in the order of `files`.
    /// - Throws: ``RunFolderError`` with code `cannotCommit`; the staging folder is then removed.
    public func commit(
        labelling files: [URL], variant: String, policy: String, labelledExtensions: Set<String> = ["xlsx"]
    ) throws(RunFolderError) -> [URL] {
        var labelledFiles: [URL] = []
        do throws(RunFolderError) {
            for file in files {
                let fileName = file.lastPathComponent
                guard labelledExtensions.contains(file.pathExtension.lowercased()) else {
                    labelledFiles.append(file)
                    continue
                }
                let labelled = Self.labelledName(fileName, variant: variant, policy: policy)
                if labelled != fileName {
                    try Self.rename(staging.appendingPathComponent(fileName), to: staging.appendingPathComponent(labelled))
                }
                labelledFiles.append(staging.appendingPathComponent(labelled))
            }
        } catch {
            discard()
            throw error
        }
        return try commit(files: labelledFiles)
    }

    /// Renames the staging folder to its final name in one step, the files in it written under
    /// their final names (a plan's workbooks are written under their labelled names,
    /// ``labelledName(_:variant:policy:)``, rather than renamed one by one).
    ///
    /// - Parameter files: the files written into ``staging``, in the order to report them.
    /// - Returns: each file's path in the final folder, built on ``parent`` as given, in the order
    ///   of `files`.
    /// - Throws: ``RunFolderError`` with code `cannotCommit`, or `alreadyExists` when a folder with
    ///   the final name appeared meanwhile; the staging folder is then removed.
    public func commit(files: [URL]) throws(RunFolderError) -> [URL] {
        do throws(RunFolderError) {
            if FileManager.default.fileExists(atPath: final.path) {
                throw RunFolderError(.alreadyExists, path: final.path, reason: "a folder with this name appeared while the run was written")
            }
            // mkdtemp made the folder private (0700); the run's readers need the usual rights.
            _ = chmod(staging.path, 0o755)
            try Self.rename(staging, to: final)
        } catch {
            discard()
            throw error
        }
        return files.map { final.appendingPathComponent($0.lastPathComponent) }
    }

    /// Removes the staging folder and everything in it (a run that failed); no error if it is gone.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// A short label for a fund policy: its total budget in billions of VND and the first six
    /// hex digits of `fund.yaml`'s SHA-256, e.g. `960bn-3fa2c1`. A changed budget or any other
    /// change to the policy gives another label.
    public static func policyLabel(totalBudgetVND: Double, fundDigest: String) -> String {
        let billions = totalBudgetVND.isFinite ? Int((totalBudgetVND / 1e9).rounded()) : 0
        let digest = fundDigest.prefix(6)
        return digest.isEmpty ? "\(billions)bn" : "\(billions)bn-\(digest)"
    }

    private static func rename(_ source: URL, to destination: URL) throws(RunFolderError) {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw RunFolderError(.cannotCommit, path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    static func safe(_ text: String) -> String {
        let characters = text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": Character(scalar)
            default: "-"
            }
        }
        let result = String(characters)
        return result.isEmpty || result.hasPrefix(".") ? "_" + result : result
    }
}

/// Why a run folder could not be made or completed.
public struct RunFolderError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The exports folder or the staging folder could not be created.
        case cannotStage
        /// A file or the folder could not be renamed into place.
        case cannotCommit
        /// The final folder's name is taken.
        case alreadyExists
    }

    /// What went wrong.
    public let code: Code
    /// The folder or file concerned.
    public let path: String
    /// The system's reason, in words.
    public let reason: String

    /// Makes an error.
    public init(_ code: Code, path: String, reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    /// `cannot write the run folder PATH: REASON`.
    public var description: String {
        switch code {
        case .cannotStage: "cannot prepare the run folder in \(path): \(reason)"
        case .cannotCommit: "cannot complete the run folder \(path): \(reason)"
        case .alreadyExists: "cannot write the run folder \(path): \(reason)"
        }
    }
}
