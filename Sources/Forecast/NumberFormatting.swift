/// Number text for the renderers, independent of the locale.
enum NumberText {
    /// `value` rounded to whole units with thousands separators: `12,345`, `-7`, `0`.
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let rounded = value.rounded()
        guard abs(rounded) < 9e15 else { return String(value) }
        let whole = Int64(rounded)
        let digits = String(whole.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return whole < 0 ? "-" + result : result
    }

    /// `value` with at most six decimals, no exponent, trailing zeros dropped: `12.5`, `-0.000001`, `3`.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let scaled = (value * 1_000_000).rounded()
        guard abs(scaled) < 9e18 else { return String(value) }
        let micro = Int64(scaled)
        if micro == 0 { return "0" }
        let magnitude = micro.magnitude
        let whole = magnitude / 1_000_000
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        let sign = micro < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
