internal import CCoinOR
import Foundation
@testable import Optimization
import Testing

@Suite("MPS export")
struct MPSTests {
    /// Reads the file with CBC's own reader (CoinMpsIO), solves it, and returns
    /// (objective, column names, row names).
    static func solveWithCBC(mps text: String) throws -> (objective: Double, columns: [String], rows: [String]) {
        // CBC is not thread-safe: other tests solve at the same time through `Solver`'s lock.
        try Solver.solveLock.withLock { () throws -> (objective: Double, columns: [String], rows: [String]) in
            try solveUnlocked(mps: text)
        }
    }

    private static func solveUnlocked(mps text: String) throws -> (objective: Double, columns: [String], rows: [String]) {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("optimization-\(UUID().uuidString).mps")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try #require(Cbc_newModel())
        defer { Cbc_deleteModel(model) }
        Cbc_setParameter(model, "logLevel", "0")
        try #require(Cbc_readMps(model, url.path) == 0)
        func name(_ read: (Int32, UnsafeMutablePointer<CChar>) -> Void, _ index: Int32) -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            buffer.withUnsafeMutableBufferPointer { read(index, $0.baseAddress!) }
            let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let columns = (0..<Cbc_getNumCols(model)).map { j in
            name({ Cbc_getColName(model, $0, $1, 256) }, j)
        }
        let rows = (0..<Cbc_getNumRows(model)).map { i in
            name({ Cbc_getRowName(model, $0, $1, 256) }, i)
        }
        Cbc_solve(model)
        try #require(Cbc_isProvenOptimal(model) != 0)
        return (Cbc_getObjValue(model), columns, rows)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let model: LinearModel
        var testDescription: String { label }
    }

    static let cases: [Case] = {
        var withConstant = Fixtures.Supply().model
        withConstant.name = "supply with spaces"
        var bigger = Fixtures.Knapsack().model
        let extra = bigger.addVariable("slack var", lowerBound: -2, upperBound: 5, objective: -0.5)
        bigger.addConstraint("link[a,extra]", -1, LinearExpression(extra) - 2 * bigger.variables[0], 3)
        bigger.addConstraint("free row", -.infinity, extra + bigger.variables[1], .infinity)
        return [
            Case(label: "LP min with constant", model: withConstant),
            Case(label: "LP max", model: Fixtures.Wyndor().model),
            Case(label: "LP max with equality", model: Fixtures.WyndorWithEquality().model),
            Case(label: "LP free and range", model: Fixtures.FreeAndRange(sense: .minimize).model),
            Case(label: "MIP knapsack (max)", model: Fixtures.Knapsack().model),
            Case(label: "MIP with range and continuous", model: bigger),
        ]
    }()

    @Test("read back by CBC (Cbc_readMps) and solved to the same objective", arguments: cases)
    func roundTrip(_ testCase: Case) throws {
        let model = testCase.model
        let expected = try #require(try Solver.solve(model).objectiveValue)
        let (objective, columns, rows) = try Self.solveWithCBC(mps: try model.mps())
        // A maximisation is written negated (CoinMpsIO ignores OBJSENSE MAX).
        let written = model.sense == .maximize ? -expected : expected
        #expect(abs(objective - written) < 1e-6)
        #expect(columns.count == model.variableCount)
        #expect(rows.count == model.constraintCount)
        #expect(columns == model.variables.map { ($0, model.name(of: $0) ?? "") }.map {
            $0.1.replacingOccurrences(of: " ", with: "_")
        })
        #expect(rows == model.constraints.map {
            (model.name(of: $0) ?? "").replacingOccurrences(of: " ", with: "_")
        })
    }

    @Test("the exact text of a small MIP (golden)")
    func golden() throws {
        var model = LinearModel(name: "tiny plan")
        let x = model.addVariable("seats[P-HUST-AUTO-BSC,2027]", upperBound: 40, isInteger: true)
        let y = model.addVariable("aid", lowerBound: -1)
        let z = model.addVariable("free one", lowerBound: -.infinity)
        model.addConstraint(30 * x + 12 * y, .lessOrEqual, 900, name: "budget[2027]")
        model.addConstraint("band", 1, x - y + z, 5)
        model.addConstraint(y + z, .equal, 0, name: "balance")
        model.maximize(3 * x + y + 7)
        let expected = """
            * SkillPlan Optimization model: 3 variables, 3 constraints, 7 nonzeros; free MPS
            * maximisation written as minimisation of the negated objective: model optimum = -(optimum of this file)
            NAME tiny_plan
            ROWS
             N OBJECTIVE
             L budget[2027]
             L band
             E balance
            COLUMNS
             MARKER0 'MARKER' 'INTORG'
             seats[P-HUST-AUTO-BSC,2027] OBJECTIVE -3
             seats[P-HUST-AUTO-BSC,2027] budget[2027] 30
             seats[P-HUST-AUTO-BSC,2027] band 1
             MARKER1 'MARKER' 'INTEND'
             aid OBJECTIVE -1
             aid budget[2027] 12
             aid band -1
             aid balance 1
             free_one band 1
             free_one balance 1
            RHS
             RHS OBJECTIVE 7
             RHS budget[2027] 900
             RHS band 5
            RANGES
             RNG band 4
            BOUNDS
             LO BND seats[P-HUST-AUTO-BSC,2027] 0
             UP BND seats[P-HUST-AUTO-BSC,2027] 40
             LO BND aid -1
             FR BND free_one
            ENDATA

            """
        #expect(try model.mps() == expected)
        let section = try model.mps(maximization: .objectiveSenseSection)
        #expect(section.contains("OBJSENSE\n    MAX\n"))
        #expect(section.contains(" seats[P-HUST-AUTO-BSC,2027] OBJECTIVE 3\n"))
        #expect(section.contains(" RHS OBJECTIVE -7\n"))
    }

    @Test("writeMPS writes the file; duplicate names are refused")
    func writeAndDuplicates() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("optimization-\(UUID().uuidString).mps")
        defer { try? FileManager.default.removeItem(at: url) }
        let model = Fixtures.Wyndor().model
        try model.writeMPS(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == model.mps())

        var duplicate = LinearModel(name: "dup")
        duplicate.addVariable("a b")
        duplicate.addVariable("a_b")
        #expect {
            try duplicate.mps()
        } throws: { ($0 as? OptimizationError)?.code == .duplicateName }
    }
}
