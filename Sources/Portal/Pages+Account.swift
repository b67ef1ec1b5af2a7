import Foundation
import Hummingbird
import Storage
import Texts

extension PortalApp {
    /// The navigation links of a role.
    func navigation(_ request: PortalRequest) -> [(href: String, labelKey: String)] {
        guard let user = request.user else { return [("/sign-in", "portal.nav.sign-in")] }
        var links: [(href: String, labelKey: String)] = [("/rounds", "portal.nav.rounds")]
        if user.role == .fund { links.append(("/audit", "portal.nav.audit")) }
        links.append(("/account/password", "portal.nav.password"))
        return links
    }

    /// A page in the frame, for the signed-in user.
    func page(_ request: PortalRequest, title: String, notice: HTML? = nil, head: HTML = "", _ body: HTML,
              status: HTTPResponse.Status = .ok) -> Response {
        let user = request.user.map { (email: $0.email, role: $0.role.rawValue, organisation: $0.organisation) }
        let done: HTML? = notice ?? request.query("done").flatMap { key in
            let full = "portal.done." + key
            return request.kit.texts.contains(full) ? HTML(markup: HTML.escape(request.kit[full])) : nil
        }
        return Reply.html(Layout.page(request.kit, title: title, user: user, navigation: navigation(request), path: request.path,
                                      notice: done, head: head, body), status: status)
    }

    func home(_ request: PortalRequest) async throws -> Response {
        request.user == nil ? Reply.redirect("/sign-in") : Reply.redirect("/rounds")
    }

    func signInPage(_ request: PortalRequest, error: String? = nil, email: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let kit = request.kit
        let next = request.query("next") ?? request.form["next"]
        let message: HTML = error.map { "<p class=\"errors\" id=\"sign-in-error\">\($0)</p>" } ?? ""
        let body: HTML = """
            \(message)\(kit.form("/sign-in", """
            <input type="hidden" name="next" value="\(next)">
            \(kit.field("email", labelKey: "portal.sign-in.email", value: email, type: "email", error: nil, extra: " autocomplete=\"username\" required"))
            \(kit.field("password", labelKey: "portal.sign-in.password", value: "", type: "password", error: nil, extra: " autocomplete=\"current-password\" required"))
            <button type="submit" id="sign-in">\(kit["portal.sign-in.submit"])</button>
            """))
            <p>\(kit["portal.sign-in.help"])</p>
            """
        return page(request, title: kit["portal.sign-in.title"], body, status: status)
    }

    func signIn(_ request: PortalRequest) async throws -> Response {
        let email = request.form["email"].trimmingCharacters(in: .whitespaces).lowercased()
        let password = request.form["password"]
        guard await limiter.allows(email) else {
            try store.audit("user.sign-in-refused", subject: email, detail: "too many failed attempts", by: .system)
            return try await signInPage(request, error: request.kit["portal.sign-in.too-many"], email: email, status: .tooManyRequests)
        }
        let user = try store.user(email: email)
        // Verify against a hash even for an unknown address, so timing does not tell which exist.
        let hash = user?.passwordHash ?? unusedHash
        let valid = await settings.hasher.verify(password, hash: hash) && user?.passwordHash != nil
        guard let user, valid else {
            await limiter.recordFailure(email)
            try store.audit("user.sign-in-failed", subject: email, by: .system)
            return try await signInPage(request, error: request.kit["portal.sign-in.wrong"], email: email, status: .unauthorized)
        }
        await limiter.recordSuccess(email)
        return try startSession(for: user, request: request, next: request.form["next"])
    }

    func startSession(for user: PortalUser, request: PortalRequest, next: String) throws -> Response {
        let token = Tokens.make()
        let now = Date()
        try store.createSession(tokenHash: Tokens.digest(token), userID: user.id, csrfToken: Tokens.make(),
                                language: request.language.rawValue, createdAt: now, expiresAt: now + settings.sessionLifetime)
        try store.audit("user.sign-in", subject: user.email, by: AuditActor(email: user.email, organisation: user.organisation))
        // Only a path of this site: never an absolute address (no open redirect).
        let target = next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : "/rounds"
        var response = Reply.redirect(target)
        response.setCookie(Cookie(name: Self.sessionCookie, value: token, maxAge: Int(settings.sessionLifetime), path: "/",
                                  httpOnly: true, sameSite: .lax))
        return response
    }

    func signInLink(_ request: PortalRequest) async throws -> Response {
        let token = request.parameter("token")
        guard token.count == 64, let user = try store.consumeSignInLink(linkHash: Tokens.digest(token)) else {
            return try await signInPage(request, error: request.kit["portal.sign-in.link-used"], status: .notFound)
        }
        return try startSession(for: user, request: request, next: "/account/password")
    }

    func signOut(_ request: PortalRequest) async throws -> Response {
        if let session = request.session {
            try store.deleteSession(tokenHash: session.tokenHash)
            try store.audit("user.sign-out", subject: session.user.email, by: request.actor)
        }
        var response = Reply.redirect("/sign-in")
        response.setCookie(Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    func language(_ request: PortalRequest) async throws -> Response {
        let language = Language(code: request.query("to") ?? "") ?? .vi
        let back = request.query("back") ?? "/"
        var response = Reply.redirect(back.hasPrefix("/") && !back.hasPrefix("//") ? back : "/")
        response.setCookie(Cookie(name: Self.languageCookie, value: language.rawValue, maxAge: 365 * 86400, path: "/",
                                  httpOnly: true, sameSite: .lax))
        return response
    }

    func passwordPage(_ request: PortalRequest, error: String? = nil) async throws -> Response {
        let kit = request.kit
        let body: HTML = kit.form("/account/password", """
            \(kit.field("password", labelKey: "portal.password.new", value: "", type: "password", error: error, extra: " autocomplete=\"new-password\" required"))
            \(kit.field("again", labelKey: "portal.password.again", value: "", type: "password", error: nil, extra: " autocomplete=\"new-password\" required"))
            <button type="submit" id="save-password">\(kit["portal.action.save"])</button>
            """)
        return page(request, title: kit["portal.password.title"],
                    "<p>\(kit.format("portal.password.rule", ["count": String(PasswordHasher.minimumLength)]))</p>\(body)",
                    status: error == nil ? .ok : .unprocessableContent)
    }

    func setPassword(_ request: PortalRequest) async throws -> Response {
        let password = request.form["password"]
        guard password.count >= PasswordHasher.minimumLength else {
            return try await passwordPage(request, error: request.kit.format("portal.password.rule", ["count": String(PasswordHasher.minimumLength)]))
        }
        guard password == request.form["again"] else { return try await passwordPage(request, error: request.kit["portal.password.mismatch"]) }
        guard let user = request.user else { return Reply.redirect("/sign-in") }
        try store.setPasswordHash(userID: user.id, hash: await settings.hasher.hash(password), by: request.actor)
        return Reply.redirect("/rounds?done=password")
    }

    func auditPage(_ request: PortalRequest) async throws -> Response {
        let kit = request.kit
        let rows: [[HTML]] = try store.auditEntries(limit: 500).map { entry in
            ["\(kit.dateTime(entry.at))", "\(entry.actor)", "\(entry.organisation)", "\(entry.action)", "\(entry.subject)", "\(entry.detail)"]
        }
        return page(request, title: kit["portal.audit.title"],
                    kit.table(["portal.audit.at", "portal.audit.who", "portal.audit.organisation", "portal.audit.action",
                               "portal.audit.subject", "portal.audit.detail"], rows, id: "audit"))
    }
}
