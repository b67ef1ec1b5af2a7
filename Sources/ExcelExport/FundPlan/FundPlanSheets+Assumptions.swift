import Allocation
import Foundation
import Workforce

extension FundPlanSheets {
    /// Assumptions: every parameter the plan used, in sections.
    func writeAssumptions(_ sheet: XLSXWorksheet) throws {
        let scenario = context.scenario
        let settings = scenario.settings
        let fund = scenario.fund
        try sheet.setColumnWidth(30, column: 1)
        try sheet.setColumnWidth(26, column: 2)
        try sheet.setColumnWidth(16, columns: 3...8)
        try sheet.write(.string("Assumptions — every parameter the plan used"), row: 1, column: 1, style: WorkbookStyles.title)
        var row = 3

        func section(_ title: String, _ headers: [String]) throws {
            row += 1
            try sheet.write(.string(title), row: row, column: 1, style: WorkbookStyles.section)
            row += 1
            if !headers.isEmpty {
                try sheet.writeRow(headers.map { .string($0) }, startingAt: CellAddress(row: row, column: 1), style: WorkbookStyles.header)
                row += 1
            }
        }
        func line(_ cells: [(CellContent, CellStyle?)]) throws {
            for (offset, cell) in cells.enumerated() {
                if case .blank = cell.0 { continue }
                try sheet.write(cell.0, row: row, column: offset + 1, style: cell.1)
            }
            row += 1
        }
        func setting(_ label: String, _ value: CellContent, _ style: CellStyle? = nil) throws {
            try line([(.string(label), WorkbookStyles.label), (value, style)])
        }

        try section("Scenario", [])
        try setting("Name", .string(settings.name))
        try setting("Title", .string(settings.title))
        try setting("Variant", .string(scenario.variantName))
        if let variant = scenario.variant(named: scenario.variantName), !variant.description.isEmpty {
            try setting("Variant description", .string(variant.description))
        }
        try setting("Base year", .integer(settings.baseYear), WorkbookStyles.year)
        try setting("Horizon (years)", .integer(settings.horizonYears))
        try setting("Productivity growth per year", .number(settings.productivityGrowth), WorkbookStyles.percent)
        try setting("Discount rate per year", .number(settings.discountRate), WorkbookStyles.percent)
        try setting("Budget multiple of this plan", .number(plan.budgetMultiplier), WorkbookStyles.decimal)

        try section("Skills", ["Skill", "Name", "Weight", "Attrition per year"])
        for skill in scenario.skills {
            try line([
                (.string(skill.id.rawValue), nil), (.string(skill.name), nil), (.number(skill.weight), WorkbookStyles.decimal),
                (.number(skill.attritionRate), WorkbookStyles.percent),
            ])
        }

        try section("Regions", ["Region", "Name", "Macro-region"])
        for region in scenario.regions {
            try line([(.string(region.id.rawValue), nil), (.string(region.name), nil), (.string(region.macroRegion), nil)])
        }

        try section("Sectors", ["Sector", "Name", "Growth per year", "Region", "Base output (trillion VND)"])
        for sector in scenario.sectors {
            let outputs = sector.baseOutput.sorted { $0.key < $1.key }
            try line([
                (.string(sector.id.rawValue), nil), (.string(sector.name), nil), (.number(sector.growthRate), WorkbookStyles.percent),
                (.optionalText(outputs.first?.key.rawValue), nil), (.optionalNumber(outputs.first?.value), WorkbookStyles.decimal),
            ])
            for (region, output) in outputs.dropFirst() {
                try line([(.blank, nil), (.blank, nil), (.blank, nil), (.string(region.rawValue), nil), (.number(output), WorkbookStyles.decimal)])
            }
        }

        try section("Localisation anchors", ["Sector", "Year", "Localisation rate"])
        for sector in scenario.sectors {
            for anchor in sector.localisation.anchors {
                try line([
                    (.string(sector.id.rawValue), nil), (.integer(anchor.year), WorkbookStyles.year),
                    (.number(anchor.rate), WorkbookStyles.percent),
                ])
            }
        }

        try section("Intensities", ["Sector", "Skill", "Engineers per trillion VND of localised output"])
        for sector in scenario.sectors {
            for (skill, intensity) in sector.intensity.sorted(by: { $0.key < $1.key }) {
                try line([(.string(sector.id.rawValue), nil), (.string(skill.rawValue), nil), (.number(intensity), WorkbookStyles.decimal)])
            }
        }

        try section("Initial stock (engineers in the base year)", ["Skill", "Region", "Engineers"])
        for skill in scenario.skills {
            for (region, stock) in (scenario.initialStock[skill.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                try line([(.string(skill.id.rawValue), nil), (.string(region.rawValue), nil), (.number(stock), WorkbookStyles.engineers)])
            }
        }

        try section("Fund", [])
        try setting("Name", .string(fund.name))
        try setting("Unspent money carries over", .yesNo(fund.carryOver))
        for year in fund.budgetYears {
            try setting("Budget \(year) (VND)", .integer(Int(fund.budgetByYear[year] ?? 0)), WorkbookStyles.vnd)
        }
        try setting("Scholarships enabled", .yesNo(fund.scholarships.enabled))
        try setting("Living support per student per year (VND)", .integer(Int(fund.scholarships.livingSupportPerYear)), WorkbookStyles.vnd)
        try setting("Internship support enabled", .yesNo(fund.internships.enabled))
        try setting("Entry uplift of a funded internship", .number(fund.internships.entryUplift), WorkbookStyles.percent)
        try setting("matching_budget_vnd (unused: a round funds the plan's interns)", .integer(Int(fund.internships.matchingBudget)), WorkbookStyles.vnd)
        try setting("Funded ownership", .string(Self.list(fund.internships.fundedOwnership.map(\.rawValue))))
        try setting("Funded sizes", .string(Self.list(fund.internships.fundedSizes.map(\.rawValue))))
        try setting("Funded skills", .string(Self.list(fund.internships.fundedSkills.map(\.rawValue))))
        try setting("On-site training enabled", .yesNo(fund.onsiteTraining.enabled))

        try section("Fairness rules", ["Rule", "Setting", "Value"])
        let rules = fund.fairness
        if rules.activeKinds.isEmpty { try line([(.string("(none set)"), nil)]) }
        if let cap = rules.institutionShareCap {
            try line([(.string("institution-share-cap"), nil), (.string("maximum share per institution"), nil), (.number(cap), WorkbookStyles.percent)])
        }
        if let floor = rules.regionalFloor {
            let regions = floor.regions.isEmpty ? "every region with an instrument" : floor.regions.map(\.rawValue).joined(separator: ", ")
            try line([(.string("regional-floor"), nil), (.string("minimum share for \(regions)"), nil), (.number(floor.share), WorkbookStyles.percent)])
        }
        if let tolerance = rules.needProportionalTolerance {
            try line([(.string("need-proportional-regions"), nil), (.string("tolerance around the shortage share"), nil), (.number(tolerance), WorkbookStyles.percent)])
        }
        if let share = rules.domesticSMEInternshipShare {
            try line([(.string("domestic-sme-internships"), nil), (.string("minimum share of internship support"), nil), (.number(share), WorkbookStyles.percent)])
        }
        for (skill, share) in rules.skillMinimumShare.sorted(by: { $0.key < $1.key }) {
            try line([(.string("skill-minimum"), nil), (.string("minimum share for \(skill)"), nil), (.number(share), WorkbookStyles.percent)])
        }
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "all" : items.joined(separator: ", ") }

    /// Audit: where the plan came from.
    func writeAudit(_ sheet: XLSXWorksheet) throws {
        let audit = context.audit
        try sheet.setColumnWidth(34, column: 1)
        try sheet.setColumnWidth(70, column: 2)
        try sheet.write(.string("Audit — how this workbook was made"), row: 1, column: 1, style: WorkbookStyles.title)
        let facts: [(String, CellContent, CellStyle?)] = [
            ("Run id", .string(audit.runID), nil),
            ("Dataset content hash", .string(audit.datasetHash), nil),
            ("SkillPlan version", .string(audit.softwareVersion), nil),
            ("Solver version", .string(audit.solverVersion), nil),
            ("Solver used", .string(plan.solver), nil),
            ("libxlsxwriter version", .string(XLSXWorkbook.libraryVersion), nil),
            ("Created (UTC)", .date(audit.created), WorkbookStyles.date),
            ("Scenario", .string(plan.scenario), nil),
            ("Variant", .string(plan.variant), nil),
            ("Model size", .string("\(plan.size.variables) variables (\(plan.size.integerVariables) integer), \(plan.size.constraints) rows, \(plan.size.nonzeros) nonzeros"), nil),
            ("Build time (s)", .number(plan.buildSeconds), WorkbookStyles.decimal),
            ("Solve time (s)", .number(plan.solveSeconds), WorkbookStyles.decimal),
        ]
        for (offset, fact) in facts.enumerated() {
            try sheet.write(.string(fact.0), row: offset + 3, column: 1, style: WorkbookStyles.label)
            try sheet.write(fact.1, row: offset + 3, column: 2, style: fact.2 ?? CellStyle(horizontalAlignment: .left))
        }
    }
}
