import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import Testing

/// Configuration, ignore comments, the finding baseline and --fix on whole files.
struct EngineTests {
    static let setup = ExampleSetup()

    static func lint(_ body: String, setup: ExampleSetup = setup, file: String = "a.yaml") -> LintResult {
        let text = ExampleRunner.document(body, setup: setup)
        let context = ExampleRunner.context(setup)
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: file, registry: context.registry)
        return LintEngine.lint([loaded], context: context)[file] ?? LintResult()
    }

    static let overLimit = """
        事项:
          - 一级事项: 就业服务
            二级事项:
              - 编号: 17-02-01
                名称: 招聘会信息
                公开内容: 招聘会时间、地点
                公开时限: 自信息形成之日起30日内
              - 编号: 17-02-02
                名称: 岗位信息
                公开内容: 岗位要求
                公开时限: 自信息形成之日起30日内
        """

    @Test func configuredSeverityAndOff() {
        #expect(
            Self.lint(Self.overLimit).findings.filter { $0.code == "time-limit-exceeds" }.map(\.severity) == [
                .error, .error,
            ])
        var setup = Self.setup
        setup.rules = ["time-limit-exceeds": .severity(.warning)]
        #expect(
            Self.lint(Self.overLimit, setup: setup).findings.filter { $0.code == "time-limit-exceeds" }.map(\.severity)
                == [.warning, .warning])
        setup.rules = ["time-limit-exceeds": .off]
        #expect(Self.lint(Self.overLimit, setup: setup).findings.filter { $0.code == "time-limit-exceeds" }.isEmpty)
    }

    @Test func ignoreCommentSilencesOneItemAndKeepsTheReason() {
        let body = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  # gkml: 忽略 time-limit-exceeds,channel-no-online 县人社局统一汇总后发布，经县政务公开办同意
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开时限: 自信息形成之日起30日内
                    公开渠道: [公开查阅点]
                  - 编号: 17-02-02
                    名称: 岗位信息
                    公开内容: 岗位要求
                    公开时限: 自信息形成之日起30日内
            """
        let result = Self.lint(body)
        let exceeds = result.findings.filter { $0.code == "time-limit-exceeds" }
        #expect(exceeds.count == 1)
        #expect(exceeds.first?.path == "/事项/编号=17-02-02/公开时限")
        #expect(result.suppressed.map(\.finding.code).sorted() == ["channel-no-online", "time-limit-exceeds"])
        #expect(result.suppressed.allSatisfy { $0.reason == "县人社局统一汇总后发布，经县政务公开办同意" })
        #expect(!result.findings.contains { $0.code == "ignore-unused" })
    }

    @Test func ignoreCommentOnTheLineBeforeAValue() {
        let body = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    # gkml: ignore time-limit-exceeds 省里规定30日
                    公开时限: 自信息形成之日起30日内
            """
        let result = Self.lint(body)
        #expect(!result.findings.contains { $0.code == "time-limit-exceeds" })
        #expect(result.suppressed.count == 1)
    }

    @Test func ignoreCommentWithoutReasonDoesNotSilence() {
        let body = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  # gkml: 忽略 time-limit-exceeds
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开时限: 自信息形成之日起30日内
            """
        let result = Self.lint(body)
        #expect(result.findings.contains { $0.code == "time-limit-exceeds" })
        #expect(result.findings.contains { $0.code == "ignore-reason-missing" })
        #expect(result.suppressed.isEmpty)
    }

    @Test func suppressedFindingsReachTheJSONReport() {
        let body = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  # gkml: 忽略 time-limit-exceeds 省里规定30日
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开时限: 自信息形成之日起30日内
            """
        let result = Self.lint(body)
        let report = ValidationReport(files: [
            FileReport(path: "a.yaml", findings: result.findings, suppressed: result.suppressed)
        ])
        let json = Reporter.render(report, format: .json, language: .zh)
        #expect(json.contains("\"suppressed\""))
        #expect(json.contains("省里规定30日"))
    }

    /// proactive-downgraded names its source in the reader's language (a typed argument, not a string the rule
    /// reads back), and keeps the Chinese name among the arguments, the key of accepted findings.
    @Test func downgradeNamesItsSourceInBothLanguages() throws {
        let rule = try #require(LintRules.rule(for: "proactive-downgraded"))
        let example = try #require(rule.ruleDescription.triggeringExamples.first)
        let result = Self.lint(example.yaml.replacingOccurrences(of: "↓", with: ""), setup: example.setup)
        let finding = try #require(result.findings.first { $0.code == "proactive-downgraded" })
        #expect(finding.message(.zh).contains("全国基准目录"))
        #expect(finding.message(.en).contains("the national baseline"))
        #expect(!finding.message(.en).contains("全国基准目录"))
        #expect(finding.arguments["source"] == "全国基准目录")
    }

    @Test func acceptedKeysSurviveMovedLines() throws {
        let before = Self.lint(Self.overLimit)
        let baseline = AcceptedFindings(before.findings)
        let text = baseline.serialized()
        #expect(text.contains("\"格式\": \"gkml-accepted/1\""))
        let reread = try AcceptedFindings(json: Array(text.utf8))
        #expect(reread == baseline)
        // A file written before the rename (`--write-baseline`) is still read.
        let former = text.replacingOccurrences(of: "gkml-accepted/1", with: "gkml-baseline/1")
        #expect(try AcceptedFindings(json: Array(former.utf8)) == baseline)
        let unknown = text.replacingOccurrences(of: "gkml-accepted/1", with: "gkml-accepted/9")
        #expect(throws: AcceptedFindings.ReadError.self) { try AcceptedFindings(json: Array(unknown.utf8)) }
        // Insert an item above: lines move, nothing new.
        let moved = Self.overLimit.replacingOccurrences(
            of: """
                    二级事项:
                """,
            with: """
                    二级事项:
                      - 编号: 17-02-09
                        名称: 新增事项
                        公开内容: 新增事项内容
                """)
        let after = Self.lint(moved)
        #expect(
            after.findings.first { $0.code == "time-limit-exceeds" }?.location.position
                != before.findings.first { $0.code == "time-limit-exceeds" }?.location.position)
        let (new, known) = reread.filter(after.findings)
        #expect(known.count == before.findings.count)
        #expect(new.isEmpty, "\(new.map { "\($0.code) \($0.path)" })")
        // A new problem is not hidden.
        let worse = moved.replacingOccurrences(of: "名称: 新增事项\n", with: "名称: 新增事项\n        公开时限: 形成后2个月内\n")
        let (new2, _) = reread.filter(Self.lint(worse).findings)
        #expect(new2.map(\.path) == ["/事项/编号=17-02-09/公开时限"])
    }

    @Test func acceptedCountsRepeatedKeys() {
        let finding = Finding(
            ModelFindings.duplicateID, at: SourceLocation(file: "./a.yaml", line: 3, column: 1),
            path: "/事项/编号=17-01-01/编号",
            arguments: ["id": "17-01-01", "firstLine": "2"])
        let baseline = AcceptedFindings([finding, finding])
        var moved = finding
        moved.arguments["firstLine"] = "9"
        moved.location = SourceLocation(file: "a.yaml", line: 30, column: 1)
        let (new, known) = baseline.filter([moved, moved, moved])
        #expect(known.count == 2)
        #expect(new.count == 1)
        #expect(baseline.serialized().contains("\"count\": 2"))
    }

    /// A file full of fixable problems, with comments, quoting and key order that must survive.
    static let messy = """
        # yaml-language-server: $schema=../../schemas/catalog.schema.json
        # 星海镇就业领域目录（测试用，满是可自动修正的问题）
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
          - 一级事项: 就业服务   # 行尾注释
            二级事项:
              - 编号: 17-02-01
                名称: "　招聘会信息 "
                公开内容: 招聘会时间,地点;参会单位(含岗位)
                公开依据:
                  - 中华人民共和国就业促进法
                  # 中间的注释
                  - 《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发(2019)54号）
                  - 中华人民共和国就业促进法
                  - ""
                公开主体: [星海镇人民政府, 星海镇人民政府]
                公开渠道: [政府网站, "其他:县人社局微信公众号", 政府网站]
              - 编号: 17-02-02
                名称: 岗位信息
                公开内容: 岗位要求、福利待遇
                备注: 见人社厅函【2019】113号
        """

    @Test func fixKeepsCommentsAndIsIdempotent() {
        let context = ExampleRunner.context(ExampleSetup())
        let result = LintFixer.fix(source: Array(Self.messy.utf8), file: "messy.yaml", context: context)
        let fixed = String(decoding: result.fixed, as: UTF8.self)
        #expect(result.changed)
        let expected = """
            # yaml-language-server: $schema=../../schemas/catalog.schema.json
            # 星海镇就业领域目录（测试用，满是可自动修正的问题）
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
              - 一级事项: 就业服务   # 行尾注释
                二级事项:
                  - 编号: 17-02-01
                    名称: "招聘会信息"
                    公开内容: 招聘会时间，地点；参会单位（含岗位）
                    公开依据:
                      - 《中华人民共和国就业促进法》
                      # 中间的注释
                      - 《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）
                    公开主体: [星海镇人民政府]
                    公开渠道: [政府网站, "其他：县人社局微信公众号"]
                  - 编号: 17-02-02
                    名称: 岗位信息
                    公开内容: 岗位要求、福利待遇
                    备注: 见人社厅函〔2019〕113号
            """
        #expect(fixed == expected)
        let codes = Set(result.changes.map(\.finding.code))
        #expect(
            codes.isSuperset(of: [
                "text-whitespace", "text-halfwidth-punctuation", "citation-title-brackets", "citation-doc-number",
                "text-list-duplicate-entry", "text-list-empty-entry",
            ]))
        // Idempotent: a second run changes nothing; and the fixed file has no fixable finding left.
        let again = LintFixer.fix(source: result.fixed, file: "messy.yaml", context: context)
        #expect(!again.changed)
        #expect(again.fixed == result.fixed)
        let loaded = CatalogLoader.load(bytes: result.fixed, file: "messy.yaml")
        #expect(!loaded.hasErrors, "\(loaded.findings.map { $0.message(.zh) })")
        let lint = LintEngine.lint([loaded], context: context)["messy.yaml"]!
        #expect(lint.fixable.isEmpty)
    }

    @Test func fixKeepsCRLFAndBOM() {
        let text = "\u{FEFF}" + Self.messy.replacingOccurrences(of: "\n", with: "\r\n")
        let context = ExampleRunner.context(ExampleSetup())
        let result = LintFixer.fix(source: Array(text.utf8), file: "crlf.yaml", context: context)
        let fixed = String(decoding: result.fixed, as: UTF8.self)
        #expect(fixed.hasPrefix("\u{FEFF}"))
        #expect(!fixed.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(fixed.contains("名称: \"招聘会信息\"\r\n"))
    }

    @Test func fixRespectsOffAndIgnore() {
        var setup = ExampleSetup()
        setup.rules = ["text-halfwidth-punctuation": .off]
        let body = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间,地点
                    # gkml: 忽略 citation-doc-number 原文如此
                    公开依据: [《指导意见》（国办发(2019)54号）]
            """
        let text = ExampleRunner.document(body, setup: setup)
        let result = LintFixer.fix(source: Array(text.utf8), file: "a.yaml", context: ExampleRunner.context(setup))
        #expect(!result.changed)
    }

    @Test func unknownCodesAreReportedWithSuggestion() {
        let body = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  # gkml: 忽略 body-unknwn 县里的新机构
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
            """
        let finding = Self.lint(body).findings.first { $0.code == "ignore-unknown-code" }
        #expect(finding?.notes.first?.zh == "您是否要写「body-unknown」？")
    }

    @Test func crossFileUniquenessReportsTheLaterFile() {
        let setup = ExampleSetup()
        let context = ExampleRunner.context(setup)
        let a = ExampleRunner.document(Self.overLimit, setup: setup)
        let files = ["b.yaml", "a.yaml"].map { CatalogLoader.load(bytes: Array(a.utf8), file: $0) }
        let results = LintEngine.lint(files, context: context)
        #expect(results["a.yaml"]!.findings.filter { $0.code == "duplicate-id-across-files" }.isEmpty)
        #expect(results["b.yaml"]!.findings.filter { $0.code == "duplicate-id-across-files" }.count == 2)
    }

    @Test func findingsUseFullWidthColumns() {
        // The caret under a line with Chinese text lands under the reported character.
        let result = Self.lint(Self.overLimit)
        let finding = result.findings.first { $0.code == "time-limit-exceeds" }!
        let text = ExampleRunner.document(Self.overLimit, setup: Self.setup)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[finding.location.position!.line - 1]
        let rendered = TextReporter(language: .zh, lines: { _, _ in String(line) }).render(finding)
        #expect(rendered.contains("                             ^^^"), "\(rendered)")
    }
}

struct ConfigurationTests {
    @Test func unknownCodesAndInvalidSettingsInTheWorkspace() throws {
        let text = """
            格式: gkml-workspace/1
            地区: 示例县
            层级: 县级
            辖区:
              - 名称: 示例县
                层级: 县级
                目录: 县本级
            规则:
              time-limit-exceeds: 警告
              body-unknwn: 关闭
              channel-no-online: 严重
            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("gkml.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = WorkspaceLoader.load(path: path)
        let findings = LintConfiguration.check(loaded)
        let unknown = findings.filter { $0.code == "rule-config-unknown" }
        #expect(unknown.map { $0.arguments["code"] } == ["body-unknwn"])
        #expect(unknown.first?.notes.first?.zh == "您是否要写「body-unknown」？")
        #expect(unknown.first?.location.position == SourcePosition(line: 10, column: 3))
        // An invalid word: the workspace schema rejects it, and the 规则 check names the code and the value.
        #expect(loaded.findings.contains { $0.code == "schema-enum" }, "\(loaded.findings.map(\.code))")
        #expect(findings.filter { $0.code == "rule-config-invalid" }.map { $0.arguments["value"] } == ["严重"])
    }

    @Test func applyToOtherStages() {
        let finding = Finding(
            ModelFindings.domainAlias, at: SourceLocation(file: "a.yaml"),
            arguments: ["alias": "就业创业", "canonical": "就业"])
        #expect(LintConfiguration.apply(["domain-alias": .off], to: [finding]).isEmpty)
        #expect(
            LintConfiguration.apply(["domain-alias": .severity(.warning)], to: [finding]).first?.severity == .warning)
    }
}
