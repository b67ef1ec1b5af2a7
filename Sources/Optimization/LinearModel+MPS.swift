import Foundation

/// How a maximisation is written to an MPS file.
public enum MPSObjectiveConvention: Sendable, Hashable {
    /// Write the objective negated, to be minimised: every reader agrees on it, but the
    /// optimum of the file is the *negative* of the model's. The default, because COIN-OR's
    /// reader (CoinMpsIO, used by `Cbc_readMps` and `Clp_readMps`) ignores `OBJSENSE MAX`.
    case negateMaximization
    /// Write the objective as it is with an `OBJSENSE` / `MAX` section: HiGHS, Gurobi and CPLEX
    /// honour it; CoinMpsIO ignores it (it would minimise).
    case objectiveSenseSection
}

extension LinearModel {
    /// The model in free MPS format.
    ///
    /// - Names: the variable and constraint names as given, with white space replaced by `_`
    ///   (free MPS separates fields by spaces); an empty name becomes `C<index>` / `R<index>`.
    ///   Brackets and commas are kept: `seats[P-HUST-AUTO-BSC,2027]`. The objective row is
    ///   `OBJECTIVE`.
    /// - Integer variables are written between `MARKER INTORG` / `INTEND` lines, always with
    ///   explicit bounds (readers differ on the default upper bound of an integer column).
    /// - A range `lower ≤ expr ≤ upper` is an `L` row with right-hand side `upper` and a
    ///   `RANGES` entry `upper − lower`; a row with no finite bound is a `G` row with
    ///   right-hand side −1e30 (an extra `N` row would be dropped by readers).
    /// - The objective constant `c` is the objective row's right-hand side `−c` (the usual
    ///   convention of CoinMpsIO and HiGHS).
    /// - A maximisation follows `maximization` (see ``MPSObjectiveConvention``).
    ///
    /// - Throws: what ``validate()`` throws, and ``OptimizationError/Code/duplicateName`` when
    ///   two variables or two constraints have the same (sanitised) name.
    /// - Complexity: O(variables + constraints + nonzeros).
    public func mps(maximization: MPSObjectiveConvention = .negateMaximization) throws(OptimizationError) -> String {
        try validate()
        let columnNames = try Self.mpsNames(variableNames, fallbackPrefix: "C", kind: "variables")
        let rowNames = try Self.mpsNames(constraintNames, fallbackPrefix: "R", kind: "constraints")
        let objectiveRow = "OBJECTIVE"
        if rowNames.contains(objectiveRow) {
            throw OptimizationError(
                .duplicateName, "a constraint is named \(objectiveRow), the MPS objective row's name; rename it")
        }
        let negate = sense == .maximize && maximization == .negateMaximization
        let objectiveFactor = negate ? -1.0 : 1.0
        let matrix = ColumnMajorMatrix(self)

        var out = ""
        out.reserveCapacity(64 * (variableCount + constraintCount + nonzeroCount) + 256)
        out += "* SkillPlan Optimization model: \(variableCount) variables, \(constraintCount) "
            + "constraints, \(nonzeroCount) nonzeros; free MPS\n"
        if negate {
            out += "* maximisation written as minimisation of the negated objective: "
                + "model optimum = -(optimum of this file)\n"
        }
        out += "NAME \(Self.mpsName(name, fallback: "MODEL"))\n"
        if sense == .maximize && !negate { out += "OBJSENSE\n    MAX\n" }
        out += "ROWS\n N \(objectiveRow)\n"
        var ranges: [(Int, Double)] = []
        var rightHandSides: [(Int, Double)] = []
        for i in 0..<constraintCount {
            let lower = rowLower[i], upper = rowUpper[i]
            let type: String
            var rhs: Double
            if lower == upper {
                type = "E"; rhs = lower
            } else if lower == -.infinity && upper == .infinity {
                type = "G"; rhs = -1e30
            } else if lower == -.infinity {
                type = "L"; rhs = upper
            } else if upper == .infinity {
                type = "G"; rhs = lower
            } else {
                type = "L"; rhs = upper
                ranges.append((i, upper - lower))
            }
            if rhs != 0 { rightHandSides.append((i, rhs)) }
            out += " \(type) \(rowNames[i])\n"
        }

        out += "COLUMNS\n"
        var inIntegerBlock = false
        var markerCount = 0
        for j in 0..<variableCount {
            if integrality[j] != inIntegerBlock {
                out += " MARKER\(markerCount) 'MARKER' '\(integrality[j] ? "INTORG" : "INTEND")'\n"
                markerCount += 1
                inIntegerBlock = integrality[j]
            }
            let column = columnNames[j]
            let objective = objectiveFactor * objectiveCoefficients[j]
            let entries = matrix.starts[j]..<matrix.starts[j + 1]
            if objective != 0 || entries.isEmpty {
                out += " \(column) \(objectiveRow) \(Self.mpsNumber(objective))\n"
            }
            for k in entries {
                out += " \(column) \(rowNames[matrix.rows[k]]) \(Self.mpsNumber(matrix.values[k]))\n"
            }
        }
        if inIntegerBlock { out += " MARKER\(markerCount) 'MARKER' 'INTEND'\n" }

        out += "RHS\n"
        if objectiveConstant != 0 {
            out += " RHS \(objectiveRow) \(Self.mpsNumber(-objectiveFactor * objectiveConstant))\n"
        }
        for (i, rhs) in rightHandSides { out += " RHS \(rowNames[i]) \(Self.mpsNumber(rhs))\n" }
        if !ranges.isEmpty {
            out += "RANGES\n"
            for (i, range) in ranges { out += " RNG \(rowNames[i]) \(Self.mpsNumber(range))\n" }
        }

        out += "BOUNDS\n"
        for j in 0..<variableCount {
            let lower = columnLower[j], upper = columnUpper[j], column = columnNames[j]
            if lower == upper {
                out += " FX BND \(column) \(Self.mpsNumber(lower))\n"
                continue
            }
            // Lower bound first: a negative UP after a default lower bound of 0 makes some
            // readers set the lower bound to -infinity.
            if lower == -.infinity {
                out += upper == .infinity ? " FR BND \(column)\n" : " MI BND \(column)\n"
            } else if lower != 0 || integrality[j] {
                out += " LO BND \(column) \(Self.mpsNumber(lower))\n"
            }
            if upper != .infinity {
                out += " UP BND \(column) \(Self.mpsNumber(upper))\n"
            } else if integrality[j] && lower != -.infinity {
                out += " PL BND \(column)\n"
            }
        }
        out += "ENDATA\n"
        return out
    }

    /// Writes ``mps(maximization:)`` to a file (UTF-8), replacing it.
    /// - Throws: what ``mps(maximization:)`` throws, and
    ///   ``OptimizationError/Code/fileWriteFailed`` naming the path.
    public func writeMPS(
        to url: URL, maximization: MPSObjectiveConvention = .negateMaximization
    ) throws(OptimizationError) {
        let text = try mps(maximization: maximization)
        do {
            try text.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw OptimizationError(.fileWriteFailed, "cannot write MPS file \(url.path): \(error)")
        }
    }

    static func mpsName(_ name: String, fallback: String) -> String {
        guard !name.isEmpty else { return fallback }
        return String(name.map { $0.isWhitespace ? "_" : $0 })
    }

    static func mpsNames(
        _ names: [String], fallbackPrefix: String, kind: String
    ) throws(OptimizationError) -> [String] {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(names.count)
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            let written = mpsName(name, fallback: "\(fallbackPrefix)\(index)")
            if let first = seen.updateValue(index, forKey: written) {
                throw OptimizationError(
                    .duplicateName,
                    "\(kind) #\(first) and #\(index) are both named \(written) in the MPS file; "
                        + "give them distinct names")
            }
            result.append(written)
        }
        return result
    }

    /// Shortest round-trip decimal form (`3`, `0.25`, `1e-07`).
    static func mpsNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
