/// The per-language tables of ``Catalogue``. Each area adds its table in its own file
/// (`CatalogueTables+Area.swift`, one `english…` and one `vietnamese…` dictionary) and lists it
/// here.
enum CatalogueTables {
    static func table(for language: Language) -> [String: String] {
        let areas: [[String: String]]
        switch language {
        case .en: areas = [englishCommon, englishRuns, englishTemplates, englishInputs]
        case .vi: areas = [vietnameseCommon, vietnameseRuns, vietnameseTemplates, vietnameseInputs]
        }
        return areas.reduce(into: [:]) { table, area in table.merge(area) { first, _ in first } }
    }

    /// Every area table of one language, for the test that no key is defined twice.
    static func areas(for language: Language) -> [[String: String]] {
        switch language {
        case .en: [englishCommon, englishRuns, englishTemplates, englishInputs]
        case .vi: [vietnameseCommon, vietnameseRuns, vietnameseTemplates, vietnameseInputs]
        }
    }
}
