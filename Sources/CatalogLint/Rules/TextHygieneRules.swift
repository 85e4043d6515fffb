import CatalogModel
import Diagnostics
import YAMLTree

/// Spaces that do not belong in a value: at its ends, full-width spaces, spaces between Chinese characters.
struct TextWhitespaceRule: LintRule {
    static let kind = lintKind(
        "text-whitespace", .warning,
        title: .t("多余的空格", "Stray spaces"),
        message: .t("「{text}」含多余的空格（首尾空格、全角空格、连续空格或中文标点旁的空格）", "\"{text}\" has stray spaces (at an end, full-width, repeated, or next to Chinese punctuation)"),
        hint: .t("删除多余的空格（中文之间不留空格，全角空格改为半角空格）", "remove the stray spaces (none between Chinese characters; a full-width space becomes an ASCII space)"),
        fixable: true)

    static let description = RuleDescription(
        identifier: "text-whitespace",
        name: .t("空格", "Spaces"),
        kinds: [kind],
        rationale: .t(
            "从 Word、Excel 或网页复制来的文字常带着首尾空格、全角空格（U+3000）、不换行空格，或在顿号、逗号、括号等中文标点旁夹着空格。它们在表格里看不出来，却会让「星海镇人民政府」和「星海镇人民政府 」成为两个不同的机构，让比较和检索失灵。--fix 删除首尾和中文标点旁的空格，把全角空格和连续空格改为一个半角空格；汉字之间的一个半角空格是联合发文标题的规范写法（《民政部 财政部关于……》），不报告。多行文本（| 或 >）不检查。",
            "Text copied from Word, Excel or web pages brings spaces at the ends, full-width (U+3000) or no-break spaces, or spaces next to Chinese punctuation. Invisible in a table, they make two bodies of one and break comparison and search. --fix removes spaces at the ends and next to Chinese punctuation and turns full-width and repeated spaces into one ASCII space; a single space between Chinese characters is how joint issuers are written in titles (《民政部 财政部关于……》) and is not reported. Multi-line block text is not checked."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点，按 GB/T 9704 排版
                        公开依据: [《民政部 财政部关于进一步加强和改进临时救助工作的意见》]
                """),
        ],
        triggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会↓　信息
                        公开内容: 招聘会时间、地点
                        公开主体: ["星海镇人民政府↓ "]
                """),
        ],
        corrections: [
            RuleCorrection("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: ↓　招聘会信息　
                        公开内容: 招聘会时间、↓ 地点  # 注释保留
                        公开依据: [《民政部↓　财政部关于进一步加强和改进临时救助工作的意见》]
                        公开主体: ["↓  星海镇人民政府"]
                """, """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点  # 注释保留
                        公开依据: [《民政部 财政部关于进一步加强和改进临时救助工作的意见》]
                        公开主体: ["星海镇人民政府"]
                """),
        ])

    static func isChinesePunctuation(_ s: Unicode.Scalar) -> Bool { CJK.isChinese(s) && !CJK.isHan(s) }

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        file.forEachString { node, path in
            guard let value = node.string, !value.isEmpty, value.unicodeScalars.contains(where: CJK.isSpace),
                  !value.unicodeScalars.contains("\n") else { return }
            let v = value.scalars
            var edits: [(Range<Int>, String)] = []
            var lead = 0
            while lead < v.count, CJK.isSpace(v[lead]) { lead += 1 }
            if lead == v.count { return }  // whitespace only: the schema reports it; an empty entry is text-list-empty-entry
            var trail = v.count
            while trail > lead, CJK.isSpace(v[trail - 1]) { trail -= 1 }
            if lead > 0 { edits.append((0..<lead, "")) }
            var i = lead
            while i < trail {
                guard CJK.isSpace(v[i]) else {
                    i += 1
                    continue
                }
                var j = i
                while j < trail, CJK.isSpace(v[j]) { j += 1 }
                let run = v[i..<j]
                let punctuationNext = Self.isChinesePunctuation(v[i - 1]) || Self.isChinesePunctuation(v[j])
                if punctuationNext {
                    // Next to 、，。；：（） a space is never wanted.
                    edits.append((i..<j, ""))
                } else if run.count > 1 || run.first != " " {
                    // One ASCII space may separate words, and the issuers of a joint title (《民政部 财政部关于…》).
                    edits.append((i..<j, " "))
                }
                i = j
            }
            if trail < v.count { edits.append((trail..<v.count, "")) }
            guard let first = edits.first else { return }
            let span = file.span(of: node)
            let fixEdits = edits.map { span.edit($0.0, $0.1) }
            let fix = fixEdits.allSatisfy { $0 != nil } ? fixEdits.compactMap { $0 } : []
            out.append(LintViolation(file.finding(
                Self.kind, at: span.position(first.0.lowerBound), end: span.end(max(first.0.upperBound, first.0.lowerBound + 1)),
                path: path.string, arguments: ["text": value.abbreviated(30)]), fix: fix))
        }
        return out
    }
}

/// Half-width punctuation between Chinese characters: , ; : ? ! ( ) → ，；：？！（）.
struct TextPunctuationRule: LintRule {
    static let kind = lintKind(
        "text-halfwidth-punctuation", .warning,
        title: .t("中文中使用了半角标点", "Half-width punctuation in Chinese text"),
        message: .t("中文文本「{text}」中使用了半角标点「{marks}」，应使用全角标点", "the Chinese text \"{text}\" uses half-width punctuation \"{marks}\"; use full-width"),
        hint: .t("汉字之间的标点请用全角（中文）标点", "use full-width (Chinese) punctuation between Chinese characters"),
        fixable: true)

    static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"]

    static func isHalfWidthMark(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == ";" || s == ":" || s == "?" || s == "!" || s == "(" || s == ")"
    }

    static let description = RuleDescription(
        identifier: "text-halfwidth-punctuation",
        name: .t("全角标点", "Full-width punctuation"),
        kinds: [kind],
        rationale: .t(
            "中文文本用全角标点（GB/T 15834）。夹在汉字之间的半角逗号、分号、冒号、问号、叹号和括号，多半是输入法切换的疏忽，印在正式目录里很显眼。文号中的年份括号由 citation-doc-number 处理；13个标准渠道名称中的括号是规定写法，不改。",
            "Chinese text uses full-width punctuation (GB/T 15834). Half-width commas, semicolons, colons, question and exclamation marks and parentheses between Chinese characters are input-method slips that stand out in a published table. Brackets around a document number's year are citation-doc-number's business; the standard channel names keep their official spelling."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点；咨询电话:0571-12345678（工作日）
                        公开渠道: [政府网站, 社区/企事业单位/村公示栏(电子屏)]
                """),
        ],
        triggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间↓,地点;参会单位
                        公开渠道: [政府网站, "其他↓:县人社局微信公众号"]
                """),
        ],
        corrections: [
            RuleCorrection("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息↓(乡镇)
                        公开内容: 招聘会时间↓, 地点;参会单位
                """, """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息（乡镇）
                        公开内容: 招聘会时间，地点；参会单位
                """),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        file.forEachString { node, path in
            guard let value = node.string, value.unicodeScalars.contains(where: Self.isHalfWidthMark),
                  !value.unicodeScalars.contains("\n") else { return }
            let v = value.scalars
            if let channel = Channel(value), case .standard = channel { return }
            var edits: [(Range<Int>, String)] = []
            var marks: [Unicode.Scalar] = []
            var i = 0
            while i < v.count {
                let c = v[i]
                if ",;:?!".unicodeScalars.contains(c), i > 0, CJK.isChinese(v[i - 1]) {
                    var j = i + 1
                    while j < v.count, v[j] == " " { j += 1 }
                    if j < v.count, CJK.isChinese(v[j]) {
                        edits.append((i..<j, String(Self.fullWidth[c]!)))
                        if !marks.contains(c) { marks.append(c) }
                        i = j
                        continue
                    }
                }
                if c == "(", let close = v[(i + 1)...].firstIndex(of: ")"), close > i + 1 {
                    let content = v[(i + 1)..<close]
                    let digitsOnly = content.allSatisfy(CJK.isDigit)
                    let chinese = (i > 0 && CJK.isChinese(v[i - 1])) || content.contains(where: CJK.isHan)
                        || (close + 1 < v.count && CJK.isChinese(v[close + 1]))
                    if chinese, !digitsOnly, !content.contains("(") {
                        edits.append((i..<(i + 1), "（"))
                        edits.append((close..<(close + 1), "）"))
                        if !marks.contains("(") { marks += ["(", ")"] }
                        i = close + 1
                        continue
                    }
                }
                i += 1
            }
            guard let first = edits.first else { return }
            let span = file.span(of: node)
            let fixEdits = edits.map { span.edit($0.0, $0.1) }
            let fix = fixEdits.allSatisfy { $0 != nil } ? fixEdits.compactMap { $0 } : []
            out.append(LintViolation(file.finding(
                Self.kind, at: span.position(first.0.lowerBound), end: span.end(first.0.lowerBound + 1), path: path.string,
                arguments: ["text": value.abbreviated(30), "marks": String(String.UnicodeScalarView(marks))]), fix: fix))
        }
        return out
    }
}

/// Lists: empty entries and entries written twice.
struct ListEntryRule: LintRule {
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
            "Empty and repeated entries in lists (公开依据, 公开主体, 公开渠道, 公开层级 …) are editing leftovers: an empty entry prints an empty line, a repeat prints twice. In 公开渠道 and 公开层级 they are also schema errors; --fix repairs both."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国就业促进法》
                          - 《就业服务与就业管理规定》
                """),
        ],
        triggeringExamples: [
            RuleExample("""
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
                """, codes: ["text-list-duplicate-entry"]),
        ],
        corrections: [
            RuleCorrection("""
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
                """, """
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
            RuleCorrection("""
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
                """, """
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

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        var path = TreePath()
        visit(file.root, path: &path, key: "", file: file, into: &out)
        return out
    }

    func visit(_ node: YAMLNode, path: inout TreePath, key: String, file: LintFile, into out: inout [LintViolation]) {
        switch node.value {
        case .mapping(let pairs):
            for pair in pairs {
                path.components.append(.key(pair.key.keyText))
                visit(pair.value, path: &path, key: pair.key.keyText, file: file, into: &out)
                path.components.removeLast()
            }
        case .sequence(let items):
            var seen = Set<String>()
            let nonEmpty = items.filter { !Self.isEmpty($0) }.count
            for (index, item) in items.enumerated() {
                path.components.append(.element(item, index))
                defer { path.components.removeLast() }
                var itemPath: String { path.string }
                if Self.isEmpty(item) {
                    let fix = nonEmpty > 0 ? EntryRemoval.edits(removing: index, of: node, file: file) : []
                    out.append(LintViolation(file.finding(
                        Self.empty, at: item.start, path: itemPath, arguments: ["key": key]), fix: fix))
                    continue
                }
                if let text = item.string {
                    let normalized = Self.normalize(text, key: key)
                    if !seen.insert(normalized).inserted {
                        let span = file.span(of: item)
                        out.append(LintViolation(file.finding(
                            Self.duplicate, at: item.start, end: span.end(span.length), path: itemPath,
                            arguments: ["key": key, "entry": text.abbreviated(30)]),
                            fix: EntryRemoval.edits(removing: index, of: node, file: file)))
                    }
                }
                visit(item, path: &path, key: key, file: file, into: &out)
            }
        default:
            break
        }
    }

    static func isEmpty(_ node: YAMLNode) -> Bool {
        if node.isNull && node.tag == nil { return true }
        if let s = node.string { return s.unicodeScalars.allSatisfy(CJK.isSpace) }
        return false
    }

    static func normalize(_ text: String, key: String) -> String {
        var t = String(String.UnicodeScalarView(text.unicodeScalars.filter { !CJK.isSpace($0) }))
        if key == "公开渠道", let channel = Channel(t) { t = channel.text }
        return t
    }
}

/// Removing one entry of a sequence from the source text: the entry's line for a block sequence, the entry and
/// its comma for a flow sequence. Returns no edit when the layout is not one it can edit safely.
enum EntryRemoval {
    static func edits(removing index: Int, of sequence: YAMLNode, file: LintFile) -> [TextEdit] {
        guard let items = sequence.sequence, index < items.count else { return [] }
        let startLine = file.line(sequence.start.line).scalars
        let col = sequence.start.column - 1
        if col < startLine.count, startLine[col] == "[" {
            return flowEdits(items[index], file: file)
        }
        return blockEdits(index, of: sequence, items: items, file: file)
    }

    /// In a flow sequence `[a, b, c]`: the entry with the comma after it, or — for the last — the comma before.
    static func flowEdits(_ item: YAMLNode, file: LintFile) -> [TextEdit] {
        let line = item.start.line
        guard item.end.line == line else { return [] }
        let text = file.line(line).scalars
        let s = item.start.column - 1
        var e = item.end.column - 1
        if item.isNull, s == e {
            // `[a, ~]` has a visible null; an empty one cannot be written in flow style.
            e = s
        }
        var j = e
        while j < text.count, text[j] == " " { j += 1 }
        if j < text.count, text[j] == "," {
            j += 1
            while j < text.count, text[j] == " " { j += 1 }
            return [TextEdit(start: SourcePosition(line: line, column: s + 1), end: SourcePosition(line: line, column: j + 1), replacement: "")]
        }
        var k = s
        while k > 0, text[k - 1] == " " { k -= 1 }
        if k > 0, text[k - 1] == "," {
            return [TextEdit(start: SourcePosition(line: line, column: k), end: SourcePosition(line: line, column: e + 1), replacement: "")]
        }
        return []
    }

    /// In a block sequence: the line of the entry's dash, when the entry is a scalar on that line.
    static func blockEdits(_ index: Int, of sequence: YAMLNode, items: [YAMLNode], file: LintFile) -> [TextEdit] {
        let dashColumn = sequence.start.column - 1
        var found = -1
        var line = sequence.start.line
        while line <= file.lineCount {
            let text = file.line(line).scalars
            let indent = text.prefix { $0 == " " }.count
            let trimmedEmpty = text.allSatisfy { $0 == " " || $0 == "\t" }
            let isComment = indent < text.count && text[indent] == "#"
            if !trimmedEmpty && !isComment {
                if indent < dashColumn { break }
                if indent == dashColumn, text[indent] == "-", indent + 1 == text.count || text[indent + 1] == " " {
                    found += 1
                    if found == index { break }
                } else if indent == dashColumn {
                    break
                }
            }
            line += 1
        }
        guard found == index, line <= file.lineCount else { return [] }
        let item = items[index]
        if item.sequence != nil || item.mapping != nil { return [] }
        if !item.isNull, item.start.line != line || item.end.line != line { return [] }
        return [TextEdit.deleteLines(line, through: line)]
    }
}
