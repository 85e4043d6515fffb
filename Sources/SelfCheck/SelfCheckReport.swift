import CatalogModel

/// The annual self-check of a workspace (`gkml stats`): per jurisdiction and domain, the items and their
/// disclosure modes, the 依申请 items with their reasons (for the review of which should become 主动), the
/// adjustments made in the year, coverage of the 26 pilot domains, and the approval state.
public struct SelfCheckReport: Sendable {
    /// The year of the adjustments counted; nil when the workspace is not in a git repository's history.
    public var year: Int
    public var title: String
    public var jurisdictions: [JurisdictionFigures]
    /// Whether the adjustments come from git history (false: only 调整记录 dates were available).
    public var fromHistory: Bool
    /// The commits compared for the adjustments: the last one before the year and the last one in it.
    public var baseCommit: String?
    public var endCommit: String?
}

/// One jurisdiction's figures.
public struct JurisdictionFigures: Sendable {
    public var name: String
    public var level: Level
    public var catalogs: [DomainFigures]
    /// Pilot domains with a catalog, declared 未涉及 (with reasons), and missing.
    public var pilotCovered: [String]
    public var pilotNotApplicable: [String: String]
    public var pilotMissing: [String]

    public var items: Int { catalogs.reduce(0) { $0 + $1.items } }
    public var proactive: Int { catalogs.reduce(0) { $0 + $1.proactive } }
    public var onRequest: Int { catalogs.reduce(0) { $0 + $1.onRequest.count } }
}

/// One catalog's figures.
public struct DomainFigures: Sendable {
    public struct OnRequestItem: Sendable, Hashable {
        public var id: String
        public var name: String
        public var reason: String
    }

    public var domain: String
    public var version: String
    public var items: Int
    public var proactive: Int
    public var onRequest: [OnRequestItem]
    public var adjustments: AdjustmentCounts
    /// 已审批（文号，日期） / 未审批 / 审批后有改动.
    public var approval: ApprovalState
}

/// The adjustments of one catalog in the year.
public struct AdjustmentCounts: Sendable, Hashable {
    public var added = 0
    public var removed = 0
    public var changed = 0
    /// 主动 → 依申请.
    public var downgraded = 0
    /// 依申请 → 主动.
    public var upgraded = 0
    /// 文号 of the year's approvals (批准文号 of 调整记录 entries dated in the year, and gkml approve entries).
    public var documents: [String] = []
    /// 调整记录 entries dated in the year.
    public var records = 0

    public var isEmpty: Bool { added + removed + changed + downgraded + upgraded + records == 0 && documents.isEmpty }
}
