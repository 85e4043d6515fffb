import CatalogModel
import Diagnostics

/// Which pilot domains each jurisdiction of a workspace has no catalog for (issue 3 §5).
enum Coverage {
    struct Result {
        var findings: [Finding]
        /// One JSON object per jurisdiction for the JSON summary.
        var summary: [JSONOutput]
    }

    /// `present`: jurisdiction folder → canonical names of the domains that have a catalog there.
    static func check(_ workspace: Workspace, present: [String: Set<String>]) -> Result {
        var result = Result(findings: [], summary: [])
        let registry = DomainRegistry.pilot.adding(workspace.extraDomains)
        let pilot = DomainRegistry.pilot.domains.filter(\.pilot)
        for jurisdiction in workspace.jurisdictions {
            let have = present[jurisdiction.folder.value] ?? []
            let declared = Set(
                jurisdiction.domainsNotApplicable.keys.map { registry.domain(named: $0.value)?.name ?? $0.value })
            let missing = pilot.filter { !have.contains($0.name) && !declared.contains($0.name) }
            result.summary.append(
                .object([
                    ("jurisdiction", .string(jurisdiction.name.value)),
                    ("level", .string(jurisdiction.level.value.rawValue)),
                    ("catalogs", .int(have.count)),
                    ("pilotCovered", .int(pilot.filter { have.contains($0.name) }.count)),
                    ("notApplicable", .array(declared.sorted().map(JSONOutput.string))),
                    ("missing", .array(missing.map { .string($0.name) })),
                ]))
            guard case .severity(let severity) = workspace.coverage, !missing.isEmpty else { continue }
            result.findings.append(
                Finding(
                    ValidationFindings.missingDomain,
                    at: SourceLocation(file: workspace.file, position: jurisdiction.name.position),
                    path: "/辖区/名称=\(jurisdiction.name.value)",
                    arguments: [
                        "jurisdiction": jurisdiction.name.value, "count": String(missing.count),
                        "domains": missing.map(\.name).joined(separator: "、"), "first": missing[0].name,
                    ],
                    severity: severity))
        }
        return result
    }
}
