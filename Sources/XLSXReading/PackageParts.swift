import Foundation

/// Relationships (`*.rels`): Id → (type, target).
final class RelationshipsHandler: XMLPartHandler {
    struct Relationship {
        let type: String
        let target: String
        let isExternal: Bool
    }

    private(set) var relationships: [String: Relationship] = [:]

    func start(_ name: String, attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships[id] = Relationship(
            type: attributes["Type"] ?? "", target: target, isExternal: attributes["TargetMode"] == "External")
    }

    func end(_ name: String, text: String) {}
}

/// `workbook.xml`: sheets in order, defined names, active tab.
final class WorkbookHandler: XMLPartHandler {
    struct SheetEntry {
        let name: String
        let relationshipID: String
        let state: String?
    }

    private(set) var sheets: [SheetEntry] = []
    private(set) var definedNames: [XLSXDefinedName] = []
    private(set) var activeTab = 0
    private var pendingName: [String: String]?

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "sheet":
            let relationship = attributes.first { XMLPartReader.localName($0.key) == "id" && $0.key.contains(":") }
            sheets.append(
                SheetEntry(
                    name: attributes["name"] ?? "", relationshipID: relationship?.value ?? "",
                    state: attributes["state"]))
        case "workbookView":
            activeTab = attributes["activeTab"].flatMap { Int($0) } ?? 0
        case "definedName":
            pendingName = attributes
        default:
            break
        }
    }

    func end(_ name: String, text: String) {
        guard name == "definedName", let attributes = pendingName else { return }
        definedNames.append(
            XLSXDefinedName(
                name: attributes["name"] ?? "", formula: text,
                localSheetIndex: attributes["localSheetId"].flatMap { Int($0) },
                isHidden: attributes["hidden"] == "1" || attributes["hidden"] == "true"))
        pendingName = nil
    }
}

/// `sharedStrings.xml`: the string table, rich text runs joined, phonetic runs skipped.
final class SharedStringsHandler: XMLPartHandler {
    private(set) var strings: [String] = []
    /// At most this many strings (the document's cell limit: more strings than cells is no table).
    private let limit: Int
    private let limitError: XLSXReadError
    private(set) var stopError: XLSXReadError?

    init(limit: Int = .max, limitError: XLSXReadError = XLSXReadError(.tooLarge, path: "", "too many strings")) {
        self.limit = limit
        self.limitError = limitError
    }
    private var current = ""
    private var inPhonetic = false

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: String, text: String) {
        switch name {
        case "t" where !inPhonetic: current += text
        case "rPh": inPhonetic = false
        case "si":
            guard strings.count < limit else {
                stopError = limitError
                return
            }
            strings.append(current.decodingOOXMLEscapes)
        default: break
        }
    }
}

/// `docProps/core.xml` and `docProps/app.xml`.
final class PropertiesHandler: XMLPartHandler {
    var properties = XLSXCoreProperties()

    func start(_ name: String, attributes: [String: String]) {}

    func end(_ name: String, text: String) {
        switch name {
        case "title": properties.title = text
        case "subject": properties.subject = text
        case "creator": properties.creator = text
        case "keywords": properties.keywords = text
        case "description": properties.description = text
        case "category": properties.category = text
        case "Company": properties.company = text
        case "created": properties.created = Self.date(text)
        case "modified": properties.modified = Self.date(text)
        default: break
        }
    }

    private static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: trimmed) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: trimmed)
    }
}
