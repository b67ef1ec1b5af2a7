import Hummingbird
import Storage
import Texts

/// The request context of the portal: Hummingbird's core storage; everything else (the session,
/// the form, the round) is resolved by the guard of the route table (``PortalGuard``).
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Uploads are bounded per route by the guard; this is the ceiling for any body.
    public var maxUploadSize: Int { PortalLimits.uploadBytes }
}

/// Limits of what the portal accepts.
public enum PortalLimits {
    /// A form without files.
    public static let formBytes = 64 << 10
    /// A form with a file (an Excel template or a zip).
    public static let uploadBytes = 16 << 20
}

/// What a handler of the route table receives: the request, and what the guard resolved.
struct PortalRequest: Sendable {
    let request: Request
    let context: PortalContext
    let session: PortalSession?
    let form: FormData
    /// The round of a `{round}` path, checked to exist.
    let round: PlanningRound?
    let kit: PageKit
    let language: Language
    /// The path and query, for the language switch.
    let path: String

    var user: PortalUser? { session?.user }
    var actor: AuditActor {
        session.map { AuditActor(email: $0.user.email, organisation: $0.user.organisation) } ?? .system
    }

    func parameter(_ name: String) -> String { context.parameters.get(name) ?? "" }

    func query(_ name: String) -> String? { request.uri.queryParameters.get(name) }
}
