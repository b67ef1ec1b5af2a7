/// UTF-8 bytes of an XML part being written: markup appended as it is, texts escaped, numbers
/// formatted without `Foundation` (a national plan writes millions of cells).
struct XMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends markup (ASCII, already valid XML) as it is.
    mutating func markup(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The XML declaration every part starts with.
    mutating func declaration() {
        markup(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        bytes.append(0x0A)
    }

    /// Appends character data, `&`, `<` and `>` escaped.
    mutating func text(_ text: String) {
        escaped(text, quotes: false)
    }

    /// Appends a cell's text: escaped as ``text(_:)``, and the control characters XML cannot
    /// hold (all below U+0020 but tab, line feed and carriage return) written as Excel's
    /// `_xHHHH_` escapes, which Excel and LibreOffice read back as the character.
    mutating func cellText(_ text: String) {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            escaped(text, quotes: false)
            return
        }
        var escapedText = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escapedText += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
            } else {
                escapedText.unicodeScalars.append(scalar)
            }
        }
        escaped(escapedText, quotes: false)
    }

    /// Appends an attribute's value (inside double quotes), `&`, `<`, `>` and `"` escaped.
    mutating func attribute(_ text: String) {
        escaped(text, quotes: true)
    }

    private mutating func escaped(_ text: String, quotes: Bool) {
        var text = text
        text.withUTF8 { utf8 in
            let special = utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && $0 == 0x22) }
            guard special else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x26: markup("&amp;")
                case 0x3C: markup("&lt;")
                case 0x3E: markup("&gt;")
                case 0x22 where quotes: markup("&quot;")
                default: bytes.append(byte)
                }
            }
        }
    }

    /// Appends a whole number in decimal.
    mutating func integer(_ value: Int) {
        if value == .min {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(0x30 + UInt8(magnitude))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Appends a finite number as Excel reads it back exactly: whole numbers as integers, others
    /// in the shortest form that round-trips (`0.1`, `1e-07`).
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 9e18 {
            // -0.0 is written as 0, as Excel shows it.
            integer(Int(value))
        } else {
            var description = value.description
            description.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends a cell's A1 reference, e.g. `AB12`.
    mutating func cellReference(row: Int, column: Int) {
        columnLetters(column)
        integer(row)
    }

    /// Appends a 1-based column's letters, e.g. `AB` for 28.
    mutating func columnLetters(_ column: Int) {
        // Most sheets stay within A–Z: one byte, no string.
        if (1...26).contains(column) {
            bytes.append(0x40 + UInt8(column))
        } else {
            bytes.append(contentsOf: CellAddress.columnLetters(column).utf8)
        }
    }

    /// Appends an ARGB colour attribute value, e.g. `FF1F3864`.
    mutating func argb(_ color: CellColor) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        markup("FF")
        for shift in stride(from: 20, through: 0, by: -4) {
            bytes.append(hex[Int((color.rgb >> UInt32(shift)) & 0xF)])
        }
    }

    /// Appends raw bytes (a part already written).
    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }
}
