internal import CXlsxWriter

/// A data-entry rule on cells: a drop-down list or a number range, with an input prompt and an
/// error message. Added with ``XLSXWorksheet/addDataValidation(_:to:)``.
public struct DataValidation: Hashable, Sendable {
    /// What the cells accept.
    public enum Rule: Hashable, Sendable {
        /// One of these values, from a drop-down. Inline lists are limited by Excel to 255
        /// characters in all (with separating commas) and items cannot contain commas; use
        /// ``listFromRange(_:)`` for longer lists.
        case list([String])
        /// One of the values in a range, typically on a hidden "Lists" sheet
        /// (see ``XLSXWorkbook/addLookupLists(_:sheetName:)``).
        case listFromRange(SheetRange)
        /// A whole number within the bounds (either may be `nil` for no bound, not both).
        case wholeNumber(minimum: Int?, maximum: Int?)
        /// A decimal number within the bounds (either may be `nil` for no bound, not both).
        case decimal(minimum: Double?, maximum: Double?)
    }

    /// How Excel reacts to a value that breaks the rule.
    public enum ErrorStyle: Hashable, Sendable {
        /// Refuse the value.
        case stop
        /// Warn and let the user choose.
        case warning
        /// Inform and accept.
        case information
    }

    /// What the cells accept.
    public var rule: Rule
    /// Whether an empty cell is accepted.
    public var allowsBlank: Bool
    /// Title of the prompt shown when a cell is selected (at most 32 characters).
    public var inputTitle: String?
    /// The prompt shown when a cell is selected (at most 255 characters).
    public var inputMessage: String?
    /// Title of the error box (at most 32 characters).
    public var errorTitle: String?
    /// The error text: say what is expected (at most 255 characters).
    public var errorMessage: String?
    /// Whether a wrong value is refused, warned about, or accepted with a note.
    public var errorStyle: ErrorStyle

    /// A validation rule with optional prompt and error texts.
    public init(
        _ rule: Rule, allowsBlank: Bool = true, inputTitle: String? = nil, inputMessage: String? = nil,
        errorTitle: String? = nil, errorMessage: String? = nil, errorStyle: ErrorStyle = .stop
    ) {
        self.rule = rule
        self.allowsBlank = allowsBlank
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
        self.errorStyle = errorStyle
    }
}

extension XLSXWorksheet {
    /// Adds a data validation over `range`.
    /// - Throws: ``ExcelWriteError`` `.invalidArgument` for an empty or too long inline list, an
    ///   item with a comma, missing or crossed bounds, a list range on an unknown sheet;
    ///   `.valueTooLong` for a title over 32 or a message over 255 characters.
    public func addDataValidation(_ validation: DataValidation, to range: CellRange) throws {
        let handle = try openHandle()
        let first = try position(range.first)
        let last = try position(range.last)
        try checkTexts(of: validation)

        let arena = CStringArena()
        var lxwValidation = lxw_data_validation()
        var listItems: [UnsafeMutablePointer<CChar>?] = []
        switch validation.rule {
        case .list(let values):
            guard !values.isEmpty else { throw error(.invalidArgument, "a drop-down list needs at least one value") }
            if let withComma = values.first(where: { $0.contains(",") }) {
                throw error(
                    .invalidArgument,
                    "the list item '\(withComma)' contains a comma, which Excel reads as a separator; use listFromRange")
            }
            let length = values.joined(separator: ",").count
            guard length <= 255 else {
                throw error(
                    .invalidArgument,
                    "the drop-down list has \(length) characters; Excel allows 255 inline, so put the values on a sheet and use listFromRange")
            }
            lxwValidation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            listItems = values.map { arena.copy($0) } + [nil]
        case .listFromRange(let source):
            guard workbook.worksheet(named: source.sheet) != nil else {
                throw error(.invalidArgument, "the list range \(source) is on a sheet '\(source.sheet)' that does not exist")
            }
            lxwValidation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            lxwValidation.value_formula = arena.copy("=" + source.formulaReference)
        case .wholeNumber(let minimum, let maximum):
            lxwValidation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            try setBounds(&lxwValidation, minimum.map(Double.init), maximum.map(Double.init))
        case .decimal(let minimum, let maximum):
            lxwValidation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            try setBounds(&lxwValidation, minimum, maximum)
        }
        lxwValidation.ignore_blank = UInt8(
            (validation.allowsBlank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF).rawValue)
        lxwValidation.input_title = arena.copy(validation.inputTitle)
        lxwValidation.input_message = arena.copy(validation.inputMessage)
        lxwValidation.error_title = arena.copy(validation.errorTitle)
        lxwValidation.error_message = arena.copy(validation.errorMessage)
        switch validation.errorStyle {
        case .stop: lxwValidation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        case .warning: lxwValidation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
        case .information: lxwValidation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
        }

        let result: lxw_error = withExtendedLifetime(arena) {
            listItems.withUnsafeMutableBufferPointer { items in
                if !items.isEmpty { lxwValidation.value_list = items.baseAddress }
                return worksheet_data_validation_range(
                    handle, first.row, first.column, last.row, last.column, &lxwValidation)
            }
        }
        try check(result, "cannot add the data validation to \(range.a1)")
    }

    private func checkTexts(of validation: DataValidation) throws {
        let limits: [(String?, Int, String)] = [
            (validation.inputTitle, 32, "input title"), (validation.inputMessage, 255, "input message"),
            (validation.errorTitle, 32, "error title"), (validation.errorMessage, 255, "error message"),
        ]
        for (text, limit, what) in limits {
            if let text, text.count > limit {
                throw error(.valueTooLong, "the validation \(what) has \(text.count) characters; Excel allows \(limit)")
            }
        }
    }

    private func setBounds(_ validation: inout lxw_data_validation, _ minimum: Double?, _ maximum: Double?) throws {
        for bound in [minimum, maximum].compactMap({ $0 }) where !bound.isFinite {
            throw error(.invalidArgument, "a validation bound must be a finite number, not \(bound)")
        }
        switch (minimum, maximum) {
        case (let low?, let high?):
            guard low <= high else {
                throw error(.invalidArgument, "the validation minimum \(low) is above the maximum \(high)")
            }
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            validation.minimum_number = low
            validation.maximum_number = high
        case (let low?, nil):
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            validation.value_number = low
        case (nil, let high?):
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            validation.value_number = high
        case (nil, nil):
            throw error(.invalidArgument, "a number validation needs a minimum, a maximum, or both")
        }
    }
}
