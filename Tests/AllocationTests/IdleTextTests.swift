import Testing

@testable import Allocation

@Suite("Idle programme texts")
struct IdleTextTests {
    @Test(
        "the effectiveness a programme would need reads as a percentage below 1.5×, never 1.0×",
        arguments: [(1.022, "2.2 % more engineers"), (1.35, "35.0 % more engineers"), (5.0, "5.0× as many engineers")])
    func moreEngineers(_ factor: Double, expected: String) {
        #expect(PlanExplainer.moreEngineers(factor) == expected)
    }
}
