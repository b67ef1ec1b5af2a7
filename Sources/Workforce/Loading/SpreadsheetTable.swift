import Foundation
internal import XLSXReading

/// Reads a filled Excel request template (`postings.xlsx`, `students.xlsx`) as a table, so it goes
/// through exactly the same checks as the CSV file.
///
/// The data sheet is the one named like the file (`postings`, `students`), else the first visible
/// sheet; its first non-empty row is the header (the CSV column names); rows below are records.
/// Locations are reported as `file[sheet]:row:column`.
enum SpreadsheetTable {
    static func read(_ url: URL, displayPath: String, sheetName: String) throws(InputErrors) -> CSVTable {
        let document: XLSXDocument
        do {
            document = try XLSXDocument(contentsOf: url)
        } catch {
            throw InputErrors([InputError(SourceLocation(file: displayPath), expected: "a readable Excel workbook (.xlsx): \(error)")])
        }
        guard let sheet = document.sheets.first(where: { $0.name.lowercased() == sheetName.lowercased() })
            ?? document.sheets.first(where: { $0.visibility == .visible })
        else {
            throw InputErrors([InputError(SourceLocation(file: displayPath), expected: "a worksheet named `\(sheetName)`")])
        }
        var rows: [Int: [CSVTable.Field]] = [:]
        for cell in sheet.cells {
            let text = Self.code(in: Self.text(of: cell.value))
            if text.isEmpty { continue }
            rows[cell.row, default: []].append(CSVTable.Field(text: text, line: cell.row, column: cell.column))
        }
        let ordered = rows.keys.sorted().map { row -> CSVTable.Row in
            let fields = rows[row] ?? []
            let width = fields.map(\.column).max() ?? 0
            var dense = (1...max(width, 1)).map { CSVTable.Field(text: "", line: row, column: $0) }
            for field in fields { dense[field.column - 1] = field }
            return CSVTable.Row(line: row, fields: dense)
        }
        guard let header = ordered.first else {
            throw InputErrors([InputError(SourceLocation(file: displayPath, sheet: sheet.name),
                                          expected: "a header row; the sheet is empty")])
        }
        return CSVTable(file: displayPath, sheet: sheet.name, header: header.fields.map { Self.columnName(in: $0.text) },
                        headerRowLine: header.line, rows: Array(ordered.dropFirst()))
    }

    /// A header cell's column name: the name in brackets at its end when there is one (the
    /// templates write `Doanh nghiệp / Enterprise (enterprise)`), else the whole text.
    static func columnName(in header: String) -> String {
        let text = header.trimmingSpaces()
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return text }
        let name = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces()
        let isName = !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
        return isName ? name : text
    }

    /// A drop-down entry `CODE — name` as its code; any other text as it is.
    static func code(in text: String) -> String {
        guard let dash = text.range(of: " — ") else { return text }
        let code = String(text[..<dash.lowerBound]).trimmingSpaces()
        return Code<Never>.isValid(code) ? code : text
    }

    /// A cell as the text a CSV file would hold: whole numbers without a decimal point.
    static func text(of value: CellValue) -> String {
        switch value {
        case .empty: return ""
        case .string(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .error(let code): return code
        case .number(let number):
            if let whole = value.integerValue { return String(whole) }
            return String(number)
        }
    }
}
