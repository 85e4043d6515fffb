import CatalogModel
import Diagnostics
import YAMLTree

/// Lists: empty entries and entries written twice.
struct TextListEntryRule: TreeRule {
    static let empty = lintKind(
        "text-list-empty-entry", .warning,
        title: .t("列表中有空项", "Empty list entry"),
        message: .t("「{key}」列表中有空项", "the list \"{key}\" has an empty entry"),
        hint: .t("删除空项", "remove the empty entry"),
        fixable: true)

    static let duplicate = lintKind(
        "text-list-duplicate-entry", .warning,
        title: .t("列表中有重复项", "Repeated list entry"),
        message: .t("「{key}」列表中「{entry}」重复出现", "\"{entry}\" occurs twice in the list \"{key}\""),
        hint: .t("删除重复项", "remove the repeat"),
        fixable: true)

    static let description = RuleDescription(
        identifier: "text-list-entry",
        name: .t("列表项", "List entries"),
        kinds: [empty, duplicate],
        rationale: .t(
            "公开依据、公开主体、公开渠道、公开层级等列表中的空项和重复项，是编辑时留下的痕迹：空项会印出空行，重复项会印两遍。公开渠道和公开层级的空项、重复项同时也是格式错误，--fix 一并修正。",
            "Empty and repeated entries in lists (公开依据, 公开主体, 公开渠道, 公开层级 …) are editing leftovers: an empty entry prints an empty line, a repeat prints twice. In 公开渠道 and 公开层级 they are also schema errors; --fix repairs both."
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
                        公开依据:
                          - 《中华人民共和国就业促进法》
                          - 《就业服务与就业管理规定》
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国就业促进法》
                          - ↓《中华人民共和国就业促进法》
                          - 《就业服务与就业管理规定》
                """, codes: ["text-list-duplicate-entry"])
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
                        公开依据:
                          - 《中华人民共和国就业促进法》
                          # 县里补充的依据
                          - ↓《中华人民共和国就业促进法》
                          - 《就业服务与就业管理规定》
                        公开主体: [星海镇人民政府, ↓星海镇人民政府]
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国就业促进法》
                          # 县里补充的依据
                          - 《就业服务与就业管理规定》
                        公开主体: [星海镇人民政府]
                """),
            RuleCorrection(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国就业促进法》
                          - ""
                        公开渠道: [政府网站, 政府网站, "", 公开查阅点]
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国就业促进法》
                        公开渠道: [政府网站, 公开查阅点]
                """),
        ])

    static let interest: TreeInterest = .sequences

    /// Counts the steps of the duplicate check when a test asks (nil in a normal run).
    let counter: WorkCounter?

    init() { counter = nil }

    init(counter: WorkCounter) { self.counter = counter }

    /// The violations, counting the steps taken (entries compared, source lines and characters read) in `work`:
    /// tests check that it grows linearly with the length of a list.
    func check(_ file: LintFile, work: inout Int) -> [LintViolation] {
        let counter = WorkCounter()
        let out = TreeWalk.run([TextListEntryRule(counter: counter)], over: file)[0]
        work = counter.steps
        return out
    }

    func visit(
        sequence node: YAMLNode, items: [YAMLNode], key: String, path: inout TreePath, file: LintFile,
        into out: inout [LintViolation]
    ) {
        // One dictionary per list: each entry is looked up once, the first occurrence is kept and every repeat
        // reported. The layout (dash lines, the flow line's characters) is read once, when a fix needs it.
        // A list of non-blank texts has findings only when an entry repeats, which its texts alone decide: each
        // distinct list (most are the same few 公开依据 and 公开渠道 lists) is checked once per run. Not when counting.
        if counter == nil, Self.plainlyQuiet(items, key: key) { return }
        var memoKey: QuietLists.Key?
        if counter == nil, items.count > 1 {
            var listKey = QuietLists.Key([key])
            var complete = true
            // Read in place: binding each entry (`for item in items`) copied the node.
            for index in items.indices {
                guard let text = items[index].string, !Self.isEmpty(items[index]) else {
                    complete = false
                    break
                }
                listKey.append(text)
            }
            if complete {
                if Self.quiet.contains(listKey) { return }
                memoKey = listKey
            }
        }
        let before = out.count
        defer { if let memoKey, out.count == before { Self.quiet.insert(memoKey) } }
        var first: [TextKey: SourcePosition] = [:]
        var layout: EntryRemoval.Layout?
        func removal(_ index: Int) -> [TextEdit] {
            if layout == nil { layout = EntryRemoval.Layout(node, file: file) }
            return layout!.edits(removing: index)
        }
        var work = items.count
        let nonEmpty = items.filter { !Self.isEmpty($0) }.count
        for (index, item) in items.enumerated() {
            path.components.append(.element(index))
            defer { path.components.removeLast() }
            var itemPath: String { path.string }
            if Self.isEmpty(item) {
                let fix = nonEmpty > 0 ? removal(index) : []
                out.append(
                    LintViolation(
                        file.finding(Self.empty, at: item.start, path: itemPath, arguments: ["key": key]), fix: fix,
                        visibility: file.visibility(at: item.start)))
                continue
            }
            // A list of one entry has no duplicate (most lists are that short).
            guard items.count > 1, let text = item.string else { continue }
            let normalized = TextKey(Self.normalize(text, key: key))
            work += 1
            if let firstAt = first[normalized] {
                let fix = removal(index)
                let span = file.span(of: item)
                out.append(
                    LintViolation(
                        file.finding(
                            Self.duplicate, at: item.start, end: span.end(span.length), path: itemPath,
                            arguments: ["key": key, "entry": text.abbreviated(30)],
                            notes: [Self.firstNote(firstAt)]),
                        fix: fix,
                        visibility: file.visibility(at: item.start)))
            } else {
                first[normalized] = item.start
            }
        }
        counter?.add(work + (layout?.work ?? 0))
    }

    /// Whether the list has neither an empty nor a repeated entry, decided from its texts' bytes without the memo:
    /// a one-entry list has no repeat, and in a short list of plain texts (no space for `normalize` to drop, already
    /// NFC, and not 公开渠道, whose entries are compared as channels) an entry repeats exactly when its bytes do. A
    /// list this cannot decide (a null entry, a space, a longer list) is left to the full check: false.
    static func plainlyQuiet(_ items: [YAMLNode], key: String) -> Bool {
        if items.count == 1 { return !isEmpty(items[0]) }
        // Pairwise comparison: only for lists as short as most are.
        guard items.count <= 8, !TextKey.equal(key, ownNFC: "公开渠道") else { return false }
        for index in items.indices {
            switch items[index].value {
            case .string(let text):
                var bytes = text
                guard !text.isEmpty,
                    bytes.withUTF8({ !TextBytes.of($0).contains(.space) && TextKey.isOwnNFC($0) })
                else { return false }
                for earlier in 0..<index {
                    if case .string(let other) = items[earlier].value, sameUTF8(other, text) { return false }
                }
            case .null:
                return false
            default:
                continue  // neither empty nor compared
            }
        }
        return true
    }

    /// Lists of texts (with the key they are under) known to repeat no entry.
    static let quiet = QuietLists()

    /// Where the entry first occurs: the one kept when --fix removes the repeats.
    static func firstNote(_ position: SourcePosition) -> LocalizedText {
        LocalizedText(
            zh: "首次出现在第 \(position.line) 行第 \(position.column) 列，修正时保留该项",
            en: "first at line \(position.line), column \(position.column); --fix keeps that one")
    }

    static func isEmpty(_ node: YAMLNode) -> Bool {
        if node.isNull && node.tag == nil { return true }
        if let s = node.string { return s.unicodeScalars.allSatisfy(CJK.isSpace) }
        return false
    }

    static func normalize(_ text: String, key: String) -> String {
        // Rebuilding the string is the costly part: only when there is a space to drop.
        var t =
            text.unicodeScalars.contains(where: CJK.isSpace)
            ? String(String.UnicodeScalarView(text.unicodeScalars.filter { !CJK.isSpace($0) })) : text
        if TextKey.equal(key, ownNFC: "公开渠道"), let channel = Channel(t) { t = channel.text }
        return t
    }
}
