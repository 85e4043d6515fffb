import CatalogModel
import Diagnostics
import Foundation

/// What the rules know beyond the files being checked: the workspace (机构名录, 规则 settings), the domain
/// registry, the national (or the workspace's own) baseline, and — for a township — the county's catalogs of
/// the same domains, so that the upper level's proactive disclosure cannot be downgraded below it.
public struct LintContext: Sendable {
    /// The workspace the files belong to (nil for loose files: rules that need 机构名录 are then skipped).
    public var workspace: Workspace?
    public var registry: DomainRegistry {
        didSet { upperLevelByDomain = Self.indexByDomain(upperLevel, registry: registry) }
    }
    /// The baseline catalogs conformance is checked against.
    public var baselines: BaselineCatalogs
    /// The upper level's catalogs: for a township, its county's catalogs (any domains; matched by domain).
    public var upperLevel: [Catalog] {
        didSet { upperLevelByDomain = Self.indexByDomain(upperLevel, registry: registry) }
    }
    /// The index in `upperLevel` of the first catalog of each canonical domain name: looked up for every file, and
    /// resolving each catalog's 领域 through the registry per lookup hashed Chinese names over and over.
    private var upperLevelByDomain: [String: Int] = [:]
    /// Rule settings by code (from the workspace's 规则 unless set otherwise).
    public var rules: [String: RuleSetting]

    public init(
        workspace: Workspace? = nil, registry: DomainRegistry? = nil, baselines: BaselineCatalogs = .national,
        upperLevel: [Catalog] = [], rules: [String: RuleSetting]? = nil
    ) {
        self.workspace = workspace
        self.registry = registry ?? workspace.map { DomainRegistry.pilot.adding($0.extraDomains) } ?? .pilot
        self.baselines = baselines
        self.upperLevel = upperLevel
        self.rules = rules ?? workspace?.rules ?? [:]
        upperLevelByDomain = Self.indexByDomain(upperLevel, registry: self.registry)
    }

    /// The canonical domain a 领域 value names, if known.
    public func domain(named name: String) -> Domain? { registry.domain(named: name) }

    /// The upper level's catalog of a domain (for a township: the county's).
    public func upperCatalog(for domain: Domain?) -> Catalog? {
        guard let domain, let index = upperLevelByDomain[domain.name] else { return nil }
        return upperLevel[index]
    }

    private static func indexByDomain(_ catalogs: [Catalog], registry: DomainRegistry) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, catalog) in catalogs.enumerated() {
            guard let name = registry.domain(named: catalog.domain.value)?.name, index[name] == nil else { continue }
            index[name] = position
        }
        return index
    }
}

/// Baseline catalogs by canonical domain name.
public struct BaselineCatalogs: Sendable {
    public let catalogs: [String: Catalog]
    /// Every 公开主体 the baselines use: role names ("乡镇人民政府（街道办事处）") that a local catalog must replace.
    public let roleNames: Set<String>
    /// Each catalog's items and their 编号, by canonical domain name: made once, read for every local file.
    let items: [String: [CatalogItem]]
    let itemIDs: [String: Set<String>]
    /// Each catalog's 公开方式 by 编号 (the first item of a 编号 when one repeats), read for every local file.
    let modes: [String: [String: DisclosureMode]]

    public init(catalogs: [String: Catalog]) {
        self.catalogs = catalogs
        var names = Set<String>()
        var items: [String: [CatalogItem]] = [:]
        for (domain, catalog) in catalogs {
            items[domain] = catalog.items
            for item in items[domain] ?? [] { names.formUnion(item.bodies.value.map(\.value)) }
            if let bodies = catalog.defaults?.bodies { names.formUnion(bodies.value.map(\.value)) }
        }
        roleNames = names
        self.items = items
        itemIDs = items.mapValues { Set($0.map(\.id.value)) }
        modes = items.mapValues { Dictionary($0.map { ($0.id.value, $0.mode.value) }) { first, _ in first } }
    }

    /// Keys each catalog by the canonical name of its 领域.
    public init(_ list: [Catalog], registry: DomainRegistry = .pilot) {
        var catalogs: [String: Catalog] = [:]
        for catalog in list {
            catalogs[registry.domain(named: catalog.domain.value)?.name ?? catalog.domain.value] = catalog
        }
        self.init(catalogs: catalogs)
    }

    /// No baseline: conformance rules are skipped.
    public static let none = BaselineCatalogs(catalogs: [:])

    /// The national baseline compiled into gkml (catalogs/baseline/), decoded once.
    public static let national: BaselineCatalogs = {
        var catalogs: [String: Catalog] = [:]
        for domain in DomainRegistry.pilot.domains where domain.pilot {
            if let catalog = Baseline.catalog(for: domain) { catalogs[domain.name] = catalog }
        }
        return BaselineCatalogs(catalogs: catalogs)
    }()

    public func catalog(for domain: Domain?) -> Catalog? {
        guard let domain else { return nil }
        return catalogs[domain.name]
    }

    /// The items of a domain's baseline catalog (none without one).
    func items(for domain: Domain?) -> [CatalogItem] { domain.flatMap { items[$0.name] } ?? [] }

    /// The 编号 of a domain's baseline items.
    func itemIDs(for domain: Domain?) -> Set<String> { domain.flatMap { itemIDs[$0.name] } ?? [] }

    /// The 公开方式 of a domain's baseline items by 编号.
    func modes(for domain: Domain?) -> [String: DisclosureMode] { domain.flatMap { modes[$0.name] } ?? [:] }
}

/// What a rule sees while it checks one file: the context and every file of the jurisdiction.
public struct LintScope: Sendable {
    public var context: LintContext
    /// The files checked together (one jurisdiction's folder), including the one being checked.
    public var files: [LintFile]

    /// The first owners of 编号 and names by domain, built once per scope when a rule first asks.
    let ownerIndex = SameDomainOwners.Cache()

    public init(context: LintContext, files: [LintFile]) {
        self.context = context
        self.files = files
    }

    /// Which file (the first in path order) of `file`'s domain in this scope holds each 编号 and each
    /// 一级事项 + 名称 (`file` itself included).
    func sameDomainOwners(of file: LintFile) -> SameDomainOwners {
        guard let name = Self.domainName(file) else { return SameDomainOwners() }
        return ownerIndex.owners(domain: name) {
            var owners = SameDomainOwners()
            for other in files.sorted(by: { $0.path < $1.path }) where Self.domainName(other) == name {
                // Read in place (a `CatalogItem` copy retains each of its fields).
                let items = other.items
                for index in items.indices {
                    let id = items[index].id.value
                    if owners.ids[TextKey(id)] == nil { owners.ids[TextKey(id)] = other.path }
                    let key = ItemNameKey(items[index])
                    if owners.names[key] == nil { owners.names[key] = (other.path, id) }
                }
            }
            return owners
        }
    }

    static func domainName(_ file: LintFile) -> String? { file.domainName }

    /// The other files of the same domain as `file` (in this jurisdiction), in path order.
    public func sameDomain(as file: LintFile) -> [LintFile] {
        guard let name = Self.domainName(file) else { return [] }
        // The domain first: names are short and mostly differ; paths are long and always had to be read twice for
        // the NFC check (this was a third of the uniqueness rule).
        return files.filter { other in
            Self.domainName(other).map { TextKey.equal($0, name) } ?? false && !TextKey.equal(other.path, file.path)
        }
    }
}

extension BaselineCatalogs {
    /// The baseline a workspace conforms to: the catalogs in its 基准目录 folder (relative to the workspace
    /// root) when it names one, else the national baseline. Files that do not decode are skipped (validating
    /// that folder reports them).
    public static func forWorkspace(
        _ workspace: Workspace?, registry: DomainRegistry = .pilot,
        parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> BaselineCatalogs {
        guard let workspace, let folder = workspace.baselineFolder?.value else { return .national }
        let path = folder.hasPrefix("/") ? folder : (workspace.root as NSString).appendingPathComponent(folder)
        // Read on all cores: this happens before any group is checked, so it counts in full against the wall time.
        let files = FileEntry.readableFiles(in: path)
        let catalogs = parallelMap(files.count, parallelism: parallelism) {
            CatalogLoader.load(path: files[$0], registry: registry).catalog
        }
        return BaselineCatalogs(catalogs.compactMap { $0 }, registry: registry)
    }
}

/// The first owner of each 编号 and each 一级事项 + 名称 among one domain's files of a scope.
struct SameDomainOwners: Sendable {
    var ids: [TextKey: String] = [:]
    var names: [ItemNameKey: (path: String, id: String)] = [:]

    /// Built once per domain and shared by the files checked in parallel.
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var byDomain: [String: SameDomainOwners] = [:]

        func owners(domain: String, build: () -> SameDomainOwners) -> SameDomainOwners {
            lock.lock()
            defer { lock.unlock() }
            if let known = byDomain[domain] { return known }
            let built = build()
            byDomain[domain] = built
            return built
        }
    }
}

/// An item's 一级事项 and 名称 as a key: equal when both are the same text (canonically equivalent).
struct ItemNameKey: Hashable, Sendable {
    let group: TextKey
    let name: TextKey

    init(_ item: CatalogItem) {
        self.init(group: TextKey(item.group.value), name: TextKey(item.name.value))
    }

    init(group: TextKey, name: TextKey) {
        self.group = group
        self.name = name
    }
}
