internal import CXlsxWriter

/// How a sheet prints: paper, orientation, scaling, repeated rows, print area, header and footer.
///
/// ```swift
/// var setup = PageSetup(orientation: .landscape)
/// setup.repeatedRows = 4...4
/// setup.footer = HeaderFooter(center: [.text("Page "), .pageNumber, .text(" of "), .pageCount])
/// try sheet.setPageSetup(setup)
/// ```
public struct PageSetup: Hashable, Sendable {
    /// Portrait or landscape.
    public enum Orientation: Hashable, Sendable {
        /// Taller than wide.
        case portrait
        /// Wider than tall: for tables with many columns.
        case landscape
    }

    /// Paper sizes, by Excel's paper code.
    public enum Paper: UInt8, Hashable, Sendable {
        /// US Letter.
        case letter = 1
        /// A4, 210 × 297 mm.
        case a4 = 9
        /// A3, 297 × 420 mm.
        case a3 = 8
    }

    /// Portrait or landscape.
    public var orientation: Orientation
    /// The paper; A4 by default (Vietnamese offices print on A4).
    public var paper: Paper
    /// Pages across a printout: the sheet is scaled to fit (0: no limit across).
    public var fitWidth: Int
    /// Pages down a printout (0: as many as needed).
    public var fitHeight: Int
    /// 1-based rows printed at the top of every page (a table's header).
    public var repeatedRows: ClosedRange<Int>?
    /// What prints (nil: every cell written).
    public var printArea: CellRange?
    /// Text at the top of each page.
    public var header: HeaderFooter?
    /// Text at the bottom of each page.
    public var footer: HeaderFooter?
    /// Centres the printed area between the left and right margins.
    public var centredHorizontally: Bool

    /// A page setup; by default A4, one page wide, as many pages down as needed.
    public init(
        orientation: Orientation = .portrait, paper: Paper = .a4, fitWidth: Int = 1, fitHeight: Int = 0,
        repeatedRows: ClosedRange<Int>? = nil, printArea: CellRange? = nil, header: HeaderFooter? = nil,
        footer: HeaderFooter? = nil, centredHorizontally: Bool = false
    ) {
        self.orientation = orientation
        self.paper = paper
        self.fitWidth = fitWidth
        self.fitHeight = fitHeight
        self.repeatedRows = repeatedRows
        self.printArea = printArea
        self.header = header
        self.footer = footer
        self.centredHorizontally = centredHorizontally
    }
}

/// A page header or footer: texts on the left, centre and right, with page numbers filled in by
/// the printing program.
public struct HeaderFooter: Hashable, Sendable {
    /// A piece of a header or footer.
    public enum Part: Hashable, Sendable {
        /// Literal text (an `&` is escaped).
        case text(String)
        /// The page's number (`&P`).
        case pageNumber
        /// The number of pages (`&N`).
        case pageCount
        /// The date printed (`&D`, in the printing computer's format).
        case date
        /// The sheet's name (`&A`).
        case sheetName
    }

    /// Excel's limit on the code of a header or footer, in characters.
    public static let maximumLength = 255

    /// What is printed at the left.
    public var left: [Part]
    /// What is printed in the centre.
    public var center: [Part]
    /// What is printed at the right.
    public var right: [Part]

    /// A header or footer; each side may be empty.
    public init(left: [Part] = [], center: [Part] = [], right: [Part] = []) {
        self.left = left
        self.center = center
        self.right = right
    }

    /// The parts of `template` with `{page}` and `{pages}` as page number and page count, e.g.
    /// `"Page {page} of {pages}"`.
    public static func parts(_ template: String) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            switch rest[rest.index(after: open)..<close] {
            case "page": parts.append(.pageNumber)
            case "pages": parts.append(.pageCount)
            case "date": parts.append(.date)
            case "sheet": parts.append(.sheetName)
            default: parts.append(.text(String(rest[open...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    /// Excel's code: `&L…&C…&R…`, with `&` in texts doubled.
    public var code: String {
        func side(_ parts: [Part]) -> String {
            parts.map { part in
                switch part {
                case .text(let text): text.utf8.contains(UInt8(ascii: "&")) ? text.replacingOccurrences(of: "&", with: "&&") : text
                case .pageNumber: "&P"
                case .pageCount: "&N"
                case .date: "&D"
                case .sheetName: "&A"
                }
            }.joined()
        }
        var code = ""
        if !left.isEmpty { code += "&L" + side(left) }
        if !center.isEmpty { code += "&C" + side(center) }
        if !right.isEmpty { code += "&R" + side(right) }
        return code
    }
}

extension XLSXWorksheet {
    /// Sets how the sheet prints.
    /// - Throws: ``ExcelWriteError`` `.invalidArgument` for a header or footer longer than
    ///   Excel's 255 characters, negative fits, or rows or an area off the grid.
    public func setPageSetup(_ setup: PageSetup) throws {
        let handle = try openHandle()
        let codes = try setup.checkedCodes { error(.invalidArgument, $0) }
        switch setup.orientation {
        case .portrait: worksheet_set_portrait(handle)
        case .landscape: worksheet_set_landscape(handle)
        }
        worksheet_set_paper(handle, setup.paper.rawValue)
        if setup.fitWidth > 0 || setup.fitHeight > 0 {
            worksheet_fit_to_pages(handle, UInt16(setup.fitWidth), UInt16(setup.fitHeight))
        }
        if setup.centredHorizontally { worksheet_center_horizontally(handle) }
        if let rows = setup.repeatedRows {
            let first = try position(CellAddress(row: rows.lowerBound, column: 1)).row
            let last = try position(CellAddress(row: rows.upperBound, column: 1)).row
            try check(worksheet_repeat_rows(handle, first, last), "cannot repeat rows \(rows) on every page")
        }
        if let area = setup.printArea {
            let first = try position(area.first)
            let last = try position(area.last)
            try check(
                worksheet_print_area(handle, first.row, first.column, last.row, last.column),
                "cannot set the print area \(area.a1)")
        }
        if let header = codes.header { try check(worksheet_set_header(handle, header), "cannot set the page header") }
        if let footer = codes.footer { try check(worksheet_set_footer(handle, footer), "cannot set the page footer") }
    }
}

extension PageSetup {
    /// The header's and footer's codes, made valid XML, after checking the page counts and the
    /// codes' length; `invalid` makes the error for a message.
    func checkedCodes(_ invalid: (String) -> ExcelWriteError) throws -> (header: String?, footer: String?) {
        guard fitWidth >= 0, fitHeight >= 0, fitWidth <= 0xFFFF, fitHeight <= 0xFFFF else {
            throw invalid("cannot fit the sheet to \(fitWidth) × \(fitHeight) pages")
        }
        func checked(_ text: HeaderFooter?, _ kind: String) throws -> String? {
            guard let text else { return nil }
            let code = XMLText.valid(text.code)
            guard code.count <= HeaderFooter.maximumLength else {
                throw invalid(
                    "the page \(kind) is \(code.count) characters; Excel allows \(HeaderFooter.maximumLength): shorten its texts")
            }
            return code
        }
        return (try checked(header, "header"), try checked(footer, "footer"))
    }
}
