import Optimization
import Workforce

/// Reads the explanation of a plan from the LP relaxation (see ``PlanExplanation``).
enum PlanExplainer {
    /// Duals smaller than this (objective units per billion VND) count as zero.
    static let dualTolerance = 1e-7

    /// - Parameter rules: the binding rule groups and their prices from ``priceRules(_:relaxedModel:lp:options:)``.
    /// - Complexity: O(columns + rows).
    static func explain(
        _ model: AllocationModel, lp: Solution, final: ColumnValues, rules: [RuleCost]
    ) -> PlanExplanation {
        var prices: [BudgetShadowPrice] = []
        let shadow = model.budgetShadowPrices(lp) ?? Array(repeating: 0, count: model.budgetYears.count)
        for (b, year) in model.budgetYears.enumerated() {
            prices.append(BudgetShadowPrice(
                year: year, budget: model.budget[b],
                spentInRelaxation: lp.value(of: model.spendVariables[b]) * AllocationModel.moneyUnit,
                shadowPrice: shadow[b], engineerYearsPerBillion: -shadow[b]))
        }
        return PlanExplanation(
            budgetShadowPrices: prices, bindingRules: rules, idlePrograms: idlePrograms(model, lp: lp, final: final))
    }

    /// The rule groups with a binding row in the LP relaxation, each priced (when
    /// ``AllocationOptions/priceBindingRules``) by re-solving the LP without the group's rows:
    /// the shortage it costs. The groups' LPs are independent and solved side by side, each first
    /// from the relaxation's basis for at most a tenth of the relaxation's own iterations, then,
    /// if that did not finish, from scratch: a group whose rows barely move the optimum re-solves
    /// in a few dozen iterations warm, while one that moves it far takes longer warm than from
    /// scratch (bundled scenario: `regional-floor` 75 iterations warm against 2,768 from scratch;
    /// `domestic-sme-internships` 4,856 and 1.36 s warm against 3,061 and 0.38 s from scratch
    /// with CLP's presolve).
    /// - Complexity: one LP per binding rule group when pricing rules.
    static func priceRules(
        _ model: AllocationModel, relaxedModel: LinearModel, lp: Solution, options: AllocationOptions
    ) throws(AllocationError) -> [RuleCost] {
        let groups: [(rule: FairnessRuleKind, rows: [Constraint], binding: [String])] = model.activeRules.compactMap { rule in
            let rows = zip(model.requirements, model.requirementRows).filter { $0.0.rule == rule }
            let binding = rows.filter { abs(lp.dual(of: $0.1) ?? 0) > dualTolerance }.map(\.0.name)
            return binding.isEmpty ? nil : (rule, rows.map(\.1), binding)
        }
        guard options.priceBindingRules, let with = lp.objectiveValue else {
            return groups.map { RuleCost(rule: $0.rule, bindingRows: $0.binding, shortageCost: nil) }
        }
        let costs = try ParallelPlans.map(groups.count) { index throws(AllocationError) -> Double? in
            var without = relaxedModel
            do throws(OptimizationError) {
                for row in groups[index].rows { try without.setBounds(of: row, lower: -.infinity, upper: .infinity) }
            } catch { throw .solverFailed(error) }
            var warm = options
            warm.startingBasis = lp.basis
            warm.iterationLimit = max(100, lp.iterationCount / 10)
            if let quick = try? AllocationPlanner.solveLP(without, warm), let value = quick.objectiveValue {
                return max(0, with - value)
            }
            return try AllocationPlanner.solveLP(without, options).objectiveValue.map { max(0, with - $0) }
        }
        return zip(groups, costs).map { RuleCost(rule: $0.rule, bindingRows: $0.binding, shortageCost: $1) }
    }

    /// Programmes with no seats in the final plan, each with its reason.
    static func idlePrograms(_ model: AllocationModel, lp: Solution, final: ColumnValues) -> [IdleProgram] {
        let scenario = model.scenario
        let lastYear = model.years.last ?? 0
        var columnsByProgram: [Int: [InstrumentColumn]] = [:]
        var seatsByProgram: [Int: Double] = [:]
        for (index, column) in model.columns.enumerated() where column.kind == .scholarship || column.kind == .onsite {
            columnsByProgram[column.source, default: []].append(column)
            seatsByProgram[column.source, default: 0] += final.values[index]
        }
        var result: [IdleProgram] = []
        for (index, program) in scenario.programs.enumerated() {
            let kind: InstrumentKind = program.isOnsiteTraining ? .onsite : .scholarship
            let enabled = kind == .onsite ? scenario.fund.onsiteTraining.enabled : scenario.fund.scholarships.enabled
            guard enabled else { continue }
            let columns = columnsByProgram[index] ?? []
            guard (seatsByProgram[index] ?? 0) < 1e-6 else { continue }
            let unitCost = Double(
                kind == .onsite
                    ? program.tuitionPerYear
                    : CostSchedule.scholarship(
                        intakeYear: 0, durationYears: program.durationYears,
                        yearlyCost: program.tuitionPerYear + scenario.fund.scholarships.livingSupportPerYear).total)
            func idle(_ reason: IdleReason, _ text: String, year: Int? = nil, reducedCost: Double? = nil,
                      required: Double? = nil, factor: Double? = nil) -> IdleProgram {
                IdleProgram(
                    program: program.id, instrument: kind, reason: reason, year: year, unitCost: unitCost,
                    requiredUnitCost: required, requiredCostReduction: required.map { unitCost > 0 ? 1 - $0 / unitCost : 0 },
                    requiredEffectivenessFactor: factor, reducedCost: reducedCost, text: text)
            }
            if program.spareCapacity == 0 || columns.isEmpty {
                result.append(idle(.noSpareCapacity, "no spare capacity (capacity \(program.capacity), baseline intake \(program.baselineIntake))"))
                continue
            }
            if !columns.contains(where: { $0.effect.landsBy(lastYear) }) {
                result.append(idle(
                    .graduatesAfterHorizon,
                    "graduates after the horizon: \(program.durationYears)-year course, last budget year "
                        + "\(model.budgetYears.last ?? 0), horizon ends \(lastYear)"))
                continue
            }
            let feeding = columns.filter { $0.flowRow != nil }
            if feeding.isEmpty || program.engineersPerSeat == 0 {
                result.append(idle(
                    .noShortage, "no shortage of \(program.skill) in \(program.region) once its graduates arrive"))
                continue
            }
            if columns.contains(where: { lp.value(of: $0.variable) > 1e-6 }) {
                result.append(idle(.roundedOut, "gets seats in the LP relaxation but none after rounding to whole seats"))
                continue
            }
            guard let best = feeding.min(by: { (lp.reducedCost(of: $0.variable) ?? 0) < (lp.reducedCost(of: $1.variable) ?? 0) }),
                let reduced = lp.reducedCost(of: best.variable), let row = best.flowRow, let dual = lp.dual(of: row)
            else { continue }
            let value = -best.effect.engineersPerUnit * dual
            let price = reduced + value
            if reduced <= dualTolerance {
                result.append(idle(.onTheMargin, "as cost-effective as the funded options; no seats by a tie", year: best.year, reducedCost: reduced))
            } else if value <= dualTolerance || price <= 0 {
                result.append(idle(
                    .shortageAlreadyClosed,
                    "cheaper options already close the shortage of \(program.skill) in \(program.region) its graduates would close",
                    year: best.year, reducedCost: reduced))
            } else {
                let ratio = value / price
                let required = unitCost * ratio
                result.append(idle(
                    .notCostEffective,
                    "would get seats at \(Self.money(required)) VND per seat instead of \(Self.money(unitCost)) "
                        + "(\(FairnessRequirement.percent(1 - ratio)) cheaper), or if it added "
                        + Self.moreEngineers(price / value) + " per seat",
                    year: best.year, reducedCost: reduced, required: required, factor: price / value))
            }
        }
        return result
    }

    /// "2.2 % more engineers" below 1.5×, "2.5× as many engineers" from there: a factor of 1.022
    /// must not read "1.0×".
    static func moreEngineers(_ factor: Double) -> String {
        factor < 1.5
            ? "\(FairnessRequirement.percent(factor - 1)) more engineers"
            : "\(String(format1: factor))× as many engineers"
    }

    static func money(_ value: Double) -> String {
        let whole = Int64(value.rounded())
        var digits = String(abs(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (whole < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}

extension String {
    /// One decimal, e.g. `1.3`.
    init(format1 value: Double) {
        let tenths = (value * 10).rounded() / 10
        self = "\(tenths)"
    }
}
