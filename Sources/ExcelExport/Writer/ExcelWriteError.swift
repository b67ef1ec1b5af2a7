internal import CXlsxWriter

/// An error raised while building or writing an `.xlsx` workbook.
///
/// A public struct wrapping an internal enum of codes (the shape of swift-subprocess's
/// `SubprocessError`), so new codes can be added without breaking clients. The
/// ``description`` says what is wrong and, where it helps, what to do about it.
public struct ExcelWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public let code: Code
    /// What went wrong, in words a user can act on.
    public let message: String
    /// The workbook file concerned (the final destination path), if known.
    public let path: String?
    /// The worksheet concerned, if any.
    public let sheet: String?
    /// The libxlsxwriter `lxw_error` number when the library reported the failure, else `nil`.
    public let libraryErrorNumber: Int?

    init(
        _ code: Code.Storage, _ message: String, path: String? = nil, sheet: String? = nil,
        libraryErrorNumber: Int? = nil
    ) {
        self.code = Code(code)
        self.message = message
        self.path = path
        self.sheet = sheet
        self.libraryErrorNumber = libraryErrorNumber
    }

    /// A stable, one-line account of the error.
    public var description: String {
        var parts: [String] = []
        if let path { parts.append(path) }
        if let sheet { parts.append("sheet '\(sheet)'") }
        let prefix = parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
        let suffix = libraryErrorNumber.map { " (libxlsxwriter error \($0))" } ?? ""
        return prefix + message + suffix
    }
}

extension ExcelWriteError {
    /// The kind of an ``ExcelWriteError``; compare with the static members (`error.code == .invalidSheetName`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: String, Hashable, Sendable {
            case invalidSheetName
            case duplicateSheetName
            case invalidCellAddress
            case invalidArgument
            case valueTooLong
            case workbookClosed
            case destinationUnavailable
            case cannotCreateFile
            case fileSystem
            case library
        }

        let storage: Storage

        init(_ storage: Storage) { self.storage = storage }

        /// A sheet name is empty, longer than 31 characters, contains one of `[ ] : * ? / \`,
        /// or starts or ends with an apostrophe.
        public static var invalidSheetName: Self { .init(.invalidSheetName) }
        /// A sheet of that name (compared without regard to case, as Excel does) already exists.
        public static var duplicateSheetName: Self { .init(.duplicateSheetName) }
        /// A row or column is outside Excel's grid (rows 1…1,048,576, columns 1…16,384) or an A1
        /// reference could not be read.
        public static var invalidCellAddress: Self { .init(.invalidCellAddress) }
        /// A value the file format cannot hold (a NaN, an empty list, a list item with a comma…).
        public static var invalidArgument: Self { .init(.invalidArgument) }
        /// A text is longer than Excel allows in that place.
        public static var valueTooLong: Self { .init(.valueTooLong) }
        /// The workbook was already closed (written or failed); nothing more can be added.
        public static var workbookClosed: Self { .init(.workbookClosed) }
        /// The destination directory does not exist or is not writable.
        public static var destinationUnavailable: Self { .init(.destinationUnavailable) }
        /// The `.xlsx` file could not be created or written.
        public static var cannotCreateFile: Self { .init(.cannotCreateFile) }
        /// Moving the finished file into place failed.
        public static var fileSystem: Self { .init(.fileSystem) }
        /// Any other failure reported by libxlsxwriter.
        public static var library: Self { .init(.library) }

        /// The code's name, e.g. `invalidSheetName`.
        public var description: String { storage.rawValue }
    }
}

extension ExcelWriteError {
    /// Wraps an `lxw_error`, adding the library's own text to `context`.
    init(library error: lxw_error, _ context: String, path: String? = nil, sheet: String? = nil) {
        let text = lxw_strerror(error).map { String(cString: $0) } ?? "unknown error"
        let storage: Code.Storage
        switch error {
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, LXW_ERROR_INVALID_SHEETNAME_CHARACTER,
            LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
            storage = .invalidSheetName
        case LXW_ERROR_SHEETNAME_ALREADY_USED:
            storage = .duplicateSheetName
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
            storage = .invalidCellAddress
        case LXW_ERROR_32_STRING_LENGTH_EXCEEDED, LXW_ERROR_128_STRING_LENGTH_EXCEEDED,
            LXW_ERROR_255_STRING_LENGTH_EXCEEDED, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED,
            LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED:
            storage = .valueTooLong
        case LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE,
            LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR, LXW_ERROR_ZIP_BAD_ZIP_FILE,
            LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE:
            storage = .cannotCreateFile
        case LXW_ERROR_PARAMETER_VALIDATION, LXW_ERROR_NULL_PARAMETER_IGNORED:
            storage = .invalidArgument
        default:
            storage = .library
        }
        self.init(
            storage, "\(context): \(text)", path: path, sheet: sheet,
            libraryErrorNumber: Int(error.rawValue))
    }
}
