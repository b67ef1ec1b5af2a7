import Workforce

/// Seeded generation of scenario directories: the same scale and seed always give byte-identical
/// files.
public enum ScenarioSynthesizer {
    /// A whole scenario directory at `scale`: `scenario.yaml`, `fund.yaml`, the five CSV files and
    /// `Curricula/*.yaml`.
    /// - Complexity: O(size of the output); the national scale takes a few seconds at most.
    public static func generate(scale: SyntheticScale, seed: UInt64) -> SynthesizedScenario {
        let regions = Array(ProvinceCatalogue.provinces.prefix(scale.size.regions).map(\.region))
        let relative = ScenarioDocuments.relativeOutputs(regions: regions, seed: seed)
        let frame = ScenarioFrame(
            regions: regions, skills: Calibration.skills.map { Skill.ID($0.code) },
            sectors: Calibration.sectors.enumerated().map { k, sector in
                ScenarioFrame.SectorShape(
                    code: Sector.ID(sector.code),
                    outputByRegion: Dictionary(
                        regions.indices.map { (regions[$0].id, relative[k][$0]) }, uniquingKeysWith: { a, _ in a }),
                    intensity: Dictionary(
                        sector.intensity.map { (Skill.ID($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }))
            })
        let tables = TableSynthesis(frame: frame, size: scale.size, seed: seed).tables()
        let factor = ScenarioDocuments.calibratedFactor(relative: relative, tables: tables)
        let final = ScenarioDocuments(
            scale: scale, seed: seed, regions: regions, tables: tables,
            outputs: ScenarioDocuments.scaled(relative, by: factor))
        var files: [(path: String, contents: String)] = [
            ("scenario.yaml", final.scenarioYAML),
            ("fund.yaml", final.fundYAML),
        ]
        files += tables.files
        files += CurriculumCatalogue.files.map { ("Curricula/" + $0.path, $0.contents) }
        return SynthesizedScenario(files: files, tables: tables)
    }

    /// The CSV tables of the bundled scenario (`Scenarios/vietnam-2026-2035/`), drawn for the
    /// regions, skills and sectors of its hand-written `scenario.yaml`.
    public static func bundledTables(seed: UInt64, frame: ScenarioFrame) -> SynthesizedTables {
        TableSynthesis(frame: frame, size: .bundled, seed: seed).tables()
    }

    /// Tables of any size for a frame (custom profiles and tests).
    public static func tables(frame: ScenarioFrame, size: SyntheticSize, seed: UInt64) -> SynthesizedTables {
        TableSynthesis(frame: frame, size: size, seed: seed).tables()
    }
}
