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
    static func check(_ workspace: Workspace, present: [String: PresentDomains]) -> Result {
        var result = Result(findings: [], summary: [])
        let registry = DomainRegistry.pilot.adding(workspace.extraDomains)
        let pilot = DomainRegistry.pilot.domains.filter(\.pilot)
        for jurisdiction in workspace.jurisdictions {
            let have = present[jurisdiction.folder.value] ?? PresentDomains()
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

/// The canonical names of the domains a jurisdiction has catalogs for, kept small: one bit for each domain of the
/// pilot registry, and the names of any others (a workspace's own domains, unknown names). There is one per
/// jurisdiction, 2,000 at province scale, held to the end of the run; as a `Set<String>` each took ≈ 600 bytes.
struct PresentDomains: Sendable, Equatable {
    /// Bit `i` is the pilot registry's domain `i`.
    private var pilot: UInt64 = 0
    private var others: Set<String> = []

    /// The pilot registry's domains by name, with their bit (the registry has 26; any past 64 count as others).
    private static let bits: [String: UInt64] = {
        var bits: [String: UInt64] = [:]
        for (index, domain) in DomainRegistry.pilot.domains.enumerated() where index < 64 {
            bits[domain.name] = bits[domain.name] ?? 1 << UInt64(index)
        }
        return bits
    }()

    init() {}

    init(_ names: some Sequence<String>) {
        for name in names { insert(name) }
    }

    mutating func insert(_ name: String) {
        if let bit = Self.bits[name] { pilot |= bit } else { others.insert(name) }
    }

    func contains(_ name: String) -> Bool {
        if let bit = Self.bits[name] { return pilot & bit != 0 }
        return others.contains(name)
    }

    /// How many distinct names.
    var count: Int { pilot.nonzeroBitCount + others.count }

    func union(_ other: PresentDomains) -> PresentDomains {
        var union = self
        union.pilot |= other.pilot
        union.others.formUnion(other.others)
        return union
    }
}
