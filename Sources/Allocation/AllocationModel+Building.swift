import Forecast
import Matching
import Optimization
import Workforce

/// Knobs of a build beyond the scenario: the planner's budget sweep and its infeasibility analysis.
struct BuildConfiguration: Sendable {
    /// Multiplies every budget.
    var budgetMultiplier: Double = 1
    /// Give every fairness row an elastic slack (`slack[row]`) and minimise their sum instead of
    /// the shortage.
    var elastic = false
    /// Require `Σ_t spend[t] ≥` this many billions of VND (row `policy.minimum-spend`).
    var minimumSpendBillions: Double?
    /// ``AllocationOptions/internLimits``.
    var internLimits: [InternQuota] = []
}

extension AllocationModel {
    /// Builds the allocation model of a scenario from its forecast (see the type's formulation).
    ///
    /// - Parameters:
    ///   - scenario: the scenario, with the variant the forecast was made from.
    ///   - forecast: `ForecastModel.project(scenario)`; its gap is `Gap0`.
    ///   - budgetMultiplier: multiplies every year's budget (1: as in `fund.yaml`).
    /// - Throws: ``AllocationError`` for a negative budget, a share outside 0–1, a rule or
    ///   instrument referring to an unknown region, skill or enterprise, a forecast of another
    ///   scenario, or a negative multiplier.
    /// - Complexity: O(P·B + J·B + S·R·H²) time and memory, with P programmes, J postings, B
    ///   budget years, S skills, R regions and H years: every column has O(years of study + 6)
    ///   nonzeros and every shortage row at most H.
    public static func build(
        scenario: Scenario, forecast: Forecast, budgetMultiplier: Double = 1
    ) throws(AllocationError) -> AllocationModel {
        guard budgetMultiplier.isFinite, budgetMultiplier >= 0 else {
            throw .invalidOption("budget multiplier \(budgetMultiplier): give a number ≥ 0, e.g. 1.5")
        }
        return try build(scenario: scenario, forecast: forecast, configuration: BuildConfiguration(budgetMultiplier: budgetMultiplier))
    }

    static func build(
        scenario: Scenario, forecast: Forecast, configuration: BuildConfiguration
    ) throws(AllocationError) -> AllocationModel {
        let start = ContinuousClock.now
        try PolicyValidation.check(scenario, forecast: forecast)
        let fund = scenario.fund
        let budgetYears = fund.budgetYears
        let budget = budgetYears.map { Double(fund.budgetByYear[$0] ?? 0) * configuration.budgetMultiplier }
        let years = forecast.years
        let t0 = forecast.baseYear
        let lastYear = years.last ?? t0
        let unit = moneyUnit

        let beta = 1 / (1 + scenario.settings.discountRate)
        var discounts: [Double] = []  // by year position, extended over the terminal tail below
        var factor = 1.0
        for _ in years {
            discounts.append(factor)
            factor *= beta
        }
        let weightByID = Dictionary(scenario.skills.map { ($0.id, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let weights = forecast.skills.map { weightByID[$0] ?? 0 }
        let minimumWeight = weights.filter { $0 > 0 }.min() ?? 1
        let totalBudgetBillions = budget.reduce(0, +) / unit

        var model = LinearModel(name: "allocation-\(scenario.settings.name)")
        let enterprises = Dictionary(scenario.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Instrument columns.
        var columns: [InstrumentColumn] = []
        func addColumn(
            _ kind: InstrumentKind, source: Int, code: String, year: Int, upper: Int, cost: CostSchedule,
            effect: EffectSchedule, institution: Institution.ID?, enterprise: Enterprise.ID?, sme: Bool,
            members: [Int]? = nil
        ) {
            let prefix = switch kind {
            case .scholarship: "seats"
            case .internship: "interns"
            case .onsite: "onsite"
            case .capacity: "expand"
            case .relocation: "relocate"
            }
            let variable = model.addVariable(
                "\(prefix)[\(code),\(year)]", lowerBound: 0, upperBound: Double(upper), isInteger: true)
            columns.append(InstrumentColumn(
                kind: kind, source: source, code: code, year: year, variable: variable, upperBound: upper,
                cost: cost, charges: cost.charges(budgetYears: budgetYears), effect: effect,
                skillPosition: forecast.skillPositions[effect.skill] ?? 0,
                regionPosition: forecast.regionPositions[effect.region] ?? 0,
                institution: institution, enterprise: enterprise, isDomesticSME: sme, flowRow: nil,
                members: members ?? [source]))
        }
        // With capacity expansion, a degree programme may take scholarship seats beyond its spare
        // capacity from the first budget year an expansion bought can reach (`lead_years` later).
        let expansion = fund.capacityExpansion
        let lead = expansion?.leadYears ?? 0
        let lastBudgetYear = budgetYears.last ?? t0
        var capacityLimits: [CapacityLimit] = []
        var expansionMaxima: [(columns: [Int], maximum: Int, label: String)] = []
        for (index, program) in scenario.programs.enumerated() {
            let onsite = program.isOnsiteTraining
            guard onsite ? fund.onsiteTraining.enabled : fund.scholarships.enabled else { continue }
            let extra = onsite || !fund.scholarships.enabled ? 0 : (expansion?.maximumSeats(capacity: program.capacity) ?? 0)
            guard program.spareCapacity > 0 || extra > 0 else { continue }
            var expansions: [(year: Int, column: Int)] = []
            if extra > 0, let expansion {
                for year in budgetYears where year + lead <= lastBudgetYear {
                    // No effect of its own: engineers come from the seats that fill it.
                    addColumn(
                        .capacity, source: index, code: program.id.rawValue, year: year, upper: extra,
                        cost: .once(in: year, amount: expansion.costPerSeat),
                        effect: EffectSchedule(skill: program.skill, region: program.region, landingYear: year, engineersPerUnit: 0),
                        institution: program.institution, enterprise: nil, sme: false)
                    expansions.append((year, columns.count - 1))
                }
                if !expansions.isEmpty {
                    expansionMaxima.append((expansions.map(\.column), extra, program.id.rawValue))
                }
            }
            for year in budgetYears {
                let arrived = expansions.filter { $0.year + lead <= year }.map(\.column)
                let upper = program.spareCapacity + (arrived.isEmpty ? 0 : extra)
                guard upper > 0 else { continue }
                let cost: CostSchedule =
                    onsite
                    ? .once(in: year, amount: program.tuitionPerYear)
                    : .scholarship(
                        intakeYear: year, durationYears: program.durationYears,
                        yearlyCost: program.tuitionPerYear + fund.scholarships.livingSupportPerYear)
                // A scholarship seat is extra intake; the deadweight share would have enrolled anyway.
                let effect = EffectSchedule(
                    skill: program.skill, region: program.region, landingYear: year + program.durationYears,
                    engineersPerUnit: program.engineersPerSeat * (onsite ? 1 : fund.scholarships.additionality))
                addColumn(
                    onsite ? .onsite : .scholarship, source: index, code: program.id.rawValue, year: year,
                    upper: upper, cost: cost, effect: effect, institution: program.institution,
                    enterprise: program.hostEnterprise, sme: false)
                if !arrived.isEmpty {
                    capacityLimits.append(CapacityLimit(seats: columns.count - 1, expansions: arrived, spare: program.spareCapacity))
                }
            }
        }
        var internPools: [(columns: [Int], year: Int, students: Int, label: String)] = []
        if fund.internships.enabled {
            // Postings alike in everything the model sees (skill, region, domestic-SME flag and
            // stipend per intern) share one column per year, `interns[first posting,t]` with the
            // sum of their slots: an exact aggregation (the columns would be identical). The plan
            // spreads its interns back over the postings in scenario order.
            struct PostingClass: Hashable { var skill: Skill.ID; var region: Region.ID; var sme: Bool; var cost: VND }
            var classOrder: [PostingClass] = []
            var members: [PostingClass: [Int]] = [:]
            var classOfPosting: [InternshipPosting.ID: PostingClass] = [:]
            // Only postings the policy backs (`funded_ownership`, `funded_sizes`, `funded_skills`):
            // the matching funds the plan's interns there and nowhere else (one budget).
            for (index, posting) in scenario.postings.enumerated()
            where posting.slots > 0 && enterprises[posting.enterprise].map({ fund.internships.backs($0, skill: posting.skill) }) ?? false {
                let sme = enterprises[posting.enterprise]?.isDomesticSME ?? false
                let key = PostingClass(skill: posting.skill, region: posting.region, sme: sme, cost: posting.stipendPerIntern)
                if members[key] == nil { classOrder.append(key) }
                members[key, default: []].append(index)
                classOfPosting[posting.id] = key
            }
            // The eligible students of a skill and province: those who ranked one of its postings
            // and may take it (their skill, at or above its minimum year). The students file is
            // one year's cohort; the fund can back at most that many interns there in a year.
            // An intern joins the industry when they graduate: after the years left in their
            // programme (the longest of their institution's programmes in the skill, else 4).
            struct Cell: Hashable { var skill: Skill.ID; var region: Region.ID }
            struct Taught: Hashable { var institution: Institution.ID; var skill: Skill.ID }
            var longest: [Taught: Int] = [:]
            for program in scenario.programs where !program.isOnsiteTraining {
                let key = Taught(institution: program.institution, skill: program.skill)
                longest[key] = max(longest[key] ?? 0, program.durationYears)
            }
            // 100,000 students × 10 preferences at national scale: cells are numbered once, so the
            // inner loop hashes each preference's code once and nothing else.
            var cellNumbers: [Cell: Int] = [:]
            var cellsByNumber: [Cell] = []
            var postingCell: [InternshipPosting.ID: (cell: Int, skill: Skill.ID, minimumYear: Int)] = [:]
            postingCell.reserveCapacity(scenario.postings.count)
            for posting in scenario.postings where postingCell[posting.id] == nil {
                let cell = Cell(skill: posting.skill, region: posting.region)
                let number = cellNumbers[cell] ?? cellsByNumber.count
                if number == cellsByNumber.count {
                    cellNumbers[cell] = number
                    cellsByNumber.append(cell)
                }
                postingCell[posting.id] = (number, posting.skill, posting.minimumYear)
            }
            var studentsInCell = Array(repeating: 0, count: cellsByNumber.count)
            var yearsLeftInCell = Array(repeating: 0, count: cellsByNumber.count)
            var skillPool: [Skill.ID: Int] = [:]
            var cells: [Int] = []
            for student in scenario.students {
                cells.removeAll(keepingCapacity: true)
                for preference in student.preferences {
                    guard let posting = postingCell[preference], posting.skill == student.skill,
                          student.year >= posting.minimumYear, !cells.contains(posting.cell) else { continue }
                    cells.append(posting.cell)
                }
                guard !cells.isEmpty else { continue }
                let duration = longest[Taught(institution: student.institution, skill: student.skill)] ?? 4
                let left = max(1, duration - student.year + 1)
                for cell in cells {
                    studentsInCell[cell] += 1
                    yearsLeftInCell[cell] += left
                }
                skillPool[student.skill, default: 0] += 1
            }
            var pool: [Cell: Int] = [:]
            var yearsLeft: [Cell: Int] = [:]
            for (number, cell) in cellsByNumber.enumerated() where studentsInCell[number] > 0 {
                pool[cell] = studentsInCell[number]
                yearsLeft[cell] = yearsLeftInCell[number]
            }
            var poolColumns: [Cell: [Int: [Int]]] = [:]
            for key in classOrder {
                let indices = members[key] ?? []
                guard let first = indices.first else { continue }
                let posting = scenario.postings[first]
                let slots = indices.reduce(0) { $0 + scenario.postings[$1].slots }
                let cell = Cell(skill: key.skill, region: key.region)
                let students = pool[cell] ?? 0
                // Without students in the scenario there is no pool to cap by, and one year to go.
                let delay = students > 0 ? max(1, Int((Double(yearsLeft[cell] ?? 0) / Double(students)).rounded())) : 1
                let upper = scenario.students.isEmpty ? slots : min(slots, students)
                guard upper > 0 else { continue }
                for year in budgetYears {
                    let effect = EffectSchedule(
                        skill: posting.skill, region: posting.region, landingYear: year + delay,
                        engineersPerUnit: fund.internships.entryUplift)
                    addColumn(
                        .internship, source: first, code: posting.id.rawValue, year: year, upper: upper,
                        cost: .once(in: year, amount: key.cost), effect: effect,
                        institution: nil, enterprise: posting.enterprise, sme: key.sme, members: indices)
                    poolColumns[cell, default: [:]][year, default: []].append(columns.count - 1)
                }
            }
            if !scenario.students.isEmpty {
                // A student interns once a year: per province and per skill nationally.
                var bySkill: [Skill.ID: [Int: [Int]]] = [:]
                for cell in poolColumns.keys.sorted(by: { ($0.skill, $0.region) < ($1.skill, $1.region) }) {
                    for (year, variables) in (poolColumns[cell] ?? [:]).sorted(by: { $0.key < $1.key }) {
                        bySkill[cell.skill, default: [:]][year, default: []] += variables
                        guard variables.count > 1 else { continue }
                        internPools.append((variables, year, pool[cell] ?? 0, "\(cell.skill),\(cell.region),\(year)"))
                    }
                }
                for skill in bySkill.keys.sorted() {
                    for (year, variables) in (bySkill[skill] ?? [:]).sorted(by: { $0.key < $1.key }) {
                        internPools.append((variables, year, skillPool[skill] ?? 0, "\(skill),all,\(year)"))
                    }
                }
            }
        }
        for limit in capacityLimits {
            let seats = columns[limit.seats]
            var expression = LinearExpression(seats.variable)
            for expansion in limit.expansions { expression.add(-1, columns[expansion].variable) }
            model.addConstraint(expression, .lessOrEqual, Double(limit.spare), name: "capacity[\(seats.code),\(seats.year)]")
        }
        for maximum in expansionMaxima {
            model.addConstraint(LinearExpression.sum(maximum.columns.map { columns[$0].variable }), .lessOrEqual,
                                Double(maximum.maximum), name: "expand.max[\(maximum.label)]")
        }
        for pool in internPools {
            model.addConstraint(LinearExpression.sum(pool.columns.map { columns[$0].variable }), .lessOrEqual,
                                Double(pool.students), name: "interns.pool[\(pool.label)]")
        }
        // The interns a matching round places bound the plan's funded interns of its year (one budget).
        let limitYears = Set(configuration.internLimits.map(\.year))
        if !limitYears.isEmpty {
            var limit: [Int: [InternGroup: Int]] = [:]
            for quota in configuration.internLimits { limit[quota.year, default: [:]][quota.group, default: 0] += max(quota.interns, 0) }
            var grouped: [Int: [InternGroup: [Int]]] = [:]
            for (index, column) in columns.enumerated() where column.kind == .internship && limitYears.contains(column.year) {
                let posting = scenario.postings[column.source]
                let group = InternGroup(skill: posting.skill, region: posting.region, domesticSME: column.isDomesticSME,
                                        stipend: posting.stipendPerIntern)
                grouped[column.year, default: [:]][group, default: []].append(index)
            }
            for year in grouped.keys.sorted() {
                let groups = grouped[year] ?? [:]
                for group in groups.keys.sorted() {
                    let label = "\(group.skill),\(group.region),\(group.domesticSME ? "domestic-sme" : "other"),\(group.stipend),\(year)"
                    let members = groups[group] ?? []
                    let matched = limit[year]?[group] ?? 0
                    model.addConstraint(LinearExpression.sum(members.map { columns[$0].variable }), .lessOrEqual,
                                        Double(matched), name: "interns.matched[\(label)]")
                    // The rounding repair keeps these limits as it keeps the pools of students.
                    internPools.append((members, year, matched, "matched," + label))
                }
            }
        }

        // Shortage rows are per skill, labour market and year (a market is a province, or the
        // country under national mobility), over the horizon and the terminal tail after it,
        // whose gap is the last year's gap held constant.
        let regionCount = forecast.regions.count
        let skillCount = forecast.skills.count
        let marketCount = forecast.marketCount
        let tailYears = terminalYears(scenario: scenario, columns: columns)
        let rowYears = years + (0..<tailYears).map { lastYear + 1 + $0 }
        while discounts.count < rowYears.count { discounts.append((discounts.last ?? 1) * beta) }
        var marketGap = Array(repeating: 0.0, count: skillCount * marketCount * rowYears.count)
        var lastShortage = Array(repeating: Int.min, count: skillCount * marketCount)
        for s in 0..<skillCount {
            for m in 0..<marketCount {
                for y in rowYears.indices {
                    let gap = forecast.marketGap(skill: s, market: m, year: min(y, years.count - 1))
                    marketGap[(s * marketCount + m) * rowYears.count + y] = gap
                    if gap > 0 { lastShortage[s * marketCount + m] = rowYears[y] }
                }
            }
        }
        let marketLabel: (Int) -> String = { m in
            forecast.mobility == .national ? "national" : forecast.regions[m].rawValue
        }

        // Relocation stipends (provinces only: under national mobility every graduate is already
        // in the one market). A graduate may leave a province whose supply exceeds demand in every
        // row year from the move on, for one short of the skill at or after it; at most a share of
        // the province's new entrants that year; arrivals equal departures per skill and year.
        var relocationBalances: [(arrivals: [Int], departures: [Int])] = []
        if let relocation = fund.relocation, relocation.enabled, forecast.mobility != .national, marketCount > 1 {
            for s in 0..<skillCount {
                let skill = forecast.skills[s]
                var departuresOf: [Int: [Int]] = [:]  // market → its `relocate.out` columns
                for year in budgetYears {
                    guard let y = forecast.yearPosition(year) else { continue }
                    let destinations = (0..<marketCount).filter { lastShortage[s * marketCount + $0] >= year }
                    var origins: [(market: Int, upper: Int)] = []
                    for m in 0..<marketCount {
                        let surplusEveryYear = (y..<rowYears.count).allSatisfy { marketGap[(s * marketCount + m) * rowYears.count + $0] < 0 }
                        let upper = Int((relocation.maximumShareOfEntrants * forecast.entrants[s, m, y] + 1e-9).rounded(.down))
                        if surplusEveryYear, upper > 0 { origins.append((m, upper)) }
                    }
                    guard !destinations.isEmpty, !origins.isEmpty else { continue }
                    var balance = LinearExpression()
                    var entry: (arrivals: [Int], departures: [Int]) = ([], [])
                    for (m, upper) in origins {
                        addColumn(
                            .relocation, source: m, code: "\(skill):\(forecast.regions[m]):out", year: year, upper: upper,
                            cost: CostSchedule(payments: []),
                            effect: EffectSchedule(skill: skill, region: forecast.regions[m], landingYear: year, engineersPerUnit: -1),
                            institution: nil, enterprise: nil, sme: false)
                        departuresOf[m, default: []].append(columns.count - 1)
                        entry.departures.append(columns.count - 1)
                        balance.add(-1, columns[columns.count - 1].variable)
                    }
                    let pool = origins.reduce(0) { $0 + $1.upper }
                    for m in destinations {
                        addColumn(
                            .relocation, source: m, code: "\(skill):\(forecast.regions[m]):in", year: year, upper: pool,
                            cost: .once(in: year, amount: relocation.stipendPerGraduate),
                            effect: EffectSchedule(skill: skill, region: forecast.regions[m], landingYear: year, engineersPerUnit: 1),
                            institution: nil, enterprise: nil, sme: false)
                        balance.add(1, columns[columns.count - 1].variable)
                        entry.arrivals.append(columns.count - 1)
                    }
                    relocationBalances.append(entry)
                    model.addConstraint(balance, .equal, 0, name: "relocate.balance[\(skill),\(year)]")
                }
                // What leaves a province, less attrition, stays within its surplus in every later year.
                for (m, departures) in departuresOf.sorted(by: { $0.key < $1.key }) {
                    let first = departures.map { columns[$0].year }.min() ?? lastYear
                    for (y, year) in rowYears.enumerated() where year >= first {
                        var left = LinearExpression()
                        for index in departures where columns[index].year <= year {
                            left.add(forecast.survivalFactor(skill: s, years: year - columns[index].year), columns[index].variable)
                        }
                        model.addConstraint(left, .lessOrEqual, -marketGap[(s * marketCount + m) * rowYears.count + y],
                                            name: "relocate.surplus[\(skill),\(forecast.regions[m]),\(year)]")
                    }
                }
            }
        }

        // Landed supply by origin: one column and row per (s, o, L) that some instrument feeds and
        // whose graduates reach a market with a shortage row at or after L.
        let matrix = forecast.mobilityMatrix
        var marketShares: [[[(market: Int, share: Double)]]] = (0..<skillCount).map { s in
            (0..<regionCount).map { o in
                var byMarket: [Int: Double] = [:]
                for (d, share) in matrix.destinations(skill: s, origin: o) { byMarket[forecast.marketOfRegion[d], default: 0] += share }
                return byMarket.keys.sorted().map { ($0, byMarket[$0] ?? 0) }
            }
        }
        let lastRowYear = rowYears.last ?? lastYear
        // On-site seats upskill staff who already work in the programme's province: no mobility.
        struct FlowKey: Hashable { var cell: Int; var year: Int; var staysAtOrigin: Bool }
        var flowOrder: [FlowKey] = []
        var flowTerms: [FlowKey: [(Double, Variable, Int)]] = [:]
        for (index, column) in columns.enumerated() {
            let effect = column.effect
            guard effect.landsBy(lastRowYear) else { continue }
            let s = column.skillPosition
            // On-site trainees and relocated graduates work where the column says.
            let stays = column.kind == .onsite || column.kind == .relocation
            let shares = stays
                ? [(market: forecast.marketOfRegion[column.regionPosition], share: 1.0)]
                : marketShares[s][column.regionPosition]
            let reaches = shares.contains { lastShortage[s * marketCount + $0.market] >= effect.landingYear }
            guard reaches else { continue }
            let key = FlowKey(cell: s * regionCount + column.regionPosition, year: effect.landingYear, staysAtOrigin: stays)
            if flowTerms[key] == nil { flowOrder.append(key) }
            flowTerms[key, default: []].append((effect.engineersPerUnit, column.variable, index))
        }
        flowOrder.sort { ($0.cell, $0.year, $0.staysAtOrigin ? 1 : 0) < ($1.cell, $1.year, $1.staysAtOrigin ? 1 : 0) }
        // Inflow of each market by landing year: Σ_o (Σ_{d∈m} M[o,d]) · landed[s,o,L].
        struct InflowKey: Hashable { var skill: Int; var market: Int; var year: Int }
        var inflowTerms: [InflowKey: [(Double, Variable)]] = [:]
        for key in flowOrder {
            let s = key.cell / regionCount, o = key.cell % regionCount
            let label = "\(forecast.skills[s]),\(forecast.regions[o]),\(key.year)\(key.staysAtOrigin ? ",staff" : "")"
            let landed = model.addVariable("landed[\(label)]", lowerBound: 0)
            var definition = LinearExpression(landed)
            for (k, variable, _) in flowTerms[key] ?? [] { definition.add(-k, variable) }
            let row = model.addConstraint(definition, .equal, 0, name: "landed.def[\(label)]")
            for (_, _, index) in flowTerms[key] ?? [] { columns[index].flowRow = row }
            let shares = key.staysAtOrigin ? [(market: forecast.marketOfRegion[o], share: 1.0)] : marketShares[s][o]
            for (market, share) in shares where lastShortage[s * marketCount + market] >= key.year {
                inflowTerms[InflowKey(skill: s, market: market, year: key.year), default: []].append((share, landed))
            }
        }
        marketShares = []
        var inflowsByMarket: [Int: [(year: Int, variable: Variable)]] = [:]
        for key in inflowTerms.keys.sorted(by: { ($0.skill, $0.market, $0.year) < ($1.skill, $1.market, $1.year) }) {
            let terms = inflowTerms[key] ?? []
            let inflow: Variable
            if terms.count == 1, let only = terms.first, only.0 == 1 {
                inflow = only.1
            } else {
                let label = "\(forecast.skills[key.skill]),\(marketLabel(key.market)),\(key.year)"
                inflow = model.addVariable("arrived[\(label)]", lowerBound: 0)
                var definition = LinearExpression(inflow)
                for (share, landed) in terms { definition.add(-share, landed) }
                model.addConstraint(definition, .equal, 0, name: "arrived.def[\(label)]")
            }
            inflowsByMarket[key.skill * marketCount + key.market, default: []].append((key.year, inflow))
        }

        // Shortage.
        for s in 0..<skillCount {
            let attrition = forecast.attritionRates[s]
            for m in 0..<marketCount {
                let inflows = inflowsByMarket[s * marketCount + m] ?? []
                for (y, year) in rowYears.enumerated() {
                    let gap = marketGap[(s * marketCount + m) * rowYears.count + y]
                    guard gap > 0 else { continue }
                    let label = "\(forecast.skills[s]),\(marketLabel(m)),\(year)"
                    let short = model.addVariable(
                        "short[\(label)]", lowerBound: 0, objective: configuration.elastic ? 0 : weights[s] * discounts[y])
                    var covered = LinearExpression(short)
                    for inflow in inflows where inflow.year <= year {
                        covered.add(EffectSchedule.survival(attritionRate: attrition, years: year - inflow.year), inflow.variable)
                    }
                    model.addConstraint(covered, .greaterOrEqual, gap, name: "short.def[\(label)]")
                }
            }
        }

        let epsilon = tieBreakShare * minimumWeight * (discounts.last ?? 1) / max(1, totalBudgetBillions)

        // Spend per budget year and the budget.
        var spendVariables: [Variable] = []
        var spendDefinitions = budgetYears.map { _ in LinearExpression() }
        for column in columns {
            for charge in column.charges {
                guard let b = budgetYears.firstIndex(of: charge.year) else { continue }
                spendDefinitions[b].add(-Double(charge.amount) / unit, column.variable)
            }
        }
        for (b, year) in budgetYears.enumerated() {
            let spend = model.addVariable("spend[\(year)]", lowerBound: 0, objective: configuration.elastic ? 0 : epsilon)
            spendVariables.append(spend)
            var definition = spendDefinitions[b]
            definition.add(1, spend)
            model.addConstraint(definition, .equal, 0, name: "spend.def[\(year)]")
        }
        var budgetRows: [Constraint] = []
        var cumulativeSpend = LinearExpression()
        var cumulativeBudget = 0.0
        for (b, year) in budgetYears.enumerated() {
            if fund.carryOver {
                cumulativeSpend.add(1, spendVariables[b])
                cumulativeBudget += budget[b] / unit
                budgetRows.append(model.addConstraint(
                    cumulativeSpend, .lessOrEqual, cumulativeBudget, name: "budget.cumulative[\(year)]"))
            } else {
                budgetRows.append(model.addConstraint(
                    LinearExpression(spendVariables[b]), .lessOrEqual, budget[b] / unit, name: "budget[\(year)]"))
            }
        }

        // Fairness.
        var regionHasInstrument = Array(repeating: false, count: regionCount)
        var institutionsSeen: Set<Institution.ID> = []
        var institutionOrder: [Institution.ID] = []
        for column in columns where column.flowRow != nil {
            regionHasInstrument[column.regionPosition] = true
            if let institution = column.institution, institutionsSeen.insert(institution).inserted {
                institutionOrder.append(institution)
            }
        }
        let institutionRank = Dictionary(
            scenario.institutions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        institutionOrder.sort { (institutionRank[$0] ?? Int.max, $0) < (institutionRank[$1] ?? Int.max, $1) }
        let regionsWithInstruments = forecast.regions.indices.filter { regionHasInstrument[$0] }.map { forecast.regions[$0] }
        var needShares: [Region.ID: Double] = [:]
        if fund.fairness.needProportionalTolerance != nil {
            var need: [Region.ID: Double] = [:]
            var total = 0.0
            for s in forecast.skills.indices {
                for r in forecast.regions.indices where regionHasInstrument[r] {
                    for y in years.indices {
                        let short = max(0, forecast.gap[s, r, y])
                        need[forecast.regions[r], default: 0] += short
                        total += short
                    }
                }
            }
            if total > 0 { needShares = need.mapValues { $0 / total } }
        }
        let requirements = FairnessRequirement.requirements(
            rules: fund.fairness, institutions: institutionOrder, regions: regionsWithInstruments,
            needShares: needShares, hasInternships: columns.contains { $0.kind == .internship }, budgetYears: budgetYears)
        // Rows meant per year sum their columns directly (the spend classes add up every year).
        let yearlySubjects = requirements.contains { $0.year != nil }
            ? RuleSubjects(columns: columns, forecast: forecast, requirements: requirements, budgetYears: budgetYears, budget: budget)
            : nil

        // Spend classes: one column per (skill, region, group) that some column falls in, with
        // group programmes / internships elsewhere / internships at domestic SMEs, defined by
        // `spend.class.def[…]`. Region, skill and SME rows sum a few class columns instead of
        // repeating every instrument column (each instrument is in one class row, not three),
        // which keeps the fairness rows short and the LP fast.
        let groupNames = ["programmes", "internships", "sme-internships"]
        var classOf: [Int: Variable] = [:]
        var needsInstitutions = false
        var needsClasses = false
        for requirement in requirements where requirement.year == nil {
            if case .institution = requirement.subject { needsInstitutions = true } else { needsClasses = true }
        }
        if needsClasses {
            var definitions: [Int: LinearExpression] = [:]
            for column in columns where column.flowRow != nil {
                let group = column.kind != .internship ? 0 : column.isDomesticSME ? 2 : 1
                let key = (column.skillPosition * regionCount + column.regionPosition) * 3 + group
                definitions[key, default: LinearExpression()].add(-Double(column.cost.total) / unit, column.variable)
            }
            for key in definitions.keys.sorted() {
                guard var definition = definitions[key] else { continue }
                let group = key % 3, cell = key / 3
                let label = "\(forecast.skills[cell / regionCount]),\(forecast.regions[cell % regionCount]),\(groupNames[group])"
                let variable = model.addVariable("spend.class[\(label)]", lowerBound: 0)
                definition.add(1, variable)
                model.addConstraint(definition, .equal, 0, name: "spend.class.def[\(label)]")
                classOf[key] = variable
            }
        }
        func classSpend(skill: Int?, region: Int?, groups: [Int]) -> LinearExpression {
            var expression = LinearExpression()
            for (key, variable) in classOf.sorted(by: { $0.key < $1.key }) {
                let cell = key / 3
                guard groups.contains(key % 3) else { continue }
                if let skill, cell / regionCount != skill { continue }
                if let region, cell % regionCount != region { continue }
                expression.add(1, variable)
            }
            return expression
        }
        var institutionSpend: [Institution.ID: LinearExpression] = [:]
        if needsInstitutions {
            for column in columns where column.flowRow != nil {
                guard let institution = column.institution else { continue }
                institutionSpend[institution, default: LinearExpression()].add(Double(column.cost.total) / unit, column.variable)
            }
        }
        let internshipSpend = classSpend(skill: nil, region: nil, groups: [1, 2])
        let effectiveSpend = classSpend(skill: nil, region: nil, groups: [0, 1, 2])
        let budgetBillions = budget.reduce(0, +) / unit
        var requirementRows: [Constraint] = []
        var slackVariables: [Variable] = []
        func yearSpend(_ indices: [Int], year: Int) -> LinearExpression {
            var expression = LinearExpression()
            for index in indices where columns[index].year == year {
                expression.add(Double(columns[index].cost.total) / unit, columns[index].variable)
            }
            return expression
        }
        for (r, requirement) in requirements.enumerated() {
            // The measure, and the base it is a share of: the whole plan's (spend classes), or the
            // year's for a rule meant per year (its columns summed directly).
            var expression: LinearExpression
            let base: LinearExpression?
            let budgetBase: Double
            if let year = requirement.year, let yearlySubjects {
                expression = yearSpend(yearlySubjects.members[r], year: year)
                budgetBase = (yearlySubjects.budgetByYear[year] ?? 0) / unit
                switch requirement.base {
                case .budget: base = nil
                case .effectiveSpend: base = yearSpend(yearlySubjects.effective, year: year)
                case .internshipSpend: base = yearSpend(yearlySubjects.internships, year: year)
                }
            } else {
                switch requirement.subject {
                case .institution(let id): expression = institutionSpend[id] ?? LinearExpression()
                case .region(let id):
                    expression = forecast.regionPositions[id].map { classSpend(skill: nil, region: $0, groups: [0, 1, 2]) }
                        ?? LinearExpression()
                case .skill(let id):
                    expression = forecast.skillPositions[id].map { classSpend(skill: $0, region: nil, groups: [0, 1, 2]) }
                        ?? LinearExpression()
                case .domesticSMEInternships: expression = classSpend(skill: nil, region: nil, groups: [2])
                }
                budgetBase = budgetBillions
                switch requirement.base {
                case .budget: base = nil
                case .effectiveSpend: base = effectiveSpend
                case .internshipSpend: base = internshipSpend
                }
            }
            // Caps are shares of the budget (a constant); floors of a spend (a column sum).
            var rightHandSide = 0.0
            if let base { expression.add(base, times: -requirement.share) } else { rightHandSide = requirement.share * budgetBase }
            if configuration.elastic {
                let slack = model.addVariable("slack[\(requirement.name)]", lowerBound: 0)
                expression.add(requirement.bound == .atLeast ? 1 : -1, slack)
                slackVariables.append(slack)
            }
            requirementRows.append(model.addConstraint(
                expression, requirement.bound == .atLeast ? .greaterOrEqual : .lessOrEqual, rightHandSide,
                name: requirement.name))
        }
        var minimumSpendRow: Constraint?
        if let minimum = configuration.minimumSpendBillions {
            // On effective spend: buying items that close nothing must not count as spending.
            var effective = LinearExpression()
            for column in columns where column.flowRow != nil { effective.add(Double(column.cost.total) / unit, column.variable) }
            minimumSpendRow = model.addConstraint(effective, .greaterOrEqual, minimum, name: "policy.minimum-spend")
        }
        if configuration.elastic { model.minimize(LinearExpression.sum(slackVariables)) }

        let elapsed = start.duration(to: .now)
        return AllocationModel(
            linearModel: model, years: years, budgetYears: budgetYears, budget: budget,
            budgetMultiplier: configuration.budgetMultiplier, carryOver: fund.carryOver,
            requirements: requirements, tieBreakPerBillion: epsilon,
            buildSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            scenario: scenario, forecast: forecast, weights: weights, discounts: discounts, columns: columns,
            spendVariables: spendVariables, budgetRows: budgetRows, requirementRows: requirementRows,
            slackVariables: slackVariables, minimumSpendRow: minimumSpendRow,
            regionsWithInstruments: regionsWithInstruments, terminalYears: tailYears,
            internPools: internPools.map { (columns: $0.columns, students: $0.students) },
            capacityLimits: capacityLimits, relocationBalances: relocationBalances)
    }

    /// The model at another multiple of the budget: what ``build(scenario:forecast:configuration:)``
    /// makes at `multiplier` from the same scenario, forecast and configuration, without building
    /// it again. Only three things depend on the budget: the budget rows, the caps that are shares
    /// of the budget, and the spend tie-break `ε` (per billion, over the total budget); they are
    /// worked out as the build does, so the model is the same to the bit.
    /// - Throws: ``AllocationError/invalidOption(_:)`` for a negative multiplier, or for the
    ///   conflict finder's elastic models (not rebudgeted).
    /// - Complexity: O(budget years + fairness rows + spend columns), besides copying the model.
    func rebudgeted(multiplier: Double) throws(AllocationError) -> AllocationModel {
        guard multiplier.isFinite, multiplier >= 0 else {
            throw .invalidOption("budget multiplier \(multiplier): give a number ≥ 0, e.g. 1.5")
        }
        guard slackVariables.isEmpty, minimumSpendRow == nil else {
            throw .invalidOption("internal: an elastic model is built for each budget, not rebudgeted")
        }
        let unit = Self.moneyUnit
        var model = self
        model.budget = budgetYears.map { Double(scenario.fund.budgetByYear[$0] ?? 0) * multiplier }
        model.budgetMultiplier = multiplier
        model.buildSeconds = 0
        let totalBudgetBillions = model.budget.reduce(0, +) / unit
        let minimumWeight = weights.filter { $0 > 0 }.min() ?? 1
        model.tieBreakPerBillion = Self.tieBreakShare * minimumWeight * (discounts.last ?? 1) / max(1, totalBudgetBillions)
        do throws(OptimizationError) {
            for spend in spendVariables {
                try model.linearModel.setObjectiveCoefficient(model.tieBreakPerBillion, of: spend)
            }
            var cumulativeBudget = 0.0
            for (b, row) in budgetRows.enumerated() {
                cumulativeBudget += model.budget[b] / unit
                try model.linearModel.setRightHandSide(carryOver ? cumulativeBudget : model.budget[b] / unit, of: row)
            }
            for (requirement, row) in zip(requirements, requirementRows) where requirement.base == .budget {
                let budgetBase = requirement.year.map { year in
                    (budgetYears.firstIndex(of: year).map { model.budget[$0] } ?? 0) / unit
                } ?? totalBudgetBillions
                try model.linearModel.setRightHandSide(requirement.share * budgetBase, of: row)
            }
        } catch {
            throw .solverFailed(error)
        }
        return model
    }

    /// The years after the horizon whose shortage counts: `terminal_years` of `fund.yaml`, else
    /// the longest duration of a programme the fund can buy seats in (so a scholarship bought in
    /// the last budget year is valued over its graduates' first years at work).
    static func terminalYears(scenario: Scenario, columns: [InstrumentColumn]) -> Int {
        if let years = scenario.fund.terminalYears { return years }
        return columns.reduce(0) { longest, column in
            column.kind == .scholarship || column.kind == .onsite
                ? max(longest, scenario.programs[column.source].durationYears) : longest
        }
    }
}
