/// An error reading an `.xlsx` file: says which file and which part inside it.
///
/// A public struct wrapping an internal enum of codes, so codes can be added later.
public struct XLSXReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public let code: Code
    /// The file that was being read.
    public let path: String
    /// The part inside the package (e.g. `xl/worksheets/sheet1.xml`), if the failure is in one.
    public let part: String?
    /// The line in that part, for malformed XML.
    public let line: Int?
    /// What went wrong.
    public let message: String

    init(_ code: Code.Storage, path: String, part: String? = nil, line: Int? = nil, _ message: String) {
        self.code = Code(code)
        self.path = path
        self.part = part
        self.line = line
        self.message = message
    }

    /// `file.xlsx [xl/worksheets/sheet1.xml, line 3]: message`.
    public var description: String {
        var location = path
        if let part {
            location += " [" + part + (line.map { ", line \($0)" } ?? "") + "]"
        }
        return location + ": " + message
    }
}

extension XLSXReadError {
    /// The kind of an ``XLSXReadError``; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: String, Hashable, Sendable {
            case unreadableFile
            case notAZip
            case missingPart
            case malformedXML
            case unknownSheet
            case invalidReference
            case gridTooLarge
            case tooLarge
        }

        let storage: Storage

        init(_ storage: Storage) { self.storage = storage }

        /// The file does not exist or cannot be read.
        public static var unreadableFile: Self { .init(.unreadableFile) }
        /// The file is not a ZIP archive (so not an `.xlsx`; perhaps an old `.xls` or a CSV).
        public static var notAZip: Self { .init(.notAZip) }
        /// A part the workbook needs (workbook.xml, a sheet it lists) is not in the archive.
        public static var missingPart: Self { .init(.missingPart) }
        /// A part is not well-formed XML or not what SpreadsheetML says it should be.
        public static var malformedXML: Self { .init(.malformedXML) }
        /// No sheet has the requested name.
        public static var unknownSheet: Self { .init(.unknownSheet) }
        /// A cell reference is not of the form `B12`.
        public static var invalidReference: Self { .init(.invalidReference) }

        /// A sheet's used area is too large to return as a dense grid.
        public static var gridTooLarge: Self { .init(.gridTooLarge) }

        /// The package unpacks to more bytes, or holds more cells, than the reader's
        /// ``XLSXDocument/Limits`` allow (a zip bomb, or a table better given as CSV).
        public static var tooLarge: Self { .init(.tooLarge) }

        /// The code's name.
        public var description: String { storage.rawValue }
    }
}
