import Foundation
import Synchronization
import Storage
import Workforce

/// One table row as the CSV file writes it: column → text.
typealias RowTexts = [String: String]

/// A round's scenario as the organisations see it: the scenario's own rows, and the codes that
/// forms and uploads are checked against.
struct RoundBase: Sendable {
    let loaded: LoadedScenario
    let postings: [RowTexts]
    let programs: [RowTexts]
    let students: [RowTexts]

    var scenario: Scenario { loaded.scenario }
    var skills: Set<Skill.ID> { Set(scenario.skills.map(\.id)) }
    var regions: Set<Region.ID> { Set(scenario.regions.map(\.id)) }

    /// Loads and validates the scenario folder, and reads its posting, programme and student rows.
    static func load(directory: URL, curricula: URL) throws -> RoundBase {
        let loaded = try ScenarioLoader.load(directory: directory, curriculaDirectory: curricula)
        func rows(_ name: String) throws -> [RowTexts] {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
            let table = try CSVTable.parse(data: data, file: name)
            return table.rows.map { row in
                var texts = RowTexts()
                for (index, column) in table.header.enumerated() where index < row.fields.count {
                    texts[column] = row.fields[index].text
                }
                return texts
            }
        }
        return RoundBase(loaded: loaded, postings: try rows("postings.csv"), programs: try rows("programs.csv"),
                         students: try rows("students.csv"))
    }
}

/// The round's dataset with every organisation's submissions merged in: a submitted posting
/// replaces the scenario's posting of the same code (only its own enterprise may submit it), a
/// withdrawn one leaves (and leaves students' preferences), a programme change replaces the
/// capacity and baseline intake, an institution's students replace that institution's students.
struct MergedDataset: Sendable {
    struct Attributed: Sendable {
        var row: RowTexts
        /// The organisation that submitted the row, nil for the scenario's own rows.
        var submittedBy: String?
    }

    var postings: [Attributed] = []
    var programs: [Attributed] = []
    var students: [Attributed] = []

    init(base: RoundBase, submissions: [Submission]) {
        var postingSubmissions: [String: Submission] = [:]
        var programSubmissions: [String: Submission] = [:]
        var studentSubmissions: [String: Submission] = [:]
        for submission in submissions {
            switch submission.kind {
            case .posting: postingSubmissions[submission.item] = submission
            case .program: programSubmissions[submission.item] = submission
            case .students: studentSubmissions[submission.item] = submission
            }
        }
        var withdrawn = Set<String>()
        var seen = Set<String>()
        for row in base.postings {
            let code = row["posting"] ?? ""
            seen.insert(code)
            if let submission = postingSubmissions[code] {
                if submission.withdrawn { withdrawn.insert(code); continue }
                postings.append(Attributed(row: Self.decodeRow(submission.content), submittedBy: submission.organisation))
            } else {
                postings.append(Attributed(row: row, submittedBy: nil))
            }
        }
        for (code, submission) in postingSubmissions.sorted(by: { $0.key < $1.key }) where !seen.contains(code) {
            if submission.withdrawn { withdrawn.insert(code); continue }
            postings.append(Attributed(row: Self.decodeRow(submission.content), submittedBy: submission.organisation))
        }
        for row in base.programs {
            let code = row["program"] ?? ""
            if let submission = programSubmissions[code] {
                var changed = row
                for (column, value) in Self.decodeRow(submission.content) { changed[column] = value }
                programs.append(Attributed(row: changed, submittedBy: submission.organisation))
            } else {
                programs.append(Attributed(row: row, submittedBy: nil))
            }
        }
        func pruned(_ row: RowTexts) -> RowTexts {
            guard !withdrawn.isEmpty, let preferences = row["preferences"] else { return row }
            var copy = row
            copy["preferences"] = preferences.split(separator: ";").map(String.init)
                .filter { !withdrawn.contains($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: ";")
            return copy
        }
        for row in base.students where studentSubmissions[row["institution"] ?? ""] == nil {
            students.append(Attributed(row: pruned(row), submittedBy: nil))
        }
        for (institution, submission) in studentSubmissions.sorted(by: { $0.key < $1.key }) {
            for row in Self.decodeRows(submission.content) {
                students.append(Attributed(row: pruned(row), submittedBy: institution))
            }
        }
    }

    /// Writes the merged scenario folder (the scenario's other files copied as they are) and
    /// returns, per file name, the organisation that submitted each line.
    func write(from base: URL, to folder: URL) throws -> [String: [Int: String]] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let merged = ["postings.csv", "programs.csv", "students.csv", "postings.xlsx", "students.xlsx"]
        for name in try manager.contentsOfDirectory(atPath: base.path) where !merged.contains(name) {
            let source = base.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try manager.copyItem(at: source, to: folder.appendingPathComponent(name))
        }
        var owners: [String: [Int: String]] = [:]
        func table(_ name: String, _ columns: [String], _ rows: [Attributed]) throws {
            guard !rows.isEmpty || name == "programs.csv" else { return }
            var text = columns.joined(separator: ",") + "\n"
            var lines: [Int: String] = [:]
            for (index, attributed) in rows.enumerated() {
                text += columns.map { Self.csvField(attributed.row[$0] ?? "") }.joined(separator: ",") + "\n"
                if let organisation = attributed.submittedBy { lines[index + 2] = organisation }
            }
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            owners[name] = lines
        }
        try table("postings.csv", TableColumns.postings, postings)
        try table("programs.csv", TableColumns.programs, programs)
        try table("students.csv", TableColumns.students, students)
        return owners
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func encodeRow(_ row: RowTexts) -> String {
        (try? String(decoding: JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self)) ?? "{}"
    }

    static func decodeRow(_ text: String) -> RowTexts {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? RowTexts ?? [:]
    }

    static func encodeRows(_ rows: [RowTexts]) -> String {
        (try? String(decoding: JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]), as: UTF8.self)) ?? "[]"
    }

    static func decodeRows(_ text: String) -> [RowTexts] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [RowTexts] ?? []
    }
}

/// An error of the merged dataset, with the organisation whose submission holds the row.
struct AttributedError: Sendable {
    var error: InputError
    /// Nil when the row is the scenario's own.
    var organisation: String?
}

/// The rounds' scenarios, loaded once each, and the merge and check of a round's dataset.
final class RoundWorkspace: Sendable {
    /// Shared by every portal of the process (tests make many): a scenario folder is read once.
    private static let cache = Mutex<[String: RoundBase]>([:])
    /// Where merged datasets and exports are written.
    let root: URL

    init(root: URL) { self.root = root }

    /// The scenario of a round, loaded on first use.
    func base(of round: PlanningRound) throws -> RoundBase {
        let key = round.scenarioDirectory + "\n" + round.curriculaDirectory
        if let cached = Self.cache.withLock({ $0[key] }) { return cached }
        let base = try RoundBase.load(directory: URL(fileURLWithPath: round.scenarioDirectory),
                                      curricula: URL(fileURLWithPath: round.curriculaDirectory))
        Self.cache.withLock { $0[key] = base }
        return base
    }

    /// The merged dataset of a round and the applicants per posting, computed once per state of
    /// its submissions (pages ask for it on every request; a national round has 100,000 students).
    struct View: Sendable {
        let merged: MergedDataset
        let applicants: [String: Int]
        /// The merged rows by organisation, so a page reads its own without a scan.
        let postingsByEnterprise: [String: [MergedDataset.Attributed]]
        let programsByInstitution: [String: [MergedDataset.Attributed]]
        let studentsPerInstitution: [String: Int]
    }

    private let views = Mutex<[String: View]>([:])

    func view(of round: PlanningRound, submissions: [Submission]) throws -> View {
        var fingerprint = Hasher()
        fingerprint.combine(round.id)
        fingerprint.combine(round.scenarioDirectory)
        for submission in submissions {
            fingerprint.combine(submission.kind)
            fingerprint.combine(submission.item)
            fingerprint.combine(submission.updatedAt)
            fingerprint.combine(submission.withdrawn)
        }
        let key = "\(round.id)|\(submissions.count)|\(fingerprint.finalize())"
        if let cached = views.withLock({ $0[key] }) { return cached }
        let merged = MergedDataset(base: try base(of: round), submissions: submissions)
        var applicants: [String: Int] = [:]
        for student in merged.students {
            for code in (student.row["preferences"] ?? "").split(separator: ";") { applicants[String(code), default: 0] += 1 }
        }
        var students: [String: Int] = [:]
        for student in merged.students { students[student.row["institution"] ?? "", default: 0] += 1 }
        let view = View(merged: merged, applicants: applicants,
                        postingsByEnterprise: Dictionary(grouping: merged.postings) { $0.row["enterprise"] ?? "" },
                        programsByInstitution: Dictionary(grouping: merged.programs) { $0.row["institution"] ?? "" },
                        studentsPerInstitution: students)
        views.withLock { cache in
            if cache.count > 16 { cache.removeAll() }
            cache[key] = view
        }
        return view
    }

    /// Writes the round's merged dataset into `folder` and checks it as a whole with the
    /// scenario loader (every file, every reference); errors name the submitting organisation.
    func mergeAndCheck(_ round: PlanningRound, submissions: [Submission], into folder: URL) throws -> (LoadedScenario?, [AttributedError]) {
        let base = try base(of: round)
        let merged = MergedDataset(base: base, submissions: submissions)
        let owners = try merged.write(from: URL(fileURLWithPath: round.scenarioDirectory), to: folder)
        do {
            let loaded = try ScenarioLoader.load(directory: folder, curriculaDirectory: URL(fileURLWithPath: round.curriculaDirectory))
            return (loaded, [])
        } catch {
            let attributed = error.errors.map { error -> AttributedError in
                let file = URL(fileURLWithPath: error.location.file).lastPathComponent
                let organisation = error.location.line.flatMap { owners[file]?[$0] }
                return AttributedError(error: error, organisation: organisation)
            }
            return (nil, attributed)
        }
    }
}
