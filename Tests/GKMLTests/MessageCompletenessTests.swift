import CatalogModel
import Diagnostics
import Foundation
import Testing

/// Every kind of finding through every reporter in both languages: no placeholder left unfilled, and no
/// Chinese word in the English output apart from the user's data (example argument values) and the Chinese
/// vocabulary of the format itself (YAML keys, enum values, channel names), which a person types as is.
@Suite("Messages are complete in both languages and every format")
struct MessageCompletenessTests {
    static let placeholder = try! NSRegularExpression(pattern: "\\{[A-Za-z][A-Za-z0-9]*\\}")

    static func finding(_ kind: FindingKind) -> Finding {
        var f = Finding(
            kind, at: SourceLocation(file: "星海镇/employment.yaml", line: 21, column: 9),
            path: "/事项/编号=17-01-02", localizedArguments: TemplateExamples.values)
        f.notes = [Suggestion.didYouMean("依申请")]
        f.fix = [
            TextEdit(
                start: SourcePosition(line: 21, column: 9), end: SourcePosition(line: 21, column: 11),
                replacement: "依申请")
        ]
        return f
    }

    /// The Chinese an English message may contain: what the user wrote (example values) and the words of the
    /// format (keys, enum values, channels, the example's names), which are data in any language.
    static let allowedChinese: [String] = {
        var words = TemplateExamples.values.values.map(\.en)
        words += CertainFixes.knownKeys
        words +=
            Level.allCases.map(\.rawValue) + Audience.allCases.map(\.rawValue) + DisclosureMode.allCases.map(\.rawValue)
        words += StandardChannel.allCases.map(\.rawValue)
        words += DomainRegistry.pilot.domains.map(\.name)
        // Examples of the format written into hints, quoted as the user would type them.
        words += [
            "其他：名称", "其他：县人社局微信公众号", "其他：", "规则", "机构名录", "未涉及领域", "扩展领域", "辖区", "文件夹",
            "领域覆盖", "忽略", "示例县人民政府", "乡镇人民政府（街道办事处）", "国令第711号", "国办发〔2019〕54号", "〔〕",
            "《》", "错误", "警告", "提示", "关闭", "：", "，", "、", "“”", "‘’", "《", "》", "〔", "〕", "（", "）",
        ]
        return words.filter { $0.unicodeScalars.contains(where: isHan) }.sorted { $0.count > $1.count }
    }()

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    /// Quoted text in an English message is what the user wrote or is to type.
    static let quoted = try! NSRegularExpression(pattern: "\"[^\"]*\"|「[^」]*」|《[^》]*》")

    /// The texts of an output: for JSON formats every string in it (so that JSON's own quotes do not count).
    static func texts(_ out: String, _ format: ReportFormat) -> [String] {
        guard format == .json || format == .sarif,
            let json = try? JSONSerialization.jsonObject(with: Data(out.utf8))
        else { return [out] }
        var strings: [String] = []
        func walk(_ value: Any) {
            if let s = value as? String { strings.append(s) }
            if let a = value as? [Any] { a.forEach(walk) }
            if let o = value as? [String: Any] { o.values.forEach(walk) }
        }
        walk(json)
        return strings
    }

    static func leftoverChinese(_ text: String) -> String? {
        var rest = quoted.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        for word in allowedChinese { rest = rest.replacingOccurrences(of: word, with: "") }
        let han = rest.unicodeScalars.filter(isHan)
        return han.isEmpty ? nil : String(String.UnicodeScalarView(han))
    }

    @Test(arguments: ReportFormat.allCases)
    func everyKindRendersCompletely(_ format: ReportFormat) {
        for kind in everyKind {
            let report = ValidationReport(files: [
                FileReport(path: "星海镇/employment.yaml", findings: [Self.finding(kind)])
            ])
            for language in [Language.zh, .en] {
                let out = Reporter.render(
                    report, format: format, language: language, kinds: everyKind,
                    lines: { _, _ in "        公开方式: 依申请公开" })
                let range = NSRange(out.startIndex..., in: out)
                let left = Self.placeholder.matches(in: out, range: range).map {
                    (out as NSString).substring(with: $0.range)
                }
                #expect(left.isEmpty, "\(kind.code) \(format) \(language): placeholders \(left) in\n\(out)")
                if language == .en {
                    for text in Self.texts(out, format) {
                        if let han = Self.leftoverChinese(text) {
                            Issue.record("\(kind.code) \(format) en: Chinese \"\(han)\" outside data in\n\(text)")
                        }
                    }
                }
            }
        }
    }

    @Test func explainRendersEveryKindWithAnExample() throws {
        for kind in everyKind {
            for language in [Language.zh, .en] {
                let example = TemplateExamples.render(kind, language)
                let text = example.message + (example.hint ?? "")
                let range = NSRange(text.startIndex..., in: text)
                #expect(
                    Self.placeholder.numberOfMatches(in: text, range: range) == 0, "\(kind.code) \(language): \(text)")
            }
        }
        // And the command prints it: no raw {siblingLine}.
        let result = try GKML.run(["explain", "yaml-bad-indent", "--lang", "en"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("{"), "\(result.stdout)")
        #expect(result.stdout.contains("column 9, aligned with line 21"), "\(result.stdout)")
    }

    @Test func githubAndSARIFCarryTheDidYouMeanAndTheFix() throws {
        let f = Self.finding(everyKind.first { $0.code == "schema-enum" }!)
        let report = ValidationReport(files: [FileReport(path: "a.yaml", findings: [f])])
        let github = Reporter.render(report, format: .github, language: .zh)
        #expect(github.contains("您是否要写「依申请」？"))
        #expect(github.contains("gkml validate --fix 可自动改为「依申请」"))
        let sarif = Reporter.render(report, format: .sarif, language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let result = try #require(((object["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let message = (result["message"] as? [String: Any])?["text"] as? String ?? ""
        #expect(message.contains("did you mean \"依申请\"?"), "\(message)")
        let fixes = try #require(result["fixes"] as? [[String: Any]])
        let change = try #require((fixes.first?["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "依申请")
        #expect((replacement["deletedRegion"] as? [String: Any])?["startColumn"] as? Int == 9)
    }
}
