/// A decision variable: a handle into the ``LinearModel`` that created it.
///
/// A variable holds only its position in the model, so it is cheap to copy, store in
/// dictionaries and use as a key of ``LinearExpression/terms``. Its name, bounds, integrality
/// and objective coefficient live in the model (`LinearModel.name(of:)`,
/// ``LinearModel/bounds(of:)``). A handle is meaningful only for the model that created it and
/// for copies of that model.
public struct Variable: Hashable, Comparable, Identifiable, Sendable, CustomStringConvertible {
    /// The stable identity of a variable: its index.
    public typealias ID = Int

    /// The position of the variable in its model, from 0 (the solver's column index).
    public let index: Int

    /// The index, as the variable's identity.
    public var id: Int { index }

    init(index: Int) {
        self.index = index
    }

    /// `x#` followed by the index; the readable name is in the model.
    public var description: String { "x#\(index)" }

    /// Orders variables by index (the order they were added).
    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}
