import Foundation
import Testing
@testable import Workforce

/// Seeded random inputs for the CSV and YAML readers and the whole loader (issue 15): whatever
/// the bytes, a load either succeeds or throws ``InputErrors``; it never traps. The seeds are the
/// corpus: a failure names its seed and iteration, so it can be replayed exactly.
@Suite("Fuzzing the readers with seeded random inputs")
struct FuzzTests {
    /// Bytes that matter to the readers: separators, quotes, line ends, YAML syntax, control
    /// characters, invalid UTF-8, digits and signs.
    static let interesting: [UInt8] = Array(",\";\n\r\t :-[]{}#&*!|>'%@`0123456789e.+_xX".utf8)
        + [0x00, 0x01, 0x1B, 0x7F, 0xC3, 0xA0, 0xE2, 0x82, 0xAC, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0xFF, 0xEF, 0xBF, 0xBE]

    /// `bytes` changed a few times at random: bytes replaced, inserted, deleted, runs repeated,
    /// numbers made huge.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] = interesting.randomElement(using: &random) ?? 0
            case 1:
                bytes.insert(interesting.randomElement(using: &random) ?? 0, at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...20, using: &random))
                bytes.removeSubrange(position..<end)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 4:
                bytes.insert(contentsOf: Array(["9223372036854775807", "-1", "1e308", "nan", "0x1p6", "9007199254740993"]
                    .randomElement(using: &random)!.utf8), at: position)
            case 5 where !bytes.isEmpty:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            default:
                bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) },
                             at: position)
            }
        }
        return bytes
    }

    @Test("CSV: random bytes and mutated tables parse or fail with input errors", .timeLimit(.minutes(1)))
    func csv() {
        var random = SplitMix64(seed: 2026_15)
        let fixture = ScenarioFixture()
        let seeds = fixture.files.filter { $0.key.hasSuffix(".csv") }.sorted { $0.key < $1.key }.map { Array($0.value.utf8) }
        for iteration in 0..<3_000 {
            let bytes = iteration % 4 == 0
                ? (0..<Int.random(in: 0...200, using: &random)).map { _ in Self.interesting.randomElement(using: &random) ?? 0 }
                : Self.mutate(seeds[iteration % seeds.count], &random)
            let whole: Result<CSVTable, InputErrors>
            do {
                let table = try CSVTable.parse(bytes: bytes, file: "fuzz.csv")
                for row in table.rows { for field in row.fields { #expect(field.line >= 1 && field.column >= 1, "iteration \(iteration)") } }
                whole = .success(table)
            } catch {
                #expect(!error.errors.isEmpty, "iteration \(iteration)")
                whole = .failure(error)
            }
            // The table read row by row from the bytes is the same table, or the same errors.
            let streamed = Result { () throws(InputErrors) in try CSVTable.parse(data: Data(bytes), file: "fuzz.csv") }
            switch (whole, streamed) {
            case let (.success(a), .success(b)):
                #expect(a.header == b.header && a.headerRowLine == b.headerRowLine, "iteration \(iteration)")
                var streamedRows: [[CSVTable.Field]] = []
                b.forEachRow { streamedRows.append($0.fields) }
                #expect(a.rows.map(\.fields) == streamedRows, "iteration \(iteration)")
                #expect(a.rows.map(\.line) == b.rows.map(\.line) && b.rowCount == a.rows.count, "iteration \(iteration)")
            case let (.failure(a), .failure(b)):
                #expect(a.errors == b.errors, "iteration \(iteration)")
            default:
                Issue.record("iteration \(iteration): the whole and the streamed parse disagree")
            }
        }
    }

    @Test("YAML: mutated scenario, fund and curriculum files read or report, never trap", .timeLimit(.minutes(1)))
    func yaml() {
        var random = SplitMix64(seed: 2026_16)
        let fixture = ScenarioFixture()
        let skills: Set<Skill.ID> = ["MAT", "AUTO"]
        let regions: Set<Region.ID> = ["HN", "BN"]
        for iteration in 0..<1_500 {
            let diagnostics = Diagnostics()
            let file = ["scenario.yaml", "fund.yaml", "Curricula/mat-bsc.yaml"][iteration % 3]
            let text = String(decoding: Self.mutate(Array(fixture.files[file]!.utf8), &random), as: UTF8.self)
            switch iteration % 3 {
            case 0: _ = ScenarioFileReader(diagnostics: diagnostics).read(text, file: file)
            case 1: _ = FundFileReader(diagnostics: diagnostics, years: 2026...2028, skills: skills, regions: regions).read(text, file: file)
            default: _ = CurriculumFileReader(diagnostics: diagnostics, skills: skills).read(text, file: file)
            }
            for error in diagnostics.errors {
                #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B }, "iteration \(iteration): \(error)")
            }
        }
    }

    @Test("the whole loader on mutated scenario directories succeeds or throws input errors", .timeLimit(.minutes(1)))
    func scenarioDirectories() throws {
        var random = SplitMix64(seed: 2026_17)
        let names = ScenarioFixture().files.keys.sorted()
        for iteration in 0..<60 {
            var fixture = ScenarioFixture()
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let name = names.randomElement(using: &random)!
                fixture.files[name] = String(decoding: Self.mutate(Array(fixture.files[name]!.utf8), &random), as: UTF8.self)
            }
            let directory = try fixture.write()
            defer { try? FileManager.default.removeItem(at: directory) }
            do {
                _ = try ScenarioLoader.load(directory: directory)
            } catch {
                #expect(!error.errors.isEmpty, "iteration \(iteration)")
            }
        }
    }
}
