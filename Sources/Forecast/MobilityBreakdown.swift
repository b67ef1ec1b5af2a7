import Workforce

/// The horizon's shortage under the three mobility assumptions, and what separates them: how
/// much is a national shortage and how much is regional mismatch that moving graduates would
/// close.
public struct MobilityBreakdown: Hashable, Sendable, Codable {
    /// Engineer-years of shortage if graduates never leave their programme's province.
    public var none: Double
    /// Engineer-years of shortage under the scenario's graduate mobility.
    public var scenario: Double
    /// Engineer-years of shortage with each skill one national market.
    public var national: Double

    public init(none: Double, scenario: Double, national: Double) {
        self.none = none
        self.scenario = scenario
        self.national = national
    }

    /// The part of the scenario's shortage that more mobility would close: `scenario − national`.
    public var regionalMismatch: Double { max(0, scenario - national) }

    /// The part of the no-mobility shortage that the scenario's mobility already closes.
    public var closedByScenarioMobility: Double { max(0, none - scenario) }

    /// The shortage under `mode`.
    public func shortage(_ mode: MobilityMode) -> Double {
        switch mode {
        case .none: none
        case .scenario: scenario
        case .national: national
        }
    }

    /// Two sentences for a fund board: what is national, what is mismatch, what the mobility
    /// assumption is worth.
    public var sentence: String {
        let total = NumberText.grouped(scenario)
        return "Of the \(total) engineer-years of shortage, \(NumberText.grouped(min(national, scenario))) are a "
            + "national shortage (too few engineers in the country) and \(NumberText.grouped(regionalMismatch)) are "
            + "regional mismatch that moving graduates between provinces would close. If graduates never left the "
            + "province where they trained, the shortage would be \(NumberText.grouped(none)) engineer-years."
    }

    enum CodingKeys: String, CodingKey {
        case none, scenario, national
        case regionalMismatch = "regional_mismatch"
        case closedByScenarioMobility = "closed_by_scenario_mobility"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        none = try container.decode(Double.self, forKey: .none)
        scenario = try container.decode(Double.self, forKey: .scenario)
        national = try container.decode(Double.self, forKey: .national)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(none, forKey: .none)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(national, forKey: .national)
        try container.encode(regionalMismatch, forKey: .regionalMismatch)
        try container.encode(closedByScenarioMobility, forKey: .closedByScenarioMobility)
    }
}

extension ForecastModel {
    /// The scenario's shortage under each mobility mode.
    /// - Throws: ``ForecastError`` when the scenario cannot be projected.
    /// - Complexity: three projections.
    public static func mobilityBreakdown(
        _ scenario: Scenario, additionalIntake: AdditionalIntake = AdditionalIntake()
    ) throws(ForecastError) -> MobilityBreakdown {
        MobilityBreakdown(
            none: try project(scenario, additionalIntake: additionalIntake, mobility: .none).shortageEngineerYears,
            scenario: try project(scenario, additionalIntake: additionalIntake, mobility: .scenario).shortageEngineerYears,
            national: try project(scenario, additionalIntake: additionalIntake, mobility: .national).shortageEngineerYears)
    }
}
