import ExcelExport
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Portal
import Storage
import Testing
import Workforce

/// The portal's flows at the HTTP level: sign-in, the enterprise's and the institution's
/// submissions, the merged dataset, and the fund's plan job.
@Suite(.serialized) struct PortalFlowTests {
    /// Signs in through the form (a pre-session CSRF cookie first) and returns the response.
    func signIn(_ fixture: PortalFixture, _ client: any TestClientProtocol, email: String, password: String) async throws -> TestResponse {
        let page = try await client.execute(uri: "/sign-in", method: .get)
        let setCookie = page.headers[.setCookie] ?? ""
        let token = String(setCookie.split(separator: ";")[0].split(separator: "=")[1])
        var headers = HTTPFields()
        headers[.cookie] = "\(PortalApp.csrfCookie)=\(token)"
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = PortalFixture.encode(["csrf": token, "email": email, "password": password, "next": "/rounds"])
        return try await client.execute(uri: "/sign-in", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func signingInSetsAnHttpOnlySameSiteCookieAndFailuresAreLimited() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        try await fixture.withClient { client in
            let good = try await signIn(fixture, client, email: "enterpriseA@test.vn", password: "password-enterpriseA")
            #expect(good.status == .seeOther && good.location == "/rounds")
            let cookie = good.headers[.setCookie] ?? ""
            #expect(cookie.hasPrefix("\(PortalApp.sessionCookie)="))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age="))
            for _ in 0..<5 {
                let wrong = try await signIn(fixture, client, email: "enterpriseb@test.vn", password: "not-the-password")
                #expect(wrong.status == .unauthorized)
            }
            // The sixth attempt is refused even with the right password.
            let limited = try await signIn(fixture, client, email: "enterpriseB@test.vn", password: "password-enterpriseB")
            #expect(limited.status == .tooManyRequests)
            let unknown = try await signIn(fixture, client, email: "nobody@test.vn", password: "password-enterpriseB")
            #expect(unknown.status == .unauthorized)
        }
        let actions = try fixture.store.auditEntries().map(\.action)
        #expect(actions.contains("user.sign-in") && actions.contains("user.sign-in-failed") && actions.contains("user.sign-in-refused"))
    }

    @Test func anExpiredSessionSignsOutAndASignInLinkWorksOnce() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let user = try #require(try fixture.store.user(email: "fund@test.vn"))
        let token = Tokens.make()
        try fixture.store.createSession(tokenHash: Tokens.digest(token), userID: user.id, csrfToken: Tokens.make(), language: "vi",
                                        createdAt: Date() - 7200, expiresAt: Date() - 1)
        let link = try PortalAccounts.signInLink(in: fixture.store, for: user, baseURL: "http://127.0.0.1:1")
        let path = try #require(URL(string: link)?.path)
        try await fixture.withClient { client in
            var headers = HTTPFields()
            headers[.cookie] = "\(PortalApp.sessionCookie)=\(token)"
            let expired = try await client.execute(uri: "/rounds", method: .get, headers: headers)
            #expect(expired.status == .seeOther && expired.location.hasPrefix("/sign-in"))
            let first = try await client.execute(uri: path, method: .get)
            #expect(first.status == .seeOther && first.location == "/account/password")
            let second = try await client.execute(uri: path, method: .get)
            #expect(second.status == .notFound)
        }
    }

    @Test func aPostingIsRejectedFieldByFieldWithTheCLIMessageThenSaved() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let round = fixture.openRound.id
        let enterprise = fixture.enterprises[.enterpriseA]!.code
        try await fixture.withClient { client in
            var form = ["skill": "AUTO", "region": "HN", "slots": "2", "months": "14", "stipend_vnd_per_month": "5000000", "min_year": "3"]
            let rejected = try await fixture.send(client, .post, "/rounds/\(round)/postings", as: .enterpriseA, form: form)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("id=\"error-months\""))
            #expect(rejected.text.contains("a whole number from 1 to 12"))
            #expect(try fixture.store.submissions(roundID: round).isEmpty)
            form["months"] = "6"
            let saved = try await fixture.send(client, .post, "/rounds/\(round)/postings", as: .enterpriseA, form: form)
            #expect(saved.status == .seeOther)
            let page = try await fixture.send(client, .get, "/rounds/\(round)/postings", as: .enterpriseA)
            #expect(page.text.contains("\(enterprise)-W1"))
        }
        let stored = try fixture.store.submissions(roundID: round)
        #expect(stored.map(\.item) == ["\(enterprise)-W1"] && stored.first?.organisation == enterprise)
    }

    /// An Excel postings sheet as an enterprise fills it: the header, then `rows`.
    func postingsWorkbook(_ rows: [[String]], in folder: URL) throws -> Data {
        let url = folder.appendingPathComponent("postings-\(UUID().uuidString).xlsx")
        let workbook = try XLSXWorkbook(destination: url)
        let sheet = try workbook.addWorksheet(named: "postings")
        for (r, row) in ([TableColumns.postings] + rows).enumerated() {
            for (c, text) in row.enumerated() {
                try sheet.write(Int(text).map { .integer($0) } ?? .string(text), row: r + 1, column: c + 1)
            }
        }
        try workbook.close()
        return try Data(contentsOf: url)
    }

    @Test func anUploadedTemplateIsSavedAndARejectedOneChangesNothing() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let round = fixture.openRound.id
        let a = fixture.enterprises[.enterpriseA]!, b = fixture.enterprises[.enterpriseB]!
        let good = try postingsWorkbook([["\(a.code)-X1", a.code, "MOULD", "HCM", "2", "4", "3000000", "2"],
                                         [a.posting, a.code, "PM", "HN", "1", "3", "2500000", "3"]], in: fixture.folder)
        // A bad row, and a row that names another enterprise's posting: nothing of it is kept.
        let bad = try postingsWorkbook([["\(a.code)-X2", a.code, "MOULD", "HCM", "0", "4", "3000000", "2"],
                                        [b.posting, a.code, "PM", "HN", "1", "3", "2500000", "3"]], in: fixture.folder)
        try await fixture.withClient { client in
            let saved = try await fixture.upload(client, "/rounds/\(round)/postings/upload", as: .enterpriseA, fileName: "postings.xlsx", bytes: good)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(500))")
            let before = try fixture.store.submissions(roundID: round)
            #expect(Set(before.map(\.item)) == ["\(a.code)-X1", a.posting])
            let rejected = try await fixture.upload(client, "/rounds/\(round)/postings/upload", as: .enterpriseA, fileName: "postings.xlsx", bytes: bad)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("slots") && rejected.text.contains("a whole number from 1 to 10000"))
            #expect(rejected.text.contains("not used by another enterprise"))
            let garbage = try await fixture.upload(client, "/rounds/\(round)/postings/upload", as: .enterpriseA, fileName: "postings.xlsx",
                                                   bytes: Data("not a workbook".utf8))
            #expect(garbage.status == .unprocessableContent && garbage.text.contains("Excel"))
            #expect(try fixture.store.submissions(roundID: round) == before)
        }
    }

    @Test func anInstitutionChangesACapacityAndUploadsPreferences() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let round = fixture.openRound.id
        let institution = fixture.institutions[.institutionA]!
        let base = try fixture.portal.workspace.base(of: fixture.openRound)
        let baseline = Int(base.programs.first { $0["program"] == institution.program }?["baseline_intake"] ?? "") ?? 0
        let posting = fixture.enterprises[.enterpriseA]!.posting
        let skill = base.postings.first { $0["posting"] == posting }?["skill"] ?? ""
        try await fixture.withClient { client in
            let tooSmall = try await fixture.send(client, .post, "/rounds/\(round)/programs/\(institution.program)", as: .institutionA,
                                                  form: ["baseline_intake": String(baseline), "capacity": String(max(0, baseline - 1))])
            #expect(tooSmall.status == .unprocessableContent)
            #expect(tooSmall.text.contains("a capacity at least the baseline intake"))
            let saved = try await fixture.send(client, .post, "/rounds/\(round)/programs/\(institution.program)", as: .institutionA,
                                               form: ["baseline_intake": String(baseline), "capacity": String(baseline + 25)])
            #expect(saved.status == .seeOther)
            let csv = "student,institution,skill,year,score,home_region,preferences\nSTU-NEW-1,\(institution.code),\(skill),3,71.5,HN,\(posting)\n"
            let uploaded = try await fixture.upload(client, "/rounds/\(round)/students/upload", as: .institutionA, fileName: "students.csv",
                                                    bytes: Data(csv.utf8))
            #expect(uploaded.status == .seeOther, "\(uploaded.text.prefix(400))")
            let page = try await fixture.send(client, .get, "/rounds/\(round)/programs", as: .institutionA)
            #expect(page.text.contains("value=\"\(baseline + 25)\""))
            #expect(page.text.contains("1 students from your upload"))
        }
        let merged = MergedDataset(base: base, submissions: try fixture.store.submissions(roundID: round))
        #expect(merged.students.filter { $0.row["institution"] == institution.code }.map { $0.row["student"] } == ["STU-NEW-1"])
        #expect(merged.programs.first { $0.row["program"] == institution.program }?.row["capacity"] == String(baseline + 25))
    }

    @Test func theMergedDatasetsErrorsNameTheSubmittingOrganisation() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let round = fixture.openRound.id
        let a = fixture.enterprises[.enterpriseA]!.code
        // A row that bypassed the form's checks (written straight to the store).
        let row = ["posting": "\(a)-BAD", "enterprise": a, "skill": "AUTO", "region": "HN", "slots": "0", "months": "3",
                   "stipend_vnd_per_month": "1", "min_year": "2"]
        _ = try fixture.store.saveSubmissions([Submission(roundID: round, kind: .posting, item: "\(a)-BAD", organisation: a,
                                                          content: MergedDataset.encodeRow(row), updatedBy: "t")],
                                              action: "posting.save", by: .system)
        let page = try await fixture.withClient { client in try await fixture.send(client, .get, "/rounds/\(round)/check", as: .fund) }
        #expect(page.text.contains("id=\"check-errors\""))
        #expect(page.text.contains("<strong>\(a)</strong>") && page.text.contains("slots"))
    }

    /// Waits for a job to end (the stand-in runner takes well under a second alone, but loads
    /// the bundled scenario in a debug build, which took over 30 s while other suites and builds
    /// held both cores of a CI machine).
    /// Closes the round, starts its plan job as the fund and waits for the job to end.
    func closeAndPlan(
        _ fixture: PortalFixture, _ client: any TestClientProtocol, round: Int64
    ) async throws -> (jobID: Int64, job: PlanJob) {
        _ = try await fixture.send(client, .post, "/rounds/\(round)/close", as: .fund)
        let started = try await fixture.send(client, .post, "/rounds/\(round)/jobs", as: .fund)
        let jobID = try #require(Int64(started.location.split(separator: "/").last ?? ""))
        return (jobID, try await finished(fixture, jobID))
    }

    func finished(_ fixture: PortalFixture, _ id: Int64) async throws -> PlanJob {
        for _ in 0..<2400 {
            let job = try #require(try fixture.store.planJob(id: id))
            if job.status != .running { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("job \(id) did not end")
        return try #require(try fixture.store.planJob(id: id))
    }

    @Test func theFundClosesRunsPublishesAndTheEnterpriseDownloadsItsInterns() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let round = fixture.openRound.id
        let a = fixture.enterprises[.enterpriseA]!
        try await fixture.withClient { client in
            #expect(try await fixture.send(client, .post, "/rounds/\(round)/close", as: .fund).status == .seeOther)
            let started = try await fixture.send(client, .post, "/rounds/\(round)/jobs", as: .fund)
            let jobID = try #require(Int64(started.location.split(separator: "/").last ?? ""))
            let job = try await finished(fixture, jobID)
            #expect(job.status == .succeeded, "\(job.error ?? "")")
            let progress = try await fixture.send(client, .get, "/rounds/\(round)/jobs/\(jobID)/progress", as: .fund)
            #expect(progress.text.contains("\"status\":\"succeeded\""))
            let page = try await fixture.send(client, .get, "/rounds/\(round)/jobs/\(jobID)", as: .fund)
            #expect(page.text.contains("id=\"figure-shortage_after\">800<") && page.text.contains("20.0 %"))
            // Before publishing, the enterprise gets nothing.
            let early = try await fixture.send(client, .get, "/rounds/\(round)/workbooks/interns-\(a.code).xlsx", as: .enterpriseA)
            #expect(early.status == .notFound)
            #expect(try await fixture.send(client, .post, "/rounds/\(round)/jobs/\(jobID)/publish", as: .fund).status == .seeOther)
            let own = try await fixture.send(client, .get, "/rounds/\(round)/workbooks/interns-\(a.code).xlsx", as: .enterpriseA)
            #expect(own.status == .ok && own.text.contains(a.posting))
        }
        #expect(try fixture.store.round(id: round)?.status == .published)
    }

    @Test func aFailingJobShowsItsErrorAndLeavesTheRoundUnchanged() async throws {
        let fixture = try PortalFixture.make(runner: { _, progress in
            progress("portal.stage.allocate", 0.5)
            throw PlanJobFailure(message: "the fund policy is infeasible: budget below the minimum")
        })
        defer { fixture.remove() }
        let round = fixture.openRound.id
        try await fixture.withClient { client in
            let (jobID, job) = try await closeAndPlan(fixture, client, round: round)
            #expect(job.status == .failed)
            let page = try await fixture.send(client, .get, "/rounds/\(round)/jobs/\(jobID)", as: .fund)
            #expect(page.text.contains("id=\"job-error\"") && page.text.contains("infeasible"))
            #expect(!page.text.contains("id=\"publish\""))
            let publish = try await fixture.send(client, .post, "/rounds/\(round)/jobs/\(jobID)/publish", as: .fund)
            #expect(publish.location.contains("publish-failed"))
        }
        #expect(try fixture.store.round(id: round)?.status == .closed)
    }

    /// The job runs at a lower priority than the pages (and so do the threads it starts); the
    /// threads serving pages keep theirs.
    @Test func aPlanJobYieldsToThePages() async throws {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var job: Int32?, started: Int32?
        }
        let seen = Seen()
        // The test's own priority (a test run under `nice` starts above 0; a priority is only raised).
        let before = PlanJobPriority.current
        let expected = max(before, PlanJobPriority.niceness)
        let fixture = try PortalFixture.make(runner: { _, _ in
            let started = Thread { seen.lock.withLock { seen.started = PlanJobPriority.current } }
            started.start()
            while seen.lock.withLock({ seen.started == nil }) { usleep(1_000) }
            seen.lock.withLock { seen.job = PlanJobPriority.current }
            throw PlanJobFailure(message: "stopped by the test")
        })
        defer { fixture.remove() }
        let round = fixture.openRound.id
        try await fixture.withClient { client in
            let (jobID, job) = try await closeAndPlan(fixture, client, round: round)
            #expect(job.status == .failed)
            #expect(try await fixture.send(client, .get, "/rounds/\(round)/jobs/\(jobID)", as: .fund).status == .ok)
        }
        #expect(seen.lock.withLock { seen.job } == expected)
        #expect(seen.lock.withLock { seen.started } == expected)
        #expect(PlanJobPriority.current == before)
    }

    @Test func aRestartFailsTheJobLeftRunning() throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        try fixture.store.changeRoundStatus(roundID: fixture.openRound.id, from: .open, to: .closed, by: .system)
        let job = try #require(try fixture.store.beginPlanJob(roundID: fixture.openRound.id, exportsFolder: "/x", by: .system))
        _ = try PortalApp(store: fixture.store, settings: fixture.portal.settings, runner: PortalFixture.quickRunner)
        let after = try #require(try fixture.store.planJob(id: job.id))
        #expect(after.status == .failed && after.error?.contains("server stopped") == true)
        #expect(try fixture.store.round(id: fixture.openRound.id)?.status == .closed)
    }

    @Test func pagesSpeakVietnameseByDefaultAndEscapeWhatUsersTyped() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        _ = try fixture.store.openRound(name: "<script>alert(1)</script>", scenarioDirectory: PortalFixture.scenario.path,
                                        curriculaDirectory: PortalFixture.curricula.path, deadline: nil, by: .system)
        try await fixture.withClient { client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            #expect(page.text.contains("Đăng nhập") && page.text.contains("lang=\"vi\""))
            let rounds = try await fixture.send(client, .get, "/rounds", as: .fund)
            #expect(rounds.text.contains("&lt;script&gt;") && !rounds.text.contains("<script>alert"))
        }
    }
}
