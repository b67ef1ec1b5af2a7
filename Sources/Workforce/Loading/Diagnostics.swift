/// Collects the input errors of one load so a user sees all of them at once.
final class Diagnostics {
    private(set) var errors: [InputError] = []
    /// Lines that explain what was not checked because of earlier errors (not errors themselves).
    private(set) var notes: [InputError] = []

    func report(_ error: InputError) { errors.append(error) }

    func report(_ location: SourceLocation, field: String? = nil, value: String? = nil, expected: String) {
        errors.append(InputError(location, field: field, value: value, expected: expected))
    }

    /// The ids of rows that were rejected for an error (table file name → ids): references to
    /// them are not reported again, since the row's own error is the cause.
    private(set) var rejectedRows: [String: Set<String>] = [:]

    /// Records that the row with `id` (if it had a readable one) was rejected.
    func reject(_ id: String?, in table: String) {
        if let id { rejectedRows[table, default: []].insert(id) }
    }

    /// The ids a table defines, counting its rejected rows: what references may name.
    func known<Entity>(_ values: [Code<Entity>], in table: String) -> Set<Code<Entity>> {
        var known = Set(values)
        for id in rejectedRows[table] ?? [] { known.insert(Code<Entity>(id)) }
        return known
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
