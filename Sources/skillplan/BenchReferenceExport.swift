import Allocation
import ExcelExport
import Foundation
import Matching
import Optimization
import Workforce

/// The fund plan's item rows (scholarships, internships, on-site seats) in one workbook: the same
/// cells `Benchmarks/reference.py` writes with Python's XlsxWriter, so the two times compare.
enum PlanRowsWorkbook {
    static let scholarshipHeaders = [
        "program", "institution", "region", "skill", "intake_year", "seats", "unit_cost_per_year_vnd",
        "total_cost_vnd", "graduation_year", "engineers_added",
    ]
    static let internshipHeaders = [
        "posting", "enterprise", "region", "skill", "year", "interns", "unit_cost_vnd", "cost_vnd",
        "domestic_sme", "engineers_added",
    ]
    static let onsiteHeaders = [
        "program", "institution", "host_enterprise", "region", "skill", "year", "seats", "unit_cost_vnd",
        "cost_vnd", "engineers_added",
    ]

    /// Writes sheets Scholarships, Internships and Onsite: a bold header row, then one row per item;
    /// money as whole VND with `#,##0`, seats and engineers as numbers.
    static func write(_ plan: AllocationPlan, to url: URL) throws {
        let workbook = try XLSXWorkbook(destination: url)
        try writeSheet("Scholarships", headers: scholarshipHeaders, moneyColumns: [7, 8], in: workbook,
                       rows: plan.scholarships.map { award in
            [.string(award.program.rawValue), .string(award.institution.rawValue), .string(award.region.rawValue),
             .string(award.skill.rawValue), .integer(award.intakeYear), .number(award.seats),
             .number(award.unitCostPerYear.rounded()), .number(award.totalCost.rounded()),
             .integer(award.graduationYear), .number(award.engineersAdded)]
        })
        try writeSheet("Internships", headers: internshipHeaders, moneyColumns: [7, 8], in: workbook,
                       rows: plan.internships.map { award in
            [.string(award.posting.rawValue), .string(award.enterprise.rawValue), .string(award.region.rawValue),
             .string(award.skill.rawValue), .integer(award.year), .number(award.interns),
             .number(award.unitCost.rounded()), .number(award.cost.rounded()), .boolean(award.isDomesticSME),
             .number(award.engineersAdded)]
        })
        try writeSheet("Onsite", headers: onsiteHeaders, moneyColumns: [8, 9], in: workbook,
                       rows: plan.onsite.map { award in
            [.string(award.program.rawValue), .string(award.institution.rawValue),
             .string(award.hostEnterprise?.rawValue ?? ""), .string(award.region.rawValue), .string(award.skill.rawValue),
             .integer(award.year), .number(award.seats), .number(award.unitCost.rounded()),
             .number(award.cost.rounded()), .number(award.engineersAdded)]
        })
        try workbook.close()
    }

    /// One sheet: a bold header row, then the rows; `moneyColumns` (1-based) get the VND format.
    private static func writeSheet(_ name: String, headers: [String], moneyColumns: Set<Int>, in workbook: XLSXWorkbook,
                                   rows: [[CellContent]]) throws {
        let sheet = try workbook.addWorksheet(named: name)
        try sheet.writeRow(headers.map(CellContent.string), startingAt: CellAddress(row: 1, column: 1), style: CellStyle(bold: true))
        for (index, cells) in rows.enumerated() {
            for (offset, cell) in cells.enumerated() {
                let column = offset + 1
                try sheet.write(cell, row: index + 2, column: column, style: moneyColumns.contains(column) ? .vnd : nil)
            }
        }
    }
}

/// `skillplan bench --export-reference DIR`: what `Benchmarks/reference.py` needs to solve the same
/// problems with the Python reference tools and compare.
///
/// Files: `preferences.json` (student → the postings they may be matched to, best first, exactly
/// as our matching uses them), `rankings.json` (posting → the students who listed it usably, best
/// first), `capacities.json` (posting → slots), `model.mps` (the integer allocation model),
/// `model-lp.mps` (its LP relaxation), `scholarships.csv`, `internships.csv`, `onsite.csv` (the
/// plan's item rows) and `swift.json` (our objectives and times).
enum BenchReferenceExport {
    struct SwiftFigures: Encodable {
        var lpObjective: Double?
        var lpSeconds: Double?
        var mipObjective: Double?
        var mipBestBound: Double?
        var mipStatus: String?
        var mipSeconds: Double?
        var relativeGap: Double
        var timeLimit: Double
        var matchSeconds: Double?
        var deferredAcceptanceSeconds: Double?
        var matched: Int
        var rowsWorkbookSeconds: Double
        var rowsWorkbookRepeats: Int
        var rowCounts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case lpObjective = "lp_objective", lpSeconds = "lp_seconds"
            case mipObjective = "mip_objective", mipBestBound = "mip_best_bound", mipStatus = "mip_status"
            case mipSeconds = "mip_seconds", relativeGap = "relative_gap", timeLimit = "time_limit"
            case matchSeconds = "match_seconds", deferredAcceptanceSeconds = "deferred_acceptance_seconds"
            case matched
            case rowsWorkbookSeconds = "rows_workbook_seconds", rowsWorkbookRepeats = "rows_workbook_repeats"
            case rowCounts = "row_counts"
        }
    }

    /// Writes the files into `folder`; `report` gives our median times.
    static func write(into folder: URL, pipeline: BenchPipeline, report: BenchReport) throws {
        guard let model = pipeline.model, let problem = pipeline.problem, let matching = pipeline.matching,
              let plan = pipeline.plan
        else {
            throw UserFailure(message: "internal error: --export-reference needs the build, plan and match stages' results")
        }
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)

        var preferences: [String: [String]] = [:]
        var applicants: [String: [(rank: Int, student: String)]] = [:]
        for student in problem.students {
            let list = problem.usablePreferences(of: student.id)
            guard !list.isEmpty else { continue }
            preferences[student.id.rawValue] = list.map(\.rawValue)
            for posting in list {
                applicants[posting.rawValue, default: []].append(
                    (problem.postingRank(of: student.id, at: posting) ?? Int.max, student.id.rawValue))
            }
        }
        let rankings = applicants.mapValues { $0.sorted { $0.rank < $1.rank }.map(\.student) }
        var capacities: [String: Int] = [:]
        for posting in problem.postings where applicants[posting.id.rawValue] != nil {
            capacities[posting.id.rawValue] = posting.slots
        }
        try writeJSON(preferences, to: folder.appendingPathComponent("preferences.json"))
        try writeJSON(rankings, to: folder.appendingPathComponent("rankings.json"))
        try writeJSON(capacities, to: folder.appendingPathComponent("capacities.json"))

        do {
            try writeTextFile(try model.mps(), to: folder.appendingPathComponent("model.mps").path)
            try writeTextFile(try model.linearModel.relaxed().mps(), to: folder.appendingPathComponent("model-lp.mps").path)
        } catch let error as UserFailure {
            throw error
        } catch {
            throw UserFailure(message: "error: cannot write the MPS files: \(error)")
        }
        let csv = plan.csvFiles()
        for name in ["scholarships.csv", "internships.csv", "onsite.csv"] {
            try writeTextFile(csv[name] ?? "", to: folder.appendingPathComponent(name).path)
        }

        // Our time for the same rows workbook: the median of five writes.
        let repeats = 5
        var times: [Double] = []
        let clock = ContinuousClock()
        for index in 0..<repeats {
            let url = folder.appendingPathComponent("rows-swift-\(index).xlsx")
            let start = clock.now
            do {
                try PlanRowsWorkbook.write(plan, to: url)
            } catch {
                throw UserFailure(message: "error: cannot write \(url.path): \(error)")
            }
            times.append((clock.now - start).benchSeconds)
            if index > 0 { try? manager.removeItem(at: url) }
        }

        let figures = SwiftFigures(
            lpObjective: pipeline.lp?.objectiveValue, lpSeconds: report.stage(.lp)?.median,
            mipObjective: pipeline.mip?.objectiveValue, mipBestBound: pipeline.mip?.bestBound,
            mipStatus: pipeline.mip.map { "\($0.status)" }, mipSeconds: report.stage(.mip)?.median,
            relativeGap: pipeline.settings.relativeGap, timeLimit: pipeline.settings.timeLimit,
            matchSeconds: report.stage(.match)?.median,
            deferredAcceptanceSeconds: report.stage(.match)?.partMedians["deferred acceptance"],
            matched: matching.matchedCount,
            rowsWorkbookSeconds: median(times), rowsWorkbookRepeats: repeats,
            rowCounts: ["scholarships": plan.scholarships.count, "internships": plan.internships.count,
                        "onsite": plan.onsite.count])
        try writeTextFile(try jsonText(figures), to: folder.appendingPathComponent("swift.json").path)
    }

    private static func writeJSON<Value: Encodable>(_ value: Value, to url: URL) throws {
        try writeTextFile(try jsonText(value), to: url.path)
    }
}

/// The median of a non-empty list (the mean of the middle two for an even count); 0 when empty.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
