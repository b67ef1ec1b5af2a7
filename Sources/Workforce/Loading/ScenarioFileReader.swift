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
                optional: ["discount_rate", "variants"])
        else { return nil }

        let name = record["name"]?.code(Code<Scenario>.self)?.rawValue
        let title = record["title"]?.string()
        let baseYear = record["base_year"]?.int(in: 2000...2100, meaning: "a year")
        let horizon = record["horizon_years"]?.int(in: 1...50, meaning: "a number of years")
        let productivity = record["productivity_growth"]?.double(in: -0.5...0.5, meaning: "a yearly growth rate")
        let discount = record["discount_rate"].map { $0.double(in: 0...1, meaning: "a yearly discount rate") } ?? 0.03

        let skills = readSkills(record["skills"])
        let regions = readRegions(record["regions"])
        let skillIDs = Set(skills.map(\.id))
        let regionIDs = Set(regions.map(\.id))
        let sectors = readSectors(record["sectors"], skills: skillIDs, regions: regionIDs)
        let stock = readStock(record["initial_stock"], skills: skillIDs, regions: regionIDs)
        let variants = record["variants"].map {
            readVariants($0, sectors: Set(sectors.map(\.id)), skills: skillIDs)
        } ?? []

        guard let name, let title, let baseYear, let horizon, let productivity, let discount else { return nil }
        let settings = ScenarioSettings(name: name, title: title, baseYear: baseYear, horizonYears: horizon,
                                        productivityGrowth: productivity, discountRate: discount)
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

    private func readSkills(_ node: YAMLValue?) -> [Skill] {
        guard let items = node?.items() else { return [] }
        if items.isEmpty { node?.fail("at least one skill", value: "[]") }
        var seen = Set<Skill.ID>()
        return items.compactMap { item in
            guard let record = item.record(required: ["code", "name", "weight", "attrition"]) else { return nil }
            let code = record["code"].flatMap { unique($0.code(Skill.ID.self), in: &seen, at: $0) }
            let name = record["name"]?.string()
            let weight = record["weight"]?.double(in: 0.000001...1000, meaning: "a positive weight")
            let attrition = record["attrition"]?.rate()
            guard let code, let name, let weight, let attrition else { return nil }
            return Skill(id: code, name: name, weight: weight, attritionRate: attrition)
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
