import Workforce

/// What the table generator needs to know of a scenario: its regions, skills and sectors with
/// their base output by region (where enterprises sit) and intensities (which skills they post).
public struct ScenarioFrame: Sendable {
    /// One sector: its code, base output by region (trillion VND) and skill intensities.
    public struct SectorShape: Sendable {
        /// The sector code, e.g. `AUTO`.
        public var code: Sector.ID
        /// Base-year output by region, trillion VND; only the proportions matter here.
        public var outputByRegion: [Region.ID: Double]
        /// Engineers per trillion VND by skill; skills missing or all zero are drawn evenly.
        public var intensity: [Skill.ID: Double]

        /// A sector shape from its code, output by region and intensities.
        public init(code: Sector.ID, outputByRegion: [Region.ID: Double], intensity: [Skill.ID: Double]) {
            self.code = code
            self.outputByRegion = outputByRegion
            self.intensity = intensity
        }
    }

    /// Regions in file order.
    public var regions: [Region]
    /// Skill codes in file order.
    public var skills: [Skill.ID]
    /// Sectors in file order.
    public var sectors: [SectorShape]

    /// A frame from its parts.
    public init(regions: [Region], skills: [Skill.ID], sectors: [SectorShape]) {
        self.regions = regions
        self.skills = skills
        self.sectors = sectors
    }

    /// The frame of a loaded scenario.
    public init(_ scenario: Scenario) {
        self.init(
            regions: scenario.regions, skills: scenario.skills.map(\.id),
            sectors: scenario.sectors.map {
                SectorShape(code: $0.id, outputByRegion: $0.baseOutput, intensity: $0.intensity)
            })
    }

    /// Each region's total base output, in region order; regions without output get a small
    /// share so they still host a few firms.
    var regionWeights: [Double] {
        let totals = regions.map { region in sectors.reduce(0) { $0 + ($1.outputByRegion[region.id] ?? 0) } }
        let smallest = totals.filter { $0 > 0 }.min() ?? 1
        return totals.map { $0 > 0 ? $0 : smallest * 0.25 }
    }
}
