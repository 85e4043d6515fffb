@testable import CatalogLint
import CatalogModel
import Diagnostics
import Testing
import YAMLTree

/// The shared walk that feeds every tree rule: each node reaches the rules interested in its kind, once, with
/// the path and key a rule walking the tree itself would have had.
struct TreeWalkTests {
    static let seen = lintKind(
        "test-tree-walk-seen", .info, title: .t("见到", "Seen"), message: .t("{what}", "{what}"))

    /// Records every node the walk hands it, as a finding at the node with its path (and key, for sequences).
    struct Recorder<Tag>: TreeRule {
        static var description: RuleDescription {
            RuleDescription(
                identifier: "test-tree-walk", name: .t("测试", "Test"), kinds: [TreeWalkTests.seen],
                rationale: .t("测试", "Test"))
        }
        static var interest: TreeInterest { Tag.self == Strings.self ? .strings : .sequences }

        func visit(string node: YAMLNode, path: TreePath, file: LintFile, into out: inout [LintViolation]) {
            out.append(
                LintViolation(
                    file.finding(
                        TreeWalkTests.seen, at: node.start, path: path.string, arguments: ["what": node.string ?? ""])))
        }

        func visit(
            sequence node: YAMLNode, items: [YAMLNode], key: String, path: inout TreePath, file: LintFile,
            into out: inout [LintViolation]
        ) {
            out.append(
                LintViolation(
                    file.finding(
                        TreeWalkTests.seen, at: node.start, path: path.string,
                        arguments: ["what": "\(key):\(items.count)"])))
        }
    }
    enum Strings {}
    enum Sequences {}

    static let text = """
        格式: gkml/1
        领域: 就业
        地区: 示例县星海镇
        层级: 乡级
        发布机构: 星海镇人民政府
        版本: '1'
        事项:
          - 一级事项: 就业服务
            二级事项:
              - 编号: 17-02-01
                名称: 招聘会信息
                公开内容: 招聘会时间、地点
                公开依据: [《就业促进法》, [嵌套]]
                公开时限: 30
        """

    static func file() throws -> LintFile {
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "a.yaml", registry: DomainRegistry.pilot)
        return try #require(LintFile(loaded, registry: DomainRegistry.pilot))
    }

    /// Every string value in document order, found by a plain recursive walk of the test's own.
    static func strings(_ node: YAMLNode) -> [YAMLNode] {
        switch node.value {
        case .string: [node]
        case .mapping(let pairs): pairs.flatMap { strings($0.value) }
        case .sequence(let items): items.flatMap(strings)
        default: []
        }
    }

    @Test func everyStringValueOnceWithItsPath() throws {
        let file = try Self.file()
        let out = TreeWalk.run([Recorder<Strings>()], over: file)
        #expect(out.count == 1)
        let visited = out[0].map(\.finding)
        // Keys are not values; the integer 30 is not a string.
        #expect(visited.map(\.arguments["what"]) == Self.strings(file.root).map(\.string))
        #expect(visited.map(\.location.position) == Self.strings(file.root).map(\.start))
        #expect(visited.map(\.path).contains("/事项/编号=17-02-01/公开依据/0"))
        #expect(visited.map(\.path).contains("/事项/编号=17-02-01/公开依据/1/0"))
        #expect(visited.map(\.path).contains("/事项/一级事项=就业服务/一级事项"))
    }

    @Test func sequencesWithTheirKeyAndOnlyToTheRulesThatAsked() throws {
        let file = try Self.file()
        let out = TreeWalk.run([Recorder<Sequences>(), Recorder<Strings>()], over: file)
        #expect(out.count == 2)
        // A nested sequence keeps the key of the mapping it sits under; the sequence rule saw no string.
        #expect(
            out[0].map { "\($0.finding.path)|\($0.finding.arguments["what"]!)" } == [
                "/事项|事项:1", "/事项/一级事项=就业服务/二级事项|二级事项:1", "/事项/编号=17-02-01/公开依据|公开依据:2",
                "/事项/编号=17-02-01/公开依据/1|公开依据:1",
            ])
        #expect(out[1].count == Self.strings(file.root).count)
    }

    @Test func aTreeRuleAloneGivesWhatTheSharedWalkGivesIt() throws {
        let file = try Self.file()
        let alone = Recorder<Strings>().check(file, in: LintScope(context: LintContext(), files: [file]))
        let shared = TreeWalk.run([Recorder<Sequences>(), Recorder<Strings>()], over: file)[1]
        #expect(alone.map(\.finding.path) == shared.map(\.finding.path))
        #expect(!alone.isEmpty)
    }

    /// The engine asks each rule `asTreeRule` instead of casting: every tree rule answers itself (so it shares the
    /// walk), every other rule nil (so its own check runs). A tree rule that answered nil would be walked alone.
    @Test func asTreeRuleAnswersExactlyForTheTreeRules() {
        var walking = 0
        for rule in LintRules.all {
            let name = String(describing: type(of: rule))
            #expect((rule.asTreeRule != nil) == (rule is any TreeRule), "\(name)")
            if let tree = rule.asTreeRule {
                walking += 1
                #expect(type(of: tree) == type(of: rule), "\(name)")
            }
        }
        #expect(walking >= 4, "only \(walking) rules share the walk")  // the text rules and channel-name
        #expect(Recorder<Strings>().asTreeRule != nil)
    }

    /// The engine runs the text rules through the walk: their findings come out as each rule alone gives them.
    @Test func engineFindingsOfTheTextRules() throws {
        let body = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会　信息
                    公开内容: 招聘会时间,地点
                    公开依据: [《就业促进法》, 《就业促进法》]
            """
        let setup = ExampleSetup()
        let text = ExampleRunner.document(body, setup: setup)
        let context = ExampleRunner.context(setup)
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "a.yaml", registry: context.registry)
        let file = try #require(LintFile(loaded, registry: context.registry))
        let codes = Set(LintEngine.lint(files: [file], context: context)["a.yaml"]!.findings.map(\.code))
        #expect(codes.isSuperset(of: ["text-whitespace", "text-halfwidth-punctuation", "text-list-duplicate-entry"]))
    }

    /// channel-name reads the 公开渠道 lists in the shared walk: each finding's path names the list as written, in
    /// 默认 or in the item that sets its own, and the entry's index; an item that inherits 默认's list adds none.
    @Test func channelNameFindingsNameTheListAsWritten() throws {
        let body = """
            默认:
              公开依据: [《中华人民共和国政府信息公开条例》]
              公开时限: 自信息形成或者变更之日起20个工作日内
              公开主体: [示例县人力资源和社会保障局]
              公开渠道: [政府网站, 公示栏]
              公开对象: 全社会
              公开方式: 主动
              公开层级: [县级]
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开渠道: [政府网站, 本镇公众号]
                  - 编号: 17-02-02
                    名称: 就业见习信息
                    公开内容: 见习岗位
            """
        let setup = ExampleSetup()
        let text = ExampleRunner.document(body, setup: setup)
        let context = ExampleRunner.context(setup)
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "a.yaml", registry: context.registry)
        let file = try #require(LintFile(loaded, registry: context.registry))
        let findings = LintEngine.lint(files: [file], context: context)["a.yaml"]!.findings
            .filter { $0.code.hasPrefix("channel-name") }
        #expect(
            findings.map { "\($0.code) \($0.path)" }.sorted() == [
                "channel-name-free-text /事项/编号=17-02-01/公开渠道/1",
                "channel-name-variant /默认/公开渠道/1",
            ])
    }
}
