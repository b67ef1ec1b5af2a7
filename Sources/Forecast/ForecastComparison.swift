import Workforce

/// Forecasts of several variants of one scenario, side by side.
///
/// Every forecast has the same years, skills and regions in the same order, so position `i` of
/// one grid is the same cell in every forecast.
public struct ForecastComparison: Hashable, Sendable {
    /// The forecasts, in the order the variants were given.
    public let forecasts: [Forecast]

    /// Puts forecasts side by side.
    ///
    /// - Throws: ``ForecastError/incomparableForecasts(reason:)`` when the list is empty or the
    ///   forecasts differ in years, skills or regions.
    public init(_ forecasts: [Forecast]) throws(ForecastError) {
        guard let first = forecasts.first else {
            throw .incomparableForecasts(reason: "there are no forecasts; name at least one variant")
        }
        for forecast in forecasts.dropFirst() {
            if forecast.years != first.years {
                throw .incomparableForecasts(
                    reason: "variant \(forecast.variantName) covers other years than \(first.variantName)")
            }
            if forecast.skills != first.skills || forecast.regions != first.regions {
                throw .incomparableForecasts(
                    reason: "variant \(forecast.variantName) has other skills or regions than \(first.variantName)")
            }
        }
        self.forecasts = forecasts
    }

    /// The shared years.
    public var years: [Int] { forecasts.first?.years ?? [] }
    /// The shared skills.
    public var skills: [Skill.ID] { forecasts.first?.skills ?? [] }
    /// The shared regions.
    public var regions: [Region.ID] { forecasts.first?.regions ?? [] }
    /// The variants' names, in order.
    public var variantNames: [String] { forecasts.map(\.variantName) }

    /// The forecast of the variant called `name`.
    public func forecast(variant name: String) -> Forecast? {
        forecasts.first { $0.variantName == name }
    }
}
