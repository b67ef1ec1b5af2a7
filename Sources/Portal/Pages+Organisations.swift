import ExcelExport
import Foundation
import Hummingbird
import Storage
import Texts
import Workforce

extension PortalApp {
    /// The message of a field's error, as the CLI says it (the value and what was expected).
    func fieldMessage(_ error: InputError, _ kit: PageKit) -> String {
        kit.format("portal.field.expected", ["value": error.value ?? "", "expected": ValidatorWords.say(error.expected, kit)])
    }

    /// An upload's errors, one line each with where it is (sheet, row, column).
    func errorList(_ errors: [InputError], _ kit: PageKit, limit: Int = 50) -> HTML {
        let items = HTML.join(errors.prefix(limit).map { "<li>\(InputLimits.printable($0.description))</li>" })
        let more: HTML = errors.count > limit ? "<li>\(kit.format("portal.upload.more-errors", ["count": kit.grouped(Double(errors.count - limit))]))</li>" : ""
        return "<div class=\"errors\" id=\"upload-errors\"><p>\(kit.format("portal.upload.rejected", ["count": kit.grouped(Double(errors.count))]))</p><ul>\(items)\(more)</ul></div>"
    }

    func roundIsOpen(_ request: PortalRequest) -> Bool { request.round?.status == .open }

    // MARK: Enterprises

    /// The enterprise's postings in the merged dataset, and withdrawn ones.
    func ownPostings(_ round: PlanningRound, organisation: String) throws -> (rows: [(RowTexts, withdrawn: Bool, submitted: Bool)], applicants: [String: Int]) {
        let submissions = try store.submissions(roundID: round.id)
        let view = try workspace.view(of: round, submissions: submissions)
        let applicants = view.applicants
        var rows: [(RowTexts, withdrawn: Bool, submitted: Bool)] = (view.postingsByEnterprise[organisation] ?? [])
            .map { ($0.row, false, $0.submittedBy != nil) }
        for submission in submissions where submission.kind == .posting && submission.organisation == organisation && submission.withdrawn {
            rows.append((MergedDataset.decodeRow(submission.content), true, true))
        }
        return (rows, applicants)
    }

    func postingsPage(_ request: PortalRequest, uploadErrors: [InputError] = []) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        let kit = request.kit
        let open = round.status == .open
        let (postings, applicants) = try ownPostings(round, organisation: user.organisation)
        let rows: [[HTML]] = postings.map { row, withdrawn, submitted in
            let code = row["posting"] ?? ""
            let state = kit[withdrawn ? "portal.posting.state.withdrawn" : submitted ? "portal.posting.state.submitted" : "portal.posting.state.scenario"]
            let actions: HTML = open && !withdrawn
                ? "<a href=\"/rounds/\(round.id)/postings/\(code)\" id=\"edit-\(code)\">\(kit["portal.action.edit"])</a> \(kit.button("/rounds/\(round.id)/postings/\(code)/withdraw", "portal.action.withdraw", id: "withdraw-\(code)"))"
                : ""
            return ["\(code)", "\(row["skill"] ?? "")", "\(row["region"] ?? "")", "\(row["slots"] ?? "")", "\(row["months"] ?? "")",
                    "\(kit.grouped(Double(row["stipend_vnd_per_month"] ?? "") ?? 0))", "\(row["min_year"] ?? "")",
                    "\(kit.grouped(Double(applicants[code] ?? 0)))", "\(state)", actions]
        }
        let uploadForm: HTML = open ? """
            <p><a href="/rounds/\(round.id)/postings/new" id="add-posting">\(kit["portal.posting.add"])</a></p>
            <h2>\(kit["portal.upload.postings.title"])</h2><p>\(kit["portal.upload.postings.help"])
            <a href="/rounds/\(round.id)/templates/postings" id="postings-template">\(kit["portal.upload.template-link"])</a></p>
            \(kit.form("/rounds/\(round.id)/postings/upload", upload: true, """
            <input type="file" name="file" id="postings-file" accept=".xlsx,.csv"><button type="submit" id="upload-postings">\(kit["portal.action.upload"])</button>
            """))
            """ : "<p>\(kit["portal.round.not-open"])</p>"
        let body: HTML = """
            \(uploadErrors.isEmpty ? "" : errorList(uploadErrors, kit))
            \(kit.table(["portal.posting.code", "portal.posting.skill", "portal.posting.region", "portal.posting.slots",
                         "portal.posting.months", "portal.posting.stipend", "portal.posting.min-year", "portal.posting.applicants",
                         "portal.posting.state", ""], rows, id: "postings"))
            \(uploadForm)
            """
        return page(request, title: kit.format("portal.postings.title", ["organisation": user.organisation, "round": round.name]), body,
                    status: uploadErrors.isEmpty ? .ok : .unprocessableContent)
    }

    func postingForm(_ request: PortalRequest, values: RowTexts? = nil, errors: [String: String] = [:]) async throws -> Response {
        guard let round = request.round else { return Reply.notFound(request.kit) }
        let kit = request.kit
        guard round.status == .open else { return Reply.redirect("/rounds/\(round.id)/postings") }
        let base = try workspace.base(of: round)
        let code = request.context.parameters.get("posting")
        var row = values ?? [:]
        if values == nil, let code {
            let merged = try workspace.view(of: round, submissions: try store.submissions(roundID: round.id)).merged
            row = merged.postings.first { $0.row["posting"] == code }?.row ?? [:]
        }
        let skills = base.scenario.skills.map { (value: $0.id.rawValue, label: "\($0.id.rawValue) – \($0.name)") }
        let regions = base.scenario.regions.map { (value: $0.id.rawValue, label: "\($0.id.rawValue) – \($0.name)") }
        let action = code.map { "/rounds/\(round.id)/postings/\($0)" } ?? "/rounds/\(round.id)/postings"
        let summary: HTML = errors.isEmpty ? "" : "<p class=\"errors\" id=\"form-errors\">\(kit["portal.form.has-errors"])</p>"
        let body: HTML = """
            \(summary)\(kit.form(action, id: "posting-form", """
            \(kit.select("skill", labelKey: "portal.posting.skill", options: skills, selected: row["skill"] ?? "", error: errors["skill"]))
            \(kit.select("region", labelKey: "portal.posting.region", options: regions, selected: row["region"] ?? "", error: errors["region"]))
            \(kit.field("slots", labelKey: "portal.posting.slots", value: row["slots"] ?? "", error: errors["slots"]))
            \(kit.field("months", labelKey: "portal.posting.months", value: row["months"] ?? "", error: errors["months"]))
            \(kit.field("stipend_vnd_per_month", labelKey: "portal.posting.stipend", value: row["stipend_vnd_per_month"] ?? "", error: errors["stipend_vnd_per_month"]))
            \(kit.field("min_year", labelKey: "portal.posting.min-year", value: row["min_year"] ?? "", error: errors["min_year"]))
            <button type="submit" id="save-posting">\(kit["portal.action.save"])</button>
            """))
            """
        let title = code.map { kit.format("portal.posting.edit.title", ["code": $0]) } ?? kit["portal.posting.new.title"]
        return page(request, title: title, body, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func savePosting(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        guard round.status == .open else { return Reply.redirect("/rounds/\(round.id)/postings?done=round-not-open") }
        let base = try workspace.base(of: round)
        let code = try request.context.parameters.get("posting") ?? newPostingCode(round, base: base, organisation: user.organisation)
        var row: RowTexts = ["posting": code, "enterprise": user.organisation]
        for column in ["skill", "region", "slots", "months", "stipend_vnd_per_month", "min_year"] {
            row[column] = request.form[column].trimmingCharacters(in: .whitespaces)
        }
        let table = CSVTable(file: "form", header: TableColumns.postings, rows: [
            CSVTable.Row(line: 2, fields: TableColumns.postings.enumerated().map { .init(text: row[$1] ?? "", line: 2, column: $0 + 1) }),
        ])
        let (_, errors) = SubmittedTables.postings(table, enterprises: [Enterprise.ID(user.organisation)], skills: base.skills, regions: base.regions)
        if !errors.isEmpty {
            var messages: [String: String] = [:]
            for error in errors { if let field = error.field, messages[field] == nil { messages[field] = fieldMessage(error, request.kit) } }
            return try await postingForm(request, values: row, errors: messages)
        }
        let outcome = try store.saveSubmissions(
            [Submission(roundID: round.id, kind: .posting, item: code, organisation: user.organisation,
                        content: MergedDataset.encodeRow(row), updatedBy: user.email)],
            action: "posting.save", by: request.actor)
        guard outcome == .saved else { return Reply.notFound(request.kit) }
        return Reply.redirect("/rounds/\(round.id)/postings?done=posting-saved")
    }

    /// `ORG-W1`, `ORG-W2`, …: the first code used by no posting of the round.
    func newPostingCode(_ round: PlanningRound, base: RoundBase, organisation: String) throws -> String {
        var used = Set(base.postings.compactMap { $0["posting"] })
        used.formUnion(try store.submissions(roundID: round.id, kind: .posting).map(\.item))
        var number = 1
        while used.contains("\(organisation)-W\(number)") { number += 1 }
        return "\(organisation)-W\(number)"
    }

    func withdrawPosting(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        guard round.status == .open else { return Reply.redirect("/rounds/\(round.id)/postings?done=round-not-open") }
        let code = request.parameter("posting")
        let merged = try workspace.view(of: round, submissions: try store.submissions(roundID: round.id)).merged
        guard let row = merged.postings.first(where: { $0.row["posting"] == code })?.row else { return Reply.notFound(request.kit) }
        let outcome = try store.saveSubmissions(
            [Submission(roundID: round.id, kind: .posting, item: code, organisation: user.organisation,
                        content: MergedDataset.encodeRow(row), withdrawn: true, updatedBy: user.email)],
            action: "posting.withdraw", by: request.actor)
        guard outcome == .saved else { return Reply.notFound(request.kit) }
        return Reply.redirect("/rounds/\(round.id)/postings?done=posting-withdrawn")
    }

    /// Reads an uploaded template (`.xlsx`, its sheet `sheet`) or CSV file as a table, through a
    /// private scratch file that is removed afterwards.
    func uploadedTable(_ file: FormData.File, sheet: String) throws(InputErrors) -> CSVTable {
        let display = URL(fileURLWithPath: file.fileName.isEmpty ? "upload" : file.fileName).lastPathComponent
        if display.lowercased().hasSuffix(".csv") {
            return try CSVTable.parse(data: file.bytes, file: display)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("skillplan-upload-\(Tokens.make()).xlsx")
        guard FileManager.default.createFile(atPath: scratch.path, contents: file.bytes, attributes: [.posixPermissions: 0o600]) else {
            throw InputErrors([InputError(SourceLocation(file: display), expected: "an upload the server can read (it could not store it)")])
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        return try SubmittedTables.spreadsheet(at: scratch, displayPath: display, sheet: sheet)
    }

    /// The form's uploaded file as a table, or what to tell the user (no file, an unreadable one).
    func uploadedTable(_ request: PortalRequest, sheet: String) -> Result<CSVTable, InputErrors> {
        guard let file = request.form.files["file"], !file.bytes.isEmpty else {
            return .failure(InputErrors([InputError(SourceLocation(file: "upload"), expected: request.kit["portal.upload.no-file"])]))
        }
        do {
            return .success(try uploadedTable(file, sheet: sheet))
        } catch {
            return .failure(error)
        }
    }

    func uploadPostings(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        guard round.status == .open else { return Reply.redirect("/rounds/\(round.id)/postings?done=round-not-open") }
        let table: CSVTable
        switch uploadedTable(request, sheet: "postings") {
        case .success(let read): table = read
        case .failure(let problems): return try await postingsPage(request, uploadErrors: problems.errors)
        }
        let base = try workspace.base(of: round)
        var (postings, errors) = SubmittedTables.postings(table, enterprises: [Enterprise.ID(user.organisation)],
                                                          skills: base.skills, regions: base.regions)
        // A code of another enterprise's posting is refused like any other wrong value.
        for posting in postings {
            if let owner = try postingOwner(posting.id.rawValue, round: round), owner != user.organisation {
                errors.append(InputError(SourceLocation(file: table.file, sheet: table.sheet), field: "posting", value: posting.id.rawValue,
                                         expected: "a posting code not used by another enterprise"))
            }
        }
        guard errors.isEmpty, !postings.isEmpty else {
            if errors.isEmpty { errors.append(InputError(SourceLocation(file: table.file, sheet: table.sheet), expected: request.kit["portal.upload.no-rows"])) }
            return try await postingsPage(request, uploadErrors: errors)
        }
        let submissions = postings.map { posting in
            Submission(roundID: round.id, kind: .posting, item: posting.id.rawValue, organisation: user.organisation,
                       content: MergedDataset.encodeRow([
                        "posting": posting.id.rawValue, "enterprise": posting.enterprise.rawValue, "skill": posting.skill.rawValue,
                        "region": posting.region.rawValue, "slots": String(posting.slots), "months": String(posting.months),
                        "stipend_vnd_per_month": String(posting.stipendPerMonth), "min_year": String(posting.minimumYear),
                       ]), updatedBy: user.email)
        }
        guard try store.saveSubmissions(submissions, action: "posting.upload", by: request.actor) == .saved else { return Reply.notFound(request.kit) }
        return Reply.redirect("/rounds/\(round.id)/postings?done=upload-saved")
    }

    func template(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        let kind: RequestTemplate.Kind
        switch (request.parameter("kind"), user.role) {
        case ("postings", .enterprise): kind = .postings
        case ("students", .institution): kind = .students
        default: return Reply.notFound(request.kit)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("skillplan-template-\(Tokens.make()).xlsx")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try RequestTemplate.write(kind, scenario: try workspace.base(of: round).scenario, to: scratch)
        let bytes = try Data(contentsOf: scratch)
        return Reply.file(Array(bytes), name: kind.fileName, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    // MARK: Institutions

    func programsPage(_ request: PortalRequest, errors: [String: [String: String]] = [:], uploadErrors: [InputError] = []) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        let kit = request.kit
        let open = round.status == .open
        let submissions = try store.submissions(roundID: round.id)
        let view = try workspace.view(of: round, submissions: submissions)
        let rows: [[HTML]] = (view.programsByInstitution[user.organisation] ?? []).map { program in
            let code = program.row["program"] ?? ""
            let fieldErrors = errors[code] ?? [:]
            let capacity = program.row["capacity"] ?? "", baseline = program.row["baseline_intake"] ?? ""
            let edit: HTML = open ? kit.form("/rounds/\(round.id)/programs/\(code)", id: "program-\(code)", """
                <input name="baseline_intake" id="baseline-\(code)" value="\(baseline)" size="6" aria-label="\(kit["portal.program.baseline"])">\
                <input name="capacity" id="capacity-\(code)" value="\(capacity)" size="6" aria-label="\(kit["portal.program.capacity"])">\
                <button type="submit" id="save-\(code)">\(kit["portal.action.save"])</button>\
                \(HTML.join(fieldErrors.sorted(by: { $0.key < $1.key }).map { "<span class=\"error\" id=\"error-\(code)-\($0.key)\">\($0.key): \($0.value)</span>" }))
                """) : "\(baseline) / \(capacity)"
            return ["\(code)", "\(program.row["curriculum"] ?? "")", edit, "\(kit[program.submittedBy == nil ? "portal.posting.state.scenario" : "portal.posting.state.submitted"])"]
        }
        let ownStudents = view.studentsPerInstitution[user.organisation] ?? 0
        let uploaded = submissions.contains { $0.kind == .students && $0.organisation == user.organisation }
        let studentsPart: HTML = """
            <h2>\(kit["portal.students.title"])</h2>
            <p id="students-count">\(kit.format(uploaded ? "portal.students.uploaded" : "portal.students.scenario", ["count": kit.grouped(Double(ownStudents))]))</p>
            \(open ? """
            <p>\(kit["portal.upload.students.help"]) <a href="/rounds/\(round.id)/templates/students" id="students-template">\(kit["portal.upload.template-link"])</a></p>
            \(kit.form("/rounds/\(round.id)/students/upload", upload: true, """
            <input type="file" name="file" id="students-file" accept=".xlsx,.csv"><button type="submit" id="upload-students">\(kit["portal.action.upload"])</button>
            """))
            """ as HTML : "")
            """
        let body: HTML = """
            \(uploadErrors.isEmpty ? "" : errorList(uploadErrors, kit))
            <p>\(kit["portal.programs.help"])</p>
            \(kit.table(["portal.program.code", "portal.program.curriculum", "portal.program.baseline-capacity", "portal.posting.state"], rows, id: "programs"))
            \(studentsPart)
            """
        return page(request, title: kit.format("portal.programs.title", ["organisation": user.organisation, "round": round.name]), body,
                    status: errors.isEmpty && uploadErrors.isEmpty ? .ok : .unprocessableContent)
    }

    func saveProgram(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        guard round.status == .open else { return Reply.redirect("/rounds/\(round.id)/programs?done=round-not-open") }
        let code = request.parameter("program")
        let base = try workspace.base(of: round)
        guard var row = base.programs.first(where: { $0["program"] == code }) else { return Reply.notFound(request.kit) }
        let change: RowTexts = ["capacity": request.form["capacity"].trimmingCharacters(in: .whitespaces),
                                "baseline_intake": request.form["baseline_intake"].trimmingCharacters(in: .whitespaces)]
        for (column, value) in change { row[column] = value }
        // The programmes' own checks, on the changed row (capacity at least the baseline, …).
        let table = CSVTable(file: "form", header: TableColumns.programs, rows: [
            CSVTable.Row(line: 2, fields: TableColumns.programs.enumerated().map { .init(text: row[$1] ?? "", line: 2, column: $0 + 1) }),
        ])
        let scenario = base.scenario
        let errors = SubmittedTables.programs(table, institutions: scenario.institutions, curricula: scenario.curricula,
                                              enterprises: Set(scenario.enterprises.map(\.id)))
        if !errors.isEmpty {
            var messages: [String: String] = [:]
            for error in errors { if let field = error.field, messages[field] == nil { messages[field] = fieldMessage(error, request.kit) } }
            return try await programsPage(request, errors: [code: messages])
        }
        guard try store.saveSubmissions([Submission(roundID: round.id, kind: .program, item: code, organisation: user.organisation,
                                                    content: MergedDataset.encodeRow(change), updatedBy: user.email)],
                                        action: "program.save", by: request.actor) == .saved else { return Reply.notFound(request.kit) }
        return Reply.redirect("/rounds/\(round.id)/programs?done=program-saved")
    }

    func uploadStudents(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        guard round.status == .open else { return Reply.redirect("/rounds/\(round.id)/programs?done=round-not-open") }
        let table: CSVTable
        switch uploadedTable(request, sheet: "students") {
        case .success(let read): table = read
        case .failure(let problems): return try await programsPage(request, uploadErrors: problems.errors)
        }
        let base = try workspace.base(of: round)
        let merged = try workspace.view(of: round, submissions: try store.submissions(roundID: round.id)).merged
        let postingIDs = Set(merged.postings.compactMap { $0.row["posting"] }.map { InternshipPosting.ID($0) })
        var (students, errors) = SubmittedTables.students(table, institutions: [Institution.ID(user.organisation)], skills: base.skills,
                                                          regions: base.regions, postings: postingIDs)
        // Student codes are the round's: another institution's student cannot be replaced.
        let others = Set(base.students.filter { $0["institution"] != user.organisation }.compactMap { $0["student"] })
        for student in students where others.contains(student.id.rawValue) {
            errors.append(InputError(SourceLocation(file: table.file, sheet: table.sheet), field: "student", value: student.id.rawValue,
                                     expected: "a student code not used by another institution"))
        }
        guard errors.isEmpty, !students.isEmpty else {
            if errors.isEmpty { errors.append(InputError(SourceLocation(file: table.file, sheet: table.sheet), expected: request.kit["portal.upload.no-rows"])) }
            return try await programsPage(request, uploadErrors: errors)
        }
        students.sort { $0.id.rawValue < $1.id.rawValue }
        let rows: [RowTexts] = students.map { student in
            ["student": student.id.rawValue, "institution": student.institution.rawValue, "skill": student.skill.rawValue,
             "year": String(student.year), "score": String(student.score), "home_region": student.homeRegion.rawValue,
             "preferences": student.preferences.map(\.rawValue).joined(separator: ";")]
        }
        guard try store.saveSubmissions([Submission(roundID: round.id, kind: .students, item: user.organisation, organisation: user.organisation,
                                                    content: MergedDataset.encodeRows(rows), updatedBy: user.email)],
                                        action: "students.upload", by: request.actor) == .saved else { return Reply.notFound(request.kit) }
        return Reply.redirect("/rounds/\(round.id)/programs?done=students-saved")
    }

    // MARK: Their own workbooks

    func ownWorkbooks(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let user = request.user else { return Reply.notFound(request.kit) }
        let kit = request.kit
        guard round.status == .published, let jobID = round.publishedJobID, let job = try store.planJob(id: jobID) else {
            return page(request, title: kit["portal.workbooks.title"], "<p id=\"not-published\">\(kit["portal.workbooks.not-published"])</p>")
        }
        let own = try job.files.first { file in
            try workbookOwner(file, round: round).map { $0.role == user.role && $0.organisation == user.organisation } ?? false
        }
        let body: HTML = if let own {
            "<p><a href=\"/rounds/\(round.id)/workbooks/\(own)\" id=\"own-workbook\">\(own)</a></p><p>\(kit["portal.workbooks.help"])</p>"
        } else {
            "<p id=\"no-workbook\">\(kit["portal.workbooks.none"])</p>"
        }
        return page(request, title: kit["portal.workbooks.title"], body)
    }

    func downloadOwnWorkbook(_ request: PortalRequest) async throws -> Response {
        guard let round = request.round, let jobID = round.publishedJobID, let job = try store.planJob(id: jobID) else {
            return Reply.notFound(request.kit)
        }
        return try sendWorkbook(job, file: request.parameter("file"), request: request)
    }

    /// Sends one file of a job's exports folder (the name is one the job recorded, never a path).
    func sendWorkbook(_ job: PlanJob, file: String, request: PortalRequest) throws -> Response {
        guard job.files.contains(file), !file.contains("/"), !file.hasPrefix(".") else { return Reply.notFound(request.kit) }
        let url = URL(fileURLWithPath: job.exportsFolder).appendingPathComponent(file)
        guard let bytes = FileManager.default.contents(atPath: url.path) else { return Reply.notFound(request.kit) }
        try store.audit("workbook.download", subject: "job \(job.id) / \(file)", by: request.actor)
        let type = file.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Reply.file(Array(bytes), name: file, type: type)
    }
}
