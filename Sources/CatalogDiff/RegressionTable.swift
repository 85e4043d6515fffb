import CatalogModel
import Diagnostics

/// Whether a change lowers or raises transparency.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// Lowers transparency (公开程度降低): a regression.
    case regression
    /// Raises transparency (公开程度提高).
    case improvement
}

/// One transparency check: an element, the change that lowers transparency and its mirror that raises it.
public struct RegressionCheck: Sendable, Hashable {
    /// The element the check looks at: 事项 or 目录 for a whole item or catalog, else the YAML key.
    public var element: String
    /// What the decrease is, in words (zh, en).
    public var decrease: LocalizedText
    public var regression: FindingKind
    public var improvement: FindingKind
    /// The 批准事项 变更 of 调整记录 that approves the regression (none for a whole catalog removed: a
    /// catalog that is gone cannot carry its approval).
    public var approval: ApprovedChangeKind?

    public func kind(_ direction: Direction) -> FindingKind {
        direction == .regression ? regression : improvement
    }
}

/// The transparency checks as one table (element × direction → code and level). Every regression has
/// its mirror improvement; `gkml rules` and docs/diff.md print this table.
public enum RegressionTable {
    public static let checks: [RegressionCheck] = [
        RegressionCheck(
            element: "事项", decrease: LocalizedText(zh: "删除事项且未列入未涉及事项", en: "item removed without a 未涉及事项 reason"),
            regression: DiffFindings.itemRemoved, improvement: DiffFindings.itemAdded, approval: .itemRemoved),
        RegressionCheck(
            element: "公开方式", decrease: LocalizedText(zh: "主动 → 依申请", en: "proactive → on request"),
            regression: DiffFindings.modeToOnRequest, improvement: DiffFindings.modeToProactive, approval: .toOnRequest),
        RegressionCheck(
            element: "公开对象", decrease: LocalizedText(zh: "全社会 → 特定群众", en: "everyone → specific groups"),
            regression: DiffFindings.audienceNarrowed, improvement: DiffFindings.audienceWidened,
            approval: .audienceNarrowed),
        RegressionCheck(
            element: "公开渠道", decrease: LocalizedText(zh: "减少渠道", en: "a channel removed"),
            regression: DiffFindings.channelRemoved, improvement: DiffFindings.channelAdded, approval: .channelRemoved),
        RegressionCheck(
            element: "公开时限", decrease: LocalizedText(zh: "时限延长", en: "a longer time limit"),
            regression: DiffFindings.timeLimitLonger, improvement: DiffFindings.timeLimitShorter,
            approval: .timeLimitLonger),
        RegressionCheck(
            element: "公开层级", decrease: LocalizedText(zh: "减少层级", en: "a level removed"),
            regression: DiffFindings.levelRemoved, improvement: DiffFindings.levelAdded, approval: .levelRemoved),
        RegressionCheck(
            element: "公开依据", decrease: LocalizedText(zh: "删除依据", en: "a legal basis removed"),
            regression: DiffFindings.basisRemoved, improvement: DiffFindings.basisAdded, approval: .basisRemoved),
        RegressionCheck(
            element: "目录", decrease: LocalizedText(zh: "删除整个目录", en: "a whole catalog removed"),
            regression: DiffFindings.catalogRemoved, improvement: DiffFindings.catalogAdded),
    ]

    static let directions: [String: Direction] = {
        var map: [String: Direction] = [:]
        for check in checks {
            map[check.regression.code] = .regression
            map[check.improvement.code] = .improvement
        }
        return map
    }()

    /// Whether a kind of change is a regression, an improvement, or neither.
    public static func direction(of kind: FindingKind) -> Direction? { directions[kind.code] }

    /// The check a kind belongs to.
    public static func check(for kind: FindingKind) -> RegressionCheck? {
        checks.first { $0.regression == kind || $0.improvement == kind }
    }
}
