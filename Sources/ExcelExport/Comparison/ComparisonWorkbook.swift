import Foundation
import PlanRuns
import Texts

/// The comparison of two runs (`skillplan compare RUN RUN --xlsx FILE`) as a workbook: the
/// changed inputs, the headline figures of both runs, and the programmes, regions and
/// enterprises whose allocation changed most, in the reader's language.
public enum ComparisonWorkbook {
    /// Writes `comparison` to `url` (a temporary file renamed into place).
    /// - Throws: ``ExcelWriteError`` if the workbook cannot be written.
    public static func write(_ comparison: RunComparison, language: Language, to url: URL) throws {
        let texts = Catalogue(language)
        let values = ["before": String(comparison.before), "after": String(comparison.after)]
        let title = texts.format("runs.workbook.title", values)
        let workbook = try XLSXWorkbook(
            destination: url,
            properties: DocumentProperties(title: title, author: "SkillPlan", category: "Run comparison", keywords: "SkillPlan, compare"))
        let before = texts.format("runs.column.before", ["run": String(comparison.before)])
        let after = texts.format("runs.column.after", ["run": String(comparison.after)])

        let inputs = try workbook.addWorksheet(named: texts["runs.sheet.inputs"])
        try inputs.setColumnWidth(100, column: 1)
        try inputs.write(.string(title), row: 1, column: 1, style: WorkbookStyles.title)
        try inputs.write(.string(texts["runs.column.what"]), row: 3, column: 1, style: WorkbookStyles.header)
        for (offset, line) in comparison.inputLines(texts).enumerated() {
            try inputs.write(.string(line), row: offset + 4, column: 1, style: WorkbookStyles.note)
        }

        let figures = try workbook.addWorksheet(named: texts["runs.sheet.figures"])
        try figures.setColumnWidth(44, column: 1)
        for column in 2...4 { try figures.setColumnWidth(20, column: column) }
        try figures.writeRow([.string(texts["runs.column.figure"]), .string(before), .string(after), .string(texts["runs.column.change"])],
                             startingAt: CellAddress(row: 1, column: 1), style: WorkbookStyles.header)
        var row = 2
        for figure in comparison.headline where figure.before != nil || figure.after != nil {
            try figures.write(.string(texts["runs.figure.\(figure.key)"]), row: row, column: 1)
            for (column, value) in [(2, figure.before), (3, figure.after), (4, figure.change)] {
                if let value { try figures.write(.number(value), row: row, column: column, style: WorkbookStyles.integer) }
            }
            row += 1
        }
        try figures.freezePanes(rows: 1)

        let allocation = try workbook.addWorksheet(named: texts["runs.sheet.allocation"])
        try allocation.setColumnWidth(24, column: 1)
        for column in 2...4 { try allocation.setColumnWidth(20, column: column) }
        row = 1
        for (key, changes) in [("runs.section.programs", comparison.programs), ("runs.section.regions", comparison.regions),
                               ("runs.section.enterprises", comparison.enterprises)] {
            try allocation.write(.string(texts[key]), row: row, column: 1, style: WorkbookStyles.section)
            row += 1
            try allocation.writeRow([.string(texts["runs.column.code"]), .string(before), .string(after), .string(texts["runs.column.change"])],
                                    startingAt: CellAddress(row: row, column: 1), style: WorkbookStyles.header)
            row += 1
            if changes.isEmpty {
                try allocation.write(.string(texts["runs.compare.none-changed"]), row: row, column: 1)
                row += 1
            }
            for change in changes {
                try allocation.write(.string(change.code), row: row, column: 1)
                try allocation.write(.number(change.before), row: row, column: 2, style: WorkbookStyles.vnd)
                try allocation.write(.number(change.after), row: row, column: 3, style: WorkbookStyles.vnd)
                try allocation.write(.number(change.change), row: row, column: 4, style: WorkbookStyles.vnd)
                row += 1
            }
            row += 1
        }
        try inputs.activate()
        try workbook.close()
    }
}
