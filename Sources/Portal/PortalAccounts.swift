import Foundation
import Storage

/// Accounts of the portal, for the command line (`skillplan users add`) and the demo.
public enum PortalAccounts {
    /// A problem with an account request, said so that the user can fix it.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates an account with a password (hashed with bcrypt) or none (sign in by link).
    /// - Throws: ``Problem`` for a malformed address, an empty organisation or a short password;
    ///   `StorageError` when the address has an account already.
    @discardableResult
    public static func add(to store: SkillPlanStore, email: String, role: PortalRole, organisation: String,
                           password: String?, hasher: PasswordHasher = PasswordHasher()) throws -> PortalUser {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.contains(where: \.isWhitespace) else {
            throw Problem(description: "'\(email)' is not an e-mail address (expected name@domain)")
        }
        let organisation = organisation.trimmingCharacters(in: .whitespaces)
        guard !organisation.isEmpty, organisation.count <= 64 else {
            throw Problem(description: "--org needs the organisation's code (an enterprise or institution code of the scenario, or the fund's name)")
        }
        if let password, password.count < PasswordHasher.minimumLength {
            throw Problem(description: "the password has \(password.count) characters; it needs at least \(PasswordHasher.minimumLength)")
        }
        return try store.addUser(email: address, role: role, organisation: organisation,
                                 passwordHash: password.map(hasher.hashNow))
    }

    /// A one-time sign-in link for an account: printed once, stored only as a digest; it signs the
    /// holder in once, within `lifetime`, and leads to the page that sets a password.
    public static func signInLink(in store: SkillPlanStore, for user: PortalUser, baseURL: String,
                                  lifetime: TimeInterval = 24 * 3600, now: Date = Date()) throws -> String {
        let token = Tokens.make()
        try store.setSignInLink(userID: user.id, linkHash: Tokens.digest(token), expiresAt: now + lifetime)
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return "\(base)/sign-in/link/\(token)"
    }
}
