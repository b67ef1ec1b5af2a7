import Foundation
import XLSXReading

/// A tiny evaluator for the formula forms the workbooks use: numbers, cell references (with an
/// optional sheet, quoted or not), ranges, `+ - * /`, parentheses, unary minus, `SUM(...)` and
/// `SUMIFS(sum, range1, criterion1[, range2, criterion2…])`. Referenced cells give their stored
/// (cached) values, as Excel would use them.
struct FormulaEvaluator {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    enum Value {
        case number(Double)
        case text(String)
        case empty
        case range(sheet: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>)
    }

    let document: XLSXDocument
    /// The sheet the formula is on (unqualified references are to it).
    let sheet: String

    func evaluate(_ formula: String) throws -> Double {
        var parser = Parser(text: Array(formula.hasPrefix("=") ? formula.dropFirst() : formula[...]), evaluator: self)
        let value = try parser.expression()
        parser.skipSpaces()
        guard parser.position == parser.text.count else {
            throw Failure(description: "unexpected text at \(parser.position) in \(formula)")
        }
        return try number(value)
    }

    func cellValue(sheet name: String, row: Int, column: Int) throws -> CellValue {
        try document.sheet(named: name).value(row: row, column: column)
    }

    func number(_ value: Value) throws -> Double {
        switch value {
        case .number(let number): return number
        case .empty: return 0
        case .text(let text): throw Failure(description: "text '\(text)' used as a number")
        case .range(let sheet, let rows, let columns):
            guard rows.count == 1, columns.count == 1 else { throw Failure(description: "a range used as a number") }
            return try number(scalar(try cellValue(sheet: sheet, row: rows.lowerBound, column: columns.lowerBound)))
        }
    }

    func scalar(_ cell: CellValue) -> Value {
        switch cell {
        case .number(let number): .number(number)
        case .string(let text): .text(text)
        case .boolean(let flag): .number(flag ? 1 : 0)
        case .empty, .error: .empty
        }
    }

    /// The cells of a range in row-major order.
    func cells(_ value: Value) throws -> [CellValue] {
        guard case .range(let sheet, let rows, let columns) = value else {
            throw Failure(description: "expected a range")
        }
        var result: [CellValue] = []
        for row in rows { for column in columns { result.append(try cellValue(sheet: sheet, row: row, column: column)) } }
        return result
    }

    func call(_ name: String, _ arguments: [Value]) throws -> Value {
        switch name.uppercased() {
        case "SUM":
            var total = 0.0
            for argument in arguments {
                if case .range = argument {
                    for cell in try cells(argument) { if case .number(let n) = cell { total += n } }
                } else {
                    total += try number(argument)
                }
            }
            return .number(total)
        case "SUMIFS":
            guard arguments.count >= 3, arguments.count % 2 == 1 else {
                throw Failure(description: "SUMIFS needs a sum range and pairs of range and criterion")
            }
            let sums = try cells(arguments[0])
            var keep = Array(repeating: true, count: sums.count)
            for pair in stride(from: 1, to: arguments.count, by: 2) {
                let range = try cells(arguments[pair])
                guard range.count == sums.count else { throw Failure(description: "SUMIFS ranges differ in size") }
                let criterion = try criterionValue(arguments[pair + 1])
                for (index, cell) in range.enumerated() where !matches(cell, criterion) { keep[index] = false }
            }
            var total = 0.0
            for (index, cell) in sums.enumerated() where keep[index] {
                if case .number(let n) = cell { total += n }
            }
            return .number(total)
        default:
            throw Failure(description: "unsupported function \(name)")
        }
    }

    func criterionValue(_ value: Value) throws -> Value {
        if case .range(let sheet, let rows, let columns) = value {
            guard rows.count == 1, columns.count == 1 else { throw Failure(description: "a criterion must be one cell") }
            return scalar(try cellValue(sheet: sheet, row: rows.lowerBound, column: columns.lowerBound))
        }
        return value
    }

    /// Equality as SUMIFS tests it: numbers by value, text without regard to case.
    func matches(_ cell: CellValue, _ criterion: Value) -> Bool {
        switch (cell, criterion) {
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .text(let b)): a.lowercased() == b.lowercased()
        case (.number(let a), .text(let b)): Double(b) == a
        case (.string(let a), .number(let b)): Double(a) == b
        default: false
        }
    }

    struct Parser {
        let text: [Character]
        let evaluator: FormulaEvaluator
        var position = 0

        init(text: [Character], evaluator: FormulaEvaluator) {
            self.text = text
            self.evaluator = evaluator
        }

        mutating func skipSpaces() { while position < text.count, text[position] == " " { position += 1 } }

        func peek() -> Character? { position < text.count ? text[position] : nil }

        mutating func expression() throws -> Value {
            var value = try term()
            while true {
                skipSpaces()
                guard let op = peek(), op == "+" || op == "-" else { return value }
                position += 1
                let rhs = try evaluator.number(try term())
                let lhs = try evaluator.number(value)
                value = .number(op == "+" ? lhs + rhs : lhs - rhs)
            }
        }

        mutating func term() throws -> Value {
            var value = try factor()
            while true {
                skipSpaces()
                guard let op = peek(), op == "*" || op == "/" else { return value }
                position += 1
                let rhs = try evaluator.number(try factor())
                let lhs = try evaluator.number(value)
                value = .number(op == "*" ? lhs * rhs : lhs / rhs)
            }
        }

        mutating func factor() throws -> Value {
            skipSpaces()
            guard let character = peek() else { throw Failure(description: "unexpected end") }
            if character == "-" {
                position += 1
                return .number(-(try evaluator.number(try factor())))
            }
            if character == "(" {
                position += 1
                let value = try expression()
                try expect(")")
                return value
            }
            if character.isNumber || character == "." {
                let start = position
                while let c = peek(), c.isNumber || c == "." || c == "E" || c == "e" { position += 1 }
                guard let number = Double(String(text[start..<position])) else { throw Failure(description: "bad number") }
                return .number(number)
            }
            if character == "\"" {
                position += 1
                var literal = ""
                while let c = peek(), c != "\"" { literal.append(c); position += 1 }
                try expect("\"")
                return .text(literal)
            }
            // A quoted sheet name, a function name, a bare sheet name or a cell reference.
            var sheet: String?
            if character == "'" {
                position += 1
                var name = ""
                while position < text.count {
                    if text[position] == "'" {
                        if position + 1 < text.count, text[position + 1] == "'" {
                            name.append("'")
                            position += 2
                            continue
                        }
                        break
                    }
                    name.append(text[position])
                    position += 1
                }
                try expect("'")
                try expect("!")
                sheet = name
            }
            var word = ""
            while let c = peek(), c.isLetter || c.isNumber || c == "$" || c == "_" || c == "." { word.append(c); position += 1 }
            if sheet == nil, peek() == "(" {
                position += 1
                var arguments: [Value] = []
                skipSpaces()
                if peek() != ")" {
                    while true {
                        arguments.append(try expression())
                        skipSpaces()
                        if peek() == "," { position += 1; continue }
                        break
                    }
                }
                try expect(")")
                return try evaluator.call(word, arguments)
            }
            if sheet == nil, peek() == "!" {
                position += 1
                sheet = word
                word = ""
                while let c = peek(), c.isLetter || c.isNumber || c == "$" { word.append(c); position += 1 }
            }
            guard let first = CellReference.position(of: word) else { throw Failure(description: "bad reference '\(word)'") }
            var last = first
            if peek() == ":" {
                position += 1
                var second = ""
                while let c = peek(), c.isLetter || c.isNumber || c == "$" { second.append(c); position += 1 }
                guard let end = CellReference.position(of: second) else { throw Failure(description: "bad reference '\(second)'") }
                last = end
            }
            return .range(
                sheet: sheet ?? evaluator.sheet, rows: min(first.row, last.row)...max(first.row, last.row),
                columns: min(first.column, last.column)...max(first.column, last.column))
        }

        mutating func expect(_ character: Character) throws {
            skipSpaces()
            guard peek() == character else { throw Failure(description: "expected '\(character)' at \(position)") }
            position += 1
        }
    }
}

extension XLSXDocument {
    /// Every formula cell of the workbook, with its sheet.
    var formulaCells: [(sheet: String, cell: XLSXCell)] {
        sheets.flatMap { sheet in sheet.cells.filter { $0.formula != nil }.map { (sheet.name, $0) } }
    }

    /// Checks every formula's cached value against what the formula computes; returns the
    /// mismatches as text (empty when all agree) and the number of formulas checked.
    func formulaMismatches() -> (checked: Int, mismatches: [String]) {
        var mismatches: [String] = []
        let cells = formulaCells
        for (sheet, cell) in cells {
            guard let formula = cell.formula, !formula.isEmpty else {
                mismatches.append("\(sheet)!\(cell.reference): shared or empty formula")
                continue
            }
            do {
                let computed = try FormulaEvaluator(document: self, sheet: sheet).evaluate(formula)
                guard let cached = cell.value.numberValue else {
                    mismatches.append("\(sheet)!\(cell.reference): \(formula) has no numeric cached value (\(cell.value))")
                    continue
                }
                if abs(computed - cached) > 1e-9 * max(1, abs(computed)) {
                    mismatches.append("\(sheet)!\(cell.reference): \(formula) computes \(computed), cached \(cached)")
                }
            } catch {
                mismatches.append("\(sheet)!\(cell.reference): \(formula): \(error)")
            }
        }
        return (cells.count, mismatches)
    }
}
