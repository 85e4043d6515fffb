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
        .executableTarget(
            name: "gkml",
            dependencies: [
                "CatalogModel", "Diagnostics", "YAMLTree", "JSONSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "CatalogModelTests", dependencies: ["CatalogModel"]),
        .testTarget(name: "GKMLTests", dependencies: ["CatalogModel", "Diagnostics"]),
    ],
    swiftLanguageModes: [.v6]
)
