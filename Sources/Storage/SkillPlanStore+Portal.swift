import Foundation
internal import GRDB

/// The portal's storage: accounts, sessions, rounds, submissions, plan jobs and the audit log.
/// Every change that a person makes is written with its audit entry in one transaction.
extension SkillPlanStore {
    // MARK: Accounts

    /// Creates an account.
    /// - Throws: ``StorageError`` `constraintViolation` when the e-mail address has an account.
    @discardableResult
    public func addUser(email: String, role: PortalRole, organisation: String, passwordHash: String?,
                        by actor: AuditActor = .system, at now: Date = Date()) throws(StorageError) -> PortalUser {
        try write(action: "add the account \(email)",
                  constraintHint: "an account with this e-mail address exists already, or the address is not valid") { db in
            try db.execute(sql: """
                INSERT INTO portal_user (email, role, organisation, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [email, role.rawValue, organisation, passwordHash, now])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, actor, now, "user.add", email, "\(role.rawValue) \(organisation)")
            return PortalUser(id: id, email: email, role: role, organisation: organisation, passwordHash: passwordHash, createdAt: now)
        }
    }

    /// The account with this e-mail address (case-insensitive).
    public func user(email: String) throws(StorageError) -> PortalUser? {
        try read(action: "read the account \(email)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM portal_user WHERE email = ?", arguments: [email]).map(Self.user)
        }
    }

    /// Every account, by e-mail address.
    public func users() throws(StorageError) -> [PortalUser] {
        try read(action: "read the accounts") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM portal_user ORDER BY email").map(Self.user)
        }
    }

    /// Stores the digest of a one-time sign-in link for an account, replacing any earlier link.
    public func setSignInLink(userID: Int64, linkHash: String, expiresAt: Date) throws(StorageError) {
        try write(action: "store a sign-in link") { db in
            try db.execute(sql: "UPDATE portal_user SET sign_in_link_hash = ?, sign_in_link_expires_at = ? WHERE id = ?",
                           arguments: [linkHash, expiresAt, userID])
        }
    }

    /// The account of a sign-in link that has not expired; the link is used up (cleared) in the
    /// same transaction, so it works once.
    public func consumeSignInLink(linkHash: String, at now: Date = Date()) throws(StorageError) -> PortalUser? {
        try write(action: "use a sign-in link") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM portal_user WHERE sign_in_link_hash = ?", arguments: [linkHash])
            else { return nil }
            let user = Self.user(row)
            try db.execute(sql: "UPDATE portal_user SET sign_in_link_hash = NULL, sign_in_link_expires_at = NULL WHERE id = ?",
                           arguments: [user.id])
            let expires: Date = row["sign_in_link_expires_at"]
            guard expires > now else { return nil }
            try Self.appendAudit(db, AuditActor(email: user.email, organisation: user.organisation), now, "user.sign-in-link", user.email, "")
            return user
        }
    }

    /// Sets an account's password hash.
    public func setPasswordHash(userID: Int64, hash: String, by actor: AuditActor, at now: Date = Date()) throws(StorageError) {
        try write(action: "set a password") { db in
            try db.execute(sql: "UPDATE portal_user SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            try Self.appendAudit(db, actor, now, "user.password", "\(userID)", "")
        }
    }

    // MARK: Sessions

    /// Records a signed-in browser.
    public func createSession(tokenHash: String, userID: Int64, csrfToken: String, language: String,
                              createdAt: Date = Date(), expiresAt: Date) throws(StorageError) {
        try write(action: "start a session") { db in
            try db.execute(sql: """
                INSERT INTO portal_session (token_hash, user_id, csrf_token, language, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [tokenHash, userID, csrfToken, language, createdAt, expiresAt])
        }
    }

    /// The session of a token digest, if it has not expired.
    public func session(tokenHash: String, at now: Date = Date()) throws(StorageError) -> PortalSession? {
        try read(action: "read a session") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.token_hash, s.csrf_token, s.language, s.expires_at, u.*
                FROM portal_session s JOIN portal_user u ON u.id = s.user_id
                WHERE s.token_hash = ? AND s.expires_at > ?
                """, arguments: [tokenHash, now]) else { return nil }
            return PortalSession(tokenHash: row["token_hash"], user: Self.user(row), csrfToken: row["csrf_token"],
                                 language: row["language"], expiresAt: row["expires_at"])
        }
    }

    /// Changes the language of a session's pages.
    public func setSessionLanguage(tokenHash: String, language: String) throws(StorageError) {
        try write(action: "change the language") { db in
            try db.execute(sql: "UPDATE portal_session SET language = ? WHERE token_hash = ?", arguments: [language, tokenHash])
        }
    }

    /// Ends a session (signing out).
    public func deleteSession(tokenHash: String) throws(StorageError) {
        try write(action: "end a session") { db in
            try db.execute(sql: "DELETE FROM portal_session WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    /// Removes expired sessions; returns how many.
    @discardableResult
    public func deleteExpiredSessions(at now: Date = Date()) throws(StorageError) -> Int {
        try write(action: "remove expired sessions") { db in
            try db.execute(sql: "DELETE FROM portal_session WHERE expires_at <= ?", arguments: [now])
            return db.changesCount
        }
    }

    // MARK: Rounds

    /// Opens a round on a scenario folder.
    public func openRound(name: String, scenarioDirectory: String, curriculaDirectory: String, deadline: Date?,
                          by actor: AuditActor, at now: Date = Date()) throws(StorageError) -> PlanningRound {
        try write(action: "open the round \(name)") { db in
            try db.execute(sql: """
                INSERT INTO planning_round (name, scenario_directory, curricula_directory, deadline, status, opened_by, opened_at)
                VALUES (?, ?, ?, ?, 'open', ?, ?)
                """, arguments: [name, scenarioDirectory, curriculaDirectory, deadline, actor.email, now])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, actor, now, "round.open", "round \(id)", "\(name): \(scenarioDirectory)")
            return PlanningRound(id: id, name: name, scenarioDirectory: scenarioDirectory, curriculaDirectory: curriculaDirectory,
                                 deadline: deadline, status: .open, openedBy: actor.email, openedAt: now, publishedJobID: nil)
        }
    }

    /// Every round, newest first.
    public func rounds() throws(StorageError) -> [PlanningRound] {
        try read(action: "read the rounds") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM planning_round ORDER BY id DESC").map(Self.round)
        }
    }

    /// The round with this id.
    public func round(id: Int64) throws(StorageError) -> PlanningRound? {
        try read(action: "read round \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM planning_round WHERE id = ?", arguments: [id]).map(Self.round)
        }
    }

    /// Sets a round's submission deadline.
    public func setDeadline(roundID: Int64, deadline: Date?, by actor: AuditActor, at now: Date = Date()) throws(StorageError) {
        try write(action: "set the deadline of round \(roundID)") { db in
            try db.execute(sql: "UPDATE planning_round SET deadline = ? WHERE id = ?", arguments: [deadline, roundID])
            try Self.appendAudit(db, actor, now, "round.deadline", "round \(roundID)", deadline.map { "\($0)" } ?? "none")
        }
    }

    /// Moves a round from `from` to `to` (open → closed, closed → open, closed → published with
    /// the job whose plan is published). Returns false when the round was not in `from`.
    @discardableResult
    public func changeRoundStatus(roundID: Int64, from: RoundStatus, to: RoundStatus, publishedJobID: Int64? = nil,
                                  by actor: AuditActor, at now: Date = Date()) throws(StorageError) -> Bool {
        try write(action: "change the status of round \(roundID)") { db in
            try db.execute(sql: "UPDATE planning_round SET status = ?, published_job_id = ? WHERE id = ? AND status = ?",
                           arguments: [to.rawValue, publishedJobID, roundID, from.rawValue])
            guard db.changesCount == 1 else { return false }
            try Self.appendAudit(db, actor, now, "round.\(to.rawValue)", "round \(roundID)",
                                 publishedJobID.map { "job \($0)" } ?? "\(from.rawValue) → \(to.rawValue)")
            return true
        }
    }

    // MARK: Submissions

    /// The outcome of saving a submission.
    public enum SubmissionSaveOutcome: Sendable, Equatable {
        case saved
        /// The item belongs to another organisation: nothing changed.
        case ownedByAnotherOrganisation
        /// The round is not open: nothing changed.
        case roundNotOpen
    }

    /// Saves (inserts or replaces) one organisation's items in one transaction, with an audit entry
    /// each. Nothing is saved if any item belongs to another organisation or the round is not open.
    public func saveSubmissions(_ submissions: [Submission], action: String, by actor: AuditActor,
                                at now: Date = Date()) throws(StorageError) -> SubmissionSaveOutcome {
        try write(action: "save a submission") { db in
            for submission in submissions {
                let status = try String.fetchOne(db, sql: "SELECT status FROM planning_round WHERE id = ?", arguments: [submission.roundID])
                guard status == RoundStatus.open.rawValue else { return .roundNotOpen }
                let owner = try String.fetchOne(db, sql: """
                    SELECT organisation FROM submission WHERE round_id = ? AND kind = ? AND item = ?
                    """, arguments: [submission.roundID, submission.kind.rawValue, submission.item])
                if let owner, owner != submission.organisation { return .ownedByAnotherOrganisation }
            }
            for submission in submissions {
                try db.execute(sql: """
                    INSERT INTO submission (round_id, kind, item, organisation, content, withdrawn, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (round_id, kind, item) DO UPDATE SET
                        content = excluded.content, withdrawn = excluded.withdrawn,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    """, arguments: [submission.roundID, submission.kind.rawValue, submission.item, submission.organisation,
                                     submission.content, submission.withdrawn, now, actor.email])
                try Self.appendAudit(db, actor, now, action, "round \(submission.roundID) / \(submission.item)",
                                     submission.withdrawn ? "withdrawn" : String(submission.content.prefix(300)))
            }
            return .saved
        }
    }

    /// A round's submissions, optionally of one organisation and kind, in item order.
    public func submissions(roundID: Int64, organisation: String? = nil, kind: SubmissionKind? = nil) throws(StorageError) -> [Submission] {
        try read(action: "read the submissions of round \(roundID)") { db in
            var sql = "SELECT * FROM submission WHERE round_id = ?"
            var arguments: StatementArguments = [roundID]
            if let organisation { sql += " AND organisation = ?"; _ = arguments.append(contentsOf: [organisation]) }
            if let kind { sql += " AND kind = ?"; _ = arguments.append(contentsOf: [kind.rawValue]) }
            return try Row.fetchAll(db, sql: sql + " ORDER BY kind, item", arguments: arguments).map { row in
                Submission(roundID: row["round_id"], kind: SubmissionKind(rawValue: row["kind"]) ?? .posting, item: row["item"],
                           organisation: row["organisation"], content: row["content"], withdrawn: row["withdrawn"],
                           updatedAt: row["updated_at"], updatedBy: row["updated_by"])
            }
        }
    }

    // MARK: Plan jobs

    /// Starts a plan job; nil when another job is running (one at a time, across processes).
    public func beginPlanJob(roundID: Int64, exportsFolder: String, by actor: AuditActor, at now: Date = Date()) throws(StorageError) -> PlanJob? {
        try write(action: "start a plan job") { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM plan_job WHERE status = 'running'") != nil { return nil }
            try db.execute(sql: """
                INSERT INTO plan_job (round_id, status, exports_folder, requested_by, started_at) VALUES (?, 'running', ?, ?, ?)
                """, arguments: [roundID, exportsFolder, actor.email, now])
            let id = db.lastInsertedRowID
            try Self.appendAudit(db, actor, now, "job.start", "round \(roundID) / job \(id)", exportsFolder)
            return PlanJob(id: id, roundID: roundID, status: .running, stage: "", fraction: 0, exportsFolder: exportsFolder,
                           requestedBy: actor.email, startedAt: now, finishedAt: nil, error: nil, runID: nil, files: [], summary: [:])
        }
    }

    /// Records a running job's stage and progress.
    public func updatePlanJob(id: Int64, stage: String, fraction: Double) throws(StorageError) {
        try write(action: "record the progress of job \(id)") { db in
            try db.execute(sql: "UPDATE plan_job SET stage = ?, fraction = ? WHERE id = ? AND status = 'running'",
                           arguments: [stage, min(1, max(0, fraction)), id])
        }
    }

    /// Records the end of a job: succeeded with its files and figures, or failed with its error.
    /// `exportsFolder`, when given, replaces the folder recorded at the start (the pipeline writes
    /// into a run folder of its own inside it).
    public func finishPlanJob(id: Int64, status: PlanJobStatus, error: String? = nil, runID: Int64? = nil,
                              files: [String] = [], summary: [String: Double] = [:], exportsFolder: String? = nil,
                              at now: Date = Date()) throws(StorageError) {
        let filesJSON = (try? StoredJSON.encode(files)) ?? "[]"
        let summaryJSON = (try? StoredJSON.encode(summary)) ?? "{}"
        try write(action: "record the end of job \(id)") { db in
            try db.execute(sql: """
                UPDATE plan_job SET status = ?, error = ?, run_id = ?, files = ?, summary = ?, finished_at = ?,
                    fraction = CASE WHEN ? = 'succeeded' THEN 1 ELSE fraction END,
                    exports_folder = coalesce(?, exports_folder)
                WHERE id = ? AND status = 'running'
                """, arguments: [status.rawValue, error, runID, filesJSON, summaryJSON, now, status.rawValue, exportsFolder, id])
            try Self.appendAudit(db, .system, now, "job.\(status.rawValue)", "job \(id)", error ?? "")
        }
    }

    /// Marks jobs left running by a stopped server as failed; returns their ids. Called at start-up.
    @discardableResult
    public func failAbandonedPlanJobs(reason: String, at now: Date = Date()) throws(StorageError) -> [Int64] {
        try write(action: "mark abandoned plan jobs") { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM plan_job WHERE status = 'running'")
            for id in ids {
                try db.execute(sql: """
                    UPDATE plan_job SET status = 'failed', error = ?, finished_at = max(?, started_at) WHERE id = ?
                    """, arguments: [reason, now, id])
                try Self.appendAudit(db, .system, now, "job.failed", "job \(id)", reason)
            }
            return ids
        }
    }

    /// The job with this id.
    public func planJob(id: Int64) throws(StorageError) -> PlanJob? {
        try read(action: "read job \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM plan_job WHERE id = ?", arguments: [id]).map(Self.job)
        }
    }

    /// A round's jobs, newest first.
    public func planJobs(roundID: Int64) throws(StorageError) -> [PlanJob] {
        try read(action: "read the jobs of round \(roundID)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM plan_job WHERE round_id = ? ORDER BY id DESC", arguments: [roundID]).map(Self.job)
        }
    }

    // MARK: Audit

    /// Records a change that has no other row to write (sign-in, sign-out, a download).
    public func audit(_ action: String, subject: String, detail: String = "", by actor: AuditActor, at now: Date = Date()) throws(StorageError) {
        try write(action: "record \(action)") { db in try Self.appendAudit(db, actor, now, action, subject, detail) }
    }

    /// The newest audit entries first.
    public func auditEntries(limit: Int = 200) throws(StorageError) -> [AuditEntry] {
        try read(action: "read the audit log") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], organisation: row["organisation"],
                           action: row["action"], subject: row["subject"], detail: row["detail"])
            }
        }
    }

    // MARK: Rows

    static func appendAudit(_ db: Database, _ actor: AuditActor, _ at: Date, _ action: String, _ subject: String, _ detail: String) throws {
        try db.execute(sql: """
            INSERT INTO audit_entry (at, actor, organisation, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [at, actor.email, actor.organisation, action, subject, detail])
    }

    static func user(_ row: Row) -> PortalUser {
        PortalUser(id: row["id"], email: row["email"], role: PortalRole(rawValue: row["role"]) ?? .enterprise,
                   organisation: row["organisation"], passwordHash: row["password_hash"], createdAt: row["created_at"])
    }

    static func round(_ row: Row) -> PlanningRound {
        PlanningRound(id: row["id"], name: row["name"], scenarioDirectory: row["scenario_directory"],
                      curriculaDirectory: row["curricula_directory"], deadline: row["deadline"],
                      status: RoundStatus(rawValue: row["status"]) ?? .closed, openedBy: row["opened_by"],
                      openedAt: row["opened_at"], publishedJobID: row["published_job_id"])
    }

    static func job(_ row: Row) -> PlanJob {
        let files = (try? JSONDecoder().decode([String].self, from: Data((row["files"] as String).utf8))) ?? []
        let summary = (try? JSONDecoder().decode([String: Double].self, from: Data((row["summary"] as String).utf8))) ?? [:]
        return PlanJob(id: row["id"], roundID: row["round_id"], status: PlanJobStatus(rawValue: row["status"]) ?? .failed,
                       stage: row["stage"], fraction: row["fraction"], exportsFolder: row["exports_folder"],
                       requestedBy: row["requested_by"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                       error: row["error"], runID: row["run_id"], files: files, summary: summary)
    }
}
