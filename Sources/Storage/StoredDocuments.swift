import Foundation
import Workforce

// The parts of a scenario stored as JSON text: a variant's overrides, a fund's terms and rules,
// a module's competencies. Dictionaries are keyed by code strings so the JSON is an object.

/// The overrides of a ``ScenarioVariant`` (the `variant.overrides` column).
struct VariantOverridesDocument: Codable, Equatable {
    struct Anchor: Codable, Equatable {
        var year: Int
        var rate: Double
    }

    var productivityGrowth: Double?
    var intakeScale: Double?
    var sectorGrowthRate: [String: Double]
    var sectorLocalisation: [String: [Anchor]]
    var attritionRate: [String: Double]

    init(_ variant: ScenarioVariant) {
        productivityGrowth = variant.productivityGrowth
        intakeScale = variant.intakeScale
        sectorGrowthRate = Dictionary(uniqueKeysWithValues: variant.sectorGrowthRate.map { ($0.key.rawValue, $0.value) })
        sectorLocalisation = Dictionary(uniqueKeysWithValues: variant.sectorLocalisation.map { entry in
            (entry.key.rawValue, entry.value.anchors.map { Anchor(year: $0.year, rate: $0.rate) })
        })
        attritionRate = Dictionary(uniqueKeysWithValues: variant.attritionRate.map { ($0.key.rawValue, $0.value) })
    }

    func variant(name: String, description: String) -> ScenarioVariant {
        ScenarioVariant(
            name: name, description: description, productivityGrowth: productivityGrowth,
            sectorGrowthRate: Dictionary(uniqueKeysWithValues: sectorGrowthRate.map { (Sector.ID($0.key), $0.value) }),
            sectorLocalisation: Dictionary(uniqueKeysWithValues: sectorLocalisation.map { entry in
                (Sector.ID(entry.key), LocalisationPath(anchors: entry.value.map { .init(year: $0.year, rate: $0.rate) }))
            }),
            attritionRate: Dictionary(uniqueKeysWithValues: attritionRate.map { (Skill.ID($0.key), $0.value) }),
            intakeScale: intakeScale
        )
    }
}

/// A fund's instruments and fairness rules (the `fund_policy.terms` column); the name, the
/// carry-over flag and the budget have columns of their own.
struct FundTermsDocument: Codable, Equatable {
    struct Scholarships: Codable, Equatable {
        var enabled: Bool
        var livingSupportPerYear: VND
    }

    struct Internships: Codable, Equatable {
        var enabled: Bool
        var entryUplift: Double
        var fundedOwnership: [Ownership]
        var fundedSizes: [EnterpriseSize]
        var fundedSkills: [String]
        var matchingBudget: VND
    }

    struct OnsiteTraining: Codable, Equatable {
        var enabled: Bool
    }

    struct RegionalFloor: Codable, Equatable {
        var share: Double
        var regions: [String]
    }

    struct Fairness: Codable, Equatable {
        var institutionShareCap: Double?
        var regionalFloor: RegionalFloor?
        var needProportionalTolerance: Double?
        var domesticSMEInternshipShare: Double?
        var skillMinimumShare: [String: Double]
    }

    var scholarships: Scholarships
    var internships: Internships
    var onsiteTraining: OnsiteTraining
    var fairness: Fairness

    init(_ fund: FundPolicy) {
        scholarships = Scholarships(enabled: fund.scholarships.enabled, livingSupportPerYear: fund.scholarships.livingSupportPerYear)
        internships = Internships(
            enabled: fund.internships.enabled, entryUplift: fund.internships.entryUplift,
            fundedOwnership: fund.internships.fundedOwnership, fundedSizes: fund.internships.fundedSizes,
            fundedSkills: fund.internships.fundedSkills.map(\.rawValue), matchingBudget: fund.internships.matchingBudget
        )
        onsiteTraining = OnsiteTraining(enabled: fund.onsiteTraining.enabled)
        let rules = fund.fairness
        fairness = Fairness(
            institutionShareCap: rules.institutionShareCap,
            regionalFloor: rules.regionalFloor.map { RegionalFloor(share: $0.share, regions: $0.regions.map(\.rawValue)) },
            needProportionalTolerance: rules.needProportionalTolerance,
            domesticSMEInternshipShare: rules.domesticSMEInternshipShare,
            skillMinimumShare: Dictionary(uniqueKeysWithValues: rules.skillMinimumShare.map { ($0.key.rawValue, $0.value) })
        )
    }

    func fund(name: String, budgetByYear: [Int: VND], carryOver: Bool) -> FundPolicy {
        FundPolicy(
            name: name, budgetByYear: budgetByYear, carryOver: carryOver,
            scholarships: ScholarshipTerms(enabled: scholarships.enabled, livingSupportPerYear: scholarships.livingSupportPerYear),
            internships: InternshipTerms(
                enabled: internships.enabled, entryUplift: internships.entryUplift,
                fundedOwnership: internships.fundedOwnership, fundedSizes: internships.fundedSizes,
                fundedSkills: internships.fundedSkills.map { Skill.ID($0) }, matchingBudget: internships.matchingBudget
            ),
            onsiteTraining: OnsiteTrainingTerms(enabled: onsiteTraining.enabled),
            fairness: FairnessRules(
                institutionShareCap: fairness.institutionShareCap,
                regionalFloor: fairness.regionalFloor.map {
                    FairnessRules.RegionalFloor(share: $0.share, regions: $0.regions.map { Region.ID($0) })
                },
                needProportionalTolerance: fairness.needProportionalTolerance,
                domesticSMEInternshipShare: fairness.domesticSMEInternshipShare,
                skillMinimumShare: Dictionary(uniqueKeysWithValues: fairness.skillMinimumShare.map { (Skill.ID($0.key), $0.value) })
            )
        )
    }
}

/// JSON text in and out, with sorted keys so equal values give equal text.
enum StoredJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A JSON array of strings, written directly: one per student at import, so no encoder.
    static func stringArray(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\""
        }
        return text + "]"
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
