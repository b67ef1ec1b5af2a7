/// Texts as the XML parts of a workbook can hold them.
///
/// XML 1.0 cannot hold most control characters, nor the noncharacters U+FFFE and U+FFFF, and a
/// C string ends at a NUL. libxlsxwriter escapes control characters in cell texts (`_x0001_`)
/// but not in document properties, and escapes neither NUL nor the noncharacters anywhere. The
/// loaders reject such characters in inputs; this is the writer's own guard for every other text.
enum XMLText {
    /// Whether `scalar` can be written raw into an XML 1.0 part.
    static func isValid(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    /// `text` with every character XML 1.0 cannot hold replaced by U+FFFD, for document
    /// properties and other texts where a changed character is better than a corrupt file.
    static func valid(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isValid($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isValid(scalar) ? scalar : "\u{FFFD}")
        }
        return String(result)
    }

    /// Why a cell text cannot be written, or nil: a NUL (the text would be cut there) or a
    /// noncharacter U+FFFE/U+FFFF (the sheet would not be XML). Other control characters are
    /// escaped by the library.
    static func cellProblem(_ text: String) -> String? {
        // Fast path: the bytes of U+FFFE/U+FFFF start with 0xEF; NUL is 0x00.
        guard text.utf8.contains(where: { $0 == 0 || $0 == 0xEF }) else { return nil }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.value == 0 {
                return "has a NUL character at position \(offset + 1), which would cut the text there"
            }
            if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                return "has the noncharacter U+\(String(scalar.value, radix: 16, uppercase: true)) at position \(offset + 1), which XML cannot hold"
            }
        }
        return nil
    }
}
