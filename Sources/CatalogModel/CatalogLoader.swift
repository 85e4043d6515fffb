import Diagnostics
import YAMLTree

/// What reading one catalog file produced: the parsed document, the typed catalog when valid, and findings.
public struct LoadedCatalog: Sendable {
    public var file: String
    /// The parsed document (nil when the file could not be parsed): the tree, and the source bytes that
    /// ignore comments and `--fix` work on.
    public var document: YAMLDocument?
    /// The decoded catalog (nil when errors keep it from being decoded).
    public var catalog: Catalog?
    public var findings: [Finding]

    public init(file: String, document: YAMLDocument?, catalog: Catalog?, findings: [Finding]) {
        self.file = file
        self.document = document
        self.catalog = catalog
        self.findings = findings
    }

    /// The root of the YAML tree.
    public var tree: YAMLNode? { document?.root }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// Reads catalogs: bytes → YAML tree → schema → typed catalog → model checks (DESIGN §4, first stages).
public enum CatalogLoader {
    /// Loads a catalog file from disk. I/O problems become findings; it never throws.
    public static func load(path: String, registry: DomainRegistry = .pilot) -> LoadedCatalog {
        check(YAMLParser.parseFile(atPath: path), file: path, registry: registry)
    }

    /// Loads a catalog from bytes already read (a file, or a git blob); `file` names it in findings.
    public static func load(bytes: [UInt8], file: String, registry: DomainRegistry = .pilot) -> LoadedCatalog {
        check(YAMLParser.parse(bytes, file: file), file: file, registry: registry)
    }

    /// The stages after parsing, for callers that parsed the file themselves.
    public static func check(_ parsed: YAMLParseResult, file: String, registry: DomainRegistry) -> LoadedCatalog {
        guard let document = parsed.document else {
            return LoadedCatalog(
                file: file, document: nil, catalog: nil, findings: CertainFixes.review(parsed.findings))
        }
        var findings = parsed.findings
        findings += SchemaCheck.catalog.check(document)
        findings = CertainFixes.review(findings)
        var catalog: Catalog?
        // A channel name that is not one of the 13 (公示栏, 公众号) is the schema's error for editors, but it does not
        // keep the file from being read: the decoder reads its meaning and the lint rule channel-name reports it
        // (docs/channels.md). Any other error still stops decoding.
        let errors = findings.filter { $0.severity == .error }
        if errors.allSatisfy({ $0.code == SchemaFindings.channel.code }) {
            catalog = CatalogDecoder.decode(document.root, file: file)
            if let catalog {
                if !errors.isEmpty { findings.removeAll { $0.code == SchemaFindings.channel.code } }
                findings += ModelChecks.check(catalog, registry: registry)
            }
        }
        return LoadedCatalog(file: file, document: document, catalog: catalog, findings: findings)
    }
}
