import Diagnostics
import JSONSchema
import YAMLTree

/// Turns JSON Schema errors into findings a township clerk can act on: the field's Chinese name, the
/// expected and actual values, the position of the offending node (or key), an identity-keyed path.
struct SchemaErrorTranslator {
    let document: YAMLDocument
    /// What the file is called in messages (目录文件 / 工作区文件 gkml.yaml / 文件).
    let documentName: LocalizedText

    func findings(_ errors: [ValidationError]) -> [Finding] {
        var out: [Finding] = []
        var seen = Set<String>()
        for error in flatten(errors) {
            for finding in translate(error) {
                let key =
                    "\(finding.code)|\(finding.location.position?.description ?? "")|\(finding.arguments.sorted { $0.key < $1.key })"
                if seen.insert(key).inserted { out.append(finding) }
            }
        }
        return out
    }

    /// anyOf/oneOf failures report the branch that came closest, except the channel list, which has its own message.
    func flatten(_ errors: [ValidationError]) -> [ValidationError] {
        errors.flatMap { error -> [ValidationError] in
            switch error.detail {
            case .anyOf, .oneOf(matching: []):
                if isChannel(error.subschema) { return [error] }
                guard let closest = error.closestBranch else { return [error] }
                return flatten(closest.errors)
            default:
                return [error]
            }
        }
    }

    func isChannel(_ schema: JSONValue) -> Bool {
        schema["title"]?.stringValue == "公开渠道" && schema["anyOf"] != nil
    }

    func translate(_ error: ValidationError) -> [Finding] {
        let tokens = error.instanceLocation.tokens
        let node = document.root.nearestNode(at: tokens).node
        let field = fieldName(tokens)
        let path = identityPath(tokens)
        func finding(
            _ kind: FindingKind, at node: YAMLNode, _ arguments: [String: String],
            localized: [String: LocalizedText] = [:], notes: [LocalizedText] = []
        ) -> Finding {
            Finding(
                kind, at: location(of: node), path: path, arguments: arguments, notes: notes,
                localizedArguments: localized)
        }

        switch error.detail {
        case .type(let expected, let actual):
            if tokens.isEmpty && expected == ["object"] {
                return [
                    finding(
                        SchemaFindings.notMapping, at: node, [:],
                        localized: ["document": documentName, "actual": Self.typeName(actual)])
                ]
            }
            var hint = LocalizedText(zh: "", en: "")
            if expected.contains("string") && (actual == "number" || actual == "integer" || actual == "boolean") {
                hint = LocalizedText(
                    zh: "YAML 会把 \(node.text) 读成\(Self.typeName(actual).zh)；请加引号写成 \"\(node.text)\"",
                    en: "YAML reads \(node.text) as \(Self.typeName(actual).en); quote it: \"\(node.text)\"")
            } else if actual == "null" {
                hint = LocalizedText(zh: "这一项没有填写内容", en: "the value is missing")
            } else if expected.contains("array") {
                hint = LocalizedText(
                    zh: "列表写作「- 条目」（每行一条）或「[条目1, 条目2]」", en: "write a list as \"- entry\" lines or [a, b]")
            }
            let names = expected.map(Self.typeName)
            return [
                finding(
                    SchemaFindings.type, at: node, ["field": field],
                    localized: [
                        "expected": LocalizedText(
                            zh: names.map(\.zh).joined(separator: "或"), en: names.map(\.en).joined(separator: " or ")),
                        "actual": Self.typeName(actual), "hint": hint,
                    ])
            ]

        case .enumeration(let allowed):
            let values = allowed.compactMap(\.stringValue)
            let actual = node.string ?? node.text
            let notes = Suggestion.closest(to: actual, among: values).map { [Suggestion.didYouMean($0)] } ?? []
            var found = finding(
                SchemaFindings.enumeration, at: node,
                [
                    "field": field, "actual": actual,
                ],
                localized: [
                    "allowed": LocalizedText(
                        zh: values.map { "「\($0)」" }.joined(separator: "或"),
                        en: values.map { "\"\($0)\"" }.joined(separator: " or "))
                ], notes: notes)
            found.fix = Self.replacement(of: node, with: Suggestion.unique(to: actual, among: values))
            return [found]

        case .anyOf where isChannel(error.subschema):
            let channels = error.subschema["anyOf"]?[0]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let actual = node.string ?? node.text
            let notes = Suggestion.closest(to: actual, among: channels).map { [Suggestion.didYouMean($0)] } ?? []
            var found = finding(
                SchemaFindings.channel, at: node,
                [
                    "actual": actual
                ],
                localized: [
                    "channels": LocalizedText(zh: channels.joined(separator: "、"), en: channels.joined(separator: ", "))
                ], notes: notes)
            found.fix = Self.replacement(of: node, with: Suggestion.unique(to: actual, among: channels))
            return [found]

        case .required(let missing):
            return missing.map { name in
                finding(
                    SchemaFindings.required, at: ownerAnchor(node), ["field": name],
                    localized: ["owner": owner(tokens, node), "hint": requiredHint(name, tokens)])
            }

        case .additionalProperties(let unexpected), .unevaluatedProperties(let unexpected):
            let allowed = error.subschema["properties"]?.objectValue?.keys ?? []
            return unexpected.map { key in
                let keyNode = node.pair(key)?.key ?? node
                let notes = Suggestion.closest(to: key, among: allowed).map { [Suggestion.didYouMean($0)] } ?? []
                return Finding(
                    SchemaFindings.unknownKey, at: location(of: keyNode), path: path + "/" + key,
                    arguments: ["key": key, "allowed": allowed.map { "「\($0)」" }.joined(separator: "、")],
                    notes: notes, localizedArguments: ["owner": owner(tokens, node)])
            }

        case .pattern(let pattern, let actual):
            if pattern == "\\S" {
                return [finding(SchemaFindings.empty, at: node, ["field": field])]
            }
            let description = error.subschema["description"]?.stringValue ?? "应符合 \(pattern)"
            return [
                finding(
                    SchemaFindings.pattern, at: node, ["field": field, "actual": actual, "description": description])
            ]

        case .minLength(_, let actual) where actual == 0:
            return [finding(SchemaFindings.empty, at: node, ["field": field])]

        case .minItems(let limit, let actual):
            if actual == 0 { return [finding(SchemaFindings.empty, at: node, ["field": field])] }
            return [
                finding(
                    SchemaFindings.tooFew, at: node, ["field": field, "limit": String(limit), "actual": String(actual)])
            ]

        case .uniqueItems(let duplicates):
            let entries = node.sequence ?? []
            let index = duplicates.last ?? 0
            let entry = index < entries.count ? entries[index] : node
            return [
                finding(
                    SchemaFindings.duplicateEntry, at: entry, ["field": field, "entry": entry.string ?? entry.text])
            ]

        default:
            return [
                finding(SchemaFindings.other, at: node, ["field": field], localized: ["detail": Self.detail(error)])
            ]
        }
    }

    func location(of node: YAMLNode) -> SourceLocation {
        let end = node.end.line == node.start.line ? node.end : nil
        return SourceLocation(file: document.file, position: node.start, end: end)
    }

    /// Where a missing-key error points: the mapping's first key (the `- 编号:` line of an item).
    func ownerAnchor(_ node: YAMLNode) -> YAMLNode {
        if let first = node.mapping?.first { return YAMLNode(.null, start: first.key.start, end: first.key.start) }
        return node
    }

    /// The field a pointer names: its last key (array indexes name their list).
    func fieldName(_ tokens: [String]) -> String {
        for token in tokens.reversed() where Int(token) == nil { return token }
        return documentName.zh
    }

    /// The edit that writes `candidate` in place of a scalar written on one line (a certain did-you-mean).
    static func replacement(of node: YAMLNode, with candidate: String?) -> [TextEdit] {
        guard let candidate, node.string != nil, node.start.line == node.end.line else { return [] }
        return [TextEdit(start: node.start, end: node.end, replacement: candidate)]
    }

    /// Describes the mapping that lacks or has a key: 事项「17-01-01」, 一级事项「…」, 「默认」, the file.
    func owner(_ tokens: [String], _ node: YAMLNode) -> LocalizedText {
        if let id = node["编号"]?.string, tokens.contains("二级事项") {
            return LocalizedText(zh: "事项「\(id)」", en: "item \(id)")
        }
        if tokens.count >= 4, tokens[2] == "二级事项" {
            let name = node["名称"]?.string.map { "「\($0)」" } ?? "第 \((Int(tokens[3]) ?? 0) + 1) 项"
            return LocalizedText(zh: "事项\(name)", en: "item \(name)")
        }
        if tokens.count == 2, tokens[0] == "事项" {
            let name = node["一级事项"]?.string.map { "「\($0)」" } ?? ""
            return LocalizedText(zh: "一级事项\(name)", en: "group \(name)")
        }
        if tokens.isEmpty { return documentName }
        if let key = tokens.last(where: { Int($0) == nil }) {
            if let index = tokens.last.flatMap(Int.init) {
                return LocalizedText(zh: "「\(key)」第 \(index + 1) 项", en: "entry \(index + 1) of \(key)")
            }
            return LocalizedText(zh: "「\(key)」", en: key)
        }
        return documentName
    }

    func requiredHint(_ name: String, _ tokens: [String]) -> LocalizedText {
        if name == "不主动公开理由" {
            return LocalizedText(
                zh: "「公开方式」为「依申请」的事项须写明不主动公开的理由，如「涉及个人隐私，仅向申请人提供」",
                en: "an item disclosed on request (依申请) must state why it is not disclosed proactively")
        }
        if tokens.contains("二级事项"), CatalogElement.inheritable.map(\.rawValue).contains(name) {
            return LocalizedText(
                zh: "在本事项中填写「\(name)」，或在文件开头的「默认」中统一填写",
                en: "set \"\(name)\" on the item, or once for all items under 默认")
        }
        return LocalizedText(zh: "", en: "")
    }

    /// `/事项/0/二级事项/1/公开方式` → `/事项/编号=JY-02-03/公开方式`; other list entries by 编号 or 名称.
    func identityPath(_ tokens: [String]) -> String {
        var out: [String] = []
        var node: YAMLNode? = document.root
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard let current = node else { out.append(token); i += 1; continue }
            if let items = current.sequence, let index = Int(token), index < items.count {
                let element = items[index]
                if out.last == "事项", i + 2 < tokens.count, tokens[i + 1] == "二级事项",
                    let inner = element["二级事项"]?.sequence, let j = Int(tokens[i + 2]), j < inner.count
                {
                    let item = inner[j]
                    out.append(item["编号"]?.string.map { "编号=\($0)" } ?? "\(index)/二级事项/\(j)")
                    node = item
                    i += 3
                    continue
                }
                if let id = element["编号"]?.string {
                    out.append("编号=\(id)")
                } else if let name = element["一级事项"]?.string ?? element["名称"]?.string {
                    out.append((element["一级事项"] != nil ? "一级事项=" : "名称=") + name)
                } else {
                    out.append(token)
                }
                node = element
            } else {
                out.append(token)
                node = current[token]
            }
            i += 1
        }
        return "/" + out.joined(separator: "/")
    }

    /// A Chinese wording of the less common keywords (English from the engine).
    static func detail(_ error: ValidationError) -> LocalizedText {
        let zh: String
        switch error.detail {
        case .minimum(let limit, let actual): zh = "\(actual) 小于最小值 \(limit)"
        case .maximum(let limit, let actual): zh = "\(actual) 大于最大值 \(limit)"
        case .exclusiveMinimum(let limit, let actual): zh = "\(actual) 应大于 \(limit)"
        case .exclusiveMaximum(let limit, let actual): zh = "\(actual) 应小于 \(limit)"
        case .multipleOf(let divisor, let actual): zh = "\(actual) 不是 \(divisor) 的整数倍"
        case .maxLength(let limit, let actual): zh = "长度为 \(actual) 个字，超过上限 \(limit)"
        case .minLength(let limit, let actual): zh = "长度为 \(actual) 个字，少于下限 \(limit)"
        case .maxItems(let limit, let actual): zh = "有 \(actual) 项，超过上限 \(limit)"
        case .const(let expected): zh = "应为 \(expected)"
        case .format(let format, let actual): zh = "「\(actual)」不是有效的 \(format)"
        case .falseSchema: zh = "这里不允许有任何值"
        case .not: zh = "不应符合「not」中的模式"
        case .dependentRequired(let property, let missing):
            zh = "有「\(property)」时还须有「\(missing.joined(separator: "」「"))」"
        case .maxProperties(let limit, let actual): zh = "有 \(actual) 个键，超过上限 \(limit)"
        case .minProperties(let limit, let actual): zh = "有 \(actual) 个键，少于下限 \(limit)"
        case .contains(let min, let max, let matches):
            if let max, matches > max {
                zh = "有 \(matches) 项符合 contains，超过上限 \(max)"
            } else {
                zh = "只有 \(matches) 项符合 contains，少于下限 \(min)"
            }
        default: zh = error.message
        }
        return LocalizedText(zh: zh.isEmpty ? error.message : zh, en: error.message)
    }

    static func typeName(_ type: String) -> LocalizedText {
        switch type {
        case "object": LocalizedText(zh: "「键: 值」映射", en: "a mapping")
        case "array": LocalizedText(zh: "列表", en: "a list")
        case "string": LocalizedText(zh: "文字", en: "text")
        case "number": LocalizedText(zh: "数字", en: "a number")
        case "integer": LocalizedText(zh: "整数", en: "an integer")
        case "boolean": LocalizedText(zh: "是非值（true/false）", en: "a boolean")
        case "null": LocalizedText(zh: "空值", en: "empty")
        default: LocalizedText(zh: type, en: type)
        }
    }
}
