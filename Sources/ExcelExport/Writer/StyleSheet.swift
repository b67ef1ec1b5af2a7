/// The styles part of a ``DirectWorkbook``: each distinct ``CellStyle`` a cell format (`xf`),
/// with its font, fill, border and number format shared with equal ones, and the differential
/// formats (`dxf`) of conditional formats. Laid out as libxlsxwriter lays it out: formats numbered
/// as the sheets write them (row by row), the default font, fills `none` and `gray125`, custom
/// number formats from 164.
struct StyleSheet {
    private struct Font: Hashable {
        var bold: Bool
        var italic: Bool
        var size: Double
        var color: CellColor?
    }

    private struct Border: Hashable {
        var style: CellStyle.Border
        var color: CellColor?
    }

    private var formatIDs: [CellStyle: Int] = [:]
    /// The styles of cells, by the id ``index(of:)`` gave them (from 1, in order of first use).
    private var styles: [CellStyle] = []
    /// The file's index of each style id once a sheet wrote it (0: not yet), and the ids in the
    /// file's order: libxlsxwriter numbers formats as the sheets are written, row by row.
    private var fileIndices: [Int] = [0]
    private var fileOrder: [Int] = []
    /// Conditional formats' styles.
    private var differentialFormats: [CellStyle] = []
    /// The style ``index(of:)`` returned last, with its id: cells come in runs of one style.
    private var last: (style: CellStyle, id: Int)?

    /// The id of `style` in this workbook; 0, the default, for nil or the default style.
    mutating func index(of style: CellStyle?) -> Int {
        guard let style else { return 0 }
        if let last, last.style == style { return last.id }
        let id: Int
        if let known = formatIDs[style] {
            id = known
        } else if style.isDefault {
            id = 0
        } else {
            styles.append(style)
            fileIndices.append(0)
            id = styles.count
            formatIDs[style] = id
        }
        last = (style, id)
        return id
    }

    /// The index a cell, row or column of style `id` has in the file, numbered on first use.
    mutating func fileIndex(of id: Int) -> Int {
        guard id > 0 else { return 0 }
        if fileIndices[id] == 0 {
            fileOrder.append(id)
            fileIndices[id] = fileOrder.count
        }
        return fileIndices[id]
    }

    /// The differential format index of a conditional format's `style`.
    mutating func differentialIndex(of style: CellStyle) -> Int {
        if let known = differentialFormats.firstIndex(of: style) { return known }
        differentialFormats.append(style)
        return differentialFormats.count - 1
    }

    /// The fonts, fills, borders and number formats of the formats the sheets wrote, in the
    /// file's order.
    private struct Tables {
        var fonts: [Font] = [Font(bold: false, italic: false, size: 11, color: nil)]
        var fontIndices: [Font: Int] = [Font(bold: false, italic: false, size: 11, color: nil): 0]
        /// Solid fills by colour; indices 0 and 1 are Excel's required `none` and `gray125`.
        var fills: [CellColor] = []
        var fillIndices: [CellColor: Int] = [:]
        var borders: [Border] = []
        var borderIndices: [Border: Int] = [:]
        var numberFormats: [String] = []
        var numberFormatIndices: [String: Int] = [:]

        mutating func numberFormatID(_ code: String?) -> Int {
            guard let code, code != "General" else { return 0 }
            if let known = numberFormatIndices[code] { return known }
            let id = 164 + numberFormats.count
            numberFormats.append(code)
            numberFormatIndices[code] = id
            return id
        }

        mutating func fontIndex(_ style: CellStyle) -> Int {
            let font = Font(bold: style.bold, italic: style.italic, size: style.fontSize ?? 11, color: style.fontColor)
            if let known = fontIndices[font] { return known }
            fonts.append(font)
            fontIndices[font] = fonts.count - 1
            return fonts.count - 1
        }

        mutating func fillIndex(_ color: CellColor?) -> Int {
            guard let color else { return 0 }
            if let known = fillIndices[color] { return known }
            fills.append(color)
            fillIndices[color] = fills.count + 1
            return fills.count + 1
        }

        mutating func borderIndex(_ style: CellStyle) -> Int {
            guard let kind = style.border else { return 0 }
            let border = Border(style: kind, color: style.borderColor)
            if let known = borderIndices[border] { return known }
            borders.append(border)
            borderIndices[border] = borders.count
            return borders.count
        }
    }

    private struct Format {
        var numberFormat: Int
        var font: Int
        var fill: Int
        var border: Int
        var style: CellStyle
    }

    // MARK: XML

    /// The styles part; made after the sheets' parts, which number the formats.
    func part() -> [UInt8] {
        var tables = Tables()
        let formats = fileOrder.map { id in
            let style = styles[id - 1]
            return Format(
                numberFormat: tables.numberFormatID(style.numberFormat), font: tables.fontIndex(style),
                fill: tables.fillIndex(style.fill), border: tables.borderIndex(style), style: style)
        }
        let differentialNumberFormats = differentialFormats.map { tables.numberFormatID($0.numberFormat) }
        let (fonts, fills, borders, numberFormats) = (tables.fonts, tables.fills, tables.borders, tables.numberFormats)
        var xml = XMLBytes(capacity: 4096)
        xml.declaration()
        xml.markup(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        if !numberFormats.isEmpty {
            xml.markup(#"<numFmts count=""#)
            xml.integer(numberFormats.count)
            xml.markup(#"">"#)
            for (offset, code) in numberFormats.enumerated() {
                xml.markup(#"<numFmt numFmtId=""#)
                xml.integer(164 + offset)
                xml.markup(#"" formatCode=""#)
                xml.attribute(code)
                xml.markup(#""/>"#)
            }
            xml.markup("</numFmts>")
        }
        xml.markup(#"<fonts count=""#)
        xml.integer(fonts.count)
        xml.markup(#"">"#)
        for font in fonts {
            xml.markup("<font>")
            if font.bold { xml.markup("<b/>") }
            if font.italic { xml.markup("<i/>") }
            xml.markup(#"<sz val=""#)
            xml.number(font.size)
            xml.markup(#""/>"#)
            Self.color(font.color, into: &xml)
            xml.markup(#"<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>"#)
        }
        xml.markup(#"</fonts><fills count=""#)
        xml.integer(fills.count + 2)
        xml.markup(#""><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#)
        for fill in fills {
            xml.markup(#"<fill><patternFill patternType="solid"><fgColor rgb=""#)
            xml.argb(fill)
            xml.markup(#""/><bgColor indexed="64"/></patternFill></fill>"#)
        }
        xml.markup(#"</fills><borders count=""#)
        xml.integer(borders.count + 1)
        xml.markup(#""><border><left/><right/><top/><bottom/><diagonal/></border>"#)
        for border in borders { Self.border(border.style, color: border.color, into: &xml) }
        xml.markup(#"</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count=""#)
        xml.integer(formats.count + 1)
        xml.markup(#""><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#)
        for format in formats { Self.cellFormat(format, into: &xml) }
        xml.markup(#"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count=""#)
        xml.integer(differentialFormats.count)
        if differentialFormats.isEmpty {
            xml.markup(#""/>"#)
        } else {
            xml.markup(#"">"#)
            for (style, numberFormat) in zip(differentialFormats, differentialNumberFormats) {
                Self.differentialFormat(style, numberFormat: numberFormat, into: &xml)
            }
            xml.markup("</dxfs>")
        }
        xml.markup(#"<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"#)
        return xml.bytes
    }

    private static func color(_ color: CellColor?, into xml: inout XMLBytes) {
        if let color {
            xml.markup(#"<color rgb=""#)
            xml.argb(color)
            xml.markup(#""/>"#)
        } else {
            xml.markup(#"<color theme="1"/>"#)
        }
    }

    private static func border(_ style: CellStyle.Border, color: CellColor?, into xml: inout XMLBytes) {
        let name: StaticString
        switch style {
        case .thin: name = "thin"
        case .medium: name = "medium"
        case .thick: name = "thick"
        case .dashed: name = "dashed"
        }
        xml.markup("<border>")
        for (open, close) in [("<left style=\"", "</left>"), ("<right style=\"", "</right>"), ("<top style=\"", "</top>"), ("<bottom style=\"", "</bottom>")] as [(StaticString, StaticString)] {
            xml.markup(open)
            xml.markup(name)
            xml.markup(#"">"#)
            if let color {
                xml.markup(#"<color rgb=""#)
                xml.argb(color)
                xml.markup(#""/>"#)
            } else {
                xml.markup(#"<color auto="1"/>"#)
            }
            xml.markup(close)
        }
        xml.markup("<diagonal/></border>")
    }

    private static func cellFormat(_ format: Format, into xml: inout XMLBytes) {
        let style = format.style
        xml.markup(#"<xf numFmtId=""#)
        xml.integer(format.numberFormat)
        xml.markup(#"" fontId=""#)
        xml.integer(format.font)
        xml.markup(#"" fillId=""#)
        xml.integer(format.fill)
        xml.markup(#"" borderId=""#)
        xml.integer(format.border)
        xml.markup(#"" xfId="0""#)
        if format.numberFormat != 0 { xml.markup(#" applyNumberFormat="1""#) }
        if format.font != 0 { xml.markup(#" applyFont="1""#) }
        if format.fill != 0 { xml.markup(#" applyFill="1""#) }
        if format.border != 0 { xml.markup(#" applyBorder="1""#) }
        let aligned = style.horizontalAlignment != nil || style.verticalAlignment != nil || style.wrapsText
        guard aligned else {
            xml.markup("/>")
            return
        }
        xml.markup(#" applyAlignment="1"><alignment"#)
        switch style.horizontalAlignment {
        case .left: xml.markup(#" horizontal="left""#)
        case .center: xml.markup(#" horizontal="center""#)
        case .right: xml.markup(#" horizontal="right""#)
        case nil: break
        }
        switch style.verticalAlignment {
        case .top: xml.markup(#" vertical="top""#)
        case .center: xml.markup(#" vertical="center""#)
        case .bottom: xml.markup(#" vertical="bottom""#)
        case nil: break
        }
        if style.wrapsText { xml.markup(#" wrapText="1""#) }
        xml.markup("/></xf>")
    }

    private static func differentialFormat(_ style: CellStyle, numberFormat: Int, into xml: inout XMLBytes) {
        xml.markup("<dxf>")
        if style.bold || style.italic || style.fontColor != nil {
            xml.markup("<font>")
            if style.bold { xml.markup("<b/>") }
            if style.italic { xml.markup("<i/>") }
            if let color = style.fontColor {
                xml.markup(#"<color rgb=""#)
                xml.argb(color)
                xml.markup(#""/>"#)
            }
            xml.markup("</font>")
        }
        if let code = style.numberFormat, numberFormat != 0 {
            xml.markup(#"<numFmt numFmtId=""#)
            xml.integer(numberFormat)
            xml.markup(#"" formatCode=""#)
            xml.attribute(code)
            xml.markup(#""/>"#)
        }
        if let fill = style.fill {
            xml.markup(#"<fill><patternFill><bgColor rgb=""#)
            xml.argb(fill)
            xml.markup(#""/></patternFill></fill>"#)
        }
        if let border = style.border { Self.border(border, color: style.borderColor, into: &xml) }
        xml.markup("</dxf>")
    }
}
