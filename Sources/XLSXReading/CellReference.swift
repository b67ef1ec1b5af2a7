/// Converting between A1 references and 1-based (row, column) numbers.
public enum CellReference {
    /// The 1-based row and column of an A1 reference (`"B12"` → (12, 2); `$` signs are ignored),
    /// or `nil` if it is not one.
    public static func position(of reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & ~0x20) - UInt8(ascii: "A") + 1)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard digits > 0, row >= 1, row <= 1_048_576, column <= 16_384 else { return nil }
        return (row, column)
    }

    /// The A1 reference of a 1-based row and column: (12, 2) → `"B12"`.
    public static func reference(row: Int, column: Int) -> String {
        columnLetters(column) + String(row)
    }

    /// The letters of a 1-based column: 1 → `A`, 28 → `AB`.
    public static func columnLetters(_ column: Int) -> String {
        var n = column
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8((n - 1) % 26)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}
