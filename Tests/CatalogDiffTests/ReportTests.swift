import CatalogDiff
import CatalogModel
import Diagnostics
import Foundation
import JSONSchema
import Testing

@Suite struct ReportTests {
    static func fixtureReport(_ name: String) throws -> DiffReport {
        DiffReport(oldLabel: "old.yaml", newLabel: "new.yaml", comparisons: [try Fixtures.compare(name)])
    }

    static func exampleReport(accept: Bool) throws -> DiffReport {
        let git = Git(directory: Fixtures.diff + "/example")
        let loaded = try DiffInput.load(old: .path("before"), new: .path("after"), git: git)
        var report = DiffReport.compare(old: loaded.old, new: loaded.new, oldLabel: "v2025.1", newLabel: "v2025.2")
        report.issuer = loaded.issuer
        if accept {
            let file = Fixtures.diff + "/example/accepted.yaml"
            let (list, findings) = AcceptList.parse([UInt8](FileManager.default.contents(atPath: file)!), file: file)
            #expect(findings.isEmpty)
            report = try #require(list).apply(to: report)
        }
        return report
    }

    /// schemas/diff-report.schema.json, compiled; a missing or broken file is an error, not an empty schema.
    static func schema() throws -> CompiledSchema {
        let text = try String(
            contentsOfFile: Fixtures.repositoryRoot + "/schemas/diff-report.schema.json", encoding: .utf8)
        return try CompiledSchema.compile(try JSONParser.parse(text))
    }

    @Test(arguments: Fixtures.pairs)
    func jsonMatchesItsSchema(_ name: String) throws {
        for language in Language.allCases {
            let json = DiffJSONReporter(language: language).render(try Self.fixtureReport(name))
            let result = try Self.schema().validate(try JSONParser.parse(json))
            #expect(result.isValid, "\(name): \(result.errors.map(\.description))")
        }
    }

    @Test func jsonFollowsTheContract() throws {
        let report = try Self.exampleReport(accept: true)
        let json = DiffJSONReporter(language: .zh).output(report)
        #expect(try Self.schema().validate(try JSONParser.parse(json.serialized())).isValid)
        guard case .object(let top) = json, case .array(let changes)? = top.first(where: { $0.0 == "changes" })?.1,
            case .object(let first)? = changes.first
        else {
            Issue.record("no changes")
            return
        }
        // The keys the issue names, first and in order.
        #expect(
            Array(first.map(\.0).prefix(11)) == [
                "code", "kind", "catalog", "id", "field", "old", "new", "regression", "severity", "old_line",
                "new_line",
            ])
        let channel = try #require(report.changes.first { $0.code == "channel-removed" && $0.id == "13-02-01" })
        let rendered = DiffJSONReporter(language: .zh).change(channel).serialized(pretty: false)
        #expect(rendered.contains(#""kind":"修改","catalog":"示例县长胜乡/乡村振兴","id":"13-02-01","field":"公开渠道""#))
        #expect(rendered.contains(#""regression":true,"severity":"warning""#))
        #expect(rendered.contains(#""removed":["政府网站"]"#))
        #expect(rendered.contains(#""accepted":true"#))
    }

    /// The md record of a realistic adjustment of catalogs/example, compared with the filed document.
    @Test func exampleAdjustmentRecord() throws {
        let report = try Self.exampleReport(accept: true)
        let md = DiffMarkdownReporter(language: .zh).render(report)
        let expectedPath = Fixtures.diff + "/example/调整说明.md"
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        if md != expected {
            let actual = FileManager.default.temporaryDirectory.appendingPathComponent("调整说明.actual.md")
            try md.write(to: actual, atomically: true, encoding: .utf8)
            Issue.record("the record differs from \(expectedPath); the new one is at \(actual.path)")
        }
        #expect(md.hasPrefix("# 示例县基层政务公开事项标准目录调整说明\n"))
        #expect(md.contains("| **合计** |"))
        #expect(md.contains("示例县人民政府办公室<br>2025年7月1日"))
        // Every change appears with its values, and the written reasons are quoted.
        #expect(md.contains("依据县人社局《关于调整公益性岗位补贴经办方式的通知》"))
        #expect(md.contains("信息形成或者变更之日起~~5~~个工作日内 | 信息形成或者变更之日起<ins>3</ins>个工作日内"))
        #expect(md.contains("已审核接受：监测对象名单涉及个人信息"))
        #expect(md.contains("列入未涉及事项：公益性岗位补贴自2025年7月起由县人力资源和社会保障局统一审核发放"))
        // A change of 默认 is one row naming the 17 items that follow it.
        #expect(md.contains("| 17 个事项（随目录统一规定调整） |"))
        #expect(md.contains("影响 17 个按统一规定执行的事项"))
        // Issue 12: versions and dates from the catalogs, never how the sides were named; plain words for 默认.
        #expect(md.contains("本说明记录目录由2025.1版调整为2025.2版（2025年7月1日）的全部变更"))
        #expect(!md.contains("v2025") && !md.contains("after/") && !md.contains("文件："))
        #expect(!md.contains("默认"))
        #expect(md.contains("公开时限改为单独规定"))
        // The same record as a page.
        let html = DiffHTMLReporter(language: .zh).render(report)
        #expect(html.contains("<h1>示例县基层政务公开事项标准目录调整说明</h1>"))
        #expect(html.contains("信息形成或者变更之日起<del>5</del>个工作日内"))
        #expect(html.contains("<td><strong>合计</strong></td>"))
        // 编号 is never broken across lines.
        #expect(html.contains(#"<td><span class="id">17-03-01</span></td>"#))
        #expect(html.contains(".id{white-space:nowrap}"))
    }

    @Test func withoutAcceptanceTheRecordAsksForReview() throws {
        let md = DiffMarkdownReporter(language: .zh).render(try Self.exampleReport(accept: false))
        #expect(md.contains("**（尚未审核接受）**"))
        let en = DiffMarkdownReporter(language: .en).render(try Self.exampleReport(accept: false))
        #expect(en.contains("## 1. Summary"))
        #expect(en.contains("(not yet accepted)"))
    }

    /// Whatever a catalog contains reaches the record escaped.
    @Test func catalogTextIsEscapedInMarkdownAndHTML() throws {
        let old = try Fixtures.catalog(Fixtures.diff + "/content-remark/old.yaml")
        var new = old
        let hostile = "<script>alert('x')</script> | [链接](javascript:alert(1)) **粗体** &amp;\n# 标题"
        new.groups[1].items[0].content.value = hostile
        new.groups[1].items[0].name.value = "<img src=x onerror=alert(1)>"
        let report = DiffReport(oldLabel: "a", newLabel: "b", comparisons: [CatalogDiffer.compare(old, new)])
        let html = DiffHTMLReporter(language: .zh).render(report)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("&amp;amp;"))
        let md = DiffMarkdownReporter(language: .zh).render(report)
        #expect(!md.contains("<script>"))
        #expect(!md.contains("<img"))
        #expect(!md.contains("[链接]("))
        #expect(md.contains("&lt;script&gt;"))
        #expect(md.contains("\\| \\[链接\\]"))
        #expect(!md.contains("**粗体**"))
        // No table row is broken by the pipe or the line break.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(cells == 5 || cells == 8 || cells == 10 || cells == 7, "\(line)")
        }
    }

    /// A line break in a catalog text is one `<br>` in both records, whether LF, CR or CRLF: a CRLF (one Swift
    /// Character) used to pass through the Markdown and HTML escaping raw and break the table row.
    @Test func everyKindOfLineBreakIsOneBreakInTheRecords() throws {
        let old = try Fixtures.catalog(Fixtures.diff + "/content-remark/old.yaml")
        var new = old
        new.groups[1].items[0].content.value = "第一行\r\n第二行\r第三行\n第四行"
        let report = DiffReport(oldLabel: "a", newLabel: "b", comparisons: [CatalogDiffer.compare(old, new)])
        for record in [
            DiffMarkdownReporter(language: .zh).render(report), DiffHTMLReporter(language: .zh).render(report),
        ] {
            #expect(record.contains("第一行<br>第二行<br>第三行<br>第四行"))
            #expect(!record.unicodeScalars.contains("\r"))
        }
    }

    @Test func textReportShowsOldAndNewWithAnInlineDiff() throws {
        let report = try Self.fixtureReport("content-remark")
        let plain = DiffTextReporter(language: .zh).render(report)
        #expect(plain.contains("提示[content-changed]: 事项 17-02-01「招聘会信息」的公开内容有修改"))
        #expect(plain.contains("= 原：本镇举办或承办的招聘会时间、地点、参会单位[-及-]岗位信息\n"))
        #expect(plain.contains("= 现：本镇举办或承办的招聘会时间、地点、参会单位{+、+}岗位信息{+及报名方式+}\n"))
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.hasSuffix("公开程度降低 0 处，提高 0 处。\n"))
        let coloured = DiffTextReporter(language: .zh, color: true).render(report)
        #expect(coloured.contains("\u{1B}[4;32m及报名方式\u{1B}[0m"))
        let english = DiffTextReporter(language: .en).render(report)
        #expect(english.contains("info[content-changed]: the 公开内容 of item 17-02-01"))
    }

    @Test func noChangesSaysSo() throws {
        let report = try Self.fixtureReport("reordered")
        #expect(report.changes.isEmpty)
        #expect(DiffTextReporter(language: .zh).render(report) == "未发现变更（old.yaml → new.yaml）。\n")
        #expect(!report.fails(on: .any))
        #expect(DiffMarkdownReporter(language: .zh).render(report).contains("两个版本之间没有变更。"))
    }
}
