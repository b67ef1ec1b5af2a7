import Foundation

/// Document properties from `docProps/core.xml` (and the company from `docProps/app.xml`).
public struct XLSXCoreProperties: Hashable, Sendable {
    /// Title.
    public var title: String?
    /// Subject.
    public var subject: String?
    /// Author.
    public var creator: String?
    /// Keywords.
    public var keywords: String?
    /// Comments.
    public var description: String?
    /// Category.
    public var category: String?
    /// Company (from `app.xml`).
    public var company: String?
    /// When the document was created.
    public var created: Date?
    /// When it was last modified.
    public var modified: Date?

    /// Empty properties.
    public init() {}
}

/// A defined name from `workbook.xml`, e.g. a print area or a named range.
public struct XLSXDefinedName: Hashable, Sendable {
    /// The name (`_xlnm._FilterDatabase` for filters, `_xlnm.Print_Area`…).
    public let name: String
    /// What it refers to, e.g. `'Plan'!$A$1:$D$10`.
    public let formula: String
    /// The 0-based index of the sheet it is local to, or `nil` for a workbook-wide name.
    public let localSheetIndex: Int?
    /// Whether it is hidden.
    public let isHidden: Bool
}
