import Foundation
import Testing

/// Issue 10 through the executable: a channel name does not hide a domain from coverage, --fix gives the
/// standard name, a 默认 finding lists its items in JSON, explain shows a baseline row's provenance.
@Suite("Verdicts, end to end")
struct VerdictCommandTests {
    /// A copy of the example workspace in which 星海镇's 涉农补贴 catalog prints the notice board as 社区/村公示栏(电子屏).
    func exampleWithVariantChannel() throws -> (folder: URL, file: URL) {
        let folder = try GKML.temporaryFolder()
        let copy = folder.appendingPathComponent("example")
        try FileManager.default.copyItem(at: GKML.root.appendingPathComponent("catalogs/example"), to: copy)
        let file = copy.appendingPathComponent("星海镇/agricultural-subsidies.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "公开渠道: [政府网站, 社区/企事业单位/村公示栏(电子屏)]", with: "公开渠道: [政府网站, 社区/村公示栏(电子屏)]")
        #expect(changed != text, "the example still has the line this test edits")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        return (copy, file)
    }

    @Test func aVariantChannelKeepsTheDomainCovered() throws {
        let (ws, _) = try exampleWithVariantChannel()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let result = try GKML.run(["validate", ws.path, "--format", "json"])
        #expect(result.status == 0, "a warning, not an error: \(result.all)")
        let findings = try GKML.findings(result)
        #expect(findings.contains { $0["code"] as? String == "channel-name-variant" })
        #expect(!findings.contains { ($0["code"] as? String ?? "").hasPrefix("schema-") })
        let summary = try #require(try GKML.json(result)["summary"] as? [String: Any])
        let coverage = try #require(summary["coverage"] as? [[String: Any]])
        let xinghai = try #require(coverage.first { $0["jurisdiction"] as? String == "星海镇" })
        #expect((xinghai["missing"] as? [String])?.contains("涉农补贴") == false, "\(xinghai)")
    }

    @Test func fixWritesTheStandardName() throws {
        let (ws, file) = try exampleWithVariantChannel()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let fixed = try GKML.run(["validate", file.path, "--fix"])
        #expect(fixed.status == 0, "\(fixed.all)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("公开渠道: [政府网站, 社区/企事业单位/村公示栏(电子屏)]"))
        #expect(!text.contains("社区/村公示栏(电子屏)]"))
    }

    @Test func aDefaultsFindingListsEveryItemInJSON() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("employment.yaml")
        try """
        格式: gkml/1
        领域: 就业
        地区: 示例县星海镇
        层级: 乡级
        发布机构: 星海镇人民政府
        版本: "2024.1"
        默认:
          公开依据: [《中华人民共和国政府信息公开条例》]
          公开时限: 自信息形成之日起30日内
          公开主体: [星海镇人民政府]
          公开渠道: [政府网站]
          公开对象: 全社会
          公开方式: 主动
          公开层级: [乡级]
        事项:
          - 一级事项: 就业服务
            二级事项:
              - 编号: 17-02-01
                名称: 招聘会信息
                公开内容: 招聘会时间、地点
              - 编号: 17-02-02
                名称: 岗位信息
                公开内容: 岗位要求
              - 编号: 17-02-03
                名称: 政策
                公开内容: 政策
                公开时限: 自信息形成之日起10个工作日内

        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try GKML.run(["validate", file.path, "--format", "json"])
        let exceeds = try GKML.findings(result).filter { $0["code"] as? String == "time-limit-exceeds" }
        #expect(exceeds.count == 1)
        #expect(exceeds.first?["items"] as? [String] == ["17-02-01", "17-02-02"])
        #expect(exceeds.first?["path"] as? String == "/默认/公开时限")
    }

    @Test func explainShowsTheProvenanceOfABaselineRow() throws {
        let unconfirmed = try GKML.run(["explain", "21-02-02"])
        #expect(unconfirmed.status == 0, "\(unconfirmed.all)")
        #expect(unconfirmed.stdout.contains("入籍、恢复中国国籍户口登记"))
        #expect(unconfirmed.stdout.contains("出处：未核实"))
        let confirmed = try GKML.run(["explain", "21-01-01", "--lang", "en"])
        #expect(confirmed.stdout.contains("provenance: confirmed"))
        let none = try GKML.run(["explain", "21-99-99"])
        #expect(none.status != 0)
    }
}
