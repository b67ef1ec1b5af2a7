import Crypto
import Dispatch
import Foundation
import HummingbirdBcrypt

/// Random tokens and their digests: a cookie or a sign-in link carries the token, the database
/// keeps only its SHA-256, so a copy of the database lets nobody sign in.
enum Tokens {
    /// 32 random bytes as 64 hex digits (from the system's secure generator).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time independent of where they differ.
    static func equal(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// Password hashes with bcrypt, computed off the cooperative thread pool (a hash takes a quarter
/// of a second at cost 12 by design).
public struct PasswordHasher: Sendable {
    /// The bcrypt cost: 12 in service (about 0.25 s a hash), lower only in tests.
    public let cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    /// The shortest password accepted.
    public static let minimumLength = 10

    public func hash(_ password: String) async -> String {
        await Self.offPool { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async -> Bool {
        await Self.offPool { Bcrypt.verify(password, hash: hash) }
    }

    /// A synchronous hash for the command line.
    public func hashNow(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

/// Failed sign-in attempts per e-mail address: after `limit` failures within `window`, further
/// attempts are refused until the oldest failure leaves the window (a success clears the count).
actor SignInLimiter {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether an attempt for `key` may go ahead now.
    func allows(_ key: String, now: Date = Date()) -> Bool {
        prune(key, now: now)
        return (failures[key]?.count ?? 0) < limit
    }

    func recordFailure(_ key: String, now: Date = Date()) {
        prune(key, now: now)
        failures[key, default: []].append(now)
        if failures.count > 100_000 { failures.removeAll() }  // bounded memory under a flood
    }

    func recordSuccess(_ key: String) { failures[key] = nil }

    private func prune(_ key: String, now: Date) {
        guard let times = failures[key] else { return }
        let kept = times.filter { now.timeIntervalSince($0) < window }
        failures[key] = kept.isEmpty ? nil : kept
    }
}
