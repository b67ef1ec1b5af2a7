import Allocation
import Forecast
import Matching
import Testing
import Workforce

/// Issue 12 item 5: the plan's internship line is what the matching implements.
@Suite("One internship budget")
struct OneInternshipBudgetTests {
    /// MAT in HN and DN; three postings of different groups (domestic SME in HN at 10 M a stipend,
    /// FDI in HN at 15 M, domestic SME in DN at 10 M); `students` year-3 MAT students with random
    /// lists (seeded), money in 2026 only.
    static func scenario(seed: UInt64, students: Int) -> Scenario {
        var builder = ScenarioBuilder()
        builder.budget = [2026: 2_000_000_000]
        builder.addRegion("DN", demand: ["MAT": 300], stock: ["MAT": 200])
        builder.addPosting("SME-HN", enterprise: "E-SME", ownership: .domestic, size: .small, slots: 6, months: 2, stipend: 5_000_000)
        builder.addPosting("FDI-HN", enterprise: "E-FDI", slots: 8, months: 3, stipend: 5_000_000)
        builder.addPosting("SME-DN", enterprise: "E-DN", ownership: .domestic, size: .medium, region: "DN", slots: 4, months: 2,
                           stipend: 5_000_000)
        var random = SplitMix64(seed: seed)
        let ids = builder.postings.map(\.id)
        builder.students = (0..<students).map { index in
            let list = Array(ids.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            return Student(id: Student.ID("S\(index)"), institution: "INST-A", skill: "MAT", year: 3,
                           score: Double(Int.random(in: 1...10, using: &random)), homeRegion: "HN", preferences: list)
        }
        return builder.scenario
    }

    /// The plan run's order: match, plan within the interns matched, fund the plan's interns.
    static func planAndRound(_ scenario: Scenario) throws -> (plan: AllocationPlan, round: MatchingRoundResult, limits: [InternQuota]) {
        let round = try MatchingRound(scenario: scenario, directory: nil, quotas: [])
        let outcome = try round.match()
        var options = AllocationOptions()
        options.internLimits = round.matchedInterns(in: outcome)
        let plan = try AllocationPlanner.plan(scenario: scenario, forecast: try ForecastModel.project(scenario), options: options)
        return (plan, round.funded(by: plan.internQuotas()).result(of: outcome), options.internLimits)
    }

    @Test(arguments: [(UInt64(1), 4), (2, 9), (3, 14), (4, 20), (5, 30), (6, 40)])
    func fundedPlacesEqualThePlansInternsOfTheYear(seed: UInt64, students: Int) throws {
        let scenario = Self.scenario(seed: seed, students: students)
        let (plan, round, limits) = try Self.planAndRound(scenario)
        let funding = try #require(round.funding)
        let planInterns = plan.internships.filter { $0.year == 2026 }.reduce(0) { $0 + $1.interns }
        let planMoney = plan.spendByYear.first { $0.year == 2026 }?.internships ?? 0
        #expect(Double(funding.places.count) == planInterns.rounded())
        #expect(Double(funding.totalSupport) == planMoney.rounded())
        #expect(funding.notTaken == 0)
        #expect(round.summary.planInterns == funding.places.count && round.summary.fundedPlaces == funding.places.count)
        // Per group too: the plan never funds more interns than the round placed there.
        for quota in plan.internQuotas() where quota.year == 2026 {
            let matched = limits.first { $0.group == quota.group }?.interns ?? 0
            #expect(quota.interns <= matched, "\(quota.group)")
        }
        // A posting where no intern is matched is paid nothing; every payment is a matched intern's stipend.
        let matchedAt = Dictionary(grouping: round.matching.matched.compactMap(\.posting), by: { $0 }).mapValues(\.count)
        for place in funding.places {
            #expect(matchedAt[place.posting, default: 0] > 0)
            #expect(place.support == scenario.postings.first { $0.id == place.posting }?.stipendPerIntern)
        }
        // matches.csv says the same as the placement, and verifying it finds nothing.
        let file = try MatchesCSV.read(round.matchesCSV, file: "matches.csv", problem: round.problem)
        #expect(file.funding.values.filter(\.funded).count == funding.places.count)
        let verifier = try MatchingRound(scenario: scenario, directory: nil, quotas: plan.internQuotas())
        #expect(try verifier.violations(of: file) == [])
    }

    /// The plan run works out the round's explanations while the plan is made and hands them to
    /// the result: the same result as working them out there; the ones given are the ones used.
    @Test func explanationsWorkedOutBeforehandGiveTheSameResult() throws {
        let scenario = Self.scenario(seed: 5, students: 30)
        let round = try MatchingRound(scenario: scenario, directory: nil, quotas: [])
        let outcome = try round.match()
        let explanations = outcome.explanations(in: round.problem)
        #expect(!explanations.isEmpty)
        let plain = round.result(of: outcome)
        let given = round.result(of: outcome, explanations: explanations)
        #expect(given.explanations == plain.explanations)
        #expect(given.summary == plain.summary)
        let none = round.result(of: outcome, explanations: [])
        #expect(none.explanations.isEmpty && none.summary.notPlacedAboveResult.students == 0)
    }

    @Test func aPostingThePolicyDoesNotBackGetsNoPlannedIntern() throws {
        var scenario = Self.scenario(seed: 9, students: 20)
        scenario.fund.internships.fundedOwnership = [.domestic]
        let (plan, round, _) = try Self.planAndRound(scenario)
        #expect(!plan.internships.contains { $0.posting == "FDI-HN" })
        #expect(round.funding?.places.contains { $0.posting == "FDI-HN" } == false)
        #expect(round.funding?.notTaken == 0)
    }

    @Test func limitsBindThePlanPerGroupAndYear() throws {
        let scenario = Self.scenario(seed: 3, students: 40)
        let forecast = try ForecastModel.project(scenario)
        let free = try AllocationPlanner.plan(scenario: scenario, forecast: forecast)
        let sme = InternGroup(skill: "MAT", region: "HN", domesticSME: true, stipend: 10_000_000)
        var options = AllocationOptions()
        options.internLimits = [InternQuota(year: 2026, group: sme, interns: 1, planSupport: 0)]
        let limited = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: options)
        #expect(free.internQuotas().reduce(0) { $0 + $1.interns } > 1)
        // One intern at most, only in the group with a limit.
        #expect(limited.internQuotas().allSatisfy { $0.group == sme && $0.interns <= 1 })
    }

    @Test func aMinimumAppliesWithoutFunding() throws {
        var scenario = Self.scenario(seed: 4, students: 20)
        scenario.fund.internships.enabled = false
        scenario.fund.internships.minimumPlaces = PostingGroupMinimum(group: "domestic-sme", places: 5, ownership: [.domestic])
        let round = try MatchingRound(scenario: scenario, directory: nil, quotas: [])
        #expect(round.funding == nil)
        #expect(round.rules.minimum?.postings == ["SME-HN", "SME-DN"])
        let result = try round.run()
        #expect(result.outcome.minimumReport?.met == true)
    }
}
