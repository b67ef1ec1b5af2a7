import Workforce

extension Forecast {
    /// Totals over the cells that match every given filter (nil = all): e.g. `totals(year: 2030)`
    /// sums every skill and region in 2030. An id or year outside the forecast matches nothing.
    ///
    /// - Complexity: O(matching cells).
    public func totals(skill: Skill.ID? = nil, region: Region.ID? = nil, year: Int? = nil) -> ForecastTotals {
        let skillRange: [Int]
        if let skill { skillRange = skillPositions[skill].map { [$0] } ?? [] } else { skillRange = Array(skills.indices) }
        let regionRange: [Int]
        if let region { regionRange = regionPositions[region].map { [$0] } ?? [] } else { regionRange = Array(regions.indices) }
        let yearRange: [Int]
        if let year { yearRange = yearPosition(year).map { [$0] } ?? [] } else { yearRange = Array(years.indices) }
        var totals = ForecastTotals()
        for s in skillRange {
            for r in regionRange {
                for y in yearRange { totals.add(cell(skill: s, region: r, year: y)) }
            }
        }
        // Over every region, shortage is counted per labour market (national pooling).
        if region == nil, mobility == .national {
            totals.shortage = 0
            for s in skillRange {
                for y in yearRange { totals.shortage += shortage(skill: s, year: y) }
            }
        }
        return totals
    }

    /// Totals per skill over every region and year (stocks in engineer-years), in ``skills`` order.
    public func totalsBySkill() -> [(skill: Skill.ID, totals: ForecastTotals)] {
        skills.map { ($0, totals(skill: $0)) }
    }

    /// Totals per region over every skill and year (stocks in engineer-years), in ``regions`` order.
    public func totalsByRegion() -> [(region: Region.ID, totals: ForecastTotals)] {
        regions.map { ($0, totals(region: $0)) }
    }

    /// Totals per year over every skill and region (stocks in engineers), in ``years`` order.
    public func totalsByYear() -> [(year: Int, totals: ForecastTotals)] {
        years.map { ($0, totals(year: $0)) }
    }
}
