/// Deterministic decimal text for numbers in generated files (no locale, no binary noise).
enum DecimalText {
    /// `value` rounded to `places` decimals, trailing zeros kept: `format(0.5, places: 2)` is `0.50`.
    static func format(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let divisor = Int64(scale)
        var fraction = String(scaled % divisor)
        while fraction.count < places { fraction = "0" + fraction }
        return sign + String(scaled / divisor) + "." + fraction
    }

    /// `value` with at most `places` decimals, trailing zeros removed (`0.5`, `12`).
    static func compact(_ value: Double, places: Int) -> String {
        var text = format(value, places: places)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A whole number padded with zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Money with `_` between thousands, as the YAML files allow: `300_000_000_000`.
    static func groupedVND(_ value: Int64) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append("_") }
            result.append(digit)
        }
        return result
    }
}

/// CSV text building: RFC 4180 quoting only where a field needs it.
enum CSVText {
    /// The field as it must appear in a CSV cell.
    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted.append("\"\"") } else { quoted.append(character) }
        }
        quoted.append("\"")
        return quoted
    }
}
