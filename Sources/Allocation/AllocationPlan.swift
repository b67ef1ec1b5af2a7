import Optimization
import Workforce

/// How the solve behind a plan ended, in stable words for JSON and CSV.
public enum PlanStatus: String, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Optimal (an integer plan: within the relative gap of the bound).
    case optimal
    /// A time limit stopped the integer search; the plan is feasible, ``AllocationPlan/gap`` says
    /// how far from the bound it may be.
    case stopped

    /// `optimal` or `stopped`.
    public var description: String { rawValue }
}

/// An amount of money in one year.
public struct YearAmount: Hashable, Sendable, Codable {
    /// The year.
    public var year: Int
    /// VND (fractional only in an LP relaxation's plan).
    public var amount: Double

    /// An amount in a year.
    public init(year: Int, amount: Double) {
        self.year = year
        self.amount = amount
    }
}

/// Scholarship seats bought in one programme in one intake year.
public struct ScholarshipAward: Hashable, Sendable, Codable {
    /// The programme.
    public var program: Program.ID
    /// The institution teaching it.
    public var institution: Institution.ID
    /// The region where the engineers are added.
    public var region: Region.ID
    /// The skill of the engineers added.
    public var skill: Skill.ID
    /// The intake year `t`.
    public var intakeYear: Int
    /// Seats (whole numbers unless the plan is an LP relaxation).
    public var seats: Double
    /// Tuition plus living support per seat per year of study, VND.
    public var unitCostPerYear: Double
    /// `seats × unit cost per year × years of study`, VND.
    public var totalCost: Double
    /// Payments by the calendar year they are paid, VND.
    public var costByYear: [YearAmount]
    /// Engineers the seats add to the stock when they graduate (`seats · c · e`).
    public var engineersAdded: Double
    /// The year they join the stock.
    public var graduationYear: Int

    enum CodingKeys: String, CodingKey {
        case program, institution, region, skill
        case intakeYear = "intake_year"
        case seats
        case unitCostPerYear = "unit_cost_per_year"
        case totalCost = "total_cost"
        case costByYear = "cost_by_year"
        case engineersAdded = "engineers_added"
        case graduationYear = "graduation_year"
    }
}

/// Internship stipends funded at one posting in one year.
public struct InternshipAward: Hashable, Sendable, Codable {
    /// The posting.
    public var posting: InternshipPosting.ID
    /// The enterprise offering it.
    public var enterprise: Enterprise.ID
    /// The region where the engineers are added.
    public var region: Region.ID
    /// The skill of the engineers added.
    public var skill: Skill.ID
    /// The year.
    public var year: Int
    /// Funded interns.
    public var interns: Double
    /// Stipend per intern (per month × months), VND.
    public var unitCost: Double
    /// VND.
    public var cost: Double
    /// Whether the enterprise is a domestic micro, small or medium enterprise.
    public var isDomesticSME: Bool
    /// Engineers the stipends add the year after (`interns · uplift`).
    public var engineersAdded: Double

    enum CodingKeys: String, CodingKey {
        case posting, enterprise, region, skill, year, interns
        case unitCost = "unit_cost"
        case cost
        case isDomesticSME = "domestic_sme"
        case engineersAdded = "engineers_added"
    }
}

/// On-site training seats bought in one upskilling course in one year.
public struct OnsiteAward: Hashable, Sendable, Codable {
    /// The programme.
    public var program: Program.ID
    /// The institution teaching it.
    public var institution: Institution.ID
    /// The enterprise hosting the course, if any.
    public var hostEnterprise: Enterprise.ID?
    /// The region where the engineers are added.
    public var region: Region.ID
    /// The skill of the engineers added.
    public var skill: Skill.ID
    /// The year.
    public var year: Int
    /// Seats (whole numbers unless the plan is an LP relaxation).
    public var seats: Double
    /// Course tuition per seat, VND.
    public var unitCost: Double
    /// VND.
    public var cost: Double
    /// Engineers the seats add (`seats · c · e`).
    public var engineersAdded: Double

    enum CodingKeys: String, CodingKey {
        case program, institution
        case hostEnterprise = "host_enterprise"
        case region, skill, year, seats
        case unitCost = "unit_cost"
        case cost
        case engineersAdded = "engineers_added"
    }
}

/// Seats of yearly intake added to one degree programme in one year (`capacity_expansion`).
public struct CapacityExpansionAward: Hashable, Sendable, Codable {
    /// The programme.
    public var program: Program.ID
    /// The institution teaching it.
    public var institution: Institution.ID
    /// The region of the institution.
    public var region: Region.ID
    /// The skill the programme teaches.
    public var skill: Skill.ID
    /// The year the seats are bought (and paid).
    public var year: Int
    /// The first intake year the seats can take students.
    public var firstIntakeYear: Int
    /// Seats of yearly intake added.
    public var seats: Double
    /// The one-off cost per seat, VND.
    public var unitCost: Double
    /// VND.
    public var cost: Double

    enum CodingKeys: String, CodingKey {
        case program, institution, region, skill, year
        case firstIntakeYear = "first_intake_year"
        case seats
        case unitCost = "unit_cost"
        case cost
    }
}

/// Graduates of one skill paid to move in one year, seen from one province: arriving where the
/// skill is short, or leaving where it is in surplus (`relocation`). Arrivals and departures of
/// a skill and year are equal; only arrivals are paid.
public struct RelocationAward: Hashable, Sendable, Codable {
    /// Whether graduates arrive in or leave ``region``.
    public enum Direction: String, Hashable, Sendable, Codable {
        case arriving, leaving
    }

    public var skill: Skill.ID
    public var region: Region.ID
    public var year: Int
    public var direction: Direction
    /// Graduates (whole numbers unless the plan is an LP relaxation).
    public var graduates: Double
    /// The stipend per arriving graduate, VND (0 for departures).
    public var unitCost: Double
    /// VND.
    public var cost: Double

    enum CodingKeys: String, CodingKey {
        case skill, region, year, direction, graduates
        case unitCost = "unit_cost"
        case cost
    }
}

/// Money charged to one budget year, by instrument, against its budget.
public struct YearSpend: Hashable, Sendable, Codable {
    /// The year.
    public var year: Int
    /// The year's budget (after the multiplier), VND.
    public var budget: Double
    /// Scholarships charged to the year, VND.
    public var scholarships: Double
    /// Internship stipends charged to the year, VND.
    public var internships: Double
    /// On-site training charged to the year, VND.
    public var onsite: Double
    /// Capacity expansion charged to the year, VND; nil when the policy has none.
    public var capacity: Double?
    /// Relocation stipends charged to the year, VND; nil when the policy has none.
    public var relocation: Double?
    /// All instruments, VND.
    public var total: Double
    /// `Σ budget − Σ spend` up to and including this year: what carries over (with carry-over)
    /// or lapses (without).
    public var unspentToDate: Double

    enum CodingKeys: String, CodingKey {
        case year, budget, scholarships, internships, onsite, capacity, relocation, total
        case unspentToDate = "unspent_to_date"
    }
}

/// The shortage of one skill in one region in one year, before and after the plan (engineers).
public struct ShortageCell: Hashable, Sendable, Codable {
    /// The skill of the engineers added.
    public var skill: Skill.ID
    /// The region where the engineers are added.
    public var region: Region.ID
    /// The year.
    public var year: Int
    /// `max(0, Gap0)`.
    public var before: Double
    /// `max(0, Gap0 − added)`.
    public var after: Double
    /// Engineers the plan adds to the stock in that year (after attrition).
    public var added: Double
}

/// Shortage summed over years (and skills or regions), in engineer-years.
public struct ShortageTotal: Hashable, Sendable, Codable {
    /// A skill or region code.
    public var code: String
    /// Shortage before the plan.
    public var before: Double
    /// Shortage after the plan.
    public var after: Double
    /// `before − after`.
    public var closed: Double

    /// A total; `closed` is `before − after`.
    public init(code: String, before: Double, after: Double) {
        self.code = code
        self.before = before
        self.after = after
        self.closed = before - after
    }
}

/// How a fairness row came out in the plan.
public struct FairnessOutcome: Hashable, Sendable, Codable {
    /// The rule group.
    public var rule: FairnessRuleKind
    /// The row, e.g. `fair.regional-floor[HN]`.
    public var row: String
    /// The region, institution or skill code, or `domestic-sme`.
    public var subject: String
    /// Whether the share is a floor or a cap.
    public var bound: FairnessRequirement.Bound
    /// The required share of the base.
    public var targetShare: Double
    /// The subject's share of the base in the plan (0 when the base is 0).
    public var achievedShare: Double
    /// The subject's spend, VND.
    public var achievedAmount: Double
    /// The base (total or internship spend), VND.
    public var baseAmount: Double
    /// Whether the row's dual in the LP relaxation is nonzero (the rule costs shortage).
    public var binding: Bool
    /// The row's dual in the LP relaxation (objective units per billion VND of slack).
    public var dual: Double

    enum CodingKeys: String, CodingKey {
        case rule, row, subject, bound
        case targetShare = "target_share"
        case achievedShare = "achieved_share"
        case achievedAmount = "achieved_amount"
        case baseAmount = "base_amount"
        case binding, dual
    }
}

/// The fund's plan: what to buy, what it costs, what it closes, and why.
///
/// `objective` is the objective value of the model ``mps()`` writes (the integer model, or its LP
/// relaxation for a plan made with ``AllocationOptions/relax``), in weighted, discounted
/// engineer-years plus the tie-break. Encoded as JSON with stable snake_case keys.
public struct AllocationPlan: Sendable, Codable {
    /// The scenario's short name.
    public var scenario: String
    /// The variant planned, `baseline` when none.
    public var variant: String
    /// How the solve ended.
    public var status: PlanStatus
    /// Whether the plan is the LP relaxation (fractional seats).
    public var relaxed: Bool
    /// The objective value: weighted, discounted engineer-years of shortage plus the tie-break.
    public var objective: Double
    /// The best proven bound on the objective.
    public var bestBound: Double?
    /// `|objective − bound| / max(1, |objective|)`.
    public var gap: Double?
    /// The solver and version, e.g. `CBC 2.10.8`.
    public var solver: String
    /// The multiple of `fund.yaml`'s budgets planned with.
    public var budgetMultiplier: Double
    /// Whether unspent money carried over.
    public var carryOver: Bool

    /// Scholarship seats, by programme and intake year.
    public var scholarships: [ScholarshipAward]
    /// Internship stipends, by posting and year.
    public var internships: [InternshipAward]
    /// On-site training seats, by course and year.
    public var onsite: [OnsiteAward]
    /// Seats added to programmes, by programme and year; nil when the policy has no
    /// `capacity_expansion` (and in plans written before it existed).
    public var capacityExpansions: [CapacityExpansionAward]?
    /// Graduates moved by relocation stipends, by skill, province, year and direction; nil when
    /// the policy has no `relocation`.
    public var relocations: [RelocationAward]?
    /// Money charged to each budget year.
    public var spendByYear: [YearSpend]
    /// Total spend, VND.
    public var totalSpend: Double
    /// Total budget (after the multiplier), VND.
    public var totalBudget: Double

    /// Engineer-years of shortage before the plan (unweighted, undiscounted).
    public var shortageBefore: Double
    /// Engineer-years of shortage after the plan.
    public var shortageAfter: Double
    /// Per skill, region and year; cells with no shortage before are left out.
    public var shortage: [ShortageCell]
    /// Engineer-years by skill, in the scenario's order.
    public var shortageBySkill: [ShortageTotal]
    /// Engineer-years by region, in the scenario's order.
    public var shortageByRegion: [ShortageTotal]
    /// `total spend / (before − after)`, VND per engineer-year closed; nil when nothing closes.
    public var costPerEngineerYearClosed: Double?

    /// Every fairness row, measured on the plan.
    public var fairness: [FairnessOutcome]
    /// Why the plan is what it is (from the LP relaxation).
    public var explanation: PlanExplanation
    /// The size of the model solved.
    public var size: ModelSize
    /// Seconds to build the model (not deterministic).
    public var buildSeconds: Double
    /// Seconds in the solver: the LP relaxation plus the integer solve (not deterministic).
    public var solveSeconds: Double

    /// Spend on units whose removal would not raise the shortage over the horizon and the terminal
    /// years: money that buys nothing, VND (see ``zeroEffectItems``).
    public var zeroEffectSpend: Double = 0
    /// Where ``zeroEffectSpend`` is, by instrument, item and year, with the binding rules on it.
    public var zeroEffectItems: [ZeroEffectSpend] = []
    /// Engineer-years of the horizon's shortage no instrument could close even if every programme,
    /// posting and course were bought to its limit: what money alone cannot reach.
    public var unreachableShortage: Double = 0
    /// Years after the horizon the objective counts (the terminal value).
    public var terminalYears: Int = 0
    /// Engineer-years the plan adds in those terminal years (graduates arriving late included).
    public var terminalEngineerYears: Double = 0

    /// The model that was solved (integer, or relaxed), for ``mps()``; not encoded.
    public var solvedModel: LinearModel?

    /// Engineer-years of shortage the plan closes.
    public var shortageClosed: Double { shortageBefore - shortageAfter }

    /// The MPS text of the solved model, whose optimum is ``objective``.
    /// - Throws: ``AllocationError/solverFailed(_:)``; ``AllocationError/invalidOption(_:)`` for a
    ///   decoded plan, which has no model.
    public func mps() throws(AllocationError) -> String {
        guard let solvedModel else { throw .invalidOption("this plan carries no model (decoded from JSON)") }
        do { return try solvedModel.mps() } catch { throw .solverFailed(error) }
    }

    enum CodingKeys: String, CodingKey {
        case scenario, variant, status, relaxed, objective
        case bestBound = "best_bound"
        case gap, solver
        case budgetMultiplier = "budget_multiplier"
        case carryOver = "carry_over"
        case scholarships, internships, onsite
        case capacityExpansions = "capacity_expansions"
        case relocations
        case spendByYear = "spend_by_year"
        case totalSpend = "total_spend"
        case totalBudget = "total_budget"
        case shortageBefore = "shortage_before"
        case shortageAfter = "shortage_after"
        case shortage
        case shortageBySkill = "shortage_by_skill"
        case shortageByRegion = "shortage_by_region"
        case costPerEngineerYearClosed = "cost_per_engineer_year_closed"
        case fairness, explanation, size
        case buildSeconds = "build_seconds"
        case solveSeconds = "solve_seconds"
        case zeroEffectSpend = "zero_effect_spend_vnd"
        case zeroEffectItems = "zero_effect_items"
        case unreachableShortage = "unreachable_shortage"
        case terminalYears = "terminal_years"
        case terminalEngineerYears = "terminal_engineer_years"
    }
}

/// Spend on one item that adds nothing to the objective: units whose removal would not raise the
/// shortage in any year (their supply lands where the shortage is already closed, or nowhere short).
public struct ZeroEffectSpend: Hashable, Sendable, Codable {
    /// `scholarship`, `internship`, `onsite`, `capacity` or `relocation`.
    public var instrument: InstrumentKind
    /// The programme or posting.
    public var item: String
    /// The year the units are bought.
    public var year: Int
    /// Units that close nothing.
    public var units: Double
    /// Their cost, VND.
    public var spend: Double
    /// Binding fairness rows whose subject includes the item (the likely reason it was bought).
    public var rules: [String]

    enum CodingKeys: String, CodingKey {
        case instrument, item, year, units
        case spend = "spend_vnd"
        case rules
    }
}
