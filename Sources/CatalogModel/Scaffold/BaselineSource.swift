import Foundation

/// Where `gkml init catalog` takes a domain's baseline from: the workspace's own 基准目录 folder when
/// gkml.yaml names one, else the national baseline compiled into gkml.
public enum BaselineSource {
    public enum Failure: Error, Sendable, Equatable {
        /// No baseline catalog for the domain (an extra domain, or a workspace baseline without it).
        case missing(domain: String, place: String)
        /// The baseline file has errors.
        case invalid(file: String)

        public var message: String {
            switch self {
            case .missing(let domain, let place): "\(place)中没有「\(domain)」领域的基准目录"
            case .invalid(let file): "基准目录 \(file) 未通过校验，请先运行 gkml validate \(file)"
            }
        }
    }

    /// The baseline catalog of `domain` and the path it came from.
    public static func catalog(
        for domain: Domain, workspace: Workspace?, registry: DomainRegistry = .pilot
    ) throws(Failure) -> (catalog: Catalog, source: String) {
        if let workspace, let folder = workspace.baselineFolder?.value {
            let path = (workspace.root as NSString).appendingPathComponent(folder)
            for file in FileEntry.readableFiles(in: path) {
                let loaded = CatalogLoader.load(path: file, registry: registry)
                guard let catalog = loaded.catalog else { continue }
                if registry.domain(named: catalog.domain.value)?.name == domain.name {
                    if loaded.hasErrors { throw .invalid(file: file) }
                    return (catalog, file)
                }
            }
            throw .missing(domain: domain.name, place: "工作区的基准目录 \(path) ")
        }
        guard domain.pilot, let catalog = Baseline.catalog(for: domain) else {
            throw .missing(domain: domain.name, place: "内置的国家基准目录")
        }
        let path = Baseline.pathsByCode[domain.code] ?? "catalogs/baseline"
        return (catalog, path)
    }
}
