import Foundation
internal import ZIPFoundation

/// An `.xlsx` workbook read into memory: its sheets (in tab order) with their cells, the
/// document properties, defined names and the number of charts.
///
/// Row and column numbers are 1-based and exact; numbers come back as stored, unformatted
/// (`12000000`, never `1.2E7` text). Formulas are not evaluated: a formula cell's value is the
/// result cached in the file.
///
/// ```swift
/// let document = try XLSXDocument(contentsOf: url)
/// for row in try document.rows(ofSheet: "Postings").dropFirst() { … }
/// ```
public struct XLSXDocument: Sendable {
    /// The file that was read.
    public let url: URL
    /// The sheets in tab order.
    public let sheets: [XLSXSheet]
    /// Document properties.
    public let properties: XLSXCoreProperties
    /// Defined names (named ranges, print areas, filter ranges).
    public let definedNames: [XLSXDefinedName]
    /// Number of charts in the package (`xl/charts/chart*.xml`).
    public let chartCount: Int
    /// 0-based index of the sheet shown when the file opens.
    public let activeSheetIndex: Int

    /// The sheet names in tab order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// Bounds on what reading one workbook may cost, so that a small file that unpacks to
    /// gigabytes (a zip bomb) is refused with a clear error instead of exhausting memory.
    public struct Limits: Hashable, Sendable {
        /// The most bytes all parts together may unpack to (the sizes the archive declares and
        /// the bytes actually inflated are both checked).
        public var maximumUnpackedBytes: Int
        /// The most non-empty cells in all sheets together, and the most shared strings.
        public var maximumCells: Int

        /// Limits; by default 256 MiB unpacked and 4,000,000 cells (a table of a million rows
        /// of four columns; larger tables belong in CSV files).
        public init(maximumUnpackedBytes: Int = 256 << 20, maximumCells: Int = 4_000_000) {
            self.maximumUnpackedBytes = maximumUnpackedBytes
            self.maximumCells = maximumCells
        }
    }

    /// Reads a workbook.
    ///
    /// - Throws: ``XLSXReadError``: `.unreadableFile` if the file cannot be read, `.notAZip` if it is
    ///   not a ZIP package, `.missingPart` if `workbook.xml` or a listed sheet is missing,
    ///   `.malformedXML` (with the part and line) if a part cannot be parsed, `.tooLarge` (naming
    ///   the limit) if the package unpacks to more bytes or holds more cells than `limits` allow.
    /// - Complexity: O(size of the file), bounded by `limits`.
    public init(contentsOf url: URL, limits: Limits = Limits()) throws {
        self.url = url
        let path = url.path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw XLSXReadError(.unreadableFile, path: path, "the file does not exist or cannot be read")
        }
        let package = try Package(url: url, limits: limits)
        let cellLimitError = XLSXReadError(
            .tooLarge, path: path,
            "the workbook holds more than \(limits.maximumCells) cells (the reader's limit); give so large a table as a CSV file")
        var remainingCells = limits.maximumCells

        // The workbook part, found through the package relationships.
        let rootRelationships = try package.relationships(of: "")
        let workbookPart =
            rootRelationships.values.first { $0.type.hasSuffix("/officeDocument") }
            .map { Package.resolve($0.target, relativeTo: "") } ?? "xl/workbook.xml"
        let workbook = WorkbookHandler()
        try package.parse(workbookPart, with: workbook)
        let workbookRelationships = try package.relationships(of: workbookPart)

        var sharedStrings: [String] = []
        if let part = workbookRelationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") })
            .map({ Package.resolve($0.target, relativeTo: workbookPart) }), package.contains(part)
        {
            let handler = SharedStringsHandler(limit: limits.maximumCells, limitError: cellLimitError)
            try package.parse(part, with: handler)
            sharedStrings = handler.strings
        }

        var sheets: [XLSXSheet] = []
        for entry in workbook.sheets {
            guard let relationship = workbookRelationships[entry.relationshipID] else {
                throw XLSXReadError(
                    .missingPart, path: path, part: workbookPart,
                    "the sheet '\(entry.name)' has no relationship '\(entry.relationshipID)'")
            }
            let part = Package.resolve(relationship.target, relativeTo: workbookPart)
            guard relationship.type.hasSuffix("/worksheet") else { continue }  // chartsheets, dialogs
            let handler = WorksheetHandler(
                sharedStrings: sharedStrings, remainingCells: remainingCells, limitError: cellLimitError)
            try package.parse(part, with: handler)
            remainingCells -= handler.cells.count
            if let problem = handler.problems.first {
                throw XLSXReadError(.malformedXML, path: path, part: part, problem)
            }
            sheets.append(
                XLSXSheet(
                    filePath: path, name: entry.name,
                    visibility: entry.state.flatMap(XLSXSheet.Visibility.init(rawValue:)) ?? .visible,
                    part: part, cells: handler.cells, dataValidations: handler.dataValidations,
                    conditionalFormats: handler.conditionalFormats, frozenPane: handler.frozenPane,
                    autoFilter: handler.autoFilter, mergedRanges: handler.mergedRanges,
                    columnWidths: handler.columnWidths, hasDrawing: handler.hasDrawing))
        }
        self.sheets = sheets
        self.definedNames = workbook.definedNames
        self.activeSheetIndex = workbook.activeTab

        var properties = XLSXCoreProperties()
        for (suffix, fallback) in [("/core-properties", "docProps/core.xml"), ("/extended-properties", "docProps/app.xml")] {
            let part =
                rootRelationships.values.first { $0.type.hasSuffix(suffix) }
                .map { Package.resolve($0.target, relativeTo: "") } ?? fallback
            guard package.contains(part) else { continue }
            let handler = PropertiesHandler()
            handler.properties = properties
            try package.parse(part, with: handler)
            properties = handler.properties
        }
        self.properties = properties
        self.chartCount = package.partNames.filter {
            $0.hasPrefix("xl/charts/chart") && $0.hasSuffix(".xml")
        }.count
    }

    /// The sheet of that name (exact, case-sensitive).
    /// - Throws: ``XLSXReadError`` `.unknownSheet`, listing the sheets there are.
    public func sheet(named name: String) throws -> XLSXSheet {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            throw XLSXReadError(
                .unknownSheet, path: url.path,
                "there is no sheet '\(name)'; the sheets are \(sheetNames.map { "'\($0)'" }.joined(separator: ", "))")
        }
        return sheet
    }

    /// The sheet's values as a dense grid: `rows[i][j]` is row `i + 1`, column `j + 1`
    /// (see ``XLSXSheet/rows()``).
    /// - Throws: ``XLSXReadError`` `.unknownSheet`, or `.gridTooLarge` for a sheet whose used area
    ///   is too large to hold densely.
    public func rows(ofSheet name: String) throws -> [[CellValue]] {
        try sheet(named: name).rows()
    }

    /// The cell at an A1 reference on a sheet, or `nil` if it holds nothing.
    /// - Throws: ``XLSXReadError`` `.unknownSheet`, or `.invalidReference` if `reference` is not of
    ///   the form `B12`.
    public func cell(_ reference: String, inSheet name: String) throws -> XLSXCell? {
        let sheet = try sheet(named: name)
        guard let (row, column) = CellReference.position(of: reference) else {
            throw XLSXReadError(.invalidReference, path: url.path, "'\(reference)' is not a cell reference such as B12")
        }
        return sheet.cell(row: row, column: column)
    }
}

/// The ZIP package: part names and their bytes.
private struct Package {
    let path: String
    let archive: Archive
    /// Lower-cased part name → entry (part names are case-insensitive in OPC).
    let entries: [String: Entry]

    /// The bytes all parts may still unpack to; shared by copies of the package.
    private final class Budget {
        var remaining: Int
        init(_ remaining: Int) { self.remaining = remaining }
    }
    private let budget: Budget
    private let limits: XLSXDocument.Limits

    init(url: URL, limits: XLSXDocument.Limits) throws {
        path = url.path
        self.limits = limits
        budget = Budget(limits.maximumUnpackedBytes)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXReadError(
                .notAZip, path: path, "the file is not an .xlsx (ZIP) package; save it from Excel as .xlsx")
        }
        self.archive = archive
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entry
        }
        self.entries = entries
    }

    var partNames: [String] { entries.values.map(\.path) }

    func contains(_ part: String) -> Bool { entries[part.lowercased()] != nil }

    func bytes(of part: String) throws -> Data {
        guard let entry = entries[part.lowercased()] else {
            throw XLSXReadError(.missingPart, path: path, part: part, "the package has no part \(part)")
        }
        let tooLarge = XLSXReadError(
            .tooLarge, path: path, part: part,
            "the workbook unpacks to more than \(limits.maximumUnpackedBytes) bytes (the reader's limit); "
                + "it is damaged or a zip bomb, or its table belongs in a CSV file")
        // The declared size first (cheap), then the bytes really inflated (a header can lie).
        guard entry.uncompressedSize <= UInt64(max(0, budget.remaining)) else { throw tooLarge }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                budget.remaining -= chunk.count
                guard budget.remaining >= 0 else { throw tooLarge }
                data.append(chunk)
            }
        } catch let error as XLSXReadError {
            throw error
        } catch {
            throw XLSXReadError(.notAZip, path: path, part: part, "the part cannot be decompressed: \(error)")
        }
        return data
    }

    func parse(_ part: String, with handler: any XMLPartHandler) throws {
        try XMLPartReader.parse(try bytes(of: part), part: part, path: path, with: handler)
    }

    /// The relationships of `part` (`""` for the package itself); empty if it has none.
    func relationships(of part: String) throws -> [String: RelationshipsHandler.Relationship] {
        let directory = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
        guard contains(relsPart) else { return [:] }
        let handler = RelationshipsHandler()
        try parse(relsPart, with: handler)
        return handler.relationships
    }

    /// Resolves a relationship target against the part that holds it.
    static func resolve(_ target: String, relativeTo source: String) -> String {
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else {
            components = Array(source.split(separator: "/").dropLast())
        }
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
