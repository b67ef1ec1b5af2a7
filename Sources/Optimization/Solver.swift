import Foundation

/// Solves ``LinearModel``s with COIN-OR: CLP for linear programs (and LP relaxations), with
/// duals and reduced costs; CBC for mixed-integer programs.
///
/// Every solve builds a fresh solver model from the ``LinearModel`` (CBC's model data is not
/// valid after a solve) and releases it before returning. Calling ``solve(_:options:)`` from
/// many threads is safe: linear programs run side by side, each in its own CLP model (CLP keeps
/// no state between models), while a CBC solve runs alone (CBC keeps process-wide state and
/// drives CLP itself), waiting for the LPs under way to finish. Solving several LPs at once
/// does not change any result (each solve is the same computation on its own model), with one
/// exception: CLP measures ``SolveOptions/timeLimit`` in the process's CPU seconds, which count
/// every thread's work, so a limit an LP would only just meet alone can stop it among others.
///
/// With the default options (one thread, no time limit) the same model gives the same
/// solution on every run.
public enum Solver {
    /// The COIN-OR versions in use, e.g. `CBC 2.10.8, CLP 1.17.6`, for audit sheets.
    public static var coinVersion: String {
        "CBC \(CoinLibrary.cbcVersion), CLP \(CoinLibrary.clpVersion)"
    }

    /// Solves the model: with CLP when it has no integer variable or
    /// ``SolveOptions/relaxIntegrality`` is set, with CBC otherwise.
    ///
    /// Infeasible, unbounded and stopped solves are not errors: read ``Solution/status``.
    /// - Throws: ``OptimizationError`` for an invalid model or option
    ///   (see ``LinearModel/validate()``), or ``OptimizationError/Code/solverFailure`` when the
    ///   solver library gives up.
    /// - Complexity: O(variables + constraints + nonzeros) to lower the model, plus the solve.
    public static func solve(
        _ model: LinearModel, options: SolveOptions = SolveOptions()
    ) throws(OptimizationError) -> Solution {
        try options.validate()
        try model.validate()
        let useCLP = options.relaxIntegrality || !model.hasIntegerVariables
        let problem = LoweredProblem(model)
        let access: SolveLock.Access = useCLP ? .shared : .exclusive
        let (outcome, elapsed) = try solveLock.withLock(access) { () throws(OptimizationError) in
            let start = ContinuousClock.now
            let outcome =
                useCLP ? try CoinLibrary.solveLP(problem, options: options)
                : try CoinLibrary.solveMIP(problem, options: options)
            return (outcome, start.duration(to: .now))
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Solution(model: model, outcome: outcome, seconds: seconds)
    }

    /// Internal so that tests calling CBC directly take the same lock.
    static let solveLock = SolveLock()
}

/// The one lock around every call into CBC and CLP: LP solves share it (each has its own CLP
/// model), a CBC solve holds it alone.
final class SolveLock: @unchecked Sendable {
    /// How a solve holds the lock.
    enum Access {
        /// With other shared holders: CLP on its own model.
        case shared
        /// Alone: CBC, or anything that touches both libraries.
        case exclusive
    }

    // A pthread read-write lock, allocated once and never moved (it must not be copied).
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        // Writers first: a CBC solve waiting for its turn is not overtaken by LPs that start later
        // (glibc's default lets a stream of readers hold off a writer indefinitely).
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        pthread_rwlock_init(lock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func withLock<T, E: Error>(_ access: Access = .exclusive, _ body: () throws(E) -> T) throws(E) -> T {
        switch access {
        case .shared: pthread_rwlock_rdlock(lock)
        case .exclusive: pthread_rwlock_wrlock(lock)
        }
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}

/// The model in the solvers' shape: column-major matrix, bound and objective arrays, with
/// infinities as COIN-OR's `COIN_DBL_MAX`.
struct LoweredProblem {
    var sense: ObjectiveSense
    var matrix: ColumnMajorMatrix
    var columnLower: [Double]
    var columnUpper: [Double]
    var objective: [Double]
    var rowLower: [Double]
    var rowUpper: [Double]
    var integerColumns: [Int]

    var columnCount: Int { columnLower.count }
    var rowCount: Int { rowLower.count }

    init(_ model: LinearModel) {
        func finite(_ value: Double) -> Double {
            value == .infinity ? .greatestFiniteMagnitude
                : value == -.infinity ? -.greatestFiniteMagnitude : value
        }
        sense = model.sense
        matrix = ColumnMajorMatrix(model)
        columnLower = model.columnLower.map(finite)
        columnUpper = model.columnUpper.map(finite)
        objective = model.objectiveCoefficients
        rowLower = model.rowLower.map(finite)
        rowUpper = model.rowUpper.map(finite)
        integerColumns = model.integrality.indices.filter { model.integrality[$0] }
    }
}

/// What a solver library returned, before it is put in the model's terms.
struct SolverOutcome {
    enum Termination {
        case optimal, infeasible, unbounded, stopped
    }

    var termination: Termination
    var hasSolution: Bool
    /// Without the model's objective constant.
    var objectiveValue: Double?
    var bestBound: Double?
    var columnValues: [Double]
    var rowDuals: [Double]?
    var reducedCosts: [Double]?
    var nodeCount: Int
    var iterationCount: Int
    var basis: SimplexBasis?
    var solverName: String
}

extension Solution {
    init(model: LinearModel, outcome: SolverOutcome, seconds: Double) {
        let constant = model.objectiveConstant
        let objective = outcome.hasSolution ? outcome.objectiveValue.map { $0 + constant } : nil
        let bound = outcome.bestBound.map { $0 + constant }
        var gap: Double? = nil
        if let objective, let bound { gap = abs(objective - bound) / max(1, abs(objective)) }
        let status: SolveStatus =
            switch outcome.termination {
            case .optimal: .optimal
            case .infeasible: .infeasible
            case .unbounded: .unbounded
            case .stopped:
                if outcome.hasSolution, let bound, let gap {
                    .stoppedWithSolution(bestBound: bound, gap: gap)
                } else {
                    .stoppedWithoutSolution
                }
            }
        let values = outcome.hasSolution ? outcome.columnValues : []
        let activities: [Double] =
            values.isEmpty ? [] : zip(model.rowActivities(values), model.rowConstants).map { $0 + $1 }
        self.init(
            status: status,
            sense: model.sense,
            objectiveValue: objective,
            bestBound: status.hasFeasibleSolution ? bound : nil,
            relativeGap: status.hasFeasibleSolution ? gap : nil,
            solveSeconds: seconds,
            solverName: outcome.solverName,
            nodeCount: outcome.nodeCount,
            iterationCount: outcome.iterationCount,
            basis: outcome.hasSolution ? outcome.basis : nil,
            primalValues: values,
            activities: activities,
            rowDuals: outcome.hasSolution ? outcome.rowDuals : nil,
            reducedCosts: outcome.hasSolution ? outcome.reducedCosts : nil,
            rowLower: zip(model.rowLower, model.rowConstants).map { $0 + $1 },
            rowUpper: zip(model.rowUpper, model.rowConstants).map { $0 + $1 }
        )
    }
}
