import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// The catalogs shipped in the repository pass the lint rules without errors.
struct CatalogsTests {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func yamlFiles(_ folder: String) -> [String] {
        let path = root.appendingPathComponent(folder).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { path + "/" + $0 }
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map {
            "\(($0.location.file as NSString).lastPathComponent):\($0.location.position.map(String.init(describing:)) ?? "") \($0.code) \($0.message(.zh))"
        }
        .joined(separator: "\n")
    }

    @Test func nationalBaselineHasNoLintErrors() {
        let files = Self.yamlFiles("catalogs/baseline")
        #expect(!files.isEmpty)
        let loaded = files.map { CatalogLoader.load(path: $0) }
        let results = LintEngine.lint(loaded, context: LintContext())
        let errors = results.values.flatMap(\.findings).filter { $0.severity == .error }
        #expect(errors.count == 0, "\(Self.describe(errors))")
    }

    @Test func exampleWorkspaceHasNoLintErrors() throws {
        let loadedWorkspace = WorkspaceLoader.load(
            path: Self.root.appendingPathComponent("catalogs/example/gkml.yaml").path)
        let workspace = try #require(loadedWorkspace.workspace)
        var countyCatalogs: [Catalog] = []
        var errors: [Finding] = []
        #expect(!workspace.jurisdictions.isEmpty)
        // The county first: its catalogs are the upper level of the townships'.
        for jurisdiction in workspace.jurisdictions.sorted(by: { $0.level.value < $1.level.value }) {
            let files = Self.yamlFiles("catalogs/example/" + jurisdiction.folder.value)
            #expect(!files.isEmpty, "no catalogs in catalogs/example/\(jurisdiction.folder.value)")
            let loaded = files.map { CatalogLoader.load(path: $0, registry: loadedWorkspace.registry) }
            let context = LintContext(
                workspace: workspace, upperLevel: jurisdiction.level.value == .township ? countyCatalogs : [])
            if jurisdiction.level.value == .county { countyCatalogs = loaded.compactMap(\.catalog) }
            errors += LintEngine.lint(loaded, context: context).values.flatMap(\.findings).filter {
                $0.severity == .error
            }
        }
        #expect(errors.count == 0, "\(Self.describe(errors))")
    }

    @Test func docsListEveryLintCode() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for kind in LintRules.kinds {
            #expect(text.contains("`\(kind.code)`"), "docs/rules.md does not mention \(kind.code)")
        }
    }
}
