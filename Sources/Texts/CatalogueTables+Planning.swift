// The stages of a plan run, as the CLI's progress lines and the portal's job page show them.
extension CatalogueTables {
    static let englishPlanning: [String: String] = [
        "planning.stage.load": "Loading and validating {scenario}",
        "planning.stage.forecast": "Forecasting demand, supply and the gap",
        "planning.stage.allocate-robust": "Allocating the fund robustly over every variant",
        "planning.stage.allocate-integer": "Allocating the fund (integer seats)",
        "planning.stage.allocate-relaxed": "Allocating the fund (LP relaxation)",
        "planning.stage.frontier": "Budget frontier",
        "planning.stage.match": "Matching students to internships",
        "planning.stage.workbooks": "Writing workbooks to {exports}",
    ]

    static let vietnamesePlanning: [String: String] = [
        "planning.stage.load": "Đọc và kiểm tra dữ liệu {scenario}",
        "planning.stage.forecast": "Dự báo nhu cầu, nguồn cung và chênh lệch cung – cầu",
        "planning.stage.allocate-robust": "Phân bổ quỹ bền vững cho mọi phương án",
        "planning.stage.allocate-integer": "Phân bổ quỹ (số suất nguyên)",
        "planning.stage.allocate-relaxed": "Phân bổ quỹ (nới lỏng tuyến tính)",
        "planning.stage.frontier": "Đường hiệu quả theo ngân sách",
        "planning.stage.match": "Xếp sinh viên vào vị trí thực tập",
        "planning.stage.workbooks": "Ghi các tệp Excel vào {exports}",
    ]
}
