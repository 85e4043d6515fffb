import Diagnostics
import Foundation
import Testing

let sampleKind = FindingKind(
    code: "schema-enum", stage: .schema, severity: .error,
    title: LocalizedText(zh: "取值不在允许范围内", en: "Value not allowed"),
    message: LocalizedText(
        zh: "「{field}」应为{allowed}，实际为「{actual}」", en: "\"{field}\" must be {allowed}, found \"{actual}\""),
    hint: LocalizedText(zh: "请改为「{allowed}」", en: "use {allowed}"))

func sampleFinding() -> Finding {
    Finding(
        sampleKind,
        at: SourceLocation(
            file: "星海镇/就业.yaml", position: SourcePosition(line: 3, column: 15), end: SourcePosition(line: 3, column: 19)
        ),
        path: "/事项/编号=JY-01-01/公开方式",
        arguments: ["field": "公开方式", "allowed": "「主动」或「依申请」", "actual": "主动公开"],
        notes: [Suggestion.didYouMean("主动")])
}

@Test func textReporterPutsTheCaretUnderFullWidthText() {
    let reporter = TextReporter(language: .zh, lines: { _, line in line == 3 ? "        公开方式: 主动公开" : nil })
    let out = reporter.render(sampleFinding())
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "星海镇/就业.yaml:3:15: 错误[schema-enum]: 「公开方式」应为「主动」或「依申请」，实际为「主动公开」")
    #expect(lines[2] == "3 |         公开方式: 主动公开")
    // 8 spaces + 公开方式 (4 × 2 cells) + ": " = 18 cells before the value; the value is 4 wide characters.
    #expect(lines[3] == "  | " + String(repeating: " ", count: 18) + String(repeating: "^", count: 8))
    #expect(out.contains("= 提示：请改为「「主动」或「依申请」」"))
    #expect(out.contains("= 说明：您是否要写「主动」？"))
}

@Test func englishMessagesUseTheSameArguments() {
    let f = sampleFinding()
    #expect(f.message(.en) == "\"公开方式\" must be 「主动」或「依申请」, found \"主动公开\"")
    #expect(f.severity.label(.en) == "error")
}

@Test func localizedArgumentsFollowTheLanguage() {
    var f = sampleFinding()
    f.localizedArguments = ["allowed": LocalizedText(zh: "文字", en: "text")]
    #expect(f.message(.zh).contains("应为文字"))
    #expect(f.message(.en).contains("must be text"))
}

@Test func jsonReporterFollowsTheContract() throws {
    let report = ValidationReport(files: [
        FileReport(path: "a.yaml", findings: [sampleFinding()]), FileReport(path: "b.yaml", findings: []),
    ])
    let data = Data(JSONReporter(language: .zh).render(report).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let files = try #require(object["files"] as? [[String: Any]])
    #expect(files.count == 2)
    #expect(files[0]["valid"] as? Bool == false)
    #expect(files[1]["valid"] as? Bool == true)
    let finding = try #require((files[0]["findings"] as? [[String: Any]])?.first)
    #expect(finding["code"] as? String == "schema-enum")
    #expect(finding["severity"] as? String == "error")
    #expect(finding["line"] as? Int == 3)
    #expect(finding["column"] as? Int == 15)
    #expect(finding["path"] as? String == "/事项/编号=JY-01-01/公开方式")
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["files"] as? Int == 2)
    #expect(summary["errors"] as? Int == 1)
    #expect(summary["warnings"] as? Int == 0)
}

@Test func githubAnnotationsEscapeData() {
    var f = sampleFinding()
    f.arguments["actual"] = "a,b:c\n100%"
    f.location.file = "dir,x/a:b.yaml"
    let out = GitHubReporter(language: .zh).render(
        ValidationReport(files: [FileReport(path: f.location.file, findings: [f])]))
    #expect(out.hasPrefix("::error file=dir%2Cx/a%3Ab.yaml,line=3,col=15,title=schema-enum::"))
    #expect(out.contains("a,b:c%0A100%25"))
    #expect(out.split(separator: "\n").count == 1)
}

@Test func sarifCarriesRulesRelativeURIsAndCodePointColumns() throws {
    let out = SARIFReporter(language: .en, kinds: [sampleKind]).render(
        ValidationReport(files: [FileReport(path: "./星海镇/就业.yaml", findings: [sampleFinding()])]))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect(object["version"] as? String == "2.1.0")
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let rules = try #require(
        ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == ["schema-enum"])
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    let physical = try #require(
        ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
    let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
    #expect(uri == "%E6%98%9F%E6%B5%B7%E9%95%87/%E5%B0%B1%E4%B8%9A.yaml")
    #expect((physical["region"] as? [String: Any])?["startColumn"] as? Int == 15)
}

@Test func suggestionsFindNearMisses() {
    #expect(Suggestion.closest(to: "主动公开", among: ["主动", "依申请"]) == "主动")
    #expect(Suggestion.closest(to: "公开内荣", among: ["公开内容", "公开依据", "名称"]) == "公开内容")
    #expect(Suggestion.closest(to: "完全不同的东西", among: ["主动", "依申请"]) == nil)
}

@Test func jsonWriterEscapesAndKeepsOrder() {
    let value = JSONOutput.object([("b", .string("引号\"与\n换行\u{01}")), ("a", .array([.int(1), .bool(true), .null]))])
    #expect(value.serialized(pretty: false) == "{\"b\":\"引号\\\"与\\n换行\\u0001\",\"a\":[1,true,null]}")
}
