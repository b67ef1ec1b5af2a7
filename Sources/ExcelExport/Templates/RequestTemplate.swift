import Foundation
import Texts
import Workforce

/// Excel request templates that enterprises and institutions fill in instead of writing CSV:
/// internship postings (enterprises), applicants (institutions) and training programmes
/// (institutions: capacity, baseline intake, tuition).
///
/// The data sheet is named exactly like the CSV file's stem (`postings`, `students`,
/// `programs`) and nothing is above its row 1. Row 1 holds each column in words in both
/// languages, the reader's first, with the CSV column name in brackets at the end
/// (`Doanh nghiệp / Enterprise (enterprise)`): the loader reads the name in brackets, so a filled
/// template saved as `postings.xlsx` (`students.xlsx`, `programs.xlsx`) in a scenario directory is
/// loaded like the CSV file. Rows 2…1001 carry drop-down lists whose entries read
/// `CODE — name` (the loader keeps the code before ` — `) and number rules with prompts. An
/// instructions sheet explains each column in both languages. Every text comes from the `Texts`
/// catalogue (area `template`).
public enum RequestTemplate {
    /// Which request.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Internship postings from enterprises (`postings.csv`).
        case postings
        /// Students applying for internships, from institutions (`students.csv`).
        case students
        /// Training programmes of institutions (`programs.csv`): capacity, baseline intake, tuition.
        case programs

        /// The data sheet's name: `postings`, `students` or `programs`.
        public var sheetName: String { rawValue }

        /// The CSV column names, in order (students: with the optional `program` column).
        public var columns: [String] {
            switch self {
            case .postings: TableColumns.postings
            case .students: TableColumns.students + TableColumns.studentsOptional
            case .programs: TableColumns.programs
            }
        }

        /// The template's usual file name: `postings.xlsx`, `students.xlsx` or `programs.xlsx`.
        public var fileName: String { rawValue + ".xlsx" }
    }

    /// The rows with validation: 2 through this row.
    public static let lastValidatedRow = 1001

    /// The header of a column as the template writes it: the words in `language`, then in the
    /// other language, then the CSV name in brackets, e.g. `Doanh nghiệp / Enterprise (enterprise)`.
    public static func header(_ column: String, language: Language) -> String {
        let other: Language = language == .vi ? .en : .vi
        let key = "template.column.\(column)"
        return "\(Catalogue(language)[key]) / \(Catalogue(other)[key]) (\(column))"
    }

    /// A drop-down entry: `CODE — name` (the loader reads the code).
    public static func entry(_ code: String, _ name: String) -> String {
        name.isEmpty ? code : "\(code) — \(name)"
    }

    /// Writes a template for `kind`, with drop-downs from `scenario`.
    ///
    /// - Parameters:
    ///   - language: the language written first (headers, prompts, instructions); the other
    ///     language follows it in headers and on the instructions sheet.
    ///   - institution: for `programs` and `students`, the institution whose programmes fill the
    ///     programme drop-down (and, for `programs`, the prefilled rows); nil: every institution.
    ///   - rows: rows below the header, one ``CellContent`` per column (see ``rows(postings:)``,
    ///     ``rows(students:scenario:)``, ``rows(programs:scenario:)``); nil: none, except for
    ///     `programs`, which is prefilled with the programmes as the scenario has them.
    /// - Throws: ``ExcelWriteError`` if the workbook cannot be written.
    public static func write(
        _ kind: Kind, scenario: Scenario, language: Language = .en, institution: Institution.ID? = nil,
        to url: URL, rows: [[CellContent]]? = nil
    ) throws {
        let texts = Catalogue(language)
        let programs = scenario.programs.filter { institution == nil || $0.institution == institution }
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(
                title: texts["template.title.\(kind.rawValue)"],
                subject: "SkillPlan request template: \(kind.rawValue)",
                author: "SkillPlan", company: scenario.fund.name, category: "Request template",
                keywords: "SkillPlan, template, \(kind.rawValue)", comments: "\(kind.sheetName) → \(kind.fileName)"))
        let data = try workbook.addWorksheet(named: kind.sheetName)
        let instructions = try workbook.addWorksheet(named: texts["template.sheet.instructions"])
        let names = Dictionary(scenario.curricula.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let listed: [String: [String]] = [
            "skill": scenario.skills.map { entry($0.id.rawValue, $0.name) },
            "region": scenario.regions.map { entry($0.id.rawValue, $0.name) },
            "enterprise": scenario.enterprises.map { entry($0.id.rawValue, $0.name) },
            "institution": scenario.institutions.filter { institution == nil || $0.id == institution }
                .map { entry($0.id.rawValue, $0.name) },
            "program": programs.map { entry($0.id.rawValue, names[$0.curriculum] ?? "") },
            "curriculum": scenario.curricula.map { entry($0.id.rawValue, $0.name) },
        ]
        let order = ["skill", "region", "enterprise", "institution", "program", "curriculum"]
        let ranges = try workbook.addLookupLists(order.map { (title: $0, values: listed[$0] ?? []) })
        let lists = Dictionary(uniqueKeysWithValues: zip(order, ranges))
        let prefilled = rows ?? (kind == .programs ? Self.rows(programs: programs, scenario: scenario) : [])
        try writeDataSheet(data, kind: kind, texts: texts, lists: lists, rows: prefilled)
        try writeInstructions(instructions, kind: kind, scenario: scenario, language: language)
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

    /// Template rows for students, in the column order of ``Kind/students`` (the programme
    /// column empty).
    public static func rows(students: [Student]) -> [[CellContent]] {
        students.map { student in
            [
                .string(student.id.rawValue), .string(student.institution.rawValue), .string(student.skill.rawValue),
                .integer(student.year), .number(student.score), .string(student.homeRegion.rawValue),
                .string(student.preferences.map(\.rawValue).joined(separator: ";")), .blank,
            ]
        }
    }

    /// Template rows for programmes, in the column order of ``Kind/programs``: codes shown as
    /// drop-down entries (`CODE — name`); the completion and entry rates empty where the
    /// programme takes its curriculum's.
    public static func rows(programs: [Program], scenario: Scenario) -> [[CellContent]] {
        let curricula = Dictionary(scenario.curricula.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let institutions = Dictionary(scenario.institutions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let enterprises = Dictionary(scenario.enterprises.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return programs.map { program in
            let curriculum = curricula[program.curriculum]
            let completion: CellContent = curriculum?.completionRate == program.completionRate ? .blank : .number(program.completionRate)
            let entryRate: CellContent = curriculum?.industryEntryRate == program.industryEntryRate ? .blank : .number(program.industryEntryRate)
            return [
                .string(entry(program.id.rawValue, curriculum?.name ?? "")),
                .string(entry(program.institution.rawValue, institutions[program.institution] ?? "")),
                .string(entry(program.curriculum.rawValue, curriculum?.name ?? "")),
                .integer(program.baselineIntake), .integer(program.capacity), .integer(Int(program.tuitionPerYear)),
                completion, entryRate,
                program.hostEnterprise.map { .string(entry($0.rawValue, enterprises[$0] ?? "")) } ?? .blank,
            ]
        }
    }

    /// Columns whose cells pick a code from a list, and which list.
    private static let listColumns: [String: String] = [
        "enterprise": "enterprise", "skill": "skill", "region": "region", "home_region": "region",
        "institution": "institution", "program": "program", "curriculum": "curriculum", "host_enterprise": "enterprise",
    ]

    private static let vndColumns: Set<String> = ["stipend_vnd_per_month", "tuition_vnd_per_year"]

    private static func writeDataSheet(
        _ sheet: XLSXWorksheet, kind: Kind, texts: Catalogue, lists: [String: SheetRange], rows: [[CellContent]]
    ) throws {
        let columns = kind.columns
        for (offset, name) in columns.enumerated() {
            try sheet.write(.string(header(name, language: texts.language)), row: 1, column: offset + 1, style: WorkbookStyles.header)
            try sheet.addNote(texts["template.column.\(name).help"], at: CellAddress(row: 1, column: offset + 1), author: "SkillPlan")
        }
        try sheet.setRowHeight(60, row: 1)
        let text = CellStyle(numberFormat: "@")
        let numeric: Set<String> = [
            "slots", "months", "min_year", "year", "score", "baseline_intake", "capacity", "completion_rate", "entry_rate",
        ]
        for (offset, name) in columns.enumerated() {
            let style: CellStyle? = vndColumns.contains(name) ? WorkbookStyles.vnd : numeric.contains(name) ? nil : text
            let width: Double = name == "preferences" ? 40 : listColumns[name] != nil ? 30 : 18
            try sheet.setColumnWidth(width, column: offset + 1, style: style)
        }
        for (offset, row) in rows.enumerated() {
            for (column, content) in row.enumerated() where column < columns.count {
                if case .blank = content { continue }
                let style: CellStyle? = vndColumns.contains(columns[column]) ? WorkbookStyles.vnd : nil
                try sheet.write(content, row: offset + 2, column: column + 1, style: style)
            }
        }
        try sheet.freezePanes(rows: 1)
        try sheet.setAutofilter(CellRange(rows: 1...max(1, rows.count + 1), columns: 1...columns.count))

        func add(_ name: String, _ validation: DataValidation) throws {
            guard let index = columns.firstIndex(of: name) else { return }
            try sheet.addDataValidation(validation, to: CellRange(rows: 2...lastValidatedRow, columns: (index + 1)...(index + 1)))
        }
        func whole(_ minimum: Int, _ maximum: Int?, _ column: String) -> DataValidation {
            let message = texts["template.column.\(column).help"]
            return DataValidation(
                .wholeNumber(minimum: minimum, maximum: maximum), inputTitle: String(texts["template.column.\(column)"].prefix(32)),
                inputMessage: message, errorTitle: texts["template.prompt.not-allowed"], errorMessage: message)
        }
        func decimal(_ range: ClosedRange<Double>, _ column: String) -> DataValidation {
            let message = texts["template.column.\(column).help"]
            return DataValidation(
                .decimal(minimum: range.lowerBound, maximum: range.upperBound),
                inputTitle: String(texts["template.column.\(column)"].prefix(32)),
                inputMessage: message, errorTitle: texts["template.prompt.not-allowed"], errorMessage: message)
        }
        for name in columns {
            guard let list = listColumns[name], let range = lists[list] else { continue }
            let what = texts["template.what.\(list)"]
            try add(name, DataValidation(
                .listFromRange(range), inputTitle: String(texts["template.column.\(name)"].prefix(32)),
                inputMessage: texts.format("template.prompt.list", ["what": what]),
                errorTitle: String(texts.format("template.prompt.unknown", ["what": what]).prefix(32)),
                errorMessage: texts.format("template.prompt.choose", ["what": what])))
        }
        try add("slots", whole(1, nil, "slots"))
        try add("months", whole(1, 12, "months"))
        try add("stipend_vnd_per_month", whole(0, nil, "stipend_vnd_per_month"))
        try add("min_year", whole(1, 5, "min_year"))
        try add("year", whole(1, 5, "year"))
        try add("score", decimal(0...100, "score"))
        try add("baseline_intake", whole(0, nil, "baseline_intake"))
        try add("capacity", whole(0, nil, "capacity"))
        try add("tuition_vnd_per_year", whole(0, nil, "tuition_vnd_per_year"))
        try add("completion_rate", decimal(0...1, "completion_rate"))
        try add("entry_rate", decimal(0...1, "entry_rate"))
    }

    private static func writeInstructions(_ sheet: XLSXWorksheet, kind: Kind, scenario: Scenario, language: Language) throws {
        let first = Catalogue(language)
        let second = Catalogue(language == .vi ? .en : .vi)
        try sheet.setColumnWidth(30, column: 1)
        try sheet.setColumnWidth(70, column: 2)
        try sheet.setColumnWidth(70, column: 3)
        let title = "\(first["template.title.\(kind.rawValue)"]) — \(second["template.title.\(kind.rawValue)"])"
        try sheet.write(.string(title), row: 1, column: 1, style: WorkbookStyles.title)
        func both(_ key: String) -> (String, String) { (first[key], second[key]) }
        let how = ["sheet": kind.sheetName, "file": kind.fileName, "csv": "\(kind.rawValue).csv"]
        var lines: [(topic: String, first: String, second: String)] = []
        let howKey = kind == .programs ? "template.instructions.programs.text" : "template.instructions.how.text"
        lines.append((first["template.instructions.how"],
                      first.format(howKey, how.merging(["row": first["template.row.\(kind.rawValue)"]]) { $1 }),
                      second.format(howKey, how.merging(["row": second["template.row.\(kind.rawValue)"]]) { $1 })))
        if kind == .students {
            let privacy = both("template.instructions.privacy.text")
            lines.append((first["template.instructions.privacy"], privacy.0, privacy.1))
        }
        let codes = both("template.instructions.codes.text")
        lines.append((first["template.instructions.codes"], codes.0, codes.1))
        for column in kind.columns {
            let help = both("template.column.\(column).help")
            lines.append((header(column, language: language), help.0, help.1))
        }
        try sheet.writeRow([.string(first["template.instructions.topic"]), .string(first["template.instructions.what"]),
                            .string(second["template.instructions.what"])],
                           startingAt: CellAddress(row: 3, column: 1), style: WorkbookStyles.header)
        for (offset, line) in lines.enumerated() {
            try sheet.write(.string(line.topic), row: offset + 4, column: 1, style: WorkbookStyles.note)
            try sheet.write(.string(line.first), row: offset + 4, column: 2, style: WorkbookStyles.note)
            try sheet.write(.string(line.second), row: offset + 4, column: 3, style: WorkbookStyles.note)
        }
        var row = lines.count + 6
        for (key, entries) in [("template.instructions.skills", scenario.skills.map { ($0.id.rawValue, $0.name) }),
                               ("template.instructions.regions", scenario.regions.map { ($0.id.rawValue, $0.name) })] {
            try sheet.write(.string("\(first[key]) / \(second[key])"), row: row, column: 1, style: WorkbookStyles.section)
            row += 1
            for (code, name) in entries {
                try sheet.write(.string(code), row: row, column: 1)
                try sheet.write(.string(name), row: row, column: 2)
                row += 1
            }
            row += 1
        }
    }
}
