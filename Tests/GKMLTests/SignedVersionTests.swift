import Foundation
import Testing

/// Signed versions (issue 12): gkml approve records fingerprints; an edit without a version change after the
/// approval is flagged by validate and shown by build; comments and key order do not count as edits.
@Suite struct SignedVersionTests {
    @Test func anEditAfterApprovalWithoutANewVersionIsFlagged() throws {
        let county = try CountyRepository()
        let approve = try county.gkml([
            "approve", ".", "--version", "2026.1", "--doc", "柳政办〔2026〕3号", "--date", "2026-01-12",
        ])
        #expect(approve.status == 0, "\(approve.all)")
        let register = try county.read("gkml-approvals.json")
        #expect(register.contains("\"文号\": \"柳政办〔2026〕3号\""))
        #expect(register.contains("\"文件\": \"柳河镇/employment.yaml\""))
        #expect(register.range(of: #""指纹": "sha256:[0-9a-f]{64}""#, options: .regularExpression) != nil)
        try county.commit("登记 2026.1 审批", date: "2026-01-12")
        #expect(try county.gkml(["validate", "."]).stdout.contains("approval-changed") == false)

        // A comment and a reordered key: not a change of content.
        try county.edit(CountyRepository.catalog) { text in
            text.replacingOccurrences(of: "格式: gkml/1\n领域: 就业\n", with: "领域: 就业\n# 经审批的版本\n格式: gkml/1\n")
        }
        let cosmetic = try county.gkml(["validate", "."])
        #expect(!cosmetic.stdout.contains("approval-changed"), "\(cosmetic.stdout)")

        // An edit of content with 版本 unchanged: changed after approval.
        try county.edit(CountyRepository.catalog) {
            $0.replacingOccurrences(of: "名称: 就业困难人员认定", with: "名称: 就业困难人员身份认定")
        }
        let edited = try county.gkml(["validate", CountyRepository.catalog])
        #expect(
            edited.stdout.contains("warning[approval-changed]") || edited.stdout.contains("警告[approval-changed]"),
            "\(edited.stdout)")
        #expect(edited.stdout.contains("柳政办〔2026〕3号"))
        let site = county.root.appendingPathComponent("site").path
        let build = try county.gkml(["build", ".", "--out", site, "--formats", "html"])
        #expect(build.status == 0, "\(build.all)")
        let page = try String(contentsOfFile: site + "/柳河镇/employment.html", encoding: .utf8)
        #expect(page.contains("审批后有改动，未重新审批（原审批：柳政办〔2026〕3号）"))

        // A new version is a new version awaiting approval: no warning, and the page says 未审批.
        try county.edit(CountyRepository.catalog) {
            $0.replacingOccurrences(of: "\n版本: \"2026.1\"\n", with: "\n版本: \"2026.2\"\n")
        }
        #expect(!(try county.gkml(["validate", CountyRepository.catalog]).stdout.contains("approval-changed")))
        _ = try county.gkml(["build", ".", "--out", site, "--formats", "html"])
        #expect(
            try String(contentsOfFile: site + "/柳河镇/employment.html", encoding: .utf8).contains(
                "<dd class=\"approval\">未审批</dd>"))

        // Approved again: the page and the index say so.
        let again = try county.gkml([
            "approve", ".", "--version", "2026.2", "--doc", "柳政办〔2026〕12号", "--date", "2026-03-01",
        ])
        #expect(again.status == 0, "\(again.all)")
        _ = try county.gkml(["build", ".", "--out", site, "--formats", "html"])
        let approvedPage = try String(contentsOfFile: site + "/柳河镇/employment.html", encoding: .utf8)
        #expect(approvedPage.contains("已审批（柳政办〔2026〕12号，2026-03-01）"))
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<bdi>2026.2</bdi> · <bdi>已审批（柳政办〔2026〕12号，2026-03-01）</bdi>"))
    }

    @Test func approveRefusesAVersionWithErrorsOrNoCatalogs() throws {
        let county = try CountyRepository()
        let none = try county.gkml(["approve", ".", "--version", "2099.1", "--doc", "柳政办〔2026〕3号"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("没有版本为「2099.1」的目录"))
        try county.edit(CountyRepository.catalog) { $0.replacingOccurrences(of: "公开方式: 主动", with: "公开方式: 主动公开") }
        let invalid = try county.gkml(["approve", ".", "--version", "2026.1", "--doc", "柳政办〔2026〕3号"])
        #expect(invalid.status == 1, "\(invalid.all)")
        #expect(!FileManager.default.fileExists(atPath: county.root.appendingPathComponent("gkml-approvals.json").path))
    }
}
