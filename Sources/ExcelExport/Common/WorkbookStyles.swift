/// The styles every audience workbook shares, built once (equal styles share one format).
enum WorkbookStyles {
    static let title = CellStyle.title
    static let subtitle = CellStyle(italic: true, fontColor: CellColor(rgb: 0x595959))
    /// A table's note, wrapped across the table's width.
    static let wrappedSubtitle = CellStyle(italic: true, fontColor: CellColor(rgb: 0x595959), verticalAlignment: .top, wrapsText: true)
    static let header = CellStyle.header
    static let year = CellStyle(numberFormat: "0", horizontalAlignment: .center)
    static let integer = CellStyle(numberFormat: "#,##0")
    static let vnd = CellStyle.vnd
    /// VND shown in billions (`1,234.5`, the cell keeps the VND amount): for amounts a person reads.
    static let billions = CellStyle(numberFormat: billionsFormat)
    /// VND shown in millions (`12.3`), the cell keeps the VND amount.
    static let millions = CellStyle(numberFormat: "#,##0.0,,")
    static let billionsFormat = "#,##0.00,,,"
    /// Headline figures on the Board summary: large and bold.
    static let headline = CellStyle(bold: true, fontSize: 12, numberFormat: "#,##0")
    static let headlineBillions = CellStyle(bold: true, fontSize: 12, numberFormat: "#,##0.0,,,")
    static let headlineMillions = CellStyle(bold: true, fontSize: 12, numberFormat: "#,##0.0,,")
    /// A sentence across merged cells, wrapped at words.
    static let sentence = CellStyle(verticalAlignment: .top, wrapsText: true)
    static let engineers = CellStyle.engineers
    static let percent = CellStyle.percent
    static let decimal = CellStyle(numberFormat: "#,##0.00")
    static let rate = CellStyle(numberFormat: "0.0000")
    static let date = CellStyle(numberFormat: "yyyy-mm-dd hh:mm:ss \"UTC\"", horizontalAlignment: .left)
    static let label = CellStyle(bold: true)
    static let section = CellStyle(bold: true, fontSize: 12, fontColor: .navy)
    static let note = CellStyle.wrappedText

    /// The same style in bold with a top border, for totals rows.
    static func total(_ style: CellStyle?) -> CellStyle {
        var result = style ?? CellStyle()
        result.bold = true
        result.fill = CellColor(rgb: 0xF2F2F2)
        return result
    }
}
