import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a part parser does with elements; names are local (namespace prefix removed), and
/// `text` is the character data seen since the element started.
protocol XMLPartHandler: AnyObject {
    func start(_ name: String, attributes: [String: String])
    func end(_ name: String, text: String)
    /// Set when the handler must stop the parse (a limit reached): the reader aborts and throws it.
    var stopError: XLSXReadError? { get }
}

extension XMLPartHandler {
    var stopError: XLSXReadError? { nil }
}

/// Drives `XMLParser` over one part and hands elements to a handler.
final class XMLPartReader: NSObject, XMLParserDelegate {
    private let handler: any XMLPartHandler
    private var text = ""
    /// Open elements. Foundation's parser on Linux recovers from some well-formedness errors
    /// (a mismatched end tag), so the reader checks nesting itself.
    private var openElements: [String] = []
    private var sawRoot = false
    private var firstError: (line: Int, message: String)?

    private init(handler: any XMLPartHandler) {
        self.handler = handler
    }

    /// Parses `data` (the part `part` of the file at `path`) with `handler`.
    /// - Throws: ``XLSXReadError`` `.malformedXML` with the line of the first error.
    static func parse(_ data: Data, part: String, path: String, with handler: any XMLPartHandler) throws {
        let reader = XMLPartReader(handler: handler)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let succeeded = parser.parse()
        if let stop = handler.stopError { throw stop }
        if let error = reader.firstError {
            throw XLSXReadError(.malformedXML, path: path, part: part, line: error.line, error.message)
        }
        guard succeeded else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown parser error"
            throw XLSXReadError(
                .malformedXML, path: path, part: part, line: parser.lineNumber,
                "not well-formed XML: \(reason)")
        }
        if !reader.sawRoot {
            throw XLSXReadError(.malformedXML, path: path, part: part, "the part is empty; expected XML")
        }
        if let unclosed = reader.openElements.last {
            throw XLSXReadError(
                .malformedXML, path: path, part: part, line: parser.lineNumber,
                "the file ends inside <\(unclosed)>; it is truncated")
        }
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        if firstError == nil { firstError = (parser.lineNumber, message) }
        parser.abortParsing()
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard firstError == nil else { return }
        if openElements.isEmpty && sawRoot {
            fail(parser, "a second root element <\(elementName)>; expected one")
            return
        }
        sawRoot = true
        openElements.append(elementName)
        text = ""
        handler.start(Self.localName(elementName), attributes: attributeDict)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard firstError == nil else { return }
        guard openElements.last == elementName else {
            let expected = openElements.last.map { "</\($0)>" } ?? "no end tag"
            fail(parser, "not well-formed XML: found </\(elementName)> where \(expected) was expected")
            return
        }
        openElements.removeLast()
        handler.end(Self.localName(elementName), text: text)
        if handler.stopError != nil { fail(parser, "stopped by a limit") }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail(parser, "not well-formed XML: \(parseError.localizedDescription)")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }
}

extension String {
    /// Decodes SpreadsheetML's `_xHHHH_` escapes (control characters in strings).
    var decodingOOXMLEscapes: String {
        guard contains("_x") else { return self }
        var result = ""
        var rest = self[...]
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hexStart = start.upperBound
            if let hexEnd = rest.index(hexStart, offsetBy: 4, limitedBy: rest.endIndex),
                hexEnd < rest.endIndex, rest[hexEnd] == "_",
                let code = UInt32(rest[hexStart..<hexEnd], radix: 16), let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: hexEnd)...]
            } else {
                result += "_x"
                rest = rest[hexStart...]
            }
        }
        return result + rest
    }
}
