import Testing
@testable import Texts

@Suite struct CatalogueTests {
    @Test func everyKeyExistsInEveryLanguage() {
        let english = Catalogue(.en).keys
        for language in Language.allCases {
            let keys = Catalogue(language).keys
            #expect(keys.subtracting(english).sorted() == [], "keys only in \(language)")
            #expect(english.subtracting(keys).sorted() == [], "keys missing in \(language)")
        }
    }

    @Test func placeholdersAgreeAcrossLanguages() {
        let english = Catalogue(.en)
        for language in Language.allCases where language != .en {
            let other = Catalogue(language)
            for key in english.keys.sorted() where other.contains(key) {
                #expect(Catalogue.placeholders(in: english[key]) == Catalogue.placeholders(in: other[key]), "\(key)")
            }
        }
    }

    @Test(arguments: Language.allCases) func noKeyIsDefinedInTwoAreas(language: Language) {
        var seen = Set<String>()
        for area in CatalogueTables.areas(for: language) {
            let twice = seen.intersection(area.keys)
            #expect(twice.isEmpty, "defined twice: \(twice.sorted())")
            seen.formUnion(area.keys)
        }
    }

    @Test func fillsPlaceholdersAndShowsMissingKeys() {
        #expect(Catalogue.fill("{count} of {total}", ["count": "3", "total": "7"]) == "3 of 7")
        #expect(Catalogue.fill("{unknown} left", [:]) == "{unknown} left")
        #expect(Catalogue(.en)["no.such.key"] == "[no.such.key]")
        #expect(Catalogue(.vi)["unit.billion-vnd"] == "tỷ đồng")
    }

    @Test(arguments: [
        (Language.en, 1_234_567.25, 1, "1,234,567.3"),
        (Language.vi, 1_234_567.25, 1, "1.234.567,3"),
        (Language.vi, -0.04, 1, "0,0"),
        (Language.en, 999.5, 0, "1,000"),
    ])
    func groupsNumbersForTheReader(language: Language, value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat(language).grouped(value, decimals: decimals) == expected)
    }

    @Test func percentsBillionsAndDates() {
        #expect(NumberFormat(.vi).percent(0.125) == "12,5 %")
        #expect(NumberFormat(.en).billionsVND(1_250_000_000_000) == "1,250.0 bn VND")
        #expect(NumberFormat(.vi).billionsVND(1_250_000_000_000) == "1.250,0 tỷ đồng")
        #expect(NumberFormat(.vi).date(year: 2026, month: 12, day: 2) == "02/12/2026")
        #expect(Language(code: "VI") == .vi)
        #expect(Language(code: "fr") == nil)
    }
}
