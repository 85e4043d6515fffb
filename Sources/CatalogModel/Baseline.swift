import Diagnostics

/// The national baseline (catalogs/baseline/): one catalog per pilot domain, compiled into gkml.
public enum Baseline {
    /// Embedded path of each baseline file, keyed by domain code ("17" → "catalogs/baseline/17-employment.yaml").
    static let pathsByCode: [String: String] = {
        var paths: [String: String] = [:]
        for path in EmbeddedResources.files.keys where path.hasPrefix("catalogs/baseline/") {
            let name = path.dropFirst("catalogs/baseline/".count)
            paths[String(name.prefix(2))] = path
        }
        return paths
    }()

    /// The embedded baseline text of a pilot domain.
    public static func text(for domain: Domain) -> String? {
        pathsByCode[domain.code].flatMap { EmbeddedResources.files[$0] }
    }

    /// The decoded baseline catalog of a pilot domain (nil for extra domains or if it does not validate).
    public static func catalog(for domain: Domain) -> Catalog? {
        guard let path = pathsByCode[domain.code], let text = EmbeddedResources.files[path] else { return nil }
        return CatalogLoader.load(bytes: Array(text.utf8), file: path).catalog
    }
}
