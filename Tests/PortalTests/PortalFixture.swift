import ExcelExport
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Portal
import Storage
import Testing
import Workforce

/// Who sends a request in a test.
enum Caller: String, CaseIterable, Sendable, CustomStringConvertible {
    case anonymous, fund, enterpriseA, enterpriseB, institutionA, institutionB

    var role: PortalRole? {
        switch self {
        case .anonymous: nil
        case .fund: .fund
        case .enterpriseA, .enterpriseB: .enterprise
        case .institutionA, .institutionB: .institution
        }
    }

    var description: String { rawValue }
}

/// A portal over a store in a temporary folder, on the bundled scenario: two enterprises and two
/// institutions of it with accounts and sessions, a fund account, an open round, and a second
/// round whose plan (written by a stand-in runner) is published.
struct PortalFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenario = repository.appendingPathComponent("Scenarios/vietnam-2026-2035")
    static let curricula = repository.appendingPathComponent("Curricula")

    let folder: URL
    let store: SkillPlanStore
    let portal: PortalApp
    let openRound: PlanningRound
    let publishedRound: PlanningRound
    let publishedJob: PlanJob
    /// Organisation codes and one id each of their own.
    let enterprises: [Caller: (code: String, posting: String)]
    let institutions: [Caller: (code: String, program: String)]
    /// Session cookie token and CSRF token per caller.
    let sessions: [Caller: (token: String, csrf: String)]

    /// The stand-in for the pipeline: writes one small file per workbook and returns figures.
    static let quickRunner: PlanJobRunner = { input, progress in
        progress("portal.stage.forecast", 0.5)
        let loaded = try ScenarioLoader.load(directory: input.scenarioDirectory, curriculaDirectory: input.curriculaDirectory)
        var files = ["fund-plan.xlsx"]
        files += Set(loaded.scenario.postings.map(\.enterprise)).map { InternsWorkbook.fileName(enterprise: $0) }
        files += Set(loaded.scenario.programs.map(\.institution)).map { IntakeWorkbook.fileName(institution: $0) }
        for file in files {
            let interns = loaded.scenario.postings.filter { InternsWorkbook.fileName(enterprise: $0.enterprise) == file }.map(\.id.rawValue)
            try Data(("workbook " + file + "\n" + interns.joined(separator: "\n")).utf8).write(to: input.exportsFolder.appendingPathComponent(file))
        }
        return PlanJobResult(runID: nil, files: files.sorted(), figures: [
            "shortage_before": 1000, "shortage_after": 800, "spend_vnd": 9e11, "budget_vnd": 1e12,
            "students": Double(loaded.scenario.students.count), "matched": 10, "funded_places": 3,
        ])
    }

    static func make(runner: @escaping PlanJobRunner = quickRunner) throws -> PortalFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillplan-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SkillPlanStore(path: folder.appendingPathComponent("portal.sqlite").path)
        var settings = PortalSettings(bundledScenario: scenario, curricula: curricula, workRoot: folder.appendingPathComponent("work"))
        settings.hasher = PasswordHasher(cost: 4)
        let portal = try PortalApp(store: store, settings: settings, runner: runner)
        let fund = AuditActor(email: "fund@test.vn", organisation: "FUND")
        let openRound = try store.openRound(name: "Open", scenarioDirectory: scenario.path, curriculaDirectory: curricula.path,
                                            deadline: nil, by: fund)
        let base = try portal.workspace.base(of: openRound)
        // Two enterprises with postings and two institutions with programmes.
        var enterpriseCodes: [String] = []
        for row in base.postings where !enterpriseCodes.contains(row["enterprise"] ?? "") {
            enterpriseCodes.append(row["enterprise"] ?? "")
            if enterpriseCodes.count == 2 { break }
        }
        var institutionCodes: [String] = []
        for row in base.programs where !institutionCodes.contains(row["institution"] ?? "") {
            institutionCodes.append(row["institution"] ?? "")
            if institutionCodes.count == 2 { break }
        }
        func posting(of code: String) -> String { base.postings.first { $0["enterprise"] == code }?["posting"] ?? "" }
        func program(of code: String) -> String { base.programs.first { $0["institution"] == code }?["program"] ?? "" }
        let enterprises: [Caller: (code: String, posting: String)] = [
            .enterpriseA: (enterpriseCodes[0], posting(of: enterpriseCodes[0])),
            .enterpriseB: (enterpriseCodes[1], posting(of: enterpriseCodes[1])),
        ]
        let institutions: [Caller: (code: String, program: String)] = [
            .institutionA: (institutionCodes[0], program(of: institutionCodes[0])),
            .institutionB: (institutionCodes[1], program(of: institutionCodes[1])),
        ]
        var sessions: [Caller: (token: String, csrf: String)] = [:]
        for caller in Caller.allCases {
            guard let role = caller.role else { continue }
            let organisation = enterprises[caller]?.code ?? institutions[caller]?.code ?? "FUND"
            let user = try store.addUser(email: "\(caller.rawValue)@test.vn", role: role, organisation: organisation,
                                         passwordHash: settings.hasher.hashNow("password-\(caller.rawValue)"))
            let token = Tokens.make(), csrf = Tokens.make()
            try store.createSession(tokenHash: Tokens.digest(token), userID: user.id, csrfToken: csrf, language: "en",
                                    expiresAt: Date() + 3600)
            sessions[caller] = (token, csrf)
        }
        // The second round: closed, planned by the stand-in runner, published.
        let published = try store.openRound(name: "Published", scenarioDirectory: scenario.path, curriculaDirectory: curricula.path,
                                            deadline: nil, by: fund)
        try store.changeRoundStatus(roundID: published.id, from: .open, to: .closed, by: fund)
        let exports = folder.appendingPathComponent("published-exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let job = try #require(try store.beginPlanJob(roundID: published.id, exportsFolder: exports.path, by: fund))
        // The stand-in's files, from the scenario's rows (loading it again would take seconds).
        var files = ["fund-plan.xlsx"]
        for enterprise in Set(base.postings.compactMap { $0["enterprise"] }) {
            let file = InternsWorkbook.fileName(enterprise: .init(enterprise))
            let interns = base.postings.filter { $0["enterprise"] == enterprise }.compactMap { $0["posting"] }
            try Data(("workbook " + file + "\n" + interns.joined(separator: "\n")).utf8).write(to: exports.appendingPathComponent(file))
            files.append(file)
        }
        for institution in Set(base.programs.compactMap { $0["institution"] }) {
            let file = IntakeWorkbook.fileName(institution: .init(institution))
            try Data("workbook \(file)".utf8).write(to: exports.appendingPathComponent(file))
            files.append(file)
        }
        try Data("fund plan".utf8).write(to: exports.appendingPathComponent("fund-plan.xlsx"))
        try store.finishPlanJob(id: job.id, status: .succeeded, files: files.sorted(), summary: ["spend_vnd": 1])
        try store.changeRoundStatus(roundID: published.id, from: .closed, to: .published, publishedJobID: job.id, by: fund)
        return PortalFixture(folder: folder, store: store, portal: portal, openRound: openRound,
                             publishedRound: try #require(try store.round(id: published.id)),
                             publishedJob: try #require(try store.planJob(id: job.id)),
                             enterprises: enterprises, institutions: institutions, sessions: sessions)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` with a test client of the portal's router.
    func withClient<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: portal.router())
        return try await application.test(.router) { client in try await body(client) }
    }

    /// Sends a request as `caller` (its session cookie), a form with the CSRF token unless `csrf` is false.
    func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, as caller: Caller,
              form: [String: String] = [:], csrf: Bool = true) async throws -> TestResponse {
        var headers = HTTPFields()
        if let session = sessions[caller] {
            headers[.cookie] = "\(PortalApp.sessionCookie)=\(session.token); \(PortalApp.languageCookie)=en"
        } else {
            headers[.cookie] = "\(PortalApp.languageCookie)=en"
        }
        var body: ByteBuffer?
        if method == .post {
            var fields = form
            if csrf, let session = sessions[caller] { fields["csrf"] = session.csrf }
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: Self.encode(fields))
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// Sends a multipart form with one file.
    func upload(_ client: any TestClientProtocol, _ uri: String, as caller: Caller, fields: [String: String] = [:],
                fileName: String, bytes: Data) async throws -> TestResponse {
        let boundary = "----skillplan-test-boundary"
        var body = Data()
        var all = fields
        all["csrf"] = sessions[caller]?.csrf ?? ""
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(bytes)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPFields()
        headers[.cookie] = "\(PortalApp.sessionCookie)=\(sessions[caller]?.token ?? ""); \(PortalApp.languageCookie)=en"
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String { headers[.location] ?? "" }
}
