/// A problem with a model, an option, a file or the solver library, saying what to fix.
///
/// Shaped like swift-subprocess's error: a public struct around a ``Code`` (whose set of values
/// can grow without breaking clients) and a message naming the variable or constraint at fault.
public struct OptimizationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem occurred.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: String, Hashable, Sendable {
            case invalidNumber
            case invalidBounds
            case unknownHandle
            case duplicateName
            case invalidOption
            case modelTooLarge
            case fileWriteFailed
            case solverFailure
        }

        let storage: Storage

        /// A coefficient, bound, right-hand side or objective term is NaN, or infinite where
        /// only a finite number makes sense.
        public static let invalidNumber = Code(storage: .invalidNumber)
        /// A lower bound is above its upper bound (variable or constraint).
        public static let invalidBounds = Code(storage: .invalidBounds)
        /// A ``Variable`` or ``Constraint`` handle does not belong to this model.
        public static let unknownHandle = Code(storage: .unknownHandle)
        /// Two variables, or two constraints, have the same name in an MPS file.
        public static let duplicateName = Code(storage: .duplicateName)
        /// A ``SolveOptions`` value is out of range.
        public static let invalidOption = Code(storage: .invalidOption)
        /// More columns, rows or nonzeros than the solver's 32-bit indices allow.
        public static let modelTooLarge = Code(storage: .modelTooLarge)
        /// An MPS file could not be written.
        public static let fileWriteFailed = Code(storage: .fileWriteFailed)
        /// The solver library gave up (numerical difficulties) or reported an error.
        public static let solverFailure = Code(storage: .solverFailure)

        /// The code's name, e.g. `invalidBounds`.
        public var description: String { storage.rawValue }
    }

    /// What kind of problem occurred.
    public let code: Code
    /// What is wrong and what to fix, naming the variable or constraint concerned.
    public let message: String

    /// An error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
