import Allocation
import Foundation
import Workforce

extension FundPlanSheets {
    /// Assumptions: every parameter the plan used, in sections.
    func writeAssumptions(_ sheet: XLSXWorksheet) throws {
        let scenario = context.scenario
        let settings = scenario.settings
        let fund = scenario.fund
        try sheet.setColumnWidth(34, column: 1)
        try sheet.setColumnWidth(26, column: 2)
        try sheet.setColumnWidth(16, columns: 3...5)
        try sheet.write(.string(t["assumptions.title"]), row: 1, column: 1, style: WorkbookStyles.title)
        var row = 3

        func section(_ title: String, _ headers: [String]) throws {
            row += 1
            try sheet.write(.string(title), row: row, column: 1, style: WorkbookStyles.section)
            row += 1
            if !headers.isEmpty {
                try sheet.writeRow(headers.map { .string($0) }, startingAt: CellAddress(row: row, column: 1), style: WorkbookStyles.header)
                try sheet.setRowHeight(32, row: row)
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

        try section(t["assumptions.scenario"], [])
        try setting(t["assumptions.name"], .string(settings.name))
        try setting(t["assumptions.scenario-title"], .string(settings.title))
        try setting(t["assumptions.variant"], .string(scenario.variantName))
        if let variant = scenario.variant(named: scenario.variantName), !variant.description.isEmpty {
            try setting(t["assumptions.variant-description"], .string(variant.description))
        }
        try setting(t["assumptions.base-year"], .integer(settings.baseYear), WorkbookStyles.year)
        try setting(t["assumptions.horizon"], .integer(settings.horizonYears))
        try setting(t["assumptions.productivity"], .number(settings.productivityGrowth), WorkbookStyles.percent)
        try setting(t["assumptions.discount"], .number(settings.discountRate), WorkbookStyles.percent)
        try setting(t["assumptions.budget-multiple"], .number(plan.budgetMultiplier), WorkbookStyles.decimal)

        try section(t["assumptions.skills"], [t["column.skill"], t["assumptions.name"], t["assumptions.weight"], t["assumptions.attrition"]])
        for skill in scenario.skills {
            try line([
                (.string(skill.id.rawValue), nil), (.string(skill.name), nil), (.number(skill.weight), WorkbookStyles.decimal),
                (.number(skill.attritionRate), WorkbookStyles.percent),
            ])
        }

        try section(t["assumptions.regions"], [t["column.region"], t["assumptions.name"], t["assumptions.macro-region"]])
        for region in scenario.regions {
            try line([(.string(region.id.rawValue), nil), (.string(region.name), nil), (.string(region.macroRegion), nil)])
        }

        try section(t["assumptions.sectors"], [t["assumptions.sector"], t["assumptions.name"], t["assumptions.growth"], t["column.region"], t["assumptions.base-output"]])
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

        try section(t["assumptions.localisation"], [t["assumptions.sector"], t["column.year"], t["assumptions.localisation-rate"]])
        for sector in scenario.sectors {
            for anchor in sector.localisation.anchors {
                try line([
                    (.string(sector.id.rawValue), nil), (.integer(anchor.year), WorkbookStyles.year),
                    (.number(anchor.rate), WorkbookStyles.percent),
                ])
            }
        }

        try section(t["assumptions.intensities"], [t["assumptions.sector"], t["column.skill"], t["assumptions.intensity"]])
        for sector in scenario.sectors {
            for (skill, intensity) in sector.intensity.sorted(by: { $0.key < $1.key }) {
                try line([(.string(sector.id.rawValue), nil), (.string(skill.rawValue), nil), (.number(intensity), WorkbookStyles.decimal)])
            }
        }

        try section(t["assumptions.stock"], [t["column.skill"], t["column.region"], t["unit.engineers"]])
        for skill in scenario.skills {
            for (region, stock) in (scenario.initialStock[skill.id] ?? [:]).sorted(by: { $0.key < $1.key }) {
                try line([(.string(skill.id.rawValue), nil), (.string(region.rawValue), nil), (.number(stock), WorkbookStyles.engineers)])
            }
        }

        try section(t["assumptions.fund"], [])
        try setting(t["assumptions.name"], .string(fund.name))
        try setting(t["assumptions.carry-over"], .string(t.yesNo(fund.carryOver)))
        for year in fund.budgetYears {
            try setting(t.format("assumptions.budget-year", ["year": String(year)]), .integer(Int(fund.budgetByYear[year] ?? 0)), WorkbookStyles.vnd)
        }
        try setting(t["assumptions.scholarships-enabled"], .string(t.yesNo(fund.scholarships.enabled)))
        try setting(t["assumptions.living-support"], .integer(Int(fund.scholarships.livingSupportPerYear)), WorkbookStyles.vnd)
        try setting(t["assumptions.internships-enabled"], .string(t.yesNo(fund.internships.enabled)))
        try setting(t["assumptions.entry-uplift"], .number(fund.internships.entryUplift), WorkbookStyles.percent)
        try setting(t["assumptions.funded-ownership"], .string(list(fund.internships.fundedOwnership.map(\.rawValue))))
        try setting(t["assumptions.funded-sizes"], .string(list(fund.internships.fundedSizes.map(\.rawValue))))
        try setting(t["assumptions.funded-skills"], .string(list(fund.internships.fundedSkills.map(\.rawValue))))
        try setting(t["assumptions.onsite-enabled"], .string(t.yesNo(fund.onsiteTraining.enabled)))

        try section(t["assumptions.fairness"], [t["fairness.rule"], t["assumptions.setting"], t["assumptions.value"]])
        let rules = fund.fairness
        if rules.activeKinds.isEmpty { try line([(.string(t["assumptions.none-set"]), nil)]) }
        if let cap = rules.institutionShareCap {
            try line([(.string(t["rule.institution-share-cap"]), nil), (.string(t["assumptions.cap-setting"]), nil), (.number(cap), WorkbookStyles.percent)])
        }
        if let floor = rules.regionalFloor {
            let regions = floor.regions.isEmpty ? t["assumptions.every-region"] : floor.regions.map(\.rawValue).joined(separator: ", ")
            try line([(.string(t["rule.regional-floor"]), nil), (.string(t.format("assumptions.minimum-for", ["subject": regions])), nil), (.number(floor.share), WorkbookStyles.percent)])
        }
        if let tolerance = rules.needProportionalTolerance {
            try line([(.string(t["rule.need-proportional-regions"]), nil), (.string(t["assumptions.tolerance"]), nil), (.number(tolerance), WorkbookStyles.percent)])
        }
        if let share = rules.domesticSMEInternshipShare {
            try line([(.string(t["rule.domestic-sme-internships"]), nil), (.string(t["assumptions.sme-setting"]), nil), (.number(share), WorkbookStyles.percent)])
        }
        for (skill, share) in rules.skillMinimumShare.sorted(by: { $0.key < $1.key }) {
            try line([(.string(t["rule.skill-minimum"]), nil), (.string(t.format("assumptions.minimum-for", ["subject": skill.rawValue])), nil), (.number(share), WorkbookStyles.percent)])
        }
        try printing.apply(to: sheet, width: 34 + 26 + 16 * 3, printArea: CellRange(rows: 1...max(row - 1, 1), columns: 1...5))
    }

    func list(_ items: [String]) -> String { items.isEmpty ? t["assumptions.all"] : items.joined(separator: ", ") }

    /// Audit: where the plan came from and how the solver ended (status, gap, seats whole or
    /// fractional), for whoever checks the plan.
    func writeAudit(_ sheet: XLSXWorksheet) throws {
        let audit = context.audit
        try sheet.setColumnWidth(36, column: 1)
        try sheet.setColumnWidth(70, column: 2)
        try sheet.write(.string(t["audit.title"]), row: 1, column: 1, style: WorkbookStyles.title)
        let left = CellStyle(horizontalAlignment: .left)
        let facts: [(String, CellContent, CellStyle?)] = [
            ("run", .string(audit.runID), nil),
            ("dataset", .string(audit.datasetHash), nil),
            ("software", .string(audit.softwareVersion), nil),
            ("solver-version", .string(audit.solverVersion), nil),
            ("solver", .string(plan.solver), nil),
            ("status", .string(plan.status.rawValue), nil),
            ("seats", .string(t[plan.relaxed ? "audit.seats-lp" : "audit.seats-integer"]), nil),
            ("gap", .optionalNumber(plan.gap), CellStyle(numberFormat: "0.00%", horizontalAlignment: .left)),
            ("bound", .optionalNumber(plan.bestBound), CellStyle(numberFormat: "#,##0.000", horizontalAlignment: .left)),
            ("objective", .number(plan.objective), CellStyle(numberFormat: "#,##0.000", horizontalAlignment: .left)),
            ("libxlsxwriter", .string(XLSXWorkbook.libraryVersion), nil),
            ("created", .date(audit.created), CellStyle(numberFormat: t.dateTimeFormat, horizontalAlignment: .left)),
            ("scenario", .string(plan.scenario), nil),
            ("variant", .string(plan.variant), nil),
            ("language", .string(t.catalogue["common.language"]), nil),
            ("model-size", .string(t.format("audit.model-size-value", [
                "variables": t.numbers.grouped(Double(plan.size.variables)),
                "integers": t.numbers.grouped(Double(plan.size.integerVariables)),
                "rows": t.numbers.grouped(Double(plan.size.constraints)), "nonzeros": t.numbers.grouped(Double(plan.size.nonzeros)),
            ])), nil),
            ("build-seconds", .number(plan.buildSeconds), CellStyle(numberFormat: "0.00", horizontalAlignment: .left)),
            ("solve-seconds", .number(plan.solveSeconds), CellStyle(numberFormat: "0.00", horizontalAlignment: .left)),
        ]
        for (offset, fact) in facts.enumerated() {
            try sheet.write(.string(t["audit." + fact.0]), row: offset + 3, column: 1, style: WorkbookStyles.label)
            if case .blank = fact.1 {
                try sheet.write(.string("–"), row: offset + 3, column: 2, style: left)
            } else {
                try sheet.write(fact.1, row: offset + 3, column: 2, style: fact.2 ?? left)
            }
        }
        try printing.apply(to: sheet, width: 36 + 70, printArea: CellRange(rows: 1...(facts.count + 2), columns: 1...2))
    }
}
