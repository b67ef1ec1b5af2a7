import Foundation
internal import GRDB
import Workforce

extension SkillPlanStore {
    /// Stores a loaded scenario, unless the same content is already stored.
    ///
    /// The source path recorded is the scenario directory as given.
    /// - Complexity: O(n) in the number of entities, in one transaction.
    public func importDataset(_ loaded: LoadedScenario, importedAt: Date = Date()) throws(StorageError) -> ImportOutcome {
        try importDataset(
            loaded.scenario, contentHash: loaded.contentHash, sourcePath: loaded.directory,
            files: loaded.files, importedAt: importedAt
        )
    }

    /// Stores a validated scenario with its content hash and source files, unless a dataset with
    /// the same content hash is already stored.
    ///
    /// Everything is written in one transaction: if anything fails (for instance the scenario
    /// breaks a constraint of the schema: a duplicate code, a reference to an unknown code, a
    /// rate outside 0–1), nothing is stored and the database is as it was.
    ///
    /// - Parameters:
    ///   - scenario: the validated scenario (curricula included).
    ///   - contentHash: SHA-256 over the source files, 64 lowercase hex digits
    ///     (`LoadedScenario.contentHash`).
    ///   - sourcePath: the scenario directory, recorded for the user's information.
    ///   - files: the source files and their digests, for the audit trail.
    ///   - importedAt: the time recorded.
    /// - Returns: `.imported` with the new dataset, or `.alreadyPresent` with the stored one.
    /// - Throws: ``StorageError`` with code `constraintViolation` when the scenario breaks a
    ///   constraint, or another code when the database fails.
    /// - Complexity: O(n) in the number of entities; prepared statements, one transaction.
    public func importDataset(
        _ scenario: Scenario, contentHash: String, sourcePath: String, files: [SourceFileDigest],
        importedAt: Date = Date()
    ) throws(StorageError) -> ImportOutcome {
        let action = "store the dataset \(scenario.settings.name)"
        let hint = "Check the scenario with `skillplan validate DIR` and fix what it reports"
        return try write(action: action, constraintHint: hint) { db in
            if let existing = try Self.fetchDataset(db, sql: "SELECT * FROM dataset WHERE content_hash = ?", arguments: [contentHash]) {
                return .alreadyPresent(existing)
            }
            let id = try DatasetWriter(db: db).insert(
                scenario, contentHash: contentHash, sourcePath: sourcePath, files: files, importedAt: importedAt
            )
            guard let stored = try Self.fetchDataset(db, sql: "SELECT * FROM dataset WHERE id = ?", arguments: [id.rawValue]) else {
                throw StorageError(.database, path: path, message: "could not \(action): the new dataset row is missing")
            }
            return .imported(stored)
        }
    }
}

/// Inserts one scenario's rows with one prepared statement per table.
private struct DatasetWriter {
    let db: Database

    func insert(
        _ scenario: Scenario, contentHash: String, sourcePath: String, files: [SourceFileDigest], importedAt: Date
    ) throws -> DatasetID {
        let settings = scenario.settings
        try db.execute(
            sql: """
                INSERT INTO dataset (name, title, content_hash, source_path, imported_at, base_year,
                    horizon_years, productivity_growth, discount_rate, skill_count, region_count,
                    sector_count, curriculum_count, institution_count, program_count, enterprise_count,
                    posting_count, student_count, ranking_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                settings.name, settings.title, contentHash, sourcePath, importedAt, settings.baseYear,
                settings.horizonYears, settings.productivityGrowth, settings.discountRate,
                scenario.skills.count, scenario.regions.count, scenario.sectors.count,
                scenario.curricula.count, scenario.institutions.count, scenario.programs.count,
                scenario.enterprises.count, scenario.postings.count, scenario.students.count,
                scenario.rankings.count,
            ]
        )
        let id = db.lastInsertedRowID
        try db.execute(sql: "UPDATE dataset SET forecast_model = ? WHERE id = ?",
                       arguments: [try StoredJSON.encode(ForecastModelDocument(settings)), id])
        try insertSources(files, id)
        try insertGeography(scenario, id)
        try insertTraining(scenario, id)
        try insertInternships(scenario, id)
        try insertFund(scenario.fund, id)
        return DatasetID(rawValue: id)
    }

    private func insertSources(_ files: [SourceFileDigest], _ id: Int64) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO source_file (dataset_id, path, sha256, bytes) VALUES (?, ?, ?, ?)")
        for file in files {
            try statement.execute(arguments: [id, file.path, file.sha256, file.byteCount])
        }
    }

    private func insertGeography(_ scenario: Scenario, _ id: Int64) throws {
        let skill = try db.makeStatement(sql: """
            INSERT INTO skill (dataset_id, code, name, weight, attrition_rate, separations) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for item in scenario.skills {
            try skill.execute(arguments: [id, item.id.rawValue, item.name, item.weight, item.attritionRate,
                                          try StoredJSON.encode(SeparationsDocument(item))])
        }
        let region = try db.makeStatement(sql: "INSERT INTO region (dataset_id, code, name, macro_region) VALUES (?, ?, ?, ?)")
        for item in scenario.regions {
            try region.execute(arguments: [id, item.id.rawValue, item.name, item.macroRegion])
        }
        let sector = try db.makeStatement(sql: "INSERT INTO sector (dataset_id, code, name, growth_rate) VALUES (?, ?, ?, ?)")
        let output = try db.makeStatement(sql: "INSERT INTO sector_output (dataset_id, sector, region, trillion_vnd) VALUES (?, ?, ?, ?)")
        let anchor = try db.makeStatement(sql: "INSERT INTO sector_localisation (dataset_id, sector, year, rate) VALUES (?, ?, ?, ?)")
        let intensity = try db.makeStatement(sql: """
            INSERT INTO sector_intensity (dataset_id, sector, skill, engineers_per_trillion_vnd) VALUES (?, ?, ?, ?)
            """)
        for item in scenario.sectors {
            let code = item.id.rawValue
            try sector.execute(arguments: [id, code, item.name, item.growthRate])
            for (region, value) in item.baseOutput.sorted(by: { $0.key < $1.key }) {
                try output.execute(arguments: [id, code, region.rawValue, value])
            }
            for point in item.localisation.anchors {
                try anchor.execute(arguments: [id, code, point.year, point.rate])
            }
            for (skill, value) in item.intensity.sorted(by: { $0.key < $1.key }) {
                try intensity.execute(arguments: [id, code, skill.rawValue, value])
            }
        }
        let stock = try db.makeStatement(sql: "INSERT INTO initial_stock (dataset_id, skill, region, engineers) VALUES (?, ?, ?, ?)")
        for (skill, byRegion) in scenario.initialStock.sorted(by: { $0.key < $1.key }) {
            for (region, engineers) in byRegion.sorted(by: { $0.key < $1.key }) {
                try stock.execute(arguments: [id, skill.rawValue, region.rawValue, engineers])
            }
        }
        let variant = try db.makeStatement(sql: "INSERT INTO variant (dataset_id, name, description, overrides) VALUES (?, ?, ?, ?)")
        for item in scenario.variants {
            try variant.execute(arguments: [id, item.name, item.description, StoredJSON.encode(VariantOverridesDocument(item))])
        }
    }

    private func insertTraining(_ scenario: Scenario, _ id: Int64) throws {
        let curriculum = try db.makeStatement(sql: """
            INSERT INTO curriculum (dataset_id, code, name, skill, level, duration_years, completion_rate, entry_rate,
                completers, effective_supply_factor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let module = try db.makeStatement(sql: """
            INSERT INTO curriculum_module (dataset_id, curriculum, position, name, hours, competencies) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for item in scenario.curricula {
            try curriculum.execute(arguments: [
                id, item.id.rawValue, item.name, item.skill.rawValue, item.level.rawValue, item.durationYears,
                item.completionRate, item.industryEntryRate, item.completers.rawValue, item.effectiveSupplyFactor,
            ])
            for (position, part) in item.modules.enumerated() {
                try module.execute(arguments: [
                    id, item.id.rawValue, position, part.name, part.hours, StoredJSON.encode(part.competencies),
                ])
            }
        }
        let institution = try db.makeStatement(sql: """
            INSERT INTO institution (dataset_id, code, name, region, kind, ownership) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for item in scenario.institutions {
            try institution.execute(arguments: [
                id, item.id.rawValue, item.name, item.region.rawValue, item.kind.rawValue, item.ownership.rawValue,
            ])
        }
        // Enterprises before programmes: an on-site course names its host enterprise.
        let enterprise = try db.makeStatement(sql: """
            INSERT INTO enterprise (dataset_id, code, name, region, sector, ownership, size, tier) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in scenario.enterprises {
            try enterprise.execute(arguments: [
                id, item.id.rawValue, item.name, item.region.rawValue, item.sector.rawValue, item.ownership.rawValue,
                item.size.rawValue, item.tier,
            ])
        }
        let program = try db.makeStatement(sql: """
            INSERT INTO program (dataset_id, code, institution, curriculum, baseline_intake, capacity,
                tuition_vnd_per_year, host_enterprise, skill, region, level, duration_years, completion_rate, entry_rate)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in scenario.programs {
            try program.execute(arguments: [
                id, item.id.rawValue, item.institution.rawValue, item.curriculum.rawValue, item.baselineIntake,
                item.capacity, item.tuitionPerYear, item.hostEnterprise?.rawValue, item.skill.rawValue,
                item.region.rawValue, item.level.rawValue, item.durationYears, item.completionRate,
                item.industryEntryRate,
            ])
        }
    }

    private func insertInternships(_ scenario: Scenario, _ id: Int64) throws {
        let posting = try db.makeStatement(sql: """
            INSERT INTO posting (dataset_id, code, enterprise, skill, region, slots, months, stipend_vnd_per_month, min_year)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in scenario.postings {
            try posting.execute(arguments: [
                id, item.id.rawValue, item.enterprise.rawValue, item.skill.rawValue, item.region.rawValue,
                item.slots, item.months, item.stipendPerMonth, item.minimumYear,
            ])
        }
        let student = try db.makeStatement(sql: """
            INSERT INTO student (dataset_id, code, institution, skill, year, score, home_region, preferences)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in scenario.students {
            try student.execute(arguments: [
                id, item.id.rawValue, item.institution.rawValue, item.skill.rawValue, item.year, item.score,
                item.homeRegion.rawValue, StoredJSON.stringArray(item.preferences.map(\.rawValue)),
            ])
        }
        let rank = try db.makeStatement(sql: "INSERT INTO posting_rank (dataset_id, posting, student, rank) VALUES (?, ?, ?, ?)")
        for item in scenario.rankings {
            try rank.execute(arguments: [id, item.posting.rawValue, item.student.rawValue, item.rank])
        }
    }

    private func insertFund(_ fund: FundPolicy, _ id: Int64) throws {
        try db.execute(
            sql: "INSERT INTO fund_policy (dataset_id, name, carry_over, terms) VALUES (?, ?, ?, ?)",
            arguments: [id, fund.name, fund.carryOver, StoredJSON.encode(FundTermsDocument(fund))]
        )
        let budget = try db.makeStatement(sql: "INSERT INTO fund_budget (dataset_id, year, vnd) VALUES (?, ?, ?)")
        for year in fund.budgetYears {
            try budget.execute(arguments: [id, year, fund.budgetByYear[year] ?? 0])
        }
    }
}
