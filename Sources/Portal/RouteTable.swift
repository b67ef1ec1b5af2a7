import Foundation
import Hummingbird
import Storage

/// Who may call a route.
enum Access: Sendable, Hashable {
    /// Anyone, signed in or not (the sign-in pages).
    case anyone
    /// A signed-in account of one of these roles.
    case roles(Set<PortalRole>)

    static let everyRole = Access.roles(Set(PortalRole.allCases))
    static let fund = Access.roles([.fund])
    static let enterprise = Access.roles([.enterprise])
    static let institution = Access.roles([.institution])
}

/// How a route's path parameters are scoped to the caller's organisation. The guard resolves
/// them before the handler runs: an unknown id and another organisation's id both answer 404.
enum OrganisationScope: Sendable, Hashable {
    /// The route names no organisation's data.
    case none
    /// `{round}` must name a round (rounds are seen by every role).
    case round
    /// `{round}` and `{posting}`: the posting must belong to the caller's enterprise.
    case ownPosting
    /// `{round}` and `{program}`: the programme must belong to the caller's institution.
    case ownProgram
    /// `{round}` and `{file}`: a workbook of the round's published plan that belongs to the
    /// caller's organisation (its interns workbook or intake plan).
    case ownWorkbook
    /// `{round}` and `{job}`: a job of that round (fund only).
    case roundJob
}

/// One route of the portal: method, path, who may call it, how it is scoped, and its handler.
struct PortalRoute: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let access: Access
    let scope: OrganisationScope
    /// The largest body accepted (uploads are larger than forms).
    let bodyLimit: Int
    let handler: @Sendable (PortalRequest) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, _ access: Access, _ scope: OrganisationScope = .none,
         bodyLimit: Int = PortalLimits.formBytes, _ handler: @escaping @Sendable (PortalRequest) async throws -> Response) {
        self.method = method
        self.path = path
        self.access = access
        self.scope = scope
        self.bodyLimit = bodyLimit
        self.handler = handler
    }
}

extension PortalApp {
    /// Every route of the portal. The router is built from this table only, and the guard
    /// applies each route's access and scope before its handler: no route exists without them.
    /// The authorisation tests are generated from this table too.
    var routes: [PortalRoute] {
        [
            // Account.
            PortalRoute(.get, "/", .anyone) { try await self.home($0) },
            PortalRoute(.get, "/sign-in", .anyone) { try await self.signInPage($0) },
            PortalRoute(.post, "/sign-in", .anyone) { try await self.signIn($0) },
            PortalRoute(.get, "/sign-in/link/{token}", .anyone) { try await self.signInLink($0) },
            PortalRoute(.get, "/language", .anyone) { try await self.language($0) },
            PortalRoute(.post, "/sign-out", .everyRole) { try await self.signOut($0) },
            PortalRoute(.get, "/account/password", .everyRole) { try await self.passwordPage($0) },
            PortalRoute(.post, "/account/password", .everyRole) { try await self.setPassword($0) },
            // Rounds, for every role.
            PortalRoute(.get, "/rounds", .everyRole) { try await self.roundsPage($0) },
            PortalRoute(.get, "/rounds/{round}", .everyRole, .round) { try await self.roundPage($0) },
            PortalRoute(.get, "/rounds/{round}/templates/{kind}", .roles([.enterprise, .institution]), .round) {
                try await self.template($0)
            },
            // Enterprises: their own postings.
            PortalRoute(.get, "/rounds/{round}/postings", .enterprise, .round) { try await self.postingsPage($0) },
            PortalRoute(.get, "/rounds/{round}/postings/new", .enterprise, .round) { try await self.postingForm($0) },
            PortalRoute(.post, "/rounds/{round}/postings", .enterprise, .round) { try await self.savePosting($0) },
            PortalRoute(.post, "/rounds/{round}/postings/upload", .enterprise, .round, bodyLimit: PortalLimits.uploadBytes) {
                try await self.uploadPostings($0)
            },
            PortalRoute(.get, "/rounds/{round}/postings/{posting}", .enterprise, .ownPosting) { try await self.postingForm($0) },
            PortalRoute(.post, "/rounds/{round}/postings/{posting}", .enterprise, .ownPosting) { try await self.savePosting($0) },
            PortalRoute(.post, "/rounds/{round}/postings/{posting}/withdraw", .enterprise, .ownPosting) {
                try await self.withdrawPosting($0)
            },
            // Institutions: their own programmes and students.
            PortalRoute(.get, "/rounds/{round}/programs", .institution, .round) { try await self.programsPage($0) },
            PortalRoute(.post, "/rounds/{round}/programs/{program}", .institution, .ownProgram) { try await self.saveProgram($0) },
            PortalRoute(.post, "/rounds/{round}/students/upload", .institution, .round, bodyLimit: PortalLimits.uploadBytes) {
                try await self.uploadStudents($0)
            },
            // Their own workbooks, once published.
            PortalRoute(.get, "/rounds/{round}/workbooks", .roles([.enterprise, .institution]), .round) { try await self.ownWorkbooks($0) },
            PortalRoute(.get, "/rounds/{round}/workbooks/{file}", .roles([.enterprise, .institution]), .ownWorkbook) {
                try await self.downloadOwnWorkbook($0)
            },
            // The fund.
            PortalRoute(.post, "/rounds", .fund) { try await self.openRound($0) },
            PortalRoute(.post, "/rounds/upload", .fund, bodyLimit: PortalLimits.uploadBytes) { try await self.openRoundFromArchive($0) },
            PortalRoute(.post, "/rounds/{round}/deadline", .fund, .round) { try await self.setDeadline($0) },
            PortalRoute(.post, "/rounds/{round}/close", .fund, .round) { try await self.closeRound($0) },
            PortalRoute(.post, "/rounds/{round}/reopen", .fund, .round) { try await self.reopenRound($0) },
            PortalRoute(.get, "/rounds/{round}/check", .fund, .round) { try await self.checkRound($0) },
            PortalRoute(.post, "/rounds/{round}/jobs", .fund, .round) { try await self.startJob($0) },
            PortalRoute(.get, "/rounds/{round}/jobs/{job}", .fund, .roundJob) { try await self.jobPage($0) },
            PortalRoute(.get, "/rounds/{round}/jobs/{job}/progress", .fund, .roundJob) { try await self.jobProgress($0) },
            PortalRoute(.post, "/rounds/{round}/jobs/{job}/publish", .fund, .roundJob) { try await self.publish($0) },
            PortalRoute(.get, "/rounds/{round}/jobs/{job}/files/{file}", .fund, .roundJob) { try await self.downloadJobFile($0) },
            PortalRoute(.get, "/audit", .fund) { try await self.auditPage($0) },
        ]
    }
}
