import Foundation

/// The CLI validators' "expected …" phrases in the reader's language: the validators in
/// `Workforce` state facts in English (the CLI prints them as they are); the portal says the
/// common ones in Vietnamese from the catalogue, keeping the numbers, and shows any other as
/// the CLI says it.
enum ValidatorWords {
    private struct Pattern {
        let key: String
        let expression: NSRegularExpression
        let names: [String]
    }

    private static let patterns: [Pattern] = [
        ("portal.expected.whole-number-range", #"^a whole number from (-?\d+) to (-?\d+)$"#, ["low", "high"]),
        ("portal.expected.whole-number-minimum", #"^a whole number, (-?\d+) or more \(at most (\d+)\)$"#, ["low", "high"]),
        ("portal.expected.number-range", #"^a number from (\S+) to (\S+)$"#, ["low", "high"]),
        ("portal.expected.value", #"^a value; the field is empty$"#, []),
        ("portal.expected.vnd", #"^an amount in whole VND, 0 or more \(digits only\), at most (.+)$"#, ["high"]),
        ("portal.expected.capacity", #"^a capacity at least the baseline intake \((\d+)\)$"#, ["low"]),
        ("portal.expected.code", #"^the code of (.+)$"#, ["what"]),
    ].compactMap { key, pattern, names in
        (try? NSRegularExpression(pattern: pattern)).map { Pattern(key: key, expression: $0, names: names) }
    }

    static func say(_ expected: String, _ kit: PageKit) -> String {
        guard kit.texts.language != .en else { return expected }
        let whole = NSRange(expected.startIndex..., in: expected)
        for pattern in patterns {
            guard let match = pattern.expression.firstMatch(in: expected, range: whole) else { continue }
            var values: [String: String] = [:]
            for (index, name) in pattern.names.enumerated() {
                if let range = Range(match.range(at: index + 1), in: expected) { values[name] = String(expected[range]) }
            }
            return kit.format(pattern.key, values)
        }
        return expected
    }
}
