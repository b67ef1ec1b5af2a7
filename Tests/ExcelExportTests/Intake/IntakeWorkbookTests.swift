import Allocation
import Foundation
import Testing
import Workforce
import XLSXReading

@testable import ExcelExport

@Suite("Intake workbooks")
struct IntakeWorkbookTests {
    @Test("one intake row per programme and year; funded seats and intake agree with the plan")
    func intakeAgreesWithPlan() throws {
        let context = try PlanFixture.makeContext(withStudents: true)
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var fundedByProgram: [Program.ID: [Int: Double]] = [:]
        for award in context.plan.scholarships { fundedByProgram[award.program, default: [:]][award.intakeYear, default: 0] += award.seats }
        for award in context.plan.onsite { fundedByProgram[award.program, default: [:]][award.year, default: 0] += award.seats }
        var seenFunded = 0.0
        for institution in ["HUST", "BNC"] as [Institution.ID] {
            let url = directory.file(IntakeWorkbook.fileName(institution: institution))
            try IntakeWorkbook.write(institution: institution, context: context, to: url)
            let document = try XLSXDocument(contentsOf: url)
            #expect(document.sheetNames == IntakeWorkbook.sheetNames(.en))
            let (_, mismatches) = document.formulaMismatches()
            #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
            let sheet = try document.sheet(named: "Intake plan")
            let programs = context.scenario.programs.filter { $0.institution == institution }
            let years = context.forecast.years
            #expect(sheet.value(row: 5 + programs.count * years.count, column: 1) == .string("Total"))
            for (p, program) in programs.enumerated() {
                for (y, year) in years.enumerated() {
                    let row = 5 + p * years.count + y
                    let funded = fundedByProgram[program.id]?[year] ?? 0
                    #expect(sheet.value(row: row, column: 1) == .string(program.id.rawValue))
                    #expect(sheet.value(row: row, column: 6).integerValue == year)
                    #expect(sheet.value(row: row, column: 7).integerValue == program.baselineIntake)
                    #expect(sheet.value(row: row, column: 8).numberValue == funded)
                    #expect(sheet.value(row: row, column: 9).numberValue == Double(program.baselineIntake) + funded)
                    #expect(sheet.value(row: row, column: 12).integerValue == year + program.durationYears)
                    let graduates = (Double(program.baselineIntake) + funded) * program.completionRate
                    #expect(abs((sheet.value(row: row, column: 11).numberValue ?? -1) - graduates) < 1e-9)
                    if let cell = context.forecast.cell(program.skill, program.region, year + program.durationYears) {
                        #expect(abs((sheet.value(row: row, column: 15).numberValue ?? -1) - cell.shortage) < 1e-9)
                    } else {
                        #expect(sheet.value(row: row, column: 15) == .empty)
                    }
                    seenFunded += funded
                }
            }
            let title = sheet.value(row: 1, column: 1).stringValue ?? ""
            let name = context.scenario.institutions.first { $0.id == institution }?.name ?? "?"
            #expect(title.contains(name))
            #expect(document.properties.title == "Intake plan — \(name)")
            #expect(sheet.frozenPane?.rows == 4)
            let programmes = try document.sheet(named: "Programmes")
            for (p, program) in programs.enumerated() {
                let total = fundedByProgram[program.id]?.values.reduce(0, +) ?? 0
                #expect(programmes.value(row: 5 + p, column: 14).numberValue == total)
            }
        }
        let planSeats = context.plan.scholarships.reduce(0) { $0 + $1.seats } + context.plan.onsite.reduce(0) { $0 + $1.seats }
        #expect(seenFunded == planSeats)
        #expect(planSeats > 0)
    }
}
