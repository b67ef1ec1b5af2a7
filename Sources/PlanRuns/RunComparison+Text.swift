import Texts

/// The input lines of a comparison, shared by the terminal and the workbook.
extension RunComparison {
    /// The changed inputs in words, one line each, from the `runs.compare.*` texts: the dataset,
    /// the fund policy, every other changed file and every changed option.
    public func inputLines(_ texts: Catalogue) -> [String] {
        let comparison = self
        var lines: [String] = []
        let short = { (hash: String?) in hash.map { String($0.prefix(12)) } ?? texts["runs.compare.absent"] }
        if comparison.datasetChanged {
            lines.append(texts.format("runs.compare.dataset-changed",
                                      ["before": short(comparison.beforeHash), "after": short(comparison.afterHash)]))
        } else {
            lines.append(texts.format("runs.compare.dataset-same", ["hash": short(comparison.beforeHash)]))
        }
        lines.append(texts[comparison.fundPolicyChanged ? "runs.compare.fund-changed" : "runs.compare.fund-same"])
        for file in comparison.files where file.path != "fund.yaml" {
            lines.append(texts.format("runs.compare.file-\(file.change.rawValue)", ["path": file.path]))
        }
        for parameter in comparison.parameters {
            lines.append(texts.format("runs.compare.parameter", [
                "name": parameter.name, "before": parameter.before ?? texts["runs.compare.absent"],
                "after": parameter.after ?? texts["runs.compare.absent"],
            ]))
        }
        if !comparison.datasetChanged && comparison.parameters.isEmpty {
            lines.append(texts["runs.compare.no-input-change"])
        }
        return lines
    }
}
