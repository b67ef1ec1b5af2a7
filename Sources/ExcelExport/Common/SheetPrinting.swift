/// The page setup every sheet of one workbook shares: A4, one page wide, a header naming the
/// workbook, scenario and variant on the left and the run and date on the right, and a footer with
/// the sheet's name and "page x of y".
struct SheetPrinting {
    /// Characters of the default font that fit across an A4 page at 100 %, portrait, within the
    /// default margins (0.7 in each side): wider sheets print landscape.
    static let portraitWidth = 92.0

    let header: HeaderFooter
    let footer: HeaderFooter

    /// The setup for a workbook titled `document` (e.g. "Fund plan") of `context`.
    init(context: PlanWorkbookContext, texts: WorkbookTexts, document: String) {
        let title = Self.shortened(context.scenario.settings.title, to: 70)
        let left = texts.format(
            "print.header-left", ["document": Self.shortened(document, to: 60), "title": title, "variant": Self.shortened(context.plan.variant, to: 30)])
        let right = texts.format("print.header-right", ["run": Self.shortened(context.audit.runID, to: 20), "date": texts.date(context.audit.created)])
        header = HeaderFooter(left: [.text(left)], right: [.text(right)])
        footer = HeaderFooter(left: [.sheetName], right: HeaderFooter.parts(texts["print.page-of"]))
    }

    /// Sets `sheet`'s page setup for content `width` characters wide.
    func apply(
        to sheet: any WorksheetWriting, width: Double, repeatedRows: ClosedRange<Int>? = nil, printArea: CellRange? = nil,
        fitHeight: Int = 0
    ) throws {
        try sheet.setPageSetup(PageSetup(
            orientation: width > Self.portraitWidth ? .landscape : .portrait, paper: .a4, fitWidth: 1, fitHeight: fitHeight,
            repeatedRows: repeatedRows, printArea: printArea, header: header, footer: footer))
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
