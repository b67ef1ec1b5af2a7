import Foundation
internal import CXlsxWriter

/// An `.xlsx` workbook being written, over libxlsxwriter.
///
/// The file appears at ``destination`` only when ``close()`` succeeds: the library writes a
/// temporary file in the same directory, which is then renamed into place (atomically). A run
/// that fails or is interrupted leaves no half-written workbook at the destination; on error the
/// temporary file is removed. A workbook that is never closed writes nothing.
///
/// ```swift
/// let workbook = try XLSXWorkbook(destination: url, properties: .init(title: "Fund plan"))
/// let sheet = try workbook.addWorksheet(named: "Plan")
/// try sheet.write("Hà Nội", row: 2, column: 1)
/// try workbook.close()
/// ```
///
/// Not thread-safe and not `Sendable`: build a workbook on one task.
public final class XLSXWorkbook {
    /// Options for how the file is produced.
    public struct Options: Hashable, Sendable {
        /// Write ZIP64 extensions, needed when a part exceeds 4 GB (very large sheets).
        public var useZip64: Bool
        /// Where libxlsxwriter keeps its scratch files while it assembles the zip; `nil`: the
        /// system's temporary directory. The default is `/dev/shm` when it is writable: the
        /// library opens about a dozen scratch files per workbook, and on disk those file-system
        /// calls dominate the time of writing thousands of small workbooks.
        public var scratchDirectory: String?

        /// Options; ZIP64 off by default.
        public init(useZip64: Bool = false, scratchDirectory: String? = Options.memoryBackedScratchDirectory) {
            self.useZip64 = useZip64
            self.scratchDirectory = scratchDirectory
        }

        /// `/dev/shm` when it exists and is writable, else `nil`.
        public static var memoryBackedScratchDirectory: String? {
            access("/dev/shm", W_OK) == 0 ? "/dev/shm" : nil
        }
    }

    /// The libxlsxwriter version this build links against, for audit sheets (e.g. `"1.1.4"`).
    public static var libraryVersion: String { String(cString: cxlsxwriter_version()) }

    /// Where the finished workbook is written.
    public let destination: URL
    /// The temporary file libxlsxwriter writes, renamed to `destination` on success.
    let temporaryURL: URL
    /// `nil` once closed (libxlsxwriter frees the workbook in `workbook_close`).
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheets: [XLSXWorksheet] = []
    /// The scratch directory as a C string; libxlsxwriter may keep the pointer until close.
    private var scratchDirectory: UnsafeMutablePointer<CChar>?
    /// The sheet last activated, if any (libxlsxwriter shows the first sheet otherwise).
    weak var activeSheet: XLSXWorksheet?

    /// Starts a workbook that will be written to `destination` on ``close()``.
    ///
    /// - Throws: ``ExcelWriteError`` `.destinationUnavailable` if the directory does not exist
    ///   or is not writable; `.invalidArgument` if a property is too long.
    public init(
        destination: URL, properties: DocumentProperties = DocumentProperties(),
        options: Options = Options()
    ) throws {
        let destination = destination.standardizedFileURL
        self.destination = destination
        let directory = destination.deletingLastPathComponent()
        self.temporaryURL = directory.appendingPathComponent(
            ".\(destination.lastPathComponent).\(getpid())-\(TemporaryFileNumbers.next()).partial")

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw ExcelWriteError(
                .destinationUnavailable,
                "the directory \(directory.path) does not exist; create it first",
                path: destination.path)
        }
        guard access(directory.path, W_OK) == 0 else {
            throw ExcelWriteError(
                .destinationUnavailable,
                "the directory \(directory.path) is not writable; choose another --exports directory or fix its permissions",
                path: destination.path)
        }

        var lxwOptions = lxw_workbook_options()
        lxwOptions.constant_memory = 0
        lxwOptions.use_zip64 = options.useZip64 ? 1 : 0
        scratchDirectory = options.scratchDirectory.flatMap { strdup($0) }
        lxwOptions.tmpdir = scratchDirectory
        guard let handle = workbook_new_opt(temporaryURL.path, &lxwOptions) else {
            throw ExcelWriteError(
                .library, "libxlsxwriter could not create a workbook (out of memory?)",
                path: destination.path)
        }
        self.handle = handle
        try setProperties(properties)
    }

    deinit {
        if let handle {
            // Never closed: free without writing anything.
            lxw_workbook_free(handle)
        }
        free(scratchDirectory)
    }

    /// Whether ``close()`` has been called (successfully or not).
    public var isClosed: Bool { handle == nil }

    /// The worksheets added so far, in order.
    public var worksheets: [XLSXWorksheet] { sheets }

    /// The open library handle, or a `.workbookClosed` error.
    func openHandle(sheet: String? = nil) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw ExcelWriteError(
                .workbookClosed, "the workbook is already closed; nothing more can be added",
                path: destination.path, sheet: sheet)
        }
        return handle
    }

    private func setProperties(_ properties: DocumentProperties) throws {
        let handle = try openHandle()
        let arena = CStringArena()
        var lxwProperties = lxw_doc_properties()
        lxwProperties.title = arena.copy(properties.title)
        lxwProperties.subject = arena.copy(properties.subject)
        lxwProperties.author = arena.copy(properties.author)
        lxwProperties.manager = arena.copy(properties.manager)
        lxwProperties.company = arena.copy(properties.company)
        lxwProperties.category = arena.copy(properties.category)
        lxwProperties.keywords = arena.copy(properties.keywords)
        lxwProperties.comments = arena.copy(properties.comments)
        lxwProperties.status = arena.copy(properties.status)
        if let created = properties.created {
            lxwProperties.created = time_t(created.timeIntervalSince1970.rounded(.down))
        }
        let result = withExtendedLifetime(arena) { workbook_set_properties(handle, &lxwProperties) }
        guard result == LXW_NO_ERROR else {
            throw ExcelWriteError(library: result, "cannot set document properties", path: destination.path)
        }
    }

    /// Adds a worksheet after the existing ones.
    ///
    /// - Parameter name: 1–31 characters, none of `[ ] : * ? / \`, not starting or ending with
    ///   an apostrophe, and not the name of another sheet (ignoring case).
    /// - Throws: ``ExcelWriteError`` `.invalidSheetName` or `.duplicateSheetName`, saying which rule
    ///   the name breaks.
    @discardableResult
    public func addWorksheet(named name: String) throws -> XLSXWorksheet {
        let handle = try openHandle()
        try validateSheetName(name)
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw ExcelWriteError(
                .invalidSheetName, "libxlsxwriter rejected the sheet name '\(name)'",
                path: destination.path, sheet: name)
        }
        let worksheet = XLSXWorksheet(name: name, handle: sheet, workbook: self)
        sheets.append(worksheet)
        return worksheet
    }

    /// The worksheet of that name (exact match), if added.
    public func worksheet(named name: String) -> XLSXWorksheet? {
        sheets.first { $0.name == name }
    }

    private func validateSheetName(_ name: String) throws {
        func invalid(_ why: String) -> ExcelWriteError {
            ExcelWriteError(
                .invalidSheetName, "the sheet name '\(name)' \(why)", path: destination.path, sheet: name)
        }
        if name.isEmpty { throw invalid("is empty; give the sheet a name") }
        if name.count > 31 { throw invalid("has \(name.count) characters; Excel allows at most 31") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw invalid("contains '\(bad)'; Excel forbids [ ] : * ? / \\ in sheet names")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw invalid("starts or ends with an apostrophe, which Excel forbids")
        }
        if sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            throw ExcelWriteError(
                .duplicateSheetName,
                "a sheet named '\(name)' already exists (Excel compares sheet names without case)",
                path: destination.path, sheet: name)
        }
        // The library's own check, in case its rules are stricter than ours.
        let result = workbook_validate_sheet_name(try openHandle(), name)
        guard result == LXW_NO_ERROR else {
            throw ExcelWriteError(
                library: result, "the sheet name '\(name)' is not valid", path: destination.path, sheet: name)
        }
    }

    /// Defines a workbook-wide name, e.g. `defineName("Budget", refersTo: "='Fund'!$B$2")`.
    /// - Throws: ``ExcelWriteError`` if the name or formula is not valid.
    public func defineName(_ name: String, refersTo formula: String) throws {
        let handle = try openHandle()
        let result = workbook_define_name(handle, name, formula)
        guard result == LXW_NO_ERROR else {
            throw ExcelWriteError(
                library: result, "cannot define the name '\(name)' as \(formula)", path: destination.path)
        }
    }

    /// Writes the lists to a sheet (one list a column: its title in row 1, values below), hides
    /// the sheet, and returns each list's value range, in order, for
    /// ``DataValidation/Rule/listFromRange(_:)`` drop-downs longer than inline lists allow.
    ///
    /// - Throws: ``ExcelWriteError`` if the sheet name is invalid or taken.
    public func addLookupLists(
        _ lists: [(title: String, values: [String])], sheetName: String = "Lists"
    ) throws -> [SheetRange] {
        let sheet = try addWorksheet(named: sheetName)
        var ranges: [SheetRange] = []
        for (index, list) in lists.enumerated() {
            let column = index + 1
            try sheet.write(.string(list.title), row: 1, column: column, style: .header)
            for (offset, value) in list.values.enumerated() {
                try sheet.write(.string(value), row: offset + 2, column: column)
            }
            let lastRow = max(2, list.values.count + 1)
            ranges.append(SheetRange(sheet: sheetName, range: CellRange(rows: 2...lastRow, columns: column...column)))
        }
        try sheet.hide()
        return ranges
    }

    /// Makes sure the sheet shown on opening is not a hidden one.
    private func showAVisibleSheet() throws {
        guard !sheets.isEmpty else { return }
        guard let firstVisible = sheets.first(where: { !$0.isHidden }) else {
            throw ExcelWriteError(
                .invalidArgument, "every sheet is hidden; Excel needs at least one visible sheet",
                path: destination.path)
        }
        let active = activeSheet ?? sheets[0]
        if active.isHidden { try firstVisible.activate() }
    }

    /// The library format for `style` (shared by equal styles), or `nil` for the default look.
    func format(for style: CellStyle?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style, !style.isDefault else { return nil }
        if let cached = formats[style] { return cached }
        guard let format = workbook_add_format(try openHandle()) else {
            throw ExcelWriteError(.library, "libxlsxwriter could not create a format (out of memory?)", path: destination.path)
        }
        style.apply(to: format)
        formats[style] = format
        return format
    }

    /// Writes the workbook: libxlsxwriter assembles the file next to the destination, which is
    /// then renamed into place. Once the library has run (whether writing succeeds or not) the
    /// workbook and its sheets accept no more changes.
    ///
    /// - Throws: ``ExcelWriteError`` `.invalidArgument` if every sheet is hidden (the workbook stays
    ///   open so you can fix it), `.cannotCreateFile` if the file cannot be written,
    ///   `.fileSystem` if the rename fails, `.workbookClosed` on a second call. On error nothing
    ///   is left at the destination or in the temporary file.
    public func close() throws {
        let handle = try openHandle()
        try showAVisibleSheet()
        self.handle = nil
        formats.removeAll()
        let result = workbook_close(handle)
        guard result == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(at: temporaryURL)
            throw ExcelWriteError(library: result, "cannot write the workbook", path: destination.path)
        }
        guard rename(temporaryURL.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporaryURL)
            throw ExcelWriteError(
                .fileSystem, "cannot move the finished workbook into place: \(reason)", path: destination.path)
        }
    }
}

/// Numbers the temporary files of this process's workbooks; with the process id they keep
/// workbooks written at the same time apart. (A UUID per workbook did the same, and cost more
/// than the rest of opening a workbook.)
private enum TemporaryFileNumbers {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = 0

    static func next() -> Int {
        lock.withLock {
            last += 1
            return last
        }
    }
}

@available(*, unavailable, message: "build a workbook on one task")
extension XLSXWorkbook: Sendable {}
