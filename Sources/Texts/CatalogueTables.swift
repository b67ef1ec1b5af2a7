/// The per-language tables of ``Catalogue``. Each area adds its table in its own file
/// (`CatalogueTables+Area.swift`, one `english…` and one `vietnamese…` dictionary) and lists it
/// in ``areas`` (one line per area).
enum CatalogueTables {
    static func table(for language: Language) -> [String: String] {
        language == .vi ? vietnameseTable : englishTable
    }

    // Merged once per process (a static is initialised once, thread-safely): a catalogue is
    // made for every workbook of a plan, thousands at national scale.
    private static let englishTable = merged(.en)
    private static let vietnameseTable = merged(.vi)

    private static func merged(_ language: Language) -> [String: String] {
        areas(for: language).reduce(into: [:]) { table, area in table.merge(area) { first, _ in first } }
    }

    /// Every area table of one language, for the test that no key is defined twice.
    static func areas(for language: Language) -> [[String: String]] {
        let areas: [(english: [String: String], vietnamese: [String: String])] = [
            (englishCommon, vietnameseCommon),
            (englishPlanning, vietnamesePlanning),
            (englishWorkbooks, vietnameseWorkbooks),
            (englishRuns, vietnameseRuns),
            (englishTemplates, vietnameseTemplates),
            (englishInputs, vietnameseInputs),
            (englishMatching, vietnameseMatching),
            (englishPortal, vietnamesePortal),
        ]
        return areas.map { language == .vi ? $0.vietnamese : $0.english }
    }
}
