import Foundation
@testable import Storage
import Testing

/// The portal's tables (migration v5): accounts, sessions, rounds, submissions per organisation,
/// plan jobs and the audit log.
@Suite struct PortalStoreTests {
    let fund = AuditActor(email: "fund@example.vn", organisation: "FUND")
    let alpha = AuditActor(email: "hr@alpha.vn", organisation: "ENT-A")
    let beta = AuditActor(email: "hr@beta.vn", organisation: "ENT-B")

    func round(_ store: SkillPlanStore) throws -> PlanningRound {
        try store.openRound(name: "2026", scenarioDirectory: "/s", curriculaDirectory: "/c", deadline: nil, by: fund)
    }

    @Test func anAddressHasOneAccountWhateverItsCase() throws {
        let store = try SkillPlanStore.inMemory()
        try store.addUser(email: "hr@alpha.vn", role: .enterprise, organisation: "ENT-A", passwordHash: "x")
        let error = try #require(throws: StorageError.self) {
            try store.addUser(email: "HR@Alpha.vn", role: .fund, organisation: "FUND", passwordHash: "y")
        }
        #expect(error.code == .constraintViolation)
        #expect(try store.user(email: "HR@ALPHA.VN")?.organisation == "ENT-A")
    }

    @Test func aSignInLinkWorksOnceAndNotAfterItExpires() throws {
        let store = try SkillPlanStore.inMemory()
        let user = try store.addUser(email: "a@b.vn", role: .institution, organisation: "INST", passwordHash: nil)
        let now = Date()
        try store.setSignInLink(userID: user.id, linkHash: String(repeating: "a", count: 64), expiresAt: now + 60)
        #expect(try store.consumeSignInLink(linkHash: String(repeating: "a", count: 64), at: now)?.id == user.id)
        #expect(try store.consumeSignInLink(linkHash: String(repeating: "a", count: 64), at: now) == nil)
        try store.setSignInLink(userID: user.id, linkHash: String(repeating: "b", count: 64), expiresAt: now + 60)
        #expect(try store.consumeSignInLink(linkHash: String(repeating: "b", count: 64), at: now + 61) == nil)
    }

    @Test func aSessionEndsAtItsExpiry() throws {
        let store = try SkillPlanStore.inMemory()
        let user = try store.addUser(email: "a@b.vn", role: .fund, organisation: "FUND", passwordHash: "h")
        let now = Date()
        let token = String(repeating: "c", count: 64)
        try store.createSession(tokenHash: token, userID: user.id, csrfToken: String(repeating: "d", count: 64), language: "vi",
                                createdAt: now, expiresAt: now + 3600)
        #expect(try store.session(tokenHash: token, at: now + 10)?.user.email == "a@b.vn")
        #expect(try store.session(tokenHash: token, at: now + 3600) == nil)
        #expect(try store.deleteExpiredSessions(at: now + 3601) == 1)
    }

    @Test func oneOrganisationCannotReplaceAnothersSubmission() throws {
        let store = try SkillPlanStore.inMemory()
        let round = try round(store)
        let mine = Submission(roundID: round.id, kind: .posting, item: "P-1", organisation: "ENT-A", content: "{\"slots\":\"2\"}", updatedBy: alpha.email)
        #expect(try store.saveSubmissions([mine], action: "posting.save", by: alpha) == .saved)
        var theirs = mine
        theirs.organisation = "ENT-B"
        theirs.content = "{\"slots\":\"9\"}"
        let second = Submission(roundID: round.id, kind: .posting, item: "P-2", organisation: "ENT-B", content: "{}", updatedBy: beta.email)
        // All or nothing: the valid second item is not saved either.
        #expect(try store.saveSubmissions([second, theirs], action: "posting.save", by: beta) == .ownedByAnotherOrganisation)
        let stored = try store.submissions(roundID: round.id)
        #expect(stored.map(\.item) == ["P-1"])
        #expect(stored.first?.content == "{\"slots\":\"2\"}")
        #expect(try store.submissions(roundID: round.id, organisation: "ENT-B").isEmpty)
    }

    @Test func aClosedRoundTakesNoSubmissions() throws {
        let store = try SkillPlanStore.inMemory()
        let round = try round(store)
        #expect(try store.changeRoundStatus(roundID: round.id, from: .open, to: .closed, by: fund))
        #expect(try !store.changeRoundStatus(roundID: round.id, from: .open, to: .closed, by: fund))
        let item = Submission(roundID: round.id, kind: .posting, item: "P-1", organisation: "ENT-A", content: "{}", updatedBy: alpha.email)
        #expect(try store.saveSubmissions([item], action: "posting.save", by: alpha) == .roundNotOpen)
        #expect(try store.submissions(roundID: round.id).isEmpty)
    }

    @Test func onePlanJobRunsAtATimeAndARestartFailsTheOneLeftRunning() throws {
        let store = try SkillPlanStore.inMemory()
        let round = try round(store)
        let job = try #require(try store.beginPlanJob(roundID: round.id, exportsFolder: "/e", by: fund))
        #expect(try store.beginPlanJob(roundID: round.id, exportsFolder: "/f", by: fund) == nil)
        try store.updatePlanJob(id: job.id, stage: "portal.stage.forecast", fraction: 0.4)
        #expect(try store.planJob(id: job.id)?.fraction == 0.4)
        #expect(try store.failAbandonedPlanJobs(reason: "stopped") == [job.id])
        let failed = try #require(try store.planJob(id: job.id))
        #expect(failed.status == .failed && failed.error == "stopped" && failed.finishedAt != nil)
        #expect(try store.round(id: round.id)?.status == .open)
        let next = try #require(try store.beginPlanJob(roundID: round.id, exportsFolder: "/g", by: fund))
        try store.finishPlanJob(id: next.id, status: .succeeded, files: ["a.xlsx"], summary: ["spend_vnd": 5])
        let done = try #require(try store.planJob(id: next.id))
        #expect(done.files == ["a.xlsx"] && done.summary == ["spend_vnd": 5] && done.fraction == 1)
    }

    @Test func aPublishedRoundNamesItsJobAndEveryChangeIsAudited() throws {
        let store = try SkillPlanStore.inMemory()
        let round = try round(store)
        #expect(try store.changeRoundStatus(roundID: round.id, from: .open, to: .closed, by: fund))
        let job = try #require(try store.beginPlanJob(roundID: round.id, exportsFolder: "/e", by: fund))
        try store.finishPlanJob(id: job.id, status: .succeeded)
        #expect(try store.changeRoundStatus(roundID: round.id, from: .closed, to: .published, publishedJobID: job.id, by: fund))
        #expect(try store.round(id: round.id)?.publishedJobID == job.id)
        // The schema refuses a published round without its job.
        #expect(throws: StorageError.self) {
            try store.execute(sql: "UPDATE planning_round SET published_job_id = NULL WHERE id = \(round.id)")
        }
        let actions = try store.auditEntries().map(\.action)
        #expect(actions == ["round.published", "job.succeeded", "job.start", "round.closed", "round.open"])
        #expect(try store.auditEntries().first?.actor == fund.email)
    }
}
