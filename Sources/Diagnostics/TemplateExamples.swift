/// Example values for every placeholder of the message templates, so that `gkml explain` shows a message as a
/// person reads it (「公开方式」应为「主动」或「依申请」，实际为「依申请公开」) rather than a template with `{actual}`
/// in it. Values that are the user's data (a key, an item's 编号, a channel) are the same in both languages;
/// words of the message are translated. A test renders every kind with these and fails on a placeholder left.
public enum TemplateExamples {
    static func same(_ text: String) -> LocalizedText { LocalizedText(zh: text, en: text) }

    public static let values: [String: LocalizedText] = [
        "id": same("17-01-02"), "oldId": same("17-01-01"), "otherID": same("17-01-03"),
        "name": same("就业政策法规"), "old": same("主动"), "new": same("依申请"),
        "count": same("2"), "field": same("公开方式"), "reason": same("涉及个人信息"),
        "quote": same("\""), "limit": same("20"), "key": same("编号"), "code": same("channel-no-online"),
        "actual": same("依申请公开"), "path": same("星海镇/employment.yaml"), "removed": same("政府网站"),
        "added": same("公开查阅点"), "level": same("乡级"), "entry": same("政府网站"), "char": same("－"),
        "catalog": same("星海镇/employment.yaml"), "value": same("岗位要求"), "text": same("星海镇人民政府 "),
        "firstLine": same("17"), "firstColumn": same("9"),
        "expected": LocalizedText(zh: "文字", en: "text"), "codepoint": same("U+3000"), "anchor": same("默认值"),
        "group": same("就业创业政策"), "where": LocalizedText(zh: "缩进", en: "indentation"),
        "version": same("2024.1"), "smart": same("\u{201D}"), "siblingLine": same("21"), "siblingColumn": same("9"),
        "schema": same("my.schema.json"),
        "owner": LocalizedText(zh: "事项「17-01-02」", en: "item 17-01-02"), "itemLine": same("17"),
        "hint": LocalizedText(zh: "列表写作「- 条目」（每行一条）或「[条目1, 条目2]」", en: "write a list as \"- entry\" lines or [a, b]"),
        "encoding": same("UTF-16LE"), "domain": same("就业"),
        "detail": LocalizedText(zh: "长度为 300 个字，超过上限 200", en: "length 300 exceeds the limit of 200"),
        "closing": same("]"), "canonical": same("就业"), "byte": same("B8"), "body": same("星海镇人民政府"),
        "allowed": LocalizedText(zh: "「主动」或「依申请」", en: "\"主动\" or \"依申请\""), "element": same("公开渠道"),
        "tag": same("!!int"), "suggested": same("      - 编号: 17-01-02"), "span": same("20个工作日"),
        "spaces": same("2"), "source": same("国令第711号"), "size": same("12582912"), "sizeText": same("12.0 MiB"),
        "replacement": same("国办发〔2019〕54号"), "reference": same("国令第492号"), "quoted": same("\"岗位要求 #1、福利待遇\""),
        "problem": same("did not find expected key"), "other": same("星海镇/employment-2.yaml"), "marks": same("()"),
        "lost": same("#1、福利待遇"), "lines": same("3"), "limitText": same("10.0 MiB"), "length": same("70000"),
        "jurisdiction": same("星海镇"), "found": same("国发〔2019〕54号"), "first": same("社会救助"),
        "errorLine": same("24"), "domains": same("社会救助、养老服务"),
        "document": LocalizedText(zh: "目录文件", en: "catalog file"),
        "description": LocalizedText(zh: "形如 17-02-03", en: "like 17-02-03"), "dashColumn": same("7"),
        "context": same("; while parsing a block mapping (line 20, column 9)"), "column": same("10"),
        "cited": same("《政府信息公开条例》"),
        "channels": LocalizedText(zh: "政府网站、政府公报、两微一端", en: "政府网站, 政府公报, 两微一端"),
        "bracket": same("["), "alias": same("就业创业"),
        "date": same("2024-06-01"), "inner": same("<就业促进法>"), "item": same("17-01-02"), "newest": same("2024-01-15"),
        "title": same("关于印发就业补助资金管理办法的通知"), "written": same("2024-09-20"), "published": same("2024-10-31"),
        "days": same("25"), "controls": same("U+202E"),
        "fileType": LocalizedText(zh: "命名管道（FIFO）", en: "a FIFO (named pipe)"), "root": same("/srv/示例县"),
    ]

    /// The placeholder values for one language.
    public static func arguments(_ language: Language) -> [String: String] {
        values.mapValues { $0[language] }
    }

    /// The kind's message and hint with the example values in place.
    public static func render(_ kind: FindingKind, _ language: Language) -> (message: String, hint: String?) {
        let arguments = arguments(language)
        return (kind.message.render(language, arguments), kind.hint.map { $0.render(language, arguments) })
    }
}
