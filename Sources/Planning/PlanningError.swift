import Storage
import Workforce

/// Why a plan run stopped. Its description is the message a person reads (the CLI prints it,
/// the portal shows it on the page); nothing is published when a run fails.
public enum PlanningError: Error, CustomStringConvertible {
    /// The scenario's files are wrong: every problem, with file, line and field.
    case input(InputErrors)
    /// No variant of that name in scenario.yaml.
    case unknownVariant(String, known: [String])
    /// The store could not record the run.
    case store(StorageError)
    /// A stage failed (an infeasible policy, a solver failure, a workbook that cannot be written).
    case stage(PlanProgress.Stage, message: String)

    public var description: String {
        switch self {
        case .input(let errors): errors.description
        case .unknownVariant(let name, let known):
            "error: no variant named '\(name)' in scenario.yaml; known variants: \(known.joined(separator: ", "))"
        case .store(let error): "error: \(error)"
        case .stage(_, let message): "error: \(message)"
        }
    }
}
