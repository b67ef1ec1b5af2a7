public import Workforce

/// The `regional_caps.csv` input file: one cap per row.
///
/// Columns `region,cap`, in any order, both required. `region` is one province code, or several
/// separated by `;` for a group of provinces capped together (`HN;BN`); a province may appear in
/// one row only. `cap` is a whole number, 0 or more: at most that many interns at the postings of
/// those provinces together.
public enum RegionalCapsCSV {
    /// The header row's column names.
    public static let columns = ["region", "cap"]

    /// Reads the caps.
    ///
    /// - Parameters:
    ///   - file: the path as the user gave it, for error locations.
    ///   - knownRegions: the provinces a code must name (a scenario's regions), or nil to accept
    ///     any well-formed code.
    /// - Throws: ``InputErrors``, every problem with file, line and column: unknown, missing or
    ///   repeated columns, wrong field counts, bad or unknown codes, a province in two rows, a cap
    ///   that is not a whole number ≥ 0.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, file: String, knownRegions: Set<Region.ID>? = nil) throws(InputErrors) -> RegionalCaps {
        let table = try CSVTable.parse(text, file: file)
        let (position, headerErrors) = CSVColumns.positions(of: columns, in: table, file: file)
        if !headerErrors.isEmpty { throw InputErrors(headerErrors) }
        var errors: [InputError] = []
        var caps: [RegionalCap] = []
        var lineOfRegion: [Region.ID: Int] = [:]
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                errors.append(InputError(SourceLocation(file: file, line: row.line, sheet: table.sheet),
                                         expected: "\(table.header.count) fields as in the header; found \(row.fields.count)"))
                continue
            }
            func field(_ name: String) -> (text: String, location: SourceLocation) {
                let index = position[name] ?? 0
                let field = row.fields[index]
                return (CSVColumns.trimmed(field.text), SourceLocation(file: file, line: field.line, column: index + 1, sheet: table.sheet))
            }
            let (regionText, regionLocation) = field("region")
            var regions: [Region.ID] = []
            var valid = true
            for code in regionText.split(separator: ";", omittingEmptySubsequences: false).map({ CSVColumns.trimmed(String($0)) }) {
                guard Region.ID.isValid(code) else {
                    errors.append(InputError(regionLocation, field: "region", value: regionText,
                                             expected: "province codes ([A-Za-z0-9._-]+) separated by ;"))
                    valid = false
                    break
                }
                let region = Region.ID(code)
                if let knownRegions, !knownRegions.contains(region) {
                    errors.append(InputError(regionLocation, field: "region", value: code, expected: "the code of a region of scenario.yaml"))
                    valid = false
                } else if let first = lineOfRegion[region] {
                    errors.append(InputError(regionLocation, field: "region", value: code,
                                             expected: "each province in one cap; this one is also on line \(first)"))
                    valid = false
                } else {
                    lineOfRegion[region] = row.line
                    regions.append(region)
                }
            }
            let (capText, capLocation) = field("cap")
            guard let cap = Int(capText), cap >= 0 else {
                errors.append(InputError(capLocation, field: "cap", value: capText, expected: "a whole number of interns, 0 or more"))
                continue
            }
            if valid { caps.append(RegionalCap(regions: regions, cap: cap)) }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        do {
            return try RegionalCaps(caps)
        } catch {
            // The checks above cover everything RegionalCaps checks.
            throw InputErrors(error.problems.map { InputError(SourceLocation(file: file, sheet: table.sheet), expected: "\($0)") })
        }
    }
}
