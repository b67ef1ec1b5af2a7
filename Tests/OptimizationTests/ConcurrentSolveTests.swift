import Dispatch
import Optimization
import Synchronization
import Testing

/// LPs solved side by side (each in its own CLP model) give what they give alone, and a CBC solve
/// started among them waits for its turn instead of sharing the library.
@Suite("Solves from many threads")
struct ConcurrentSolveTests {
    /// What a solve returned, compared bit for bit.
    struct Answer: Equatable {
        var status: SolveStatus
        var objective: Double?
        var values: [Double]
        var duals: [Double]?
        var iterations: Int

        init(_ solution: Solution) {
            status = solution.status
            objective = solution.objectiveValue
            values = solution.primalValues
            duals = solution.rowDuals
            iterations = solution.iterationCount
        }
    }

    @Test("twelve degenerate LPs on every core equal the same LPs solved one at a time")
    func parallelLPsEqualSerialOnes() throws {
        let models = (1...12).map { OptimalityCertificateTests.allocationShaped(seed: UInt64($0), cells: 20, groups: 300) }
        let serial = try models.map { Answer(try Solver.solve($0)) }
        // Three rounds, so that different solves overlap in each.
        for _ in 0..<3 {
            let parallel = Mutex<[Answer?]>(Array(repeating: nil, count: models.count))
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: models.count) { index in
                do {
                    let answer = Answer(try Solver.solve(models[index]))
                    parallel.withLock { $0[index] = answer }
                } catch {
                    failures.withLock { $0.append("model \(index): \(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty)
            let answers = parallel.withLock { $0 }
            for (index, answer) in answers.enumerated() {
                #expect(answer == serial[index], "model \(index) solved alongside others differs from its solve alone")
            }
        }
    }

    @Test("MIPs started among LPs run alone and give their serial answers")
    func mipsAmongLPs() throws {
        let lps = (1...6).map { OptimalityCertificateTests.allocationShaped(seed: UInt64(40 + $0), cells: 15, groups: 200) }
        let mips = (1...3).map { RandomModels.knapsack(seed: UInt64(300 + $0), items: 30, resources: 5) }
        let serialLPs = try lps.map { Answer(try Solver.solve($0)) }
        let serialMIPs = try mips.map { Answer(try Solver.solve($0)) }
        let models = lps + mips
        let answers = Mutex<[Answer?]>(Array(repeating: nil, count: models.count))
        DispatchQueue.concurrentPerform(iterations: models.count) { index in
            if let solution = try? Solver.solve(models[index]) {
                answers.withLock { $0[index] = Answer(solution) }
            }
        }
        let solved = answers.withLock { $0 }
        #expect(Array(solved.prefix(lps.count)) == serialLPs.map(Optional.some))
        #expect(Array(solved.suffix(mips.count)) == serialMIPs.map(Optional.some))
    }
}
