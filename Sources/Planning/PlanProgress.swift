/// One step of a plan run, for a progress display: the CLI prints `[2/6] Forecasting…`, the
/// portal shows it in the page. Names are catalogue keys (`planning.stage.*`), so each reader
/// shows them in their language.
public struct PlanProgress: Sendable, Hashable {
    /// The stages of a plan run, in order.
    public enum Stage: String, CaseIterable, Sendable {
        case load, forecast, match, allocate, frontier, workbooks

        /// The stage's number, from 1.
        public var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }
    }

    /// Whether the stage starts or has finished.
    public enum Event: Sendable, Hashable {
        case started
        case finished(seconds: Double)
    }

    public let stage: Stage
    public let event: Event
    /// The catalogue key of the stage's name.
    public let textKey: String
    /// The values of the name's placeholders (`{scenario}`, `{method}`, `{exports}`).
    public let values: [String: String]

    /// How many stages a plan run has.
    public static var stageCount: Int { Stage.allCases.count }
}

/// Receives a plan run's progress. The frontier runs beside the allocation, so its events can come
/// from another thread, between the allocation's `started` and `finished`.
public typealias PlanProgressHandler = @Sendable (PlanProgress) -> Void
