import Foundation
import Testing
@testable import ScenarioSynthesis
import Workforce

@Suite("Generated fund policies")
struct FundPolicyTests {
    /// The fairness rules can hold together: the floors and skill minimums leave room, the
    /// institution cap can be met by the institutions that have programmes, and every region
    /// under a floor has somewhere to spend.
    @Test(arguments: [SyntheticScale.small, .province])
    func fairnessRulesAreJointlyFeasible(scale: SyntheticScale) throws {
        let directory = try temporaryDirectory("fund-\(scale.rawValue)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = ScenarioSynthesizer.generate(scale: scale, seed: 31)
        try generated.write(to: directory)
        let scenario = try ScenarioLoader.load(directory: directory).scenario
        let fairness = scenario.fund.fairness
        let floor = try #require(fairness.regionalFloor)
        let committed = floor.share * Double(floor.regions.count) + fairness.skillMinimumShare.values.reduce(0, +)
        #expect(committed <= 1)
        let cap = try #require(fairness.institutionShareCap)
        let fundable = Set(scenario.programs.map(\.institution)).count
        #expect(cap * Double(fundable) >= 1)
        let programRegions = Set(scenario.programs.map(\.region))
        let postingRegions = Set(scenario.postings.map(\.region))
        for region in floor.regions {
            #expect(programRegions.contains(region) && postingRegions.contains(region), "\(region) has a floor but nothing to fund")
        }
        #expect(scenario.enterprises.contains { $0.isDomesticSME })
        #expect(scenario.fund.budgetByYear.values.allSatisfy { $0 > 0 })
    }

    @Test func budgetScalesWithTheNumberOfProgrammes() throws {
        let small = try #require(ScenarioSynthesizer.generate(scale: .small, seed: 1).contents(of: "fund.yaml"))
        let province = try #require(ScenarioSynthesizer.generate(scale: .province, seed: 1).contents(of: "fund.yaml"))
        // 40 and 400 programmes against the bundled 250 at 300 billion VND a year.
        #expect(small.contains("2027: 48_000_000_000,"))
        #expect(province.contains("2027: 480_000_000_000,"))
    }
}
