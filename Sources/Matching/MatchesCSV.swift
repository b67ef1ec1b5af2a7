public import Workforce

/// The `matches.csv` output file: writing it, and reading it back for `skillplan match --verify`.
///
/// Columns, in this order: `student,posting,enterprise,student_rank,posting_rank,funded,support_vnd`.
/// One row per student, in the order of `students.csv`:
/// - `posting`, `enterprise`, `student_rank`, `posting_rank` are empty for an unmatched student;
/// - `student_rank` is the posting's 1-based position in the student's preferences (1 = first
///   choice); `posting_rank` is the posting's rank of the student (the rankings file's rank, or the
///   position by score and lottery; 1 = best);
/// - `funded` is `true` when the fund pays the intern's stipend, otherwise `false` (always `false`
///   without a fund policy);
/// - `support_vnd` is the stipend paid, whole VND, `0` when not funded.
///
/// Lines end with `\n`; a field is quoted only if it holds `,`, `"` or a line break.
public enum MatchesCSV {
    /// The header row's column names.
    public static let columns = ["student", "posting", "enterprise", "student_rank", "posting_rank", "funded", "support_vnd"]

    /// The text of `matches.csv` for `matching`, with funding when there is a fund policy.
    ///
    /// - Complexity: O(S) for S students.
    public static func render(_ matching: Matching, problem: MatchingProblem, funding: FundedPlacement? = nil) -> String {
        var text = columns.joined(separator: ",") + "\n"
        text.reserveCapacity(matching.assignments.count * 48)
        for assignment in matching.assignments {
            let enterprise = assignment.posting.flatMap { problem.posting($0) }?.enterprise.rawValue ?? ""
            let funded = funding?.isFunded(assignment.student) ?? false
            let support = funding?.support(of: assignment.student) ?? 0
            text += quoted(assignment.student.rawValue)
            text += ","
            text += quoted(assignment.posting?.rawValue ?? "")
            text += ","
            text += quoted(enterprise)
            text += ","
            if let rank = assignment.studentRank { text += String(rank) }
            text += ","
            if let rank = assignment.postingRank { text += String(rank) }
            text += funded ? ",true," : ",false,"
            text += String(support)
            text += "\n"
        }
        return text
    }

    /// Reads a `matches.csv` as a matching of `problem`.
    ///
    /// The rank columns are checked to be empty or whole numbers ≥ 1 but not used: the returned
    /// matching takes its ranks from `problem`. `funded` and `support_vnd` are checked for form.
    ///
    /// - Parameter file: the path as the user gave it, for error locations.
    /// - Throws: ``InputErrors``, every problem with file, line and column: unknown, missing or
    ///   repeated columns, rows with the wrong number of fields, unknown student or posting ids,
    ///   an enterprise that is not the posting's, a student given twice or not at all, bad numbers.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String, problem: MatchingProblem) throws(InputErrors) -> Matching {
        try read(text, file: file, problem: problem).matching
    }

    /// Reads a `matches.csv` as ``parse(_:file:problem:)`` does, keeping its `funded` and
    /// `support_vnd` columns so they can be checked against the fund policy.
    ///
    /// - Throws: ``InputErrors`` as ``parse(_:file:problem:)``.
    /// - Complexity: O(n) in the length of the text.
    public static func read(_ text: String, file: String, problem: MatchingProblem) throws(InputErrors) -> MatchesFile {
        let table = try CSVTable.parse(text, file: file)
        var errors: [InputError] = []
        func location(line: Int, column: Int?) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column, sheet: table.sheet)
        }

        let (position, headerErrors) = CSVColumns.positions(of: columns, in: table, file: file)
        errors += headerErrors
        if !errors.isEmpty { throw InputErrors(errors) }

        var postingOf = [Int](repeating: -1, count: problem.students.count)
        var funding: [Student.ID: MatchesFile.Funding] = [:]
        var rowOfStudent = [Int?](repeating: nil, count: problem.students.count)
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                errors.append(InputError(location(line: row.line, column: nil),
                                         expected: "\(table.header.count) fields as in the header; found \(row.fields.count)"))
                continue
            }
            func field(_ name: String) -> (text: String, location: SourceLocation) {
                let index = position[name] ?? 0
                let field = row.fields[index]
                return (CSVColumns.trimmed(field.text), location(line: field.line, column: index + 1))
            }
            func fail(_ name: String, _ expected: String) {
                let (text, location) = field(name)
                errors.append(InputError(location, field: name, value: text, expected: expected))
            }

            let studentText = field("student").text
            var s: Int?
            if studentText.isEmpty {
                fail("student", "a student id; the field is empty")
            } else if let index = problem.studentIndex[Student.ID(studentText)] {
                if let first = rowOfStudent[index] {
                    fail("student", "each student once; this student is also on line \(first)")
                } else {
                    rowOfStudent[index] = row.line
                    s = index
                }
            } else {
                fail("student", "the id of a student in the students file")
            }

            let postingText = field("posting").text
            let enterpriseText = field("enterprise").text
            if postingText.isEmpty {
                if !enterpriseText.isEmpty { fail("enterprise", "empty, as the posting is empty (unmatched student)") }
            } else if let p = problem.postingIndex[InternshipPosting.ID(postingText)] {
                let enterprise = problem.postings[p].enterprise.rawValue
                if enterpriseText != enterprise { fail("enterprise", "\(enterprise), the enterprise of posting \(postingText)") }
                if let s { postingOf[s] = p }
            } else {
                fail("posting", "the id of a posting in the postings file, or empty for an unmatched student")
            }

            for name in ["student_rank", "posting_rank"] {
                let text = field(name).text
                if !text.isEmpty, (Int(text) ?? 0) < 1 { fail(name, "a whole number, 1 or more, or empty") }
            }
            let funded = field("funded").text
            if funded != "true" && funded != "false" { fail("funded", "true or false") }
            if let support = VND(field("support_vnd").text) {
                if support < 0 { fail("support_vnd", "an amount in whole VND, 0 or more") }
                if let s { funding[problem.students[s].id] = MatchesFile.Funding(funded: funded == "true", support: support, line: row.line) }
            } else {
                fail("support_vnd", "an amount in whole VND, 0 or more (digits only)")
            }
        }

        let missing = problem.students.indices.filter { rowOfStudent[$0] == nil }
        if !missing.isEmpty {
            let shown = missing.prefix(5).map { problem.students[$0].id.rawValue }.joined(separator: ", ")
            let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
            errors.append(InputError(SourceLocation(file: file, sheet: table.sheet), field: "student",
                                     expected: "a row for every student; missing: \(shown)\(more)"))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return MatchesFile(matching: Matching(problem, postingOf: postingOf), funding: funding)
    }

    private static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var text = "\""
        for character in field {
            if character == "\"" { text += "\"\"" } else { text.append(character) }
        }
        return text + "\""
    }
}

/// A `matches.csv` as read back: the matching, and what the file says about funding.
public struct MatchesFile: Sendable {
    /// What one row says about the fund's support.
    public struct Funding: Hashable, Sendable {
        /// The `funded` column.
        public var funded: Bool
        /// The `support_vnd` column.
        public var support: VND
        /// The row's line in the file.
        public var line: Int
    }

    /// The matching the file describes.
    public var matching: Matching
    /// Each student's `funded` and `support_vnd`.
    public var funding: [Student.ID: Funding]
}
