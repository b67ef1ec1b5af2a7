/// A short identifier of one kind of entity: `HN`, `P-HUST-AUTO-BSC`, `MOULD`.
///
/// The phantom `Entity` keeps a skill code from being passed where a region code is expected.
/// Codes are `[A-Za-z0-9._-]+` (see ``isValid(_:)``); the loader rejects anything else.
public struct Code<Entity>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code as written in the input files.
    public let rawValue: String

    /// Wraps a code without checking it; loaders check with ``isValid(_:)`` first.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether `text` is a well-formed code: one or more of `A–Z a–z 0–9 . _ -`.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }
}

/// Money in whole Vietnamese đồng.
public typealias VND = Int64
