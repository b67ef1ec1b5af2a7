/// A plain-text table with aligned columns, for terminal reports.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    /// A column: its header and how its cells align.
    public struct Column: Sendable {
        public var header: String
        public var alignment: Alignment
        public init(header: String, alignment: Alignment) {
            self.header = header
            self.alignment = alignment
        }
    }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    /// Columns after the first are right-aligned unless `alignments` says otherwise.
    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
    }

    public init(_ columns: [Column]) {
        headers = columns.map(\.header)
        alignments = columns.map(\.alignment)
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The header and rows (no rule), each line indented by `indent` spaces.
    public func lines(indent: Int = 2) -> [String] {
        let margin = String(repeating: " ", count: indent)
        return ([headers] + rows).map { margin + line($0) }
    }

    private var widths: [Int] {
        headers.indices.map { column in
            ([headers] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
    }

    private func line(_ cells: [String]) -> String {
        let widths = widths
        return headers.indices.map { column in
            let cell = column < cells.count ? cells[column] : ""
            let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
            return alignments[column] == .left ? cell + padding : padding + cell
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }

    /// The table as lines: header, a rule, rows. Widths count characters, so Vietnamese names align.
    public func render() -> String {
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}

/// Number formats for reports: grouped thousands, fixed decimals; deterministic on every platform.
public enum NumberText {
    /// `12345.6` → `12,346` with `decimals: 0`, `12,345.6` with `decimals: 1`.
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let scale = pow10(decimals)
        let rounded = (abs(value) * scale).rounded()
        let whole = Int64(rounded / scale)
        let fraction = Int64(rounded - Double(whole) * scale)
        var text = group(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return (value < 0 && rounded != 0 ? "-" : "") + text
    }

    /// `value` with at most six decimals, no exponent, trailing zeros dropped: `12.5`, `-0.000001`, `3`
    /// (for CSV files: exact enough, locale-independent).
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let scaled = (value * 1_000_000).rounded()
        guard abs(scaled) < 9e18 else { return String(value) }
        let micro = Int64(scaled)
        if micro == 0 { return "0" }
        let magnitude = micro.magnitude
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        let sign = micro < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(magnitude / 1_000_000)" : "\(sign)\(magnitude / 1_000_000).\(fraction)"
    }

    /// Whole VND with thousands separators: `1,250,000,000`.
    public static func vnd(_ amount: VND) -> String {
        (amount < 0 ? "-" : "") + group(amount.magnitude)
    }

    /// Billions of VND with one decimal: `1,250.0 bn`.
    public static func billions(_ amount: Double) -> String { grouped(amount / 1e9, decimals: 1) + " bn" }

    /// A share as a percentage: `0.1234` → `12.3 %`.
    public static func percent(_ share: Double, decimals: Int = 1) -> String { grouped(share * 100, decimals: decimals) + " %" }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }

    private static func group<Whole: BinaryInteger>(_ value: Whole) -> String {
        let digits = Array(String(value))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
