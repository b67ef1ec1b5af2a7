extension StoreSchema {
    /// The planning portal (`skillplan serve`): accounts, sessions, rounds, submissions per
    /// organisation, plan jobs and the audit log. Tokens are stored only as SHA-256 digests, so a
    /// copy of the database does not let anyone sign in.
    static let portal: [String] = [
        """
        CREATE TABLE portal_user (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
            role TEXT NOT NULL CHECK (role IN ('fund', 'institution', 'enterprise')),
            organisation TEXT NOT NULL CHECK (organisation <> ''),
            password_hash TEXT,
            sign_in_link_hash TEXT UNIQUE
                CHECK (sign_in_link_hash IS NULL OR length(sign_in_link_hash) = 64),
            sign_in_link_expires_at TEXT,
            created_at TEXT NOT NULL,
            CHECK ((sign_in_link_hash IS NULL) = (sign_in_link_expires_at IS NULL))
        )
        """,
        """
        CREATE TABLE portal_session (
            token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
            user_id INTEGER NOT NULL REFERENCES portal_user(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
            language TEXT NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL CHECK (expires_at > created_at)
        )
        """,
        "CREATE INDEX portal_session_user ON portal_session(user_id)",
        """
        CREATE TABLE planning_round (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            scenario_directory TEXT NOT NULL CHECK (scenario_directory <> ''),
            curricula_directory TEXT NOT NULL CHECK (curricula_directory <> ''),
            deadline TEXT,
            status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'published')),
            opened_by TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            published_job_id INTEGER REFERENCES plan_job(id),
            CHECK ((status = 'published') = (published_job_id IS NOT NULL))
        )
        """,
        // One row per submitted item: a posting (item = posting code), a programme change (item =
        // programme code) or an institution's students (item = the institution). The primary key
        // keeps one organisation's row from being replaced by another's: the store refuses an
        // item whose row belongs to another organisation.
        """
        CREATE TABLE submission (
            round_id INTEGER NOT NULL REFERENCES planning_round(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('posting', 'program', 'students')),
            item TEXT NOT NULL CHECK (item <> ''),
            organisation TEXT NOT NULL CHECK (organisation <> ''),
            content TEXT NOT NULL,
            withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (round_id, kind, item)
        )
        """,
        "CREATE INDEX submission_organisation ON submission(round_id, organisation)",
        """
        CREATE TABLE plan_job (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES planning_round(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            stage TEXT NOT NULL DEFAULT '',
            fraction REAL NOT NULL DEFAULT 0 CHECK (fraction BETWEEN 0 AND 1),
            exports_folder TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            error TEXT,
            run_id INTEGER REFERENCES run(id) ON DELETE SET NULL,
            files TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(files)),
            summary TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
            CHECK ((status = 'running') = (finished_at IS NULL)),
            CHECK (status <> 'failed' OR error IS NOT NULL)
        )
        """,
        // One plan job at a time, across processes.
        "CREATE UNIQUE INDEX plan_job_one_running ON plan_job(status) WHERE status = 'running'",
        """
        CREATE TABLE audit_entry (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            organisation TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action <> ''),
            subject TEXT NOT NULL,
            detail TEXT NOT NULL
        )
        """,
    ]

    /// The tables of the portal, for counts in tests.
    static let portalTables = ["portal_user", "portal_session", "planning_round", "submission", "plan_job", "audit_entry"]
}
