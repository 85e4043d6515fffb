import CatalogModel
import Diagnostics

/// The six kinds of change of DESIGN §6, as the JSON report and the md record name them.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    case added = "新增"
    case removed = "删除"
    case modified = "修改"
    case moved = "移动"
    case renumbered = "重编号"
    case renamed = "重命名"

    /// The English word, for `--lang en`.
    public var english: String {
        switch self {
        case .added: "added"
        case .removed: "removed"
        case .modified: "modified"
        case .moved: "moved"
        case .renumbered: "renumbered"
        case .renamed: "renamed"
        }
    }

    public func label(_ language: Language) -> String { language == .zh ? rawValue : english }
}

/// An element's value on one side of a change.
public enum ChangeValue: Sendable, Hashable {
    case text(String)
    case list([String])

    /// The value as one line (list entries joined with 、).
    public var display: String {
        switch self {
        case .text(let s): s
        case .list(let items): items.isEmpty ? "（无）" : items.joined(separator: "、")
        }
    }

    public var isList: Bool { if case .list = self { true } else { false } }
}

/// Whether an element's value came from 默认 before and after a change.
public struct Inheritance: Sendable, Hashable {
    public var old: Bool
    public var new: Bool

    public init(old: Bool = false, new: Bool = false) {
        self.old = old
        self.new = new
    }

    /// The item changed only because 默认 changed.
    public var followsDefaults: Bool { old && new }
}

/// What a change changed, typed, so that reports switch over it instead of comparing YAML keys.
public enum ChangedField: Sendable, Hashable {
    /// A key of the catalog's header.
    case header(CatalogHeaderField)
    /// One element of 默认.
    case defaults(CatalogElement)
    /// A 一级事项: renamed as a whole, or the one an item moved to.
    case group
    /// An item's 编号.
    case id
    /// One element of an item.
    case element(CatalogElement)
    /// An entry of 未涉及事项.
    case notApplicable

    /// The YAML key, as the reports print it (`默认` for every element of 默认).
    public var key: String {
        switch self {
        case .header(let field): field.rawValue
        case .defaults: "默认"
        case .group: "一级事项"
        case .id: "编号"
        case .element(let element): element.rawValue
        case .notApplicable: "未涉及事项"
        }
    }

    /// A change of 默认.
    public var isDefaults: Bool { if case .defaults = self { true } else { false } }

    /// The item element changed, if this is one.
    public var element: CatalogElement? { if case .element(let element) = self { element } else { nil } }
}

/// Which catalog a change belongs to: catalogs match by (地区, 领域).
public struct CatalogKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var region: String
    public var domain: String

    public init(region: String, domain: String) {
        self.region = region
        self.domain = domain
    }

    public init(_ catalog: Catalog) {
        self.init(region: catalog.region.value, domain: catalog.domain.value)
    }

    /// `地区/领域`, the `catalog` member of the JSON report.
    public var description: String { "\(region)/\(domain)" }

    public static func < (lhs: CatalogKey, rhs: CatalogKey) -> Bool {
        (lhs.region, lhs.domain) < (rhs.region, rhs.domain)
    }
}

/// One change between two versions of a catalog: a `Finding` (code, severity, both locations, identity
/// path, message) plus the structured facts the reports print.
public struct Change: Sendable, Hashable {
    public var finding: Finding
    public var kind: ChangeKind
    public var catalog: CatalogKey
    /// 编号 of the item (the new one after a 重编号); nil for catalog-level changes.
    public var id: String?
    /// 编号 on the old side, when it differs.
    public var oldID: String?
    /// 名称 of the item (the new one when renamed), for display.
    public var itemName: String?
    /// 一级事项 of the item (the new one when moved), for display.
    public var group: String?
    /// What changed, for a 修改, 移动, 重编号 or 重命名 (nil for an added or removed item or catalog).
    public var field: ChangedField?
    public var old: ChangeValue?
    public var new: ChangeValue?
    /// For list elements: the entries added and removed.
    public var added: [String]
    public var removed: [String]
    /// Whether the value came from 默认 on each side: both sides inherited means the item changed because
    /// 默认 changed.
    public var inheritance: Inheritance
    /// Whether the new value came from 默认.
    public var inherited: Bool { inheritance.new }
    /// For a change of 默认, the items that inherit the element; for a renamed 一级事项, the items it holds.
    public var affectedItems: Int?
    /// The written reason found in the catalog: the 未涉及事项 说明 of a removed item, the
    /// 不主动公开理由 of an item turned 依申请.
    public var reason: String?
    /// The reviewer's reason when an `--accept` entry lets this change pass.
    public var acceptedReason: String?
    /// The 调整记录 approval (批准事项) that covers this regression, if any.
    public var approval: ChangeApproval?
    /// The workspace's 规则 turned this check off: the change is reported, but neither as a regression
    /// nor as an improvement.
    public var checkDisabled = false

    public init(
        _ finding: Finding, kind: ChangeKind, catalog: CatalogKey, id: String? = nil, oldID: String? = nil,
        itemName: String? = nil, group: String? = nil, field: ChangedField? = nil,
        old: ChangeValue? = nil, new: ChangeValue? = nil, added: [String] = [], removed: [String] = [],
        inheritance: Inheritance = Inheritance(), affectedItems: Int? = nil, reason: String? = nil
    ) {
        self.finding = finding
        self.kind = kind
        self.catalog = catalog
        self.id = id
        self.oldID = oldID
        self.itemName = itemName
        self.group = group
        self.field = field
        self.old = old
        self.new = new
        self.added = added
        self.removed = removed
        self.inheritance = inheritance
        self.affectedItems = affectedItems
        self.reason = reason
    }

    public var code: String { finding.code }
    public var severity: Severity { finding.severity }
    public var direction: Direction? { checkDisabled ? nil : RegressionTable.direction(of: finding.kind) }
    /// Lowers transparency (whether or not a reviewer accepted it).
    public var isRegression: Bool { direction == .regression }
    public var isImprovement: Bool { direction == .improvement }
    /// Approved in 调整记录 or accepted by an `--accept` entry: it no longer fails `--fail-on`.
    public var isAccepted: Bool { acceptedReason != nil || approval != nil }
    /// Whether the change is about the catalog as a whole rather than one item.
    public var isCatalogLevel: Bool { id == nil }

    public func message(_ language: Language) -> String { finding.message(language) }
}

/// The approval a regression was found under: who approved it, when, and why.
public struct ChangeApproval: Sendable, Hashable {
    /// 批准文号, or 批准人 when there is no document.
    public var authority: String
    public var date: String?
    public var reason: String

    public init(authority: String, date: String?, reason: String) {
        self.authority = authority
        self.date = date
        self.reason = reason
    }
}
