import Foundation
import Workforce

/// Excel request templates that enterprises and institutions fill in instead of writing CSV.
///
/// The data sheet is named exactly like the CSV file's stem (`postings` or `students`); its
/// row 1 holds exactly the CSV column names of `docs/FORMATS.md` and nothing is above it, so a
/// filled template saved as `postings.xlsx` (or `students.xlsx`) in a scenario directory is
/// loaded like the CSV file. Rows 2…1001 carry drop-down lists (skills, regions, enterprises or
/// institutions, from a hidden `Lists` sheet) and number rules with input messages. An
/// `Instructions` sheet explains each column.
public enum RequestTemplate {
    /// Which request.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Internship postings from enterprises (`postings.csv`).
        case postings
        /// Students applying for internships, from institutions (`students.csv`).
        case students

        /// The data sheet's name: `postings` or `students`.
        public var sheetName: String { rawValue }

        /// The CSV column names, in order.
        public var columns: [String] {
            switch self {
            case .postings:
                ["posting", "enterprise", "skill", "region", "slots", "months", "stipend_vnd_per_month", "min_year"]
            case .students:
                ["student", "institution", "skill", "year", "score", "home_region", "preferences"]
            }
        }

        /// The template's usual file name: `postings.xlsx` or `students.xlsx`.
        public var fileName: String { rawValue + ".xlsx" }
    }

    /// The rows with validation: 2 through this row.
    public static let lastValidatedRow = 1001

    /// Writes an empty template for `kind`, with drop-downs from `scenario`.
    /// - Parameter rows: rows to prefill below the header, one ``CellContent`` per column
    ///   (see ``rows(postings:)`` and ``rows(students:)``).
    /// - Throws: ``ExcelWriteError`` if the workbook cannot be written.
    public static func write(_ kind: Kind, scenario: Scenario, to url: URL, rows: [[CellContent]] = []) throws {
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: kind == .postings ? "Internship postings request" : "Internship applicants request",
                subject: "SkillPlan request template: \(kind.rawValue)",
                author: "SkillPlan", company: scenario.fund.name, category: "Request template",
                keywords: "SkillPlan, template, \(kind.rawValue)",
                comments: "Fill the '\(kind.sheetName)' sheet, save as \(kind.fileName). No personal data."))
        let data = try workbook.addWorksheet(named: kind.sheetName)
        let instructions = try workbook.addWorksheet(named: "Instructions")
        let owners: [String]
        switch kind {
        case .postings: owners = scenario.enterprises.map(\.id.rawValue)
        case .students: owners = scenario.institutions.map(\.id.rawValue)
        }
        let lists = try workbook.addLookupLists([
            (title: "skill", values: scenario.skills.map(\.id.rawValue)),
            (title: "region", values: scenario.regions.map(\.id.rawValue)),
            (title: kind == .postings ? "enterprise" : "institution", values: owners),
        ])
        try writeDataSheet(data, kind: kind, skills: lists[0], regions: lists[1], owners: lists[2], rows: rows)
        try writeInstructions(instructions, kind: kind, scenario: scenario)
        try data.activate()
        try workbook.close()
    }

    /// Template rows for postings, in the column order of ``Kind/postings``.
    public static func rows(postings: [InternshipPosting]) -> [[CellContent]] {
        postings.map { posting in
            [
                .string(posting.id.rawValue), .string(posting.enterprise.rawValue), .string(posting.skill.rawValue),
                .string(posting.region.rawValue), .integer(posting.slots), .integer(posting.months),
                .integer(Int(posting.stipendPerMonth)), .integer(posting.minimumYear),
            ]
        }
    }

    /// Template rows for students, in the column order of ``Kind/students``.
    public static func rows(students: [Student]) -> [[CellContent]] {
        students.map { student in
            [
                .string(student.id.rawValue), .string(student.institution.rawValue), .string(student.skill.rawValue),
                .integer(student.year), .number(student.score), .string(student.homeRegion.rawValue),
                .string(student.preferences.map(\.rawValue).joined(separator: ";")),
            ]
        }
    }

    private static func writeDataSheet(
        _ sheet: XLSXWorksheet, kind: Kind, skills: SheetRange, regions: SheetRange, owners: SheetRange,
        rows: [[CellContent]]
    ) throws {
        let columns = kind.columns
        let explanations = Dictionary(uniqueKeysWithValues: columnHelp(kind))
        for (offset, name) in columns.enumerated() {
            try sheet.write(.string(name), row: 1, column: offset + 1, style: WorkbookStyles.header)
            if let help = explanations[name] {
                try sheet.addNote(help, at: CellAddress(row: 1, column: offset + 1), author: "SkillPlan")
            }
        }
        let text = CellStyle(numberFormat: "@")
        let widths: [String: Double] = [
            "posting": 18, "enterprise": 16, "student": 16, "institution": 16, "skill": 10, "region": 10,
            "home_region": 12, "slots": 8, "months": 8, "stipend_vnd_per_month": 22, "min_year": 10, "year": 8,
            "score": 8, "preferences": 40,
        ]
        let numeric: Set<String> = ["slots", "months", "stipend_vnd_per_month", "min_year", "year", "score"]
        for (offset, name) in columns.enumerated() {
            let style: CellStyle? =
                name == "stipend_vnd_per_month" ? WorkbookStyles.vnd : numeric.contains(name) ? nil : text
            try sheet.setColumnWidth(widths[name] ?? 12, column: offset + 1, style: style)
        }
        for (offset, row) in rows.enumerated() {
            for (column, content) in row.enumerated() where column < columns.count {
                if case .blank = content { continue }
                let style: CellStyle? = columns[column] == "stipend_vnd_per_month" ? WorkbookStyles.vnd : nil
                try sheet.write(content, row: offset + 2, column: column + 1, style: style)
            }
        }
        try sheet.freezePanes(rows: 1)
        try sheet.setAutofilter(CellRange(rows: 1...max(1, rows.count + 1), columns: 1...columns.count))

        func cells(_ name: String) -> CellRange? {
            columns.firstIndex(of: name).map { CellRange(rows: 2...lastValidatedRow, columns: ($0 + 1)...($0 + 1)) }
        }
        func add(_ name: String, _ validation: DataValidation) throws {
            if let range = cells(name) { try sheet.addDataValidation(validation, to: range) }
        }
        func list(_ source: SheetRange, _ what: String) -> DataValidation {
            DataValidation(
                .listFromRange(source), inputTitle: what.capitalized, inputMessage: "Pick a \(what) code from the list.",
                errorTitle: "Unknown \(what)", errorMessage: "Choose a \(what) code from the drop-down list.")
        }
        func whole(_ minimum: Int, _ maximum: Int?, _ title: String, _ message: String) -> DataValidation {
            DataValidation(
                .wholeNumber(minimum: minimum, maximum: maximum), inputTitle: title, inputMessage: message,
                errorTitle: "Not allowed", errorMessage: message)
        }
        try add("skill", list(skills, "skill"))
        switch kind {
        case .postings:
            try add("enterprise", list(owners, "enterprise"))
            try add("region", list(regions, "region"))
            try add("slots", whole(1, nil, "Slots", "How many interns the posting takes: a whole number, 1 or more."))
            try add("months", whole(1, 12, "Months", "Length of the internship in months: a whole number from 1 to 12."))
            try add(
                "stipend_vnd_per_month",
                whole(0, nil, "Stipend per month (VND)", "Monthly stipend in whole Vietnamese đồng, e.g. 5000000 (no decimals, no dots)."))
            try add("min_year", whole(1, 5, "Minimum year of study", "The lowest year of study accepted: 1 to 5."))
        case .students:
            try add("institution", list(owners, "institution"))
            try add("home_region", list(regions, "region"))
            try add("year", whole(1, 5, "Year of study", "The student's year of study: a whole number from 1 to 5."))
            try add("score", DataValidation(
                .decimal(minimum: 0, maximum: 100), inputTitle: "Score",
                inputMessage: "Academic score from 0 to 100 (higher is better); decimals allowed.",
                errorTitle: "Not allowed", errorMessage: "The score must be a number from 0 to 100."))
        }
    }

    /// Each column's explanation, in column order.
    private static func columnHelp(_ kind: Kind) -> [(String, String)] {
        switch kind {
        case .postings:
            [
                ("posting", "A code for the posting, unique in the file, e.g. P-HN-001."),
                ("enterprise", "The enterprise offering it (its code; see the list)."),
                ("skill", "The skill the intern will practise (code; see the list)."),
                ("region", "Where the internship takes place (province code)."),
                ("slots", "How many interns: a whole number, 1 or more."),
                ("months", "Length in months: a whole number from 1 to 12."),
                ("stipend_vnd_per_month", "Monthly stipend per intern in whole Vietnamese đồng (VND), digits only, e.g. 5000000."),
                ("min_year", "The lowest year of study accepted (1 = first year … 5)."),
            ]
        case .students:
            [
                ("student", "A pseudonymous code for the student, unique in the file, e.g. S-00123. Never a name."),
                ("institution", "The student's institution (its code; see the list)."),
                ("skill", "The student's field (skill code; see the list)."),
                ("year", "Year of study: a whole number from 1 to 5."),
                ("score", "Academic score from 0 to 100 (higher is better); postings rank applicants by it."),
                ("home_region", "The student's home province (code)."),
                ("preferences", "The posting codes the student applies to, most wanted first, separated by ';' (semicolon), no repeats, e.g. P-HN-001;P-BN-004."),
            ]
        }
    }

    private static func writeInstructions(_ sheet: XLSXWorksheet, kind: Kind, scenario: Scenario) throws {
        try sheet.setColumnWidth(24, column: 1)
        try sheet.setColumnWidth(90, column: 2)
        let title = kind == .postings
            ? "Hướng dẫn — Đăng ký vị trí thực tập (Internship postings)"
            : "Hướng dẫn — Danh sách sinh viên ứng tuyển (Internship applicants)"
        try sheet.write(.string(title), row: 1, column: 1, style: WorkbookStyles.title)
        var lines: [(String, String)] = [
            ("How to fill", "Fill one row per \(kind == .postings ? "posting" : "student") on the '\(kind.sheetName)' sheet, from row 2 down. Do not rename the sheet or change row 1. Save the file as \(kind.fileName) in the scenario folder (or send it to the fund); it is read exactly like \(kind.rawValue).csv."),
            ("Không dữ liệu cá nhân", "No personal data: do not enter names, dates of birth, ID card numbers, phone numbers or e-mail addresses. Students are identified only by a pseudonymous code; the institution keeps the list linking codes to people."),
            ("Codes", "Codes use only letters, digits and . _ - (no spaces, no accents). Use the drop-down lists for skills, regions and \(kind == .postings ? "enterprises" : "institutions")."),
        ]
        lines += columnHelp(kind)
        lines.append((
            "Skills / Kỹ năng",
            scenario.skills.map { "\($0.id) = \($0.name)" }.joined(separator: "; ")))
        try sheet.writeRow(["Column / topic", "What to enter"], startingAt: CellAddress(row: 3, column: 1), style: WorkbookStyles.header)
        for (offset, line) in lines.enumerated() {
            try sheet.write(.string(line.0), row: offset + 4, column: 1, style: WorkbookStyles.label)
            try sheet.write(.string(line.1), row: offset + 4, column: 2, style: WorkbookStyles.note)
        }
        var row = lines.count + 6
        try sheet.write(.string("Regions / Tỉnh, thành phố"), row: row, column: 1, style: WorkbookStyles.section)
        row += 1
        for region in scenario.regions {
            try sheet.write(.string(region.id.rawValue), row: row, column: 1)
            try sheet.write(.string(region.name), row: row, column: 2)
            row += 1
        }
    }
}
