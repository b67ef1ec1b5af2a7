import Optimization
import Workforce

/// Values of the instrument columns of an integer plan, with its objective in the full model.
struct ColumnValues: Sendable {
    /// One value per ``AllocationModel`` column, in column order.
    var values: [Double]
    /// The full model's objective at these values.
    var objective: Double
    /// Who found them, e.g. `CBC 2.10.8` or `LP rounding`.
    var solver: String

    init(values: [Double], objective: Double, solver: String) {
        self.values = values
        self.objective = objective
        self.solver = solver
    }

    init(_ model: AllocationModel, _ solution: Solution) {
        values = model.columns.map { max(0, solution.value(of: $0.variable)) }
        objective = solution.objectiveValue ?? 0
        solver = solution.solverName
    }
}

/// A whole-seat plan made from the LP relaxation: round every column down, then repair the
/// fairness rows the rounding broke.
///
/// Every rule is a share of spend and spending nothing satisfies all of them, so a repair that
/// only removes units always ends with a feasible plan. A broken floor first tries to *add* a
/// unit of its subject (the most effective one the budget still allows), a broken cap removes a
/// unit of its subject, and otherwise the least effective unit outside a floor's subject goes;
/// after many steps only removals are made, which guarantees termination. Effectiveness is the
/// LP's value of a unit (engineers per unit times the dual of its `landed.def` row) per VND.
///
/// This gives CBC's search an incumbent it cannot always find itself: with share rules at the
/// national scale, CBC's heuristics can run out of time without any plan.
enum RoundingRepair {
    /// - Complexity: O(columns · log(columns) + steps · (requirements + budget years)).
    static func plan(_ model: AllocationModel, lp: Solution) -> ColumnValues {
        let columns = model.columns
        let unit = AllocationModel.moneyUnit
        var values = columns.map { max(0, (lp.value(of: $0.variable) + 1e-6).rounded(.down)) }
        let cost = columns.map { Double($0.cost.total) }
        let benefit = columns.map { column -> Double in
            guard let row = column.flowRow, let dual = lp.dual(of: row) else { return 0 }
            return max(0, -column.effect.engineersPerUnit * dual)
        }
        let efficiency = columns.indices.map { cost[$0] > 0 ? benefit[$0] / cost[$0] : benefit[$0] * 1e12 }

        // Budget bookkeeping, VND by budget year.
        let yearIndex = Dictionary(uniqueKeysWithValues: model.budgetYears.enumerated().map { ($1, $0) })
        var spend = Array(repeating: 0.0, count: model.budgetYears.count)
        for (index, column) in columns.enumerated() where values[index] > 0 {
            for charge in column.charges { spend[yearIndex[charge.year] ?? 0] += values[index] * Double(charge.amount) }
        }
        func spendFits() -> Bool {
            var cumulativeSpend = 0.0, cumulativeBudget = 0.0
            for b in spend.indices {
                cumulativeSpend += spend[b]
                cumulativeBudget += model.budget[b]
                let slack = model.carryOver ? cumulativeBudget - cumulativeSpend : model.budget[b] - spend[b]
                if slack < -1e-6 * unit { return false }
            }
            return true
        }

        // Which requirement measures each column counts in.
        let forecast = model.forecast
        func counts(_ requirement: FairnessRequirement, _ column: InstrumentColumn) -> Bool {
            switch requirement.subject {
            case .institution(let id): column.institution == id
            case .region(let id): forecast.regions[column.regionPosition] == id
            case .skill(let id): forecast.skills[column.skillPosition] == id
            case .domesticSMEInternships: column.kind == .internship && column.isDomesticSME
            }
        }
        func inBase(_ requirement: FairnessRequirement, _ column: InstrumentColumn) -> Bool {
            requirement.base == .totalSpend || column.kind == .internship
        }
        let requirements = model.requirements
        var members = requirements.map { _ in [Int]() }
        var baseMembers = requirements.map { _ in [Int]() }
        for (r, requirement) in requirements.enumerated() {
            for (index, column) in columns.enumerated() {
                if counts(requirement, column) { members[r].append(index) }
                if requirement.base == .internshipSpend, column.kind == .internship { baseMembers[r].append(index) }
            }
        }
        let memberSets = members.map(Set.init)
        func inSubject(_ r: Int, _ index: Int) -> Bool { memberSets[r].contains(index) }
        var measure = requirements.indices.map { r in members[r].reduce(0.0) { $0 + values[$1] * cost[$1] } }
        var base = requirements.indices.map { r in
            requirements[r].base == .totalSpend
                ? values.indices.reduce(0.0) { $0 + values[$1] * cost[$1] }
                : baseMembers[r].reduce(0.0) { $0 + values[$1] * cost[$1] }
        }
        func change(_ index: Int, by delta: Double) {
            values[index] += delta
            for charge in columns[index].charges { spend[yearIndex[charge.year] ?? 0] += delta * Double(charge.amount) }
            for r in requirements.indices {
                if counts(requirements[r], columns[index]) { measure[r] += delta * cost[index] }
                if inBase(requirements[r], columns[index]) { base[r] += delta * cost[index] }
            }
        }
        func violated() -> Int? {
            requirements.indices.first { r in
                let target = requirements[r].share * base[r]
                let tolerance = 1e-9 * max(base[r], unit)
                return requirements[r].bound == .atLeast ? measure[r] < target - tolerance : measure[r] > target + tolerance
            }
        }

        func violations() -> Int {
            requirements.indices.reduce(0) { count, r in
                let target = requirements[r].share * base[r]
                let tolerance = 1e-9 * max(base[r], unit)
                let broken = requirements[r].bound == .atLeast ? measure[r] < target - tolerance : measure[r] > target + tolerance
                return count + (broken ? 1 : 0)
            }
        }
        // Units needed to close a row's shortfall `deficit` (VND) by changing a column of unit
        // cost `cost` whose spend moves the measure by `inMeasure` and the base by `inBase`.
        func units(_ deficit: Double, _ perUnit: Double) -> Double {
            perUnit > 0 ? max(1, (deficit / perUnit * (1 + 1e-9)).rounded(.up)) : 1
        }
        var steps = 0
        let stepLimit = 4 * requirements.count + 200
        while let r = violated(), steps < stepLimit {
            steps += 1
            let requirement = requirements[r]
            let share = requirement.share
            let deficit = abs(measure[r] - share * base[r])
            if requirement.bound == .atLeast {
                // Add units of the subject when the budget allows and fewer rows end up broken.
                let before = violations()
                var added = false
                let candidates = members[r].filter { values[$0] < Double(columns[$0].upperBound) }
                    .sorted { efficiency[$0] > efficiency[$1] }
                for add in candidates.prefix(20) {
                    let wanted = min(Double(columns[add].upperBound) - values[add], units(deficit, (1 - share) * cost[add]))
                    var count = wanted
                    while count >= 1 {
                        change(add, by: count)
                        if spendFits() && violations() < before { added = true; break }
                        change(add, by: -count)
                        count = count > 1 ? (count / 2).rounded(.down) : 0
                    }
                    if added { break }
                }
                if added { continue }
                let outside = (requirement.base == .totalSpend ? Array(columns.indices) : baseMembers[r])
                    .filter { values[$0] >= 1 && !inSubject(r, $0) }
                // Cut the least effective units outside the subject whose cut breaks nothing else
                // (cutting where another floor is tight would only move the problem).
                var cut = false
                for remove in outside.sorted(by: { efficiency[$0] < efficiency[$1] }).prefix(100) {
                    let amount = min(values[remove], units(deficit, share * cost[remove]))
                    change(remove, by: -amount)
                    if violations() < before { cut = true; break }
                    change(remove, by: amount)
                }
                if cut { continue }
                if let remove = outside.min(by: { efficiency[$0] < efficiency[$1] }) {
                    change(remove, by: -min(values[remove], units(deficit, share * cost[remove])))
                } else if let remove = members[r].first(where: { values[$0] >= 1 }) {
                    change(remove, by: -values[remove])  // nothing else to cut: the subject goes too
                } else {
                    break
                }
            } else if let remove = members[r].filter({ values[$0] >= 1 }).min(by: { efficiency[$0] < efficiency[$1] }) {
                change(remove, by: -min(values[remove], units(deficit, (1 - share) * cost[remove])))
            } else {
                break
            }
        }
        if violated() != nil { values = values.map { _ in 0 } }
        return ColumnValues(values: values, objective: objective(model, values), solver: "LP rounding")
    }

    /// The full model's objective at these column values: weighted discounted shortage plus the
    /// tie-break on spend.
    static func objective(_ model: AllocationModel, _ values: [Double]) -> Double {
        let forecast = model.forecast
        let t0 = forecast.baseYear
        let lastYear = model.years.last ?? t0
        var added = Array(repeating: 0.0, count: forecast.gap.values.count)
        var total = 0.0
        for (index, column) in model.columns.enumerated() where values[index] > 0 {
            total += values[index] * Double(column.cost.total)
            let effect = column.effect
            guard column.flowRow != nil, effect.landsBy(lastYear) else { continue }
            let attrition = forecast.attritionRates[column.skillPosition]
            for year in max(effect.landingYear, t0)...lastYear {
                added[forecast.gap.offset(skill: column.skillPosition, region: column.regionPosition, year: year - t0)] +=
                    values[index] * effect.engineers(in: year, attritionRate: attrition)
            }
        }
        var shortage = 0.0
        for s in forecast.skills.indices {
            for r in forecast.regions.indices {
                for y in model.years.indices {
                    let offset = forecast.gap.offset(skill: s, region: r, year: y)
                    let gap = forecast.gap.values[offset]
                    guard gap > 0 else { continue }
                    shortage += model.weights[s] * model.discounts[y] * max(0, gap - added[offset])
                }
            }
        }
        return shortage + model.tieBreakPerBillion * total / AllocationModel.moneyUnit
    }
}
