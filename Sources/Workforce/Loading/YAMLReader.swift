internal import Yams

/// A YAML node with its file and key path, read with checks that report into ``Diagnostics``.
///
/// Every accessor returns nil after reporting when the node is not what was expected, so a
/// loader can go on and find the next error.
struct YAMLValue {
    let node: Node
    let file: String
    /// The dotted key path, e.g. `sectors[2].localisation.2030`.
    let path: String
    let diagnostics: Diagnostics

    /// Parses a whole document. Reports a syntax error (with its line and column) and returns nil.
    static func parse(_ text: String, file: String, diagnostics: Diagnostics) -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.report(SourceLocation(file: file), expected: "a YAML mapping; the file is empty")
                return nil
            }
            return YAMLValue(node: node, file: file, path: "", diagnostics: diagnostics)
        } catch let error as YamlError {
            diagnostics.report(Self.location(of: error, file: file), expected: "well-formed YAML: \(Self.problem(of: error))")
            return nil
        } catch {
            diagnostics.report(SourceLocation(file: file), expected: "well-formed YAML: \(error)")
            return nil
        }
    }

    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            SourceLocation(file: file)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
            let .composer(context, problem, _, _):
            [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
        default:
            "\(error)"
        }
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    private var fieldName: String? { path.isEmpty ? nil : path }

    func fail(_ expected: String, value: String? = nil) {
        diagnostics.report(location, field: fieldName, value: value ?? scalarText, expected: expected)
    }

    var scalarText: String? { node.scalar?.string }

    private func child(_ node: Node, key: String) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)", diagnostics: diagnostics)
    }

    // MARK: Collections

    /// The entries of a mapping in file order. Reports keys outside `allowed` (when given),
    /// duplicate keys, and a node that is not a mapping.
    func entries(allowed: Set<String>? = nil) -> [(key: String, value: YAMLValue)]? {
        guard let mapping = node.mapping else {
            fail("a mapping of `key: value` entries", value: scalarText ?? "a list")
            return nil
        }
        var seen = Set<String>()
        var result: [(key: String, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyValue = YAMLValue(node: keyNode, file: file, path: path, diagnostics: diagnostics)
            if let allowed, !allowed.contains(key) {
                keyValue.fail("one of the keys \(allowed.sorted().joined(separator: ", "))", value: key)
                continue
            }
            if !seen.insert(key).inserted {
                keyValue.fail("each key once; this key is repeated", value: key)
                continue
            }
            result.append((key, child(valueNode, key: key)))
        }
        return result
    }

    /// A mapping read as a record with known keys; reports missing `required` keys and unknown keys.
    func record(required: [String], optional: [String] = []) -> YAMLRecord? {
        guard let entries = entries(allowed: Set(required + optional)) else { return nil }
        let values = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for key in required where values[key] == nil {
            diagnostics.report(location, field: path.isEmpty ? key : "\(path).\(key)", expected: "the key `\(key)`, which is missing")
        }
        return YAMLRecord(owner: self, values: values)
    }

    /// The items of a sequence. Reports a node that is not a sequence.
    func items() -> [YAMLValue]? {
        guard let sequence = node.sequence else {
            fail("a list (`- item` lines or `[a, b]`)")
            return nil
        }
        return sequence.enumerated().map { offset, item in
            YAMLValue(node: item, file: file, path: "\(path)[\(offset + 1)]", diagnostics: diagnostics)
        }
    }

    // MARK: Scalars

    /// A text: no control characters but line feeds and tabs, at most
    /// ``InputLimits/maximumTextLength`` characters (texts reach Excel cells and document properties).
    func string() -> String? {
        guard let text = scalarText else {
            fail("a text value")
            return nil
        }
        if text.count > InputLimits.maximumTextLength {
            fail("a text of at most \(InputLimits.maximumTextLength) characters; it has \(text.count)", value: String(text.prefix(80)))
            return nil
        }
        if let problem = InputLimits.textProblem(text, lineBreaks: true) {
            fail(problem)
            return nil
        }
        return text
    }

    func code<Entity>(_ kind: Code<Entity>.Type = Code<Entity>.self) -> Code<Entity>? {
        guard let text = string() else { return nil }
        guard Code<Entity>.isValid(text) else {
            fail("a code of letters, digits, `.`, `_` or `-`")
            return nil
        }
        if let problem = InputLimits.codeProblem(text) {
            fail(problem)
            return nil
        }
        return Code(text)
    }

    func double(in range: ClosedRange<Double>, meaning: String = "a number") -> Double? {
        guard let text = scalarText?.replacingOccurrences(of: "_", with: ""), InputLimits.isDecimal(text),
              let value = Double(text), value.isFinite else {
            fail("\(meaning) between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))")
            return nil
        }
        guard range.contains(value) else {
            fail("\(meaning) between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))")
            return nil
        }
        return value
    }

    /// A rate: a decimal from 0 to 1.
    func rate() -> Double? { double(in: 0...1, meaning: "a rate (a decimal from 0 to 1)") }

    func int(in range: ClosedRange<Int>, meaning: String = "a whole number") -> Int? {
        guard let text = scalarText, let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
            fail("\(meaning) from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// Whole VND, not negative, at most ``InputLimits/maximumVND``.
    func vnd() -> VND? {
        guard let text = scalarText, let value = VND(text.replacingOccurrences(of: "_", with: "")), value >= 0,
              value <= InputLimits.maximumVND else {
            fail("an amount of money in whole VND, 0 or more (digits only, `_` allowed), at most \(NumberText.vnd(InputLimits.maximumVND))")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        switch scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("true or false")
            return nil
        }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) -> Choice? where Choice.RawValue == String {
        guard let text = scalarText, let value = Choice(rawValue: text) else {
            fail("one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// A YAML mapping read as a record of known keys.
struct YAMLRecord {
    let owner: YAMLValue
    let values: [String: YAMLValue]

    subscript(key: String) -> YAMLValue? { values[key] }
}
