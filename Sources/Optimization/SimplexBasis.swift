/// Which variables and rows were basic, and at which bound the others sat, at the end of an LP
/// solve: CLP's status array, one entry per column then one per row.
///
/// Passed back as ``SolveOptions/startingBasis`` for a model with the same columns and rows (for
/// example after changing a right-hand side or a bound), CLP's dual simplex starts from it
/// instead of from scratch, in a fraction of the iterations. The objective is the same to the
/// solver's tolerance; on a degenerate model the solver may end at another vertex, optimal only
/// within that tolerance (terms of the objective smaller than it, such as a tie-break, may differ).
public struct SimplexBasis: Hashable, Sendable {
    /// CLP's status codes (basic, at lower, at upper, free, superbasic, fixed).
    let statuses: [UInt8]
    /// Columns of the model the basis belongs to.
    public let columnCount: Int
    /// Rows of the model the basis belongs to.
    public let rowCount: Int

    init(statuses: [UInt8], columnCount: Int, rowCount: Int) {
        self.statuses = statuses
        self.columnCount = columnCount
        self.rowCount = rowCount
    }
}
