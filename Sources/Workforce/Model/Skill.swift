/// An engineering skill the fund wants more of: materials, mould technology, automation,
/// production management.
public struct Skill: Identifiable, Hashable, Sendable {
    public typealias ID = Code<Skill>
    public var id: ID
    /// Display name, e.g. "Mould and die technology".
    public var name: String
    /// Weight `w_s` of one engineer-year of shortage of this skill in the allocation objective.
    public var weight: Double
    /// Why engineers leave each year; their sum is the attrition rate `a_s`.
    public var separations: SeparationRates
    /// The base-year age distribution the retirement rate comes from, when the scenario gives one.
    public var ageProfile: AgeProfile?

    /// A skill whose attrition is not split (all of it counts as other exits).
    public init(id: ID, name: String, weight: Double, attritionRate: Double) {
        self.init(id: id, name: name, weight: weight,
                  separations: SeparationRates(retirement: 0, transfer: 0, other: attritionRate))
    }

    /// A skill with its separations split into retirement, transfers and other exits.
    public init(id: ID, name: String, weight: Double, separations: SeparationRates, ageProfile: AgeProfile? = nil) {
        self.id = id
        self.name = name
        self.weight = weight
        self.separations = separations
        self.ageProfile = ageProfile
    }

    /// Share `a_s` of the engineer stock that leaves the industry each year (0–1): the sum of the
    /// separation rates. Setting it scales the parts in proportion.
    public var attritionRate: Double {
        get { separations.total }
        set { separations = separations.scaled(toTotal: newValue) }
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
