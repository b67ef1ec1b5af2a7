import Workforce

/// What one unit of an instrument (a seat, an intern) costs, year by year, and which budget year
/// pays for each payment.
///
/// - Scholarship seat taken up in year `t` in a programme of `d` years: `tuition + living
///   support` in each year of study `t … t+max(d,1)−1` (a degree course shorter than a year
///   still pays one year).
/// - Internship stipend in year `t`: `stipend per month × months`, once, in `t`.
/// - On-site training seat in year `t`: the course's tuition, once, in `t`.
///
/// **Charging rule.** A payment in year `y` is charged to the latest budget year not after `y`.
/// A payment that falls after the fund's last budget year is therefore charged to the last
/// budget year: the fund *commits* the later years of study up front, before its programme
/// ends, so a scholarship it starts is always paid to the end. A payment in a year between two
/// budget years (a gap in `budget_vnd`) is committed by the budget year before the gap.
public struct CostSchedule: Hashable, Sendable, Codable {
    /// One payment: `amount` VND per unit in `year`.
    public struct Payment: Hashable, Sendable, Codable {
        /// The calendar year the money is paid.
        public var year: Int
        /// Whole VND per unit.
        public var amount: VND

        /// A payment of `amount` per unit in `year`.
        public init(year: Int, amount: VND) {
            self.year = year
            self.amount = amount
        }
    }

    /// The payments per unit, in year order.
    public var payments: [Payment]

    /// A schedule from payments (sorted by year).
    public init(payments: [Payment]) {
        self.payments = payments.sorted { $0.year < $1.year }
    }

    /// A scholarship seat taken up in `intakeYear`: `yearlyCost` in each of `max(durationYears, 1)` years.
    public static func scholarship(intakeYear: Int, durationYears: Int, yearlyCost: VND) -> CostSchedule {
        let years = max(durationYears, 1)
        return CostSchedule(payments: (0..<years).map { Payment(year: intakeYear + $0, amount: yearlyCost) })
    }

    /// A single payment of `amount` in `year` (an internship stipend or an on-site course).
    public static func once(in year: Int, amount: VND) -> CostSchedule {
        CostSchedule(payments: [Payment(year: year, amount: amount)])
    }

    /// What one unit costs in total, whole VND.
    public var total: VND { payments.reduce(0) { $0 + $1.amount } }

    /// The per-unit amount each budget year is charged (see the charging rule above), in budget
    /// year order; payments before the first budget year are charged to the first.
    ///
    /// - Parameter budgetYears: the fund's budget years, increasing.
    /// - Complexity: O(payments × log(budget years)).
    public func charges(budgetYears: [Int]) -> [Payment] {
        guard let first = budgetYears.first else { return [] }
        var charged: [Int: VND] = [:]
        for payment in payments {
            charged[Self.chargeYear(of: payment.year, budgetYears: budgetYears) ?? first, default: 0] += payment.amount
        }
        return charged.keys.sorted().map { Payment(year: $0, amount: charged[$0] ?? 0) }
    }

    /// The latest budget year not after `year`, or nil when `year` is before every budget year.
    /// - Complexity: O(log(budget years)).
    public static func chargeYear(of year: Int, budgetYears: [Int]) -> Int? {
        var low = 0, high = budgetYears.count  // first index with budgetYears[i] > year
        while low < high {
            let mid = (low + high) / 2
            if budgetYears[mid] <= year { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : budgetYears[low - 1]
    }
}
