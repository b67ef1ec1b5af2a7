// The only file that knows COIN-OR exists: lowering to Clp_/Cbc_ calls and reading results back.
internal import CCoinOR

/// Owns a `Clp_Simplex` for the length of one solve.
private final class ClpHandle {
    let pointer: UnsafeMutableRawPointer

    init() throws(OptimizationError) {
        guard let pointer = Clp_newModel() else {
            throw OptimizationError(.solverFailure, "CLP could not create a model (out of memory?)")
        }
        self.pointer = pointer
    }

    deinit { Clp_deleteModel(pointer) }
}

/// Owns a `Cbc_Model` for the length of one solve (CBC's model is not reusable after a solve).
private final class CbcHandle {
    let pointer: UnsafeMutableRawPointer

    init() throws(OptimizationError) {
        guard let pointer = Cbc_newModel() else {
            throw OptimizationError(.solverFailure, "CBC could not create a model (out of memory?)")
        }
        self.pointer = pointer
    }

    deinit { Cbc_deleteModel(pointer) }

    func set(_ parameter: String, _ value: String) {
        Cbc_setParameter(pointer, parameter, value)
    }
}

/// The problem's arrays converted to the C types, kept alive while the solver loads them.
/// Arrays are padded with one unused element so that no pointer is null for empty models.
private struct CArrays {
    var starts: [CoinBigIndex]
    var rows: [Int32]
    var values: [Double]
    var columnLower: [Double]
    var columnUpper: [Double]
    var objective: [Double]
    var rowLower: [Double]
    var rowUpper: [Double]

    init(_ problem: LoweredProblem) {
        starts = problem.matrix.starts.map { CoinBigIndex($0) }
        rows = problem.matrix.rows.map { Int32($0) } + [0]
        values = problem.matrix.values + [0]
        columnLower = problem.columnLower + [0]
        columnUpper = problem.columnUpper + [0]
        objective = problem.objective + [0]
        rowLower = problem.rowLower + [0]
        rowUpper = problem.rowUpper + [0]
    }
}

/// Copies `count` doubles from a solver-owned array.
private func copied(_ pointer: UnsafePointer<Double>?, count: Int) -> [Double]? {
    guard let pointer else { return nil }
    return Array(UnsafeBufferPointer(start: pointer, count: count))
}

/// Integer columns within CBC's integrality tolerance of an integer, set to that integer, so
/// that seat counts read back as whole numbers (and activities are computed from them).
private func snapped(_ values: [Double], _ integerColumns: [Int]) -> [Double] {
    guard !values.isEmpty else { return values }
    var result = values
    for j in integerColumns {
        let nearest = result[j].rounded()
        if abs(result[j] - nearest) <= 1e-6 { result[j] = nearest == 0 ? 0 : nearest }
    }
    return result
}

enum CoinLibrary {
    static var cbcVersion: String { String(cString: Cbc_getVersion()) }
    static var clpVersion: String { String(cString: Clp_Version()) }

    /// Solves the problem as a linear program with CLP (integrality ignored).
    static func solveLP(_ problem: LoweredProblem, options: SolveOptions) throws(OptimizationError) -> SolverOutcome {
        let clp = try ClpHandle()
        let model = clp.pointer
        Clp_setLogLevel(model, options.log ? 1 : 0)
        var arrays = CArrays(problem)
        Clp_loadProblem(
            model, Int32(problem.columnCount), Int32(problem.rowCount),
            &arrays.starts, &arrays.rows, &arrays.values,
            &arrays.columnLower, &arrays.columnUpper, &arrays.objective,
            &arrays.rowLower, &arrays.rowUpper)
        Clp_setOptimizationDirection(model, problem.sense == .maximize ? -1 : 1)
        if let timeLimit = options.timeLimit { Clp_setMaximumSeconds(model, timeLimit) }
        if let iterationLimit = options.iterationLimit { Clp_setMaximumIterations(model, Int32(iterationLimit)) }
        // Perturb from the start, as the `clp` program does. CLP's library default (100: perturb
        // only once progress stalls) never kicked in on the allocation model, whose many alike
        // columns make it highly degenerate: the national-scale LP took 29,922 dual simplex
        // iterations and 22 s unperturbed, 3,903 iterations and 3 s perturbed, same optimum.
        // CLP removes the perturbation before it reports, so solution and duals are unaffected.
        Clp_setPerturbation(model, 50)
        if let basis = options.startingBasis, options.lpAlgorithm != .barrier {
            guard basis.columnCount == problem.columnCount, basis.rowCount == problem.rowCount else {
                throw OptimizationError(
                    .invalidOption,
                    "the starting basis is for \(basis.columnCount) columns and \(basis.rowCount) rows, "
                        + "the model has \(problem.columnCount) and \(problem.rowCount); pass the basis of the same model")
            }
            basis.statuses.withUnsafeBufferPointer { Clp_copyinStatus(model, $0.baseAddress) }
            if options.lpAlgorithm == .primalSimplex { Clp_primal(model, 0) } else { Clp_dual(model, 0) }
        } else {
            switch options.lpAlgorithm {
            case .automatic: Clp_initialSolve(model)
            case .dualSimplex: Clp_initialDualSolve(model)
            case .primalSimplex: Clp_initialPrimalSolve(model)
            case .barrier: Clp_initialBarrierSolve(model)
            }
        }

        let status = Clp_status(model)
        let termination: SolverOutcome.Termination
        switch status {
        case 0: termination = .optimal
        case 1: termination = .infeasible
        case 2: termination = .unbounded
        case 3: termination = .stopped
        default:
            throw OptimizationError(
                .solverFailure,
                "CLP stopped with status \(status) (secondary \(Clp_secondaryStatus(model))) "
                    + "on model with \(problem.columnCount) columns and \(problem.rowCount) rows; "
                    + "check the model for huge or tiny coefficients")
        }
        let optimal = termination == .optimal
        let objective = Clp_objectiveValue(model)
        return SolverOutcome(
            termination: termination,
            hasSolution: optimal,
            objectiveValue: optimal ? objective : nil,
            bestBound: optimal ? objective : nil,
            columnValues: copied(Clp_getColSolution(model), count: problem.columnCount) ?? [],
            rowDuals: optimal ? copied(Clp_getRowPrice(model), count: problem.rowCount) : nil,
            reducedCosts: optimal ? copied(Clp_getReducedCost(model), count: problem.columnCount) : nil,
            nodeCount: 0,
            iterationCount: Int(Clp_numberIterations(model)),
            basis: optimal ? Clp_statusArray(model).map { statuses in
                SimplexBasis(
                    statuses: Array(UnsafeBufferPointer(start: statuses, count: problem.columnCount + problem.rowCount)),
                    columnCount: problem.columnCount, rowCount: problem.rowCount)
            } : nil,
            solverName: "CLP \(clpVersion)")
    }

    /// Solves the problem as a mixed-integer program with CBC (one thread).
    static func solveMIP(_ problem: LoweredProblem, options: SolveOptions) throws(OptimizationError) -> SolverOutcome {
        let cbc = try CbcHandle()
        let model = cbc.pointer
        var arrays = CArrays(problem)
        Cbc_loadProblem(
            model, Int32(problem.columnCount), Int32(problem.rowCount),
            &arrays.starts, &arrays.rows, &arrays.values,
            &arrays.columnLower, &arrays.columnUpper, &arrays.objective,
            &arrays.rowLower, &arrays.rowUpper)
        for column in problem.integerColumns { Cbc_setInteger(model, Int32(column)) }
        Cbc_setObjSense(model, problem.sense == .maximize ? -1 : 1)
        cbc.set("logLevel", options.log ? "1" : "0")
        Cbc_setLogLevel(model, options.log ? 1 : 0)
        Cbc_setAllowableFractionGap(model, options.relativeGap)
        cbc.set("ratioGap", "\(options.relativeGap)")
        if let timeLimit = options.timeLimit {
            Cbc_setMaximumSeconds(model, timeLimit)
            cbc.set("seconds", "\(timeLimit)")
        }
        if let nodeLimit = options.nodeLimit {
            Cbc_setMaximumNodes(model, Int32(nodeLimit))
            cbc.set("maxNodes", "\(nodeLimit)")
        }
        if !options.mipPreprocessing { cbc.set("preprocess", "off") }
        Cbc_solve(model)

        let status = Cbc_status(model), secondary = Cbc_secondaryStatus(model)
        // The incumbent; when CBC proves optimality without one (solved in preprocessing),
        // its solver's column solution.
        var best: UnsafePointer<Double>? = Cbc_bestSolution(model).map { UnsafePointer($0) }
        if best == nil && Cbc_isProvenOptimal(model) != 0 { best = Cbc_getColSolution(model) }
        let hasSolution = best != nil
        let termination: SolverOutcome.Termination
        if Cbc_isProvenOptimal(model) != 0 {
            termination = .optimal
        } else if Cbc_isContinuousUnbounded(model) != 0 || secondary == 7 {
            termination = .unbounded
        } else if Cbc_isProvenInfeasible(model) != 0 || (status == 0 && secondary == 1) {
            termination = .infeasible
        } else if status == 1 || [3, 4, 6, 8].contains(secondary) {
            termination = .stopped
        } else if status == 0 && secondary == 2 && hasSolution {
            termination = .optimal
        } else {
            throw OptimizationError(
                .solverFailure,
                "CBC stopped with status \(status), secondary status \(secondary) on a model with "
                    + "\(problem.columnCount) columns and \(problem.rowCount) rows "
                    + "(2: numerical difficulties; check for huge or tiny coefficients)")
        }
        return SolverOutcome(
            termination: termination,
            hasSolution: hasSolution,
            objectiveValue: hasSolution ? Cbc_getObjValue(model) : nil,
            bestBound: Cbc_getBestPossibleObjValue(model),
            columnValues: snapped(copied(best, count: problem.columnCount) ?? [], problem.integerColumns),
            rowDuals: nil,
            reducedCosts: nil,
            nodeCount: Int(Cbc_getNodeCount(model)),
            iterationCount: Int(Cbc_getIterationCount(model)),
            basis: nil,
            solverName: "CBC \(cbcVersion)")
    }
}
