import CatalogModel
import Diagnostics
import YAMLTree

/// 公开渠道 names as published: a known variant (公示栏, 门户网站) gets the standard name, free text a local carrier
/// (`其他：…`), a near miss of a standard name stays an error. The schema reports all three as errors in an editor;
/// the pipeline decodes them and this rule gives the verdict (docs/channels.md).
struct ChannelNameRule: TreeRule {
    static let variant = lintKind(
        "channel-name-variant", .warning,
        title: .t("公开渠道写的是别名", "Channel written under a variant name"),
        message: .t("公开渠道「{actual}」是「{expected}」的另一种写法", "the channel \"{actual}\" is a variant of \"{expected}\""),
        hint: .t(
            "写作标准名称「{expected}」，表格才能在对应的勾选框打■（出处：{source}）",
            "write the standard name \"{expected}\" so that the table ticks the right box (seen on: {source})"),
        fixable: true)

    static let freeText = lintKind(
        "channel-name-free-text", .warning,
        title: .t("公开渠道不是标准渠道", "Channel is not a standard box"),
        message: .t("公开渠道「{actual}」不是13个标准渠道之一", "the channel \"{actual}\" is not one of the 13 standard channels"),
        hint: .t(
            "本地的渠道或载体写作「其他：{actual}」（印在「其他」一栏）；若是标准渠道之一，改写为该名称",
            "write a local carrier as \"其他：{actual}\" (printed under 其他), or use the standard channel it means"),
        fixable: true)

    static let unknown = lintKind(
        "channel-name-unknown", .error,
        title: .t("公开渠道名称写错", "Misspelt channel"),
        message: .t(
            "公开渠道「{actual}」不是13个标准渠道之一，像是「{expected}」写错了",
            "the channel \"{actual}\" is not a standard channel; it looks like a misspelling of \"{expected}\""),
        hint: .t(
            "改为「{expected}」；若是本地渠道，写作「其他：{actual}」", "write \"{expected}\"; for a local carrier write \"其他：{actual}\""))

    static let description = RuleDescription(
        identifier: "channel-name",
        name: .t("公开渠道的名称", "Channel names"),
        kinds: [variant, freeText, unknown],
        rationale: .t(
            "公开渠道和载体是13个勾选框（政府网站……其他）。已公布的目录常印着别的写法：「社区/村公示栏(电子屏)」「公示栏」「村务公开栏」「门户网站」，或自由文字「公众号」「文化机构门口」。模式（编辑器）把它们都标为错误，但这不应让整个文件无法读取：gkml 仍读取文件，按 schemas/channel-aliases.yaml（每个别名注明见到它的页面）把已知别名读作对应的标准渠道并给出警告，对应关系确定的由 --fix 改为标准名称；其余自由文字读作「其他：…」并给出警告，--fix 改写为「其他：…」（不改变文字本身）；与某个标准名称只差一两个字的，像是写错了，仍是错误。",
            "公开渠道 is a checklist of 13 boxes. Published tables print other names (社区/村公示栏(电子屏), 公示栏, 村务公开栏, 门户网站) and free text (公众号, 文化机构门口). The schema marks them all in an editor, but that must not keep the whole file from being read: gkml still decodes it, reads a known alias (schemas/channel-aliases.yaml, each with the page it was seen on) as its standard channel with a warning, fixed by --fix where the mapping is certain; other free text is read as 其他：… with a warning, fixed by writing 其他：… (the words stay as they are); a near miss of a standard name looks like a typo and stays an error."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开渠道: [政府网站, 社区/企事业单位/村公示栏(电子屏), "其他：县人社局微信公众号", 其他:乡镇文化站]
                """)
        ],
        triggeringExamples: [
            // 社区/村公示栏(电子屏), 公示栏, 村务公开栏, 门户网站: variants seen on published tables (schemas/channel-aliases.yaml).
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开渠道: [↓门户网站, ↓社区/村公示栏(电子屏)]
                      - 编号: 17-02-02
                        名称: 岗位信息
                        公开内容: 岗位要求
                        公开渠道: [政府网站, ↓公示栏, ↓村务公开栏]
                      - 编号: 17-02-03
                        名称: 招聘会动态
                        公开内容: 招聘会动态
                        公开渠道: [政府网站, ↓公众号]
                """, codes: ["channel-name-variant"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 公共文化
                    二级事项:
                      - 编号: 17-02-01
                        名称: 公共文化机构免费开放信息
                        公开内容: 机构名称、开放时间
                        公开渠道: [政府网站, ↓文化机构门口, ↓投资项目在线审批监管平台]
                """, codes: ["channel-name-variant", "channel-name-free-text"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开渠道: [↓政府网占, 公开查阅点]
                """, codes: ["channel-name-unknown"]),
        ],
        corrections: [
            RuleCorrection(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开渠道: [↓门户网站, ↓社区/村公示栏(电子屏), ↓文化机构门口, ↓基层公共服务平台, ↓公众号]
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开渠道: [政府网站, 社区/企事业单位/村公示栏(电子屏), 其他：文化机构门口, 其他：基层公共服务平台, 公众号]
                """)
        ])

    static let interest: TreeInterest = .sequences

    /// Each 公开渠道 list as written (in 默认 and in the items that set their own), met in the shared walk: the
    /// entries' names as written are the list's scalars.
    func visit(
        sequence node: YAMLNode, items: [YAMLNode], key: String, path: inout TreePath, file: LintFile,
        into out: inout [LintViolation]
    ) {
        guard TextKey.equal(key, ownNFC: "公开渠道"), file.isDecoded else { return }
        // Entries are read in place; only one reported is bound (binding each copied the node).
        for index in items.indices {
            guard let actual = items[index].string, Channel(actual) == nil else { continue }
            let item = items[index]
            path.components.append(.element(index))
            defer { path.components.removeLast() }
            let span = file.span(of: item)
            let entryPath = path.string
            func report(_ kind: FindingKind, _ arguments: [String: String], fix replacement: String?) {
                let fix = replacement.flatMap { span.edit(0..<span.length, $0) }.map { [$0] } ?? []
                out.append(
                    LintViolation(
                        file.finding(
                            kind, at: span.start, end: span.end(span.length), path: entryPath, arguments: arguments),
                        fix: fix))
            }
            if let alias = ChannelAliases.alias(for: actual) {
                report(
                    Self.variant, ["actual": actual, "expected": alias.channel.text, "source": alias.source],
                    fix: alias.certain ? alias.channel.text : nil)
            } else if let typo = StandardChannel.allCases.map(\.rawValue).first(where: { Self.isTypo(actual, of: $0) })
            {
                report(Self.unknown, ["actual": actual, "expected": typo], fix: nil)
            } else {
                report(Self.freeText, ["actual": actual], fix: Channel.other(name: actual).text)
            }
        }
    }

    /// A near miss of a standard name: the same length give or take, with at most a third of it different.
    static func isTypo(_ text: String, of name: String) -> Bool {
        let longest = max(text.unicodeScalars.count, name.unicodeScalars.count)
        return Suggestion.distance(text, name) <= max(1, longest / 3)
    }
}
