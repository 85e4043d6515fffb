import Diagnostics
import Foundation
import YAMLTree

/// What reading one catalog file produced: the tree, the typed catalog when the file is valid, and findings.
public struct LoadedCatalog: Sendable {
    public var file: String
    /// The YAML tree (nil when the file could not be parsed).
    public var tree: YAMLNode?
    /// The decoded catalog (nil when the schema found errors that keep it from being decoded).
    public var catalog: Catalog?
    public var findings: [Finding]

    public init(file: String, tree: YAMLNode?, catalog: Catalog?, findings: [Finding]) {
        self.file = file
        self.tree = tree
        self.catalog = catalog
        self.findings = findings
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// Reads catalogs: bytes → YAML tree → schema → typed catalog (DESIGN §4, the first three stages).
public enum CatalogLoader {
    /// Loads a catalog file from disk. I/O problems become findings, never throws.
    public static func load(path: String) -> LoadedCatalog {
        let read = YAMLParser.read(path)
        guard let bytes = read.bytes else {
            return LoadedCatalog(file: path, tree: nil, catalog: nil, findings: read.findings)
        }
        return load(bytes: bytes, file: path)
    }

    /// Loads a catalog from bytes already read (a file, or a git blob); `file` names it in findings.
    public static func load(bytes: [UInt8], file: String) -> LoadedCatalog {
        let parsed = YAMLParser.parse(bytes, file: file)
        guard let root = parsed.document?.root else {
            return LoadedCatalog(file: file, tree: nil, catalog: nil, findings: parsed.findings)
        }
        var findings = parsed.findings
        findings += SchemaCheck.catalog.check(root, file: file)
        let catalog = findings.contains(where: { $0.severity == .error }) ? nil : CatalogDecoder.decode(root, file: file)
        return LoadedCatalog(file: file, tree: root, catalog: catalog, findings: findings)
    }
}
