// Texts around input errors on the terminal (`validate`, `import`, `plan`, …): counts, what was
// left out, suggestions.
extension CatalogueTables {
    static let englishInputs: [String: String] = [
        "inputs.errors.one": "1 input error:",
        "inputs.errors.many": "{count} input errors:",
        "inputs.errors.more": "… and {count} more in {file} ({fields}); --all-errors lists every one",
        "inputs.errors.field": "{field}: {count}",
        "inputs.errors.no-field": "other: {count}",
        "inputs.hint.scenario": "no scenario directory at {path}; pass --scenario DIR (a folder with scenario.yaml, e.g. Scenarios/vietnam-2026-2035 of the SkillPlan repository)",
    ]

    static let vietnameseInputs: [String: String] = [
        "inputs.errors.one": "1 lỗi dữ liệu đầu vào:",
        "inputs.errors.many": "{count} lỗi dữ liệu đầu vào:",
        "inputs.errors.more": "… và {count} lỗi khác trong {file} ({fields}); --all-errors liệt kê tất cả",
        "inputs.errors.field": "{field}: {count}",
        "inputs.errors.no-field": "khác: {count}",
        "inputs.hint.scenario": "không có thư mục kịch bản tại {path}; hãy dùng --scenario DIR (thư mục có scenario.yaml, ví dụ Scenarios/vietnam-2026-2035 của kho mã SkillPlan)",
    ]
}
