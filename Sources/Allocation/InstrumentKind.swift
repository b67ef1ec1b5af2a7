/// What the fund buys: the three instruments of the allocation model.
public enum InstrumentKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// `x[p,t]`: scholarship seats, extra intake in a degree programme.
    case scholarship
    /// `y[j,t]`: internship stipends for a posting.
    case internship
    /// `z[o,t]`: seats in an on-site (upskilling) training course.
    case onsite

    /// `scholarship`, `internship` or `onsite`.
    public var description: String { rawValue }
}
