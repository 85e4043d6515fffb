// swift-tools-version:6.0
import PackageDescription

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
        // The finding model and reporters shared by every stage.
        .target(name: "Diagnostics"),
        // YAML text → node tree with positions.
        .target(name: "YAMLTree", dependencies: ["CYAML", "Diagnostics"]),
        // Draft 2020-12 validator; knows nothing of YAML or catalogs.
        .target(name: "JSONSchema", resources: [.copy("Metaschemas")]),
        // Typed catalog and workspace, schemas, registry.
        .target(
            name: "CatalogModel",
            dependencies: ["YAMLTree", "JSONSchema", "Diagnostics"]
        ),
        // Domain rules with codes, examples and autofixes; the validate pipeline.
        .target(name: "CatalogLint", dependencies: ["CatalogModel", "Diagnostics", "YAMLTree"]),
        // Semantic diff of catalogs and the transparency-regression gate.
        .target(name: "CatalogDiff", dependencies: ["CatalogModel", "Diagnostics", "YAMLTree"]),
        // Renderers: html, md, csv, xlsx, docx, json; the publish policy of build and render (validate first).
        .target(
            name: "CatalogRender",
            dependencies: [
                "CatalogModel", "CatalogLint", "Diagnostics",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "gkml",
            dependencies: [
                "CatalogModel", "Diagnostics", "YAMLTree", "JSONSchema", "CatalogLint", "CatalogDiff", "CatalogRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "CatalogModelTests", dependencies: ["CatalogModel", "YAMLTree", "Diagnostics"]),
        .testTarget(name: "CatalogLintTests", dependencies: ["CatalogLint", "CatalogModel", "Diagnostics"]),
        .testTarget(name: "CatalogDiffTests", dependencies: ["CatalogDiff", "CatalogModel", "Diagnostics"]),
        .testTarget(name: "CatalogRenderTests", dependencies: ["CatalogRender", "CatalogLint", "CatalogModel", "Diagnostics"]),
        // End-to-end tests that run the built gkml executable.
        .testTarget(
            name: "GKMLTests",
            dependencies: ["CatalogModel", "Diagnostics", "YAMLTree", "CatalogLint", "CatalogDiff", "CatalogRender"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
