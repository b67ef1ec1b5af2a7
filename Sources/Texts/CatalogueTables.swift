/// The per-language tables of ``Catalogue``. Each area adds its table in its own file
/// (`CatalogueTables+Area.swift`, one `english…` and one `vietnamese…` dictionary) and lists it
/// here.
enum CatalogueTables {
    static func table(for language: Language) -> [String: String] {
        let areas: [[String: String]]
        switch language {
        case .en: areas = [englishCommon, englishMatching]
        case .vi: areas = [vietnameseCommon, vietnameseMatching]
        }
        return areas.reduce(into: [:]) { table, area in table.merge(area) { first, _ in first } }
    }

    /// Every area table of one language, for the test that no key is defined twice.
    static func areas(for language: Language) -> [[String: String]] {
        switch language {
        case .en: [englishCommon, englishMatching]
        case .vi: [vietnameseCommon, vietnameseMatching]
        }
    }
}
