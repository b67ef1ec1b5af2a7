/// A worksheet part: cells, validations, conditional formats, pane, filter, merges, columns.
final class WorksheetHandler: XMLPartHandler {
    /// A problem found in the sheet (a bad reference, a shared-string index out of range).
    struct Problem: Error {
        let message: String
    }

    private let sharedStrings: [String]
    /// How many more cells may be read before the document's cell limit is reached.
    private var remainingCells: Int
    /// The error that stops the parse once the cell limit is passed.
    let limitError: XLSXReadError
    private(set) var stopError: XLSXReadError?
    private(set) var cells: [XLSXCell] = []
    private(set) var dataValidations: [XLSXDataValidation] = []
    private(set) var conditionalFormats: [XLSXConditionalFormat] = []
    private(set) var frozenPane: XLSXFrozenPane?
    private(set) var autoFilter: String?
    private(set) var mergedRanges: [String] = []
    private(set) var columnWidths: [Int: Double] = [:]
    private(set) var hasDrawing = false
    private(set) var problems: [String] = []

    // Position bookkeeping for rows and cells without an `r` attribute.
    private var currentRow = 0
    private var nextColumn = 1

    // The cell being read.
    private var cellAttributes: [String: String]?
    private var cellPosition = (row: 0, column: 0)
    private var cellFormula: String?
    private var cellValueText: String?
    private var inlineText: String?
    private var inInlineString = false
    private var inPhonetic = false

    // The validation being read.
    private var validationAttributes: [String: String]?
    private var validationFormulas: [Int: String] = [:]
    private var validationSqref: String?
    private var formulaSlot: Int?

    // The conditional formatting being read.
    private var conditionalSqref = ""
    private var ruleAttributes: [String: String]?
    private var ruleFormulas: [String] = []
    private var ruleColorCount = 0

    /// - Parameters:
    ///   - remainingCells: the cells this sheet may still hold under the document's limit.
    ///   - limitError: what to throw when it holds more.
    init(sharedStrings: [String], remainingCells: Int = .max,
         limitError: XLSXReadError = XLSXReadError(.tooLarge, path: "", "too many cells")) {
        self.sharedStrings = sharedStrings
        self.remainingCells = remainingCells
        self.limitError = limitError
    }

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "row":
            currentRow = attributes["r"].flatMap { Int($0) } ?? currentRow + 1
            nextColumn = 1
        case "c":
            cellAttributes = attributes
            cellFormula = nil
            cellValueText = nil
            inlineText = nil
            if let reference = attributes["r"] {
                if let position = CellReference.position(of: reference) {
                    cellPosition = position
                } else {
                    problems.append("the cell reference '\(reference)' is not of the form B12")
                    cellPosition = (currentRow, nextColumn)
                }
            } else {
                cellPosition = (max(currentRow, 1), nextColumn)
            }
            nextColumn = cellPosition.column + 1
        case "is":
            inInlineString = true
            inlineText = ""
        case "rPh":
            inPhonetic = true
        case "pane":
            if attributes["state"] == "frozen" || attributes["state"] == "frozenSplit" {
                frozenPane = XLSXFrozenPane(
                    rows: attributes["ySplit"].flatMap { Double($0) }.map { Int($0) } ?? 0,
                    columns: attributes["xSplit"].flatMap { Double($0) }.map { Int($0) } ?? 0,
                    topLeftCell: attributes["topLeftCell"])
            }
        case "autoFilter":
            autoFilter = attributes["ref"]
        case "mergeCell":
            if let reference = attributes["ref"] { mergedRanges.append(reference) }
        case "col":
            if let first = attributes["min"].flatMap({ Int($0) }), let last = attributes["max"].flatMap({ Int($0) }),
                let width = attributes["width"].flatMap({ Double($0) }), first <= last, last <= 16_384
            {
                for column in first...last { columnWidths[column] = width }
            }
        case "drawing":
            hasDrawing = true
        case "dataValidation":
            validationAttributes = attributes
            validationFormulas = [:]
            validationSqref = attributes["sqref"]
        case "formula1" where validationAttributes != nil:
            formulaSlot = 1
        case "formula2" where validationAttributes != nil:
            formulaSlot = 2
        case "conditionalFormatting":
            conditionalSqref = attributes["sqref"] ?? ""
        case "cfRule":
            ruleAttributes = attributes
            ruleFormulas = []
            ruleColorCount = 0
        case "color" where ruleAttributes != nil:
            ruleColorCount += 1
        default:
            break
        }
    }

    func end(_ name: String, text: String) {
        switch name {
        case "f" where cellAttributes != nil:
            cellFormula = text
        case "v" where cellAttributes != nil:
            cellValueText = text
        case "t" where inInlineString && !inPhonetic:
            inlineText = (inlineText ?? "") + text
        case "rPh":
            inPhonetic = false
        case "is":
            inInlineString = false
        case "c":
            finishCell()
        case "f" where validationAttributes != nil:
            // x14 validations wrap the formula in <xm:f>.
            if let formulaSlot { validationFormulas[formulaSlot] = text }
        case "formula1", "formula2":
            if validationAttributes != nil, let formulaSlot, validationFormulas[formulaSlot] == nil {
                validationFormulas[formulaSlot] = text
            }
            formulaSlot = nil
        case "sqref" where validationAttributes != nil:
            validationSqref = text
        case "dataValidation":
            finishValidation()
        case "formula" where ruleAttributes != nil:
            ruleFormulas.append(text)
        case "cfRule":
            if let attributes = ruleAttributes {
                conditionalFormats.append(
                    XLSXConditionalFormat(
                        sqref: conditionalSqref, type: attributes["type"] ?? "",
                        operatorName: attributes["operator"], formulas: ruleFormulas, colorCount: ruleColorCount))
            }
            ruleAttributes = nil
        default:
            break
        }
    }

    private func finishCell() {
        guard let attributes = cellAttributes else { return }
        cellAttributes = nil
        let type = attributes["t"] ?? "n"
        let value: CellValue
        var raw = cellValueText
        switch type {
        case "s":
            if let text = cellValueText, let index = Int(text.trimmingWhitespace) {
                if sharedStrings.indices.contains(index) {
                    value = .string(sharedStrings[index])
                    raw = sharedStrings[index]
                } else {
                    problems.append(
                        "cell \(CellReference.reference(row: cellPosition.row, column: cellPosition.column)) refers to shared string \(index), but there are \(sharedStrings.count)")
                    value = .empty
                }
            } else {
                value = .empty
            }
        case "inlineStr":
            value = inlineText.map { .string($0.decodingOOXMLEscapes) } ?? .empty
            raw = inlineText
        case "str":
            value = cellValueText.map { .string($0.decodingOOXMLEscapes) } ?? .empty
        case "b":
            value = cellValueText.map { .boolean($0.trimmingWhitespace == "1" || $0.trimmingWhitespace == "true") } ?? .empty
        case "e":
            value = cellValueText.map { .error($0) } ?? .empty
        case "d":
            value = cellValueText.map { .string($0) } ?? .empty
        default:
            if let text = cellValueText?.trimmingWhitespace, !text.isEmpty {
                if let number = Double(text) {
                    value = .number(number)
                } else {
                    problems.append(
                        "cell \(CellReference.reference(row: cellPosition.row, column: cellPosition.column)) holds '\(text)', which is not a number")
                    value = .empty
                }
            } else {
                value = .empty
            }
        }
        guard value != .empty || cellFormula != nil else { return }
        guard remainingCells > 0 else {
            stopError = limitError
            return
        }
        remainingCells -= 1
        cells.append(
            XLSXCell(
                row: cellPosition.row, column: cellPosition.column, value: value, formula: cellFormula,
                rawValue: raw, styleIndex: attributes["s"].flatMap { Int($0) }))
    }

    private func finishValidation() {
        guard let attributes = validationAttributes else { return }
        validationAttributes = nil
        dataValidations.append(
            XLSXDataValidation(
                type: attributes["type"] ?? "none", operatorName: attributes["operator"] ?? "between",
                sqref: validationSqref ?? "", formula1: validationFormulas[1], formula2: validationFormulas[2],
                allowsBlank: attributes["allowBlank"] == "1" || attributes["allowBlank"] == "true",
                prompt: attributes["prompt"], errorMessage: attributes["error"]))
    }
}

extension String {
    var trimmingWhitespace: String {
        var view = self[...]
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
