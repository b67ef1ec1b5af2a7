import Workforce

/// A stock–flow inconsistency found in a scenario: the pipeline it describes cannot have produced
/// (or cannot sustain) the base-year stock it starts from. A warning, not an error: the scenario
/// still forecasts, but its numbers deserve a second look.
public struct CalibrationWarning: Hashable, Sendable, Codable {
    /// Which check failed.
    public enum Check: String, Hashable, Sendable, Codable {
        /// The steady-state stock `E / a` is outside 0.5–2× the base stock.
        case steadyState = "steady_state"
        /// First-year supply growth beats demand growth by more than 3 points.
        case firstYearGrowth = "first_year_growth"
        /// The stock back-cast five years before the base year is negative or under half the base.
        case backcast
    }

    /// The check.
    public var check: Check
    /// The skill, national totals.
    public var skill: Skill.ID
    /// The figure found (steady-state ratio, growth difference in points, back-cast ratio).
    public var value: Double
    /// The range the figure should be in.
    public var expected: String
    /// A sentence with the numbers, for a person.
    public var message: String
}

/// The stock implied a number of years before the base year, per skill (national totals).
public struct BackcastRow: Hashable, Sendable, Codable {
    /// The skill.
    public var skill: Skill.ID
    /// The year.
    public var year: Int
    /// The implied stock `S[t−1] = (S[t] − E) / (1 − a)`.
    public var stock: Double
    /// The implied stock as a share of the base-year stock.
    public var shareOfBase: Double

    enum CodingKeys: String, CodingKey {
        case skill, year, stock
        case shareOfBase = "share_of_base"
    }
}

/// Stock–flow consistency checks of a scenario's pipeline against its base stock, per skill and
/// nationally (mobility moves graduates between provinces, not into or out of the country).
///
/// With `E` the effective supply entering a year at baseline intake and `a` the attrition rate:
/// - the steady state `E / a` should be 0.5–2× the base stock `S0`;
/// - first-year supply growth `(S[t0+1] − S0) / S0` should not beat demand growth by > 3 points;
/// - the back-cast `S[t−1] = (S[t] − E) / (1 − a)` five years back should be ≥ half of `S0`.
public enum StockFlowCalibration {
    /// The years ``check(_:)`` back-casts.
    public static let backcastYears = 5
    /// The steady state's accepted range, as multiples of the base stock.
    public static let steadyStateRange = 0.5...2.0
    /// How many points supply growth may beat demand growth in the first year.
    public static let growthMargin = 0.03
    /// The smallest back-cast share of the base stock accepted.
    public static let backcastFloor = 0.5

    /// Every warning of the scenario, skill by skill.
    /// - Throws: ``ForecastError`` when the scenario cannot be projected.
    public static func check(_ scenario: Scenario) throws(ForecastError) -> [CalibrationWarning] {
        let forecast = try ForecastModel.project(scenario, mobility: .national)
        let flows = entering(scenario, forecast: forecast)
        var warnings: [CalibrationWarning] = []
        for (s, skill) in forecast.skills.enumerated() {
            let base = forecast.totals(skill: skill, year: forecast.baseYear)
            let stock = base.supply
            let attrition = forecast.attritionRates[s]
            let name = skill.rawValue
            if stock > 0, attrition > 0 {
                let ratio = flows[s] / attrition / stock
                if !steadyStateRange.contains(ratio) {
                    warnings.append(CalibrationWarning(
                        check: .steadyState, skill: skill, value: ratio, expected: "0.5–2× the base stock",
                        message: "\(name): \(whole(flows[s])) engineers enter a year and \(percent(attrition)) leave, "
                            + "so the stock would settle at \(whole(flows[s] / attrition)), \(decimal(ratio))× the base "
                            + "stock of \(whole(stock)) (expected 0.5–2×)"))
                }
            }
            if forecast.years.count > 1, stock > 0, base.demand > 0 {
                let next = forecast.totals(skill: skill, year: forecast.baseYear + 1)
                let supplyGrowth = next.supply / stock - 1
                let demandGrowth = next.demand / base.demand - 1
                if supplyGrowth - demandGrowth > growthMargin {
                    warnings.append(CalibrationWarning(
                        check: .firstYearGrowth, skill: skill, value: (supplyGrowth - demandGrowth) * 100,
                        expected: "at most 3 points above demand growth",
                        message: "\(name): supply grows \(percent(supplyGrowth)) in \(forecast.baseYear + 1) while "
                            + "demand grows \(percent(demandGrowth)) (more than 3 points apart)"))
                }
            }
            if stock > 0, let earliest = backcast(stock: stock, entering: flows[s], attrition: attrition, years: backcastYears).last {
                let share = earliest / stock
                if share < backcastFloor {
                    warnings.append(CalibrationWarning(
                        check: .backcast, skill: skill, value: share, expected: "at least half of the base stock",
                        message: "\(name): run backwards, the pipeline implies \(whole(earliest)) engineers in "
                            + "\(forecast.baseYear - backcastYears), \(percent(share)) of the \(whole(stock)) of "
                            + "\(forecast.baseYear) (expected at least 50 %)"))
                }
            }
        }
        return warnings
    }

    /// The implied national stock of each skill in each of the `years` years before the base year.
    /// - Throws: ``ForecastError`` when the scenario cannot be projected.
    public static func backcast(_ scenario: Scenario, years: Int) throws(ForecastError) -> [BackcastRow] {
        let forecast = try ForecastModel.project(scenario, mobility: .national)
        let flows = entering(scenario, forecast: forecast)
        var rows: [BackcastRow] = []
        for (s, skill) in forecast.skills.enumerated() {
            let stock = forecast.totals(skill: skill, year: forecast.baseYear).supply
            for (index, value) in backcast(stock: stock, entering: flows[s], attrition: forecast.attritionRates[s], years: years).enumerated() {
                rows.append(BackcastRow(skill: skill, year: forecast.baseYear - index - 1, stock: value,
                                        shareOfBase: stock > 0 ? value / stock : 0))
            }
        }
        return rows
    }

    /// `S[t−1] = (S[t] − E) / (1 − a)`, `years` times from `stock`.
    static func backcast(stock: Double, entering: Double, attrition: Double, years: Int) -> [Double] {
        var values: [Double] = []
        var current = stock
        for _ in 0..<max(0, years) {
            current = attrition < 1 ? (current - entering) / (1 - attrition) : -.infinity
            values.append(current)
        }
        return values
    }

    /// Effective supply entering each skill in a year at baseline intake, nationally.
    static func entering(_ scenario: Scenario, forecast: Forecast) -> [Double] {
        var flows = Array(repeating: 0.0, count: forecast.skills.count)
        for program in scenario.programs {
            guard let s = forecast.skillPositions[program.skill] else { continue }
            flows[s] += Double(program.baselineIntake) * program.engineersPerSeat
        }
        return flows
    }

    private static func whole(_ value: Double) -> String { NumberText.grouped(value) }
    private static func decimal(_ value: Double) -> String { NumberText.grouped(value, decimals: 2) }
    private static func percent(_ value: Double) -> String { NumberText.percent(value) }
}
