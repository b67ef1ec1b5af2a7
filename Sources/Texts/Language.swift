import Foundation

/// The languages SkillPlan speaks to people in. Vietnamese is the users' first language.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en
    case vi

    /// Parses `en`/`vi` (also `english`, `vietnamese`, `tiếng việt`), ignoring case.
    public init?(code: String) {
        switch code.lowercased().trimmingCharacters(in: .whitespaces) {
        case "en", "english", "en-gb", "en-us": self = .en
        case "vi", "vietnamese", "vi-vn", "tiếng việt": self = .vi
        default: return nil
        }
    }
}
