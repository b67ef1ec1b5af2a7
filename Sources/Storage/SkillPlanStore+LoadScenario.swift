import Foundation
internal import GRDB
import Workforce

extension SkillPlanStore {
    /// Reads a stored dataset back into a ``Scenario`` (baseline variant), in the order it was
    /// imported.
    ///
    /// - Throws: ``StorageError`` with code `datasetNotFound` when no dataset has this id, or
    ///   `corrupt` when a stored value cannot be read back.
    /// - Complexity: O(n) in the number of stored rows of the dataset.
    public func loadScenario(datasetID id: DatasetID) throws(StorageError) -> Scenario {
        let path = self.path
        return try read(action: "read dataset \(id)") { db in
            guard let settingsRow = try Row.fetchOne(db, sql: "SELECT * FROM dataset WHERE id = ?", arguments: [id.rawValue]) else {
                throw StorageError(.datasetNotFound, path: path, message: """
                    there is no dataset \(id) in \(StorageError.displayName(of: path)); import the scenario \
                    first with `skillplan import DIR`
                    """)
            }
            return try ScenarioReader(db: db, id: id.rawValue, path: path).scenario(settingsRow)
        }
    }
}

/// Reads one dataset's rows, in insertion (rowid) order.
private struct ScenarioReader {
    let db: Database
    let id: Int64
    let path: String

    private func rows(_ table: String, order: String = "rowid") throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE dataset_id = ? ORDER BY \(order)", arguments: [id])
    }

    private func value<T: RawRepresentable<String>>(_ type: T.Type, _ row: Row, _ column: String) throws -> T {
        let text: String = try row.decode(forColumn: column)
        guard let value = T(rawValue: text) else {
            throw StorageError(.corrupt, path: path, message: """
                \(StorageError.displayName(of: path)) holds an unknown value '\(text)' in column \(column) \
                of dataset \(id); it was changed outside SkillPlan: import the scenario again into a new database
                """)
        }
        return value
    }

    private func code<Entity>(_ row: Row, _ column: String) throws -> Code<Entity> {
        Code(try row.decode(String.self, forColumn: column))
    }

    func scenario(_ datasetRow: Row) throws -> Scenario {
        var settings = ScenarioSettings(
            name: try datasetRow.decode(forColumn: "name"), title: try datasetRow.decode(forColumn: "title"),
            baseYear: try datasetRow.decode(forColumn: "base_year"),
            horizonYears: try datasetRow.decode(forColumn: "horizon_years"),
            productivityGrowth: try datasetRow.decode(forColumn: "productivity_growth"),
            discountRate: try datasetRow.decode(forColumn: "discount_rate")
        )
        if let model: String = try datasetRow.decode(forColumn: "forecast_model") {
            try StoredJSON.decode(ForecastModelDocument.self, from: model).apply(to: &settings)
        }
        let skills = try rows("skill").map { row in
            let name: String = try row.decode(forColumn: "name")
            let weight: Double = try row.decode(forColumn: "weight")
            if let stored: String = try row.decode(forColumn: "separations") {
                let document = try StoredJSON.decode(SeparationsDocument.self, from: stored)
                return Skill(id: try code(row, "code"), name: name, weight: weight, separations: document.separations,
                             ageProfile: document.profile)
            }
            return Skill(id: try code(row, "code"), name: name, weight: weight,
                         attritionRate: try row.decode(forColumn: "attrition_rate"))
        }
        let regions = try rows("region").map { row in
            Region(id: try code(row, "code"), name: try row.decode(forColumn: "name"),
                   macroRegion: try row.decode(forColumn: "macro_region"))
        }
        let curricula = try curricula()
        return Scenario(
            settings: settings, skills: skills, regions: regions, sectors: try sectors(),
            initialStock: try initialStock(), variants: try variants(), curricula: curricula,
            institutions: try institutions(), programs: try programs(curricula), enterprises: try enterprises(),
            postings: try postings(), students: try students(), rankings: try rankings(), fund: try fund()
        )
    }

    private func sectors() throws -> [Sector] {
        var output: [Sector.ID: [Region.ID: Double]] = [:]
        for row in try rows("sector_output") {
            output[try code(row, "sector"), default: [:]][try code(row, "region")] = try row.decode(forColumn: "trillion_vnd")
        }
        var anchors: [Sector.ID: [LocalisationPath.Anchor]] = [:]
        for row in try rows("sector_localisation", order: "sector, year") {
            anchors[try code(row, "sector"), default: []].append(
                .init(year: try row.decode(forColumn: "year"), rate: try row.decode(forColumn: "rate")))
        }
        var intensity: [Sector.ID: [Skill.ID: Double]] = [:]
        for row in try rows("sector_intensity") {
            intensity[try code(row, "sector"), default: [:]][try code(row, "skill")] =
                try row.decode(forColumn: "engineers_per_trillion_vnd")
        }
        return try rows("sector").map { row in
            let id: Sector.ID = try code(row, "code")
            return Sector(
                id: id, name: try row.decode(forColumn: "name"), baseOutput: output[id] ?? [:],
                growthRate: try row.decode(forColumn: "growth_rate"),
                localisation: LocalisationPath(anchors: anchors[id] ?? []), intensity: intensity[id] ?? [:]
            )
        }
    }

    private func initialStock() throws -> [Skill.ID: [Region.ID: Double]] {
        var stock: [Skill.ID: [Region.ID: Double]] = [:]
        for row in try rows("initial_stock") {
            stock[try code(row, "skill"), default: [:]][try code(row, "region")] = try row.decode(forColumn: "engineers")
        }
        return stock
    }

    private func variants() throws -> [ScenarioVariant] {
        try rows("variant").map { row in
            let overrides = try StoredJSON.decode(VariantOverridesDocument.self, from: try row.decode(forColumn: "overrides"))
            return overrides.variant(name: try row.decode(forColumn: "name"), description: try row.decode(forColumn: "description"))
        }
    }

    private func curricula() throws -> [Curriculum] {
        var modules: [Curriculum.ID: [CurriculumModule]] = [:]
        for row in try rows("curriculum_module", order: "curriculum, position") {
            let competencies = try StoredJSON.decode([String].self, from: try row.decode(forColumn: "competencies"))
            modules[try code(row, "curriculum"), default: []].append(CurriculumModule(
                name: try row.decode(forColumn: "name"), hours: try row.decode(forColumn: "hours"), competencies: competencies))
        }
        return try rows("curriculum").map { row in
            let id: Curriculum.ID = try code(row, "code")
            return Curriculum(
                id: id, name: try row.decode(forColumn: "name"), skill: try code(row, "skill"),
                level: try value(QualificationLevel.self, row, "level"),
                durationYears: try row.decode(forColumn: "duration_years"), modules: modules[id] ?? [],
                completionRate: try row.decode(forColumn: "completion_rate"),
                industryEntryRate: try row.decode(forColumn: "entry_rate"),
                completers: try value(CompleterKind.self, row, "completers"),
                effectiveSupplyFactor: try row.decode(forColumn: "effective_supply_factor")
            )
        }
    }

    private func institutions() throws -> [Institution] {
        try rows("institution").map { row in
            Institution(
                id: try code(row, "code"), name: try row.decode(forColumn: "name"), region: try code(row, "region"),
                kind: try value(InstitutionKind.self, row, "kind"),
                ownership: try value(InstitutionOwnership.self, row, "ownership")
            )
        }
    }

    private func programs(_ curricula: [Curriculum]) throws -> [Program] {
        let taught = Dictionary(curricula.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try rows("program").map { row in
            let host: String? = try row.decode(forColumn: "host_enterprise")
            let curriculum = taught[try code(row, "curriculum")]
            return Program(
                id: try code(row, "code"), institution: try code(row, "institution"),
                curriculum: try code(row, "curriculum"), baselineIntake: try row.decode(forColumn: "baseline_intake"),
                capacity: try row.decode(forColumn: "capacity"), tuitionPerYear: try row.decode(forColumn: "tuition_vnd_per_year"),
                hostEnterprise: host.map { Enterprise.ID($0) }, skill: try code(row, "skill"),
                region: try code(row, "region"), level: try value(QualificationLevel.self, row, "level"),
                durationYears: try row.decode(forColumn: "duration_years"),
                completionRate: try row.decode(forColumn: "completion_rate"),
                industryEntryRate: try row.decode(forColumn: "entry_rate"),
                completers: curriculum?.completers, effectiveSupplyFactor: curriculum?.effectiveSupplyFactor
            )
        }
    }

    private func enterprises() throws -> [Enterprise] {
        try rows("enterprise").map { row in
            Enterprise(
                id: try code(row, "code"), name: try row.decode(forColumn: "name"), region: try code(row, "region"),
                sector: try code(row, "sector"), ownership: try value(Ownership.self, row, "ownership"),
                size: try value(EnterpriseSize.self, row, "size"), tier: try row.decode(forColumn: "tier")
            )
        }
    }

    private func postings() throws -> [InternshipPosting] {
        try rows("posting").map { row in
            InternshipPosting(
                id: try code(row, "code"), enterprise: try code(row, "enterprise"), skill: try code(row, "skill"),
                region: try code(row, "region"), slots: try row.decode(forColumn: "slots"),
                months: try row.decode(forColumn: "months"), stipendPerMonth: try row.decode(forColumn: "stipend_vnd_per_month"),
                minimumYear: try row.decode(forColumn: "min_year")
            )
        }
    }

    private func students() throws -> [Student] {
        let decoder = JSONDecoder()
        return try rows("student").map { row in
            let preferences = try decoder.decode([String].self, from: Data(try row.decode(String.self, forColumn: "preferences").utf8))
            return Student(
                id: try code(row, "code"), institution: try code(row, "institution"), skill: try code(row, "skill"),
                year: try row.decode(forColumn: "year"), score: try row.decode(forColumn: "score"),
                homeRegion: try code(row, "home_region"), preferences: preferences.map { InternshipPosting.ID($0) }
            )
        }
    }

    private func rankings() throws -> [PostingRank] {
        try rows("posting_rank").map { row in
            PostingRank(posting: try code(row, "posting"), student: try code(row, "student"), rank: try row.decode(forColumn: "rank"))
        }
    }

    private func fund() throws -> FundPolicy {
        var budget: [Int: VND] = [:]
        for row in try rows("fund_budget") {
            budget[try row.decode(forColumn: "year")] = try row.decode(forColumn: "vnd")
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM fund_policy WHERE dataset_id = ?", arguments: [id]) else {
            throw StorageError(.corrupt, path: path, message: """
                dataset \(id) in \(StorageError.displayName(of: path)) has no fund policy; it was changed outside \
                SkillPlan: import the scenario again
                """)
        }
        let terms = try StoredJSON.decode(FundTermsDocument.self, from: try row.decode(forColumn: "terms"))
        return terms.fund(name: try row.decode(forColumn: "name"), budgetByYear: budget, carryOver: try row.decode(forColumn: "carry_over"))
    }
}
