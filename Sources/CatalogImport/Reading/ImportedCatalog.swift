import CatalogModel
import Diagnostics

/// One row of a catalog table as read: every value the source gives, and nothing it does not (nil = not said).
public struct ImportedItem: Sendable, Hashable {
    /// 编号: from a 编号 column or the baseline match; nil until identity is settled.
    public var id: String?
    public var group: String
    public var name: String
    public var content: String
    public var basis: [String]?
    public var timeLimit: String?
    public var bodies: [String]?
    public var channels: [Channel]?
    public var audience: Audience?
    public var mode: DisclosureMode?
    public var levels: [Level]?
    public var reasonNotProactive: String?
    public var remark: String?
    /// Where the row is in the source.
    public var place: LocalizedText

    public init(group: String, name: String, content: String, place: LocalizedText) {
        self.group = group
        self.name = name
        self.content = content
        self.place = place
    }
}

/// One catalog table read from a document, with the facts found around it.
public struct ImportedCatalog: Sendable {
    public var source: SourceTable
    public var header: TableHeader
    /// The title line ("…领域基层政务公开标准目录") when there is one.
    public var title: String?
    public var domain: String?
    public var region: String?
    public var level: Level?
    public var publisher: String?
    public var version: String?
    public var effectiveDate: String?
    /// Level labels as the table prints them.
    public var levelLabels: [Level: String]
    public var items: [ImportedItem]

    /// The items in blocks of consecutive rows with the same 一级事项 (a repeated label further down starts a new block).
    public var groups: [(name: String, items: [ImportedItem])] {
        var groups: [(name: String, items: [ImportedItem])] = []
        for item in items {
            if let last = groups.last, last.name == item.group {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((item.group, [item]))
            }
        }
        return groups
    }
}
