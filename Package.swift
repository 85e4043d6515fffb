// swift-tools-version:6.0
import Foundation
import PackageDescription

// mimalloc is gkml's allocator on Linux where it is installed (Debian: libmimalloc-dev, which .ci/run, scripts/test
// and bench/run install): glibc's malloc and free took ≈ 8 % of a validate run's instructions (docs/benchmark.md,
// ninth round). Without it gkml builds and runs the same on the system allocator, so a fresh machine builds it as it
// is; `gkml --version` names the allocator. SwiftPM keeps what this file decided: after installing the package
// where gkml was built without it, `swift package purge-cache && swift package clean` makes the next build see it.
#if os(Linux)
    let useMimalloc = ["/usr/include/mimalloc.h", "/usr/local/include/mimalloc.h"].contains {
        FileManager.default.fileExists(atPath: $0)
    }
#else
    let useMimalloc = false
#endif

let package = Package(
    name: "gkml",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gkml", targets: ["gkml"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // libyaml, from the system (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // mimalloc, from the system (see useMimalloc above). Linked into the executable only; the libraries and
        // their tests keep the system allocator.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        // Writing output safely (atomic file writes) and escaping text for output formats (Markdown, HTML,
        // CSV, terminal colours): the one place for each, below every target that writes output.
        .target(name: "SafeOutput"),
        // libxml2, from the system (Debian: libxml2-dev), for its forgiving HTML parser.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // HTML bytes (UTF-8, GBK) → element tree with text, attributes and table grids; knows nothing of catalogs.
        .target(name: "HTMLDocument", dependencies: ["CLibXML2"]),
        // The finding model and reporters shared by every stage.
        .target(name: "Diagnostics", dependencies: ["SafeOutput"]),
        // YAML text → node tree with positions.
        .target(name: "YAMLTree", dependencies: ["CYAML", "Diagnostics", "SafeOutput"]),
        // Draft 2020-12 validator; knows nothing of YAML or catalogs.
        .target(name: "JSONSchema", dependencies: ["SafeOutput"]),
        // Typed catalog and workspace, schemas, registry.
        .target(
            name: "CatalogModel",
            dependencies: ["YAMLTree", "JSONSchema", "Diagnostics", "SafeOutput"]
        ),
        // Domain rules with codes, examples and autofixes; the validate pipeline.
        .target(name: "CatalogLint", dependencies: ["CatalogModel", "Diagnostics", "YAMLTree", "SafeOutput"]),
        // Semantic diff of catalogs and the transparency-regression gate.
        .target(name: "CatalogDiff", dependencies: ["CatalogModel", "Diagnostics", "YAMLTree", "SafeOutput"]),
        // Renderers: html, md, csv, xlsx, docx, json; the publish policy of build and render (validate first);
        // the adjustment record as DOCX.
        .target(
            name: "CatalogRender",
            dependencies: [
                "CatalogModel", "CatalogLint", "CatalogDiff", "Diagnostics", "SafeOutput",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The annual self-check (gkml stats): figures per jurisdiction and domain, text, json and xlsx.
        .target(name: "SelfCheck", dependencies: ["CatalogModel", "CatalogLint", "CatalogDiff", "CatalogRender", "Diagnostics"]),
        // gkml audit: fetching a government website (or a mirror of it), reading CMS list and article pages,
        // the working-day calendar, the checks against 公开栏目 and the audit reports.
        .target(
            name: "CatalogAudit",
            dependencies: [
                "CatalogModel", "CatalogLint", "CatalogRender", "Diagnostics", "YAMLTree", "HTMLDocument",
            ]
        ),
        // Import of published tables (xlsx, docx, html, csv) into catalogs.
        .target(
            name: "CatalogImport",
            dependencies: [
                "CatalogModel", "Diagnostics", "CatalogDiff", "CatalogLint", "CatalogRender", "YAMLTree", "HTMLDocument", "SafeOutput",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "gkml",
            dependencies: [
                "CatalogModel", "Diagnostics", "YAMLTree", "JSONSchema", "CatalogLint", "CatalogDiff", "CatalogRender",
                "SafeOutput", "SelfCheck", "CatalogAudit", "CatalogImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (useMimalloc ? ["CMimalloc"] : [])
        ),
        .testTarget(name: "SafeOutputTests", dependencies: ["SafeOutput"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        // The metaschema files are the source of EmbeddedMetaschemas.swift; only the test that compares them needs them.
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"], resources: [.copy("Metaschemas")]),
        .testTarget(name: "HTMLDocumentTests", dependencies: ["HTMLDocument"]),
        .testTarget(name: "CatalogAuditTests", dependencies: ["CatalogAudit", "CatalogModel", "HTMLDocument", "JSONSchema"]),
        .testTarget(name: "CatalogModelTests", dependencies: ["CatalogModel", "YAMLTree", "Diagnostics"]),
        .testTarget(name: "CatalogLintTests", dependencies: ["CatalogLint", "CatalogModel", "Diagnostics"]),
        .testTarget(name: "CatalogDiffTests", dependencies: ["CatalogDiff", "CatalogModel", "Diagnostics"]),
        .testTarget(name: "CatalogRenderTests", dependencies: ["CatalogRender", "CatalogLint", "CatalogDiff", "CatalogModel", "Diagnostics", "SafeOutput"]),
        .testTarget(
            name: "CatalogImportTests",
            dependencies: ["CatalogImport", "CatalogModel", "CatalogRender", "Diagnostics"]
        ),
        // End-to-end tests that run the built gkml executable.
        .testTarget(
            name: "GKMLTests",
            dependencies: ["CatalogModel", "Diagnostics", "YAMLTree", "CatalogLint", "CatalogDiff", "CatalogRender", "CatalogAudit", "CatalogImport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
