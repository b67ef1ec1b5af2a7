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
    /// - Complexity: O(columns · (log(columns) + requirements)) to set up, then per step
    ///   O(columns + requirements · budget years): each step scans the columns in one efficiency
    ///   order made once, and a unit's change updates only the rows it counts in.
    static func plan(_ model: AllocationModel, lp: Solution) -> ColumnValues {
        let columns = model.columns
        let unit = AllocationModel.moneyUnit
        var values = columns.map { max(0, (lp.value(of: $0.variable) + 1e-6).rounded(.down)) }
        balanceRelocations(model, &values)
        // Rounded-down expansions may no longer hold the rounded-down seats: cut the seats to fit.
        var limitOf: [Int: CapacityLimit] = [:]
        for limit in model.capacityLimits {
            limitOf[limit.seats] = limit
            values[limit.seats] = min(values[limit.seats], room(limit, values))
        }
        let cost = columns.map { Double($0.cost.total) }
        let benefit = columns.map { column -> Double in
            guard let row = column.flowRow, let dual = lp.dual(of: row) else { return 0 }
            return max(0, -column.effect.engineersPerUnit * dual)
        }
        let efficiency = columns.indices.map { cost[$0] > 0 ? benefit[$0] / cost[$0] : benefit[$0] * 1e12 }
        // Every column, least effective first (ties in column order).
        let leastEffectiveFirst = columns.indices.sorted { efficiency[$0] < efficiency[$1] }

        // Budget bookkeeping, VND by budget year: (year position, VND per unit) per column.
        let yearIndex = Dictionary(uniqueKeysWithValues: model.budgetYears.enumerated().map { ($1, $0) })
        let charges = columns.map { column in
            column.charges.map { (year: yearIndex[$0.year] ?? 0, amount: Double($0.amount)) }
        }
        var spend = Array(repeating: 0.0, count: model.budgetYears.count)
        for index in columns.indices where values[index] > 0 {
            for charge in charges[index] { spend[charge.year] += values[index] * charge.amount }
        }
        var poolsOf = Array(repeating: [Int](), count: columns.count)
        for (pool, entry) in model.internPools.enumerated() {
            for index in entry.columns { poolsOf[index].append(pool) }
        }
        // Interns may not exceed the eligible students of their pools (`interns.pool` rows).
        func poolsFit(_ index: Int) -> Bool {
            guard columns[index].kind == .internship else { return true }
            return poolsOf[index].allSatisfy { pool in
                model.internPools[pool].columns.reduce(0.0) { $0 + values[$1] } <= Double(model.internPools[pool].students) + 1e-9
            }
        }
        // Scholarship seats may not exceed spare capacity plus the expansions arrived (`capacity` rows).
        func capacityFits(_ index: Int) -> Bool {
            guard let limit = limitOf[index] else { return true }
            return values[index] <= room(limit, values) + 1e-9
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

        // The columns each rule's measure counts (its subject's effective columns), in column order.
        let requirements = model.requirements
        let subjects = RuleSubjects(model)
        let members = subjects.members
        let isEffective = columns.map { $0.flowRow != nil }
        let isInternship = columns.indices.map { isEffective[$0] && columns[$0].kind == .internship }
        var measuresOf = Array(repeating: [Int](), count: columns.count)
        for r in requirements.indices {
            for index in members[r] { measuresOf[index].append(r) }
        }
        let memberSets = members.map(Set.init)
        func inSubject(_ r: Int, _ index: Int) -> Bool { memberSets[r].contains(index) }
        // Each requirement's subject, most effective first (ties in column order).
        let membersMostEffectiveFirst = members.map { subject in subject.sorted { efficiency[$0] > efficiency[$1] } }
        var measure = requirements.indices.map { r in members[r].reduce(0.0) { $0 + values[$1] * cost[$1] } }
        // A rule's base is the budget, the effective spend or the effective internship spend (of
        // its year for a rule meant per year): running sums serve all.
        var ruleSpend = subjects.spend { values[$0] * cost[$0] }
        func base(_ r: Int) -> Double { subjects.base(requirements[r], ruleSpend) }
        func change(_ index: Int, by delta: Double) {
            values[index] += delta
            for charge in charges[index] { spend[charge.year] += delta * charge.amount }
            for r in measuresOf[index] { measure[r] += delta * cost[index] }
            subjects.record(delta * cost[index], column: index, isEffective: isEffective[index],
                            isInternship: isInternship[index], in: &ruleSpend)
        }
        func violated() -> Int? {
            requirements.indices.first { r in
                let target = requirements[r].share * base(r)
                let tolerance = 1e-9 * max(base(r), unit)
                return requirements[r].bound == .atLeast ? measure[r] < target - tolerance : measure[r] > target + tolerance
            }
        }

        func violations() -> Int {
            requirements.indices.reduce(0) { count, r in
                let target = requirements[r].share * base(r)
                let tolerance = 1e-9 * max(base(r), unit)
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
            let deficit = abs(measure[r] - share * base(r))
            if requirement.bound == .atLeast {
                // Add units of the subject when the budget allows and fewer rows end up broken.
                let before = violations()
                var added = false
                // Arrivals of relocated graduates need departures: the repair leaves them as rounded.
                let candidates = membersMostEffectiveFirst[r].lazy.filter {
                    values[$0] < Double(columns[$0].upperBound) && columns[$0].kind != .relocation
                }
                for add in candidates.prefix(20) {
                    let wanted = min(Double(columns[add].upperBound) - values[add], units(deficit, (1 - share) * cost[add]))
                    var count = wanted
                    while count >= 1 {
                        change(add, by: count)
                        if spendFits() && poolsFit(add) && capacityFits(add) && violations() < before { added = true; break }
                        change(add, by: -count)
                        count = count > 1 ? (count / 2).rounded(.down) : 0
                    }
                    if added { break }
                }
                if added { continue }
                let onlyInternships = requirement.base == .internshipSpend
                // Expansions are never cut here: the seats that fill them would break their rows.
                let outside = leastEffectiveFirst.lazy.filter {
                    values[$0] >= 1 && !inSubject(r, $0) && (!onlyInternships || isInternship[$0])
                        && columns[$0].kind != .capacity && columns[$0].kind != .relocation
                }
                // Cut the least effective units outside the subject whose cut breaks nothing else
                // (cutting where another floor is tight would only move the problem).
                var cut = false
                for remove in outside.prefix(100) {
                    let amount = min(values[remove], units(deficit, share * cost[remove]))
                    change(remove, by: -amount)
                    if violations() < before { cut = true; break }
                    change(remove, by: amount)
                }
                if cut { continue }
                if let remove = outside.first {
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
        balanceRelocations(model, &values)
        // Expansion seats no scholarship seat uses buy nothing: drop them, latest first.
        var limitsOfExpansion: [Int: [CapacityLimit]] = [:]
        for limit in model.capacityLimits {
            for expansion in limit.expansions { limitsOfExpansion[expansion, default: []].append(limit) }
        }
        for index in columns.indices.reversed() where columns[index].kind == .capacity && values[index] > 0 {
            let free = (limitsOfExpansion[index] ?? []).reduce(values[index]) { least, limit in
                min(least, room(limit, values) - values[limit.seats])
            }
            values[index] -= max(0, free.rounded(.down))
        }
        return ColumnValues(values: values, objective: objective(model, values), solver: "LP rounding")
    }

    /// Makes arrivals equal departures in every `relocate.balance` row after rounding down, by
    /// cutting the larger side (the last columns first). Cutting departures only widens the
    /// surplus rows; cutting arrivals only lowers spend.
    static func balanceRelocations(_ model: AllocationModel, _ values: inout [Double]) {
        for (arrivals, departures) in model.relocationBalances {
            var excess = arrivals.reduce(0.0) { $0 + values[$1] } - departures.reduce(0.0) { $0 + values[$1] }
            for index in (excess > 0 ? arrivals : departures).reversed() where abs(excess) > 1e-9 {
                let cut = min(values[index], abs(excess))
                values[index] -= cut
                excess += excess > 0 ? -cut : cut
            }
        }
    }

    /// The seats a `capacity[p,τ]` row lets its scholarship column take at these values.
    static func room(_ limit: CapacityLimit, _ values: [Double]) -> Double {
        Double(limit.spare) + limit.expansions.reduce(0.0) { $0 + values[$1] }
    }

    /// The full model's objective at these column values: weighted discounted shortage plus the
    /// tie-break on spend.
    static func objective(_ model: AllocationModel, _ values: [Double]) -> Double {
        ShortageAccounting(model: model).objective(values)
    }
}
