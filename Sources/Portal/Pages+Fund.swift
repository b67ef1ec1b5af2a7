import Dispatch
import Foundation
import Hummingbird
import Storage
import Texts
import Workforce

extension PortalApp {
    // MARK: Rounds, for every role

    func roundsPage(_ request: PortalRequest, problems: [String] = []) async throws -> Response {
        guard let user = request.user else { return Reply.redirect("/sign-in") }
        let kit = request.kit
        let rows: [[HTML]] = try store.rounds().map { round in
            ["<a href=\"/rounds/\(round.id)\" id=\"round-\(round.id)\">\(round.name)</a>", "\(kit["portal.round.status.\(round.status.rawValue)"])",
             "\(round.deadline.map(kit.dateTime) ?? "–")"]
        }
        let openForm: HTML = user.role == .fund ? """
            <h2>\(kit["portal.round.open.title"])</h2><p>\(kit["portal.round.open.help"])</p>
            \(kit.form("/rounds", """
            \(kit.field("name", labelKey: "portal.round.name", value: "", error: nil, extra: " required"))
            \(kit.field("deadline", labelKey: "portal.round.deadline", value: "", type: "date", error: nil))
            <button type="submit" id="open-round">\(kit["portal.round.open.submit"])</button>
            """))
            <h2>\(kit["portal.round.upload.title"])</h2><p>\(kit["portal.round.upload.help"])</p>
            \(kit.form("/rounds/upload", upload: true, """
            <label for="upload-name">\(kit["portal.round.name"])</label><input id="upload-name" name="name" required>
            <input type="file" name="file" id="scenario-file" accept=".zip">
            <button type="submit" id="upload-round">\(kit["portal.action.upload"])</button>
            """))
            """ : ""
        let problemList: HTML = problems.isEmpty ? "" : """
            <div class="errors" id="upload-errors"><p>\(kit.format("portal.upload.rejected", ["count": kit.grouped(Double(problems.count))]))</p>
            <ul>\(HTML.join(problems.prefix(50).map { "<li>\($0)</li>" }))</ul></div>
            """
        return page(request, title: kit["portal.rounds.title"],
                    "\(problemList)\(kit.table(["portal.round.name", "portal.round.status", "portal.round.deadline"], rows, id: "rounds"))\(openForm)",
                    status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    func roundPage(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        let kit = request.kit
        let status: HTML = """
            <p id="round-status">\(kit.format("portal.round.summary", ["status": kit["portal.round.status.\(round.status.rawValue)"],
                                                                        "deadline": round.deadline.map(kit.dateTime) ?? "–"]))</p>
            """
        switch user.role {
        case .enterprise:
            return page(request, title: round.name, """
                \(status)<ul><li><a href="/rounds/\(round.id)/postings" id="my-postings">\(kit["portal.nav.postings"])</a></li>
                <li><a href="/rounds/\(round.id)/workbooks" id="my-workbooks">\(kit["portal.nav.workbooks"])</a></li></ul>
                """)
        case .institution:
            return page(request, title: round.name, """
                \(status)<ul><li><a href="/rounds/\(round.id)/programs" id="my-programs">\(kit["portal.nav.programs"])</a></li>
                <li><a href="/rounds/\(round.id)/workbooks" id="my-workbooks">\(kit["portal.nav.workbooks"])</a></li></ul>
                """)
        case .fund:
            return try fundRoundPage(request, round: round, status: status)
        }
    }

    private func fundRoundPage(_ request: PortalRequest, round: PlanningRound, status: HTML) throws -> Response {
        let kit = request.kit
        let submissions = try store.submissions(roundID: round.id)
        struct Tally { var postings = 0, withdrawn = 0, programs = 0, students = 0; var last = Date.distantPast }
        var tallies: [String: Tally] = [:]
        for submission in submissions {
            var tally = tallies[submission.organisation] ?? Tally()
            switch submission.kind {
            case .posting: if submission.withdrawn { tally.withdrawn += 1 } else { tally.postings += 1 }
            case .program: tally.programs += 1
            case .students: tally.students += MergedDataset.decodeRows(submission.content).count
            }
            tally.last = max(tally.last, submission.updatedAt)
            tallies[submission.organisation] = tally
        }
        let base = try workspace.base(of: round)
        let submitted: [[HTML]] = tallies.sorted { $0.key < $1.key }.map { organisation, tally in
            ["\(organisation)", "\(kit.grouped(Double(tally.postings)))", "\(kit.grouped(Double(tally.withdrawn)))",
             "\(kit.grouped(Double(tally.programs)))", "\(kit.grouped(Double(tally.students)))", "\(kit.dateTime(tally.last))"]
        }
        let enterprisesIn = tallies.keys.filter { code in base.scenario.enterprises.contains { $0.id.rawValue == code } }.count
        let institutionsIn = tallies.keys.filter { code in base.scenario.institutions.contains { $0.id.rawValue == code } }.count
        var actions: [HTML] = []
        switch round.status {
        case .open:
            actions.append(kit.form("/rounds/\(round.id)/deadline", """
                \(kit.field("deadline", labelKey: "portal.round.deadline", value: "", type: "date", error: nil))
                <button type="submit" id="set-deadline">\(kit["portal.action.save"])</button>
                """))
            actions.append(kit.button("/rounds/\(round.id)/close", "portal.round.close", id: "close-round"))
        case .closed:
            actions.append(kit.button("/rounds/\(round.id)/jobs", "portal.job.start", id: "run-plan"))
            actions.append(kit.button("/rounds/\(round.id)/reopen", "portal.round.reopen", id: "reopen-round"))
        case .published:
            break
        }
        let jobs: [[HTML]] = try store.planJobs(roundID: round.id).map { job in
            ["<a href=\"/rounds/\(round.id)/jobs/\(job.id)\" id=\"job-\(job.id)\">\(job.id)</a>", "\(kit["portal.job.status.\(job.status.rawValue)"])",
             "\(kit.dateTime(job.startedAt))", "\(job.requestedBy)", "\(round.publishedJobID == job.id ? kit["portal.job.published"] : "")"]
        }
        let body: HTML = """
            \(status)
            <p id="submitted-count">\(kit.format("portal.round.submitted", [
                "enterprises": kit.grouped(Double(enterprisesIn)), "enterprise_total": kit.grouped(Double(base.scenario.enterprises.count)),
                "institutions": kit.grouped(Double(institutionsIn)), "institution_total": kit.grouped(Double(base.scenario.institutions.count))]))</p>
            \(kit.table(["portal.audit.organisation", "portal.submitted.postings", "portal.submitted.withdrawn", "portal.submitted.programs",
                         "portal.submitted.students", "portal.submitted.last"], submitted, id: "submissions"))
            <p><a href="/rounds/\(round.id)/check" id="check-round">\(kit["portal.round.check"])</a></p>
            \(HTML.join(actions))
            <h2>\(kit["portal.jobs.title"])</h2>
            \(kit.table(["portal.job.id", "portal.job.status", "portal.job.started", "portal.job.by", ""], jobs, id: "jobs"))
            """
        return page(request, title: round.name, body)
    }

    // MARK: The fund's actions

    func openRound(_ request: PortalRequest) async throws -> Response {
        let name = request.form["name"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { return Reply.redirect("/rounds?done=round-name") }
        let scenario = settings.bundledScenario.path, curricula = settings.curricula.path
        // The scenario must load before a round opens on it.
        _ = try workspace.base(of: PlanningRound(id: 0, name: name, scenarioDirectory: scenario, curriculaDirectory: curricula,
                                                deadline: nil, status: .open, openedBy: "", openedAt: Date(), publishedJobID: nil))
        let round = try store.openRound(name: name, scenarioDirectory: scenario, curriculaDirectory: curricula,
                                        deadline: Self.date(request.form["deadline"]), by: request.actor)
        return Reply.redirect("/rounds/\(round.id)?done=round-opened")
    }

    /// Opens a round on an uploaded scenario folder (a zip), checked entry by entry and then
    /// validated as a whole; a rejected upload leaves nothing behind.
    func openRoundFromArchive(_ request: PortalRequest) async throws -> Response {
        let name = request.form["name"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { return Reply.redirect("/rounds?done=round-name") }
        guard let file = request.form.files["file"], !file.bytes.isEmpty else {
            return try await roundsPage(request, problems: [request.kit["portal.upload.no-file"]])
        }
        let folder = workspace.root.appendingPathComponent("scenarios").appendingPathComponent(Tokens.make())
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        let outcome: Result<RoundBase, any Error> = await PasswordHasher.offPool { [workspace, settings] in
            Result {
                let scenario = try ScenarioArchive.unpack(file.bytes, into: folder)
                let own = scenario.appendingPathComponent("Curricula")
                let curricula = FileManager.default.fileExists(atPath: own.path) ? own : settings.curricula
                return try workspace.base(of: PlanningRound(id: 0, name: name, scenarioDirectory: scenario.path,
                                                            curriculaDirectory: curricula.path, deadline: nil, status: .open,
                                                            openedBy: "", openedAt: Date(), publishedJobID: nil))
            }
        }
        switch outcome {
        case .failure(let error):
            try? FileManager.default.removeItem(at: folder)
            let problems = (error as? InputErrors)?.errors.map { InputLimits.printable($0.description) } ?? ["\(error)"]
            return try await roundsPage(request, problems: problems)
        case .success(let base):
            let round = try store.openRound(name: name, scenarioDirectory: base.loaded.directory, curriculaDirectory: base.loaded.curriculaDirectory,
                                            deadline: Self.date(request.form["deadline"]), by: request.actor)
            return Reply.redirect("/rounds/\(round.id)?done=round-opened")
        }
    }

    /// A `yyyy-mm-dd` date of a form as the end of that day (UTC).
    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 23, minute: 59))
    }

    func setDeadline(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round else { return Reply.notFound(request.kit) }
        try store.setDeadline(roundID: round.id, deadline: Self.date(request.form["deadline"]), by: request.actor)
        return Reply.redirect("/rounds/\(round.id)?done=deadline-saved")
    }

    func closeRound(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round else { return Reply.notFound(request.kit) }
        let changed = try store.changeRoundStatus(roundID: round.id, from: .open, to: .closed, by: request.actor)
        return Reply.redirect("/rounds/\(round.id)?done=\(changed ? "round-closed" : "nothing-changed")")
    }

    func reopenRound(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round else { return Reply.notFound(request.kit) }
        let changed = try store.changeRoundStatus(roundID: round.id, from: .closed, to: .open, by: request.actor)
        return Reply.redirect("/rounds/\(round.id)?done=\(changed ? "round-reopened" : "nothing-changed")")
    }

    /// The merged dataset's errors, each with the organisation that submitted the row.
    func attributedErrorList(_ errors: [AttributedError], _ kit: PageKit) -> HTML {
        let items = HTML.join(errors.prefix(200).map { item in
            let who = item.organisation ?? kit["portal.check.scenario-row"]
            return "<li><strong>\(who)</strong>: \(InputLimits.printable(item.error.description))</li>"
        })
        return "<div class=\"errors\" id=\"check-errors\"><p>\(kit.format("portal.check.errors", ["count": kit.grouped(Double(errors.count))]))</p><ul>\(items)</ul></div>"
    }

    func checkRound(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round else { return Reply.notFound(request.kit) }
        let kit = request.kit
        let folder = workspace.root.appendingPathComponent("check-\(Tokens.make().prefix(12))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let submissions = try store.submissions(roundID: round.id)
        let (loaded, errors) = try await PasswordHasher.offPool { [workspace] in
            Result { try workspace.mergeAndCheck(round, submissions: submissions, into: folder) }
        }.get()
        let body: HTML = errors.isEmpty
            ? "<p id=\"check-ok\">\(kit.format("portal.check.ok", ["postings": kit.grouped(Double(loaded?.scenario.postings.count ?? 0)), "students": kit.grouped(Double(loaded?.scenario.students.count ?? 0))]))</p>"
            : attributedErrorList(errors, kit)
        return page(request, title: kit.format("portal.check.title", ["round": round.name]), body)
    }

    func startJob(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round else { return Reply.notFound(request.kit) }
        guard round.status == .closed else { return Reply.redirect("/rounds/\(round.id)?done=close-first") }
        let folder = workspace.root.appendingPathComponent("round-\(round.id)").appendingPathComponent("job-\(Tokens.make().prefix(12))")
        let exports = folder.appendingPathComponent("exports")
        guard let job = try store.beginPlanJob(roundID: round.id, exportsFolder: exports.path, by: request.actor) else {
            return Reply.redirect("/rounds/\(round.id)?done=job-busy")
        }
        let submissions = try store.submissions(roundID: round.id)
        launch(job, round: round, submissions: submissions, folder: folder, exports: exports)
        return Reply.redirect("/rounds/\(round.id)/jobs/\(job.id)")
    }

    /// Runs a job on a thread of its own: merge and check the dataset, run the pipeline, record
    /// the outcome. A failure is recorded with its message; the round does not change either way.
    func launch(_ job: PlanJob, round: PlanningRound, submissions: [Submission], folder: URL, exports: URL) {
        let store = self.store, workspace = self.workspace, runner = self.runner
        Thread.detachNewThread {
            PlanJobPriority.yieldToPages()
            do {
                try? store.updatePlanJob(id: job.id, stage: "portal.stage.merge", fraction: 0.02)
                let (loaded, errors) = try workspace.mergeAndCheck(round, submissions: submissions, into: folder.appendingPathComponent("dataset"))
                guard errors.isEmpty else {
                    let lines = errors.prefix(20).map { "\($0.organisation ?? "scenario"): \($0.error)" }
                    throw PlanJobFailure(message: "\(errors.count) errors in the merged dataset:\n" + lines.joined(separator: "\n"))
                }
                try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
                let result = try runner(
                    PlanJobInput(scenarioDirectory: folder.appendingPathComponent("dataset"),
                                 curriculaDirectory: URL(fileURLWithPath: round.curriculaDirectory),
                                 exportsFolder: exports, storePath: store.path, loaded: loaded),
                    { stage, fraction in try? store.updatePlanJob(id: job.id, stage: stage, fraction: 0.05 + 0.95 * fraction) })
                try store.finishPlanJob(id: job.id, status: .succeeded, runID: result.runID, files: result.files, summary: result.figures,
                                        exportsFolder: result.folder?.path)
            } catch {
                try? store.finishPlanJob(id: job.id, status: .failed, error: "\(error)")
            }
        }
    }

    func jobPage(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let id = Int64(request.parameter("job")), let job = try store.planJob(id: id) else {
            return Reply.notFound(request.kit)
        }
        let kit = request.kit
        let stage = kit.texts.contains(job.stage) ? kit[job.stage] : job.stage
        var body: HTML = """
            <p id="job-status" data-status="\(job.status.rawValue)">\(kit["portal.job.status.\(job.status.rawValue)"])</p>
            <progress id="job-progress" max="100" value="\(Int(job.fraction * 100))"></progress>
            <p id="job-stage">\(job.status == .running ? stage : "")</p>
            """
        var head: HTML = ""
        switch job.status {
        case .running:
            // Polling with a few lines of script; without script the page reloads itself.
            head = """
                <noscript><meta http-equiv="refresh" content="3"></noscript>
                <script>
                setInterval(async () => {
                  const reply = await fetch(location.pathname + "/progress", {credentials: "same-origin"});
                  if (!reply.ok) return;
                  const job = await reply.json();
                  if (job.status !== "running") { location.reload(); return; }
                  document.getElementById("job-progress").value = Math.round(job.fraction * 100);
                  document.getElementById("job-stage").textContent = job.stage;
                }, 1000);
                </script>
                """
        case .failed:
            body = "\(body)<div class=\"errors\" id=\"job-error\"><p>\(kit["portal.job.failed-help"])</p><pre>\(job.error ?? "")</pre></div>"
        case .succeeded:
            body = "\(body)\(try figures(job, round: round, kit: kit))\(files(job, round: round, kit: kit))"
            if round.status == .closed {
                body = "\(body)\(kit.button("/rounds/\(round.id)/jobs/\(job.id)/publish", "portal.job.publish", id: "publish"))"
            }
        }
        return page(request, title: kit.format("portal.job.title", ["job": String(job.id), "round": round.name]), head: head, body)
    }

    func jobProgress(_ request: PortalRequest) async throws -> Response {
        guard let id = Int64(request.parameter("job")), let job = try store.planJob(id: id) else { return Reply.notFound(request.kit) }
        let stage = request.kit.texts.contains(job.stage) ? request.kit[job.stage] : job.stage
        let object: [String: Any] = ["status": job.status.rawValue, "stage": stage, "fraction": job.fraction, "error": job.error ?? ""]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Reply.json(String(decoding: data, as: UTF8.self))
    }

    /// The plan's key figures, beside the previous successful job of the round when there is one.
    func figures(_ job: PlanJob, round: PlanningRound, kit: PageKit) throws -> HTML {
        let previous = try store.planJobs(roundID: round.id).first { $0.id < job.id && $0.status == .succeeded }
        let f = job.summary
        func value(_ key: String, _ figures: [String: Double]?) -> Double? { figures?[key] }
        func number(_ key: String, _ figures: [String: Double]?) -> String {
            guard let amount = value(key, figures) else { return "–" }
            return key.hasSuffix("_vnd") ? kit.numbers.billionsVND(amount) : kit.grouped(amount)
        }
        let keys = ["shortage_before", "shortage_after", "spend_vnd", "budget_vnd", "matched", "students", "funded_places"]
        let rows: [[HTML]] = keys.map { key in
            ["\(kit["portal.figure.\(key)"])", "<span id=\"figure-\(key)\">\(number(key, f))</span>", "\(number(key, previous?.summary))"]
        }
        let before = f["shortage_before"] ?? 0, after = f["shortage_after"] ?? 0
        let closed = before > 0 ? (before - after) / before : 0
        let spendShare = (f["budget_vnd"] ?? 0) > 0 ? (f["spend_vnd"] ?? 0) / (f["budget_vnd"] ?? 1) : 0
        let previousHeader = previous.map { kit.format("portal.figure.previous", ["job": String($0.id)]) } ?? kit["portal.figure.no-previous"]
        func bar(_ share: Double, _ label: String) -> HTML {
            let width = Int((min(1, max(0, share)) * 100).rounded())
            let caption: HTML = label.isEmpty ? "" : "<p>\(label)</p>"
            return "\(caption)<div style=\"background:#ddd;width:30rem\"><div class=\"bar\" style=\"width:\(HTML(markup: String(width)))%\"></div></div>"
        }
        return """
            <h2>\(kit["portal.figure.title"])</h2>
            <p class="figure" id="shortage-closed">\(kit.format("portal.figure.closed", ["share": kit.numbers.percent(closed)]))</p>
            \(bar(closed, ""))
            \(bar(spendShare, kit.format("portal.figure.spent", ["share": kit.numbers.percent(spendShare)])))
            <table id="figures"><thead><tr><th></th><th>\(kit["portal.figure.this"])</th><th>\(previousHeader)</th></tr></thead>
            <tbody>\(HTML.join(rows.map { "<tr>\(HTML.join($0.map { "<td>\($0)</td>" }))</tr>" }))</tbody></table>
            """
    }

    func files(_ job: PlanJob, round: PlanningRound, kit: PageKit) -> HTML {
        let items = HTML.join(job.files.map { "<li><a href=\"/rounds/\(round.id)/jobs/\(job.id)/files/\($0)\">\($0)</a></li>" })
        return "<h2>\(kit.format("portal.job.files", ["count": kit.grouped(Double(job.files.count))]))</h2><ul id=\"files\">\(items)</ul>"
    }

    func publish(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let id = Int64(request.parameter("job")), let job = try store.planJob(id: id) else {
            return Reply.notFound(request.kit)
        }
        guard job.status == .succeeded else { return Reply.redirect("/rounds/\(round.id)/jobs/\(job.id)?done=publish-failed") }
        let changed = try store.changeRoundStatus(roundID: round.id, from: .closed, to: .published, publishedJobID: job.id, by: request.actor)
        return Reply.redirect("/rounds/\(round.id)?done=\(changed ? "published" : "nothing-changed")")
    }

    func downloadJobFile(_ request: PortalRequest) async throws -> Response {
        guard let id = Int64(request.parameter("job")), let job = try store.planJob(id: id) else { return Reply.notFound(request.kit) }
        return try sendWorkbook(job, file: request.parameter("file"), request: request)
    }
}

/// A plan job that stopped: the message shown on its page.
struct PlanJobFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The plan job's share of the processor while the portal serves pages.
enum PlanJobPriority {
    /// The nice value of a plan job's threads: the scheduler gives the threads serving pages
    /// about ten times their weight while both want a core, and the job all that is idle.
    static let niceness: Int32 = 10

    /// Lowers the calling thread's priority to ``niceness``, for the rest of its life; threads it
    /// starts afterwards inherit it: the pipeline's own and those of its side-by-side work (the
    /// forecast ranges, the frontier, the workbooks), which start their threads with
    /// `Workforce.WorkerThreads` rather than take Dispatch's pool, whose threads may also run the
    /// pages' tasks. On Linux the nice value belongs to the thread, so pages served by other
    /// threads keep theirs. Best effort: a thread already lower stays as it is. Measured with
    /// `skillplan bench --portal-load` (50 users, national plan job), five runs: p99 20–49 ms
    /// (median 28) with the side-by-side work lowered too, 34–236 ms (median 86) with only the
    /// pipeline's own threads lowered (BENCHMARKS.md).
    static func yieldToPages() {
        // PRIO_PROCESS with 0: the calling thread on Linux.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
    }

    /// The calling thread's nice value.
    static var current: Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
}
