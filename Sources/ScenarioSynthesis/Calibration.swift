import Workforce

/// The figures the bundled `vietnam-2026-2035` scenario is calibrated with, shared by the
/// generated scale scenarios so both tell the same story. Seed figures are marked; the rest are
/// assumptions (see the comments in `Scenarios/vietnam-2026-2035/scenario.yaml`).
enum Calibration {
    struct SkillSpec {
        var code: String
        var name: String
        var weight: Double
        /// Base-year age bands (`"FROM-TO"` → share), assumption.
        var ageProfile: [(String, Double)]
        /// Occupational transfers out per year, assumption.
        var transfer: Double
        /// Emigration, deaths and other exits per year, assumption.
        var other: Double

        /// Retirements per year: the share aged `retirementAge − 1`, ages even within a band.
        var retirement: Double {
            for (band, share) in ageProfile {
                let bounds = band.split(separator: "-").compactMap { Int($0) }
                if bounds.count == 2, bounds[0] <= Calibration.retirementAge - 1, Calibration.retirementAge - 1 <= bounds[1] {
                    return share / Double(bounds[1] - bounds[0] + 1)
                }
            }
            return 0
        }

        /// The attrition rate: retirement + transfer + other.
        var attrition: Double { retirement + transfer + other }
    }

    struct SectorSpec {
        var code: String
        var name: String
        var growthRate: Double
        /// National base output 2026, trillion VND, of the bundled scenario (assumption).
        var nationalOutput: Double
        /// Share of output by region code (assumption); other regions get the province weight.
        var regionalShare: [String: Double]
        var baseline: [(Int, Double)]
        var decree: [(Int, Double)]
        var slow: [(Int, Double)]
        var decreeGrowth: Double?
        var intensity: [String: Double]
    }

    static let baseYear = 2026
    static let horizonYears = 10
    /// Seed 003: labour productivity +5.24 %/year 2021–2025.
    static let productivityGrowth = 0.0524
    static let discountRate = 0.03
    /// Initial stock as a share of base-year demand (assumption: a shortage already exists).
    static let stockToDemand = 0.93

    /// Labour Code 2019: 62 for men by 2028 (the engineering workforce is mostly men).
    static let retirementAge = 62
    /// Graduate mobility (assumption): stay, macro-region, national shares.
    static let mobility = (stay: 0.6, macroRegion: 0.3, national: 0.1)

    static let skills: [SkillSpec] = [
        SkillSpec(code: "MAT", name: "Materials engineering", weight: 1.0,
                  ageProfile: [("22-29", 0.34), ("30-39", 0.33), ("40-49", 0.20), ("50-61", 0.13)], transfer: 0.025, other: 0.015),
        SkillSpec(code: "MOULD", name: "Mould and die technology", weight: 1.2,
                  ageProfile: [("22-29", 0.30), ("30-39", 0.33), ("40-49", 0.22), ("50-61", 0.15)], transfer: 0.03, other: 0.02),
        SkillSpec(code: "AUTO", name: "Automation", weight: 1.1,
                  ageProfile: [("22-29", 0.40), ("30-39", 0.34), ("40-49", 0.17), ("50-61", 0.09)], transfer: 0.035, other: 0.02),
        SkillSpec(code: "PM", name: "Production management", weight: 1.0,
                  ageProfile: [("22-29", 0.25), ("30-39", 0.35), ("40-49", 0.25), ("50-61", 0.15)], transfer: 0.02, other: 0.015),
    ]

    static let sectors: [SectorSpec] = [
        SectorSpec(
            code: "AUTO", name: "Automobiles and auto parts", growthRate: 0.10, nationalOutput: 250,
            regionalShare: ["HN": 8, "HPG": 22, "BNI": 4, "HYE": 5, "QNI": 3, "PTO": 14, "TNG": 3, "HTI": 6,
                            "DNG": 15, "HCM": 10, "DNA": 8, "TNI": 2],
            baseline: [(2025, 0.20), (2030, 0.35), (2035, 0.50)],
            decree: [(2025, 0.20), (2030, 0.575), (2035, 0.75)],
            slow: [(2025, 0.20), (2030, 0.25), (2035, 0.30)], decreeGrowth: 0.11,
            intensity: ["MAT": 49, "MOULD": 47, "AUTO": 59, "PM": 52]),
        SectorSpec(
            code: "ELEC", name: "Electronic components", growthRate: 0.08, nationalOutput: 600,
            regionalShare: ["HN": 10, "HPG": 10, "BNI": 30, "HYE": 3, "QNI": 2, "PTO": 4, "TNG": 20, "HTI": 0.5,
                            "DNG": 2, "HCM": 12, "DNA": 5, "TNI": 2],
            baseline: [(2025, 0.366), (2030, 0.41), (2035, 0.46)],
            decree: [(2025, 0.366), (2030, 0.45), (2035, 0.55)],
            slow: [(2025, 0.366), (2030, 0.38), (2035, 0.40)], decreeGrowth: nil,
            intensity: ["MAT": 20, "MOULD": 22, "AUTO": 36, "PM": 29]),
        SectorSpec(
            code: "MECH", name: "Precision mechanics, moulds and dies", growthRate: 0.08, nationalOutput: 180,
            regionalShare: ["HN": 18, "HPG": 12, "BNI": 10, "HYE": 6, "QNI": 3, "PTO": 7, "TNG": 5, "HTI": 2,
                            "DNG": 5, "HCM": 18, "DNA": 10, "TNI": 4],
            baseline: [(2025, 0.175), (2030, 0.25), (2035, 0.33)],
            decree: [(2025, 0.175), (2030, 0.33), (2035, 0.50)],
            slow: [(2025, 0.175), (2030, 0.20), (2035, 0.24)], decreeGrowth: nil,
            intensity: ["MAT": 103, "MOULD": 144, "AUTO": 83, "PM": 90]),
        SectorSpec(
            code: "PLAST", name: "Technical plastics and rubber", growthRate: 0.07, nationalOutput: 150,
            regionalShare: ["HN": 12, "HPG": 10, "BNI": 10, "HYE": 6, "QNI": 2, "PTO": 5, "TNG": 3, "HTI": 1,
                            "DNG": 4, "HCM": 27, "DNA": 12, "TNI": 8],
            baseline: [(2025, 0.35), (2030, 0.42), (2035, 0.50)],
            decree: [(2025, 0.35), (2030, 0.475), (2035, 0.60)],
            slow: [(2025, 0.35), (2030, 0.37), (2035, 0.40)], decreeGrowth: nil,
            intensity: ["MAT": 86, "MOULD": 92, "AUTO": 36, "PM": 52]),
        SectorSpec(
            code: "TEXT", name: "Textile and garment supporting products", growthRate: 0.04, nationalOutput: 200,
            regionalShare: ["HN": 10, "HPG": 8, "BNI": 6, "HYE": 8, "QNI": 2, "PTO": 4, "TNG": 3, "HTI": 2,
                            "DNG": 5, "HCM": 25, "DNA": 15, "TNI": 12],
            baseline: [(2025, 0.475), (2030, 0.51), (2035, 0.55)],
            decree: [(2025, 0.475), (2030, 0.55), (2035, 0.65)],
            slow: [(2025, 0.475), (2030, 0.49), (2035, 0.50)], decreeGrowth: nil,
            intensity: ["MAT": 20, "MOULD": 5, "AUTO": 22, "PM": 49]),
    ]

    /// Localisation in `year` on a path of anchors, linear between them (as the model reads it).
    static func rate(_ path: [(Int, Double)], in year: Int) -> Double {
        guard let first = path.first, let last = path.last else { return 0 }
        if year <= first.0 { return first.1 }
        if year >= last.0 { return last.1 }
        for (earlier, later) in zip(path, path.dropFirst()) where year <= later.0 {
            return earlier.1 + Double(year - earlier.0) / Double(later.0 - earlier.0) * (later.1 - earlier.1)
        }
        return last.1
    }
}
