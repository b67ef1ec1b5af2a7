import Foundation

/// The fields and files of a posted form (`application/x-www-form-urlencoded` or
/// `multipart/form-data`).
struct FormData: Sendable {
    struct File: Sendable {
        var fileName: String
        var bytes: Data
    }

    var fields: [String: String] = [:]
    var files: [String: File] = [:]

    subscript(_ name: String) -> String { fields[name] ?? "" }

    /// Parses a URL-encoded body.
    static func urlEncoded(_ body: Data) -> FormData {
        var form = FormData()
        let text = String(decoding: body, as: UTF8.self)
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if form.fields[name] == nil { form.fields[name] = value }
        }
        return form
    }

    /// Parses a multipart body with the boundary of its content type; nil when it is malformed.
    static func multipart(_ body: Data, contentType: String) -> FormData? {
        guard let boundaryRange = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var form = FormData()
        var position = body.startIndex
        guard let first = body.range(of: delimiter, in: position..<body.endIndex) else { return nil }
        position = first.upperBound
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: Data("--".utf8)) { break }
            guard body[position...].starts(with: Data("\r\n".utf8)) else { return nil }
            position += 2
            guard let headersRange = body.range(of: headerEnd, in: position..<body.endIndex),
                  let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headersRange.upperBound..<body.endIndex)
            else { return nil }
            let headers = String(decoding: body[position..<headersRange.lowerBound], as: UTF8.self)
            let content = Data(body[headersRange.upperBound..<next.lowerBound])
            var name: String?
            var fileName: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            if let name {
                if let fileName {
                    if !fileName.isEmpty || !content.isEmpty { form.files[name] = File(fileName: fileName, bytes: content) }
                } else if form.fields[name] == nil {
                    form.fields[name] = String(decoding: content, as: UTF8.self)
                }
            }
            position = next.upperBound
        }
        return form
    }

    private static func parameter(_ name: String, in line: String) -> String? {
        for part in line.components(separatedBy: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(name + "=") else { continue }
            return String(trimmed.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
