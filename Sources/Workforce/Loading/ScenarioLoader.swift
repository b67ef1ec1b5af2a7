import Foundation

/// A file that went into a loaded dataset, with its digest, for the audit trail.
public struct SourceFileDigest: Hashable, Sendable, Codable {
    /// The path relative to the scenario directory (curricula: `Curricula/NAME.yaml`).
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    public var byteCount: Int

    public init(path: String, sha256: String, byteCount: Int) {
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}

/// A validated scenario and the files it came from.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// The scenario directory as given.
    public var directory: String
    /// The curricula directory used.
    public var curriculaDirectory: String
    public var files: [SourceFileDigest]
    /// SHA-256 over the sorted list of `path sha256` lines: the same content gives the same hash
    /// wherever the directory lives.
    public var contentHash: String
}

/// Loads and validates a scenario directory (see docs/FORMATS.md).
public enum ScenarioLoader {
    /// The curricula folder used for a scenario directory when none is given: `DIR/Curricula`
    /// if present, else `Curricula` two levels up (the repository's, for `Scenarios/NAME`), else
    /// `Curricula` in the working directory.
    public static func defaultCurriculaDirectory(for given: URL) -> URL {
        let directory = given.resolvingSymlinksInPath()
        let candidates = [
            directory.appendingPathComponent("Curricula"),
            directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Curricula"),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Curricula"),
        ]
        return candidates.first { isDirectory($0) } ?? candidates[0]
    }

    /// Loads `scenario.yaml`, `fund.yaml`, the CSV files and the curricula, checking everything.
    ///
    /// - Throws: ``InputErrors`` listing every problem found, each with its file, line, column,
    ///   field, value and what was expected.
    public static func load(directory: URL, curriculaDirectory: URL? = nil) throws(InputErrors) -> LoadedScenario {
        let diagnostics = Diagnostics()
        var files = SourceFiles(root: directory, diagnostics: diagnostics)
        guard isDirectory(directory) else {
            throw InputErrors([InputError(SourceLocation(file: directory.path), expected: "a scenario directory; there is none at this path")])
        }
        let curriculaURL = curriculaDirectory ?? defaultCurriculaDirectory(for: directory)

        let scenarioFile = files.read("scenario.yaml").flatMap {
            ScenarioFileReader(diagnostics: diagnostics).read($0.text, file: $0.displayPath)
        }
        // A file that failed (missing, unreadable, or its header) is not a source of codes: the
        // references to it are not checked, and one note per file says so, instead of one
        // follow-on error per row.
        let skills = scenarioFile.map { Set($0.skills.map(\.id)) }
        let regions = scenarioFile.map { Set($0.regions.map(\.id)) }
        let sectors = scenarioFile.map { Set($0.sectors.map(\.id)) }
        let fund = files.read("fund.yaml").flatMap {
            FundFileReader(diagnostics: diagnostics, years: scenarioFile?.settings.years, skills: skills ?? [], regions: regions ?? [])
                .read($0.text, file: $0.displayPath)
        }
        let curricula = loadCurricula(at: curriculaURL, files: &files, skills: skills ?? [], diagnostics: diagnostics)
        let curriculaByID = Dictionary(curricula.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let tables = TableLoaders(diagnostics: diagnostics)
        func unchecked(_ file: String, _ sources: [(String, Bool)]) {
            let failed = sources.filter { !$0.1 }.map(\.0)
            guard !failed.isEmpty, files.wasRead(file) else { return }
            diagnostics.note(SourceLocation(file: files.displayPath(file)), expected: """
                references to \(failed.joined(separator: ", ")) not checked: \(failed.count == 1 ? "that file" : "those files") \
                failed (see \(failed.count == 1 ? "its" : "their") errors above); fix \(failed.count == 1 ? "it" : "them") first
                """)
        }
        let institutionTable = files.table("institutions.csv")
        let institutionList = institutionTable.flatMap { tables.institutions($0, regions: regions) }
        unchecked("institutions.csv", [("scenario.yaml", regions != nil)])
        let enterpriseTable = files.table("enterprises.csv")
        let enterpriseList = enterpriseTable.flatMap { tables.enterprises($0, regions: regions, sectors: sectors) }
        unchecked("enterprises.csv", [("scenario.yaml", regions != nil)])
        let enterpriseIDs = enterpriseList.map { diagnostics.known($0.map(\.id), in: "enterprises.csv") }
        let institutionsByID = institutionList.map { Dictionary($0.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        let programList = files.tableOrWorkbook("programs.csv").flatMap {
            tables.programs($0, institutions: institutionsByID, curricula: curriculaByID, enterprises: enterpriseIDs)
        }
        // The students' programme column is checked only against a programs.csv that loaded whole.
        let programsRead = programList != nil && diagnostics.rejectedRows["programs.csv"] == nil && institutionsByID != nil
        let programs = programList ?? []
        unchecked("programs.csv", [("institutions.csv", institutionList != nil), ("enterprises.csv", enterpriseIDs != nil)])
        let programsByID = programsRead ? Dictionary(programs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) : nil
        let postingList = files.optionalTable("postings.csv").flatMap {
            tables.postings($0, enterprises: enterpriseIDs, skills: skills, regions: regions)
        }
        unchecked("postings.csv", [("scenario.yaml", skills != nil), ("enterprises.csv", enterpriseIDs != nil)])
        // No postings file at all: preferences name postings that do not exist (checked); a
        // postings file that failed: not checked.
        let postingIDs = postingList.map { diagnostics.known($0.map(\.id), in: "postings.csv") } ?? (files.hasTable("postings.csv") ? nil : [])
        let studentList = files.optionalTable("students.csv").flatMap {
            tables.students($0, institutions: institutionList.map { diagnostics.known($0.map(\.id), in: "institutions.csv") }, skills: skills, regions: regions,
                            postings: postingIDs, programs: programsByID)
        }
        unchecked("students.csv", [("scenario.yaml", skills != nil), ("institutions.csv", institutionList != nil),
                                   ("postings.csv", postingIDs != nil)])
        let rankings = files.optionalTable("rankings.csv").flatMap {
            tables.rankings($0, postings: postingIDs,
                            students: studentList.map { diagnostics.known($0.map(\.id), in: "students.csv") } ?? (files.hasTable("students.csv") ? nil : []))
        } ?? []
        unchecked("rankings.csv", [("postings.csv", postingIDs != nil),
                                   ("students.csv", studentList != nil || !files.hasTable("students.csv"))])
        let institutions = institutionList ?? []
        let enterprises = enterpriseList ?? []
        let postings = postingList ?? []
        let students = studentList ?? []

        try diagnostics.throwIfAny()
        guard let scenarioFile, let fund else {
            throw InputErrors([InputError(SourceLocation(file: directory.path), expected: "a readable scenario.yaml and fund.yaml")])
        }
        let scenario = Scenario(
            settings: scenarioFile.settings, skills: scenarioFile.skills, regions: scenarioFile.regions,
            sectors: scenarioFile.sectors, initialStock: scenarioFile.initialStock, variants: scenarioFile.variants,
            curricula: curricula, institutions: institutions, programs: programs, enterprises: enterprises,
            postings: postings, students: students, rankings: rankings, fund: fund)
        return LoadedScenario(scenario: scenario, directory: directory.path, curriculaDirectory: curriculaURL.path,
                              files: files.digests, contentHash: files.contentHash)
    }

    /// Loads every `*.yaml` file of a curricula folder, in name order.
    static func loadCurricula(at url: URL, files: inout SourceFiles, skills: Set<Skill.ID>, diagnostics: Diagnostics) -> [Curriculum] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted() ?? []
        if names.isEmpty {
            diagnostics.report(SourceLocation(file: url.path), expected: "a Curricula folder with at least one .yaml curriculum (use --curricula DIR)")
            return []
        }
        let reader = CurriculumFileReader(diagnostics: diagnostics, skills: skills)
        var seen: [Curriculum.ID: String] = [:]
        var curricula: [Curriculum] = []
        for name in names {
            guard let file = files.read(url.appendingPathComponent(name), as: "Curricula/\(name)"),
                  let curriculum = reader.read(file.text, file: file.displayPath) else { continue }
            if let earlier = seen.updateValue(file.displayPath, forKey: curriculum.id) {
                diagnostics.report(SourceLocation(file: file.displayPath), field: "code", value: curriculum.id.rawValue,
                                   expected: "a curriculum code not used by another file (\(earlier) has it)")
                continue
            }
            curricula.append(curriculum)
        }
        return curricula
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Reads the files of one load, remembering their digests.
struct SourceFiles {
    struct Text {
        let text: String
        let displayPath: String
    }

    let root: URL
    let diagnostics: Diagnostics
    private(set) var digests: [SourceFileDigest] = []

    init(root: URL, diagnostics: Diagnostics) {
        self.root = root
        self.diagnostics = diagnostics
    }

    /// A required file of the scenario directory.
    mutating func read(_ name: String) -> Text? {
        read(root.appendingPathComponent(name), as: displayName(name))
    }

    private func displayName(_ name: String) -> String {
        root.appendingPathComponent(name).relativePath
    }

    /// How a file of the scenario directory is named in messages.
    func displayPath(_ name: String) -> String { displayName(name) }

    /// Whether `name` (or its Excel template in its place) exists, read or not.
    func hasTable(_ name: String) -> Bool {
        let url = root.appendingPathComponent(name)
        let workbook = url.deletingPathExtension().appendingPathExtension("xlsx")
        return FileManager.default.fileExists(atPath: url.path) || FileManager.default.fileExists(atPath: workbook.path)
    }

    /// Whether a file named `name` (CSV or its Excel template) was read in this load.
    func wasRead(_ name: String) -> Bool {
        let stem = (name as NSString).deletingPathExtension
        return digests.contains { $0.path == name || $0.path == stem + ".xlsx" }
    }

    /// A file as text; its digest is recorded.
    mutating func read(_ url: URL, as displayPath: String, required: Bool = true) -> Text? {
        guard let file = readBytes(url, as: displayPath, required: required) else { return nil }
        guard let text = String(bytes: file.bytes, encoding: .utf8) else {
            diagnostics.report(SourceLocation(file: url.relativePath), expected: "UTF-8 text")
            return nil
        }
        return Text(text: text, displayPath: file.displayPath)
    }

    /// A file's bytes, for a parser that validates UTF-8 itself; its digest is recorded.
    mutating func readBytes(_ url: URL, as displayPath: String, required: Bool = true) -> (bytes: Data, displayPath: String)? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if required {
                diagnostics.report(SourceLocation(file: url.relativePath), expected: "this file, which is missing or unreadable")
            }
            return nil
        }
        let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : displayPath
        digests.append(SourceFileDigest(path: relative, sha256: SHA256.hex(of: data), byteCount: data.count))
        return (data, url.relativePath)
    }

    mutating func table(_ name: String) -> CSVTable? {
        guard let file = readBytes(root.appendingPathComponent(name), as: displayName(name)) else { return nil }
        return parse(file)
    }

    /// A required table: `NAME.csv`, or a filled Excel template `NAME.xlsx` in its place.
    mutating func tableOrWorkbook(_ name: String) -> CSVTable? {
        let stem = (name as NSString).deletingPathExtension
        // With the workbook present, optionalTable reads it (or reports that both are there).
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(stem + ".xlsx").path)
            ? optionalTable(name) : table(name)
    }

    /// An optional table: `NAME.csv`, or a filled Excel template `NAME.xlsx` in its place.
    mutating func optionalTable(_ name: String) -> CSVTable? {
        let url = root.appendingPathComponent(name)
        let stem = url.deletingPathExtension().lastPathComponent
        let workbook = root.appendingPathComponent(stem + ".xlsx")
        let hasCSV = FileManager.default.fileExists(atPath: url.path)
        let hasWorkbook = FileManager.default.fileExists(atPath: workbook.path)
        if hasCSV && hasWorkbook {
            diagnostics.report(SourceLocation(file: workbook.relativePath),
                               expected: "either \(name) or \(stem).xlsx, not both: remove one")
            return nil
        }
        if hasWorkbook { return spreadsheet(workbook, sheet: stem) }
        guard hasCSV, let file = readBytes(url, as: name) else { return nil }
        return parse(file)
    }

    /// Reads a filled Excel template and records its digest like any other source file.
    mutating func spreadsheet(_ url: URL, sheet: String) -> CSVTable? {
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            diagnostics.report(SourceLocation(file: url.relativePath), expected: "this file, which is missing or unreadable")
            return nil
        }
        digests.append(SourceFileDigest(path: url.lastPathComponent, sha256: SHA256.hex(of: bytes), byteCount: bytes.count))
        do {
            return try SpreadsheetTable.read(url, displayPath: url.relativePath, sheetName: sheet)
        } catch {
            error.errors.forEach(diagnostics.report)
            return nil
        }
    }

    func parse(_ file: (bytes: Data, displayPath: String)) -> CSVTable? {
        do {
            return try CSVTable.parse(data: file.bytes, file: file.displayPath)
        } catch {
            error.errors.forEach(diagnostics.report)
            return nil
        }
    }

    /// SHA-256 of the sorted `path sha256` lines (curricula paths named `Curricula/…`).
    var contentHash: String {
        let lines = digests.map { "\($0.path) \($0.sha256)\n" }.sorted().joined()
        return SHA256.hex(of: Array(lines.utf8))
    }
}
