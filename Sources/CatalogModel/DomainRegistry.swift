import YAMLTree

/// A disclosure domain (领域): one of the 26 pilot domains, or one a workspace declares.
public struct Domain: Sendable, Hashable, Codable {
    /// Two-digit code for pilot domains (the 编号 prefix); a workspace's own code for extra domains.
    public var code: String
    public var name: String
    /// ASCII name for files and URLs.
    public var slug: String
    /// True for the 26 pilot domains of the 2019 guides.
    public var pilot: Bool
    public var aliases: [String]
    /// Lead State Council department.
    public var department: String
    /// The guide's document number and title where known ("" otherwise).
    public var guide: String

    public init(
        code: String, name: String, slug: String, pilot: Bool, aliases: [String], department: String, guide: String
    ) {
        self.code = code
        self.name = name
        self.slug = slug
        self.pilot = pilot
        self.aliases = aliases
        self.department = department
        self.guide = guide
    }
}

/// How a 领域 value resolved.
public enum DomainResolution: Sendable, Hashable {
    case canonical(Domain)
    /// Written under another name places use; carries the canonical domain.
    case alias(String, Domain)
    case unknown
}

/// The registry of domains: the 26 pilot domains compiled into gkml, plus a workspace's extra domains.
public struct DomainRegistry: Sendable {
    public private(set) var domains: [Domain]
    private var byName: [String: Domain] = [:]

    public init(domains: [Domain]) {
        self.domains = domains
        for domain in domains {
            byName[domain.name] = domain
        }
        for domain in domains {
            for alias in domain.aliases where byName[alias] == nil {
                byName[alias] = domain
            }
        }
    }

    /// The 26 pilot domains, from the embedded `schemas/domains.yaml`.
    public static let pilot: DomainRegistry = {
        let text = EmbeddedResources.files["schemas/domains.yaml"] ?? ""
        return DomainRegistry(domains: parseRegistry(text))
    }()

    /// The pilot registry extended with a workspace's own domains.
    public func adding(_ extras: [ExtraDomain]) -> DomainRegistry {
        let added = extras.map { extra in
            Domain(
                code: extra.code ?? "", name: extra.name.value, slug: extra.slug ?? extra.name.value, pilot: false,
                aliases: extra.aliases, department: "", guide: ""
            )
        }
        return DomainRegistry(domains: domains + added)
    }

    public func resolve(_ name: String) -> DomainResolution {
        guard let domain = byName[name] else { return .unknown }
        return domain.name == name ? .canonical(domain) : .alias(name, domain)
    }

    public func domain(named name: String) -> Domain? { byName[name] }

    static func parseRegistry(_ text: String) -> [Domain] {
        let result = YAMLParser.parse(Array(text.utf8), file: "schemas/domains.yaml")
        guard let entries = result.document?.root.sequence else { return [] }
        return entries.compactMap { node in
            guard let code = node["code"]?.string, let name = node["name"]?.string, let slug = node["slug"]?.string
            else { return nil }
            return Domain(
                code: code, name: name, slug: slug, pilot: true,
                aliases: node["aliases"]?.sequence?.compactMap(\.string) ?? [],
                department: node["department"]?.string ?? "", guide: node["guide"]?.string ?? ""
            )
        }
    }
}
