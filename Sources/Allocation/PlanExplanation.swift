import Workforce

/// Why the plan is what it is, read from the LP relaxation's duals and reduced costs.
///
/// **Units.** The objective is in *weighted, discounted engineer-years*: an engineer-year of
/// shortage of skill `s` in year `τ` counts `w_s · β^(τ−t0)`. With all weights 1 and no discount it
/// is plain engineer-years. Money is priced per **billion VND**.
public struct PlanExplanation: Hashable, Sendable, Codable {
    /// The price of each budget year's budget.
    public var budgetShadowPrices: [BudgetShadowPrice]
    /// Rule groups whose rows have a nonzero dual, with what they cost.
    public var bindingRules: [RuleCost]
    /// Programmes (scholarship and on-site) that got no seats, with the reason.
    public var idlePrograms: [IdleProgram]

    /// An explanation; see the properties.
    public init(budgetShadowPrices: [BudgetShadowPrice], bindingRules: [RuleCost], idlePrograms: [IdleProgram]) {
        self.budgetShadowPrices = budgetShadowPrices
        self.bindingRules = bindingRules
        self.idlePrograms = idlePrograms
    }

    enum CodingKeys: String, CodingKey {
        case budgetShadowPrices = "budget_shadow_prices"
        case bindingRules = "binding_rules"
        case idlePrograms = "idle_programs"
    }
}

/// What one more billion VND in a budget year would buy.
///
/// `shadowPrice` is `∂ objective / ∂ B_t` of the LP relaxation, per billion VND: ≤ 0, since more
/// budget can only lower the shortage. `engineerYearsPerBillion = −shadowPrice` is the weighted,
/// discounted engineer-years of shortage one more billion VND in year `t` closes (it includes the
/// tie-break, at most 10⁻⁴ of an engineer-year over the whole budget). With carry-over, the budget
/// of year `t` also loosens every later cumulative row, and the price sums their duals. Valid for
/// changes small enough to keep the LP basis optimal.
public struct BudgetShadowPrice: Hashable, Sendable, Codable {
    /// The year.
    public var year: Int
    /// The year's budget, VND.
    public var budget: Double
    /// Charged to the year in the LP relaxation, VND.
    public var spentInRelaxation: Double
    /// Objective units per billion VND (≤ 0).
    public var shadowPrice: Double
    /// `−shadowPrice`: weighted, discounted engineer-years closed per extra billion VND.
    public var engineerYearsPerBillion: Double

    enum CodingKeys: String, CodingKey {
        case year, budget
        case spentInRelaxation = "spent_in_relaxation"
        case shadowPrice = "shadow_price"
        case engineerYearsPerBillion = "engineer_years_per_billion"
    }
}

/// A binding fairness rule group and the shortage it costs.
public struct RuleCost: Hashable, Sendable, Codable {
    /// The rule group.
    public var rule: FairnessRuleKind
    /// Its rows with a nonzero dual.
    public var bindingRows: [String]
    /// LP objective with the rule minus without it: weighted, discounted engineer-years the rule
    /// costs (≥ 0); nil when not priced (``AllocationOptions/priceBindingRules`` off).
    public var shortageCost: Double?

    enum CodingKeys: String, CodingKey {
        case rule
        case bindingRows = "binding_rows"
        case shortageCost = "shortage_cost"
    }
}

/// Why a programme got no seats.
public enum IdleReason: String, Hashable, Sendable, Codable {
    /// Capacity equals baseline intake: there is no seat to buy.
    case noSpareCapacity = "no_spare_capacity"
    /// Seats bought in any budget year graduate after the horizon.
    case graduatesAfterHorizon = "graduates_after_horizon"
    /// No shortage of its skill in its region when and after its graduates arrive.
    case noShortage = "no_shortage"
    /// Other instruments already close the shortage it would close (its graduates are worth 0).
    case shortageAlreadyClosed = "shortage_already_closed"
    /// Too expensive for what it adds: see the required cost or effectiveness.
    case notCostEffective = "not_cost_effective"
    /// As good as funded options (reduced cost 0): zero by a tie.
    case onTheMargin = "on_the_margin"
    /// Gets seats in the LP relaxation but none in the integer plan.
    case roundedOut = "rounded_out"
    /// Its instrument is switched off in `fund.yaml`.
    case instrumentDisabled = "instrument_disabled"
}

/// A programme left at zero and why, from the reduced cost of its best intake year.
///
/// The reduced cost `d ≥ 0` of a seat splits into what a seat is worth, `value = −k · π_landed`
/// (the dual of its `landed.def` row times its engineers per seat), and what it costs in the
/// budget and fairness rows, `price = d + value`. Both scale linearly: the seat would get seats
/// if its cost per seat fell to `unit cost · value / price`, or if it added `price / value` times
/// as many engineers per seat.
public struct IdleProgram: Hashable, Sendable, Codable {
    /// The programme.
    public var program: Program.ID
    /// Scholarship or on-site.
    public var instrument: InstrumentKind
    /// Why it got no seats.
    public var reason: IdleReason
    /// The intake year the numbers refer to (its least unattractive year), if any.
    public var year: Int?
    /// Total cost per seat (all years of study), VND.
    public var unitCost: Double
    /// The cost per seat at which it would get seats, VND.
    public var requiredUnitCost: Double?
    /// `1 − required / unit cost`, as a share.
    public var requiredCostReduction: Double?
    /// How many times as effective (engineers per seat) it would have to be.
    public var requiredEffectivenessFactor: Double?
    /// The reduced cost (objective units per seat).
    public var reducedCost: Double?
    /// The reason in words.
    public var text: String

    enum CodingKeys: String, CodingKey {
        case program, instrument, reason, year
        case unitCost = "unit_cost"
        case requiredUnitCost = "required_unit_cost"
        case requiredCostReduction = "required_cost_reduction"
        case requiredEffectivenessFactor = "required_effectiveness_factor"
        case reducedCost = "reduced_cost"
        case text
    }
}
