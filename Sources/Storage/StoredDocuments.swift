import Foundation
import Texts
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
        var additionality: Double?
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
        /// Absent in datasets stored before rules could hold per year.
        var perYear: [String]?
    }

    struct CapacityExpansion: Codable, Equatable {
        var enabled: Bool
        var costPerSeat: VND
        var leadYears: Int
        var maximumShareOfCapacity: Double
    }

    struct Relocation: Codable, Equatable {
        var enabled: Bool
        var stipendPerGraduate: VND
        var maximumShareOfEntrants: Double
    }

    var scholarships: Scholarships
    var internships: Internships
    var onsiteTraining: OnsiteTraining
    var fairness: Fairness
    var terminalYears: Int?
    var capacityExpansion: CapacityExpansion?
    var relocation: Relocation?

    init(_ fund: FundPolicy) {
        terminalYears = fund.terminalYears
        capacityExpansion = fund.capacityExpansion.map {
            CapacityExpansion(enabled: $0.enabled, costPerSeat: $0.costPerSeat, leadYears: $0.leadYears,
                              maximumShareOfCapacity: $0.maximumShareOfCapacity)
        }
        relocation = fund.relocation.map {
            Relocation(enabled: $0.enabled, stipendPerGraduate: $0.stipendPerGraduate, maximumShareOfEntrants: $0.maximumShareOfEntrants)
        }
        scholarships = Scholarships(
            enabled: fund.scholarships.enabled, livingSupportPerYear: fund.scholarships.livingSupportPerYear,
            additionality: fund.scholarships.additionality)
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
            skillMinimumShare: Dictionary(uniqueKeysWithValues: rules.skillMinimumShare.map { ($0.key.rawValue, $0.value) }),
            perYear: rules.perYear.isEmpty ? nil : rules.perYear.sorted()
        )
    }

    func fund(name: String, budgetByYear: [Int: VND], carryOver: Bool) -> FundPolicy {
        var fund = FundPolicy(
            name: name, budgetByYear: budgetByYear, carryOver: carryOver,
            scholarships: ScholarshipTerms(
                enabled: scholarships.enabled, livingSupportPerYear: scholarships.livingSupportPerYear,
                additionality: scholarships.additionality ?? 1),
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
            ),
            terminalYears: terminalYears
        )
        fund.fairness.perYear = Set(fairness.perYear ?? [])
        fund.capacityExpansion = capacityExpansion.map {
            CapacityExpansionTerms(enabled: $0.enabled, costPerSeat: $0.costPerSeat, leadYears: $0.leadYears,
                                   maximumShareOfCapacity: $0.maximumShareOfCapacity)
        }
        fund.relocation = relocation.map {
            RelocationTerms(enabled: $0.enabled, stipendPerGraduate: $0.stipendPerGraduate, maximumShareOfEntrants: $0.maximumShareOfEntrants)
        }
        return fund
    }
}

/// The forecast-model settings of a dataset (the `dataset.forecast_model` column): graduate
/// mobility, the retirement age and the uncertainty distributions.
struct ForecastModelDocument: Codable, Equatable {
    struct Mobility: Codable, Equatable {
        var stayShare: Double
        var macroRegionShare: Double
        var nationalShare: Double
        var rows: [String: [String: Double]]
    }

    /// `[kind, numbers...]`: `["uniform", low, high]` or `["triangular", low, mode, high]`.
    struct Distribution: Codable, Equatable {
        var kind: String
        var values: [Double]

        init(_ distribution: ParameterDistribution) {
            switch distribution {
            case .uniform(let low, let high): kind = "uniform"; values = [low, high]
            case .triangular(let low, let mode, let high): kind = "triangular"; values = [low, mode, high]
            }
        }

        var distribution: ParameterDistribution? {
            switch (kind, values.count) {
            case ("uniform", 2): .uniform(low: values[0], high: values[1])
            case ("triangular", 3): .triangular(low: values[0], mode: values[1], high: values[2])
            default: nil
            }
        }
    }

    var mobility: Mobility
    var retirementAge: Int?
    var uncertainty: [String: Distribution]
    /// `language:` of scenario.yaml (absent in datasets stored before it existed).
    var language: String?

    init(_ settings: ScenarioSettings) {
        let mobility = settings.mobility
        self.mobility = Mobility(
            stayShare: mobility.stayShare, macroRegionShare: mobility.macroRegionShare, nationalShare: mobility.nationalShare,
            rows: Dictionary(uniqueKeysWithValues: mobility.rows.map { origin, row in
                (origin.rawValue, Dictionary(uniqueKeysWithValues: row.map { ($0.key.rawValue, $0.value) }))
            }))
        retirementAge = settings.retirementAge
        language = settings.language?.rawValue
        let u = settings.uncertainty
        var table: [String: Distribution] = [:]
        for (name, value) in [
            ("productivity_growth", u.productivityGrowth), ("attrition_scale", u.attritionScale),
            ("localisation_progress", u.localisationProgress), ("entry_rate_scale", u.entryRateScale),
            ("completion_rate_scale", u.completionRateScale), ("stay_share", u.stayShare),
        ] {
            if let value { table[name] = Distribution(value) }
        }
        uncertainty = table
    }

    /// Writes these settings into `settings`.
    func apply(to settings: inout ScenarioSettings) {
        settings.mobility = GraduateMobility(
            stayShare: mobility.stayShare, macroRegionShare: mobility.macroRegionShare, nationalShare: mobility.nationalShare,
            rows: Dictionary(uniqueKeysWithValues: mobility.rows.map { origin, row in
                (Region.ID(origin), Dictionary(uniqueKeysWithValues: row.map { (Region.ID($0.key), $0.value) }))
            }))
        settings.retirementAge = retirementAge
        settings.language = language.flatMap(Language.init(code:))
        settings.uncertainty = ForecastUncertainty(
            productivityGrowth: uncertainty["productivity_growth"]?.distribution,
            attritionScale: uncertainty["attrition_scale"]?.distribution,
            localisationProgress: uncertainty["localisation_progress"]?.distribution,
            entryRateScale: uncertainty["entry_rate_scale"]?.distribution,
            completionRateScale: uncertainty["completion_rate_scale"]?.distribution,
            stayShare: uncertainty["stay_share"]?.distribution)
    }
}

/// A skill's separation rates and age profile (the `skill.separations` column).
struct SeparationsDocument: Codable, Equatable {
    var retirement: Double
    var transfer: Double
    var other: Double
    /// `[from, to, share]` per band.
    var ageProfile: [[Double]]?

    init(_ skill: Skill) {
        retirement = skill.separations.retirement
        transfer = skill.separations.transfer
        other = skill.separations.other
        ageProfile = skill.ageProfile?.bands.map { [Double($0.from), Double($0.to), $0.share] }
    }

    var separations: SeparationRates { SeparationRates(retirement: retirement, transfer: transfer, other: other) }

    var profile: AgeProfile? {
        ageProfile.map { bands in
            AgeProfile(bands: bands.compactMap { band in
                band.count == 3 ? AgeProfile.Band(from: Int(band[0]), to: Int(band[1]), share: band[2]) : nil
            })
        }
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
            // Codes seldom need escaping: appended whole, not scalar by scalar.
            if string.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
                text += string
            } else {
                appendEscaped(string, to: &text)
            }
            text += "\""
        }
        return text + "]"
    }

    private static func appendEscaped(_ string: String, to text: inout String) {
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
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
