import CatalogDiff
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// Histories that never lie: real git repositories with a broken commit in the middle, a `git mv`, and an
/// item moved from one file to another (issue 12).
@Suite struct HistoryTests {
    static let file = "柳河镇/employment.yaml"

    /// 2026.1 valid (17-06-01 主动), a commit in which the file does not validate, then 2026.2 (依申请).
    func brokenMiddle() throws -> TempRepository {
        let repo = try TempRepository()
        try repo.write(Self.file, Adjustments.catalog(version: "2026.1"))
        try repo.commit("2026.1 版目录", date: "2026-01-10", tag: "v2026.1")
        // Half-way through the edit: 公开方式 mistyped, so the file does not validate.
        var broken = Adjustments.catalog(version: "2026.2", items: [Adjustments.fairs, Adjustments.placementOnRequest])
        broken = broken.replacingOccurrences(of: "公开方式: 依申请", with: "公开方式: 依申请公开")
        try repo.write(Self.file, broken)
        try repo.commit("调整公益性岗位名单（未完成）", date: "2026-02-01")
        try repo.write(
            Self.file,
            Adjustments.catalog(version: "2026.2", items: [Adjustments.fairs, Adjustments.placementOnRequest]))
        try repo.commit("2026.2 动态调整", date: "2026-02-03", tag: "v2026.2")
        return repo
    }

    @Test func logSkipsTheBrokenCommitAndShowsTheRealChange() throws {
        let repo = try brokenMiddle()
        // The broken version really is invalid (else this test proves nothing).
        let middle = try repo.git.contents(["HEAD~1:\(Self.file)"])[0]
        #expect(CatalogLoader.load(bytes: middle, file: "middle").catalog == nil)

        let history = try ItemHistory.log(id: "17-06-01", git: repo.git)
        #expect(history.map(\.subject) == ["2026.2 动态调整", "调整公益性岗位名单（未完成）", "2026.1 版目录"])
        // Newest: compared with the last readable version, the real change 主动 → 依申请.
        #expect(history[0].changes.map(\.code).contains("mode-to-on-request"))
        #expect(!history[0].changes.contains { $0.kind == .added || $0.kind == .removed })
        #expect(history[0].notes.contains { $0.en.contains("last readable version") })
        // The broken commit: a note, no change, and never a deletion.
        #expect(history[1].changes.isEmpty)
        #expect(history[1].notes.count == 1 && history[1].notes[0].zh.contains("已跳过"))
        #expect(history[2].changes.map(\.code) == ["item-added"])

        let text = ItemHistoryReporter(language: .zh).render(id: "17-06-01", history)
        #expect(text.contains("注：此提交中 柳河镇/employment.yaml 不是有效的目录文件，已跳过（事项未被删除）"))
        #expect(!text.contains("删除事项") && !text.contains("item-removed"))
    }

    @Test func diffAcrossTheBrokenCommitComparesWhatCanBeRead() throws {
        let repo = try brokenMiddle()
        try repo.write("柳河镇/social-assistance.yaml", Adjustments.catalog(version: "2026.1", domain: "社会救助"))
        try repo.commit("新增社会救助目录", date: "2026-02-05")
        // The case: HEAD~1 HEAD where one side does not validate. Here: v2026.1 against the broken commit,
        // with another catalog added alongside.
        try repo.git.run(["tag", "broken", "HEAD~2"])
        let sides = try DiffInput.sides(["v2026.1", "HEAD"], paths: [], since: nil, git: repo.git)
        #expect(try DiffInput.load(old: sides.old, new: sides.new, git: repo.git).findings.isEmpty)
        let brokenSides = try DiffInput.sides(["broken", "HEAD"], paths: [], since: nil, git: repo.git)
        let loaded = try DiffInput.load(old: brokenSides.old, new: brokenSides.new, git: repo.git)
        let report = DiffReport.compare(loaded, oldLabel: "broken", newLabel: "HEAD")
        #expect(report.unreadableInputs.count == 1)
        #expect(report.unreadableInputs[0].location.file == "broken:柳河镇/employment.yaml")
        #expect(report.unreadableInputs[0].location.position?.line != nil)
        // The readable change is listed; the broken file's other side is not called added.
        #expect(report.changes.map(\.code) == ["catalog-added"])
        #expect(report.changes[0].catalog.domain == "社会救助")
    }

    @Test func logFollowsGitMvAndMovesBetweenFiles() throws {
        let repo = try TempRepository()
        try repo.write(Self.file, Adjustments.catalog(version: "2026.1"))
        try repo.commit("2026.1 版目录", date: "2026-01-10")
        // git mv, content unchanged.
        try FileManager.default.createDirectory(atPath: repo.root + "/柳河镇/就业", withIntermediateDirectories: true)
        try repo.git.run(["mv", Self.file, "柳河镇/就业/目录.yaml"])
        try repo.commit("目录文件改名", date: "2026-01-20")
        // 17-06-01 moves to another file (another catalog of the township) and becomes 依申请 on the way.
        try repo.write("柳河镇/就业/目录.yaml", Adjustments.catalog(version: "2026.2", items: [Adjustments.fairs]))
        try repo.write(
            "柳河镇/public-jobs.yaml",
            Adjustments.catalog(
                version: "2026.1", items: [Adjustments.placementOnRequest], domain: "社会救助"))
        try repo.commit("公益性岗位名单移入社会救助目录", date: "2026-03-01")

        let history = try ItemHistory.log(id: "17-06-01", git: repo.git)
        #expect(history.map(\.subject) == ["公益性岗位名单移入社会救助目录", "目录文件改名", "2026.1 版目录"])
        // The move between files: no deletion, no addition, the real change.
        #expect(history[0].previousFile == "柳河镇/就业/目录.yaml")
        #expect(history[0].file == "柳河镇/public-jobs.yaml")
        #expect(history[0].changes.map(\.code).contains("mode-to-on-request"))
        #expect(!history[0].changes.contains { $0.kind == .added || $0.kind == .removed })
        // git mv: listed as a move of the file, with no change of the item.
        #expect(history[1].previousFile == Self.file && history[1].file == "柳河镇/就业/目录.yaml")
        #expect(history[1].changes.isEmpty)
        // … and the history goes on before the rename.
        #expect(history[2].changes.map(\.code) == ["item-added"])
    }
}
