/// Safe file names for workbooks: only `A–Z a–z 0–9 . _ -`, never hidden, never empty.
enum WorkbookFileName {
    /// `prefix-part1-part2.xlsx` with every unsafe character of the parts replaced by `-`.
    static func make(_ prefix: String, _ parts: [String]) -> String {
        ([prefix] + parts.map(sanitize)).joined(separator: "-") + ".xlsx"
    }

    /// `text` with characters outside `[A-Za-z0-9._-]` replaced by `-` (`_` for an empty text).
    static func sanitize(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": Character(scalar)
            default: "-"
            }
        }
        let result = String(scalars)
        return result.isEmpty ? "_" : result
    }
}
