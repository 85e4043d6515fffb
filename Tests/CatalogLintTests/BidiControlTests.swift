import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// `text-bidi-control` (issue 15 item 6): where it reports, and that --fix removes a control only where what
/// YAML reads stays the same but for it.
struct BidiControlTests {
    static func catalog(_ items: String) -> String {
        """
        格式: gkml/1
        领域: 就业
        地区: 示例县星海镇
        层级: 乡级
        发布机构: 星海镇人民政府
        版本: "2024.1"
        默认:
          公开依据: [《中华人民共和国政府信息公开条例》（国令第711号）]
          公开时限: 自信息形成或者变更之日起20个工作日内
          公开主体: [星海镇人民政府]
          公开渠道: [政府网站, 公开查阅点]
          公开对象: 全社会
          公开方式: 主动
          公开层级: [乡级]
        事项:
          - 一级事项: 就业服务
            二级事项:
        \(items)
        """
    }

    static func findings(_ text: String) -> [Finding] { lint(text).findings }

    /// The rule's findings, and how many of them --fix can repair.
    static func lint(_ text: String) -> (findings: [Finding], fixable: Int) {
        let context = ExampleRunner.context(ExampleSetup())
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "bidi.yaml")
        let result = LintEngine.lint([loaded], context: context)["bidi.yaml"]
        return (
            (result?.findings ?? []).filter { $0.code == "text-bidi-control" },
            (result?.fixable ?? []).filter { $0.finding.code == "text-bidi-control" }.count
        )
    }

    static func fixed(_ text: String) -> String {
        let context = ExampleRunner.context(ExampleSetup())
        let result = LintFixer.fix(source: Array(text.utf8), file: "bidi.yaml", context: context)
        return String(decoding: result.fixed, as: UTF8.self)
    }

    @Test func everyControlOfTheSetIsReportedAndRemoved() {
        for scalar in [
            "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}",
            "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}",
        ] {
            let text = Self.catalog("      - 编号: 17-02-01\n        名称: 招聘会\(scalar)信息\n")
            let found = Self.findings(text)
            #expect(found.count == 1, "\(scalar.unicodeScalars.first!.value)")
            #expect(found.first?.location.position == SourcePosition(line: 19, column: 16))
            #expect(Self.fixed(text) == Self.catalog("      - 编号: 17-02-01\n        名称: 招聘会信息\n"))
        }
        // Zero-width space and the Arabic and Hebrew letters themselves are not controls.
        let other = Self.catalog("      - 编号: 17-02-01\n        名称: 招聘会\u{200B}信息 العربية עברית\n")
        #expect(Self.findings(other).isEmpty)
    }

    @Test func removalThatWouldChangeWhatYAMLReadsIsNotMade() {
        // A number, a boolean, a comment and null if the control went.
        for value in ["\u{202E}17", "\u{202E}true", "招聘会 \u{202E}#信息", "\u{202E}"] {
            let text = Self.catalog("      - 编号: 17-02-01\n        名称: 招聘会\n        备注: \(value)\n")
            let (found, fixable) = Self.lint(text)
            #expect(found.count == 1, "\(value)")
            #expect(fixable == 0, "\(value): fixable though not certain")
            #expect(Self.fixed(text) == text, "\(value)")
        }
        // Quoted, the same removal is certain.
        let quoted = Self.catalog("      - 编号: 17-02-01\n        名称: 招聘会\n        备注: \"\u{202E}17\"\n")
        #expect(Self.fixed(quoted) == Self.catalog("      - 编号: 17-02-01\n        名称: 招聘会\n        备注: \"17\"\n"))
    }

    @Test func escapesAreReportedAtTheirValueNotFixed() {
        let text = Self.catalog("      - 编号: 17-02-01\n        名称: \"招聘会\\u202E信息\"\n")
        let found = Self.findings(text)
        #expect(found.count == 1)
        #expect(found.first?.location.position == SourcePosition(line: 19, column: 13))
        #expect(found.first?.arguments["controls"] == "U+202E")
        #expect(Self.fixed(text) == text)
    }

    @Test func commentsKeysAndBlockTextAreCheckedAndFixedInOnePass() {
        let text = Self.catalog(
            "      # 注释\u{2067}里\u{2069}\n      - 编号: 17-02-01\n        名称: 招聘会\n        备注: |\n          第一行\u{202E}\n          第二行\n"
        )
        let found = Self.findings(text)
        #expect(
            found.map(\.location.position) == [
                SourcePosition(line: 18, column: 11), SourcePosition(line: 22, column: 14),
            ])
        #expect(found.first?.arguments["controls"] == "U+2067、U+2069")
        #expect(
            Self.fixed(text)
                == Self.catalog(
                    "      # 注释里\n      - 编号: 17-02-01\n        名称: 招聘会\n        备注: |\n          第一行\n          第二行\n")
        )
    }
}
