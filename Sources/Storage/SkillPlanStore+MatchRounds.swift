import Foundation
internal import GRDB

/// One recorded matching round.
public struct MatchRoundRecord: Hashable, Sendable {
    /// The `match` run.
    public var run: RunID
    /// 1 or 2.
    public var round: Int
    /// The mechanism's JSON name (`deferred_acceptance`, `flexible_deferred_acceptance`, `minimum_places`).
    public var mechanism: String
    /// Students in the round.
    public var students: Int
    /// Students matched in the round.
    public var matched: Int
    /// SHA-256 (hex) of the matches.csv the round wrote.
    public var matchesSHA256: String
    /// For a second round: SHA-256 of the first round's matches.csv.
    public var firstRoundSHA256: String?
    /// For a second round: the run that wrote that matches.csv, when it is in this store.
    public var firstRoundRun: RunID?

    /// A record; see the properties.
    public init(run: RunID, round: Int, mechanism: String, students: Int, matched: Int, matchesSHA256: String,
                firstRoundSHA256: String? = nil, firstRoundRun: RunID? = nil) {
        self.run = run
        self.round = round
        self.mechanism = mechanism
        self.students = students
        self.matched = matched
        self.matchesSHA256 = matchesSHA256
        self.firstRoundSHA256 = firstRoundSHA256
        self.firstRoundRun = firstRoundRun
    }
}

extension SkillPlanStore {
    /// Records which round a `match` run was. For a second round (`firstRoundSHA256` given) the
    /// first round's run is found by the hash of the matches.csv it wrote (the latest such run).
    ///
    /// - Returns: the record as stored, with the first round's run when found.
    /// - Throws: ``StorageError`` (`runNotFound` as a constraint failure when the run is not stored,
    ///   and the schema's checks on round, counts and hashes).
    @discardableResult
    public func recordMatchRound(
        run: RunID, round: Int, mechanism: String, students: Int, matched: Int, matchesSHA256: String,
        firstRoundSHA256: String? = nil
    ) throws(StorageError) -> MatchRoundRecord {
        try write(action: "record matching round \(round) of run \(run)") { db in
            let first: Int64? = try firstRoundSHA256.flatMap { hash in
                try Int64.fetchOne(db, sql: """
                    SELECT run_id FROM match_round WHERE matches_sha256 = ? AND run_id <> ? ORDER BY run_id DESC LIMIT 1
                    """, arguments: [hash, run.rawValue])
            }
            try db.execute(
                sql: """
                    INSERT INTO match_round (run_id, round, mechanism, students, matched, matches_sha256,
                                             first_round_sha256, first_round_run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [run.rawValue, round, mechanism, students, matched, matchesSHA256, firstRoundSHA256, first])
            return MatchRoundRecord(run: run, round: round, mechanism: mechanism, students: students, matched: matched,
                                    matchesSHA256: matchesSHA256, firstRoundSHA256: firstRoundSHA256,
                                    firstRoundRun: first.map { RunID(rawValue: $0) })
        }
    }

    /// Every recorded matching round, oldest run first.
    public func matchRounds() throws(StorageError) -> [MatchRoundRecord] {
        try read(action: "list the matching rounds") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM match_round ORDER BY run_id").map { row in
                let first: Int64? = try row.decode(forColumn: "first_round_run_id")
                return MatchRoundRecord(
                    run: RunID(rawValue: try row.decode(forColumn: "run_id")), round: try row.decode(forColumn: "round"),
                    mechanism: try row.decode(forColumn: "mechanism"), students: try row.decode(forColumn: "students"),
                    matched: try row.decode(forColumn: "matched"), matchesSHA256: try row.decode(forColumn: "matches_sha256"),
                    firstRoundSHA256: try row.decode(forColumn: "first_round_sha256"),
                    firstRoundRun: first.map { RunID(rawValue: $0) })
            }
        }
    }
}
