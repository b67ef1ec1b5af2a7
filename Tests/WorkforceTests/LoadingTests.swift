import Foundation
import Testing
@testable import Workforce

@Suite("Loading a scenario directory")
struct LoadingTests {
    @Test func fixtureLoadsAndResolvesProgrammes() throws {
        let directory = try ScenarioFixture().write()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try ScenarioLoader.load(directory: directory)
        let scenario = loaded.scenario
        #expect(scenario.settings.years == 2026...2028)
        #expect(scenario.skills.map(\.id) == ["MAT", "AUTO"])
        #expect(scenario.regions.map(\.name) == ["Hà Nội", "Bắc Ninh"])
        #expect(scenario.programs.count == 3)
        let automation = try #require(scenario.programs.first { $0.id == "P-B-AUTO" })
        #expect(automation.region == "BN")
        #expect(automation.skill == "AUTO")
        #expect(automation.durationYears == 3)
        #expect(automation.completionRate == 0.8)
        let materials = try #require(scenario.programs.first { $0.id == "P-A-MAT" })
        #expect(materials.completionRate == 0.8)
        #expect(materials.industryEntryRate == 0.7)
        #expect(materials.spareCapacity == 20)
        let upskilling = try #require(scenario.programs.first { $0.id == "P-B-UPS" })
        #expect(upskilling.isOnsiteTraining)
        #expect(upskilling.hostEnterprise == "ENT-1")
        #expect(scenario.fund.budgetByYear == [2026: 1_000_000_000, 2027: 2_000_000_000])
        #expect(scenario.fund.fairness.regionalFloor?.regions == ["HN"])
        #expect(scenario.fund.internships.fundedOwnership == [.domestic])
        #expect(scenario.students.first { $0.id == "STU-3" }?.preferences == ["POST-2", "POST-1"])
        #expect(scenario.variants.map(\.name) == ["fast"])
        #expect(loaded.contentHash.count == 64)
        #expect(loaded.files.count == 10)
    }

    @Test func contentHashDependsOnContentNotPlace() throws {
        let first = try ScenarioFixture().write()
        let second = try ScenarioFixture().write()
        let changed = try ScenarioFixture().replacing("STU-1,INST-B,AUTO,2,80", with: "STU-1,INST-B,AUTO,2,81", in: "students.csv").write()
        defer { [first, second, changed].forEach { try? FileManager.default.removeItem(at: $0) } }
        let hash = try ScenarioLoader.load(directory: first).contentHash
        #expect(try ScenarioLoader.load(directory: second).contentHash == hash)
        #expect(try ScenarioLoader.load(directory: changed).contentHash != hash)
    }

    @Test func variantAppliesLocalisationOverride() throws {
        let directory = try ScenarioFixture().write()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = try ScenarioLoader.load(directory: directory).scenario
        let fast = try #require(scenario.variant(named: "fast"))
        let applied = scenario.applying(fast)
        #expect(applied.sectors[0].localisation.rate(in: 2030) == 0.70)
        #expect(scenario.sectors[0].localisation.rate(in: 2030) == 0.50)
        #expect(abs(scenario.sectors[0].localisation.rate(in: 2027) - 0.38) < 1e-12)
        #expect(applied.variantName == "fast")
    }
}

/// One case per kind of bad input: which file, line, column and field the first error names,
/// and a phrase of what it says.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    let old: String
    let new: String
    let expectedFile: String
    let line: Int?
    let column: Int?
    let field: String?
    let phrase: String

    var testDescription: String { name }
}

@Suite("Bad input is reported with file, line, column and what was expected")
struct BadInputTests {
    static let cases: [BadInput] = [
        BadInput(name: "mobility shares that do not sum to 1", file: "scenario.yaml", old: "discount_rate: 0.03",
                 new: "discount_rate: 0.03\nmobility: {stay_share: 0.6, macro_region_share: 0.3, national_share: 0.3}",
                 expectedFile: "scenario.yaml", line: 7, column: nil, field: "mobility", phrase: "national_share = 1"),
        BadInput(name: "both attrition and separations", file: "scenario.yaml", old: "weight: 1.5, attrition: 0.04}",
                 new: "weight: 1.5, attrition: 0.04, separations: {transfer: 0.01, other: 0.01}}",
                 expectedFile: "scenario.yaml", line: 9, column: nil, field: "skills[2]", phrase: "not both"),
        BadInput(name: "age profile without a retirement age", file: "scenario.yaml", old: "weight: 1.5, attrition: 0.04}",
                 new: "weight: 1.5, age_profile: {\"22-39\": 0.7, \"40-61\": 0.3}, separations: {transfer: 0.01, other: 0.01}}",
                 expectedFile: "scenario.yaml", line: 9, column: nil, field: "skills[2].separations", phrase: "retirement_age"),
        BadInput(name: "age bands that do not sum to 1", file: "scenario.yaml", old: "weight: 1.5, attrition: 0.04}",
                 new: "weight: 1.5, age_profile: {\"22-39\": 0.7, \"40-61\": 0.2}, separations: {retirement: 0.01, transfer: 0.01, other: 0.01}}",
                 expectedFile: "scenario.yaml", line: 9, column: nil, field: "skills[2].age_profile", phrase: "sum to 1"),
        BadInput(name: "an unknown distribution", file: "scenario.yaml", old: "discount_rate: 0.03",
                 new: "discount_rate: 0.03\nuncertainty: {stay_share: {normal: [0.5, 0.1]}}",
                 expectedFile: "scenario.yaml", line: 7, column: nil, field: "uncertainty.stay_share.normal", phrase: "triangular: [low, mode, high]"),
        BadInput(name: "malformed YAML", file: "scenario.yaml", old: "title: Tiny test scenario", new: "title: [unclosed",
                 expectedFile: "scenario.yaml", line: 3, column: nil, field: nil, phrase: "well-formed YAML"),
        BadInput(name: "malformed CSV", file: "postings.csv", old: "POST-2,ENT-2", new: "\"POST-2,ENT-2",
                 expectedFile: "postings.csv", line: 3, column: 1, field: nil, phrase: "closing quote"),
        BadInput(name: "missing column", file: "postings.csv", old: ",min_year", new: "",
                 expectedFile: "postings.csv", line: 1, column: nil, field: "header", phrase: "`min_year`"),
        BadInput(name: "unknown column", file: "enterprises.csv", old: "size,tier", new: "size,tier,ceo",
                 expectedFile: "enterprises.csv", line: 1, column: 8, field: "header", phrase: "only the columns"),
        BadInput(name: "wrong type", file: "postings.csv", old: "POST-1,ENT-1,AUTO,BN,2", new: "POST-1,ENT-1,AUTO,BN,two",
                 expectedFile: "postings.csv", line: 2, column: 5, field: "slots", phrase: "whole number"),
        BadInput(name: "negative number", file: "programs.csv", old: "P-A-MAT,INST-A,MAT-BSC,50,70,20000000",
                 new: "P-A-MAT,INST-A,MAT-BSC,50,70,-5", expectedFile: "programs.csv", line: 2, column: 6,
                 field: "tuition_vnd_per_year", phrase: "0 or more"),
        BadInput(name: "rate outside 0–1", file: "scenario.yaml", old: "attrition: 0.05", new: "attrition: 1.5",
                 expectedFile: "scenario.yaml", line: 8, column: nil, field: "skills[1].attrition", phrase: "from 0 to 1"),
        BadInput(name: "capacity below baseline intake", file: "programs.csv", old: "P-A-MAT,INST-A,MAT-BSC,50,70",
                 new: "P-A-MAT,INST-A,MAT-BSC,50,40", expectedFile: "programs.csv", line: 2, column: 5, field: "capacity",
                 phrase: "at least the baseline intake"),
        BadInput(name: "unknown institution", file: "programs.csv", old: "P-B-AUTO,INST-B", new: "P-B-AUTO,INST-Z",
                 expectedFile: "programs.csv", line: 3, column: 2, field: "institution", phrase: "institutions.csv"),
        BadInput(name: "unknown enterprise", file: "postings.csv", old: "POST-2,ENT-2", new: "POST-2,ENT-9",
                 expectedFile: "postings.csv", line: 3, column: 2, field: "enterprise", phrase: "enterprises.csv"),
        BadInput(name: "unknown preference", file: "students.csv", old: "POST-2;POST-1", new: "POST-2;POST-7",
                 expectedFile: "students.csv", line: 4, column: 7, field: "preferences", phrase: "postings.csv"),
        BadInput(name: "duplicate id", file: "institutions.csv", old: "INST-B,Cao", new: "INST-A,Cao",
                 expectedFile: "institutions.csv", line: 3, column: 1, field: "institution", phrase: "unique"),
        BadInput(name: "empty file", file: "enterprises.csv", old: "enterprise,name,region,sector,ownership,size,tier\nENT-1,Công ty Một,BN,ELEC,domestic,small,2\nENT-2,FDI Two,HN,ELEC,fdi,large,1",
                 new: "", expectedFile: "enterprises.csv", line: nil, column: nil, field: nil, phrase: "empty"),
        BadInput(name: "unknown enum value", file: "enterprises.csv", old: "domestic,small", new: "domestic,tiny",
                 expectedFile: "enterprises.csv", line: 2, column: 6, field: "size", phrase: "micro, small, medium, large"),
        BadInput(name: "unknown YAML key", file: "fund.yaml", old: "carry_over: true", new: "carry_over: true\nbudget_extra: 5",
                 expectedFile: "fund.yaml", line: 4, column: 1, field: nil, phrase: "one of the keys"),
        BadInput(name: "fairness share outside 0–1", file: "fund.yaml", old: "institution_share_cap: 0.8",
                 new: "institution_share_cap: 1.8", expectedFile: "fund.yaml", line: 8, column: nil,
                 field: "fairness.institution_share_cap", phrase: "from 0 to 1"),
        BadInput(name: "per_year names a rule that does not exist", file: "fund.yaml", old: "institution_share_cap: 0.8",
                 new: "institution_share_cap: 0.8\n  per_year: [regional_cap]", expectedFile: "fund.yaml", line: 9, column: nil,
                 field: "fairness.per_year[1]", phrase: "one of the fairness rules"),
        BadInput(name: "capacity expansion share outside 0–1", file: "fund.yaml", old: "carry_over: true",
                 new: "carry_over: true\ncapacity_expansion: {cost_vnd_per_seat: 100, max_share_of_capacity: 1.5}",
                 expectedFile: "fund.yaml", line: 4, column: nil, field: "capacity_expansion.max_share_of_capacity",
                 phrase: "from 0 to 1"),
        BadInput(name: "rule names unknown region", file: "fund.yaml", old: "regions: [HN]", new: "regions: [XX]",
                 expectedFile: "fund.yaml", line: 9, column: nil, field: "fairness.regional_floor.regions[1]", phrase: "region"),
        BadInput(name: "negative budget", file: "fund.yaml", old: "2027: 2000000000", new: "2027: -2000000000",
                 expectedFile: "fund.yaml", line: 2, column: nil, field: "budget_vnd.2027", phrase: "0 or more"),
        BadInput(name: "a language SkillPlan does not speak", file: "scenario.yaml", old: "title: Tiny test scenario",
                 new: "title: Tiny test scenario\nlanguage: fr", expectedFile: "scenario.yaml", line: 3, column: nil,
                 field: "language", phrase: "vi (Vietnamese) or en (English)"),
        BadInput(name: "localisation not increasing in years", file: "scenario.yaml", old: "{2025: 0.30, 2030: 0.50}",
                 new: "{2030: 0.50, 2025: 0.30}", expectedFile: "scenario.yaml", line: 18, column: nil,
                 field: "sectors[1].localisation.2025", phrase: "increasing order"),
        BadInput(name: "horizon outside the anchor years", file: "scenario.yaml", old: "horizon_years: 3", new: "horizon_years: 8",
                 expectedFile: "scenario.yaml", line: nil, column: nil, field: nil, phrase: "cover the horizon 2026–2033"),
        BadInput(name: "unknown variant parameter", file: "scenario.yaml", old: "description: Faster localisation",
                 new: "description: Faster localisation\n    tariff: 0.2", expectedFile: "scenario.yaml", line: 26, column: nil,
                 field: "variants[1]", phrase: "one of the keys"),
        BadInput(name: "duplicate rank at a posting", file: "rankings.csv", old: "", new: "",
                 expectedFile: "rankings.csv", line: 3, column: 3, field: "rank", phrase: "not given to another student"),
        BadInput(name: "rank not a positive integer", file: "rankings.csv", old: "POST-1,STU-1,1", new: "POST-1,STU-1,0",
                 expectedFile: "rankings.csv", line: 2, column: 3, field: "rank", phrase: "1 or more"),
        BadInput(name: "student listed twice", file: "students.csv", old: "STU-3,INST-A", new: "STU-2,INST-A",
                 expectedFile: "students.csv", line: 4, column: 1, field: "student", phrase: "unique"),
        BadInput(name: "preferences separated by commas (extra fields)", file: "students.csv", old: "POST-2;POST-1",
                 new: "POST-2,POST-1", expectedFile: "students.csv", line: 4, column: 8, field: nil,
                 phrase: "this line has 8 (1 extra"),
        // Issue 15, item 1: every text reaching a file is valid for it.
        BadInput(name: "control character in a name", file: "institutions.csv", old: "INST-A,Đại học A",
                 new: "INST-A,Đại học\u{01} A", expectedFile: "institutions.csv", line: 2, column: 2, field: "name",
                 phrase: "character 8 is a control character (U+0001)"),
        BadInput(name: "NUL in a name is an error, not a cut", file: "enterprises.csv", old: "ENT-2,FDI Two",
                 new: "ENT-2,Nul\u{0}byte", expectedFile: "enterprises.csv", line: 3, column: 2, field: "name",
                 phrase: "a NUL character (U+0000)"),
        BadInput(name: "U+FFFE in a name", file: "enterprises.csv", old: "ENT-1,Công ty Một",
                 new: "ENT-1,Công ty\u{FFFE} Một", expectedFile: "enterprises.csv", line: 2, column: 2, field: "name",
                 phrase: "noncharacter (U+FFFE)"),
        BadInput(name: "escape sequence in a YAML title", file: "scenario.yaml", old: "title: Tiny test scenario",
                 new: "title: \"Tiny\\e[2J test\"", expectedFile: "scenario.yaml", line: 2, column: nil, field: "title",
                 phrase: "control character (U+001B)"),
        // Issue 15, item 4: every bound a later stage has is checked at validation.
        BadInput(name: "id too long for a file name", file: "institutions.csv", old: "INST-B,Cao",
                 new: "\(String(repeating: "I", count: 300)),Cao", expectedFile: "institutions.csv", line: 3, column: 1,
                 field: "institution", phrase: "at most 64 characters"),
        BadInput(name: "name longer than a cell can hold", file: "enterprises.csv", old: "ENT-2,FDI Two",
                 new: "ENT-2,\(String(repeating: "x", count: 40_000))", expectedFile: "enterprises.csv", line: 3, column: 2,
                 field: "name", phrase: "at most 4000 characters; it has 40000"),
        BadInput(name: "tuition beyond exact doubles (2^53+1)", file: "programs.csv", old: "P-A-MAT,INST-A,MAT-BSC,50,70,20000000",
                 new: "P-A-MAT,INST-A,MAT-BSC,50,70,9007199254740993", expectedFile: "programs.csv", line: 2, column: 6,
                 field: "tuition_vnd_per_year", phrase: "at most 100,000,000,000,000"),
        BadInput(name: "capacity of Int64.max", file: "programs.csv", old: "P-A-MAT,INST-A,MAT-BSC,50,70",
                 new: "P-A-MAT,INST-A,MAT-BSC,50,9223372036854775807", expectedFile: "programs.csv", line: 2, column: 5,
                 field: "capacity", phrase: "at most 1000000000"),
        BadInput(name: "rank of 2^53+1", file: "rankings.csv", old: "POST-1,STU-1,1", new: "POST-1,STU-1,9007199254740993",
                 expectedFile: "rankings.csv", line: 2, column: 3, field: "rank", phrase: "at most 1000000000"),
        BadInput(name: "budget of Int64.max", file: "fund.yaml", old: "2027: 2000000000", new: "2027: 9223372036854775807",
                 expectedFile: "fund.yaml", line: 2, column: nil, field: "budget_vnd.2027", phrase: "at most 100,000,000,000,000"),
        BadInput(name: "living support of Int64.max (would overflow tuition + support)", file: "fund.yaml",
                 old: "living_support_vnd_per_year: 12000000", new: "living_support_vnd_per_year: 9223372036854775807",
                 expectedFile: "fund.yaml", line: 4, column: nil, field: "scholarships.living_support_vnd_per_year",
                 phrase: "at most 100,000,000,000,000"),
        BadInput(name: "id starting with '-' (a formula in CSV outputs)", file: "postings.csv", old: "POST-1,ENT-1",
                 new: "-POST-1,ENT-1", expectedFile: "postings.csv", line: 2, column: 1, field: "posting",
                 phrase: "starting with a letter or a digit"),
        // Issue 15, item 10: a hexadecimal float is not a score.
        BadInput(name: "hexadecimal score", file: "students.csv", old: "STU-1,INST-B,AUTO,2,80", new: "STU-1,INST-B,AUTO,2,0x1p6",
                 expectedFile: "students.csv", line: 2, column: 5, field: "score", phrase: "a number from 0 to 100"),
    ]

    @Test(arguments: cases)
    func reportsFileLineAndField(_ bad: BadInput) throws {
        var fixture = ScenarioFixture()
        if bad.file == "rankings.csv" {
            fixture.files["rankings.csv"] = "posting,student,rank\nPOST-1,STU-1,1\nPOST-1,STU-3,1"
        }
        let broken = bad.old.isEmpty ? fixture : fixture.replacing(bad.old, with: bad.new, in: bad.file)
        #expect(broken.files[bad.file] != fixture.files[bad.file] || bad.old.isEmpty, "the case must change its file")
        let errors = try broken.loadErrors()
        let error = try #require(errors.first { $0.location.file.hasSuffix(bad.expectedFile) }, "errors: \(errors)")
        if let line = bad.line { #expect(error.location.line == line, "\(error)") }
        if let column = bad.column { #expect(error.location.column == column, "\(error)") }
        if let field = bad.field { #expect(error.field == field, "\(error)") }
        #expect(error.description.contains(bad.phrase), "\(error)")
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "printable: \(error)")
    }

    @Test func everyErrorIsReportedNotOnlyTheFirst() throws {
        let broken = ScenarioFixture()
            .replacing("POST-1,ENT-1,AUTO,BN,2", with: "POST-1,ENT-1,AUTO,BN,0", in: "postings.csv")
            .replacing("INST-B,Cao đẳng B,BN", with: "INST-B,Cao đẳng B,ZZ", in: "institutions.csv")
            .replacing("attrition: 0.04", with: "attrition: -1", in: "scenario.yaml")
        let errors = try broken.loadErrors()
        let files = Set(errors.map { URL(fileURLWithPath: $0.location.file).lastPathComponent })
        #expect(files.isSuperset(of: ["postings.csv", "institutions.csv", "scenario.yaml"]), "\(errors)")
    }

    @Test func csvFromBytesValidatesUTF8OnceAndNamesTheLine() throws {
        var bytes = Array("a,b\nx,y\nz,".utf8)
        bytes += [0xC3, 0x28]  // a lead byte without its continuation
        bytes += Array("\n".utf8)
        let error = try #require(throws: InputErrors.self) { try CSVTable.parse(bytes: bytes, file: "t.csv") }
        #expect(error.errors.first?.location.line == 3)
        #expect(error.errors.first?.description.contains("byte 3 of this line is not UTF-8") == true, "\(error)")
        for invalid: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            #expect(throws: InputErrors.self) { try CSVTable.parse(bytes: Array("h\n".utf8) + invalid, file: "t.csv") }
        }
        let valid = try CSVTable.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("h,k\r\nĐồng Nai,𝄞 ok\r\n".utf8), file: "t.csv")
        #expect(valid.header == ["h", "k"])
        #expect(valid.rows.map { $0.fields.map(\.text) } == [["Đồng Nai", "𝄞 ok"]])
    }

    @Test func csvLastLineEndingWithACommaIsKept() throws {
        let table = try CSVTable.parse("a,b\n1,\n2,3,", file: "t.csv")
        #expect(table.rows.map { $0.fields.map(\.text) } == [["1", ""], ["2", "3", ""]])
        #expect(table.rows[1].fields[2].column == 3)
    }

    @Test func csvQuotingAndLinesAreExact() throws {
        let table = try CSVTable.parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",2\n", file: "t.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].fields.map(\.text) == ["x, y", "say \"hi\""])
        #expect(table.rows[1].line == 4)
        #expect(table.rows[1].fields[0].text == "multi\nline")
        #expect(table.rows[1].fields[1].column == 2)
    }
}
