import Workforce

/// Generates the CSV tables of a scenario from a frame, a size and a seed. Pure and deterministic:
/// every draw comes from a ``SplitMix64`` stream of its own, so the same inputs give the same tables.
struct TableSynthesis {
    let frame: ScenarioFrame
    let size: SyntheticSize
    let seed: UInt64

    private var regionWeights: [Double] { frame.regionWeights }

    /// - Complexity: O(I·C + P + E + J + S·k) for I institutions, C curricula, P programmes,
    ///   E enterprises, J postings, S students with k preferences.
    func tables() -> SynthesizedTables {
        let institutions = makeInstitutions()
        let enterprises = makeEnterprises()
        let programs = makePrograms(institutions: institutions, enterprises: enterprises)
        let postings = makePostings(enterprises: enterprises)
        let students = makeStudents(programs: programs, postings: postings)
        return SynthesizedTables(
            institutions: institutions, programs: programs, enterprises: enterprises, postings: postings,
            students: students)
    }

    // MARK: Institutions

    func makeInstitutions() -> [Institution] {
        guard size.institutions > 0, !frame.regions.isEmpty else { return [] }
        var random = SplitMix64(seed: seed, stream: 1)
        let regionIDs = Set(frame.regions.map(\.id.rawValue))
        let real = InstitutionCatalogue.entries.filter { regionIDs.contains($0.region) }
        let quota = min(real.count, Int((Double(size.institutions) * 0.75).rounded()))
        var result = real.prefix(quota).map {
            Institution(
                id: Institution.ID("INST-" + $0.code), name: $0.name, region: Region.ID($0.region),
                kind: $0.kind, ownership: $0.ownership)
        }
        var serial = 0
        var perRegionKind: [String: Int] = [:]
        func synthetic(in region: Region) -> Institution {
            serial += 1
            let kinds: [InstitutionKind] = [.vocational, .college, .trainingCentre, .university]
            let kind = kinds[random.weightedIndex([0.40, 0.30, 0.20, 0.10])]
            let key = region.id.rawValue + "/" + kind.rawValue
            let number = (perRegionKind[key] ?? 0) + 1
            perRegionKind[key] = number
            let place = EnterpriseNames.vietnamese(region.name)
            let name: String = switch kind {
            case .vocational: "Trường Trung cấp Kỹ thuật Công nghiệp \(place) số \(number)"
            case .college: "Trường Cao đẳng Kỹ thuật Công nghệ \(place) số \(number)"
            case .trainingCentre: "Trung tâm Đào tạo Công nghiệp hỗ trợ \(place) số \(number)"
            case .university: "Trường Đại học Kỹ thuật Công nghiệp \(place) số \(number)"
            }
            let ownership: InstitutionOwnership = random.chance(kind == .trainingCentre ? 0.5 : 0.2) ? .private : .public
            return Institution(
                id: Institution.ID("INST-\(region.id.rawValue)-\(DecimalText.padded(serial, width: 3))"),
                name: name, region: region.id, kind: kind, ownership: ownership)
        }
        // Every region gets at least one institution when there are enough to go round.
        for region in frame.regions where result.count < size.institutions {
            if !result.contains(where: { $0.region == region.id }) { result.append(synthetic(in: region)) }
        }
        let table = WeightedTable(regionWeights)
        while result.count < size.institutions {
            result.append(synthetic(in: frame.regions[table.draw(&random)]))
        }
        return result
    }

    // MARK: Programmes

    static func levels(for kind: InstitutionKind) -> [QualificationLevel] {
        switch kind {
        case .university: [.bachelor, .upskilling, .college]
        case .college: [.college, .vocational, .upskilling]
        case .vocational: [.vocational, .upskilling]
        case .trainingCentre: [.upskilling, .vocational]
        }
    }

    func makePrograms(institutions: [Institution], enterprises: [Enterprise]) -> [Program] {
        var random = SplitMix64(seed: seed, stream: 2)
        let skills = Set(frame.skills)
        let curricula = CurriculumCatalogue.curricula.filter { skills.contains($0.skill) }
        // Each institution's candidate curricula: its main level first, in a shuffled skill order.
        let candidates: [[Curriculum]] = institutions.map { institution in
            Self.levels(for: institution.kind).flatMap { level in
                random.shuffled(curricula.filter { $0.level == level })
            }
        }
        var counts = candidates.map { $0.isEmpty ? 0 : 1 }
        let kindWeight: [InstitutionKind: Double] = [.university: 3, .college: 2, .vocational: 1, .trainingCentre: 1]
        var weights = institutions.indices.map { index in
            counts[index] < candidates[index].count ? kindWeight[institutions[index].kind] ?? 1 : 0
        }
        var assigned = counts.reduce(0, +)
        while assigned < size.programs, weights.contains(where: { $0 > 0 }) {
            let index = random.weightedIndex(weights)
            counts[index] += 1
            assigned += 1
            if counts[index] >= candidates[index].count { weights[index] = 0 }
        }
        // Fewer programmes than institutions: drop the surplus from the end.
        var surplus = assigned - size.programs
        var trim = counts.count - 1
        while surplus > 0, trim >= 0 {
            let cut = min(surplus, counts[trim])
            counts[trim] -= cut
            surplus -= cut
            trim -= 1
        }

        var enterprisesByRegion: [Region.ID: [Enterprise.ID]] = [:]
        for enterprise in enterprises { enterprisesByRegion[enterprise.region, default: []].append(enterprise.id) }

        var programs: [Program] = []
        programs.reserveCapacity(size.programs)
        for (index, institution) in institutions.enumerated() {
            let short = institution.id.rawValue.hasPrefix("INST-")
                ? String(institution.id.rawValue.dropFirst(5)) : institution.id.rawValue
            for curriculum in candidates[index].prefix(counts[index]) {
                programs.append(makeProgram(
                    id: Program.ID("P-\(short)-\(curriculum.id.rawValue)"), institution: institution,
                    curriculum: curriculum, hosts: enterprisesByRegion[institution.region] ?? enterprises.map(\.id),
                    random: &random))
            }
        }
        return programs
    }

    private func makeProgram(
        id: Program.ID, institution: Institution, curriculum: Curriculum, hosts: [Enterprise.ID],
        random: inout SplitMix64
    ) -> Program {
        let isPrivate = institution.ownership == .private
        let intake: Int
        let tuitionMillions: Double
        switch curriculum.level {
        case .bachelor:
            intake = 5 * random.integer(in: 8...32)
            tuitionMillions = isPrivate ? random.uniform(30, 55) : random.uniform(18, 35)
        case .college:
            intake = 5 * random.integer(in: 6...24)
            tuitionMillions = isPrivate ? random.uniform(18, 30) : random.uniform(10, 20)
        case .vocational:
            intake = 5 * random.integer(in: 5...18)
            tuitionMillions = random.uniform(6, 14)
        case .upskilling:
            intake = random.integer(in: 15...40)
            tuitionMillions = random.uniform(8, 25)
        }
        let capacity = max(intake, Int((Double(intake) * random.uniform(1.1, 1.5)).rounded(.up)))
        // Tuition rounded to half a million VND.
        let tuition = VND((tuitionMillions * 2).rounded()) * 500_000
        var completion = curriculum.completionRate
        var entry = curriculum.industryEntryRate
        if random.chance(0.2) {
            completion = min(0.98, max(0.5, (completion + random.uniform(-0.06, 0.06)) * 100).rounded() / 100)
            entry = min(0.98, max(0.3, (entry + random.uniform(-0.08, 0.08)) * 100).rounded() / 100)
        }
        let host: Enterprise.ID? = curriculum.level == .upskilling && !hosts.isEmpty
            ? hosts[random.below(hosts.count)] : nil
        return Program(
            id: id, institution: institution.id, curriculum: curriculum.id, baselineIntake: intake,
            capacity: capacity, tuitionPerYear: tuition, hostEnterprise: host, skill: curriculum.skill,
            region: institution.region, level: curriculum.level, durationYears: curriculum.durationYears,
            completionRate: completion, industryEntryRate: entry, completers: curriculum.completers,
            effectiveSupplyFactor: curriculum.effectiveSupplyFactor)
    }

    // MARK: Enterprises

    func makeEnterprises() -> [Enterprise] {
        guard size.enterprises > 0, !frame.regions.isEmpty, !frame.sectors.isEmpty else { return [] }
        var random = SplitMix64(seed: seed, stream: 3)
        let count = size.enterprises
        // Seed 002: about 40 % of supporting-industry firms are FDI (1,700 of about 6,000 would be
        // 28 %; the 40 % share is the figure quoted for the sector).
        let fdiCount = Int((Double(count) * 0.4).rounded())
        var isFDI = [Bool](repeating: false, count: count)
        for index in random.shuffled(Array(0..<count)).prefix(fdiCount) { isFDI[index] = true }
        let regionTable = WeightedTable(regionWeights)
        let sectorTables: [WeightedTable] = frame.regions.map { region in
            let weights = frame.sectors.map { $0.outputByRegion[region.id] ?? 0 }
            return WeightedTable(weights.contains { $0 > 0 } ? weights : weights.map { _ in 1 })
        }
        let width = max(4, String(count).count)
        var usedNames = Set<String>()
        var result: [Enterprise] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let regionIndex = regionTable.draw(&random)
            let region = frame.regions[regionIndex]
            let sector = frame.sectors[sectorTables[regionIndex].draw(&random)].code
            let fdi = isFDI[index]
            let size: EnterpriseSize
            let tier: Int
            if fdi {
                size = [EnterpriseSize.small, .medium, .large][random.weightedIndex([0.15, 0.40, 0.45])]
                tier = 1 + random.weightedIndex([0.55, 0.35, 0.10])
            } else {
                size = [EnterpriseSize.micro, .small, .medium, .large][random.weightedIndex([0.25, 0.45, 0.22, 0.08])]
                tier = 1 + random.weightedIndex([0.10, 0.35, 0.55])
            }
            var name = EnterpriseNames.name(fdi: fdi, sector: sector, size: size, region: region, random: &random)
            var redraws = 0
            while usedNames.contains(name), redraws < 4 {
                name = EnterpriseNames.name(fdi: fdi, sector: sector, size: size, region: region, random: &random)
                redraws += 1
            }
            if usedNames.contains(name) {
                var suffix = 2
                while usedNames.contains("\(name) \(suffix)") { suffix += 1 }
                name = "\(name) \(suffix)"
            }
            usedNames.insert(name)
            result.append(Enterprise(
                id: Enterprise.ID("ENT-" + DecimalText.padded(index + 1, width: width)), name: name,
                region: region.id, sector: sector, ownership: fdi ? .fdi : .domestic, size: size, tier: tier))
        }
        return result
    }

    // MARK: Postings

    func makePostings(enterprises: [Enterprise]) -> [InternshipPosting] {
        guard size.postings > 0, !enterprises.isEmpty, !frame.skills.isEmpty else { return [] }
        var random = SplitMix64(seed: seed, stream: 4)
        let sizeWeight: [EnterpriseSize: Double] = [.micro: 1, .small: 2, .medium: 3, .large: 5]
        let enterpriseTable = WeightedTable(enterprises.map { sizeWeight[$0.size] ?? 1 })
        var skillTables: [Sector.ID: WeightedTable] = [:]
        for sector in frame.sectors {
            let weights = frame.skills.map { sector.intensity[$0] ?? 0 }
            skillTables[sector.code] = WeightedTable(weights.contains { $0 > 0 } ? weights : weights.map { _ in 1 })
        }
        let evenSkills = WeightedTable(frame.skills.map { _ in 1.0 })
        let months = [2, 3, 3, 4, 4, 6]
        let width = max(5, String(size.postings).count)
        var result: [InternshipPosting] = []
        result.reserveCapacity(size.postings)
        for index in 0..<size.postings {
            let enterprise = enterprises[enterpriseTable.draw(&random)]
            let skill = frame.skills[(skillTables[enterprise.sector] ?? evenSkills).draw(&random)]
            let spread = random.unit()
            let slots = min(size.maximumSlots, 1 + Int(Double(size.maximumSlots) * spread * spread))
            let stipendMillions = enterprise.ownership == .fdi ? random.uniform(4.5, 7.0) : random.uniform(3.0, 5.0)
            result.append(InternshipPosting(
                id: InternshipPosting.ID("POST-" + DecimalText.padded(index + 1, width: width)),
                enterprise: enterprise.id, skill: skill, region: enterprise.region, slots: slots,
                months: months[random.below(months.count)],
                stipendPerMonth: VND((stipendMillions * 10).rounded()) * 100_000,
                minimumYear: 1 + random.weightedIndex([0.05, 0.30, 0.45, 0.20])))
        }
        return result
    }

    // MARK: Students

    func makeStudents(programs: [Program], postings: [InternshipPosting]) -> [Student] {
        let degree = programs.filter { !$0.isOnsiteTraining }
        let pool = degree.isEmpty ? programs : degree
        guard size.students > 0, !pool.isEmpty else { return [] }
        var random = SplitMix64(seed: seed, stream: 5)
        let programTable = WeightedTable(pool.map { Double(max(1, $0.baselineIntake)) })
        let regionIndex = Dictionary(
            frame.regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let macroOf = frame.regions.map(\.macroRegion)
        let skillIndex = Dictionary(
            frame.skills.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // Posting indices by skill, by skill and region, by skill and macro-region.
        var bySkill = [[Int]](repeating: [], count: frame.skills.count)
        var bySkillRegion = [[[Int]]](
            repeating: [[Int]](repeating: [], count: frame.regions.count), count: frame.skills.count)
        var bySkillMacro: [[String: [Int]]] = [[String: [Int]]](repeating: [:], count: frame.skills.count)
        for (index, posting) in postings.enumerated() {
            guard let s = skillIndex[posting.skill] else { continue }
            bySkill[s].append(index)
            if let r = regionIndex[posting.region] {
                bySkillRegion[s][r].append(index)
                bySkillMacro[s][macroOf[r], default: []].append(index)
            }
        }
        // A compact copy of what the preference loop reads, so random access stays in cache.
        let minimumYears = postings.map { UInt8(clamping: $0.minimumYear) }
        let width = max(6, String(size.students).count)
        var result: [Student] = []
        result.reserveCapacity(size.students)
        var chosen: [Int] = []
        for index in 0..<size.students {
            let program = pool[programTable.draw(&random)]
            let home = random.chance(0.7) || frame.regions.isEmpty
                ? program.region : frame.regions[random.below(frame.regions.count)].id
            let topYear = max(2, min(5, program.durationYears))
            var year = random.integer(in: 2...topYear)
            if program.level == .bachelor, random.chance(0.1) { year = 5 }
            if program.durationYears < 2 { year = random.integer(in: 1...2) }
            let tenths = 500 + Int((random.unit() + random.unit()) * 250)
            let wanted = random.integer(in: size.preferences)

            chosen.removeAll(keepingCapacity: true)
            let s = skillIndex[program.skill]
            let skillPool = s.map { bySkill[$0] } ?? []
            let homeIndex = regionIndex[home]
            let localPool = s.flatMap { s in homeIndex.map { bySkillRegion[s][$0] } } ?? []
            let macroPool = s.flatMap { s in homeIndex.flatMap { bySkillMacro[s][macroOf[$0]] } } ?? []
            var attempts = 0
            while chosen.count < wanted, attempts < wanted * 12, !postings.isEmpty {
                attempts += 1
                let draw = random.unit()
                let source: [Int]
                if draw < 0.03 || skillPool.isEmpty {
                    source = []
                } else if draw < 0.58, !localPool.isEmpty {
                    source = localPool
                } else if draw < 0.78, !macroPool.isEmpty {
                    source = macroPool
                } else {
                    source = skillPool
                }
                let candidate = source.isEmpty ? random.below(postings.count) : source[random.below(source.count)]
                if chosen.contains(candidate) { continue }
                if Int(minimumYears[candidate]) > year, random.chance(0.9) { continue }
                chosen.append(candidate)
            }
            // Top up deterministically when random draws ran out (small pools): the skill's
            // postings first, then any posting, each scanned once from a random offset.
            let floor = max(1, min(wanted, size.preferences.lowerBound))
            for scan in [skillPool, []] where chosen.count < floor {
                let length = scan.isEmpty ? postings.count : scan.count
                guard length > 0 else { continue }
                let start = random.below(length)
                var step = 0
                while chosen.count < floor, step < length {
                    let position = (start + step) % length
                    let candidate = scan.isEmpty ? position : scan[position]
                    if !chosen.contains(candidate) { chosen.append(candidate) }
                    step += 1
                }
            }
            result.append(Student(
                id: Student.ID("STU-" + DecimalText.padded(index + 1, width: width)),
                institution: program.institution, skill: program.skill, year: year,
                score: Double(tenths) / 10, homeRegion: home, preferences: chosen.map { postings[$0].id }))
        }
        return result
    }
}
