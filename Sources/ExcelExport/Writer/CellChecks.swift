/// The checks both writers (``XLSXWorksheet``, ``DirectWorksheet``) make before they store a cell.
extension CellAddress {
    /// Why the address is off Excel's grid, or nil.
    var gridProblem: String? {
        guard !isInGrid else { return nil }
        return "row \(row), column \(column) is outside the sheet (rows 1…\(CellAddress.maximumRow), columns 1…\(CellAddress.maximumColumn))"
    }
}

extension CellContent {
    /// The most characters a cell holds.
    static let maximumTextLength = 32_767

    /// Why a cell at `cell` cannot hold this content as it is, with the error's code, or nil: a
    /// text with a character XML cannot hold (or, with `limitingLength`, longer than Excel allows:
    /// libxlsxwriter checks that itself), a number that is not finite, an integer a double cannot
    /// hold exactly, a date out of Excel's range.
    func problem(at cell: CellAddress, limitingLength: Bool) -> (code: ExcelWriteError.Code.Storage, message: String)? {
        func textProblem(_ text: String) -> (code: ExcelWriteError.Code.Storage, message: String)? {
            Self.textProblem(text, at: cell, limitingLength: limitingLength)
        }
        switch self {
        case .string(let text):
            return textProblem(text)
        case .number(let number):
            return Self.numberProblem(number, at: cell)
        case .integer(let integer):
            guard integer.magnitude > 1 << 53 else { return nil }
            return (.invalidArgument,
                    "\(integer) at cell \(cell.a1) is larger than 2^53; Excel stores numbers as doubles and would change it")
        case .date(let date):
            let seconds = date.timeIntervalSince1970.rounded(.down)
            guard !seconds.isFinite || abs(seconds) >= 1e13 else { return nil }
            return (.invalidArgument, "the date at cell \(cell.a1) is out of Excel's range")
        case .formula(let formula):
            switch formula.cachedValue {
            case .number(let value): return Self.numberProblem(value, at: cell)
            case .text(let value): return textProblem(value)
            }
        case .url(let url, let text):
            return textProblem(url) ?? text.flatMap(textProblem)
        case .boolean, .blank:
            return nil
        }
    }

    private static func textProblem(
        _ text: String, at cell: CellAddress, limitingLength: Bool
    ) -> (code: ExcelWriteError.Code.Storage, message: String)? {
        if let problem = XMLText.cellProblem(text) {
            return (.invalidArgument, "the text at cell \(cell.a1) \(problem)")
        }
        // Counted in characters only for texts whose bytes might reach the limit.
        if limitingLength, text.utf8.count > maximumTextLength, text.count > maximumTextLength {
            return (.valueTooLong, "the text at cell \(cell.a1) has \(text.count) characters; a cell holds at most \(maximumTextLength)")
        }
        return nil
    }

    private static func numberProblem(_ number: Double, at cell: CellAddress) -> (code: ExcelWriteError.Code.Storage, message: String)? {
        guard !number.isFinite else { return nil }
        return (.invalidArgument, "\(number) at cell \(cell.a1) is not a finite number; Excel cannot store NaN or infinity")
    }
}
