import Diagnostics

/// The JSON contract of `gkml diff --format json` (schemas/diff-report.schema.json):
/// `{"format":"gkml-diff/1","old","new","changes":[{"code","kind","catalog","id","field","old","new",
/// "regression","severity","old_line","new_line",…}],"notices":[…],"summary":{…}}`.
public struct DiffJSONReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: DiffReport) -> String {
        output(report).serialized() + "\n"
    }

    public func output(_ report: DiffReport) -> JSONOutput {
        .object([
            ("format", .string("gkml-diff/1")),
            ("old", .string(report.oldLabel)),
            ("new", .string(report.newLabel)),
            ("changes", .array(report.changes.map(change))),
            ("notices", .array(report.notices.map(notice))),
            ("summary", summary(report.summary)),
        ])
    }

    static func value(_ v: ChangeValue?) -> JSONOutput {
        switch v {
        case nil: .null
        case .text(let s)?: .string(s)
        case .list(let items)?: .array(items.map(JSONOutput.string))
        }
    }

    /// One change as the JSON report writes it.
    public func change(_ c: Change) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("code", .string(c.code)),
            ("kind", .string(c.kind.rawValue)),
            ("catalog", .string(c.catalog.description)),
            ("id", .optional(c.id)),
            ("field", .optional(c.field?.key)),
            ("old", Self.value(c.old)),
            ("new", Self.value(c.new)),
            ("regression", .bool(c.isRegression)),
            ("severity", .string(c.severity.rawValue)),
            ("old_line", .optional(c.finding.oldLocation?.position?.line)),
            ("new_line", .optional(c.finding.location.position?.line)),
            ("improvement", .bool(c.isImprovement)),
            ("accepted", .bool(c.isAccepted)),
            ("message", .string(c.message(language))),
            ("file", .string(c.finding.location.file)),
            ("old_file", .optional(c.finding.oldLocation?.file)),
            ("path", .string(c.finding.path)),
            ("old_id", .optional(c.oldID)),
            ("name", .optional(c.itemName)),
            ("group", .optional(c.group)),
        ]
        if c.old?.isList == true || c.new?.isList == true {
            members.append(("added", .array(c.added.map(JSONOutput.string))))
            members.append(("removed", .array(c.removed.map(JSONOutput.string))))
        }
        members.append(("inherited", .bool(c.inheritance.new)))
        members.append(("old_inherited", .bool(c.inheritance.old)))
        if let reason = c.reason { members.append(("reason", .string(reason))) }
        if let accepted = c.acceptedReason { members.append(("accepted_reason", .string(accepted))) }
        if let approval = c.approval {
            members.append(
                (
                    "approval",
                    .object([
                        ("authority", .string(approval.authority)), ("date", .optional(approval.date)),
                        ("reason", .string(approval.reason)),
                    ])
                ))
        }
        return .object(members)
    }

    func notice(_ f: Finding) -> JSONOutput {
        .object([
            ("code", .string(f.code)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message(language))),
            ("file", .string(f.location.file)),
            ("line", .optional(f.location.position?.line)),
            ("path", .string(f.path)),
        ])
    }

    func summary(_ s: DiffSummary) -> JSONOutput {
        .object([
            ("changes", .int(s.changes)),
            ("added", .int(s.added)),
            ("removed", .int(s.removed)),
            ("modified", .int(s.modified)),
            ("moved", .int(s.moved)),
            ("renumbered", .int(s.renumbered)),
            ("renamed", .int(s.renamed)),
            ("catalog_level", .int(s.catalogLevel)),
            ("catalogs_changed", .int(s.catalogsChanged)),
            ("catalogs_added", .int(s.catalogsAdded)),
            ("catalogs_removed", .int(s.catalogsRemoved)),
            ("regressions", .int(s.regressions)),
            ("improvements", .int(s.improvements)),
            ("accepted", .int(s.accepted)),
        ])
    }
}
