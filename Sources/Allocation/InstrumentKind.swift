/// What the fund buys: the instruments of the allocation model.
public enum InstrumentKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// `x[p,t]`: scholarship seats, extra intake in a degree programme.
    case scholarship
    /// `y[j,t]`: internship stipends for a posting.
    case internship
    /// `z[o,t]`: seats in an on-site (upskilling) training course.
    case onsite
    /// `expand[p,t]`: seats of yearly intake added to a degree programme (`capacity_expansion`),
    /// usable by scholarship seats from `t + lead_years`; they add no engineer by themselves.
    case capacity
    /// `relocate.in[s,d,t]` and `relocate.out[s,o,t]`: new graduates of skill `s` paid a stipend
    /// (`relocation`) to work in province `d`, short of the skill, instead of province `o`, which
    /// has a surplus of it in every year from `t` on; arrivals equal departures each year.
    case relocation

    /// `scholarship`, `internship`, `onsite`, `capacity` or `relocation`.
    public var description: String { rawValue }
}
