/// Column lists of the CSV files (the contract in docs/FORMATS.md).
public enum TableColumns {
    public static let institutions = ["institution", "name", "region", "kind", "ownership"]
    public static let programs = ["program", "institution", "curriculum", "baseline_intake", "capacity",
                                  "tuition_vnd_per_year", "completion_rate", "entry_rate", "host_enterprise"]
    public static let enterprises = ["enterprise", "name", "region", "sector", "ownership", "size", "tier"]
    public static let postings = ["posting", "enterprise", "skill", "region", "slots", "months",
                                  "stipend_vnd_per_month", "min_year"]
    public static let students = ["student", "institution", "skill", "year", "score", "home_region", "preferences"]
    /// Columns `students.csv` may have: `program`, the student's programme (checked against
    /// `programs.csv`: a programme of the student's institution teaching the student's skill).
    public static let studentsOptional = ["program"]
    public static let rankings = ["posting", "student", "rank"]
}

/// Turns CSV tables into domain values, checking every field and reference.
///
/// A `nil` set of known codes means "not available here" (for instance postings read on their
/// own, without enterprises.csv, or enterprises.csv whose header failed): that reference is not
/// checked. Each loader returns nil when the table's header is unusable (already reported), so
/// that references to the table are not checked either.
struct TableLoaders {
    let diagnostics: Diagnostics

    /// Reports a repeated id at its row; returns whether the id is new.
    private func firstUse<Entity>(_ id: Code<Entity>, _ seen: inout Set<Code<Entity>>, _ row: TableRow, _ column: String) -> Bool {
        if seen.insert(id).inserted { return true }
        row.fail(column, "an id not used on an earlier line (ids must be unique)")
        return false
    }

    private func reference<Entity>(_ row: TableRow, _ column: String, _ known: Set<Code<Entity>>?, what: String) -> Code<Entity>? {
        guard let known else { return row.code(column) }
        return row.reference(column, in: known, what: what)
    }

    func institutions(_ table: CSVTable, regions: Set<Region.ID>?) -> [Institution]? {
        guard let reader = TableReader(table, columns: TableColumns.institutions, diagnostics: diagnostics) else { return nil }
        var seen = Set<Institution.ID>(minimumCapacity: table.rowCount)
        return reader.compactMapRows { row in
            let id: Institution.ID? = row.code("institution")
            let name = row.required("name")
            let region = reference(row, "region", regions, what: "a region of scenario.yaml")
            let kind = row.choice("kind", InstitutionKind.self)
            let ownership = row.choice("ownership", InstitutionOwnership.self)
            guard let id, firstUse(id, &seen, row, "institution"), let name, let region, let kind, let ownership else { diagnostics.reject(id?.rawValue, in: "institutions.csv"); return nil }
            return Institution(id: id, name: name, region: region, kind: kind, ownership: ownership)
        }
    }

    func enterprises(_ table: CSVTable, regions: Set<Region.ID>?, sectors: Set<Sector.ID>?) -> [Enterprise]? {
        guard let reader = TableReader(table, columns: TableColumns.enterprises, diagnostics: diagnostics) else { return nil }
        var seen = Set<Enterprise.ID>(minimumCapacity: table.rowCount)
        return reader.compactMapRows { row in
            let id: Enterprise.ID? = row.code("enterprise")
            let name = row.required("name")
            let region = reference(row, "region", regions, what: "a region of scenario.yaml")
            let sector = reference(row, "sector", sectors, what: "a sector of scenario.yaml")
            let ownership = row.choice("ownership", Ownership.self)
            let size = row.choice("size", EnterpriseSize.self)
            let tier = row.int("tier", in: 1...3)
            guard let id, firstUse(id, &seen, row, "enterprise"), let name, let region, let sector, let ownership,
                  let size, let tier else { diagnostics.reject(id?.rawValue, in: "enterprises.csv"); return nil }
            return Enterprise(id: id, name: name, region: region, sector: sector, ownership: ownership, size: size, tier: tier)
        }
    }

    func programs(_ table: CSVTable, institutions: [Institution.ID: Institution]?, curricula: [Curriculum.ID: Curriculum],
                  enterprises: Set<Enterprise.ID>?) -> [Program]? {
        guard let reader = TableReader(table, columns: TableColumns.programs, diagnostics: diagnostics) else { return nil }
        // Without curricula (already reported) no programme resolves; one error is enough.
        if curricula.isEmpty { return [] }
        var seen = Set<Program.ID>(minimumCapacity: table.rowCount)
        let knownInstitutions = institutions.map { diagnostics.known(Array($0.keys), in: "institutions.csv") }
        let knownCurricula = Set(curricula.keys)
        return reader.compactMapRows { row in
            let id: Program.ID? = row.code("program")
            let institution = reference(row, "institution", knownInstitutions, what: "an institution of institutions.csv")
            let curriculum = row.reference("curriculum", in: knownCurricula, what: "a curriculum in Curricula/")
            let baseline = row.int("baseline_intake", in: 0...InputLimits.maximumCount)
            var capacity = row.int("capacity", in: 0...InputLimits.maximumCount)
            if let baseline, let value = capacity, value < baseline {
                row.fail("capacity", "a capacity at least the baseline intake (\(baseline))")
                capacity = nil
            }
            let tuition = row.vnd("tuition_vnd_per_year")
            let completion = row.optionalRate("completion_rate")
            let entry = row.optionalRate("entry_rate")
            var host: Enterprise.ID?? = .some(nil)
            if !row.text("host_enterprise").isEmpty {
                host = reference(row, "host_enterprise", enterprises, what: "an enterprise of enterprises.csv").map { .some($0) }
            }
            guard let id, firstUse(id, &seen, row, "program"), let institution, let curriculum, let baseline, let capacity,
                  let tuition, let completion, let entry, let host,
                  let taught = curricula[curriculum], let school = institutions?[institution]
            else { diagnostics.reject(id?.rawValue, in: "programs.csv"); return nil }
            return Program(
                id: id, institution: institution, curriculum: curriculum, baselineIntake: baseline, capacity: capacity,
                tuitionPerYear: tuition, hostEnterprise: host, skill: taught.skill, region: school.region,
                level: taught.level, durationYears: taught.durationYears,
                completionRate: completion ?? taught.completionRate, industryEntryRate: entry ?? taught.industryEntryRate,
                completers: taught.completers, effectiveSupplyFactor: taught.effectiveSupplyFactor)
        }
    }

    func postings(_ table: CSVTable, enterprises: Set<Enterprise.ID>?, skills: Set<Skill.ID>?, regions: Set<Region.ID>?) -> [InternshipPosting]? {
        guard let reader = TableReader(table, columns: TableColumns.postings, diagnostics: diagnostics) else { return nil }
        var seen = Set<InternshipPosting.ID>(minimumCapacity: table.rowCount)
        return reader.compactMapRows { row in
            let id: InternshipPosting.ID? = row.code("posting")
            let enterprise = reference(row, "enterprise", enterprises, what: "an enterprise of enterprises.csv")
            let skill = reference(row, "skill", skills, what: "a skill of scenario.yaml")
            let region = reference(row, "region", regions, what: "a region of scenario.yaml")
            let slots = row.int("slots", in: 1...10_000)
            let months = row.int("months", in: 1...12)
            let stipend = row.vnd("stipend_vnd_per_month", atMost: 1_000_000_000)
            let minimumYear = row.int("min_year", in: 1...5)
            guard let id, firstUse(id, &seen, row, "posting"), let enterprise, let skill, let region, let slots, let months,
                  let stipend, let minimumYear else { diagnostics.reject(id?.rawValue, in: "postings.csv"); return nil }
            return InternshipPosting(id: id, enterprise: enterprise, skill: skill, region: region, slots: slots,
                                     months: months, stipendPerMonth: stipend, minimumYear: minimumYear)
        }
    }

    func students(_ table: CSVTable, institutions: Set<Institution.ID>?, skills: Set<Skill.ID>?, regions: Set<Region.ID>?,
                  postings: Set<InternshipPosting.ID>?, programs: [Program.ID: Program]? = nil) -> [Student]? {
        guard let reader = TableReader(table, columns: TableColumns.students, optional: TableColumns.studentsOptional,
                                       diagnostics: diagnostics) else { return nil }
        var seen = Set<Student.ID>(minimumCapacity: table.rowCount)
        let programCodes = programs.map { Set($0.keys) }
        return reader.compactMapRows { row in
            let id: Student.ID? = row.code("student")
            let institution = reference(row, "institution", institutions, what: "an institution of institutions.csv")
            let skill = reference(row, "skill", skills, what: "a skill of scenario.yaml")
            let year = row.int("year", in: 1...5)
            let score = row.double("score", in: 0...100)
            let home = reference(row, "home_region", regions, what: "a region of scenario.yaml")
            var programOK = true
            if !row.text("program").isEmpty, let programs {
                if let code: Program.ID = row.reference("program", in: programCodes ?? [], what: "a programme of programs.csv") {
                    if let program = programs[code], let institution, let skill,
                       program.institution != institution || program.skill != skill {
                        row.fail("program", "a programme of the student's institution (\(institution)) in the student's skill (\(skill)); \(code) is \(program.institution)'s in \(program.skill)")
                        programOK = false
                    }
                } else {
                    programOK = false
                }
            } else if !row.text("program").isEmpty {
                programOK = row.code("program") as Program.ID? != nil
            }
            var preferences: [InternshipPosting.ID]? = []
            let items = row.list("preferences")
            // Repeats: a scan of the few ids before (a set per student cost a tenth of loading
            // 100,000 students); a set for a long list, so that no input makes this quadratic.
            var listed: [InternshipPosting.ID] = []
            listed.reserveCapacity(items.count)
            var listedSet = items.count > 32 ? Set<InternshipPosting.ID>() : nil
            func isRepeat(_ posting: InternshipPosting.ID) -> Bool {
                if let inserted = listedSet?.insert(posting).inserted { return !inserted }
                if listed.contains(posting) { return true }
                listed.append(posting)
                return false
            }
            for item in items {
                let posting = InternshipPosting.ID(item)
                if let postings, !postings.contains(posting) {
                    reader.diagnostics.report(row.location("preferences"), field: "preferences", value: item,
                                              expected: "the id of a posting in postings.csv")
                    preferences = nil
                } else if isRepeat(posting) {
                    reader.diagnostics.report(row.location("preferences"), field: "preferences", value: item,
                                              expected: "each posting once in a student's preferences")
                    preferences = nil
                } else {
                    preferences?.append(posting)
                }
            }
            guard let id, firstUse(id, &seen, row, "student"), let institution, let skill, let year, let score, let home,
                  let preferences, programOK else { diagnostics.reject(id?.rawValue, in: "students.csv"); return nil }
            return Student(id: id, institution: institution, skill: skill, year: year, score: score, homeRegion: home,
                           preferences: preferences)
        }
    }

    func rankings(_ table: CSVTable, postings: Set<InternshipPosting.ID>?, students: Set<Student.ID>?) -> [PostingRank]? {
        guard let reader = TableReader(table, columns: TableColumns.rankings, diagnostics: diagnostics) else { return nil }
        struct Key: Hashable {
            let posting: InternshipPosting.ID
            let value: String
        }
        var ranks: [Key: Int] = [:]
        var pairs: [Key: Int] = [:]
        return reader.compactMapRows { row in
            let posting = reference(row, "posting", postings, what: "a posting of postings.csv")
            let student = reference(row, "student", students, what: "a student of students.csv")
            let rank = row.int("rank", in: 1...InputLimits.maximumCount)
            guard let posting, let student, let rank else { return nil }
            if let earlier = pairs.updateValue(row.line, forKey: Key(posting: posting, value: student.rawValue)) {
                row.fail("student", "each student once per posting (also ranked on line \(earlier))")
                return nil
            }
            if let earlier = ranks.updateValue(row.line, forKey: Key(posting: posting, value: String(rank))) {
                row.fail("rank", "a rank not given to another student at posting \(posting) (line \(earlier) has it)")
                return nil
            }
            return PostingRank(posting: posting, student: student, rank: rank)
        }
    }
}
