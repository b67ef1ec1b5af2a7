import Forecast
import Optimization
import Workforce

/// Turns solved values into an ``AllocationPlan``.
enum PlanExtraction {
    /// A plan's spend and shortage, the figures of a budget frontier point; ``plan(_:lp:final:relaxed:solvedModel:explanation:outcome:)``
    /// reports the same numbers, computed here once for both.
    struct Totals {
        let accounting: ShortageAccounting
        /// Units per column: the values, rounded when the plan is whole seats, tiny ones zero.
        let counts: [Double]
        let spend: Double
        let added: ForecastGrid
        let cells: [ShortageCell]
        let before: Double
        let after: Double

        init(_ model: AllocationModel, final: ColumnValues, relaxed: Bool) {
            counts = final.values.map { value in
                let cleaned = relaxed ? value : value.rounded()
                return cleaned > 1e-9 ? cleaned : 0
            }
            var spend = 0.0
            for (count, column) in zip(counts, model.columns) { spend += count * Double(column.cost.total) }
            self.spend = spend
            accounting = ShortageAccounting(model: model)
            added = accounting.addedSupply(counts)
            cells = accounting.horizonCells(added: added)
            var before = 0.0, after = 0.0
            for cell in cells {
                before += cell.before
                after += cell.after
            }
            self.before = before
            self.after = after
        }

        /// The frontier point of these totals at `multiplier`.
        func point(_ model: AllocationModel, multiplier: Double, objective: Double, status: PlanStatus, relaxed: Bool) -> FrontierPoint {
            let closed = before - after
            return FrontierPoint(
                multiplier: multiplier, budget: model.budget.reduce(0, +), spend: spend, shortageBefore: before,
                shortageAfter: after, shortageClosed: closed, costPerEngineerYearClosed: closed > 1e-9 ? spend / closed : nil,
                objective: objective, status: status, relaxed: relaxed, planFromMultiplier: nil)
        }
    }

    /// - Complexity: O(columns × years + skills × regions × years + requirements × columns / rows).
    static func plan(
        _ model: AllocationModel, lp: Solution, final: ColumnValues, relaxed: Bool, solvedModel: LinearModel,
        explanation: PlanExplanation, outcome: AllocationPlanner.IntegerOutcome
    ) -> AllocationPlan {
        let scenario = model.scenario
        let forecast = model.forecast
        let fund = scenario.fund
        let regionCount = forecast.regions.count
        let totals = Totals(model, final: final, relaxed: relaxed)

        var scholarships: [ScholarshipAward] = []
        var internships: [InternshipAward] = []
        var onsite: [OnsiteAward] = []
        var expansions: [CapacityExpansionAward] = []
        var relocations: [RelocationAward] = []
        var byYear: [Int: (scholarships: Double, internships: Double, onsite: Double, capacity: Double, relocation: Double)] = [:]
        var spendOf: [Double] = []
        spendOf.reserveCapacity(model.columns.count)
        for (index, column) in model.columns.enumerated() {
            let count = totals.counts[index]
            spendOf.append(count * Double(column.cost.total))
            guard count > 0 else { continue }
            for charge in column.charges {
                var entry = byYear[charge.year] ?? (0, 0, 0, 0, 0)
                let amount = count * Double(charge.amount)
                switch column.kind {
                case .scholarship: entry.scholarships += amount
                case .internship: entry.internships += amount
                case .onsite: entry.onsite += amount
                case .capacity: entry.capacity += amount
                case .relocation: entry.relocation += amount
                }
                byYear[charge.year] = entry
            }
            let effect = column.effect
            let engineers = count * effect.engineersPerUnit
            switch column.kind {
            case .scholarship:
                let program = scenario.programs[column.source]
                scholarships.append(ScholarshipAward(
                    program: program.id, institution: program.institution, region: program.region,
                    skill: program.skill, intakeYear: column.year, seats: count,
                    unitCostPerYear: Double(column.cost.payments.first?.amount ?? 0),
                    totalCost: count * Double(column.cost.total),
                    costByYear: column.cost.payments.map { YearAmount(year: $0.year, amount: count * Double($0.amount)) },
                    engineersAdded: engineers, graduationYear: effect.landingYear))
            case .internship:
                // Spread the column's interns over its postings in scenario order.
                var remaining = count
                for member in column.members where remaining > 1e-9 {
                    let posting = scenario.postings[member]
                    let interns = min(remaining, Double(posting.slots))
                    remaining -= interns
                    internships.append(InternshipAward(
                        posting: posting.id, enterprise: posting.enterprise, region: posting.region,
                        skill: posting.skill, year: column.year, interns: interns, unitCost: Double(column.cost.total),
                        cost: interns * Double(column.cost.total), isDomesticSME: column.isDomesticSME,
                        engineersAdded: interns * effect.engineersPerUnit))
                }
            case .onsite:
                let program = scenario.programs[column.source]
                onsite.append(OnsiteAward(
                    program: program.id, institution: program.institution, hostEnterprise: program.hostEnterprise,
                    region: program.region, skill: program.skill, year: column.year, seats: count,
                    unitCost: Double(column.cost.total), cost: count * Double(column.cost.total),
                    engineersAdded: engineers))
            case .capacity:
                let program = scenario.programs[column.source]
                expansions.append(CapacityExpansionAward(
                    program: program.id, institution: program.institution, region: program.region, skill: program.skill,
                    year: column.year, firstIntakeYear: column.year + (fund.capacityExpansion?.leadYears ?? 0), seats: count,
                    unitCost: Double(column.cost.total), cost: count * Double(column.cost.total)))
            case .relocation:
                relocations.append(RelocationAward(
                    skill: effect.skill, region: effect.region, year: column.year,
                    direction: effect.engineersPerUnit > 0 ? .arriving : .leaving, graduates: count,
                    unitCost: Double(column.cost.total), cost: count * Double(column.cost.total)))
            }
        }

        var spendByYear: [YearSpend] = []
        var cumulativeBudget = 0.0, cumulativeSpend = 0.0
        for (b, year) in model.budgetYears.enumerated() {
            let entry = byYear[year] ?? (0, 0, 0, 0, 0)
            let total = entry.scholarships + entry.internships + entry.onsite + entry.capacity + entry.relocation
            cumulativeBudget += model.budget[b]
            cumulativeSpend += total
            spendByYear.append(YearSpend(
                year: year, budget: model.budget[b], scholarships: entry.scholarships,
                internships: entry.internships, onsite: entry.onsite,
                capacity: fund.capacityExpansion?.enabled == true ? entry.capacity : nil,
                relocation: fund.relocation?.enabled == true ? entry.relocation : nil, total: total,
                unspentToDate: cumulativeBudget - cumulativeSpend))
        }
        let totalSpend = totals.spend
        let accounting = totals.accounting
        let counts = totals.counts
        let added = totals.added
        let cells = totals.cells
        let before = totals.before, after = totals.after
        var bySkill: [Skill.ID: (Double, Double)] = [:]
        var byRegion: [Region.ID: (Double, Double)] = [:]
        for cell in cells {
            bySkill[cell.skill, default: (0, 0)].0 += cell.before
            bySkill[cell.skill, default: (0, 0)].1 += cell.after
            byRegion[cell.region, default: (0, 0)].0 += cell.before
            byRegion[cell.region, default: (0, 0)].1 += cell.after
        }
        let marketRegions = (0..<forecast.marketCount).map(accounting.marketRegion)
        let closed = before - after

        // Fairness outcomes, measured on the final plan (effective spend, as the rows count it).
        var fairness: [FairnessOutcome] = []
        let subjects = RuleSubjects(model)
        if !model.requirements.isEmpty {
            func spend(_ indices: [Int]) -> Double { indices.reduce(0.0) { $0 + spendOf[$1] } }
            let ruleSpend = subjects.spend { spendOf[$0] }
            for (r, (requirement, row)) in zip(model.requirements, model.requirementRows).enumerated() {
                let amount = spend(subjects.members[r])
                let base = subjects.base(requirement, ruleSpend)
                let dual = lp.dual(of: row) ?? 0
                fairness.append(FairnessOutcome(
                    rule: requirement.rule, row: requirement.name, subject: requirement.subjectCode,
                    bound: requirement.bound, targetShare: requirement.share,
                    achievedShare: base > 0 ? amount / base : 0, achievedAmount: amount, baseAmount: base,
                    binding: abs(dual) > PlanExplainer.dualTolerance, dual: dual))
            }
        }
        var bindingRules = Array(repeating: [String](), count: model.columns.count)
        for (r, outcome) in fairness.enumerated() where outcome.binding {
            for index in subjects.members[r] { bindingRules[index].append(outcome.row) }
        }
        let zeroEffect = accounting.zeroEffectUnits(counts, added: added).map { index, units in
            let column = model.columns[index]
            return ZeroEffectSpend(
                instrument: column.kind, item: column.code, year: column.year, units: units,
                spend: units * Double(column.cost.total), rules: bindingRules[index])
        }
        let upperBounds = model.columns.map { Double($0.upperBound) }

        var plan = AllocationPlan(
            scenario: scenario.settings.name, variant: scenario.variantName, status: outcome.status, relaxed: relaxed,
            objective: final.objective, bestBound: outcome.bestBound, gap: outcome.gap,
            solver: final.solver, budgetMultiplier: model.budgetMultiplier, carryOver: fund.carryOver,
            scholarships: scholarships, internships: internships, onsite: onsite, spendByYear: spendByYear,
            totalSpend: totalSpend, totalBudget: model.budget.reduce(0, +), shortageBefore: before,
            shortageAfter: after, shortage: cells,
            shortageBySkill: forecast.skills.map {
                ShortageTotal(code: $0.rawValue, before: bySkill[$0]?.0 ?? 0, after: bySkill[$0]?.1 ?? 0)
            },
            shortageByRegion: marketRegions.map {
                ShortageTotal(code: $0.rawValue, before: byRegion[$0]?.0 ?? 0, after: byRegion[$0]?.1 ?? 0)
            },
            costPerEngineerYearClosed: closed > 1e-9 ? totalSpend / closed : nil, fairness: fairness,
            explanation: explanation, size: model.size, buildSeconds: model.buildSeconds, solveSeconds: outcome.seconds,
            solvedModel: solvedModel)
        if fund.capacityExpansion?.enabled == true { plan.capacityExpansions = expansions }
        if fund.relocation?.enabled == true { plan.relocations = relocations }
        plan.zeroEffectItems = zeroEffect
        plan.zeroEffectSpend = zeroEffect.reduce(0) { $0 + $1.spend }
        // Relocation is left out of the reach: its columns' bounds are a shared pool, not a plan.
        let reachBounds = zip(model.columns, upperBounds).map { $0.kind == .relocation ? 0 : $1 }
        plan.unreachableShortage = accounting.horizonCells(reachBounds).reduce(0) { $0 + $1.after }
        plan.terminalYears = model.terminalYears
        plan.terminalEngineerYears = accounting.terminalEngineerYears(added: added)
        return plan
    }
}
