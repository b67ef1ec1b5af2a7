/// Collects the input errors of one load so a user sees all of them at once.
final class Diagnostics {
    private(set) var errors: [InputError] = []
    /// Lines that explain what was not checked because of earlier errors (not errors themselves).
    private(set) var notes: [InputError] = []

    func report(_ error: InputError) { errors.append(error) }

    func report(_ location: SourceLocation, field: String? = nil, value: String? = nil, expected: String) {
        errors.append(InputError(location, field: field, value: value, expected: expected))
    }

    /// Records that something was not checked because of an earlier error.
    func note(_ location: SourceLocation, expected: String) {
        notes.append(InputError(location, expected: expected))
    }

    var isEmpty: Bool { errors.isEmpty }

    /// Throws everything collected so far, if anything.
    func throwIfAny() throws(InputErrors) {
        if !errors.isEmpty { throw InputErrors(errors, notes: notes) }
    }
}
