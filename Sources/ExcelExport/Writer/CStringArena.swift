import Foundation

/// Holds C copies of Swift strings for the duration of one libxlsxwriter call whose option
/// structs take `char *` fields. libxlsxwriter copies what it keeps, so the arena is freed
/// right after the call.
final class CStringArena {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    /// A C copy of `string`, or `nil` for `nil`; freed with the arena.
    func copy(_ string: String?) -> UnsafeMutablePointer<CChar>? {
        guard let string, let pointer = strdup(string) else { return nil }
        pointers.append(pointer)
        return pointer
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
