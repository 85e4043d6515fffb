import CatalogAudit
import CatalogDiff
import CatalogLint
import CatalogModel
import Diagnostics
import YAMLTree

/// Every kind of finding gkml can report, from every stage, for `gkml rules` and SARIF rule metadata.
enum FindingCatalog {
    static let all: [FindingKind] =
        YAMLTreeFindings.all + SchemaFindings.all + ModelFindings.all + SkippedInput.kinds + ValidationFindings.all
        + LintRules.kinds
        + DiffFindings.all + AuditFindings.all
}
