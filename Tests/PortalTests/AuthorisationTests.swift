import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Portal
import Storage
import Testing

/// Every route of the route table, for every caller: generated from ``PortalApp/routes``, so a
/// route added to the table is tested without anyone writing a test for it.
@Suite(.serialized) struct AuthorisationTests {
    /// The path of a route with the caller's own ids (or another organisation's, or unknown ones).
    enum IDs { case own, otherOrganisation, unknown }

    static func uri(_ route: PortalRoute, _ fixture: PortalFixture, caller: Caller, ids: IDs) -> String {
        let other: Caller = switch caller {
        case .enterpriseA: .enterpriseB
        case .enterpriseB: .enterpriseA
        case .institutionA: .institutionB
        case .institutionB: .institutionA
        default: .enterpriseB
        }
        let whose = ids == .otherOrganisation ? other : caller
        let usesPublished = route.path.contains("workbooks") || route.path.contains("jobs/{job}")
        let round = usesPublished ? fixture.publishedRound.id : fixture.openRound.id
        let posting = fixture.enterprises[whose]?.posting ?? fixture.enterprises[.enterpriseA]!.posting
        let program = fixture.institutions[whose]?.program ?? fixture.institutions[.institutionA]!.program
        let file: String
        if let enterprise = fixture.enterprises[whose] {
            file = "interns-\(enterprise.code).xlsx"
        } else if let institution = fixture.institutions[whose] {
            file = "intake-\(institution.code).xlsx"
        } else {
            file = "fund-plan.xlsx"
        }
        let kind = (caller.role == .institution) ? "students" : "postings"
        var path = route.path
        let unknown = ids == .unknown
        path = path.replacingOccurrences(of: "{round}", with: unknown && route.scope == .round ? "999" : String(round))
        path = path.replacingOccurrences(of: "{posting}", with: unknown ? "NO-SUCH-POSTING" : posting)
        path = path.replacingOccurrences(of: "{program}", with: unknown ? "NO-SUCH-PROGRAM" : program)
        path = path.replacingOccurrences(of: "{file}", with: unknown ? "interns-NOBODY.xlsx" : file)
        path = path.replacingOccurrences(of: "{job}", with: unknown ? "999" : String(fixture.publishedJob.id))
        path = path.replacingOccurrences(of: "{kind}", with: kind)
        path = path.replacingOccurrences(of: "{token}", with: String(repeating: "0", count: 64))
        return path
    }

    static func allowed(_ route: PortalRoute, _ caller: Caller) -> Bool {
        switch route.access {
        case .anyone: true
        case .roles(let roles): caller.role.map(roles.contains) ?? false
        }
    }

    @Test func everyRouteAnswersEveryCallerAsItsAccessSays() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        // Signing out ends the caller's session: that route goes last.
        let all = fixture.portal.routes
        let routes = all.filter { $0.path != "/sign-out" } + all.filter { $0.path == "/sign-out" }
        #expect(routes.count >= 30)
        for route in routes {
            for caller in Caller.allCases {
                // A fresh fixture's state for state-changing routes would be costly; the outcome
                // asked for here (allowed or not) does not depend on the state.
                let uri = Self.uri(route, fixture, caller: caller, ids: .own)
                let response = try await fixture.withClient { client in
                    try await fixture.send(client, route.method, uri, as: caller)
                }
                let label = "\(route.method) \(route.path) as \(caller): \(response.status.code)"
                #expect(response.status.code < 500, "\(label)")
                if Self.allowed(route, caller) {
                    if route.access != .anyone {
                        #expect(![403, 404].contains(response.status.code), "\(label) \(response.text.prefix(300))")
                    }
                } else if caller == .anonymous {
                    let signIn = response.status == .seeOther && response.location.hasPrefix("/sign-in")
                    #expect(signIn || response.status == .forbidden, "\(label)")
                } else {
                    #expect(response.status == .forbidden, "\(label)")
                }
            }
        }
    }

    @Test func anotherOrganisationsIdsAndUnknownIdsAnswerNotFound() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let scoped = fixture.portal.routes.filter { $0.scope != .none }
        #expect(scoped.count >= 20)
        for route in scoped {
            for caller in Caller.allCases where Self.allowed(route, caller) {
                var cases: [IDs] = [.unknown]
                if [.ownPosting, .ownProgram, .ownWorkbook].contains(route.scope) { cases.append(.otherOrganisation) }
                for ids in cases {
                    let uri = Self.uri(route, fixture, caller: caller, ids: ids)
                    let response = try await fixture.withClient { client in try await fixture.send(client, route.method, uri, as: caller) }
                    #expect(response.status == .notFound, "\(route.method) \(uri) as \(caller) (\(ids)): \(response.status.code)")
                }
            }
        }
    }

    @Test func everyFormWithoutItsTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let before = try fixture.store.auditEntries(limit: 10_000).count
        for route in fixture.portal.routes where route.method == .post {
            for caller in Caller.allCases where Self.allowed(route, caller) && caller != .anonymous {
                let uri = Self.uri(route, fixture, caller: caller, ids: .own)
                let response = try await fixture.withClient { client in
                    try await fixture.send(client, .post, uri, as: caller, form: ["name": "x", "capacity": "1"], csrf: false)
                }
                #expect(response.status == .forbidden, "\(route.path) as \(caller) without CSRF: \(response.status.code)")
            }
        }
        #expect(try fixture.store.auditEntries(limit: 10_000).count == before)
    }

    @Test func onlyTheFundRunsPublishesAndDownloadsEverything() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let fundOnly = fixture.portal.routes.filter { $0.path.contains("/jobs") || $0.path == "/audit" || $0.path.hasSuffix("/close") }
        #expect(fundOnly.count >= 6)
        for route in fundOnly {
            #expect(route.access == .fund, "\(route.path)")
        }
        // The fund downloads another enterprise's interns workbook; that enterprise's peer cannot.
        let fileB = "interns-\(fixture.enterprises[.enterpriseB]!.code).xlsx"
        let round = fixture.publishedRound.id, job = fixture.publishedJob.id
        try await fixture.withClient { client in
            let fund = try await fixture.send(client, .get, "/rounds/\(round)/jobs/\(job)/files/\(fileB)", as: .fund)
            #expect(fund.status == .ok)
            let peer = try await fixture.send(client, .get, "/rounds/\(round)/workbooks/\(fileB)", as: .enterpriseA)
            #expect(peer.status == .notFound)
            let own = try await fixture.send(client, .get, "/rounds/\(round)/workbooks/\(fileB)", as: .enterpriseB)
            #expect(own.status == .ok)
            #expect(own.headers[.contentDisposition]?.contains(fileB) == true)
        }
    }

    @Test func anEnterpriseSeesOnlyItsOwnPostings() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let a = fixture.enterprises[.enterpriseA]!, b = fixture.enterprises[.enterpriseB]!
        let page = try await fixture.withClient { client in
            try await fixture.send(client, .get, "/rounds/\(fixture.openRound.id)/postings", as: .enterpriseA)
        }
        #expect(page.status == .ok)
        #expect(page.text.contains(a.posting))
        #expect(!page.text.contains(">\(b.posting)<"))
    }
}

/// Whose workbook a file of a plan run is, with the run's suffix in its name.
@Suite struct WorkbookOwnerTests {
    @Test func theRunsSuffixedNamesBelongToTheirOrganisationOnly() throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let a = fixture.enterprises[.enterpriseA]!.code, school = fixture.institutions[.institutionA]!.code
        let round = fixture.openRound
        let owner = try fixture.portal.workbookOwner("interns-\(a)-baseline-960bn-8d5907.xlsx", round: round)
        #expect(owner?.role == .enterprise && owner?.organisation == a)
        let intake = try fixture.portal.workbookOwner("intake-\(school)-baseline-960bn-8d5907.xlsx", round: round)
        #expect(intake?.role == .institution && intake?.organisation == school)
        #expect(try fixture.portal.workbookOwner("fund-plan-vietnam-2026-2035-baseline-960bn-8d5907.xlsx", round: round) == nil)
        #expect(try fixture.portal.workbookOwner("interns-NOBODY-baseline.xlsx", round: round) == nil)
    }
}
