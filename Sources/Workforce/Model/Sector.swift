/// The localisation rate of a sector over time: anchor years with rates, linear between them.
public struct LocalisationPath: Hashable, Sendable {
    /// One anchor: in `year` the share of the sector's output made locally is `rate` (0–1).
    public struct Anchor: Hashable, Sendable {
        public var year: Int
        public var rate: Double
        public init(year: Int, rate: Double) {
            self.year = year
            self.rate = rate
        }
    }

    /// Anchors in strictly increasing year order (the loader checks this).
    public var anchors: [Anchor]

    public init(anchors: [Anchor]) { self.anchors = anchors }

    /// The years the path covers, from the first anchor to the last.
    public var coveredYears: ClosedRange<Int>? {
        guard let first = anchors.first, let last = anchors.last, first.year <= last.year else { return nil }
        return first.year...last.year
    }

    /// The localisation rate `L[k,t]` in `year`, linear between the anchors around it; held flat
    /// before the first and after the last anchor (validation keeps the horizon inside).
    public func rate(in year: Int) -> Double {
        guard let first = anchors.first, let last = anchors.last else { return 0 }
        if year <= first.year { return first.rate }
        if year >= last.year { return last.rate }
        for (earlier, later) in zip(anchors, anchors.dropFirst()) where year <= later.year {
            let fraction = Double(year - earlier.year) / Double(later.year - earlier.year)
            return earlier.rate + fraction * (later.rate - earlier.rate)
        }
        return last.rate
    }
}

/// A supporting-industry sector: automobiles and parts, electronics, moulds and dies, …
public struct Sector: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Sector>
    public var id: ID
    public var name: String
    /// Gross output `Y[k,r,t0]` in the base year by region, in trillion VND.
    public var baseOutput: [Region.ID: Double]
    /// Yearly real growth of output (0.08 = 8 %/year).
    public var growthRate: Double
    /// `L[k,t]`: the share of output made locally.
    public var localisation: LocalisationPath
    /// `I[s,k]`: engineers of each skill per trillion VND of localised output, at base-year productivity.
    public var intensity: [Skill.ID: Double]

    public init(
        id: ID, name: String, baseOutput: [Region.ID: Double], growthRate: Double,
        localisation: LocalisationPath, intensity: [Skill.ID: Double]
    ) {
        self.id = id
        self.name = name
        self.baseOutput = baseOutput
        self.growthRate = growthRate
        self.localisation = localisation
        self.intensity = intensity
    }
}
