import Foundation

/// The checks of `postings.csv` and `students.csv` for tables that arrive on their own (a form,
/// an uploaded template), with the same messages as the CLI's, so that a portal and `validate`
/// say the same thing about the same row.
public enum SubmittedTables {
    /// Validates posting rows against the codes of a scenario.
    /// - Returns: the valid postings and every problem found, each with its row and field.
    public static func postings(_ table: CSVTable, enterprises: Set<Enterprise.ID>, skills: Set<Skill.ID>,
                                regions: Set<Region.ID>) -> (postings: [InternshipPosting], errors: [InputError]) {
        let diagnostics = Diagnostics()
        let postings = TableLoaders(diagnostics: diagnostics)
            .postings(table, enterprises: enterprises, skills: skills, regions: regions)
        return (postings ?? [], diagnostics.errors)
    }

    /// Validates student rows (their preferences must name one of `postings`).
    public static func students(_ table: CSVTable, institutions: Set<Institution.ID>, skills: Set<Skill.ID>,
                                regions: Set<Region.ID>, postings: Set<InternshipPosting.ID>) -> (students: [Student], errors: [InputError]) {
        let diagnostics = Diagnostics()
        let students = TableLoaders(diagnostics: diagnostics)
            .students(table, institutions: institutions, skills: skills, regions: regions, postings: postings)
        return (students ?? [], diagnostics.errors)
    }

    /// Validates programme rows (capacity at least the baseline intake, known institution and
    /// curriculum, …) and returns every problem found.
    public static func programs(_ table: CSVTable, institutions: [Institution], curricula: [Curriculum],
                                enterprises: Set<Enterprise.ID>) -> [InputError] {
        let diagnostics = Diagnostics()
        _ = TableLoaders(diagnostics: diagnostics).programs(
            table, institutions: Dictionary(institutions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            curricula: Dictionary(curricula.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), enterprises: enterprises)
        return diagnostics.errors
    }

    /// Reads a filled Excel request template (the sheet named `sheet`, else the first visible
    /// one) as a table, within the limits of every `.xlsx` input.
    public static func spreadsheet(at url: URL, displayPath: String, sheet: String) throws(InputErrors) -> CSVTable {
        try SpreadsheetTable.read(url, displayPath: displayPath, sheetName: sheet)
    }
}
