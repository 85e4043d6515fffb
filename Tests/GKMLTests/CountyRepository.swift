import CatalogDiff
import Foundation
import Testing

/// A county workspace in a real git repository, made with `gkml init` as a county office makes it: 示例县
/// with 柳河镇, whose 就业 catalog starts as the baseline's items (version 2026.1, committed and tagged).
final class CountyRepository {
    let root: URL
    let git: Git
    static let catalog = "柳河镇/employment.yaml"

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-county-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        root = folder.resolvingSymlinksInPath()
        git = Git(
            directory: root.path,
            environment: [
                "GIT_AUTHOR_NAME": "柳河镇党政办", "GIT_AUTHOR_EMAIL": "dzb@example.gov.cn",
                "GIT_COMMITTER_NAME": "柳河镇党政办", "GIT_COMMITTER_EMAIL": "dzb@example.gov.cn",
                "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            ])
        try git.run(["init", "-q", "-b", "main"])
        try gkml(["init", "workspace", ".", "--region", "示例县", "--townships", "柳河镇"])
        try gkml([
            "init", "catalog", "--region", "柳河镇", "--domain", "就业", "--date", "2026-01-10",
            "--role", "县级人力资源社会保障部门=示例县人力资源和社会保障局",
        ])
        // The county's bureau joins the directory of bodies, as the init report asks.
        try edit("gkml.yaml") { $0.replacingOccurrences(of: "  - 柳河镇人民政府\n", with: "  - 柳河镇人民政府\n  - 示例县人力资源和社会保障局\n") }
        try commit("2026.1 版目录", date: "2026-01-10", tag: "v2026.1")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs gkml in the workspace; a failure to start is an error, the exit status is the caller's to check.
    @discardableResult
    func gkml(_ arguments: [String]) throws -> GKML.Result {
        try GKML.run(arguments, in: root)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let before = try read(path)
        let after = change(before)
        #expect(after != before, "the edit of \(path) changed nothing")
        try Data(after.utf8).write(to: root.appendingPathComponent(path))
    }

    func commit(_ message: String, date: String, tag: String? = nil) throws {
        var dated = git
        dated.environment["GIT_AUTHOR_DATE"] = "\(date)T09:00:00+08:00"
        dated.environment["GIT_COMMITTER_DATE"] = "\(date)T09:00:00+08:00"
        try dated.run(["add", "-A"])
        try dated.run(["commit", "-q", "-m", message])
        if let tag { try dated.run(["tag", tag]) }
    }

    /// 17-06-01 (就业困难人员认定, 主动 in the baseline) turned 依申请 with its reason, version 2026.2 and its
    /// 调整记录 entry; `approval` lines are added to that entry.
    func downgrade(approval: String = "") throws {
        try edit(Self.catalog) { text in
            var text = text.replacingOccurrences(
                of: "        名称: 就业困难人员认定\n        公开内容: 认定对象范围、认定条件、申请材料、办理流程、办理时限、办理地点（方式）、咨询电话\n",
                with: "        名称: 就业困难人员认定\n        公开内容: 认定对象范围、认定条件、申请材料、办理流程、办理时限、办理地点（方式）、咨询电话\n"
                    + "        公开方式: 依申请\n        不主动公开理由: 认定结果涉及个人信息，仅向本人提供\n")
            text = text.replacingOccurrences(of: "版本: \"2026.1\"\n生效", with: "版本: \"2026.2\"\n生效")
            text = text.replacingOccurrences(of: "版本: \"2026.1\"\n默认", with: "版本: \"2026.2\"\n默认")
            text += "  - 日期: 2026-03-01\n    版本: \"2026.2\"\n    说明: 就业困难人员认定改为依申请公开\n" + approval
            return text
        }
    }

    static let approval = """
            批准文号: 柳政办〔2026〕12号
            批准日期: 2026-02-26
            批准事项:
              - 编号: 17-06-01
                变更: 改为依申请
                理由: 认定结果含个人信息，经县政务公开办审核改为依申请公开

        """
}
