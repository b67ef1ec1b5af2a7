import Foundation
import Matching
import ExcelExport
import Workforce

extension InternshipRound {
    /// The interns workbooks' view of a round.
    init(_ result: MatchingRoundResult) {
        self.init(problem: result.problem, matching: result.matching, funding: result.funding, explanations: result.explanations)
    }
}
