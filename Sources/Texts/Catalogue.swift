/// Every text a person reads, in one language: look a text up by its key and fill its
/// `{placeholders}`.
///
/// The texts live in one table per language (``CatalogueTables``), split into one file per area
/// (workbooks, terminal, portal, …) so that areas can be edited apart; the catalogue of a
/// language is the union of its area tables. A test checks that every key exists in every
/// language with the same placeholders.
///
/// ```swift
/// let texts = Catalogue(.vi)
/// texts["summary.shortage"]                         // "Thiếu hụt"
/// texts.format("runs.count", ["count": "3"])        // "3 lần chạy"
/// ```
public struct Catalogue: Sendable {
    public let language: Language
    private let table: [String: String]

    public init(_ language: Language) {
        self.language = language
        self.table = CatalogueTables.table(for: language)
    }

    /// The text of `key`; a key missing from the catalogue reads as itself in brackets, so that a
    /// gap shows in the output (and the catalogue test fails) instead of crashing.
    public subscript(_ key: String) -> String {
        table[key] ?? "[\(key)]"
    }

    /// Whether the catalogue has a text for `key`.
    public func contains(_ key: String) -> Bool { table[key] != nil }

    /// The text of `key` with each `{name}` replaced by `values[name]`.
    public func format(_ key: String, _ values: [String: String]) -> String {
        Catalogue.fill(self[key], values)
    }

    /// Every key of this language.
    public var keys: Set<String> { Set(table.keys) }

    /// Number formats for this language (``NumberFormat``).
    public var numbers: NumberFormat { NumberFormat(language) }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The `{placeholder}` names of a text, for the catalogue test.
    public static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
