import Forecast
import Optimization
import Workforce

/// The size of a built model.
public struct ModelSize: Hashable, Sendable, Codable {
    /// Columns.
    public var variables: Int
    /// Integer columns (the seats and stipends).
    public var integerVariables: Int
    /// Rows.
    public var constraints: Int
    /// Nonzero coefficients of the constraint matrix.
    public var nonzeros: Int

    /// A size; see the properties.
    public init(variables: Int, integerVariables: Int, constraints: Int, nonzeros: Int) {
        self.variables = variables
        self.integerVariables = integerVariables
        self.constraints = constraints
        self.nonzeros = nonzeros
    }

    enum CodingKeys: String, CodingKey {
        case variables
        case integerVariables = "integer_variables"
        case constraints, nonzeros
    }
}

/// One instrument column `x[p,t]`, `y[j,t]` or `z[o,t]` and what it stands for.
struct InstrumentColumn: Sendable {
    var kind: InstrumentKind
    /// Position in `scenario.programs` (scholarship, on-site) or `scenario.postings`.
    var source: Int
    /// The programme or posting id.
    var code: String
    var year: Int
    var variable: Variable
    var upperBound: Int
    var cost: CostSchedule
    /// Per-unit charge to each budget year, whole VND.
    var charges: [CostSchedule.Payment]
    var effect: EffectSchedule
    var skillPosition: Int
    var regionPosition: Int
    var institution: Institution.ID?
    var enterprise: Enterprise.ID?
    var isDomesticSME: Bool
    /// The row `landed.def[s,r,L]` the column feeds, nil when its supply closes no shortage.
    var flowRow: Constraint?
    /// The postings an internship column stands for (positions in `scenario.postings`, scenario
    /// order); `[source]` for programme columns.
    var members: [Int]
}

/// One `capacity[p,τ]` row: `seats[p,τ] − Σ expand[p,t ≤ τ − lead] ≤ spare`.
struct CapacityLimit: Sendable {
    /// The scholarship column.
    var seats: Int
    /// The expansion columns whose seats have arrived by the scholarship's intake year.
    var expansions: [Int]
    /// The programme's spare capacity without expansion.
    var spare: Int
}

/// The fund-allocation model of DESIGN.md ("The model", "Instruments", "Constraints") over the
/// Optimization layer, with the maps from the scenario's entities to its columns and rows.
///
/// ## Formulation
/// Money in the model is in **billions of VND** (`1e9` VND), which keeps coefficients near 1.
///
/// Columns:
/// - `seats[p,t]` (`x`), `interns[j,t]` (`y`), `onsite[o,t]` (`z`): integer, `0 … spare capacity`
///   (or the posting's slots), one per budget year `t`; an instrument switched off in `fund.yaml`,
///   or a programme with no spare capacity, has none.
/// - `expand[p,t]` (with `capacity_expansion`): integer seats of yearly intake added to degree
///   programme `p` in budget year `t` at a one-off cost, `Σ_t expand[p,t] ≤ ⌊share · capacity⌋`
///   (`expand.max[p]`); the row `capacity[p,τ]: seats[p,τ] − Σ_{t ≤ τ−lead} expand[p,t] ≤ spare`
///   lets scholarship seats use them. They add engineers only through the seats that fill them.
/// - `landed[s,r,L] = Σ k_i · v_i` over the instruments whose supply lands in skill `s`, region
///   `r`, year `L` (``EffectSchedule``), defined by the row `landed.def[s,r,L]`. Created only when
///   some shortage row of `(s,r)` at or after `L` exists, so supply landing after the horizon or
///   where there is no shortage has no column to feed and closes nothing.
/// - `arrived[s,m,L] = Σ_o M_s[o→m] · landed[s,o,L]`: what lands in labour market `m` (a
///   province, or the country under national mobility) after graduate mobility (the forecast's
///   ``MobilityMatrix``); `landed` itself when all of it reaches one market.
/// - `short[s,m,τ] ≥ 0` (`u`), one per market and year with a gap `> 0`, with the row
///   `short.def[s,m,τ]`: `u + Σ_{L ≤ τ} (1−a_s)^(τ−L) · arrived[s,m,L] ≥ Gap0[s,m,τ]`. Rows run
///   over the horizon and ``terminalYears`` after it, where the gap is the last year's held
///   constant: engineers arriving after the horizon keep their value (the terminal value), so
///   late money is not worthless. Cells without shortage need no row.
/// - `spend[t]`, the money charged to budget year `t` (``CostSchedule``), defined by
///   `spend.def[t]`; `spend.region[r]` for the regional rules, defined by `spend.region.def[r]`.
///
/// Rows: `budget[t]: spend[t] ≤ B_t` each year, or with carry-over
/// `budget.cumulative[t]: Σ_{t' ≤ t} spend[t'] ≤ Σ_{t' ≤ t} B_t'`; one row per
/// ``FairnessRequirement`` (`fair.<rule>[subject]`: `measure − share · base ≥ 0` or `≤ 0`, base
/// `Σ_t spend[t]`, or for the SME rule the internship spend).
///
/// Objective (minimised): `Σ w_s · β^(τ−t0) · short[s,r,τ] + ε · Σ_t spend[t]`, `β = 1/(1 +
/// discount rate)`. Its unit is the *weighted, discounted engineer-year*. The tie-break `ε` (per
/// billion VND) is `10⁻⁴ · min_s w_s · β^(H−1) / max(1, total budget in billions)`: spending the
/// whole budget is worth less than `10⁻⁴` of the least valued engineer-year, so the tie-break
/// never trades an engineer-year (nor a thousandth of one) for money, yet among plans that close
/// the same shortage it prefers the cheaper, and it keeps supply that closes nothing at zero.
public struct AllocationModel: Sendable {
    /// Money unit of the model's rows and columns: one billion VND.
    public static let moneyUnit: Double = 1e9
    /// The share of the least valued engineer-year that spending the whole budget is worth in the
    /// tie-break.
    public static let tieBreakShare: Double = 1e-4

    /// The linear model (integer seats). Its `relaxed()` copy is the LP relaxation.
    public internal(set) var linearModel: LinearModel
    /// The planned years `t0 … t0+H−1`.
    public let years: [Int]
    /// The budget years, increasing.
    public let budgetYears: [Int]
    /// Each budget year's budget in VND, after the multiplier.
    public internal(set) var budget: [Double]
    /// The multiplier applied to `fund.yaml`'s budgets.
    public internal(set) var budgetMultiplier: Double
    /// Whether unspent money carries over to later years.
    public let carryOver: Bool
    /// The fairness rows, in the model's order.
    public let requirements: [FairnessRequirement]
    /// The tie-break `ε` per billion VND of spend.
    public internal(set) var tieBreakPerBillion: Double
    /// Wall-clock seconds the build took (for reports; not deterministic).
    public internal(set) var buildSeconds: Double

    let scenario: Scenario
    let forecast: Forecast
    /// `w_s` by skill position.
    let weights: [Double]
    /// `β^(τ−t0)` by year position.
    let discounts: [Double]
    var columns: [InstrumentColumn]
    let spendVariables: [Variable]
    let budgetRows: [Constraint]
    let requirementRows: [Constraint]
    /// Elastic slack of each requirement row (empty unless built elastic).
    let slackVariables: [Variable]
    /// The row `policy.minimum-spend`, when built with a minimum spend.
    let minimumSpendRow: Constraint?
    /// Regions (scenario order) that have an instrument column.
    let regionsWithInstruments: [Region.ID]
    /// Years after the horizon whose shortage the objective counts (the terminal value).
    public let terminalYears: Int
    /// The `interns.pool` rows: internship columns (positions in `columns`) and the eligible
    /// students they may not exceed in a year, for the rounding repair.
    let internPools: [(columns: [Int], students: Int)]
    /// The `capacity[p,τ]` rows: a scholarship column (position in `columns`) may not exceed the
    /// programme's spare capacity plus the expansion columns that have arrived by its year.
    let capacityLimits: [CapacityLimit]
    /// The `relocate.balance[s,t]` rows: arrival and departure columns (positions in `columns`)
    /// whose sums are equal.
    let relocationBalances: [(arrivals: [Int], departures: [Int])]

    /// The size of the model.
    public var size: ModelSize {
        ModelSize(
            variables: linearModel.variableCount, integerVariables: linearModel.integerVariableCount,
            constraints: linearModel.constraintCount, nonzeros: linearModel.nonzeroCount)
    }

    /// The model's MPS text (integer seats), as `skillplan allocate --write-mps` writes it.
    /// - Throws: ``AllocationError/solverFailed(_:)`` when the model has an invalid number.
    public func mps() throws(AllocationError) -> String {
        do { return try linearModel.mps() } catch { throw .solverFailed(error) }
    }

    /// The column `seats[p,t]`, `interns[j,t]` or `onsite[o,t]` of an instrument, nil when the
    /// model has none (instrument off, no spare capacity, not a budget year). A posting shares
    /// the column of the first posting alike in skill, region, domestic-SME flag and stipend.
    /// - Complexity: O(columns).
    public func variable(_ kind: InstrumentKind, _ code: String, year: Int) -> Variable? {
        columns.first { column in
            column.kind == kind && column.year == year
                && (column.code == code
                    || (kind == .internship && column.members.contains { scenario.postings[$0].id.rawValue == code }))
        }?.variable
    }

    /// The budget row of a budget year (`budget[t]`, or `budget.cumulative[t]` with carry-over).
    public func budgetConstraint(year: Int) -> Constraint? {
        budgetYears.firstIndex(of: year).map { budgetRows[$0] }
    }

    /// The rows of a fairness rule group, in the order of ``requirements``.
    public func constraints(of rule: FairnessRuleKind) -> [Constraint] {
        zip(requirements, requirementRows).filter { $0.0.rule == rule }.map(\.1)
    }

    /// The row of a requirement by its name, e.g. `fair.regional-floor[HN]`.
    public func constraint(named name: String) -> Constraint? {
        zip(requirements, requirementRows).first { $0.0.name == name }?.1
    }

    /// The rule groups that have at least one row in the model.
    public var activeRules: [FairnessRuleKind] {
        FairnessRuleKind.allCases.filter { kind in requirements.contains { $0.rule == kind } }
    }

    /// The total spend `Σ_t spend[t]` (billions of VND) in a solution.
    func totalSpendBillions(_ solution: Solution) -> Double {
        spendVariables.reduce(0) { $0 + solution.value(of: $1) }
    }

    /// The shadow price of each budget year's budget (objective units per billion VND; ≤ 0):
    /// with carry-over, the budget of year `t` is in every cumulative row from `t` on; caps are
    /// shares of the whole budget, so each cap row adds `share ×` its shadow price.
    func budgetShadowPrices(_ solution: Solution) -> [Double]? {
        var capPrice = 0.0
        var capPriceByYear: [Int: Double] = [:]
        for (requirement, row) in zip(requirements, requirementRows) where requirement.base == .budget {
            guard let price = solution.shadowPrice(of: row) else { return nil }
            if let year = requirement.year {
                capPriceByYear[year, default: 0] += requirement.share * price
            } else {
                capPrice += requirement.share * price
            }
        }
        return budgetRowPrices(solution).map { prices in
            zip(budgetYears, prices).map { year, price in price + capPrice + (capPriceByYear[year] ?? 0) }
        }
    }

    /// The budget rows' own shadow prices, per budget year.
    private func budgetRowPrices(_ solution: Solution) -> [Double]? {
        var prices: [Double] = []
        for index in budgetYears.indices {
            if carryOver {
                var sum = 0.0
                for later in index..<budgetRows.count {
                    guard let price = solution.shadowPrice(of: budgetRows[later]) else { return nil }
                    sum += price
                }
                prices.append(sum)
            } else {
                guard let price = solution.shadowPrice(of: budgetRows[index]) else { return nil }
                prices.append(price)
            }
        }
        return prices
    }
}
