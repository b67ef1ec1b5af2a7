import Foundation

/// What an account may do in the portal.
public enum PortalRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// A fund manager: opens and closes rounds, runs and publishes plans, sees everything.
    case fund
    /// A university or college planning office: its own programmes and students.
    case institution
    /// A factory's HR staff: its own internship postings and interns.
    case enterprise
}

/// A portal account. The organisation is an institution or enterprise code of the round's
/// scenario, or the fund's name.
public struct PortalUser: Sendable, Hashable {
    public var id: Int64
    public var email: String
    public var role: PortalRole
    public var organisation: String
    /// The bcrypt hash of the password, nil while the account has only a sign-in link.
    public var passwordHash: String?
    public var createdAt: Date

    public init(id: Int64, email: String, role: PortalRole, organisation: String, passwordHash: String?, createdAt: Date) {
        self.id = id
        self.email = email
        self.role = role
        self.organisation = organisation
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// A signed-in browser: the digest of its cookie's token, its CSRF token and when it expires.
public struct PortalSession: Sendable, Hashable {
    public var tokenHash: String
    public var user: PortalUser
    public var csrfToken: String
    /// `vi` or `en`.
    public var language: String
    public var expiresAt: Date

    public init(tokenHash: String, user: PortalUser, csrfToken: String, language: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.user = user
        self.csrfToken = csrfToken
        self.language = language
        self.expiresAt = expiresAt
    }
}

/// Where a planning round stands.
public enum RoundStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Organisations submit.
    case open
    /// Submissions are frozen; the fund runs plans.
    case closed
    /// A plan is published: each organisation downloads its own workbook.
    case published
}

/// A planning round: a scenario, a deadline, and the submissions of the organisations.
public struct PlanningRound: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    /// The scenario the round starts from (a folder on the server).
    public var scenarioDirectory: String
    public var curriculaDirectory: String
    public var deadline: Date?
    public var status: RoundStatus
    public var openedBy: String
    public var openedAt: Date
    /// The job whose plan is published, when the round is published.
    public var publishedJobID: Int64?

    public init(id: Int64, name: String, scenarioDirectory: String, curriculaDirectory: String, deadline: Date?,
                status: RoundStatus, openedBy: String, openedAt: Date, publishedJobID: Int64?) {
        self.id = id
        self.name = name
        self.scenarioDirectory = scenarioDirectory
        self.curriculaDirectory = curriculaDirectory
        self.deadline = deadline
        self.status = status
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.publishedJobID = publishedJobID
    }
}

/// What a submission row holds.
public enum SubmissionKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// One internship posting of an enterprise (content: the posting's CSV fields as JSON).
    case posting
    /// A programme's capacity and baseline intake (content: JSON).
    case program
    /// An institution's students and their preferences (content: students.csv text).
    case students
}

/// One organisation's submitted item in a round.
public struct Submission: Sendable, Hashable {
    public var roundID: Int64
    public var kind: SubmissionKind
    /// The posting code, programme code, or the institution for `students`.
    public var item: String
    public var organisation: String
    public var content: String
    /// A withdrawn posting stays recorded but leaves the merged dataset.
    public var withdrawn: Bool
    public var updatedAt: Date
    public var updatedBy: String

    public init(roundID: Int64, kind: SubmissionKind, item: String, organisation: String, content: String,
                withdrawn: Bool = false, updatedAt: Date = Date(), updatedBy: String) {
        self.roundID = roundID
        self.kind = kind
        self.item = item
        self.organisation = organisation
        self.content = content
        self.withdrawn = withdrawn
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}

/// Who made a change, for the audit log.
public struct AuditActor: Sendable, Hashable {
    public var email: String
    public var organisation: String

    public init(email: String, organisation: String) {
        self.email = email
        self.organisation = organisation
    }

    /// Changes made from the command line (`skillplan users add`) or by the server itself.
    public static let system = AuditActor(email: "system", organisation: "-")
}

/// One recorded change: who, when, what.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var organisation: String
    /// A short stable name, e.g. `posting.save`, `round.close`.
    public var action: String
    /// What was changed: `round 1 / POST-00012`.
    public var subject: String
    public var detail: String
}

/// Where a plan job stands.
public enum PlanJobStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case running, succeeded, failed
}

/// A plan computed in the background for a round.
public struct PlanJob: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var roundID: Int64
    public var status: PlanJobStatus
    /// The stage running now (a catalogue key or a stage name).
    public var stage: String
    /// Progress from 0 to 1.
    public var fraction: Double
    public var exportsFolder: String
    public var requestedBy: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var error: String?
    /// The run recorded by the pipeline.
    public var runID: Int64?
    /// The workbook file names written, relative to `exportsFolder`.
    public var files: [String]
    /// The plan's key figures by name (spend, shortage closed, …).
    public var summary: [String: Double]
}
