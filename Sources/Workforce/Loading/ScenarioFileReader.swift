import Texts

/// Reads `scenario.yaml`.
struct ScenarioFileReader {
    struct Contents {
        var settings: ScenarioSettings
        var skills: [Skill]
        var regions: [Region]
        var sectors: [Sector]
        var initialStock: [Skill.ID: [Region.ID: Double]]
        var variants: [ScenarioVariant]
    }

    let diagnostics: Diagnostics

    func read(_ text: String, file: String) -> Contents? {
        guard let root = YAMLValue.parse(text, file: file, diagnostics: diagnostics),
              let record = root.record(
                required: ["name", "title", "base_year", "horizon_years", "productivity_growth", "skills", "regions",
                           "sectors", "initial_stock"],
                optional: ["discount_rate", "variants", "mobility", "retirement_age", "uncertainty", "language"])
        else { return nil }

        let name = record["name"]?.code(Code<Scenario>.self)?.rawValue
        let title = record["title"]?.string()
        let baseYear = record["base_year"]?.int(in: 2000...2100, meaning: "a year")
        let horizon = record["horizon_years"]?.int(in: 1...50, meaning: "a number of years")
        let productivity = record["productivity_growth"]?.double(in: -0.5...0.5, meaning: "a yearly growth rate")
        let discount = record["discount_rate"].map { $0.double(in: 0...1, meaning: "a yearly discount rate") } ?? 0.03

        let retirementAge = record["retirement_age"].map { $0.int(in: 40...80, meaning: "an age in years") }
        let skills = readSkills(record["skills"], retirementAge: retirementAge ?? nil)
        let regions = readRegions(record["regions"])
        let skillIDs = Set(skills.map(\.id))
        let regionIDs = Set(regions.map(\.id))
        let sectors = readSectors(record["sectors"], skills: skillIDs, regions: regionIDs)
        let stock = readStock(record["initial_stock"], skills: skillIDs, regions: regionIDs)
        let variants = record["variants"].map {
            readVariants($0, sectors: Set(sectors.map(\.id)), skills: skillIDs)
        } ?? []

        let mobility = record["mobility"].map { readMobility($0, regions: regionIDs) } ?? .stayInProvince
        let uncertainty = record["uncertainty"].map(readUncertainty) ?? ForecastUncertainty()
        let language = record["language"].map { node -> Language? in
            guard let code = node.string() else { return nil }
            guard let language = Language(code: code) else {
                node.fail("vi (Vietnamese) or en (English)", value: code)
                return nil
            }
            return language
        }

        guard let name, let title, let baseYear, let horizon, let productivity, let discount, let mobility,
              let uncertainty else { return nil }
        if case .some(.none) = retirementAge { return nil }
        if case .some(.none) = language { return nil }
        var settings = ScenarioSettings(name: name, title: title, baseYear: baseYear, horizonYears: horizon,
                                        productivityGrowth: productivity, discountRate: discount, mobility: mobility,
                                        retirementAge: retirementAge ?? nil, uncertainty: uncertainty)
        settings.language = language ?? nil
        // Every localisation path must cover the horizon: demand is not extrapolated.
        for sector in sectors {
            checkCoverage(sector.localisation, of: sector.id, years: settings.years,
                          at: record["sectors"], what: "sector \(sector.id)")
        }
        for variant in variants {
            for (sector, path) in variant.sectorLocalisation.sorted(by: { $0.key < $1.key }) {
                checkCoverage(path, of: sector, years: settings.years, at: record["variants"],
                              what: "variant \(variant.name), sector \(sector)")
            }
        }
        return Contents(settings: settings, skills: skills, regions: regions, sectors: sectors,
                        initialStock: stock, variants: variants)
    }

    private func checkCoverage(_ path: LocalisationPath, of sector: Sector.ID, years: ClosedRange<Int>,
                               at node: YAMLValue?, what: String) {
        guard let covered = path.coveredYears else { return }
        if covered.lowerBound > years.lowerBound || covered.upperBound < years.upperBound {
            node?.fail("localisation anchors of \(what) that cover the horizon \(years.lowerBound)–\(years.upperBound); they cover \(covered.lowerBound)–\(covered.upperBound)",
                       value: "")
        }
    }

    private func unique<Entity>(_ code: Code<Entity>?, in seen: inout Set<Code<Entity>>, at node: YAMLValue) -> Code<Entity>? {
        guard let code else { return nil }
        if !seen.insert(code).inserted {
            node.fail("a code not used before in this list", value: code.rawValue)
            return nil
        }
        return code
    }

    private func readSkills(_ node: YAMLValue?, retirementAge: Int?) -> [Skill] {
        guard let items = node?.items() else { return [] }
        if items.isEmpty { node?.fail("at least one skill", value: "[]") }
        var seen = Set<Skill.ID>()
        return items.compactMap { item in
            guard let record = item.record(required: ["code", "name", "weight"],
                                           optional: ["attrition", "separations", "age_profile"]) else { return nil }
            let code = record["code"].flatMap { unique($0.code(Skill.ID.self), in: &seen, at: $0) }
            let name = record["name"]?.string()
            let weight = record["weight"]?.double(in: 0.000001...1000, meaning: "a positive weight")
            let profile = record["age_profile"].map(readAgeProfile)
            if case .some(.none) = profile { return nil }
            let separations: SeparationRates?
            switch (record["attrition"], record["separations"]) {
            case (let attrition?, nil):
                separations = attrition.rate().map { SeparationRates(retirement: 0, transfer: 0, other: $0) }
            case (nil, let split?):
                separations = readSeparations(split, ageProfile: profile ?? nil, retirementAge: retirementAge)
            case (_?, _?):
                item.fail("either `attrition` (one rate) or `separations` (retirement, transfer, other), not both")
                return nil
            case (nil, nil):
                item.fail("`attrition` (one rate) or `separations` (retirement, transfer, other)")
                return nil
            }
            guard let code, let name, let weight, let separations else { return nil }
            if separations.total > 1, let split = record["separations"] {
                split.fail("separation rates that sum to at most 1", value: YAMLValue.format(separations.total))
                return nil
            }
            return Skill(id: code, name: name, weight: weight, separations: separations, ageProfile: profile ?? nil)
        }
    }

    /// `{transfer: 0.02, other: 0.01}` and either `retirement: 0.01` or the age profile's rate.
    private func readSeparations(_ node: YAMLValue, ageProfile: AgeProfile?, retirementAge: Int?) -> SeparationRates? {
        guard let record = node.record(required: ["transfer", "other"], optional: ["retirement"]) else { return nil }
        let transfer = record["transfer"]?.rate()
        let other = record["other"]?.rate()
        var retirement: Double?
        if let given = record["retirement"] {
            if ageProfile != nil {
                given.fail("no `retirement` rate when the skill has an `age_profile` (the rate comes from it)")
                return nil
            }
            retirement = given.rate()
        } else if let ageProfile {
            guard let retirementAge else {
                node.fail("a `retirement_age` in scenario.yaml to turn the age profile into a retirement rate")
                return nil
            }
            retirement = ageProfile.retirementRate(retirementAge: retirementAge)
        } else {
            node.fail("a `retirement` rate, or an `age_profile` for the skill")
            return nil
        }
        guard let transfer, let other, let retirement else { return nil }
        return SeparationRates(retirement: retirement, transfer: transfer, other: other)
    }

    /// `{"22-29": 0.4, "30-39": 0.35, ...}`: bands of whole years, increasing, shares summing to 1.
    private func readAgeProfile(_ node: YAMLValue) -> AgeProfile? {
        guard let entries = node.entries() else { return nil }
        var bands: [AgeProfile.Band] = []
        for (key, value) in entries {
            let parts = key.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), 14 <= from, from <= to, to <= 80 else {
                value.fail("an age band `FROM-TO` of whole years (14–80) as the key", value: key)
                return nil
            }
            if let last = bands.last, from <= last.to {
                value.fail("age bands in increasing order without overlap; \(key) starts at or before \(last.to)", value: key)
                return nil
            }
            guard let share = value.rate() else { return nil }
            bands.append(.init(from: from, to: to, share: share))
        }
        let total = bands.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 1e-6 else {
            node.fail("age band shares that sum to 1", value: YAMLValue.format(total))
            return nil
        }
        return AgeProfile(bands: bands)
    }

    /// `{stay_share: 0.6, macro_region_share: 0.3, national_share: 0.1, rows: {HN: {HN: 0.5, BNI: 0.5}}}`.
    private func readMobility(_ node: YAMLValue, regions: Set<Region.ID>) -> GraduateMobility? {
        guard let record = node.record(required: ["stay_share", "macro_region_share", "national_share"], optional: ["rows"])
        else { return nil }
        let stay = record["stay_share"]?.rate()
        let macro = record["macro_region_share"]?.rate()
        let national = record["national_share"]?.rate()
        var rows: [Region.ID: [Region.ID: Double]] = [:]
        var rowsValid = true
        if let rowsNode = record["rows"] {
            rows = codeMap(rowsNode, known: regions, what: "a region listed under `regions`") { row in
                let shares = codeMap(row, known: regions, what: "a region listed under `regions`") { $0.rate() }
                let total = shares.values.reduce(0, +)
                if abs(total - 1) > 1e-6 {
                    row.fail("destination shares that sum to 1", value: YAMLValue.format(total))
                    rowsValid = false
                }
                return shares
            }
        }
        guard let stay, let macro, let national, rowsValid else { return nil }
        guard abs(stay + macro + national - 1) <= 1e-6 else {
            node.fail("stay_share + macro_region_share + national_share = 1", value: YAMLValue.format(stay + macro + national))
            return nil
        }
        return GraduateMobility(stayShare: stay, macroRegionShare: macro, nationalShare: national, rows: rows)
    }

    /// `{productivity_growth: {triangular: [0.03, 0.0524, 0.065]}, attrition_scale: {uniform: [0.8, 1.25]}, ...}`.
    private func readUncertainty(_ node: YAMLValue) -> ForecastUncertainty? {
        let keys = ["productivity_growth", "attrition_scale", "localisation_progress", "entry_rate_scale",
                    "completion_rate_scale", "stay_share"]
        guard let record = node.record(required: [], optional: keys) else { return nil }
        var valid = true
        func distribution(_ key: String, in range: ClosedRange<Double>) -> ParameterDistribution? {
            guard let value = record[key] else { return nil }
            guard let parsed = readDistribution(value, in: range) else {
                valid = false
                return nil
            }
            return parsed
        }
        let result = ForecastUncertainty(
            productivityGrowth: distribution("productivity_growth", in: -0.5...0.5),
            attritionScale: distribution("attrition_scale", in: 0...5),
            localisationProgress: distribution("localisation_progress", in: 0...5),
            entryRateScale: distribution("entry_rate_scale", in: 0...5),
            completionRateScale: distribution("completion_rate_scale", in: 0...5),
            stayShare: distribution("stay_share", in: 0...1))
        return valid ? result : nil
    }

    /// `{uniform: [low, high]}` or `{triangular: [low, mode, high]}`, every value in `range`.
    private func readDistribution(_ node: YAMLValue, in range: ClosedRange<Double>) -> ParameterDistribution? {
        guard let entries = node.entries(), entries.count == 1, let (kind, value) = entries.first else {
            node.fail("one distribution: `{uniform: [low, high]}` or `{triangular: [low, mode, high]}`")
            return nil
        }
        let numbers = value.items()?.compactMap { $0.double(in: range, meaning: "a number in \(range.lowerBound)…\(range.upperBound)") }
        switch (kind, numbers) {
        case ("uniform", let values?) where values.count == 2 && values[0] <= values[1]:
            return .uniform(low: values[0], high: values[1])
        case ("triangular", let values?) where values.count == 3 && values[0] <= values[1] && values[1] <= values[2]:
            return .triangular(low: values[0], mode: values[1], high: values[2])
        default:
            value.fail("`uniform: [low, high]` or `triangular: [low, mode, high]`, in increasing order", value: kind)
            return nil
        }
    }

    private func readRegions(_ node: YAMLValue?) -> [Region] {
        guard let items = node?.items() else { return [] }
        if items.isEmpty { node?.fail("at least one region", value: "[]") }
        var seen = Set<Region.ID>()
        return items.compactMap { item in
            guard let record = item.record(required: ["code", "name"], optional: ["macro_region"]) else { return nil }
            let code = record["code"].flatMap { unique($0.code(Region.ID.self), in: &seen, at: $0) }
            let name = record["name"]?.string()
            let macro = record["macro_region"]?.string() ?? ""
            guard let code, let name else { return nil }
            return Region(id: code, name: name, macroRegion: macro)
        }
    }

    private func readSectors(_ node: YAMLValue?, skills: Set<Skill.ID>, regions: Set<Region.ID>) -> [Sector] {
        guard let items = node?.items() else { return [] }
        if items.isEmpty { node?.fail("at least one sector", value: "[]") }
        var seen = Set<Sector.ID>()
        return items.compactMap { item in
            guard let record = item.record(required: ["code", "name", "growth_rate", "base_output_trillion_vnd",
                                                      "localisation", "intensity"]) else { return nil }
            let code = record["code"].flatMap { unique($0.code(Sector.ID.self), in: &seen, at: $0) }
            let name = record["name"]?.string()
            let growth = record["growth_rate"]?.double(in: -0.5...1, meaning: "a yearly growth rate")
            let output = record["base_output_trillion_vnd"].map {
                codeMap($0, known: regions, what: "a region listed under `regions`") { $0.double(in: 0...1_000_000, meaning: "an output in trillion VND") }
            }
            let path = record["localisation"].flatMap(readLocalisation)
            let intensity = record["intensity"].map {
                codeMap($0, known: skills, what: "a skill listed under `skills`") { $0.double(in: 0...100_000, meaning: "engineers per trillion VND") }
            }
            guard let code, let name, let growth, let output, let path, let intensity else { return nil }
            return Sector(id: code, name: name, baseOutput: output, growthRate: growth, localisation: path, intensity: intensity)
        }
    }

    /// `{2025: 0.10, 2030: 0.575}`: years strictly increasing, rates 0–1.
    func readLocalisation(_ node: YAMLValue) -> LocalisationPath? {
        guard let entries = node.entries() else { return nil }
        var anchors: [LocalisationPath.Anchor] = []
        var valid = true
        for (key, value) in entries {
            guard let year = Int(key), (1990...2100).contains(year) else {
                value.fail("a year (1990–2100) as the key of a localisation anchor", value: key)
                valid = false
                continue
            }
            if let last = anchors.last, year <= last.year {
                value.fail("anchor years in increasing order; \(year) comes after \(last.year)", value: key)
                valid = false
            }
            guard let rate = value.rate() else {
                valid = false
                continue
            }
            anchors.append(.init(year: year, rate: rate))
        }
        if anchors.isEmpty && valid {
            node.fail("at least one `year: rate` anchor", value: "{}")
            return nil
        }
        return valid ? LocalisationPath(anchors: anchors) : nil
    }

    /// A mapping from codes in `known` to values read by `read`.
    func codeMap<Entity, Value>(_ node: YAMLValue, known: Set<Code<Entity>>, what: String,
                                _ read: (YAMLValue) -> Value?) -> [Code<Entity>: Value] {
        var result: [Code<Entity>: Value] = [:]
        for (key, value) in node.entries() ?? [] {
            guard known.contains(Code(key)) else {
                value.fail("the code of \(what)", value: key)
                continue
            }
            if let read = read(value) { result[Code(key)] = read }
        }
        return result
    }

    private func readStock(_ node: YAMLValue?, skills: Set<Skill.ID>, regions: Set<Region.ID>) -> [Skill.ID: [Region.ID: Double]] {
        guard let node else { return [:] }
        return codeMap(node, known: skills, what: "a skill listed under `skills`") { perSkill in
            codeMap(perSkill, known: regions, what: "a region listed under `regions`") {
                $0.double(in: 0...10_000_000, meaning: "a number of engineers")
            }
        }
    }

    private func readVariants(_ node: YAMLValue, sectors: Set<Sector.ID>, skills: Set<Skill.ID>) -> [ScenarioVariant] {
        guard let items = node.items() else { return [] }
        var seen = Set<String>()
        return items.compactMap { item in
            guard let record = item.record(
                required: ["name"],
                optional: ["description", "productivity_growth", "intake_scale", "attrition", "sectors"])
            else { return nil }
            guard let nameNode = record["name"], let name = nameNode.code(Code<ScenarioVariant>.self)?.rawValue else { return nil }
            if !seen.insert(name).inserted || name == ScenarioVariant.baseline.name {
                nameNode.fail(name == "baseline" ? "another name: `baseline` is the scenario as written" : "a variant name not used before")
                return nil
            }
            var variant = ScenarioVariant(name: name, description: record["description"]?.string() ?? "")
            variant.productivityGrowth = record["productivity_growth"]?.double(in: -0.5...0.5, meaning: "a yearly growth rate")
            variant.intakeScale = record["intake_scale"]?.double(in: 0...100, meaning: "a multiplier of baseline intake")
            if let attrition = record["attrition"] {
                variant.attritionRate = codeMap(attrition, known: skills, what: "a skill listed under `skills`") { $0.rate() }
            }
            if let sectorNode = record["sectors"] {
                for (key, value) in sectorNode.entries() ?? [] {
                    guard sectors.contains(Code(key)) else {
                        value.fail("the code of a sector listed under `sectors`", value: key)
                        continue
                    }
                    guard let overrides = value.record(required: [], optional: ["growth_rate", "localisation"]) else { continue }
                    if let growth = overrides["growth_rate"]?.double(in: -0.5...1, meaning: "a yearly growth rate") {
                        variant.sectorGrowthRate[Code(key)] = growth
                    }
                    if let path = overrides["localisation"].flatMap(readLocalisation) {
                        variant.sectorLocalisation[Code(key)] = path
                    }
                }
            }
            return variant
        }
    }
}
