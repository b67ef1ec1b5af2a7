import Foundation

/// The inputs of a matching run read from separate files (`skillplan match --postings … --students …`).
public struct MatchingInput: Sendable {
    public var postings: [InternshipPosting]
    public var students: [Student]
    /// Nil when no rankings file was given.
    public var rankings: [PostingRank]?
    public var files: [SourceFileDigest]
}

extension ScenarioLoader {
    /// Loads postings and students (and optionally rankings) on their own. Without the rest of a
    /// scenario, enterprise, institution, skill and region codes are checked for form only;
    /// preferences and rankings must still name known postings and students.
    /// `.xlsx` files (filled request templates) are read like CSV files.
    public static func loadMatchingInput(postings: URL, students: URL, rankings: URL?) throws(InputErrors) -> MatchingInput {
        let diagnostics = Diagnostics()
        var files = SourceFiles(root: postings.deletingLastPathComponent(), diagnostics: diagnostics)
        let tables = TableLoaders(diagnostics: diagnostics)
        func table(_ url: URL, sheet: String) -> CSVTable? {
            url.pathExtension.lowercased() == "xlsx" ? files.spreadsheet(url, sheet: sheet) : files.csv(url)
        }
        // A file or header that failed is not a source of codes: references to it are not checked.
        let postingList = table(postings, sheet: "postings").flatMap {
            tables.postings($0, enterprises: nil, skills: nil, regions: nil)
        }
        let postingIDs = postingList.map { diagnostics.known($0.map(\.id), in: "postings.csv") }
        let studentList = table(students, sheet: "students").flatMap {
            tables.students($0, institutions: nil, skills: nil, regions: nil, postings: postingIDs)
        }
        let rankingList = rankings.map { url in
            table(url, sheet: "rankings").flatMap {
                tables.rankings($0, postings: postingIDs, students: studentList.map { diagnostics.known($0.map(\.id), in: "students.csv") })
            } ?? []
        }
        try diagnostics.throwIfAny()
        return MatchingInput(postings: postingList ?? [], students: studentList ?? [], rankings: rankingList, files: files.digests)
    }
}

extension SourceFiles {
    /// Any CSV file, by URL.
    mutating func csv(_ url: URL) -> CSVTable? {
        guard let file = readBytes(url, as: url.lastPathComponent) else { return nil }
        return parse(file)
    }
}
