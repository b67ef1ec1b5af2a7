import Foundation

/// The workbook's document properties (File ▸ Properties in Excel; `docProps/core.xml`).
public struct DocumentProperties: Hashable, Sendable {
    /// Title.
    public var title: String?
    /// Subject.
    public var subject: String?
    /// Author (creator).
    public var author: String?
    /// Manager.
    public var manager: String?
    /// Company.
    public var company: String?
    /// Category.
    public var category: String?
    /// Keywords, comma separated.
    public var keywords: String?
    /// Comments (the description).
    public var comments: String?
    /// Status.
    public var status: String?
    /// Creation time (whole seconds; `nil`: the moment the workbook is written).
    public var created: Date?

    /// Properties; all empty by default.
    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
        company: String? = nil, category: String? = nil, keywords: String? = nil,
        comments: String? = nil, status: String? = nil, created: Date? = nil
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.status = status
        self.created = created
    }
}
