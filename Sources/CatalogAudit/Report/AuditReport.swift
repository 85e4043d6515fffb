import Diagnostics
import Foundation

/// The codes of audit findings (a public contract: other tools and CI rely on them).
public enum AuditCode: String, Sendable, Hashable, CaseIterable, Codable {
    /// A 主动 item with 政府网站 among its channels and no 公开栏目.
    case noColumn = "audit-no-column"
    /// HTTP error, 404, timeout, robots.txt, or a page that is not a list.
    case unreachable = "audit-unreachable"
    /// A column with no entries and no notice that no information arose.
    case empty = "audit-empty"
    /// A periodic item whose newest entry is older than its period at the audit date.
    case stale = "audit-stale"
    /// A document published later than its 成文日期 plus the item's limit in working days.
    case late = "audit-late"

    public var severity: Severity {
        switch self {
        case .unreachable, .empty, .stale: .error
        case .noColumn, .late: .warning
        }
    }
}

/// What a column was found to be.
public enum ColumnStatus: String, Sendable, Hashable, Codable {
    case published
    case stale
    case empty
    /// No entries, with a notice that no information arose (经核查，本栏目暂无相关信息).
    case noInformation = "no-information"
    case unreachable
    /// Not looked at: the fetching budget ran out first.
    case unchecked
}

/// One audited column: its URL, the items (编号) that name it, what was found.
public struct AuditColumn: Sendable, Hashable {
    public var url: String
    public var items: [String]
    public var status: ColumnStatus
    public var entries: Int
    public var newest: CivilDate?
    /// The jurisdictions whose catalogs name the column.
    public var jurisdictions: [String]
}

/// The evidence of a finding: what an inspector needs to see it for themselves.
public struct AuditEvidence: Sendable, Hashable {
    public var newest: CivilDate?
    public var written: CivilDate?
    public var published: CivilDate?
    public var workingDays: Int?
    public var limit: String?
    public var reason: String?
    public var title: String?
    public var httpStatus: Int?
}

/// One finding of the audit.
public struct AuditFinding: Sendable, Hashable {
    public var code: AuditCode
    public var jurisdiction: String
    /// The catalog file, relative to the workspace.
    public var catalog: String
    public var id: String
    public var itemName: String
    public var domain: String
    /// The column, or for `audit-late` the document; nil for `audit-no-column`.
    public var url: String?
    public var evidence: AuditEvidence

    public var severity: Severity { code.severity }

    /// The finding in words, with its evidence, from its kind's template.
    public func message(_ language: Language) -> String {
        let e = evidence
        var arguments: [String: String] = [:]
        arguments["reason"] = e.reason ?? ""
        arguments["newest"] = e.newest?.description ?? "-"
        arguments["limit"] = e.limit ?? ""
        arguments["title"] = e.title ?? ""
        arguments["written"] = e.written?.description ?? "-"
        arguments["published"] = e.published?.description ?? "-"
        arguments["days"] = e.workingDays.map(String.init) ?? "-"
        return AuditFindings.kind(for: code).message.render(language, arguments)
    }
}

/// The counts an inspection reports per jurisdiction.
public struct AuditSummary: Sendable, Hashable {
    public var jurisdiction: String
    /// Column–item pairs checked, and those published (published or with a no-information notice).
    public var columnsChecked: Int
    public var columnsPublished: Int
    /// Documents whose dates could be compared, and those on time.
    public var documentsChecked: Int
    public var documentsOnTime: Int
    /// Items that should name a column and do not.
    public var itemsWithoutColumn: Int
    public var findings: Int

    /// Share of columns published, 0…1 (nil when none was checked).
    public var publishedRate: Double? { columnsChecked == 0 ? nil : Double(columnsPublished) / Double(columnsChecked) }
    /// Share of documents on time, 0…1.
    public var onTimeRate: Double? { documentsChecked == 0 ? nil : Double(documentsOnTime) / Double(documentsChecked) }
}

/// The whole audit: the columns, the findings and the per-jurisdiction summary.
public struct AuditReport: Sendable {
    public var asOf: CivilDate
    public var workspace: String
    public var columns: [AuditColumn]
    public var findings: [AuditFinding]
    public var summary: [AuditSummary]
    /// Requests the audit made (0 from a mirror).
    public var requests: Int
}
