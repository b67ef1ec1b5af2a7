/// A bounded probability distribution declared in `scenario.yaml` (`uncertainty:`).
public enum ParameterDistribution: Hashable, Sendable {
    /// Every value in `low … high` equally likely.
    case uniform(low: Double, high: Double)
    /// Triangular on `low … high` with its peak at `mode`.
    case triangular(low: Double, mode: Double, high: Double)

    /// The value at cumulative probability `u` (0–1): the inverse of the distribution function.
    public func quantile(_ u: Double) -> Double {
        let p = min(1, max(0, u))
        switch self {
        case .uniform(let low, let high):
            return low + (high - low) * p
        case .triangular(let low, let mode, let high):
            let width = high - low
            guard width > 0 else { return mode }
            let split = (mode - low) / width
            if p < split { return low + (width * (mode - low) * p).squareRoot() }
            return high - (width * (high - mode) * (1 - p)).squareRoot()
        }
    }

    /// The smallest and largest value.
    public var bounds: ClosedRange<Double> {
        switch self {
        case .uniform(let low, let high): low...high
        case .triangular(let low, _, let high): low...high
        }
    }
}

/// The uncertain parameters of the forecast and their distributions (`uncertainty:` in
/// `scenario.yaml`). Each draw of a Monte Carlo run takes one value of each; a parameter not
/// declared keeps the scenario's value.
public struct ForecastUncertainty: Hashable, Sendable {
    /// Labour-productivity growth `π` (replaces the scenario's value).
    public var productivityGrowth: ParameterDistribution?
    /// Multiplies every skill's separation rates.
    public var attritionScale: ParameterDistribution?
    /// Multiplies each sector's localisation progress over its base-year level
    /// (`L'(t) = L(t0) + f · (L(t) − L(t0))`).
    public var localisationProgress: ParameterDistribution?
    /// Multiplies every programme's industry-entry rate (capped at 1).
    public var entryRateScale: ParameterDistribution?
    /// Multiplies every programme's completion rate (capped at 1).
    public var completionRateScale: ParameterDistribution?
    /// Replaces the mobility's stay share (the moving shares keep their proportions).
    public var stayShare: ParameterDistribution?

    public init(
        productivityGrowth: ParameterDistribution? = nil, attritionScale: ParameterDistribution? = nil,
        localisationProgress: ParameterDistribution? = nil, entryRateScale: ParameterDistribution? = nil,
        completionRateScale: ParameterDistribution? = nil, stayShare: ParameterDistribution? = nil
    ) {
        self.productivityGrowth = productivityGrowth
        self.attritionScale = attritionScale
        self.localisationProgress = localisationProgress
        self.entryRateScale = entryRateScale
        self.completionRateScale = completionRateScale
        self.stayShare = stayShare
    }

    /// Whether no parameter is uncertain.
    public var isEmpty: Bool {
        productivityGrowth == nil && attritionScale == nil && localisationProgress == nil && entryRateScale == nil
            && completionRateScale == nil && stayShare == nil
    }
}
