import CatalogDiff
import CatalogModel
import Diagnostics
import Foundation
import Testing

@Suite struct FixtureTests {
    @Test(arguments: Fixtures.pairs)
    func fixturePair(_ name: String) throws {
        let comparison = try Fixtures.compare(name)
        let expected = try Fixtures.expected(name)
        var actual = comparison.changes.map(Fixtures.line)
        if expected.contains(where: { $0.hasPrefix("notice ") }) {
            actual += comparison.notices.map { "notice \($0.code)" }
        }
        #expect(actual.sorted() == expected.sorted(), "\(name)")
    }

    @Test func foldersMatchCatalogsByRegionAndDomain() throws {
        let git = Git(directory: Fixtures.diff)
        let loaded = try DiffInput.load(
            old: .path("\(Fixtures.diff)/folders/old"), new: .path("\(Fixtures.diff)/folders/new"), git: git)
        #expect(loaded.findings.isEmpty)
        #expect(loaded.unchanged == 1)
        let report = DiffReport.compare(old: loaded.old, new: loaded.new, oldLabel: "old", newLabel: "new")
        let actual = report.changes.map(Fixtures.line)
        #expect(actual.sorted() == (try Fixtures.expected("folders")).sorted())
        let removed = try #require(report.changes.first { $0.code == "catalog-removed" })
        #expect(removed.catalog == CatalogKey(region: "示例县星海镇", domain: "社会救助"))
        let added = try #require(report.changes.first { $0.code == "catalog-added" })
        #expect(added.catalog == CatalogKey(region: "示例县长胜乡", domain: "社会救助"))
    }

    /// With every other file unchanged, one catalog removed and an unrelated one added are not paired.
    @Test func aRemovedAndAnAddedCatalogInFoldersStayApart() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-diff-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        for side in ["old", "new"] {
            try manager.createDirectory(atPath: "\(root)/\(side)/长胜乡", withIntermediateDirectories: true)
            try manager.copyItem(
                atPath: "\(Fixtures.diff)/folders/old/长胜乡/employment.yaml",
                toPath: "\(root)/\(side)/长胜乡/employment.yaml")
        }
        try manager.createDirectory(atPath: "\(root)/old/星海镇", withIntermediateDirectories: true)
        try manager.copyItem(
            atPath: "\(Fixtures.diff)/folders/old/星海镇/social-assistance.yaml",
            toPath: "\(root)/old/星海镇/social-assistance.yaml")
        try manager.copyItem(
            atPath: "\(Fixtures.diff)/folders/new/长胜乡/social-assistance.yaml",
            toPath: "\(root)/new/长胜乡/social-assistance.yaml")
        let loaded = try DiffInput.load(old: .path("\(root)/old"), new: .path("\(root)/new"), git: Git(directory: root))
        #expect(loaded.old.count == 1 && loaded.new.count == 1 && !loaded.singleFiles)
        let report = DiffReport.compare(loaded, oldLabel: "old", newLabel: "new")
        #expect(report.changes.map(\.code).sorted() == ["catalog-added", "catalog-removed"])
        // Two files named on the command line are compared whatever their keys.
        let files = try DiffInput.load(
            old: .path("\(root)/old/星海镇/social-assistance.yaml"), new: .path("\(root)/new/长胜乡/social-assistance.yaml"),
            git: Git(directory: root))
        #expect(files.singleFiles)
        #expect(
            DiffReport.compare(files, oldLabel: "a", newLabel: "b").changes.contains { $0.code == "region-changed" })
    }

    /// The workspace's 规则 set the level of a change code, or turn a check off.
    @Test func workspaceRulesSetLevels() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-diff-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Fixtures.diff + "/example", toPath: root)
        let workspace = root + "/after/gkml.yaml"
        var text = try String(contentsOfFile: workspace, encoding: .utf8)
        text += "规则:\n  channel-removed: 错误\n  basis-removed: 关闭\n  version-not-bumped: 关闭\n"
        try text.write(toFile: workspace, atomically: true, encoding: .utf8)
        let loaded = try DiffInput.load(old: .path("before"), new: .path("after"), git: Git(directory: root))
        #expect(loaded.rules["channel-removed"] == .severity(.error))
        let report = DiffReport.compare(loaded, oldLabel: "a", newLabel: "b")
        let channel = try #require(report.changes.first { $0.code == "channel-removed" })
        #expect(channel.severity == .error && channel.isRegression)
        let basis = try #require(report.changes.first { $0.code == "basis-removed" })
        #expect(!basis.isRegression && basis.direction == nil)
        #expect(report.summary.regressions == 2)
    }

    /// The parameterized tests above run once per pair: an empty list would pass them with nothing checked,
    /// and a case folder missing its old.yaml would drop out silently.
    @Test func everyCaseFolderIsAPair() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Fixtures.diff)
            .filter { FileManager.default.fileExists(atPath: "\(Fixtures.diff)/\($0)/expected.txt") }
        #expect(Set(Fixtures.pairs) == Set(folders).subtracting(["folders"]), "case folders without old.yaml/new.yaml")
        #expect(Fixtures.pairs.count == 20)
    }

    /// Every change code is shown by at least one fixture pair.
    @Test func everyChangeCodeHasAFixture() throws {
        var seen = Set<String>()
        for name in Fixtures.pairs + ["folders"] {
            for line in try Fixtures.expected(name) {
                let words = line.split(separator: " ")
                seen.insert(String(words[0] == "notice" ? words[1] : words[0]))
            }
        }
        let missing = DiffFindings.changes.map(\.code).filter { !seen.contains($0) }
        #expect(missing.isEmpty, "no fixture shows: \(missing)")
    }
}
