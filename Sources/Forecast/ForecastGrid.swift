import Workforce

/// Dense values over skill × region × year positions, one `Double` per cell.
///
/// Positions are indices into ``Forecast/skills``, ``Forecast/regions`` and ``Forecast/years``.
/// Values are stored in skill, region, year order (the year varies fastest), so
/// `values[offset(skill:region:year:)]` is the cell and one skill × region series is contiguous.
public struct ForecastGrid: Hashable, Sendable {
    /// Number of skill positions.
    public let skillCount: Int
    /// Number of region positions.
    public let regionCount: Int
    /// Number of year positions.
    public let yearCount: Int
    /// The values, `skillCount · regionCount · yearCount` of them, year fastest.
    public internal(set) var values: [Double]

    /// A grid of zeros.
    public init(skillCount: Int, regionCount: Int, yearCount: Int) {
        self.skillCount = max(0, skillCount)
        self.regionCount = max(0, regionCount)
        self.yearCount = max(0, yearCount)
        values = Array(repeating: 0, count: self.skillCount * self.regionCount * self.yearCount)
    }

    /// The index into ``values`` of a cell.
    @inlinable
    public func offset(skill: Int, region: Int, year: Int) -> Int {
        (skill * regionCount + region) * yearCount + year
    }

    /// Whether the positions lie inside the grid.
    public func contains(skill: Int, region: Int, year: Int) -> Bool {
        (0..<skillCount).contains(skill) && (0..<regionCount).contains(region)
            && (0..<yearCount).contains(year)
    }

    /// The value at skill, region and year positions (which must be inside the grid).
    public subscript(skill: Int, region: Int, year: Int) -> Double {
        get { values[offset(skill: skill, region: region, year: year)] }
        set { values[offset(skill: skill, region: region, year: year)] = newValue }
    }

    /// This grid with `transform` applied to every value.
    public func map(_ transform: (Double) -> Double) -> ForecastGrid {
        var result = self
        for index in result.values.indices { result.values[index] = transform(result.values[index]) }
        return result
    }

    /// The sum of all values.
    public var sum: Double { values.reduce(0, +) }
}
