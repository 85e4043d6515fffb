import Diagnostics

/// A change that lowers transparency and may be approved in 调整记录 (批准事项 → 变更). One approval serves
/// both `gkml validate` and `gkml diff --fail-on`: the raw values are the schema's enum.
public enum ApprovedChangeKind: String, Sendable, Hashable, CaseIterable {
    case toOnRequest = "改为依申请"
    case itemRemoved = "删除事项"
    case audienceNarrowed = "缩小公开对象"
    case channelRemoved = "减少公开渠道"
    case timeLimitLonger = "延长公开时限"
    case levelRemoved = "减少公开层级"
    case basisRemoved = "删除公开依据"

    public var english: String {
        switch self {
        case .toOnRequest: "to on-request"
        case .itemRemoved: "item removed"
        case .audienceNarrowed: "audience narrowed"
        case .channelRemoved: "channel removed"
        case .timeLimitLonger: "longer time limit"
        case .levelRemoved: "level removed"
        case .basisRemoved: "legal basis removed"
        }
    }

    public func label(_ language: Language) -> String { language == .zh ? rawValue : english }
}

/// One approved change: the item, what was approved for it, and why.
public struct ApprovedChange: Sendable, Hashable {
    public var id: Located<String>
    public var kind: Located<ApprovedChangeKind>
    public var reason: Located<String>

    public init(id: Located<String>, kind: Located<ApprovedChangeKind>, reason: Located<String>) {
        self.id = id
        self.kind = kind
        self.reason = reason
    }
}

/// Who approved an adjustment and when (批准文号 or 批准人, 批准日期), and the changes approved.
public struct Approval: Sendable, Hashable {
    /// 批准文号, e.g. 柳政办〔2026〕12号.
    public var documentNumber: Located<String>?
    /// 批准人: the approving body or person, when there is no document.
    public var approver: Located<String>?
    /// 批准日期 (YYYY-MM-DD).
    public var date: Located<String>?
    public var changes: [ApprovedChange]

    public init(
        documentNumber: Located<String>?, approver: Located<String>?, date: Located<String>?, changes: [ApprovedChange]
    ) {
        self.documentNumber = documentNumber
        self.approver = approver
        self.date = date
        self.changes = changes
    }

    /// 文号 if there is one, else the approver: how reports name the approval.
    public var authority: String { documentNumber?.value ?? approver?.value ?? "" }
}

extension Catalog {
    /// The approvals of this catalog's 调整记录, newest entry last, with the entry each belongs to.
    public var approvals: [(adjustment: Adjustment, approval: Approval)] {
        adjustments.compactMap { a in a.approval.map { (a, $0) } }
    }

    /// The approval (and the approved change) that covers `kind` for item `id`, if any.
    public func approval(of kind: ApprovedChangeKind, for id: String) -> (approval: Approval, change: ApprovedChange)? {
        for (_, approval) in approvals.reversed() {
            if let change = approval.changes.first(where: { $0.id.value == id && $0.kind.value == kind }) {
                return (approval, change)
            }
        }
        return nil
    }
}
