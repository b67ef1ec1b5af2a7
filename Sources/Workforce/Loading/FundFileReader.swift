/// Reads `fund.yaml`.
struct FundFileReader {
    let diagnostics: Diagnostics
    let years: ClosedRange<Int>?
    let skills: Set<Skill.ID>
    let regions: Set<Region.ID>

    func read(_ text: String, file: String) -> FundPolicy? {
        guard let root = YAMLValue.parse(text, file: file, diagnostics: diagnostics),
              let record = root.record(
                required: ["name", "budget_vnd"],
                optional: ["carry_over", "scholarships", "internships", "onsite_training", "fairness", "terminal_years",
                           "capacity_expansion", "relocation"])
        else { return nil }
        let name = record["name"]?.string()
        let budget = record["budget_vnd"].flatMap(readBudget)
        let carryOver = record["carry_over"].map { $0.bool() } ?? false
        let scholarships = record["scholarships"].map(readScholarships) ?? ScholarshipTerms(enabled: false, livingSupportPerYear: 0)
        let internships = record["internships"].map(readInternships)
            ?? InternshipTerms(enabled: false, entryUplift: 0, matchingBudget: 0)
        let onsite = record["onsite_training"].map(readOnsite) ?? OnsiteTrainingTerms(enabled: false)
        let fairness = record["fairness"].map(readFairness) ?? FairnessRules()
        let terminalYears = record["terminal_years"].map { $0.int(in: 0...20, meaning: "a number of years after the horizon") }
        let expansion = record["capacity_expansion"].map(readCapacityExpansion)
        let relocation = record["relocation"].map(readRelocation)
        guard let name, let budget, let carryOver, let scholarships, let internships, let onsite, let fairness else { return nil }
        if case .some(.none) = terminalYears { return nil }
        if case .some(.none) = expansion { return nil }
        if case .some(.none) = relocation { return nil }
        var policy = FundPolicy(name: name, budgetByYear: budget, carryOver: carryOver, scholarships: scholarships,
                                internships: internships, onsiteTraining: onsite, fairness: fairness,
                                terminalYears: terminalYears ?? nil)
        policy.capacityExpansion = expansion ?? nil
        policy.relocation = relocation ?? nil
        return policy
    }

    /// `relocation: {enabled, stipend_vnd, max_share_of_entrants}`.
    private func readRelocation(_ node: YAMLValue) -> RelocationTerms? {
        guard let record = node.record(required: ["stipend_vnd", "max_share_of_entrants"], optional: ["enabled"]) else { return nil }
        let enabled = record["enabled"].map { $0.bool() } ?? true
        let stipend = record["stipend_vnd"]?.vnd()
        let share = record["max_share_of_entrants"]?.rate()
        guard let enabled, let stipend, let share else { return nil }
        return RelocationTerms(enabled: enabled, stipendPerGraduate: stipend, maximumShareOfEntrants: share)
    }

    /// `capacity_expansion: {enabled, cost_vnd_per_seat, lead_years, max_share_of_capacity}`.
    private func readCapacityExpansion(_ node: YAMLValue) -> CapacityExpansionTerms? {
        guard let record = node.record(
            required: ["cost_vnd_per_seat", "max_share_of_capacity"], optional: ["enabled", "lead_years"])
        else { return nil }
        let enabled = record["enabled"].map { $0.bool() } ?? true
        let cost = record["cost_vnd_per_seat"]?.vnd()
        let lead = record["lead_years"].map { $0.int(in: 0...10, meaning: "years between buying a seat and its first intake") } ?? 1
        let share = record["max_share_of_capacity"]?.rate()
        guard let enabled, let cost, let lead, let share else { return nil }
        return CapacityExpansionTerms(enabled: enabled, costPerSeat: cost, leadYears: lead, maximumShareOfCapacity: share)
    }

    private func readBudget(_ node: YAMLValue) -> [Int: VND]? {
        guard let entries = node.entries() else { return nil }
        var budget: [Int: VND] = [:]
        var valid = true
        for (key, value) in entries {
            guard let year = Int(key) else {
                value.fail("a year as the key of a budget line", value: key)
                valid = false
                continue
            }
            if let years, !years.contains(year) {
                value.fail("a budget year inside the scenario horizon \(years.lowerBound)–\(years.upperBound)", value: key)
                valid = false
            }
            guard let amount = value.vnd() else {
                valid = false
                continue
            }
            budget[year] = amount
        }
        if budget.isEmpty && valid {
            node.fail("at least one `year: amount` line", value: "{}")
            return nil
        }
        return valid ? budget : nil
    }

    private func readScholarships(_ node: YAMLValue) -> ScholarshipTerms? {
        guard let record = node.record(required: [], optional: ["enabled", "living_support_vnd_per_year", "additionality"])
        else { return nil }
        let enabled = record["enabled"].map { $0.bool() } ?? true
        let living = record["living_support_vnd_per_year"].map { $0.vnd() } ?? 0
        let additionality = record["additionality"].map { $0.rate() } ?? 1
        guard let enabled, let living, let additionality else { return nil }
        return ScholarshipTerms(enabled: enabled, livingSupportPerYear: living, additionality: additionality)
    }

    private func readInternships(_ node: YAMLValue) -> InternshipTerms? {
        guard let record = node.record(
            required: [],
            optional: ["enabled", "entry_uplift", "matching_budget_vnd", "funded_ownership", "funded_sizes", "funded_skills",
                       "minimum_places"])
        else { return nil }
        let enabled = record["enabled"].map { $0.bool() } ?? true
        let uplift = record["entry_uplift"].map { $0.rate() } ?? 0.2
        let budget = record["matching_budget_vnd"].map { $0.vnd() } ?? 0
        let ownership = record["funded_ownership"].map { list($0) { $0.choice(Ownership.self) } } ?? []
        let sizes = record["funded_sizes"].map { list($0) { $0.choice(EnterpriseSize.self) } } ?? []
        let fundedSkills = record["funded_skills"].map { list($0) { known($0, in: skills, what: "a skill of scenario.yaml") } } ?? []
        let minimum = record["minimum_places"].map { readMinimumPlaces($0) }
        guard let enabled, let uplift, let budget, let ownership, let sizes, let fundedSkills else { return nil }
        if let minimum, minimum == nil { return nil }
        return InternshipTerms(enabled: enabled, entryUplift: uplift, fundedOwnership: ownership, fundedSizes: sizes,
                               fundedSkills: fundedSkills, matchingBudget: budget, minimumPlaces: minimum ?? nil)
    }

    /// `minimum_places: {group: domestic-sme, places: 300, ownership: [domestic], sizes: [...], regions: [...]}`
    private func readMinimumPlaces(_ node: YAMLValue) -> PostingGroupMinimum? {
        guard let record = node.record(required: ["group", "places"], optional: ["ownership", "sizes", "regions"]) else { return nil }
        let group = record["group"]?.string()
        let places = record["places"]?.int(in: 0...10_000_000, meaning: "a whole number of interns")
        let ownership = record["ownership"].map { list($0) { $0.choice(Ownership.self) } } ?? []
        let sizes = record["sizes"].map { list($0) { $0.choice(EnterpriseSize.self) } } ?? []
        let groupRegions = record["regions"].map { list($0) { known($0, in: regions, what: "a region of scenario.yaml") } } ?? []
        guard let group, let places, let ownership, let sizes, let groupRegions else { return nil }
        return PostingGroupMinimum(group: group, places: places, ownership: ownership, sizes: sizes, regions: groupRegions)
    }

    private func readOnsite(_ node: YAMLValue) -> OnsiteTrainingTerms? {
        guard let record = node.record(required: [], optional: ["enabled"]) else { return nil }
        guard let enabled = record["enabled"].map({ $0.bool() }) ?? true else { return nil }
        return OnsiteTrainingTerms(enabled: enabled)
    }

    private func readFairness(_ node: YAMLValue) -> FairnessRules? {
        guard let record = node.record(
            required: [],
            optional: FairnessRules.ruleKeys + ["per_year"])
        else { return nil }
        var rules = FairnessRules()
        var valid = true
        if let perYear = record["per_year"] {
            let keys = list(perYear) { item -> String? in
                guard let key = item.string() else { return nil }
                guard FairnessRules.ruleKeys.contains(key) else {
                    item.fail("one of the fairness rules: " + FairnessRules.ruleKeys.joined(separator: ", "), value: key)
                    return nil
                }
                return key
            }
            if let keys { rules.perYear = Set(keys) } else { valid = false }
        }
        func share(_ key: String) -> Double? {
            guard let value = record[key] else { return nil }
            guard let share = value.rate() else {
                valid = false
                return nil
            }
            return share
        }
        rules.institutionShareCap = share("institution_share_cap")
        rules.domesticSMEInternshipShare = share("domestic_sme_internship_share")
        if let tolerance = record["need_proportional_tolerance"] {
            rules.needProportionalTolerance = tolerance.double(in: 0...10, meaning: "a tolerance (0.5 = ±50 %)")
            if rules.needProportionalTolerance == nil { valid = false }
        }
        if let floor = record["regional_floor"] {
            if let floorRecord = floor.record(required: ["share"], optional: ["regions"]),
               let floorShare = floorRecord["share"]?.rate(),
               let floorRegions = floorRecord["regions"].map({ list($0) { known($0, in: regions, what: "a region of scenario.yaml") } }) ?? [] {
                rules.regionalFloor = .init(share: floorShare, regions: floorRegions)
            } else {
                valid = false
            }
        }
        if let minimum = record["skill_minimum_share"] {
            for (key, value) in minimum.entries() ?? [] {
                guard skills.contains(Code(key)) else {
                    value.fail("the code of a skill of scenario.yaml", value: key)
                    valid = false
                    continue
                }
                guard let share = value.rate() else {
                    valid = false
                    continue
                }
                rules.skillMinimumShare[Code(key)] = share
            }
        }
        return valid ? rules : nil
    }

    private func known<Entity>(_ node: YAMLValue, in set: Set<Code<Entity>>, what: String) -> Code<Entity>? {
        guard let code = node.code(Code<Entity>.self) else { return nil }
        guard set.contains(code) else {
            node.fail("the code of \(what)")
            return nil
        }
        return code
    }

    /// A list whose items all read; nil (after reporting) if any does not.
    private func list<Item>(_ node: YAMLValue, _ read: (YAMLValue) -> Item?) -> [Item]? {
        guard let items = node.items() else { return nil }
        let values = items.map(read)
        return values.contains(where: { $0 == nil }) ? nil : values.compactMap { $0 }
    }
}

/// Reads one `Curricula/*.yaml` file.
struct CurriculumFileReader {
    let diagnostics: Diagnostics
    let skills: Set<Skill.ID>

    func read(_ text: String, file: String) -> Curriculum? {
        guard let root = YAMLValue.parse(text, file: file, diagnostics: diagnostics),
              let record = root.record(
                required: ["code", "name", "skill", "level", "duration_years", "completion_rate", "entry_rate", "modules"],
                optional: ["completers", "effective_supply_factor"])
        else { return nil }
        let code = record["code"]?.code(Curriculum.ID.self)
        let name = record["name"]?.string()
        var skill = record["skill"]?.code(Skill.ID.self)
        if let node = record["skill"], let code = skill, !skills.isEmpty, !skills.contains(code) {
            node.fail("the code of a skill of scenario.yaml (\(skills.sorted().map(\.rawValue).joined(separator: ", ")))")
            skill = nil
        }
        let level = record["level"]?.choice(QualificationLevel.self)
        let duration = record["duration_years"]?.int(in: 0...7, meaning: "whole years")
        let completion = record["completion_rate"]?.rate()
        let entry = record["entry_rate"]?.rate()
        let completers = record["completers"].map { $0.choice(CompleterKind.self) }
        let factor = record["effective_supply_factor"].map { $0.double(in: 0...1, meaning: "a share of an engineer's work") }
        let modules: [CurriculumModule]? = record["modules"]?.items().map { items in
            items.compactMap { item in
                guard let module = item.record(required: ["name", "hours"], optional: ["competencies"]) else { return nil }
                let name = module["name"]?.string()
                let hours = module["hours"]?.int(in: 1...10_000, meaning: "hours")
                let competencies = module["competencies"]?.items()?.compactMap { $0.string() } ?? []
                guard let name, let hours else { return nil }
                return CurriculumModule(name: name, hours: hours, competencies: competencies)
            }
        }
        if let modules, modules.isEmpty, let node = record["modules"] { node.fail("at least one module", value: "[]") }
        if let level, let duration, let node = record["duration_years"] {
            if level == .upskilling && duration != 0 {
                node.fail("0 for an upskilling course (it finishes within the year)")
            } else if level != .upskilling && duration == 0 {
                node.fail("at least 1 year for a \(level.rawValue) programme")
            }
        }
        guard let code, let name, let skill, let level, let duration, let completion, let entry, let modules, !modules.isEmpty
        else { return nil }
        if case .some(.none) = completers { return nil }
        if case .some(.none) = factor { return nil }
        return Curriculum(id: code, name: name, skill: skill, level: level, durationYears: duration, modules: modules,
                          completionRate: completion, industryEntryRate: entry, completers: completers ?? nil,
                          effectiveSupplyFactor: factor ?? nil)
    }
}
