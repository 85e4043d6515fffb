import Diagnostics

/// Findings of the schema stage. Messages name a field by its Chinese title and say what was expected and
/// what was found (「公开方式」应为「主动」或「依申请」，实际为「主动公开」).
public enum SchemaFindings {
    static func kind(
        _ code: String, _ title: (String, String), _ message: (String, String), hint: (String, String)? = nil
    ) -> FindingKind {
        FindingKind(
            code: code, stage: .schema, severity: .error,
            title: LocalizedText(zh: title.0, en: title.1),
            message: LocalizedText(zh: message.0, en: message.1),
            hint: hint.map { LocalizedText(zh: $0.0, en: $0.1) })
    }

    public static let notMapping = kind(
        "schema-root-not-mapping", ("文件顶层不是映射", "Top level is not a mapping"),
        (
            "{document}的内容应为「键: 值」形式的映射，实际为{actual}",
            "the {document} must be a mapping of keys to values, found {actual}"
        ),
        hint: (
            "参照 catalogs/example 中的文件，从「格式: gkml/1」开始逐行写「键: 值」",
            "start from a file in catalogs/example: 格式: gkml/1, then one key: value per line"
        ))

    public static let type = kind(
        "schema-type", ("类型不符", "Wrong type"),
        ("「{field}」应为{expected}，实际为{actual}", "\"{field}\" must be {expected}, found {actual}"),
        hint: ("{hint}", "{hint}"))

    public static let enumeration = kind(
        "schema-enum", ("取值不在允许范围内", "Value not allowed"),
        ("「{field}」应为{allowed}，实际为「{actual}」", "\"{field}\" must be {allowed}, found \"{actual}\""))

    public static let channel = kind(
        "schema-channel", ("公开渠道不在清单中", "Channel not in the checklist"),
        ("「公开渠道」的条目「{actual}」不是13个标准渠道之一", "the 公开渠道 entry \"{actual}\" is not one of the 13 standard channels"),
        hint: (
            "标准渠道：{channels}；本地平台写作「其他：名称」，如「其他：县人社局微信公众号」",
            "standard channels: {channels}; write a local platform as \"其他：name\", e.g. \"其他：县人社局微信公众号\""
        ))

    public static let required = kind(
        "schema-required", ("缺少必填项", "Missing required element"),
        ("{owner}缺少必填项「{field}」", "{owner} lacks the required element \"{field}\""),
        hint: ("{hint}", "{hint}"))

    public static let unknownKey = kind(
        "schema-unknown-key", ("不认识的键", "Unknown key"),
        ("{owner}中不能有「{key}」这个键", "\"{key}\" is not a key of {owner}"),
        hint: ("允许的键：{allowed}", "allowed keys: {allowed}"))

    public static let pattern = kind(
        "schema-pattern", ("格式不对", "Wrong form"),
        ("「{field}」的写法不对，实际为「{actual}」", "\"{field}\" is not in the expected form, found \"{actual}\""),
        hint: ("{description}", "{description}"))

    public static let empty = kind(
        "schema-empty", ("内容为空", "Empty value"),
        ("「{field}」不能为空", "\"{field}\" must not be empty"),
        hint: ("请填写内容，或删除这一行（有默认值时会继承默认）", "fill it in, or remove the line (the default, if any, applies)"))

    public static let tooFew = kind(
        "schema-min-items", ("条目太少", "Too few entries"),
        ("「{field}」至少要有 {limit} 项，实际为 {actual} 项", "\"{field}\" needs at least {limit} entr(ies), found {actual}"))

    public static let duplicateEntry = kind(
        "schema-duplicate-entry", ("列表中有重复条目", "Duplicate list entry"),
        ("「{field}」中的条目「{entry}」重复出现", "\"{field}\" lists \"{entry}\" more than once"),
        hint: ("删除重复的一项", "remove the repeated entry"))

    public static let other = kind(
        "schema-violation", ("不符合 JSON Schema", "Schema violation"),
        ("「{field}」不符合规定：{detail}", "\"{field}\" does not conform: {detail}"))

    public static let invalidSchema = kind(
        "schema-invalid", ("JSON Schema 本身无效", "Invalid JSON Schema"),
        ("JSON Schema「{schema}」本身无效：{detail}", "the JSON Schema \"{schema}\" is itself invalid: {detail}"),
        hint: ("请用 2020-12 元模式检查该 Schema（gkml validate --schema 会先检查它）", "check it against the 2020-12 metaschema"))

    /// A `$ref` of a user's schema that no local file resolves.
    public static let unresolvedReference = FindingKind(
        code: "schema-ref-unresolved", stage: .schema, severity: .error,
        title: LocalizedText(zh: "无法解析的 $ref", en: "Unresolvable $ref"),
        message: LocalizedText(
            zh: "JSON Schema「{schema}」引用的「{reference}」找不到",
            en: "the JSON Schema \"{schema}\" refers to \"{reference}\", which cannot be found"),
        hint: LocalizedText(
            zh: "gkml 不访问网络：用 --schema-map 网址前缀=本地文件夹 把引用映射到本地文件",
            en: "gkml never uses the network: map the URI to a local folder with --schema-map PREFIX=DIR"))

    public static let all: [FindingKind] = [
        notMapping, type, enumeration, channel, required, unknownKey, pattern, empty, tooFew, duplicateEntry, other,
        invalidSchema, unresolvedReference,
    ]
}
