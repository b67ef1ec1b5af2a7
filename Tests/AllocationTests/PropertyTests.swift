import Allocation
import Forecast
import Testing
import Workforce

/// Random small scenarios (seeded): every plan respects budgets, capacities and its fairness
/// rules, the integer plan is never better than the LP bound, and the LP frontier is monotone.
@Suite("Properties of random plans")
struct PropertyTests {
    static func randomScenario(seed: UInt64) -> ScenarioBuilder {
        var random = SplitMix64(seed: seed)
        var builder = ScenarioBuilder()
        builder.horizon = 5
        builder.discountRate = 0.03
        builder.carryOver = Bool.random(using: &random)
        builder.skills = [
            Skill(id: "MAT", name: "Materials", weight: 1, attritionRate: 0.05),
            Skill(id: "PM", name: "Production management", weight: 1.5, attritionRate: 0.08),
        ]
        builder.demand = [:]
        builder.stock = [:]
        builder.regions = []
        for region in ["HN", "HP", "DN"] as [Region.ID] {
            builder.addRegion(
                region, demand: ["MAT": Double.random(in: 800...1200, using: &random), "PM": Double.random(in: 300...600, using: &random)],
                stock: ["MAT": 900, "PM": 400])
        }
        let skills: [Skill.ID] = ["MAT", "PM"]
        let regions: [Region.ID] = ["HN", "HP", "DN"]
        for index in 0..<6 {
            builder.addProgram(
                "P\(index)", institution: "INST-\(index % 3)", skill: skills[index % 2], region: regions[index % 3],
                duration: Int.random(in: 0...3, using: &random), spare: Int.random(in: 0...40, using: &random),
                tuition: VND(Int.random(in: 5...40, using: &random)) * 1_000_000,
                completion: 0.8, entry: 0.7, onsite: index == 5)
        }
        for index in 0..<4 {
            builder.addPosting(
                "J\(index)", enterprise: "E\(index)", ownership: index % 2 == 0 ? .domestic : .fdi,
                size: index < 2 ? .small : .large, skill: skills[index % 2], region: regions[index % 3],
                slots: Int.random(in: 1...10, using: &random), months: Int.random(in: 2...6, using: &random),
                stipend: VND(Int.random(in: 2...5, using: &random)) * 1_000_000)
        }
        // Students who ranked postings of their skill: their number caps the funded interns.
        for index in 0..<Int.random(in: 0...8, using: &random) {
            let skill = skills[index % 2]
            let ranked = builder.postings.filter { $0.skill == skill }.map(\.id)
            builder.students.append(Student(
                id: Student.ID("S\(index)"), institution: "INST-0", skill: skill, year: Int.random(in: 3...4, using: &random),
                score: 50, homeRegion: "HN", preferences: ranked))
        }
        builder.budget = [
            2027: VND(Int.random(in: 0...400, using: &random)) * 1_000_000,
            2028: VND(Int.random(in: 0...400, using: &random)) * 1_000_000,
            2029: VND(Int.random(in: 0...400, using: &random)) * 1_000_000,
        ]
        builder.fairness = FairnessRules(
            institutionShareCap: 0.6, regionalFloor: .init(share: 0.05), domesticSMEInternshipShare: 0.3,
            skillMinimumShare: ["PM": 0.1])
        return builder
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func plansRespectTheirConstraints(seed: UInt64) throws {
        let builder = Self.randomScenario(seed: seed)
        let scenario = builder.scenario
        let forecast = try builder.forecast
        var conflicts: [PolicyConflict] = []
        do {
            _ = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: .init(relax: true))
        } catch {
            if case .infeasiblePolicy(let found) = error { conflicts = found } else { throw error }
        }
        guard conflicts.isEmpty else {
            // Random capacities can leave a floor region or skill without any instrument.
            #expect(!conflicts[0].rules.isEmpty)
            return
        }
        let lp = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: .init(relax: true))
        let integer = try AllocationPlanner.plan(scenario: scenario, forecast: forecast, options: .init(relativeGap: 1e-6))
        for plan in [lp, integer] {
            var budget = 0.0, spend = 0.0
            for year in plan.spendByYear {
                budget += year.budget
                spend += year.total
                if plan.carryOver {
                    #expect(spend <= budget + 1)
                } else {
                    #expect(year.total <= year.budget + 1)
                }
            }
            for award in plan.scholarships {
                let program = try #require(scenario.programs.first { $0.id == award.program })
                #expect(award.seats <= Double(program.spareCapacity) + 1e-9)
            }
            for award in plan.internships {
                let posting = try #require(scenario.postings.first { $0.id == award.posting })
                #expect(award.interns <= Double(posting.slots) + 1e-9)
            }
            // Funded interns per skill and year stay within the eligible students who ranked them.
            if !scenario.students.isEmpty {
                for skill in ["MAT", "PM"] as [Skill.ID] {
                    let eligible = scenario.students.filter { $0.skill == skill }.count
                    for year in Set(plan.internships.map(\.year)) {
                        let interns = plan.internships.filter { $0.skill == skill && $0.year == year }.reduce(0) { $0 + $1.interns }
                        #expect(interns <= Double(eligible) + 1e-6, "\(skill) \(year): \(interns) interns, \(eligible) students")
                    }
                }
            }
            #expect(plan.shortageAfter <= plan.shortageBefore + 1e-9)
            for outcome in plan.fairness where outcome.baseAmount > 0 {
                if outcome.bound == .atLeast {
                    #expect(outcome.achievedShare >= outcome.targetShare - 1e-6, "\(outcome.row)")
                } else {
                    #expect(outcome.achievedShare <= outcome.targetShare + 1e-6, "\(outcome.row)")
                }
            }
        }
        #expect(integer.objective >= lp.objective - 1e-6)
        if !integer.scholarships.isEmpty { #expect(integer.scholarships.allSatisfy { $0.seats == $0.seats.rounded() }) }
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func frontierIsMonotone(seed: UInt64) throws {
        var builder = Self.randomScenario(seed: seed)
        builder.fairness = FairnessRules()
        let points = try AllocationPlanner.frontier(
            scenario: builder.scenario, forecast: builder.forecast, multiples: [0, 0.5, 1, 2, 4], options: .init(relax: true))
        for (earlier, later) in zip(points, points.dropFirst()) {
            #expect(later.objective <= earlier.objective + 1e-7)
            #expect(later.spend >= 0)
        }
        #expect(points[0].spend == 0)
    }
}
