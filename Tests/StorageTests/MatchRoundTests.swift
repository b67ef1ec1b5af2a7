import Foundation
@testable import Storage
import Testing

@Suite struct MatchRoundTests {
    struct Parameters: Codable, Sendable { var round: Int }

    @Test func aSecondRoundIsLinkedToTheRunThatWroteItsFirstRoundAndTheSchemaChecksRounds() throws {
        let store = try SkillPlanStore.inMemory(softwareVersion: "0.1.0-test")
        let first = try store.beginRun(kind: .match, parameters: Parameters(round: 1))
        let firstHash = String(repeating: "ab", count: 32), secondHash = String(repeating: "cd", count: 32)
        try store.recordMatchRound(run: first, round: 1, mechanism: "flexible_deferred_acceptance", students: 10, matched: 7,
                                   matchesSHA256: firstHash)
        let second = try store.beginRun(kind: .match, parameters: Parameters(round: 2))
        let record = try store.recordMatchRound(run: second, round: 2, mechanism: "deferred_acceptance", students: 3, matched: 2,
                                                matchesSHA256: secondHash, firstRoundSHA256: firstHash)
        #expect(record.firstRoundRun == first)
        #expect(try store.matchRounds() == [
            MatchRoundRecord(run: first, round: 1, mechanism: "flexible_deferred_acceptance", students: 10, matched: 7, matchesSHA256: firstHash),
            record,
        ])
        // A second round whose first round is not stored keeps the hash without a run.
        let third = try store.beginRun(kind: .match, parameters: Parameters(round: 2))
        let orphan = try store.recordMatchRound(run: third, round: 2, mechanism: "deferred_acceptance", students: 1, matched: 0,
                                                matchesSHA256: secondHash, firstRoundSHA256: String(repeating: "ef", count: 32))
        #expect(orphan.firstRoundRun == nil)
        // The schema refuses a first round with a first-round hash, more matched than students, an unknown mechanism.
        let fourth = try store.beginRun(kind: .match, parameters: Parameters(round: 1))
        #expect(throws: StorageError.self) {
            try store.recordMatchRound(run: fourth, round: 1, mechanism: "deferred_acceptance", students: 1, matched: 0,
                                       matchesSHA256: firstHash, firstRoundSHA256: firstHash)
        }
        #expect(throws: StorageError.self) {
            try store.recordMatchRound(run: fourth, round: 1, mechanism: "deferred_acceptance", students: 1, matched: 2, matchesSHA256: firstHash)
        }
        #expect(throws: StorageError.self) {
            try store.recordMatchRound(run: fourth, round: 1, mechanism: "lottery", students: 1, matched: 0, matchesSHA256: firstHash)
        }
    }
}
