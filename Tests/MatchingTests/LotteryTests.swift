import Matching
import Testing
import Workforce

@Suite("Lottery and reproducibility")
struct LotteryTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        #expect(Lottery.numbers(count: 3, seed: 0) == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        #expect(Lottery.numbers(count: 3, seed: 20260) == [0x3506_453F_A8FC_9627, 0xB13D_C9BE_561B_4911, 0x6596_62E3_DB1D_DBD7])
        #expect(Lottery.defaultSeed == 20260)
    }

    /// Ten students with the same score want the same one-slot posting.
    static func tiedProblem(seed: UInt64) throws -> MatchingProblem {
        try MatchingProblem(
            postings: [posting("P")], students: (0..<10).map { student("S\($0)", ["P"], score: 5) }, seed: seed)
    }

    @Test func lotteryNumbersAreRecordedPerStudentInInputOrder() throws {
        let problem = try Self.tiedProblem(seed: 20260)
        #expect(problem.lotteryNumbers == Lottery.numbers(count: 10, seed: 20260))
        #expect(problem.lotteryNumber(of: "S0") == 0x3506_453F_A8FC_9627)
        #expect(problem.lotteryNumber(of: "S1") == 0xB13D_C9BE_561B_4911)
        #expect(problem.lotteryNumber(of: "nobody") == nil)
        #expect(try MatchingProblem(postings: [], students: []).seed == 20260)
    }

    @Test func lowestLotteryNumberWinsATie() throws {
        for seed: UInt64 in [1, 2, 3, 20260] {
            let problem = try Self.tiedProblem(seed: seed)
            let winner = try #require(zip(problem.students, problem.lotteryNumbers).min { $0.1 < $1.1 }?.0.id)
            #expect(pairs(DeferredAcceptance.match(problem)) == [winner.rawValue: "P"])
            // The posting's ranks follow the lottery order.
            let byLottery = zip(problem.students, problem.lotteryNumbers).sorted { $0.1 < $1.1 }.map(\.0.id)
            #expect(byLottery.map { problem.postingRank(of: $0, at: "P") } == Array(1...10))
        }
    }

    @Test func sameInputAndSeedGiveIdenticalOutput() throws {
        let instance = randomInstance(seed: 42, studentCount: 500, postingCount: 60, maxList: 6, withRankings: false)
        let first = try MatchingProblem(postings: instance.postings, students: instance.students, seed: 99)
        let second = try MatchingProblem(postings: instance.postings, students: instance.students, seed: 99)
        let a = DeferredAcceptance.match(first), b = DeferredAcceptance.match(second)
        #expect(a == b)
        #expect(first.lotteryNumbers == second.lotteryNumbers)
        #expect(MatchesCSV.render(a, problem: first) == MatchesCSV.render(b, problem: second))
    }

    @Test func differentSeedCanChangeTieBreaking() throws {
        let winners = try Set((UInt64(1)...20).map { seed in pairs(DeferredAcceptance.match(try Self.tiedProblem(seed: seed))).keys.first })
        #expect(winners.count > 1)
        // A better score always beats the lottery.
        for seed: UInt64 in 1...20 {
            var students = (0..<10).map { student("S\($0)", ["P"], score: 5) }
            students[7].score = 5.5
            let problem = try MatchingProblem(postings: [posting("P")], students: students, seed: seed)
            #expect(pairs(DeferredAcceptance.match(problem)) == ["S7": "P"])
        }
    }
}
