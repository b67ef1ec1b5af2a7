/// An engineering skill the fund wants more of: materials, mould technology, automation,
/// production management.
public struct Skill: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Skill>
    public var id: ID
    /// Display name, e.g. "Mould and die technology".
    public var name: String
    /// Weight `w_s` of one engineer-year of shortage of this skill in the allocation objective.
    public var weight: Double
    /// Share `a_s` of the engineer stock that leaves the industry each year (0–1).
    public var attritionRate: Double

    public init(id: ID, name: String, weight: Double, attritionRate: Double) {
        self.id = id
        self.name = name
        self.weight = weight
        self.attritionRate = attritionRate
    }
}

/// A province or centrally run city.
public struct Region: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Region>
    public var id: ID
    /// Display name with its Vietnamese diacritics, e.g. "Bắc Ninh".
    public var name: String
    /// The socio-economic macro-region, e.g. "Red River Delta".
    public var macroRegion: String

    public init(id: ID, name: String, macroRegion: String) {
        self.id = id
        self.name = name
        self.macroRegion = macroRegion
    }
}
