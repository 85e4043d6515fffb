import CatalogDiff
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// Git revisions as inputs, against a real repository made in a temporary folder.
@Suite struct GitInputTests {
    static let example = Fixtures.diff + "/example"

    /// A repository whose history is the example workspace in 2024.1, then its 2025.1 adjustment.
    func exampleRepository() throws -> TempRepository {
        let repo = try TempRepository()
        try repo.replaceContents(with: Self.example + "/2024")
        try repo.commit("初始编制 2024.1", date: "2024-06-01", tag: "v2024.1")
        try repo.replaceContents(with: Self.example + "/2025")
        try repo.commit("2025年动态调整", date: "2025-01-01", tag: "v2025.1")
        return repo
    }

    func report(_ repo: TempRepository, _ arguments: [String], paths: [String] = [], since: String? = nil) throws -> DiffReport {
        let sides = try DiffInput.sides(arguments, paths: paths, since: since, git: repo.git)
        let loaded = try DiffInput.load(old: sides.old, new: sides.new, git: repo.git)
        #expect(loaded.findings.isEmpty, "\(loaded.findings.map { $0.message(.en) })")
        return DiffReport.compare(old: loaded.old, new: loaded.new, oldLabel: sides.old.label, newLabel: sides.new.label)
    }

    static func codes(_ report: DiffReport) -> [String] {
        report.changes.map { "\($0.catalog) \(Fixtures.line($0))" }.sorted()
    }

    @Test func twoRevisionsGiveTheSameChangesAsTwoFolders() throws {
        let repo = try exampleRepository()
        let fromGit = try report(repo, ["v2024.1", "v2025.1"])
        let sides = try DiffInput.load(old: .path(Self.example + "/2024"), new: .path(Self.example + "/2025"), git: repo.git)
        let fromFolders = DiffReport.compare(old: sides.old, new: sides.new, oldLabel: "a", newLabel: "b")
        #expect(Self.codes(fromGit) == Self.codes(fromFolders))
        #expect(fromGit.comparisons.count == 3)
        #expect(fromGit.changes.contains { $0.code == "item-added" && $0.id == "17-02-04" })
        // Findings name the revision: `v2025.1:星海镇/employment.yaml`.
        let added = try #require(fromGit.changes.first { $0.id == "17-02-04" })
        #expect(added.finding.location.file == "v2025.1:星海镇/employment.yaml")
        #expect(added.finding.location.position != nil)
        #expect(fromGit.oldLabel == "v2024.1" && fromGit.newLabel == "v2025.1")
    }

    @Test func pathsAfterTheSeparatorLimitTheComparison() throws {
        let repo = try exampleRepository()
        let limited = try report(repo, ["v2024.1", "v2025.1"], paths: ["星海镇/"])
        #expect(Set(limited.changes.map(\.catalog.region)) == ["示例县星海镇"])
        #expect(limited.comparisons.count == 2)
    }

    @Test func revisionColonPathNamesOneFile() throws {
        let repo = try exampleRepository()
        let result = try report(repo, ["v2024.1:星海镇/employment.yaml", "v2025.1:星海镇/employment.yaml"])
        #expect(result.comparisons.count == 1)
        #expect(result.changes.contains { $0.code == "time-limit-shorter" && $0.id == "17-02-01" })
        // A folder inside a revision.
        let folder = try report(repo, ["v2024.1:县本级", "v2025.1:县本级"])
        #expect(Set(folder.changes.map(\.catalog.region)) == ["示例县"])
        #expect(folder.changes.first?.finding.location.file == "v2025.1:县本级/employment.yaml")
    }

    @Test func oneRevisionComparesWithTheWorkTreeWithoutTouchingIt() throws {
        let repo = try exampleRepository()
        // An uncommitted edit: 招聘会信息 becomes 依申请.
        let file = "星海镇/employment.yaml"
        let text = try repo.read(file)
        let edited = text.replacingOccurrences(
            of: "        公开时限: 招聘会举办7个工作日前\n",
            with: "        公开时限: 招聘会举办7个工作日前\n        公开方式: 依申请\n        不主动公开理由: 测试\n")
        #expect(edited != text)
        try repo.write(file, edited)
        try repo.write("星海镇/notes.yaml", "备忘: 不是目录文件\n")
        let status = try repo.git.run(["status", "--porcelain"])
        let index = try repo.git.run(["ls-files", "-s"])

        let working = try report(repo, ["HEAD"])
        #expect(working.changes.map(Fixtures.line) == ["mode-to-on-request 17-02-01 公开方式"])
        #expect(working.newLabel == "工作区")
        let change = try #require(working.changes.first)
        #expect(change.finding.location.file == file)
        #expect(change.reason == "测试")

        let sinceHistory = try report(repo, [], since: "v2024.1")
        #expect(sinceHistory.changes.contains { $0.code == "mode-to-on-request" })
        #expect(sinceHistory.changes.contains { $0.code == "item-added" && $0.id == "17-02-04" })

        let nothing = try report(repo, [])
        #expect(nothing.changes.map(\.code) == ["mode-to-on-request"])

        // The work tree and the index are as they were.
        #expect(try repo.git.run(["status", "--porcelain"]) == status)
        #expect(try repo.git.run(["ls-files", "-s"]) == index)
        #expect(try repo.read(file) == edited)
    }

    @Test func sinceUsesTheMergeBase() throws {
        let repo = try exampleRepository()
        try repo.git.run(["checkout", "-q", "-b", "feature", "v2024.1"])
        let file = "县本级/employment.yaml"
        try repo.write(file, try repo.read(file).replacingOccurrences(of: "名称: 招聘会信息", with: "名称: 招聘会及招聘活动信息"))
        try repo.commit("招聘会信息更名")
        // main has moved on to 2025.1; the branch left it at 2024.1: only the branch's own change shows.
        let result = try report(repo, [], since: "main")
        #expect(result.changes.map(\.code) == ["item-renamed"])
    }

    @Test func badRevisionsAreUsageErrors() throws {
        let repo = try exampleRepository()
        #expect(throws: DiffUsageError.self) { try DiffInput.sides(["v1999"], paths: [], since: nil, git: repo.git) }
        #expect(throws: DiffUsageError.self) { try DiffInput.sides(["v2024.1:没有这个文件.yaml"], paths: [], since: nil, git: repo.git) }
        #expect(throws: DiffUsageError.self) { try DiffInput.sides(["a", "b", "c"], paths: [], since: nil, git: repo.git) }
        #expect(throws: DiffUsageError.self) { try DiffInput.sides(["HEAD"], paths: [], since: "main", git: repo.git) }
        let outside = Git(directory: FileManager.default.temporaryDirectory.path)
        #expect(throws: DiffUsageError.self) { try DiffInput.sides([], paths: [], since: nil, git: outside) }
    }

    @Test func aBrokenCatalogStopsTheComparison() throws {
        let repo = try exampleRepository()
        try repo.write("星海镇/employment.yaml", "格式: gkml/1\n领域: 就业\n事项: [\n")
        let sides = try DiffInput.sides(["HEAD"], paths: [], since: nil, git: repo.git)
        let loaded = try DiffInput.load(old: sides.old, new: sides.new, git: repo.git)
        #expect(loaded.hasErrors)
        #expect(loaded.findings.contains { $0.code == "diff-input-invalid" })
    }

    @Test func logFollowsAnItemThroughCommitsAndRenumberings() throws {
        let repo = try exampleRepository()
        let file = "星海镇/employment.yaml"
        try repo.write(file, try repo.read(file).replacingOccurrences(of: "编号: 17-02-04", with: "编号: 17-02-05"))
        try repo.commit("就业见习岗位信息重新编号", date: "2025-02-01")

        let history = try ItemHistory.log(id: "17-02-05", git: repo.git)
        #expect(history.map(\.subject) == ["就业见习岗位信息重新编号", "2025年动态调整"])
        #expect(history[0].changes.map(\.code) == ["item-renumbered"])
        #expect(history[1].changes.map(\.code) == ["item-added"])
        #expect(history[1].date == "2025-01-01")
        #expect(history[1].author == "星海镇党政办")

        let older = try ItemHistory.log(id: "17-02-01", git: repo.git, paths: ["星海镇"])
        #expect(older.map(\.subject) == ["2025年动态调整", "初始编制 2024.1"])
        #expect(Set(older[0].changes.map(\.code)) == ["content-changed", "time-limit-shorter"])
        #expect(older[1].changes.map(\.code) == ["item-added"])

        let text = ItemHistoryReporter(language: .zh).render(id: "17-02-05", history)
        #expect(text.contains("事项 17-02-05 的变更历史（2 次提交，由新到旧）"))
        #expect(text.contains("[item-renumbered]"))
        #expect(try ItemHistory.log(id: "99-99-99", git: repo.git).isEmpty)
    }
}
