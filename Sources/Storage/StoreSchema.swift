internal import GRDB

/// The database schema, as a list of migrations.
///
/// Migrations describe past states of the database, so they use plain SQL and no application
/// types. Invariants live in the schema: NOT NULL, foreign keys (composite, `(dataset_id, code)`,
/// so one dataset never points into another), UNIQUE, and CHECK constraints on enumerations,
/// rates and counts. Never edit a shipped migration: add a new one.
enum StoreSchema {
    /// The migrations in order. Add new ones at the end.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: datasets, entities, runs") { db in
            for statement in version1 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v2: interrupted runs, run process id") { db in
            for statement in version2 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v3: forecast model (mobility, separations, completers)") { db in
            for statement in version3 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v4: match rounds") { db in
            for statement in matchRounds { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v5: portal") { db in
            for statement in portal { try db.execute(sql: statement) }
        }
        return migrator
    }

    /// The entity tables, in the order a dataset is inserted (parents before children).
    static let datasetTables = [
        "dataset", "source_file", "skill", "region", "sector", "sector_output", "sector_localisation",
        "sector_intensity", "initial_stock", "variant", "curriculum", "curriculum_module", "institution",
        "enterprise", "program", "posting", "student", "posting_rank",
        "fund_policy", "fund_budget",
    ]

    /// Every table of the schema.
    static let allTables = datasetTables + ["run", "run_result"]

    /// Graduate mobility, separations and the uncertainty of the forecast (JSON documents, NULL
    /// for datasets stored before: they load as the first release read them), and whether a
    /// curriculum's completers are new headcount.
    private static let version3: [String] = [
        "ALTER TABLE dataset ADD COLUMN forecast_model TEXT",
        "ALTER TABLE skill ADD COLUMN separations TEXT",
        """
        ALTER TABLE curriculum ADD COLUMN completers TEXT NOT NULL DEFAULT 'new-headcount'
            CHECK (completers IN ('new-headcount', 'upskilled-staff'))
        """,
        """
        ALTER TABLE curriculum ADD COLUMN effective_supply_factor REAL NOT NULL DEFAULT 1
            CHECK (effective_supply_factor BETWEEN 0 AND 1)
        """,
    ]

    private static let version1: [String] = [
        """
        CREATE TABLE dataset (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            title TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE
                CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
            source_path TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            base_year INTEGER NOT NULL,
            horizon_years INTEGER NOT NULL CHECK (horizon_years >= 1),
            productivity_growth REAL NOT NULL,
            discount_rate REAL NOT NULL,
            skill_count INTEGER NOT NULL CHECK (skill_count >= 0),
            region_count INTEGER NOT NULL CHECK (region_count >= 0),
            sector_count INTEGER NOT NULL CHECK (sector_count >= 0),
            curriculum_count INTEGER NOT NULL CHECK (curriculum_count >= 0),
            institution_count INTEGER NOT NULL CHECK (institution_count >= 0),
            program_count INTEGER NOT NULL CHECK (program_count >= 0),
            enterprise_count INTEGER NOT NULL CHECK (enterprise_count >= 0),
            posting_count INTEGER NOT NULL CHECK (posting_count >= 0),
            student_count INTEGER NOT NULL CHECK (student_count >= 0),
            ranking_count INTEGER NOT NULL CHECK (ranking_count >= 0)
        )
        """,
        """
        CREATE TABLE source_file (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            path TEXT NOT NULL CHECK (path <> ''),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            bytes INTEGER NOT NULL CHECK (bytes >= 0),
            PRIMARY KEY (dataset_id, path)
        )
        """,
        """
        CREATE TABLE skill (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            code TEXT NOT NULL CHECK (code <> ''),
            name TEXT NOT NULL,
            weight REAL NOT NULL CHECK (weight > 0),
            attrition_rate REAL NOT NULL CHECK (attrition_rate BETWEEN 0 AND 1),
            PRIMARY KEY (dataset_id, code)
        )
        """,
        """
        CREATE TABLE region (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            code TEXT NOT NULL CHECK (code <> ''),
            name TEXT NOT NULL,
            macro_region TEXT NOT NULL,
            PRIMARY KEY (dataset_id, code)
        )
        """,
        """
        CREATE TABLE sector (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            code TEXT NOT NULL CHECK (code <> ''),
            name TEXT NOT NULL,
            growth_rate REAL NOT NULL,
            PRIMARY KEY (dataset_id, code)
        )
        """,
        """
        CREATE TABLE sector_output (
            dataset_id INTEGER NOT NULL,
            sector TEXT NOT NULL,
            region TEXT NOT NULL,
            trillion_vnd REAL NOT NULL CHECK (trillion_vnd >= 0),
            PRIMARY KEY (dataset_id, sector, region),
            FOREIGN KEY (dataset_id, sector) REFERENCES sector(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, region) REFERENCES region(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE sector_localisation (
            dataset_id INTEGER NOT NULL,
            sector TEXT NOT NULL,
            year INTEGER NOT NULL,
            rate REAL NOT NULL CHECK (rate BETWEEN 0 AND 1),
            PRIMARY KEY (dataset_id, sector, year),
            FOREIGN KEY (dataset_id, sector) REFERENCES sector(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE sector_intensity (
            dataset_id INTEGER NOT NULL,
            sector TEXT NOT NULL,
            skill TEXT NOT NULL,
            engineers_per_trillion_vnd REAL NOT NULL CHECK (engineers_per_trillion_vnd >= 0),
            PRIMARY KEY (dataset_id, sector, skill),
            FOREIGN KEY (dataset_id, sector) REFERENCES sector(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, skill) REFERENCES skill(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE initial_stock (
            dataset_id INTEGER NOT NULL,
            skill TEXT NOT NULL,
            region TEXT NOT NULL,
            engineers REAL NOT NULL CHECK (engineers >= 0),
            PRIMARY KEY (dataset_id, skill, region),
            FOREIGN KEY (dataset_id, skill) REFERENCES skill(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, region) REFERENCES region(dataset_id, code) ON DELETE CASCADE
        )
        """,
        // Overrides of a variant (growth, localisation, attrition by code) as one JSON object.
        """
        CREATE TABLE variant (
            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name <> ''),
            description TEXT NOT NULL,
            overrides TEXT NOT NULL CHECK (json_valid(overrides)),
            PRIMARY KEY (dataset_id, name)
        )
        """,
        """
        CREATE TABLE curriculum (
            dataset_id INTEGER NOT NULL,
            code TEXT NOT NULL CHECK (code <> ''),
            name TEXT NOT NULL,
            skill TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('vocational', 'college', 'bachelor', 'upskilling')),
            duration_years INTEGER NOT NULL CHECK (duration_years >= 0),
            completion_rate REAL NOT NULL CHECK (completion_rate BETWEEN 0 AND 1),
            entry_rate REAL NOT NULL CHECK (entry_rate BETWEEN 0 AND 1),
            PRIMARY KEY (dataset_id, code),
            FOREIGN KEY (dataset_id) REFERENCES dataset(id) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, skill) REFERENCES skill(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE curriculum_module (
            dataset_id INTEGER NOT NULL,
            curriculum TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            name TEXT NOT NULL,
            hours INTEGER NOT NULL CHECK (hours >= 0),
            competencies TEXT NOT NULL CHECK (json_valid(competencies)),
            PRIMARY KEY (dataset_id, curriculum, position),
            FOREIGN KEY (dataset_id, curriculum) REFERENCES curriculum(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE institution (
            dataset_id INTEGER NOT NULL,
            code TEXT NOT NULL CHECK (code <> ''),
            name TEXT NOT NULL,
            region TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('university', 'college', 'vocational', 'training-centre')),
            ownership TEXT NOT NULL CHECK (ownership IN ('public', 'private')),
            PRIMARY KEY (dataset_id, code),
            FOREIGN KEY (dataset_id) REFERENCES dataset(id) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, region) REFERENCES region(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE enterprise (
            dataset_id INTEGER NOT NULL,
            code TEXT NOT NULL CHECK (code <> ''),
            name TEXT NOT NULL,
            region TEXT NOT NULL,
            sector TEXT NOT NULL,
            ownership TEXT NOT NULL CHECK (ownership IN ('fdi', 'domestic')),
            size TEXT NOT NULL CHECK (size IN ('micro', 'small', 'medium', 'large')),
            tier INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 3),
            PRIMARY KEY (dataset_id, code),
            FOREIGN KEY (dataset_id) REFERENCES dataset(id) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, region) REFERENCES region(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, sector) REFERENCES sector(dataset_id, code) ON DELETE CASCADE
        )
        """,
        // skill, region, level, duration and the rates are resolved from the curriculum and the
        // institution (and programs.csv overrides), as in `Program`.
        """
        CREATE TABLE program (
            dataset_id INTEGER NOT NULL,
            code TEXT NOT NULL CHECK (code <> ''),
            institution TEXT NOT NULL,
            curriculum TEXT NOT NULL,
            baseline_intake INTEGER NOT NULL CHECK (baseline_intake >= 0),
            capacity INTEGER NOT NULL CHECK (capacity >= baseline_intake),
            tuition_vnd_per_year INTEGER NOT NULL CHECK (tuition_vnd_per_year >= 0),
            host_enterprise TEXT,
            skill TEXT NOT NULL,
            region TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('vocational', 'college', 'bachelor', 'upskilling')),
            duration_years INTEGER NOT NULL CHECK (duration_years >= 0),
            completion_rate REAL NOT NULL CHECK (completion_rate BETWEEN 0 AND 1),
            entry_rate REAL NOT NULL CHECK (entry_rate BETWEEN 0 AND 1),
            PRIMARY KEY (dataset_id, code),
            FOREIGN KEY (dataset_id) REFERENCES dataset(id) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, institution) REFERENCES institution(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, curriculum) REFERENCES curriculum(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, host_enterprise) REFERENCES enterprise(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, skill) REFERENCES skill(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, region) REFERENCES region(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE posting (
            dataset_id INTEGER NOT NULL,
            code TEXT NOT NULL CHECK (code <> ''),
            enterprise TEXT NOT NULL,
            skill TEXT NOT NULL,
            region TEXT NOT NULL,
            slots INTEGER NOT NULL CHECK (slots >= 1),
            months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 12),
            stipend_vnd_per_month INTEGER NOT NULL CHECK (stipend_vnd_per_month >= 0),
            min_year INTEGER NOT NULL CHECK (min_year BETWEEN 1 AND 5),
            PRIMARY KEY (dataset_id, code),
            FOREIGN KEY (dataset_id) REFERENCES dataset(id) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, enterprise) REFERENCES enterprise(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, skill) REFERENCES skill(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, region) REFERENCES region(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE student (
            dataset_id INTEGER NOT NULL,
            code TEXT NOT NULL CHECK (code <> ''),
            institution TEXT NOT NULL,
            skill TEXT NOT NULL,
            year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 5),
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
            home_region TEXT NOT NULL,
            preferences TEXT NOT NULL
                CHECK (json_valid(preferences) AND json_type(preferences) = 'array'),
            PRIMARY KEY (dataset_id, code),
            FOREIGN KEY (dataset_id) REFERENCES dataset(id) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, institution) REFERENCES institution(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, skill) REFERENCES skill(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, home_region) REFERENCES region(dataset_id, code) ON DELETE CASCADE
        )
        """,
        // A student's preferences: a JSON array of posting codes, most wanted first. Every code
        // must name a posting of the same dataset (the trigger checks it on insert and update).
        // A child table with a foreign key per preference costs three times as much to import at
        // national scale (half a million preferences).
        """
        CREATE TRIGGER student_preferences_exist
        BEFORE INSERT ON student
        WHEN EXISTS (
            SELECT 1 FROM json_each(NEW.preferences) AS wanted
            WHERE NOT EXISTS (
                SELECT 1 FROM posting WHERE posting.dataset_id = NEW.dataset_id AND posting.code = wanted.value
            )
        )
        BEGIN
            SELECT RAISE(ABORT, 'student preferences name a posting that is not in the dataset');
        END
        """,
        """
        CREATE TRIGGER student_preferences_exist_on_update
        BEFORE UPDATE OF preferences, dataset_id ON student
        WHEN EXISTS (
            SELECT 1 FROM json_each(NEW.preferences) AS wanted
            WHERE NOT EXISTS (
                SELECT 1 FROM posting WHERE posting.dataset_id = NEW.dataset_id AND posting.code = wanted.value
            )
        )
        BEGIN
            SELECT RAISE(ABORT, 'student preferences name a posting that is not in the dataset');
        END
        """,
        """
        CREATE TABLE posting_rank (
            dataset_id INTEGER NOT NULL,
            posting TEXT NOT NULL,
            student TEXT NOT NULL,
            rank INTEGER NOT NULL CHECK (rank >= 1),
            PRIMARY KEY (dataset_id, posting, student),
            UNIQUE (dataset_id, posting, rank),
            FOREIGN KEY (dataset_id, posting) REFERENCES posting(dataset_id, code) ON DELETE CASCADE,
            FOREIGN KEY (dataset_id, student) REFERENCES student(dataset_id, code) ON DELETE CASCADE
        )
        """,
        """
        CREATE INDEX posting_rank_student ON posting_rank(dataset_id, student)
        """,
        // Scholarship, internship, on-site training terms and fairness rules as one JSON object.
        """
        CREATE TABLE fund_policy (
            dataset_id INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            carry_over INTEGER NOT NULL CHECK (carry_over IN (0, 1)),
            terms TEXT NOT NULL CHECK (json_valid(terms))
        )
        """,
        """
        CREATE TABLE fund_budget (
            dataset_id INTEGER NOT NULL REFERENCES fund_policy(dataset_id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            vnd INTEGER NOT NULL CHECK (vnd >= 0),
            PRIMARY KEY (dataset_id, year)
        )
        """,
        """
        CREATE TABLE run (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN
                ('validate', 'import', 'forecast', 'allocate', 'match', 'plan', 'bench', 'synth', 'template')),
            dataset_id INTEGER REFERENCES dataset(id) ON DELETE RESTRICT,
            parameters TEXT NOT NULL CHECK (json_valid(parameters)),
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            summary TEXT,
            software_version TEXT NOT NULL,
            CHECK ((status = 'running') = (finished_at IS NULL)),
            CHECK (finished_at IS NULL OR finished_at >= started_at)
        )
        """,
        """
        CREATE INDEX run_dataset ON run(dataset_id)
        """,
        """
        CREATE TABLE run_result (
            run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name <> ''),
            format TEXT NOT NULL CHECK (format IN ('json', 'csv', 'text')),
            content TEXT NOT NULL,
            PRIMARY KEY (run_id, name)
        )
        """,
    ]

    /// Runs may end `interrupted` (their process vanished), and record the process that runs
    /// them so the next start can tell. SQLite cannot change a CHECK: the table is rebuilt
    /// (foreign keys are off during a migration; `run_result` keeps pointing at `run`).
    private static let version2: [String] = [
        """
        CREATE TABLE run_v2 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN
                ('validate', 'import', 'forecast', 'allocate', 'match', 'plan', 'bench', 'synth', 'template')),
            dataset_id INTEGER REFERENCES dataset(id) ON DELETE RESTRICT,
            parameters TEXT NOT NULL CHECK (json_valid(parameters)),
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
            summary TEXT,
            software_version TEXT NOT NULL,
            process_id INTEGER CHECK (process_id > 0),
            CHECK ((status = 'running') = (finished_at IS NULL)),
            CHECK (finished_at IS NULL OR finished_at >= started_at)
        )
        """,
        """
        INSERT INTO run_v2 (id, kind, dataset_id, parameters, started_at, finished_at, status, summary, software_version)
        SELECT id, kind, dataset_id, parameters, started_at, finished_at, status, summary, software_version FROM run
        """,
        "DROP TABLE run",
        "ALTER TABLE run_v2 RENAME TO run",
        "CREATE INDEX run_dataset ON run(dataset_id)",
        "CREATE INDEX run_running ON run(status) WHERE status = 'running'",
    ]

    /// One row per `match` run: which round it was, the hash of the matches.csv it wrote, and for a
    /// second round the first round's matches.csv (by hash) and the run that wrote it, if stored.
    static let matchRounds = [
        """
        CREATE TABLE match_round (
            run_id INTEGER PRIMARY KEY REFERENCES run(id) ON DELETE CASCADE,
            round INTEGER NOT NULL CHECK (round IN (1, 2)),
            mechanism TEXT NOT NULL
                CHECK (mechanism IN ('deferred_acceptance', 'flexible_deferred_acceptance', 'minimum_places')),
            students INTEGER NOT NULL CHECK (students >= 0),
            matched INTEGER NOT NULL CHECK (matched BETWEEN 0 AND students),
            matches_sha256 TEXT NOT NULL CHECK (length(matches_sha256) = 64 AND matches_sha256 NOT GLOB '*[^0-9a-f]*'),
            first_round_sha256 TEXT
                CHECK (first_round_sha256 IS NULL OR (length(first_round_sha256) = 64 AND first_round_sha256 NOT GLOB '*[^0-9a-f]*')),
            first_round_run_id INTEGER REFERENCES run(id) ON DELETE SET NULL,
            CHECK ((round = 1) = (first_round_sha256 IS NULL)),
            CHECK (round = 2 OR first_round_run_id IS NULL)
        )
        """,
        "CREATE INDEX match_round_by_matches ON match_round(matches_sha256)",
    ]
}
