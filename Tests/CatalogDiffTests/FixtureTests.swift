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
        let loaded = try DiffInput.load(old: .path("\(Fixtures.diff)/folders/old"), new: .path("\(Fixtures.diff)/folders/new"), git: git)
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
