import ArgumentParser
import Dispatch
import Foundation
import Portal
import Storage
import Workforce

extension PortalRole: ExpressibleByArgument {}

/// `skillplan serve`: the planning portal on loopback, over the same store.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the planning portal (a web server on 127.0.0.1) over the SQLite store.",
        discussion: """
        The fund opens a planning round on the scenario, enterprises and institutions sign in to submit
        their postings, programme changes and students' preferences, and the fund runs and publishes
        the plan. Accounts come from `skillplan users add`. With --demo, a round and one account per
        role are created and their passwords printed (demo only). Stop the server with Ctrl-C.
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The port to listen on (loopback only).")
    var port: Int = 8080
    @Option(help: "The scenario new rounds start from.", completion: .directory)
    var scenario: String = "Scenarios/vietnam-2026-2035"
    @Option(help: "The curricula folder of that scenario.", completion: .directory)
    var curricula: String?
    @Option(help: "Where merged datasets and each plan run's workbooks are written.", completion: .directory)
    var work: String = "Exports/portal"
    @Flag(help: "Create a demo round and demo accounts, and print their passwords.")
    var demo = false
    @Option(help: "Monte Carlo draws of each plan run (0: none, faster).")
    var draws: Int = 1000

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port takes a number from 1 to 65535") }
        guard (0...1_000_000).contains(draws) else { throw ValidationError("--draws takes a number from 0 to 1000000") }
    }

    func run() throws {
        let scenarioURL = URL(fileURLWithPath: scenario).standardizedFileURL
        let curriculaURL = curricula.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? ScenarioLoader.defaultCurriculaDirectory(for: scenarioURL)
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        } catch {
            throw UserFailure(message: "error: cannot create the folder --work \(work): \(error.localizedDescription)")
        }
        let opened: SkillPlanStore
        do {
            opened = try SkillPlanStore(path: store.db, softwareVersion: SkillPlan.version)
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        var settings = PortalSettings(bundledScenario: scenarioURL, curricula: curriculaURL, workRoot: workURL)
        if demo { settings.hasher = PasswordHasher(cost: 10) }
        let portal: PortalApp
        do {
            if demo {
                let accounts = try PortalDemo.prepare(store: opened, settings: settings)
                Terminal.output("Demo accounts (demo mode only; never use these passwords elsewhere):")
                for account in accounts {
                    Terminal.output("  \(account.role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(account.email)  password: \(account.password)  (\(account.organisation))")
                }
            }
            portal = try PortalApp(store: opened, settings: settings, runner: PortalPlanRunner.runner(draws: draws))
            try portal.prepareRounds()
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        Terminal.output("SkillPlan portal on http://127.0.0.1:\(port)/ (database \(store.db)); Ctrl-C stops it")
        let failure = BlockingTask.run { try await portal.application(port: port).runService() }
        if let failure { throw UserFailure(message: "error: the portal stopped: \(failure)") }
    }
}

/// Runs async work from the synchronous command line and waits for it.
enum BlockingTask {
    static func run(_ work: @escaping @Sendable () async throws -> Void) -> (any Error)? {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task.detached {
            do { try await work() } catch { outcome.set(error) }
            done.signal()
        }
        done.wait()
        return outcome.error
    }

    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        func set(_ error: any Error) { lock.withLock { stored = error } }
        var error: (any Error)? { lock.withLock { stored } }
    }
}

/// `skillplan users add`: portal accounts.
struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the accounts of the planning portal.",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a portal account; the password is read from standard input, or a one-time sign-in link is printed.",
            discussion: """
            The password is the first line of standard input (at least 10 characters): \
            `printf '%s\\n' "$PASSWORD" | skillplan users add --role enterprise --org ENT-0001 --email hr@example.vn`. \
            With --sign-in-link no password is read: a link that signs the holder in once (within 24 hours) \
            and asks for a password is printed, once; only its digest is stored.
            """)

        @Option(help: "fund, institution or enterprise.")
        var role: PortalRole
        @Option(help: "The organisation: an enterprise or institution code of the scenario, or the fund's name.")
        var org: String
        @Option(help: "The e-mail address the account signs in with.")
        var email: String
        @Flag(name: .customLong("sign-in-link"), help: "Print a one-time sign-in link instead of reading a password.")
        var signInLink = false
        @Option(name: .customLong("base-url"), help: "The portal's address, for the link.")
        var baseURL: String = "http://127.0.0.1:8080"
        @OptionGroup var store: StoreOptions

        func run() throws {
            var password: String?
            if !signInLink {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw UserFailure(message: "error: no password on standard input; pipe one in, or use --sign-in-link")
                }
                password = line
            }
            do {
                let opened = try SkillPlanStore(path: store.db, softwareVersion: SkillPlan.version)
                let user = try PortalAccounts.add(to: opened, email: email, role: role, organisation: org, password: password)
                Terminal.output("added \(user.role.rawValue) account \(user.email) (\(user.organisation))")
                if signInLink {
                    Terminal.output("one-time sign-in link (shown once, valid 24 hours): \(try PortalAccounts.signInLink(in: opened, for: user, baseURL: baseURL))")
                }
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        }
    }
}
