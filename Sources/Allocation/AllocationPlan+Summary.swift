import Workforce

extension AllocationPlan {
    /// A readable terminal summary: solver status and gap, budget used per year with its shadow
    /// price, shortage before and after per skill and region, cost per engineer-year closed,
    /// binding fairness rules and what they cost, and the model size.
    /// - Complexity: O(years + skills + regions + rules).
    public func summary() -> String {
        var lines: [String] = []
        let kind = relaxed ? "LP relaxation (fractional seats)" : "integer seats"
        var statusLine = "Allocation plan for \(scenario) (\(variant)): \(status), \(kind), solver \(solver)"
        if let gap { statusLine += ", gap \(Self.percent(gap))" }
        lines.append(statusLine)
        lines.append("Objective \(Self.decimal(objective, 3)) weighted engineer-years"
            + (bestBound.map { ", bound \(Self.decimal($0, 3))" } ?? ""))
        lines.append("")

        lines.append("Budget by year (billion VND)" + (carryOver ? ", unspent money carries over" : ""))
        let hasCapacity = capacityExpansions != nil, hasRelocation = relocations != nil
        var budgetTable: [[String]] = [
            ["year", "budget", "scholarships", "internships", "on-site"] + (hasCapacity ? ["capacity"] : [])
                + (hasRelocation ? ["relocation"] : []) + ["spent", "used", "EY per extra bn"],
        ]
        for year in spendByYear {
            let price = explanation.budgetShadowPrices.first { $0.year == year.year }?.engineerYearsPerBillion
            budgetTable.append([
                "\(year.year)", Self.billions(year.budget), Self.billions(year.scholarships),
                Self.billions(year.internships), Self.billions(year.onsite),
            ] + (hasCapacity ? [Self.billions(year.capacity ?? 0)] : []) + (hasRelocation ? [Self.billions(year.relocation ?? 0)] : []) + [
                Self.billions(year.total), year.budget > 0 ? Self.percent(year.total / year.budget) : "–",
                price.map { Self.decimal($0, 2) } ?? "–",
            ])
        }
        budgetTable.append([
            "total", Self.billions(totalBudget), Self.billions(spendByYear.reduce(0) { $0 + $1.scholarships }),
            Self.billions(spendByYear.reduce(0) { $0 + $1.internships }), Self.billions(spendByYear.reduce(0) { $0 + $1.onsite }),
        ] + (hasCapacity ? [Self.billions(spendByYear.reduce(0) { $0 + ($1.capacity ?? 0) })] : [])
            + (hasRelocation ? [Self.billions(spendByYear.reduce(0) { $0 + ($1.relocation ?? 0) })] : []) + [
            Self.billions(totalSpend), totalBudget > 0 ? Self.percent(totalSpend / totalBudget) : "–", "",
        ])
        lines += Self.table(budgetTable)
        lines.append("")

        lines.append("Shortage (engineer-years over the horizon)")
        var shortageTable: [[String]] = [["skill/region", "before", "after", "closed"]]
        for total in shortageBySkill where total.before > 0 {
            shortageTable.append(["skill \(total.code)", Self.decimal(total.before, 1), Self.decimal(total.after, 1), Self.decimal(total.closed, 1)])
        }
        for total in shortageByRegion where total.before > 0 {
            shortageTable.append(["region \(total.code)", Self.decimal(total.before, 1), Self.decimal(total.after, 1), Self.decimal(total.closed, 1)])
        }
        shortageTable.append(["total", Self.decimal(shortageBefore, 1), Self.decimal(shortageAfter, 1), Self.decimal(shortageClosed, 1)])
        lines += Self.table(shortageTable)
        lines.append(
            "Cost per engineer-year closed: "
                + (costPerEngineerYearClosed.map { "\(Self.millions($0)) million VND" } ?? "– (nothing closed)"))
        lines.append(
            "Awards: \(scholarships.count) scholarship lines (\(Self.decimal(scholarships.reduce(0) { $0 + $1.seats }, 1)) seats), "
                + "\(internships.count) internship lines (\(Self.decimal(internships.reduce(0) { $0 + $1.interns }, 1)) interns), "
                + "\(onsite.count) on-site lines (\(Self.decimal(onsite.reduce(0) { $0 + $1.seats }, 1)) seats)"
                + (capacityExpansions.map { ", \($0.count) capacity lines (\(Self.decimal($0.reduce(0) { $0 + $1.seats }, 1)) seats added)" } ?? "")
                + (relocations.map { moves in
                    let arriving = moves.filter { $0.direction == .arriving }
                    return ", \(arriving.count) relocation lines (\(Self.decimal(arriving.reduce(0) { $0 + $1.graduates }, 1)) graduates moved)"
                } ?? ""))
        lines.append(
            "Spend that closes nothing: \(Self.billions(zeroEffectSpend)) bn VND"
                + " (\(totalSpend > 0 ? Self.percent(zeroEffectSpend / totalSpend) : "0.00 %") of spend"
                + (zeroEffectItems.isEmpty ? ")" : ", \(zeroEffectItems.count) items; see zero_effect_items in --json)"))
        lines.append(
            "Shortage no instrument can reach: \(Self.decimal(unreachableShortage, 1)) engineer-years "
                + "(left even with every programme, posting and course bought to its limit"
                + (relocations != nil ? "; relocation stipends aside" : "") + ")")
        if terminalYears > 0 {
            lines.append(
                "After the horizon: \(Self.decimal(terminalEngineerYears, 1)) engineer-years added over \(terminalYears) "
                    + "terminal years (counted in the objective, the last year's gap held constant)")
        }
        lines.append("")

        if explanation.bindingRules.isEmpty {
            lines.append(fairness.isEmpty ? "Fairness rules: none set" : "Fairness rules: none binding")
        } else {
            lines.append("Binding fairness rules")
            for rule in explanation.bindingRules {
                let cost = rule.shortageCost.map { ", costs \(Self.decimal($0, 2)) weighted engineer-years" } ?? ""
                let rows = rule.bindingRows.prefix(3).joined(separator: ", ") + (rule.bindingRows.count > 3 ? ", …" : "")
                lines.append("  \(rule.rule)\(cost) (\(rows))")
            }
        }
        let notCostEffective = explanation.idlePrograms.filter { $0.reason == .notCostEffective }.count
        if !explanation.idlePrograms.isEmpty {
            lines.append(
                "Programmes with no seats: \(explanation.idlePrograms.count) (\(notCostEffective) not cost-effective; see idle_programs.csv)")
        }
        lines.append(
            "Model: \(size.variables) variables (\(size.integerVariables) integer), \(size.constraints) rows, "
                + "\(size.nonzeros) nonzeros; built in \(Self.decimal(buildSeconds, 2)) s, solved in \(Self.decimal(solveSeconds, 2)) s")
        return lines.joined(separator: "\n") + "\n"
    }

    static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    static func decimal(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        var fraction = String(Int64(scaled) - whole * Int64(scale))
        while fraction.count < places { fraction = "0" + fraction }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return places == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    static func billions(_ vnd: Double) -> String { decimal(vnd / 1e9, 2) }
    static func millions(_ vnd: Double) -> String { decimal(vnd / 1e6, 2) }
    static func percent(_ share: Double) -> String { decimal(share * 100, 2) + " %" }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
