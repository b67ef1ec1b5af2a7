import Foundation
import Testing
import ZIPFoundation

@testable import XLSXReading

/// A workbook that unpacks to far more than it weighs, or holds more cells than a table should,
/// is refused with an error naming the limit, instead of exhausting memory (issue 15, item 3).
@Suite("Limits on what a workbook may unpack to")
struct LimitsTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A ZIP whose one sheet part is `<worksheet><sheetData>`, `padding` spaces, and the end
    /// tags: it compresses about a thousand to one. The bytes are made chunk by chunk, never held.
    static func bomb(_ builder: PackageBuilder, padding: Int) throws -> URL {
        let url = builder.directory.appendingPathComponent("bomb.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in PackageBuilder.workbook(sheets: [("S", nil, "<worksheet xmlns=\"\(Self.main)\"/>")]) {
            guard path != "xl/worksheets/sheet1.xml" else { continue }
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let head = Data("<worksheet xmlns=\"\(Self.main)\"><sheetData>".utf8)
        let tail = Data("</sheetData></worksheet>".utf8)
        let total = head.count + padding + tail.count
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate,
            bufferSize: 1 << 20
        ) { position, size in
            var chunk = Data(repeating: 0x20, count: size)
            let start = Int(position)
            let end = start + size
            if start < head.count {
                let count = min(head.count, end) - start
                chunk.replaceSubrange(0..<count, with: head[start..<start + count])
            }
            let tailStart = head.count + padding
            if end > tailStart {
                let from = max(start, tailStart)
                chunk.replaceSubrange((from - start)..<size, with: tail[(from - tailStart)..<(end - tailStart)])
            }
            return chunk
        }
        return url
    }

    @Test("a zip bomb (257 MiB of XML in a small file) is refused under the default limit, naming it")
    func zipBombDefaultLimit() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let url = try Self.bomb(builder, padding: 257 << 20)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size < 2 << 20, "the bomb must be small on disk: \(size) bytes")
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("\(256 << 20) bytes"), "\(error)")
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(clock.now - start < .seconds(5))
    }

    @Test("the bytes inflated count against the limit across all parts")
    func smallLimit() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let url = try Self.bomb(builder, padding: 100_000)
        let error = try #require(throws: XLSXReadError.self) {
            try XLSXDocument(contentsOf: url, limits: .init(maximumUnpackedBytes: 50_000))
        }
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("50000 bytes"))
        #expect(try XLSXDocument(contentsOf: url, limits: .init(maximumUnpackedBytes: 200_000)).sheets.count == 1)
    }

    @Test("more cells than the limit is refused, naming the limit; as many as the limit is read")
    func cellLimit() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let cells = (1...11).map { "<c r=\"A\($0)\"><v>\($0)</v></c>" }.joined()
        let sheet = "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\">\(cells)</row></sheetData></worksheet>"
        let url = try builder.zip("cells.xlsx", parts: PackageBuilder.workbook(sheets: [("S", nil, sheet)]))
        let error = try #require(throws: XLSXReadError.self) {
            try XLSXDocument(contentsOf: url, limits: .init(maximumCells: 10))
        }
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("more than 10 cells"), "\(error)")
        #expect(try XLSXDocument(contentsOf: url, limits: .init(maximumCells: 11)).sheets[0].cells.count == 11)
    }

    @Test("more shared strings than the cell limit is refused")
    func sharedStringLimit() throws {
        let builder = try PackageBuilder()
        defer { builder.remove() }
        let sheet = "<worksheet xmlns=\"\(Self.main)\"><sheetData/></worksheet>"
        let strings = String(repeating: "<si><t>x</t></si>", count: 6)
        let url = try builder.zip(
            "strings.xlsx", parts: PackageBuilder.workbook(sheets: [("S", nil, sheet)], sharedStrings: strings))
        let error = try #require(throws: XLSXReadError.self) {
            try XLSXDocument(contentsOf: url, limits: .init(maximumCells: 5))
        }
        #expect(error.code == .tooLarge)
    }
}
