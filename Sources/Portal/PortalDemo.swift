import Foundation
import Storage

/// The demo of `skillplan serve --demo` (`make serve`): a round open on the bundled scenario and
/// one account per role with a known password. Only in this mode do passwords appear anywhere.
public enum PortalDemo {
    public struct Account: Sendable {
        public var email: String
        public var password: String
        public var role: PortalRole
        public var organisation: String
    }

    /// Creates the demo accounts and round if they are missing; returns the accounts. The
    /// enterprise is the one of the scenario's first posting and the institution the one of its
    /// first programme, so both have something to see.
    public static func prepare(store: SkillPlanStore, settings: PortalSettings) throws -> [Account] {
        let base = try RoundBase.load(directory: settings.bundledScenario, curricula: settings.curricula)
        let enterprise = base.postings.first?["enterprise"] ?? base.scenario.enterprises.first?.id.rawValue ?? "ENT"
        let institution = base.programs.first?["institution"] ?? base.scenario.institutions.first?.id.rawValue ?? "INST"
        let accounts = [
            Account(email: "fund@demo.skillplan.vn", password: "demo-fund-2026", role: .fund, organisation: "FUND"),
            Account(email: "enterprise@demo.skillplan.vn", password: "demo-enterprise-2026", role: .enterprise, organisation: enterprise),
            Account(email: "institution@demo.skillplan.vn", password: "demo-institution-2026", role: .institution, organisation: institution),
        ]
        for account in accounts where try store.user(email: account.email) == nil {
            try PortalAccounts.add(to: store, email: account.email, role: account.role, organisation: account.organisation,
                                   password: account.password, hasher: settings.hasher)
        }
        if try store.rounds().isEmpty {
            _ = try store.openRound(name: "Demo 2026", scenarioDirectory: settings.bundledScenario.path,
                                    curriculaDirectory: settings.curricula.path, deadline: Date() + 14 * 86400, by: .system)
        }
        return accounts
    }
}
