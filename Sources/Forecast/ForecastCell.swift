import Workforce

/// Every figure of one skill in one region in one year, in engineers.
///
/// Demand, supply and gap are stocks (engineers needed or working in that year). Expansion and
/// replacement demand, graduates and entrants are flows during the year. In the base year the
/// stock is the observed initial stock, so the flows there are zero by definition.
public struct ForecastCell: Hashable, Sendable, Codable {
    /// The skill.
    public var skill: Skill.ID
    /// The region.
    public var region: Region.ID
    /// The calendar year.
    public var year: Int
    /// `D[s,r,t]`: engineers needed.
    public var demand: Double
    /// `D[t] − D[t−1]`: the change in engineers needed (0 in the base year).
    public var expansionDemand: Double
    /// `a_s · S[t−1]`: engineers attrition removes during the year (0 in the base year); the
    /// sum of ``retirements``, ``transfers`` and ``otherExits``.
    public var replacementDemand: Double
    /// Retirements during the year.
    public var retirements: Double
    /// Occupational transfers out during the year.
    public var transfers: Double
    /// Emigration, deaths and other exits during the year.
    public var otherExits: Double
    /// `S[s,r,t]`: engineers working.
    public var supply: Double
    /// `Σ_p G[p,t]`: people graduating from the skill's programmes in the region (0 in the base year).
    public var graduates: Double
    /// `Σ_p G[p,t] · e_p`: graduates who join the industry's stock (0 in the base year).
    public var entrants: Double
    /// `Gap0 = D − S`; positive is a shortage, negative a surplus.
    public var gap: Double

    /// The shortage `max(0, gap)`.
    public var shortage: Double { max(0, gap) }

    /// A cell with every figure given.
    public init(
        skill: Skill.ID, region: Region.ID, year: Int, demand: Double, expansionDemand: Double,
        replacementDemand: Double, retirements: Double = 0, transfers: Double = 0, otherExits: Double = 0,
        supply: Double, graduates: Double, entrants: Double, gap: Double
    ) {
        self.retirements = retirements
        self.transfers = transfers
        self.otherExits = otherExits
        self.skill = skill
        self.region = region
        self.year = year
        self.demand = demand
        self.expansionDemand = expansionDemand
        self.replacementDemand = replacementDemand
        self.supply = supply
        self.graduates = graduates
        self.entrants = entrants
        self.gap = gap
    }

    enum CodingKeys: String, CodingKey {
        case skill, region, year, demand
        case expansionDemand = "expansion_demand"
        case replacementDemand = "replacement_demand"
        case retirements, transfers
        case otherExits = "other_exits"
        case supply, graduates, entrants, gap
    }
}

/// Sums of cells, in engineers (stocks summed over years are engineer-years).
///
/// ``shortage`` is the sum of the cells' shortages, not the shortage of the summed gap: a surplus
/// in one region or skill does not fill a shortage in another.
public struct ForecastTotals: Hashable, Sendable, Codable {
    /// Summed demand.
    public var demand: Double = 0
    /// Summed expansion demand.
    public var expansionDemand: Double = 0
    /// Summed replacement demand.
    public var replacementDemand: Double = 0
    /// Summed retirements.
    public var retirements: Double = 0
    /// Summed occupational transfers out.
    public var transfers: Double = 0
    /// Summed other exits.
    public var otherExits: Double = 0
    /// Summed supply.
    public var supply: Double = 0
    /// Summed graduates.
    public var graduates: Double = 0
    /// Summed entrants.
    public var entrants: Double = 0
    /// Net gap, `demand − supply`.
    public var gap: Double = 0
    /// Sum of the cells' positive gaps.
    public var shortage: Double = 0

    /// All zeros.
    public init() {}

    /// Adds one cell's figures.
    public mutating func add(_ cell: ForecastCell) {
        demand += cell.demand
        expansionDemand += cell.expansionDemand
        replacementDemand += cell.replacementDemand
        retirements += cell.retirements
        transfers += cell.transfers
        otherExits += cell.otherExits
        supply += cell.supply
        graduates += cell.graduates
        entrants += cell.entrants
        gap += cell.gap
        shortage += cell.shortage
    }

    enum CodingKeys: String, CodingKey {
        case demand
        case expansionDemand = "expansion_demand"
        case replacementDemand = "replacement_demand"
        case retirements, transfers
        case otherExits = "other_exits"
        case supply, graduates, entrants, gap, shortage
    }
}
