import CatalogDiff
import CatalogModel
import Diagnostics
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Git revisions as inputs, against a real repository made in a temporary folder.
@Suite struct GitInputTests {
    static let example = Fixtures.diff + "/example"

    /// A repository whose history is (part of) catalogs/example at 2025.1, then its 2025.2 adjustment.
    func exampleRepository() throws -> TempRepository {
        let repo = try TempRepository()
        try repo.replaceContents(with: Self.example + "/before")
        try repo.commit("2025.1 版目录", date: "2025-01-15", tag: "v2025.1")
        try repo.replaceContents(with: Self.example + "/after")
        try repo.commit("2025.2 动态调整", date: "2025-07-01", tag: "v2025.2")
        return repo
    }

    func report(_ repo: TempRepository, _ arguments: [String], paths: [String] = [], since: String? = nil) throws
        -> DiffReport
    {
        let sides = try DiffInput.sides(arguments, paths: paths, since: since, git: repo.git)
        let loaded = try DiffInput.load(old: sides.old, new: sides.new, git: repo.git)
        #expect(loaded.findings.isEmpty, "\(loaded.findings.map { $0.message(.en) })")
        return DiffReport.compare(loaded, oldLabel: sides.old.label, newLabel: sides.new.label)
    }

    static func codes(_ report: DiffReport) -> [String] {
        report.changes.map { "\($0.catalog) \(Fixtures.line($0))" }.sorted()
    }

    @Test func twoRevisionsGiveTheSameChangesAsTwoFolders() throws {
        let repo = try exampleRepository()
        let fromGit = try report(repo, ["v2025.1", "v2025.2"])
        let sides = try DiffInput.load(
            old: .path(Self.example + "/before"), new: .path(Self.example + "/after"), git: repo.git)
        let fromFolders = DiffReport.compare(old: sides.old, new: sides.new, oldLabel: "a", newLabel: "b")
        #expect(Self.codes(fromGit) == Self.codes(fromFolders))
        #expect(fromGit.comparisons.count == 2)
        #expect(fromGit.changes.contains { $0.code == "item-removed-not-applicable" && $0.id == "17-06-03" })
        // Findings name the revision: `v2025.2:星海镇/employment.yaml`.
        let shorter = try #require(fromGit.changes.first { $0.code == "time-limit-shorter" })
        #expect(shorter.finding.location.file == "v2025.2:星海镇/employment.yaml")
        #expect(shorter.finding.oldLocation?.file == "v2025.1:星海镇/employment.yaml")
        #expect(shorter.finding.location.position != nil)
        #expect(fromGit.oldLabel == "v2025.1" && fromGit.newLabel == "v2025.2")
    }

    @Test func pathsAfterTheSeparatorLimitTheComparison() throws {
        let repo = try exampleRepository()
        let limited = try report(repo, ["v2025.1", "v2025.2"], paths: ["星海镇/"])
        #expect(Set(limited.changes.map(\.catalog.region)) == ["示例县星海镇"])
        #expect(limited.comparisons.count == 1)
    }

    @Test func revisionColonPathNamesOneFile() throws {
        let repo = try exampleRepository()
        let result = try report(repo, ["v2025.1:星海镇/employment.yaml", "v2025.2:星海镇/employment.yaml"])
        #expect(result.comparisons.count == 1)
        #expect(result.changes.contains { $0.code == "time-limit-shorter" && $0.id == "XH-17-01" })
        // A folder inside a revision.
        let folder = try report(repo, ["v2025.1:长胜乡", "v2025.2:长胜乡"])
        #expect(Set(folder.changes.map(\.catalog.region)) == ["示例县长胜乡"])
        #expect(folder.changes.first?.finding.location.file == "v2025.2:长胜乡/poverty-alleviation.yaml")
    }

    @Test func oneRevisionComparesWithTheWorkTreeWithoutTouchingIt() throws {
        let repo = try exampleRepository()
        // An uncommitted edit: the service station's information becomes 依申请.
        let file = "星海镇/employment.yaml"
        let text = try repo.read(file)
        let edited = text.replacingOccurrences(
            of: "        公开时限: 信息形成或者变更之日起3个工作日内\n",
            with: "        公开时限: 信息形成或者变更之日起3个工作日内\n        公开方式: 依申请\n        不主动公开理由: 测试\n")
        #expect(edited != text)
        try repo.write(file, edited)
        try repo.write("星海镇/notes.yaml", "备忘: 不是目录文件\n")
        let status = try repo.git.run(["status", "--porcelain"])
        let index = try repo.git.run(["ls-files", "-s"])

        let working = try report(repo, ["HEAD"])
        #expect(working.changes.map(Fixtures.line) == ["mode-to-on-request XH-17-01 公开方式"])
        #expect(working.newLabel == "工作区")
        let change = try #require(working.changes.first)
        #expect(change.finding.location.file == file)
        #expect(change.reason == "测试")

        let sinceHistory = try report(repo, [], since: "v2025.1")
        #expect(sinceHistory.changes.contains { $0.code == "mode-to-on-request" })
        #expect(sinceHistory.changes.contains { $0.code == "item-removed-not-applicable" && $0.id == "17-06-03" })

        let nothing = try report(repo, [])
        #expect(nothing.changes.map(\.code) == ["mode-to-on-request"])

        // The work tree and the index are as they were.
        #expect(try repo.git.run(["status", "--porcelain"]) == status)
        #expect(try repo.git.run(["ls-files", "-s"]) == index)
        #expect(try repo.read(file) == edited)
    }

    @Test func sinceUsesTheMergeBase() throws {
        let repo = try exampleRepository()
        try repo.git.run(["checkout", "-q", "-b", "feature", "v2025.1"])
        let file = "长胜乡/poverty-alleviation.yaml"
        try repo.write(file, try repo.read(file).replacingOccurrences(of: "名称: 监督举报", with: "名称: 监督举报渠道"))
        try repo.commit("监督举报更名")
        // main has moved on to 2025.2; the branch left it at 2025.1: only the branch's own change shows.
        let result = try report(repo, [], since: "main")
        #expect(result.changes.map(\.code) == ["item-renamed"])
    }

    @Test func badRevisionsAreUsageErrors() throws {
        let repo = try exampleRepository()
        #expect(throws: DiffUsageError.self) { try DiffInput.sides(["v1999"], paths: [], since: nil, git: repo.git) }
        #expect(throws: DiffUsageError.self) {
            try DiffInput.sides(["v2024.1:没有这个文件.yaml"], paths: [], since: nil, git: repo.git)
        }
        #expect(throws: DiffUsageError.self) {
            try DiffInput.sides(["a", "b", "c"], paths: [], since: nil, git: repo.git)
        }
        #expect(throws: DiffUsageError.self) { try DiffInput.sides(["HEAD"], paths: [], since: "main", git: repo.git) }
        let outside = Git(directory: FileManager.default.temporaryDirectory.path)
        #expect(throws: DiffUsageError.self) { try DiffInput.sides([], paths: [], since: nil, git: outside) }
    }

    @Test func aBrokenCatalogIsOneFindingAndTheRestIsCompared() throws {
        let repo = try exampleRepository()
        try repo.write("星海镇/employment.yaml", "格式: gkml/1\n领域: 就业\n事项: [\n")
        let sides = try DiffInput.sides(["v2025.1"], paths: [], since: nil, git: repo.git)
        let loaded = try DiffInput.load(old: sides.old, new: sides.new, git: repo.git)
        #expect(loaded.findings.map(\.code) == ["diff-input-invalid"])
        // The finding points into the broken file, at its first error.
        #expect(loaded.findings[0].location.file == "星海镇/employment.yaml")
        #expect(loaded.findings[0].location.position != nil)
        let report = DiffReport.compare(loaded, oldLabel: sides.old.label, newLabel: sides.new.label)
        #expect(report.unreadableInputs.count == 1)
        // The broken file's old version is not reported as a removed catalog …
        #expect(!report.changes.contains { $0.code == "catalog-removed" })
        #expect(!report.changes.contains { $0.catalog.region == "示例县星海镇" && $0.catalog.domain == "就业" })
        // … and the other catalogs are still compared.
        #expect(!report.changes.isEmpty)
    }

    @Test func logFollowsAnItemThroughCommitsAndRenumberings() throws {
        let repo = try exampleRepository()
        let file = "星海镇/employment.yaml"
        try repo.write(file, try repo.read(file).replacingOccurrences(of: "编号: XH-17-01", with: "编号: XH-17-02"))
        try repo.commit("就业服务站服务信息重新编号", date: "2025-08-01")

        let history = try ItemHistory.log(id: "XH-17-02", git: repo.git)
        #expect(history.map(\.subject) == ["就业服务站服务信息重新编号", "2025.2 动态调整", "2025.1 版目录"])
        #expect(history[0].changes.map(\.code) == ["item-renumbered"])
        #expect(Set(history[1].changes.map(\.code)) == ["content-changed", "time-limit-shorter", "channel-added"])
        #expect(history[2].changes.map(\.code) == ["item-added"])
        #expect(history[1].date == "2025-07-01")
        #expect(history[1].author == "星海镇党政办")

        let other = try ItemHistory.log(id: "13-02-01", git: repo.git, paths: ["长胜乡"])
        #expect(other.map(\.subject) == ["2025.2 动态调整", "2025.1 版目录"])
        #expect(
            Set(other[0].changes.map(\.code)) == [
                "item-renamed", "content-changed", "basis-removed", "basis-added", "channel-removed",
            ])

        let text = ItemHistoryReporter(language: .zh).render(id: "XH-17-02", history)
        #expect(text.contains("事项 XH-17-02 的变更历史（3 次提交，由新到旧）"))
        #expect(text.contains("[item-renumbered]"))
        #expect(try ItemHistory.log(id: "99-99-99", git: repo.git).isEmpty)
    }

    /// A folder side says what it left out (issue 15): a FIFO named *.yaml, a link to a folder and a link to a
    /// file outside the folder are each a finding in the report, not silently absent from the comparison.
    @Test func entriesAFolderSideSkipsAreReported() throws {
        let repo = try exampleRepository()
        let old = repo.root + "/old", new = repo.root + "/new"
        let manager = FileManager.default
        try manager.copyItem(atPath: Self.example + "/before", toPath: old)
        try manager.copyItem(atPath: Self.example + "/after", toPath: new)
        #expect(mkfifo(new + "/星海镇/pipe.yaml", 0o644) == 0)
        #expect(symlink("/", new + "/星海镇/root") == 0)
        #expect(symlink(repo.root + "/old/星海镇/employment.yaml", new + "/outside.yaml") == 0)
        #expect(symlink("nowhere.yaml", new + "/broken.yaml") == 0)
        let loaded = try DiffInput.load(old: .path(old), new: .path(new), git: repo.git)
        let skipped = loaded.findings.map { "\($0.code) \($0.location.file)" }.sorted()
        #expect(
            skipped == [
                "io-broken-link \(new)/broken.yaml", "io-directory-link \(new)/星海镇/root",
                "io-link-outside \(new)/outside.yaml", "io-special-file \(new)/星海镇/pipe.yaml",
            ])
        // The rest is compared as before, and the report carries the findings as general notices.
        let report = DiffReport.compare(loaded, oldLabel: "old", newLabel: "new")
        #expect(report.changes.contains { $0.code == "time-limit-shorter" })
        #expect(report.general.map(\.code).filter { $0.hasPrefix("io-") }.count == 4)
    }
}
