import Foundation
import Matching
import Testing
import Workforce

@Suite("Summary")
struct SummaryTests {
    @Test func countsAndJSONKeys() throws {
        // P (2 slots) gets a; Q (1 slot) nobody; R (1 slot) gets b as 2nd choice; c lists only an
        // ineligible posting.
        let problem = try MatchingProblem(
            postings: [posting("P", slots: 2), posting("Q"), posting("R"), posting("M", skill: "MOULD")],
            students: [student("a", ["P"]), student("b", ["M", "R"]), student("c", ["M"])], seed: 7)
        let matching = DeferredAcceptance.match(problem)
        let summary = MatchingSummary(matching, problem: problem)
        #expect(summary.matched == 2)
        #expect(summary.unmatched == 1)
        #expect(summary.rankDistribution == [.init(rank: 1, students: 1), .init(rank: 2, students: 1)])
        #expect(summary.freeSlots == 3)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(summary), as: UTF8.self)
        #expect(json == """
            {"dropped_preferences":2,"free_slots":3,"funded_places":0,"funded_support_vnd":0,"funding_applied":false,\
            "funding_budget_left_vnd":0,"funding_budget_vnd":0,"intern_groups":[],"matched":2,"mechanism":"deferred_acceptance",\
            "not_placed_above_result":{"held_for_minimum":0,"minimum_completion":0,"posting_preferred_others":0,"region_at_cap":0,"students":0},\
            "plan_interns":0,"plan_interns_not_taken":0,"postings":4,"postings_with_free_slots":3,\
            "rank_distribution":[{"rank":1,"students":1},{"rank":2,"students":1}],"regional_caps":[],"round":1,\
            "seed":7,"slots":5,"students":3,"unmatched":1,"uses_rankings":false}
            """)
        #expect(try JSONDecoder().decode(MatchingSummary.self, from: Data(json.utf8)) == summary)
    }

    @Test func terminalReport() throws {
        let problem = try MatchingProblem(
            postings: [posting("P", slots: 2), posting("R")],
            students: [student("a", ["P"]), student("b", ["R"]), student("c", ["P", "R"], score: 1), student("d", ["R"], score: 2)])
        let report = MatchingSummary(DeferredAcceptance.match(problem), problem: problem).terminalReport()
        #expect(report == """
            Internship matching (student-proposing deferred acceptance)
              students            4
              matched             3 (75.0 %)
              unmatched           1
              postings ranked by  score, ties by lottery (seed 20260)
              choice received
                1st choice        3 (100.0 %)
              postings            2 with 3 slots
              with free slots     0 postings, 0 slots free
              dropped preferences 0 (ineligible, unknown, repeated or unranked)
              not placed higher   1 students, at postings ranked above their result: 1 because the posting preferred others

            """)
    }
}
