/// The bounds every text and number of an input must keep so that every later stage (Excel
/// workbooks, CSV outputs, file names, `Int` and `Double` arithmetic) can take it as it is.
/// The loaders check them, so that nothing is written for an input that a writer would refuse.
public enum InputLimits {
    /// The longest id (institution, programme, posting, student…): ids become parts of file names.
    public static let maximumCodeLength = 64
    /// The longest text in a field: well within Excel's 32,767 characters a cell even when a
    /// sheet joins a few texts in one cell.
    public static let maximumTextLength = 4_000
    /// The largest amount of money, in VND (10^14, a hundred trillion): fifty years of it stay
    /// below 2^53, so sums are exact as `Double` and in Excel, and no `Int64` product overflows.
    public static let maximumVND: VND = 100_000_000_000_000
    /// The largest count of people or places (intake, capacity) and the largest rank.
    public static let maximumCount = 1_000_000_000

    /// Why `text` cannot be written to a file as it is, or nil when it can: control characters
    /// (U+0000–U+001F, U+007F–U+009F; a line feed and a tab are allowed when `lineBreaks`) and
    /// the noncharacters U+FFFE, U+FFFF (and U+FDD0–U+FDEF), which XML 1.0 cannot hold or which
    /// would cut the text (NUL).
    public static func textProblem(_ text: String, lineBreaks: Bool = false) -> String? {
        // Fast path: a text of printable ASCII is fine.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let value = scalar.value
            if lineBreaks, value == 0x0A || value == 0x09 { continue }
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            let nonCharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            if control || nonCharacter {
                let hex = String(value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                let kind = value == 0 ? "a NUL character" : control ? "a control character" : "a noncharacter"
                return "text without control characters or noncharacters; character \(offset + 1) is \(kind) (\(code))"
            }
        }
        return nil
    }

    /// Why a code that matches `[A-Za-z0-9._-]+` still cannot be used, or nil: longer than
    /// ``maximumCodeLength`` (codes become parts of file names), or not starting with a letter or
    /// digit (a leading `-` makes a spreadsheet read a CSV cell as a formula, and a file name as
    /// an option).
    public static func codeProblem(_ code: String) -> String? {
        if code.utf8.count > maximumCodeLength {
            return "a code of at most \(maximumCodeLength) characters (codes become parts of file names); it has \(code.utf8.count)"
        }
        if let first = code.utf8.first,
           !((0x30...0x39).contains(first) || (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first)) {
            return "a code starting with a letter or a digit (a leading `\(Unicode.Scalar(first))` is read as a formula or an option)"
        }
        return nil
    }

    /// Whether `text` is written as a decimal number (`12`, `-0.5`, `1e6`), not in the other
    /// forms `Double(_:)` accepts (`0x1p6`, `nan`, `inf`).
    public static func isDecimal(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }
    }

    /// `text` with control characters, escape sequences included, shown as `\u{1B}`: safe to
    /// print on a terminal (an input must not be able to clear the user's screen).
    public static func printable(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || value & 0xFFFE == 0xFFFE {
                result += "\\u{\(String(value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
