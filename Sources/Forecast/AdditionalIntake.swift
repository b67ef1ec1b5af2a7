import Workforce

/// Students admitted on top of programmes' baseline intake, by programme and intake year.
///
/// This is how a change of intake becomes visible in the forecast: the baseline intake is steady
/// in every year (past ones included), so graduates of the baseline never show a delay; seats
/// added in intake year `y` graduate `d_p` years later, `c_p` of them, and `c_p · e_p` of them join
/// the stock. Seats may be fractional (an LP relaxation's plan). The Allocation model can pass its
/// scholarship and on-site seats here to see the supply and gap after the plan.
public struct AdditionalIntake: Hashable, Sendable {
    /// Extra seats by programme, then by intake year.
    public private(set) var seats: [Program.ID: [Int: Double]]

    /// No additional intake.
    public init() { seats = [:] }

    /// Additional intake from a table of programme → intake year → seats.
    public init(_ seats: [Program.ID: [Int: Double]]) { self.seats = seats }

    /// Adds `count` seats to `program`'s intake in `year` (accumulating with earlier additions).
    public mutating func add(_ count: Double, to program: Program.ID, in year: Int) {
        seats[program, default: [:]][year, default: 0] += count
    }

    /// The extra seats of `program` in intake `year`.
    public func seats(of program: Program.ID, in year: Int) -> Double {
        seats[program]?[year] ?? 0
    }

    /// Whether nothing is added.
    public var isEmpty: Bool { seats.values.allSatisfy { $0.values.allSatisfy { $0 == 0 } } }
}
