import Foundation
import Testing
import Workforce

@testable import XLSXReading

/// Seeded random workbooks for the xlsx reader (issue 15): mutated sheet, shared-strings and
/// workbook XML, and flipped bytes in the ZIP itself. Reading either succeeds or throws
/// ``XLSXReadError``; it never traps. A failure names its iteration, replayable from the seed.
@Suite("Fuzzing the xlsx reader with seeded random workbooks")
struct XLSXFuzzTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let sheet = """
        <worksheet xmlns="\(main)"><sheetData>\
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x_x0001_y</t></is></c></row>\
        <row r="2"><c r="A2"><v>1.5E3</v></c><c r="B2" t="b"><v>1</v></c><c r="C2"><f>A2*2</f><v>3000</v></c></row>\
        </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>
        """
    static let strings = "<si><t>Hà Nội</t></si><si><r><t>Bắc </t></r><r><t>Ninh</t></r></si>"
    static let pieces = ["<", ">", "/", "\"", "=", "&", "&amp;", "&#0;", "<c r=\"XFD1048577\">", "<v>", "</v>", "<row r=\"-1\">",
                         "t=\"s\"", "<v>99</v>", "\u{1}", "\u{FFFE}", "<![CDATA[", "]]>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;"]

    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: characters.insert(contentsOf: pieces.randomElement(using: &random)!, at: position)
            case 1 where !characters.isEmpty:
                characters.removeSubrange(position..<min(characters.count, position + Int.random(in: 1...12, using: &random)))
            default:
                let end = min(characters.count, position + Int.random(in: 1...30, using: &random))
                characters.insert(contentsOf: characters[position..<end], at: position)
            }
        }
        return String(characters)
    }

    @Test("mutated parts and damaged ZIP bytes are read or reported, never a trap", .timeLimit(.minutes(1)))
    func mutatedWorkbooks() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        var random = SplitMix64(seed: 2026_18)
        for iteration in 0..<250 {
            var sheet = Self.sheet
            var strings = Self.strings
            var extra = ""
            switch iteration % 3 {
            case 0: sheet = Self.mutate(sheet, &random)
            case 1: strings = Self.mutate(strings, &random)
            default: extra = Self.mutate("<definedNames><definedName name=\"x\">S!$A$1</definedName></definedNames>", &random)
            }
            var url = try builder.zip(
                "fuzz\(iteration).xlsx",
                parts: PackageBuilder.workbook(sheets: [("S", nil, sheet)], sharedStrings: strings, workbookExtra: extra))
            if iteration % 5 == 4 {
                var bytes = [UInt8](try Data(contentsOf: url))
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                url = builder.directory.appendingPathComponent("damaged\(iteration).xlsx")
                try Data(bytes).write(to: url)
            }
            do {
                let document = try XLSXDocument(contentsOf: url, limits: .init(maximumUnpackedBytes: 1 << 20, maximumCells: 1_000))
                for sheet in document.sheets { _ = try? sheet.rows() }
            } catch is XLSXReadError {
                // A clear error is a good outcome.
            } catch {
                Issue.record("iteration \(iteration): not an XLSXReadError: \(error)")
            }
        }
    }
}
