import Diagnostics

/// The JSON contract of `gkml audit --format json` (schemas/audit-report.schema.json):
/// `{"format":"gkml-audit/1","asOf","columns":[{"url","items","status","entries","newest"}],
/// "findings":[{"code","severity","catalog","id","url","evidence"}],"summary":[…]}`.
public struct AuditJSONReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: AuditReport) -> String { output(report).serialized() + "\n" }

    public func output(_ report: AuditReport) -> JSONOutput {
        .object([
            ("format", .string("gkml-audit/1")),
            ("asOf", .string(report.asOf.description)),
            (
                "columns",
                .array(
                    report.columns.map { column in
                        .object([
                            ("url", .string(column.url)),
                            ("items", .array(column.items.map(JSONOutput.string))),
                            ("status", .string(column.status.rawValue)),
                            ("entries", .int(column.entries)),
                            ("newest", column.newest.map { .string($0.description) } ?? .null),
                        ])
                    })
            ),
            ("findings", .array(report.findings.map(finding))),
            (
                "summary",
                .array(
                    report.summary.map { s in
                        .object([
                            ("jurisdiction", .string(s.jurisdiction)),
                            ("columnsChecked", .int(s.columnsChecked)),
                            ("columnsPublished", .int(s.columnsPublished)),
                            ("publishedRate", s.publishedRate.map { .double(($0 * 1000).rounded() / 1000) } ?? .null),
                            ("documentsChecked", .int(s.documentsChecked)),
                            ("documentsOnTime", .int(s.documentsOnTime)),
                            ("onTimeRate", s.onTimeRate.map { .double(($0 * 1000).rounded() / 1000) } ?? .null),
                            ("itemsWithoutColumn", .int(s.itemsWithoutColumn)),
                            ("findings", .int(s.findings)),
                        ])
                    })
            ),
        ])
    }

    func finding(_ f: AuditFinding) -> JSONOutput {
        let e = f.evidence
        var evidence: [(String, JSONOutput)] = [("message", .string(f.message(language)))]
        if let v = e.newest { evidence.append(("newest", .string(v.description))) }
        if let v = e.title { evidence.append(("title", .string(v))) }
        if let v = e.written { evidence.append(("written", .string(v.description))) }
        if let v = e.published { evidence.append(("published", .string(v.description))) }
        if let v = e.workingDays { evidence.append(("workingDays", .int(v))) }
        if let v = e.limit { evidence.append(("limit", .string(v))) }
        if let v = e.reason { evidence.append(("reason", .string(v))) }
        if let v = e.httpStatus { evidence.append(("httpStatus", .int(v))) }
        return .object([
            ("code", .string(f.code.rawValue)),
            ("severity", .string(f.severity.rawValue)),
            ("catalog", .string(f.catalog)),
            ("id", .string(f.id)),
            ("url", f.url.map(JSONOutput.string) ?? .null),
            ("evidence", .object(evidence)),
            ("jurisdiction", .string(f.jurisdiction)),
            ("domain", .string(f.domain)),
            ("name", .string(f.itemName)),
        ])
    }
}
