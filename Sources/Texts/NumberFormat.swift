/// Numbers as a reader of one language writes them: English `1,234,567.8` and `12.5 %`,
/// Vietnamese `1.234.567,8` and `12,5 %` (see the glossary). Deterministic on every platform
/// (no system locale).
public struct NumberFormat: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The thousands separator.
    public var groupingSeparator: String { language == .vi ? "." : "," }
    /// The decimal separator.
    public var decimalSeparator: String { language == .vi ? "," : "." }

    /// `12345.6` → `12,346` (en) or `12.346` (vi) with `decimals: 0`.
    public func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        guard rounded < 9e18 else { return String(value) }
        let whole = Int64(rounded / scale)
        let fraction = Int64(rounded - Double(whole) * scale)
        var text = group(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += decimalSeparator + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return (value < 0 && rounded != 0 ? "-" : "") + text
    }

    /// A share as a percentage: `0.1234` → `12.3 %` (en), `12,3 %` (vi).
    public func percent(_ share: Double, decimals: Int = 1) -> String {
        grouped(share * 100, decimals: decimals) + " %"
    }

    /// VND in billions with one decimal and the unit: `1,250.0 bn VND`, `1.250,0 tỷ đồng`.
    public func billionsVND(_ amount: Double, decimals: Int = 1) -> String {
        grouped(amount / 1e9, decimals: decimals) + (language == .vi ? " tỷ đồng" : " bn VND")
    }

    /// A date as `dd/mm/yyyy` (vi) or `yyyy-mm-dd` (en), from its parts.
    public func date(year: Int, month: Int, day: Int) -> String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return language == .vi ? "\(two(day))/\(two(month))/\(year)" : "\(year)-\(two(month))-\(two(day))"
    }

    /// An Excel number format code showing whole numbers grouped. Excel shows separators of the
    /// reader's system locale; this is the code that asks for grouping.
    public var excelGrouped: String { "#,##0" }

    private func group(_ value: Int64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text += groupingSeparator }
            text.append(digit)
        }
        return text
    }
}
