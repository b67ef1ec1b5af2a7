public import Foundation
public import Workforce

extension MatchingRound {
    /// The first round of a scenario, the way `skillplan match DIR` and `skillplan plan DIR` run it:
    /// its postings, students and rankings; the regional caps of `regional_caps.csv` in
    /// `directory` when the file is there; the fund policy's minimum places; and the fund-backed
    /// places the plan's `quotas` give `year` (default: the fund's first budget year) when the
    /// fund backs internships.
    ///
    /// - Throws: ``InputErrors`` for a wrong `regional_caps.csv` (file, line, column), or
    ///   ``MatchingInputError`` when the postings and students do not make a problem.
    public init(scenario: Scenario, directory: URL?, quotas: [InternQuota], year: Int? = nil, seed: UInt64 = Lottery.defaultSeed) throws {
        let problem = try MatchingProblem(postings: scenario.postings, students: scenario.students,
                                          rankings: scenario.rankings.isEmpty ? nil : scenario.rankings, seed: seed)
        var caps = RegionalCaps.none
        if let file = directory?.appendingPathComponent("regional_caps.csv"), FileManager.default.fileExists(atPath: file.path) {
            caps = try RegionalCapsCSV.parse(String(decoding: try Data(contentsOf: file), as: UTF8.self), file: file.path,
                                             knownRegions: Set(scenario.regions.map(\.id)))
        }
        let minimum = scenario.fund.internships.minimumPlaces.map {
            GroupMinimum($0, postings: scenario.postings, enterprises: scenario.enterprises)
        }
        self.init(problem: problem, caps: caps, minimum: minimum,
                  funding: RoundFunding(scenario: scenario, quotas: quotas, year: year))
    }
}

extension RoundFunding {
    /// The funding of a scenario's round of `year` (default: the fund's first budget year, else
    /// the base year); nil when the fund backs no internships.
    public init?(scenario: Scenario, quotas: [InternQuota], year: Int? = nil) {
        guard scenario.fund.internships.enabled else { return nil }
        self.init(terms: scenario.fund.internships, enterprises: scenario.enterprises, quotas: quotas,
                  year: year ?? scenario.fund.budgetYears.first ?? scenario.settings.baseYear)
    }
}
