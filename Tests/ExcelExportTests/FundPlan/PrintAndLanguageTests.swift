import Allocation
import Foundation
import Forecast
import Testing
import Texts
import Workforce
import XLSXReading

@testable import ExcelExport

@Suite("Print-ready workbooks in Vietnamese and English")
struct PrintAndLanguageTests {
    /// Every workbook of the fixture plan in `language`, read back.
    static func writeAll(_ language: Language, carryOver: Bool = false) throws -> (PlanWorkbookContext, [XLSXDocument], ScratchDirectory) {
        var context = try PlanFixture.makeContext(withStudents: true)
        if carryOver {
            context.scenario.fund.carryOver = true
            context.plan = try AllocationPlanner.plan(scenario: context.scenario, forecast: context.forecast)
        }
        context.language = language
        let directory = try ScratchDirectory()
        let urls = try PlanWorkbooks.write(into: directory.url, context: context)
        return (context, try urls.map { try XLSXDocument(contentsOf: $0) }, directory)
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    @Test("every sheet of every workbook has a print area, and every table repeats its header row", arguments: Language.allCases)
    func everySheetPrints(_ language: Language) throws {
        let (_, documents, directory) = try Self.writeAll(language)
        defer { directory.remove() }
        #expect(documents.count == 1 + 2 + 2, "fund plan, HUST and BNC intake, E-FDI and E-DN interns")
        for document in documents {
            for (index, sheet) in document.sheets.enumerated() {
                let names = document.definedNames.filter { $0.localSheetIndex == index }.map(\.name)
                #expect(names.contains("_xlnm.Print_Area"), "\(document.url.lastPathComponent) › \(sheet.name)")
                let isTable = sheet.frozenPane?.rows == TableSheet.headerRow
                if isTable {
                    #expect(names.contains("_xlnm.Print_Titles"), "\(document.url.lastPathComponent) › \(sheet.name)")
                }
            }
        }
    }

    @Test("no text is missing from the catalogue, in any sheet of any workbook", arguments: Language.allCases)
    func noMissingTexts(_ language: Language) throws {
        let (_, documents, directory) = try Self.writeAll(language)
        defer { directory.remove() }
        for document in documents {
            for sheet in document.sheets {
                let missing = sheet.cells.compactMap(\.value.stringValue).filter { $0.contains("[workbooks.") || $0.contains("{") }
                #expect(missing.isEmpty, "\(document.url.lastPathComponent) › \(sheet.name): \(missing.prefix(3))")
            }
        }
    }

    @Test("Vietnamese workbooks: sheet names and headers in Vietnamese with diacritics")
    func vietnamese() throws {
        let (_, documents, directory) = try Self.writeAll(.vi)
        defer { directory.remove() }
        let fundPlan = try #require(documents.first)
        #expect(fundPlan.sheetNames == FundPlanWorkbook.sheetNames(.vi))
        #expect(fundPlan.sheetNames.first == "Tóm tắt cho hội đồng")
        #expect(fundPlan.sheetNames.allSatisfy { $0.count <= 31 })
        #expect(Set(fundPlan.sheetNames).isDisjoint(with: FundPlanWorkbook.sheetNames(.en)))
        let budget = try fundPlan.sheet(named: "Ngân sách")
        #expect(budget.value(row: 4, column: 1) == .string("Năm ngân sách"))
        #expect(budget.value(row: 4, column: 3) == .string("Chuyển từ năm trước (tỷ đồng)"))
        let intake = try #require(documents.first { $0.url.lastPathComponent.hasPrefix("intake-") })
        #expect(intake.sheetNames == ["Chỉ tiêu tuyển sinh", "Chương trình đào tạo"])
        let interns = try #require(documents.first { $0.url.lastPathComponent.hasPrefix("interns-") })
        #expect(interns.sheetNames == InternsWorkbook.sheetNames(.vi))
        let postings = try interns.sheet(named: "Vị trí thực tập")
        #expect(postings.value(row: 4, column: 6) == .string("Chỉ tiêu"))
        // Formulas refer to the Vietnamese sheet names and still compute their cached values.
        let (checked, mismatches) = fundPlan.formulaMismatches()
        #expect(checked > 40)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("the Board summary's headline figures are the plan's", arguments: Language.allCases)
    func boardSummary(_ language: Language) throws {
        let (context, documents, directory) = try Self.writeAll(language)
        defer { directory.remove() }
        let texts = WorkbookTexts(language)
        let board = try #require(documents.first).sheet(named: texts["sheet.board-summary"])
        func figure(_ key: String) -> Double? {
            guard let row = board.cells.first(where: { $0.column == 1 && $0.value == .string(texts["board." + key]) })?.row else { return nil }
            return board.value(row: row, column: 2).numberValue
        }
        let plan = context.plan
        #expect(Self.close(figure("shortage-before") ?? -1, plan.shortageBefore, relative: 1e-6))
        #expect(Self.close(figure("shortage-after") ?? -1, plan.shortageAfter, relative: 1e-6))
        #expect(Self.close(figure("budget") ?? -1, plan.totalBudget))
        #expect(Self.close(figure("spend") ?? -1, plan.totalSpend, relative: 1e-6))
        #expect(figure("scholarship-seats") == plan.scholarships.reduce(0) { $0 + $1.seats })
        // The sentences say what the numbers mean.
        let sentences = board.cells.compactMap(\.value.stringValue).filter { $0.hasPrefix("• ") }
        #expect(sentences.count >= 4)
        #expect(sentences.contains { $0.contains(texts.numbers.billionsVND(plan.totalBudget)) })
    }

    @Test("Budget: carried in is the year before's unspent to date, which is spend.csv's")
    func carriedIn() throws {
        let (context, documents, directory) = try Self.writeAll(.en, carryOver: true)
        defer { directory.remove() }
        let document = try #require(documents.first)
        let budget = try document.sheet(named: "Budget")
        #expect(budget.value(row: 4, column: 3) == .string("Carried in (bn VND)"))
        let years = context.plan.spendByYear.sorted { $0.year < $1.year }
        for (offset, spend) in years.enumerated() {
            let row = 5 + offset
            let carried = offset == 0 ? 0 : years[offset - 1].unspentToDate
            #expect(Self.close(budget.value(row: row, column: 3).numberValue ?? -1, carried, relative: 1e-6), "\(spend.year)")
            #expect(Self.close(budget.value(row: row, column: 8).numberValue ?? -1, spend.unspentToDate, relative: 1e-6), "\(spend.year)")
            #expect((budget.value(row: row, column: 8).numberValue ?? -1) >= -1e-6, "nothing overspent with carry-over")
        }
        let (_, mismatches) = document.formulaMismatches()
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("Why not funded: one row per programme without seats, each with a sentence")
    func whyNotFunded() throws {
        let (context, documents, directory) = try Self.writeAll(.en)
        defer { directory.remove() }
        let sheet = try #require(documents.first).sheet(named: "Why not funded")
        let idle = context.plan.explanation.idlePrograms
        if idle.isEmpty {
            #expect(sheet.value(row: 5, column: 1).stringValue?.hasPrefix("Every programme") == true)
        }
        for (offset, program) in idle.enumerated() {
            #expect(sheet.value(row: 5 + offset, column: 1) == .string(program.program.rawValue))
            #expect((sheet.value(row: 5 + offset, column: 7).stringValue?.count ?? 0) > 20)
        }
    }

    /// An idle programme as the plan's JSON carries it (IdleProgram has no public initialiser).
    static func idle(_ reason: IdleReason, factor: Double? = nil, required: Double? = nil) throws -> IdleProgram {
        let unitCost = 40_000_000.0
        var object: [String: Any] = [
            "program": "P-HUST-MAT", "instrument": InstrumentKind.scholarship.rawValue, "reason": reason.rawValue, "year": 2027,
            "unit_cost": unitCost, "reduced_cost": 0.1, "text": "",
        ]
        if let factor { object["required_effectiveness_factor"] = factor }
        if let required {
            object["required_unit_cost"] = required
            object["required_cost_reduction"] = 1 - required / unitCost
        }
        return try JSONDecoder().decode(IdleProgram.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test(
        "reasons in words, numbers rounded sensibly",
        arguments: [
            (Language.en, 1.022, "2.2 % more engineers", "1.0×"), (.en, 2.46, "2.5 times as many", "2.46"),
            (.vi, 1.022, "thêm 2,2 % kỹ sư", "1,0"), (.vi, 2.46, "gấp 2,5 lần", "2,46"),
        ])
    func reasonSentences(_ language: Language, factor: Double, expected: String, absent: String) throws {
        let context = try PlanFixture.makeContext(withStudents: false)
        let texts = WorkbookTexts(language)
        let reasons = NotFundedReasons(context: context, texts: texts, index: context.scenario.index)
        let program = try #require(context.scenario.programs.first { $0.id == "P-HUST-MAT" })
        let text = reasons.sentence(try Self.idle(.notCostEffective, factor: factor, required: 40_000_000 / factor), program: program)
        #expect(text.contains(expected), "\(text)")
        #expect(!text.contains(absent), "\(text)")
        // Cost per engineer against the plan's marginal cost, in millions.
        #expect(text.contains(texts.catalogue["unit.million-vnd"]), "\(text)")
        let capacity = reasons.sentence(try Self.idle(.noSpareCapacity), program: program)
        #expect(capacity.contains("70") && capacity.contains("40"), "\(capacity)")
    }

    @Test("an intake workbook says why a programme without seats has none")
    func intakeReasons() throws {
        var context = try PlanFixture.makeContext(withStudents: false)
        // No spare capacity at all: every HUST programme gets nothing, each with its reason.
        context.scenario.programs = context.scenario.programs.map { program in
            var program = program
            if program.institution == "HUST" { program.capacity = program.baselineIntake }
            return program
        }
        context.plan = try AllocationPlanner.plan(scenario: context.scenario, forecast: context.forecast)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let url = directory.file(IntakeWorkbook.fileName(institution: "HUST"))
        try IntakeWorkbook.write(institution: "HUST", context: context, to: url)
        let programmes = try XLSXDocument(contentsOf: url).sheet(named: "Programmes")
        #expect(programmes.value(row: 4, column: 16) == .string("Why no seats"))
        let hust = context.scenario.programs.filter { $0.institution == "HUST" }
        for offset in hust.indices {
            let reason = programmes.value(row: 5 + offset, column: 16).stringValue ?? ""
            #expect(reason.hasPrefix("No spare capacity"), "\(reason)")
        }
    }
}

@Suite("Page setup")
struct PageSetupTests {
    @Test("headers and footers: page numbers as codes, ampersands escaped")
    func headerFooterCode() {
        let footer = HeaderFooter(left: [.sheetName], right: HeaderFooter.parts("Page {page} of {pages}"))
        #expect(footer.code == "&L&A&RPage &P of &N")
        #expect(HeaderFooter(center: [.text("R&D plan")]).code == "&CR&&D plan")
        #expect(HeaderFooter.parts("Trang {page}/{pages}") == [.text("Trang "), .pageNumber, .text("/"), .pageCount])
    }

    @Test("a header longer than Excel allows is refused")
    func headerTooLong() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let workbook = try XLSXWorkbook(destination: directory.file("long.xlsx"))
        let sheet = try workbook.addWorksheet(named: "Sheet")
        let setup = PageSetup(header: HeaderFooter(left: [.text(String(repeating: "x", count: 300))]))
        #expect(throws: ExcelWriteError.self) { try sheet.setPageSetup(setup) }
        try sheet.setPageSetup(PageSetup(orientation: .landscape, repeatedRows: 1...1))
        try workbook.close()
    }

    @Test(
        "column widths fit numbers as their format shows them",
        arguments: [
            (120_000_000_000.0, "#,##0", 15.0), (120_000_000_000.0, "#,##0.00,,,", 6.0), (0.1234, "0.0%", 6.0),
            (2027.0, "0", 4.0), (1234.5, "#,##0.0", 7.0),
        ])
    func numberWidths(_ value: Double, format: String, width: Double) {
        #expect(ColumnWidth.number(value, format: format) == width)
    }

    @Test(
        "shares in sentences are rounded as a reader expects",
        arguments: [
            (Language.en, 0.0215, "2.2 %"), (.en, 0.45, "45 %"), (.en, 0.9961, "99.6 %"), (.en, 0.0035, "0.35 %"),
            (.vi, 0.0215, "2,2 %"), (.vi, 0.9961, "99,6 %"), (.vi, 0.01, "1 %"), (.en, 0.15, "15 %"),
        ])
    func percentInWords(_ language: Language, share: Double, expected: String) {
        #expect(WorkbookTexts(language).percent(share) == expected)
    }

    @Test("wrapped lines break at words")
    func wrapping() {
        #expect(ColumnWidth.lines("Recommended intake", width: 12) == 2)
        #expect(ColumnWidth.lines("Year", width: 8) == 1)
        #expect(ColumnWidth.header("Objective (weighted, discounted engineer-years)") >= 14)
    }
}

/// The measures of column widths and wrapped lines, read once and remembered, agree with measuring
/// afresh.
@Suite("Column measures")
struct ColumnMeasureTests {
    @Test(
        "a text's width is its longest line in characters",
        arguments: [("ENT-0001", 8.0), ("Hà Nội", 6.0), ("ab\ncdef\ng", 4.0), ("", 0.0), ("a\r\nbc", 4.0), ("Đà Nẵng\nx", 7.0),
                    ("x\nTổng hợp ưu tiên\n\n", 16.0), ("Ha\u{300} No\u{323}\u{302}i", 6.0), ("👩‍🔧 thợ", 5.0), ("é\u{301}\nab", 2.0)])
    func textWidths(_ text: String, width: Double) {
        #expect(ColumnWidth.textWidth(text) == width)
        #expect(ColumnWidth.textWidth(text) == Double(text.split(separator: "\n").map(\.count).max() ?? 0))
        #expect(ColumnWidth.estimate(.string(text), style: nil) == width)
    }

    @Test("remembered line counts and header widths equal fresh ones")
    func rememberedMeasures() {
        let sentence = "Sinh viên xếp vị trí này cao hơn nơi họ được nhận, nhưng doanh nghiệp đã nhận những người họ xếp trên."
        for width in [10.0, 24.5, 52] {
            let fresh = ColumnWidth.countLines(sentence, width: width, bold: false)
            #expect(ColumnWidth.lines(sentence, width: width) == fresh)
            #expect(ColumnWidth.lines(sentence, width: width) == fresh, "asked twice")
            #expect(ColumnWidth.lines(sentence, width: width, bold: true) == ColumnWidth.countLines(sentence, width: width, bold: true))
        }
        #expect(ColumnWidth.header("Kinh phí hỗ trợ") == ColumnWidth.header("Kinh phí hỗ trợ"))
        #expect(ColumnWidth.header("Tiền") == 4 * 1.15 + 2)
    }

    @Test("numbers too large or not finite do not stop the measuring", arguments: [1e300, -1e20, Double.infinity, -Double.nan])
    func extremeNumbers(_ value: Double) {
        #expect(ColumnWidth.number(value, format: "#,##0") > 0)
        #expect(ColumnWidth.number(value, format: "0") > 0)
    }
}
