import Foundation
import Texts

/// The texts of the plan workbooks in the reader's language: every sheet name, header, label,
/// note and reason comes from the `Workbooks` area of the ``Catalogue`` (keys `workbooks.…`).
struct WorkbookTexts: Sendable {
    let catalogue: Catalogue

    init(_ language: Language) { catalogue = Catalogue(language) }

    var language: Language { catalogue.language }
    var numbers: NumberFormat { catalogue.numbers }

    /// The text of `workbooks.<key>`.
    subscript(_ key: String) -> String { catalogue["workbooks." + key] }

    /// The text of `workbooks.<key>` with its `{placeholders}` filled.
    func format(_ key: String, _ values: [String: String]) -> String {
        catalogue.format("workbooks." + key, values)
    }

    /// `Yes` / `Có`.
    func yesNo(_ value: Bool) -> String { catalogue[value ? "common.yes" : "common.no"] }

    /// A count or engineer figure rounded for a sentence: whole numbers from 10 up, one decimal below.
    func amount(_ value: Double) -> String {
        numbers.grouped(value, decimals: abs(value) >= 10 || value == value.rounded() ? 0 : 1)
    }

    /// VND in billions (`12.3 bn VND`, `12,3 tỷ đồng`), in millions below one billion.
    func money(_ vnd: Double) -> String {
        if abs(vnd) >= 1e9 { return numbers.billionsVND(vnd) }
        return numbers.grouped(vnd / 1e6, decimals: abs(vnd) >= 1e7 ? 0 : 1) + " " + catalogue["unit.million-vnd"]
    }

    /// A share as a percentage, rounded as a reader expects: `15 %` for a whole percentage,
    /// `2.2 %` and `0.35 %` for small shares, `45 %` from 10 % up, `99.6 %` just under a whole
    /// (never a rounded `100 %`).
    func percent(_ share: Double) -> String {
        let magnitude = abs(share)
        let decimals: Int
        if abs(magnitude * 100 - (magnitude * 100).rounded()) < 1e-9 {
            decimals = 0  // a whole percentage, as rules are set: "15 %", "1 %"
        } else if magnitude < 0.01 {
            decimals = 2
        } else if magnitude < 0.1 || (magnitude > 0.995 && magnitude < 1) {
            decimals = 1
        } else {
            decimals = 0
        }
        return numbers.percent(share, decimals: decimals)
    }

    /// The date of `date` (UTC) in the reader's format: `02/12/2026` or `2026-12-02`.
    func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return numbers.date(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The Excel number format of a date and time in the reader's order.
    var dateTimeFormat: String {
        language == .vi ? "dd/mm/yyyy hh:mm \"UTC\"" : "yyyy-mm-dd hh:mm \"UTC\""
    }
}

extension PlanWorkbookContext {
    /// The texts of the context's language.
    var texts: WorkbookTexts { WorkbookTexts(language) }
}
