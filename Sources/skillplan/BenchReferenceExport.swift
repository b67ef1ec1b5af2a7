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
        let money = CellStyle.vnd, header = CellStyle(bold: true)

        let scholarships = try workbook.addWorksheet(named: "Scholarships")
        try scholarships.writeRow(scholarshipHeaders.map(CellContent.string), startingAt: CellAddress(row: 1, column: 1), style: header)
        for (index, award) in plan.scholarships.enumerated() {
            let row = index + 2
            try scholarships.write(.string(award.program.rawValue), row: row, column: 1)
            try scholarships.write(.string(award.institution.rawValue), row: row, column: 2)
            try scholarships.write(.string(award.region.rawValue), row: row, column: 3)
            try scholarships.write(.string(award.skill.rawValue), row: row, column: 4)
            try scholarships.write(.integer(award.intakeYear), row: row, column: 5)
            try scholarships.write(.number(award.seats), row: row, column: 6)
            try scholarships.write(.number(award.unitCostPerYear.rounded()), row: row, column: 7, style: money)
            try scholarships.write(.number(award.totalCost.rounded()), row: row, column: 8, style: money)
            try scholarships.write(.integer(award.graduationYear), row: row, column: 9)
            try scholarships.write(.number(award.engineersAdded), row: row, column: 10)
        }

        let internships = try workbook.addWorksheet(named: "Internships")
        try internships.writeRow(internshipHeaders.map(CellContent.string), startingAt: CellAddress(row: 1, column: 1), style: header)
        for (index, award) in plan.internships.enumerated() {
            let row = index + 2
            try internships.write(.string(award.posting.rawValue), row: row, column: 1)
            try internships.write(.string(award.enterprise.rawValue), row: row, column: 2)
            try internships.write(.string(award.region.rawValue), row: row, column: 3)
            try internships.write(.string(award.skill.rawValue), row: row, column: 4)
            try internships.write(.integer(award.year), row: row, column: 5)
            try internships.write(.number(award.interns), row: row, column: 6)
            try internships.write(.number(award.unitCost.rounded()), row: row, column: 7, style: money)
            try internships.write(.number(award.cost.rounded()), row: row, column: 8, style: money)
            try internships.write(.boolean(award.isDomesticSME), row: row, column: 9)
            try internships.write(.number(award.engineersAdded), row: row, column: 10)
        }

        let onsite = try workbook.addWorksheet(named: "Onsite")
        try onsite.writeRow(onsiteHeaders.map(CellContent.string), startingAt: CellAddress(row: 1, column: 1), style: header)
        for (index, award) in plan.onsite.enumerated() {
            let row = index + 2
            try onsite.write(.string(award.program.rawValue), row: row, column: 1)
            try onsite.write(.string(award.institution.rawValue), row: row, column: 2)
            try onsite.write(.string(award.hostEnterprise?.rawValue ?? ""), row: row, column: 3)
            try onsite.write(.string(award.region.rawValue), row: row, column: 4)
            try onsite.write(.string(award.skill.rawValue), row: row, column: 5)
            try onsite.write(.integer(award.year), row: row, column: 6)
            try onsite.write(.number(award.seats), row: row, column: 7)
            try onsite.write(.number(award.unitCost.rounded()), row: row, column: 8, style: money)
            try onsite.write(.number(award.cost.rounded()), row: row, column: 9, style: money)
            try onsite.write(.number(award.engineersAdded), row: row, column: 10)
        }
        try workbook.close()
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
