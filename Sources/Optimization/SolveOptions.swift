/// How to solve a model.
///
/// The defaults give reproducible results: one thread, no time limit, silent solver.
/// A time limit makes the result depend on the machine's speed; a node limit does not.
public struct SolveOptions: Sendable, Hashable {
    /// Stop after this many seconds (`nil`: no limit): CBC counts them from the start of its
    /// solve; CLP counts the process's CPU seconds (all threads, as COIN-OR's `CoinCpuTime` does).
    public var timeLimit: Double?
    /// Stop branch and bound after this many nodes (`nil`: no limit). MIPs only; deterministic.
    public var nodeLimit: Int?
    /// Stop when the relative gap between the best solution and the best bound is at most
    /// this (MIPs only). The default is 1e-4 (0.01 %).
    public var relativeGap: Double
    /// Solve the LP relaxation (every variable continuous) with CLP, which gives duals and
    /// reduced costs.
    public var relaxIntegrality: Bool
    /// Let the solver print its log on standard output.
    public var log: Bool
    /// The algorithm CLP uses for linear programs (not for CBC's relaxations).
    public var lpAlgorithm: LPAlgorithm
    /// Start CLP from this basis (from ``Solution/basis`` of a model with the same columns and
    /// rows) with the simplex method of ``lpAlgorithm`` (dual for `automatic`), without presolve.
    /// `nil`: solve from scratch. Not used by CBC or by the barrier method.
    public var startingBasis: SimplexBasis?
    /// Stop CLP after this many simplex iterations (`nil`: no limit); the solve then ends
    /// stopped, not optimal. Linear programs only; deterministic, unlike a time limit.
    public var iterationLimit: Int?
    /// Let CBC preprocess a MIP before its root (CglPreProcess: probing, fixing, strengthening
    /// rows). Off skips that pass, which on a large model it cannot tighten can cost more than
    /// the whole solve; on a model it can (a parity constraint, say) the search may then take
    /// far longer. MIPs only.
    public var mipPreprocessing: Bool

    /// Options; see each property.
    public init(
        timeLimit: Double? = nil,
        nodeLimit: Int? = nil,
        relativeGap: Double = 1e-4,
        relaxIntegrality: Bool = false,
        log: Bool = false,
        lpAlgorithm: LPAlgorithm = .automatic,
        startingBasis: SimplexBasis? = nil,
        iterationLimit: Int? = nil,
        mipPreprocessing: Bool = true
    ) {
        self.timeLimit = timeLimit
        self.nodeLimit = nodeLimit
        self.relativeGap = relativeGap
        self.relaxIntegrality = relaxIntegrality
        self.log = log
        self.lpAlgorithm = lpAlgorithm
        self.startingBasis = startingBasis
        self.iterationLimit = iterationLimit
        self.mipPreprocessing = mipPreprocessing
    }

    func validate() throws(OptimizationError) {
        if let timeLimit, !(timeLimit > 0) {
            throw OptimizationError(.invalidOption, "time limit \(timeLimit) s: give a positive number of seconds")
        }
        if let nodeLimit, nodeLimit < 0 || nodeLimit > Int(Int32.max) {
            throw OptimizationError(.invalidOption, "node limit \(nodeLimit): give 0 ... \(Int32.max)")
        }
        if let iterationLimit, iterationLimit < 0 || iterationLimit > Int(Int32.max) {
            throw OptimizationError(.invalidOption, "iteration limit \(iterationLimit): give 0 ... \(Int32.max)")
        }
        guard relativeGap >= 0, relativeGap.isFinite else {
            throw OptimizationError(.invalidOption, "relative gap \(relativeGap): give a number ≥ 0, e.g. 1e-4")
        }
    }
}

/// The algorithm CLP uses for a linear program. All give the same optimal objective and, on a
/// nondegenerate problem, the same solution and duals; they differ in speed.
public enum LPAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// CLP's choice after presolve (`Clp_initialSolve`); usually the dual simplex.
    case automatic
    /// The dual simplex method.
    case dualSimplex
    /// The primal simplex method.
    case primalSimplex
    /// The interior-point method followed by a crossover to a basic solution (duals and
    /// reduced costs are those of the basis; values may sit within about 1e-6 of a bound rather
    /// than on it); often faster on large, degenerate models.
    case barrier
}
