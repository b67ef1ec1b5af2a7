// Texts of the internship matching: the fund's figures of a round, the minimum's report.
extension CatalogueTables {
    static let englishMatching: [String: String] = [
        "matching.plan-interns": "funded interns in the plan {year}: {interns}, {amount} VND",
        "matching.fund-backed-places": "fund-backed places in this round: {places}, {amount} VND paid",
        "matching.plan-interns-not-taken": "plan interns not taken: {count} (too few students matched at those postings: {groups})",
        "matching.domestic-sme": "domestic SME",
        "matching.minimum-met": "minimum places for {group}: {placed} of at least {required} met",
        "matching.minimum-met-by-cap": "minimum places for {group}: {placed} of at least {required} met; places outside the group capped at {cap}",
        "matching.minimum-met-by-completion": "minimum places for {group}: {placed} of at least {required} met; {moved} students placed in the group by minimum completion, ahead of applicants the postings rank higher",
        "matching.minimum-infeasible": "minimum places for {group} cannot be met: {required} asked, but at most {attainable} of the eligible applicants who ranked those postings can be placed there at once (within their slots); matched without the minimum ({placed} placed there)",
    ]

    static let vietnameseMatching: [String: String] = [
        "matching.plan-interns": "thực tập sinh được quỹ hỗ trợ trong kế hoạch năm {year}: {interns}, {amount} đồng",
        "matching.fund-backed-places": "suất thực tập được quỹ hỗ trợ trong đợt xếp này: {places}, đã chi {amount} đồng",
        "matching.plan-interns-not-taken": "suất trong kế hoạch chưa có người nhận: {count} (quá ít sinh viên được xếp vào các vị trí thực tập này: {groups})",
        "matching.domestic-sme": "doanh nghiệp nhỏ và vừa trong nước",
        "matching.minimum-met": "số suất tối thiểu cho {group}: đã xếp {placed}, yêu cầu ít nhất {required}: đạt",
        "matching.minimum-met-by-cap": "số suất tối thiểu cho {group}: đã xếp {placed}, yêu cầu ít nhất {required}: đạt; số suất ngoài nhóm được giới hạn ở {cap}",
        "matching.minimum-met-by-completion": "số suất tối thiểu cho {group}: đã xếp {placed}, yêu cầu ít nhất {required}: đạt; {moved} sinh viên được xếp vào nhóm để bảo đảm số suất tối thiểu, trước những người nộp đơn mà vị trí thực tập xếp hạng cao hơn",
        "matching.minimum-infeasible": "không thể đạt số suất tối thiểu cho {group}: yêu cầu {required}, nhưng trong các sinh viên đủ điều kiện đã chọn các vị trí thực tập này, nhiều nhất {attainable} người có thể được xếp vào cùng lúc (trong số chỉ tiêu); đã xếp không áp dụng mức tối thiểu ({placed} người được xếp vào nhóm)",
    ]
}
