import ExcelExport
import Foundation
import Hummingbird
import Logging
import Storage
import Texts
import Workforce

/// What a plan job computes: the inputs the pipeline needs.
public struct PlanJobInput: Sendable {
    /// The round's merged dataset, checked.
    public var scenarioDirectory: URL
    public var curriculaDirectory: URL
    /// Where the workbooks go (a new folder per job).
    public var exportsFolder: URL
    /// The store, for the pipeline to record its run.
    public var storePath: String
    /// The merged dataset as the portal loaded and checked it (so the pipeline need not load it again).
    public var loaded: LoadedScenario?
}

/// What a plan job produced.
public struct PlanJobResult: Sendable {
    public var runID: Int64?
    /// File names written in the exports folder.
    public var files: [String]
    /// Key figures by name: `shortage_before`, `shortage_after`, `spend_vnd`, `budget_vnd`,
    /// `matched`, `students`, `funded_places`.
    public var figures: [String: Double]
    /// The folder that holds `files`, when not the job's exports folder itself (the pipeline
    /// writes a run folder of its own inside it).
    public var folder: URL?

    public init(runID: Int64?, files: [String], figures: [String: Double], folder: URL? = nil) {
        self.runID = runID
        self.files = files
        self.figures = figures
        self.folder = folder
    }
}

/// Runs the planning pipeline for a job, reporting each stage (its name and the share done).
/// Called on a thread of its own; it may block. A thrown error fails the job with its message.
public typealias PlanJobRunner = @Sendable (PlanJobInput, _ progress: @escaping @Sendable (String, Double) -> Void) throws -> PlanJobResult

/// The portal's settings.
public struct PortalSettings: Sendable {
    /// How long a session lasts after sign-in.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// How long a one-time sign-in link stays valid.
    public var signInLinkLifetime: TimeInterval = 24 * 3600
    public var hasher = PasswordHasher()
    /// The scenario a new round starts from (the bundled one).
    public var bundledScenario: URL
    public var curricula: URL
    /// Where merged datasets and each job's workbooks are written.
    public var workRoot: URL
    /// Failed sign-ins allowed per address within the window.
    public var signInLimit = 5
    public var signInWindow: TimeInterval = 15 * 60

    public init(bundledScenario: URL, curricula: URL, workRoot: URL) {
        self.bundledScenario = bundledScenario
        self.curricula = curricula
        self.workRoot = workRoot
    }
}

/// The planning portal: the route table, its guard, the pages and the plan jobs, over one store.
///
/// ```swift
/// let portal = try PortalApp(store: store, settings: settings, runner: runner)
/// try await portal.application(port: 8080).runService()
/// ```
public final class PortalApp: Sendable {
    public let store: SkillPlanStore
    public let settings: PortalSettings
    let workspace: RoundWorkspace
    let limiter: SignInLimiter
    let runner: PlanJobRunner
    /// A bcrypt hash of a random password nobody has, verified when an address is unknown so
    /// that the time of an answer does not tell which addresses have accounts.
    let unusedHash: String

    static let sessionCookie = "skillplan_session"
    static let csrfCookie = "skillplan_csrf"
    static let languageCookie = "skillplan_lang"

    /// Makes the portal; plan jobs left running by a stopped server are marked failed (nothing of
    /// them was published: publishing is a separate step).
    public init(store: SkillPlanStore, settings: PortalSettings, runner: @escaping PlanJobRunner) throws {
        self.store = store
        self.settings = settings
        self.runner = runner
        workspace = RoundWorkspace(root: settings.workRoot)
        limiter = SignInLimiter(limit: settings.signInLimit, window: settings.signInWindow)
        unusedHash = settings.hasher.hashNow(Tokens.make())
        try store.failAbandonedPlanJobs(reason: "the server stopped while this job ran; start it again")
        try store.deleteExpiredSessions()
    }

    /// Loads the scenario and the merged dataset of every round not yet published, so that the
    /// first pages after a start answer as fast as the others (a national round takes seconds).
    public func prepareRounds() throws {
        for round in try store.rounds() where round.status != .published {
            _ = try workspace.view(of: round, submissions: try store.submissions(roundID: round.id))
        }
    }

    /// The router, built from ``routes`` only, each route behind the guard.
    public func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        for route in routes {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await self.guarded(route, request, context)
            }
        }
        return router
    }

    /// The application, listening on loopback only.
    public func application(port: Int, logger: Logger? = nil) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "skillplan.portal")
        if logger == nil { log.logLevel = .notice }
        return Application(router: router(), configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "SkillPlan"),
                           logger: log)
    }

    // MARK: The guard

    /// Applies a route's access and scope, then calls its handler: who is signed in, whether
    /// the role may call the route, the CSRF token of every form, the body limit, and whether
    /// the ids of the path exist and belong to the caller's organisation (404 otherwise).
    func guarded(_ route: PortalRoute, _ request: Request, _ context: PortalContext) async throws -> Response {
        let language = request.cookies[Self.languageCookie].flatMap { Language(code: $0.value) } ?? .vi
        let session: PortalSession?
        if let token = request.cookies[Self.sessionCookie]?.value, token.count == 64 {
            session = try store.session(tokenHash: Tokens.digest(token))
        } else {
            session = nil
        }
        // Before sign-in, forms carry a token that matches a cookie (double submit).
        let existingPreToken = request.cookies[Self.csrfCookie]?.value.filter(\.isHexDigit)
        let preToken = (existingPreToken?.count == 64 ? existingPreToken : nil) ?? Tokens.make()
        let kit = PageKit(language: language, csrf: session?.csrfToken ?? preToken)
        let path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")

        var response = try await authorise(route, request, context, session: session, kit: kit, language: language, path: path,
                                           preToken: preToken)
        if session == nil && existingPreToken != preToken {
            response.setCookie(Cookie(name: Self.csrfCookie, value: preToken, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    private func authorise(_ route: PortalRoute, _ request: Request, _ context: PortalContext, session: PortalSession?,
                           kit: PageKit, language: Language, path: String, preToken: String) async throws -> Response {
        if case .roles(let roles) = route.access {
            guard let session else {
                if request.method == .get { return Reply.redirect("/sign-in?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")) }
                return Reply.forbidden(kit, "portal.error.signed-out.body")
            }
            guard roles.contains(session.user.role) else { return Reply.forbidden(kit) }
        }
        var form = FormData()
        if request.method == .post {
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: route.bodyLimit)
            } catch {
                return Reply.html(Layout.page(kit, title: kit["portal.error.too-large.title"], user: nil, navigation: [("/", "portal.nav.home")],
                                              path: "/", "<p>\(kit.format("portal.error.too-large.body", ["limit": kit.grouped(Double(route.bodyLimit >> 10))]))</p>"),
                                  status: .contentTooLarge)
            }
            let data = Data(body.readableBytesView)
            let type = request.headers[.contentType] ?? ""
            if type.lowercased().hasPrefix("multipart/form-data") {
                guard let parsed = FormData.multipart(data, contentType: type) else { return Reply.forbidden(kit, "portal.error.bad-form.body") }
                form = parsed
            } else {
                form = FormData.urlEncoded(data)
            }
            let expected = session?.csrfToken ?? preToken
            guard Tokens.equal(form["csrf"], expected) else { return Reply.forbidden(kit, "portal.error.csrf.body") }
        }
        var round: PlanningRound?
        if route.scope != .none {
            guard let id = Int64(context.parameters.get("round") ?? ""), let found = try store.round(id: id) else {
                return Reply.notFound(kit)
            }
            round = found
            guard try await owns(route.scope, round: found, context: context, session: session) else { return Reply.notFound(kit) }
        }
        let portalRequest = PortalRequest(request: request, context: context, session: session, form: form, round: round,
                                          kit: kit, language: language, path: path)
        return try await route.handler(portalRequest)
    }

    /// Whether the path's ids exist and belong to the caller's organisation.
    private func owns(_ scope: OrganisationScope, round: PlanningRound, context: PortalContext, session: PortalSession?) async throws -> Bool {
        let organisation = session?.user.organisation ?? ""
        let role = session?.user.role
        switch scope {
        case .none, .round:
            return true
        case .ownPosting:
            guard let code = context.parameters.get("posting") else { return false }
            return try postingOwner(code, round: round) == organisation && role == .enterprise
        case .ownProgram:
            guard let code = context.parameters.get("program") else { return false }
            let base = try workspace.base(of: round)
            return base.programs.contains { $0["program"] == code && $0["institution"] == organisation } && role == .institution
        case .ownWorkbook:
            guard round.status == .published, let jobID = round.publishedJobID, let job = try store.planJob(id: jobID),
                  let file = context.parameters.get("file"), job.files.contains(file) else { return false }
            guard let role, let owner = try workbookOwner(file, round: round) else { return false }
            return owner.role == role && owner.organisation == organisation
        case .roundJob:
            guard let id = Int64(context.parameters.get("job") ?? ""), let job = try store.planJob(id: id) else { return false }
            return job.roundID == round.id
        }
    }

    /// Whose workbook a file of a plan run is: `interns-ORG….xlsx` an enterprise's, `intake-ORG….xlsx`
    /// an institution's (the run adds a suffix: `interns-ENT-0261-baseline-960bn-8d5907.xlsx`). When
    /// codes share a prefix (`ENT-1`, `ENT-1-A`), the longest code that fits owns the file.
    func workbookOwner(_ file: String, round: PlanningRound) throws -> (role: PortalRole, organisation: String)? {
        let scenario = try workspace.base(of: round).scenario
        var best: (role: PortalRole, organisation: String, length: Int)?
        func consider(_ role: PortalRole, _ organisation: String, _ name: String) {
            let stem = String(name.dropLast(".xlsx".count))
            guard file == name || (file.hasPrefix(stem + "-") && file.hasSuffix(".xlsx")) else { return }
            if stem.count > (best?.length ?? -1) { best = (role, organisation, stem.count) }
        }
        for enterprise in scenario.enterprises {
            consider(.enterprise, enterprise.id.rawValue, InternsWorkbook.fileName(enterprise: enterprise.id))
        }
        for institution in scenario.institutions {
            consider(.institution, institution.id.rawValue, IntakeWorkbook.fileName(institution: institution.id))
        }
        return best.map { ($0.role, $0.organisation) }
    }

    /// The enterprise a posting of the round belongs to: the submitting one, else the scenario's.
    func postingOwner(_ code: String, round: PlanningRound) throws -> String? {
        if let submitted = try store.submissions(roundID: round.id, kind: .posting).first(where: { $0.item == code }) {
            return submitted.organisation
        }
        return try workspace.base(of: round).postings.first { $0["posting"] == code }?["enterprise"]
    }
}
