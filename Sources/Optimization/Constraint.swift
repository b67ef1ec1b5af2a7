/// A named linear constraint: a handle into the ``LinearModel`` that created it.
///
/// A constraint holds only its position (its row) in the model. Its name, bounds and
/// coefficients live in the model; its activity, slack and dual in a ``Solution``.
public struct Constraint: Hashable, Comparable, Identifiable, Sendable, CustomStringConvertible {
    /// The stable identity of a constraint: its index.
    public typealias ID = Int

    /// The position of the constraint in its model, from 0 (the solver's row index).
    public let index: Int

    /// The index, as the constraint's identity.
    public var id: Int { index }

    init(index: Int) {
        self.index = index
    }

    /// `row#` followed by the index; the readable name is in the model.
    public var description: String { "row#\(index)" }

    /// Orders constraints by index (the order they were added).
    public static func < (lhs: Constraint, rhs: Constraint) -> Bool { lhs.index < rhs.index }
}
