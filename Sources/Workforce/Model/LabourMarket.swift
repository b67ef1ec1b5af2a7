/// Where a programme's graduates go to work: the origin → destination share matrix of the
/// forecast, per skill, built from three shares (`mobility:` in `scenario.yaml`).
///
/// A graduate of a programme in province `o` works
/// - in `o` with probability ``stayShare``;
/// - in another province of `o`'s macro-region with probability ``macroRegionShare``, spread over
///   those provinces in proportion to their base-year demand for the skill (the share stays in `o`
///   when the macro-region has no other province with demand);
/// - anywhere in the country (origin included) with probability ``nationalShare``, in proportion
///   to base-year demand.
///
/// The three shares sum to 1. ``rows`` replaces the default row of an origin by explicit shares.
public struct GraduateMobility: Hashable, Sendable {
    /// Share of graduates who work in the province of their programme.
    public var stayShare: Double
    /// Share who move within the macro-region.
    public var macroRegionShare: Double
    /// Share who go wherever demand is, nationally.
    public var nationalShare: Double
    /// Explicit rows, origin → destination → share (each row sums to 1), replacing the default.
    public var rows: [Region.ID: [Region.ID: Double]]

    /// Shares as given; see the type's description.
    public init(
        stayShare: Double, macroRegionShare: Double, nationalShare: Double,
        rows: [Region.ID: [Region.ID: Double]] = [:]
    ) {
        self.stayShare = stayShare
        self.macroRegionShare = macroRegionShare
        self.nationalShare = nationalShare
        self.rows = rows
    }

    /// Every graduate works where they trained (the first wave's model, `--mobility none`).
    public static let stayInProvince = GraduateMobility(stayShare: 1, macroRegionShare: 0, nationalShare: 0)

    /// This mobility with the stay share moved to `stay` and the other two scaled to fill the rest
    /// (for uncertainty draws). Explicit rows are kept.
    public func withStayShare(_ stay: Double) -> GraduateMobility {
        let clamped = min(1, max(0, stay))
        let moving = macroRegionShare + nationalShare
        var result = self
        result.stayShare = clamped
        if moving > 0 {
            result.macroRegionShare = (1 - clamped) * macroRegionShare / moving
            result.nationalShare = (1 - clamped) * nationalShare / moving
        } else {
            result.macroRegionShare = 1 - clamped
        }
        return result
    }
}

/// How the forecast lets supply reach demand across provinces (`--mobility`).
public enum MobilityMode: String, CaseIterable, Hashable, Sendable, Codable {
    /// Graduates work where they trained; every province is its own labour market.
    case none
    /// Graduates move by the scenario's ``GraduateMobility``; every province is its own market.
    case scenario
    /// Each skill is one national labour market: shortage is national demand minus national supply.
    case national
}

/// Why engineers leave the stock each year, as shares of the stock (`separations` of a skill).
///
/// The three parts sum to the skill's attrition rate; replacement demand is split the same way.
public struct SeparationRates: Hashable, Sendable, Codable {
    /// Retirements: the share of the stock at the last working age (from the age profile).
    public var retirement: Double
    /// Occupational transfers out of the skill's engineering jobs.
    public var transfer: Double
    /// Emigration, deaths and other exits.
    public var other: Double

    /// Rates as given.
    public init(retirement: Double, transfer: Double, other: Double) {
        self.retirement = retirement
        self.transfer = transfer
        self.other = other
    }

    /// The attrition rate `a_s`: the sum of the parts.
    public var total: Double { retirement + transfer + other }

    /// These rates scaled so that they sum to `total` (all to ``other`` when they sum to 0).
    public func scaled(toTotal total: Double) -> SeparationRates {
        let current = self.total
        guard current > 0 else { return SeparationRates(retirement: 0, transfer: 0, other: total) }
        let factor = total / current
        return SeparationRates(retirement: retirement * factor, transfer: transfer * factor, other: other * factor)
    }
}

/// The age distribution of a skill's engineers in the base year, in bands of whole years.
public struct AgeProfile: Hashable, Sendable {
    /// One band: ages `from … to` (inclusive) hold `share` of the stock.
    public struct Band: Hashable, Sendable {
        public var from: Int
        public var to: Int
        public var share: Double

        public init(from: Int, to: Int, share: Double) {
            self.from = from
            self.to = to
            self.share = share
        }
    }

    /// Bands in increasing age, not overlapping; shares sum to 1.
    public var bands: [Band]

    public init(bands: [Band]) { self.bands = bands }

    /// The share of the stock that reaches `retirementAge` in a year: the share aged
    /// `retirementAge − 1`, with ages spread evenly within their band.
    public func retirementRate(retirementAge: Int) -> Double {
        let lastWorkingAge = retirementAge - 1
        guard let band = bands.first(where: { $0.from <= lastWorkingAge && lastWorkingAge <= $0.to }) else { return 0 }
        return band.share / Double(band.to - band.from + 1)
    }
}

/// What a curriculum's completers are to the engineer stock.
public enum CompleterKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// New people join the industry: the stock's headcount grows.
    case newHeadcount = "new-headcount"
    /// Staff already at work gain the skill: no new headcount, only effective supply.
    case upskilledStaff = "upskilled-staff"
}
