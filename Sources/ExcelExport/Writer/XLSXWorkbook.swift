import Foundation
internal import CXlsxWriter

/// An `.xlsx` workbook being written, over libxlsxwriter.
///
/// The file appears at ``destination`` only when ``close()`` succeeds: the library writes a
/// temporary file in a private folder inside the destination's directory (made with `mkdtemp`,
/// so its name cannot be guessed and nobody else can plant a link in it), which is then renamed
/// into place (atomically). A run that fails leaves no half-written workbook at the destination;
/// on error, and when a workbook is never closed, the private folder is removed. A folder left by
/// a process that was killed is removed by ``removeStaleScratch(in:)``.
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

        /// A private folder in the destination's directory (``XLSXStagingFolder``) where the file is
        /// written before it is renamed into place, shared by the workbooks written into one
        /// directory; nil: a private folder is made for this workbook alone and removed after.
        /// Thousands of workbooks then cost the file system one folder, not thousands made and
        /// deleted (on ext4, freshly deleted inodes slow every later file creation).
        public var stagingFolder: XLSXStagingFolder?

        /// Options; ZIP64 off by default.
        public init(useZip64: Bool = false, scratchDirectory: String? = Options.memoryBackedScratchDirectory,
                    stagingFolder: XLSXStagingFolder? = nil) {
            self.useZip64 = useZip64
            self.scratchDirectory = scratchDirectory
            self.stagingFolder = stagingFolder
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
    /// The shared staging folder of the options, if any.
    private let stagingFolder: XLSXStagingFolder?
    /// `nil` once closed (libxlsxwriter frees the workbook in `workbook_close`).
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// The format ``format(for:)`` returned last, with its style.
    private var lastFormat: (style: CellStyle, format: UnsafeMutablePointer<lxw_format>)?
    /// Each sheet's name, library handle and visibility. ``XLSXWorksheet``s are handles on these:
    /// the workbook does not hold its sheet objects, which hold it, so neither keeps the other
    /// alive once let go (a workbook never closed is freed, and frees the library's).
    var sheets: [SheetRecord] = []
    /// The scratch directory as a C string; libxlsxwriter may keep the pointer until close.
    private var scratchDirectory: UnsafeMutablePointer<CChar>?
    /// The index of the sheet last activated, if any (libxlsxwriter shows the first sheet otherwise).
    var activeSheetIndex: Int?

    /// What the workbook keeps of a sheet.
    struct SheetRecord {
        let name: String
        let handle: UnsafeMutablePointer<lxw_worksheet>
        var isHidden = false
    }

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
        stagingFolder = options.stagingFolder
        try Self.requireWritableDirectory(of: destination)

        var lxwOptions = lxw_workbook_options()
        lxwOptions.constant_memory = 0
        lxwOptions.use_zip64 = options.useZip64 ? 1 : 0
        scratchDirectory = options.scratchDirectory.flatMap { strdup($0) }
        lxwOptions.tmpdir = scratchDirectory
        // The file name is a placeholder: ``close()`` points the library at a file in a private
        // scratch folder made then, so nothing exists on disk before the workbook is written.
        guard let handle = workbook_new_opt(destination.path, &lxwOptions) else {
            throw ExcelWriteError(
                .library, "libxlsxwriter could not create a workbook (out of memory?)",
                path: destination.path)
        }
        self.handle = handle
        try setProperties(properties)
    }

    /// Throws `.destinationUnavailable` unless the directory of `destination` exists and is writable.
    static func requireWritableDirectory(of destination: URL) throws {
        let directory = destination.deletingLastPathComponent()
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
    }

    deinit {
        if let handle {
            // Never closed: free without writing anything.
            lxw_workbook_free(handle)
        }
        free(scratchDirectory)
    }

    /// The prefix of scratch folders: `.skillplan-partial-PID-XXXXXX`.
    static let scratchPrefix = ".skillplan-partial-"

    /// A new private folder `.skillplan-partial-PID-XXXXXX` in `directory`, or nil (errno set).
    static func makeScratchFolder(in directory: URL) -> URL? {
        var template = Array(directory.appendingPathComponent("\(scratchPrefix)\(getpid())-XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { return nil }
        return URL(fileURLWithPath: String(cString: template), isDirectory: true)
    }

    /// Removes a scratch folder and whatever is in it; no error if it is gone.
    private static func removeScratch(_ folder: URL) {
        // Empty once the workbook is renamed out of it: one `rmdir`, not a directory walk.
        if rmdir(folder.path) == 0 || errno == ENOENT { return }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Removes the scratch folders (and the `.NAME.xlsx.PID-N.partial` files of earlier versions)
    /// that processes which no longer run left in `directory` when they were killed. Scratch of a
    /// process still running is left alone. Returns the names removed.
    @discardableResult
    public static func removeStaleScratch(in directory: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names {
            let pidText: Substring
            if name.hasPrefix(scratchPrefix) {
                pidText = name.dropFirst(scratchPrefix.count).prefix { $0 != "-" }
            } else if name.hasPrefix("."), name.hasSuffix(".partial"),
                      let tail = name.dropLast(".partial".count).split(separator: ".").last {
                pidText = tail.prefix { $0 != "-" }
            } else {
                continue
            }
            guard let pid = pid_t(pidText), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            let url = directory.appendingPathComponent(name)
            // Never follow a link planted under a scratch name: remove the link itself.
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(name) }
        }
        return removed
    }

    /// Whether ``close()`` has been called (successfully or not).
    public var isClosed: Bool { handle == nil }

    /// The worksheets added so far, in order.
    public var worksheets: [XLSXWorksheet] { sheets.indices.map { XLSXWorksheet(index: $0, workbook: self) } }

    /// The open library handle, or a `.workbookClosed` error.
    func openHandle(sheet: @autoclosure () -> String? = nil) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw ExcelWriteError(
                .workbookClosed, "the workbook is already closed; nothing more can be added",
                path: destination.path, sheet: sheet())
        }
        return handle
    }

    private func setProperties(_ properties: DocumentProperties) throws {
        let handle = try openHandle()
        let arena = CStringArena()
        var lxwProperties = lxw_doc_properties()
        lxwProperties.title = arena.copy(properties.title.map(XMLText.valid))
        lxwProperties.subject = arena.copy(properties.subject.map(XMLText.valid))
        lxwProperties.author = arena.copy(properties.author.map(XMLText.valid))
        lxwProperties.manager = arena.copy(properties.manager.map(XMLText.valid))
        lxwProperties.company = arena.copy(properties.company.map(XMLText.valid))
        lxwProperties.category = arena.copy(properties.category.map(XMLText.valid))
        lxwProperties.keywords = arena.copy(properties.keywords.map(XMLText.valid))
        lxwProperties.comments = arena.copy(properties.comments.map(XMLText.valid))
        lxwProperties.status = arena.copy(properties.status.map(XMLText.valid))
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
        sheets.append(SheetRecord(name: name, handle: sheet))
        return XLSXWorksheet(index: sheets.count - 1, workbook: self)
    }

    /// The worksheet of that name (exact match), if added.
    public func worksheet(named name: String) -> XLSXWorksheet? {
        sheets.firstIndex { $0.name == name }.map { XLSXWorksheet(index: $0, workbook: self) }
    }

    private func validateSheetName(_ name: String) throws {
        try Self.validateSheetName(name, besides: sheets.map(\.name), path: destination.path)
        // The library's own check, in case its rules are stricter than ours.
        let result = workbook_validate_sheet_name(try openHandle(), name)
        guard result == LXW_NO_ERROR else {
            throw ExcelWriteError(
                library: result, "the sheet name '\(name)' is not valid", path: destination.path, sheet: name)
        }
    }

    /// Throws `.invalidSheetName` or `.duplicateSheetName` unless `name` follows Excel's rules
    /// for sheet names and differs (ignoring case) from the `existing` ones.
    static func validateSheetName(_ name: String, besides existing: [String], path: String) throws {
        func invalid(_ why: String) -> ExcelWriteError {
            ExcelWriteError(.invalidSheetName, "the sheet name '\(name)' \(why)", path: path, sheet: name)
        }
        if name.isEmpty { throw invalid("is empty; give the sheet a name") }
        if name.count > 31 { throw invalid("has \(name.count) characters; Excel allows at most 31") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw invalid("contains '\(bad)'; Excel forbids [ ] : * ? / \\ in sheet names")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw invalid("starts or ends with an apostrophe, which Excel forbids")
        }
        if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw ExcelWriteError(
                .duplicateSheetName,
                "a sheet named '\(name)' already exists (Excel compares sheet names without case)",
                path: path, sheet: name)
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
        guard let firstVisible = sheets.firstIndex(where: { !$0.isHidden }) else {
            throw ExcelWriteError(
                .invalidArgument, "every sheet is hidden; Excel needs at least one visible sheet",
                path: destination.path)
        }
        if sheets[activeSheetIndex ?? 0].isHidden { try XLSXWorksheet(index: firstVisible, workbook: self).activate() }
    }

    /// The library format for `style` (shared by equal styles), or `nil` for the default look.
    func format(for style: CellStyle?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        // Cells come in runs of one style (a table's column, row after row): comparing with the
        // last style is cheaper than hashing it.
        if let last = lastFormat, last.style == style { return last.format }
        guard !style.isDefault else { return nil }
        if let cached = formats[style] {
            lastFormat = (style, cached)
            return cached
        }
        guard let format = workbook_add_format(try openHandle()) else {
            throw ExcelWriteError(.library, "libxlsxwriter could not create a format (out of memory?)", path: destination.path)
        }
        style.apply(to: format)
        formats[style] = format
        lastFormat = (style, format)
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
        // `workbook_close` frees the library's workbook; before it is called, a failure must.
        var handedToLibrary = false
        defer {
            if !handedToLibrary { lxw_workbook_free(handle) }
        }
        try Self.writeThenMove(to: destination, stagingFolder: stagingFolder) { temporaryPath in
            guard let path = strdup(temporaryPath) else {
                throw ExcelWriteError(.library, "out of memory for the workbook's file name", path: destination.path)
            }
            // libxlsxwriter owns `filename` (it frees it with the workbook): swap in the scratch file.
            free(handle.pointee.filename)
            handle.pointee.filename = path
            handedToLibrary = true
            let result = workbook_close(handle)
            guard result == LXW_NO_ERROR else {
                throw ExcelWriteError(library: result, "cannot write the workbook", path: destination.path)
            }
        }
    }

    /// Has `write` write a workbook's file at the temporary path it is given, in a private folder
    /// (`stagingFolder`, or one made in the destination's directory and removed after), then
    /// renames the file to `destination`. On any failure nothing is left at the destination or
    /// in the folder. Both writers finish through it.
    /// - Throws: ``ExcelWriteError`` `.cannotCreateFile` if the private folder cannot be made,
    ///   `.fileSystem` if the rename fails, or what `write` throws.
    static func writeThenMove(
        to destination: URL, stagingFolder: XLSXStagingFolder?, write: (_ temporaryPath: String) throws -> Void
    ) throws {
        let directory = destination.deletingLastPathComponent()
        let folder: URL
        var ownFolder: URL?
        if let stagingFolder {
            folder = stagingFolder.url
        } else {
            guard let made = makeScratchFolder(in: directory) else {
                throw ExcelWriteError(
                    .cannotCreateFile,
                    "cannot create a private scratch folder in \(directory.path): \(String(cString: strerror(errno)))",
                    path: destination.path)
            }
            folder = made
            ownFolder = made
        }
        defer {
            if let ownFolder { removeScratch(ownFolder) }
        }
        let temporaryPath = folder.appendingPathComponent(destination.lastPathComponent).path
        // In a shared folder the file must not outlive a failure (its own folder goes anyway).
        var moved = false
        defer {
            if !moved, stagingFolder != nil { unlink(temporaryPath) }
        }
        try write(temporaryPath)
        guard rename(temporaryPath, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw ExcelWriteError(
                .fileSystem, "cannot move the finished workbook into place: \(reason)", path: destination.path)
        }
        moved = true
    }
}

/// A private folder (mode 0700, made by `mkdtemp`, named `.skillplan-partial-PID-XXXXXX`) in a
/// directory, where many workbooks bound for that directory are written before each is renamed
/// into place (``XLSXWorkbook/Options/stagingFolder``). Removed with what is left in it by
/// ``remove()`` or when the last reference goes; a folder left by a killed process is removed by
/// ``XLSXWorkbook/removeStaleScratch(in:)``. The workbooks sharing it need different file names.
public final class XLSXStagingFolder: Sendable, Hashable {
    /// The folder.
    public let url: URL

    /// Makes the folder in `directory`.
    /// - Throws: ``ExcelWriteError`` `.cannotCreateFile` when it cannot be made.
    public init(in directory: URL) throws {
        guard let made = XLSXWorkbook.makeScratchFolder(in: directory) else {
            throw ExcelWriteError(
                .cannotCreateFile, "cannot create a private scratch folder in \(directory.path): \(String(cString: strerror(errno)))",
                path: directory.path)
        }
        url = made
    }

    /// Removes the folder and anything left in it; no error if it is gone.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    deinit { remove() }

    public static func == (lhs: XLSXStagingFolder, rhs: XLSXStagingFolder) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

@available(*, unavailable, message: "build a workbook on one task")
extension XLSXWorkbook: Sendable {}
