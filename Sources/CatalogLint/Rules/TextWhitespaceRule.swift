import CatalogModel
import Diagnostics
import YAMLTree

/// Spaces that do not belong in a value: at its ends, full-width spaces, spaces between Chinese characters.
struct TextWhitespaceRule: TreeRule {
    static let kind = lintKind(
        "text-whitespace", .warning,
        title: .t("多余的空格", "Stray spaces"),
        message: .t(
            "「{text}」含多余的空格（首尾空格、全角空格、连续空格或中文标点旁的空格）",
            "\"{text}\" has stray spaces (at an end, full-width, repeated, or next to Chinese punctuation)"),
        hint: .t(
            "删除多余的空格（中文之间不留空格，全角空格改为半角空格）",
            "remove the stray spaces (none between Chinese characters; a full-width space becomes an ASCII space)"),
        fixable: true)

    static let description = RuleDescription(
        identifier: "text-whitespace",
        name: .t("空格", "Spaces"),
        kinds: [kind],
        rationale: .t(
            "从 Word、Excel 或网页复制来的文字常带着首尾空格、全角空格（U+3000）、不换行空格，或在顿号、逗号、括号等中文标点旁夹着空格。它们在表格里看不出来，却会让「星海镇人民政府」和「星海镇人民政府 」成为两个不同的机构，让比较和检索失灵。--fix 删除首尾和中文标点旁的空格，把全角空格和连续空格改为一个半角空格；汉字之间的一个半角空格是联合发文标题的规范写法（《民政部 财政部关于……》），不报告。多行文本（| 或 >）不检查。",
            "Text copied from Word, Excel or web pages brings spaces at the ends, full-width (U+3000) or no-break spaces, or spaces next to Chinese punctuation. Invisible in a table, they make two bodies of one and break comparison and search. --fix removes spaces at the ends and next to Chinese punctuation and turns full-width and repeated spaces into one ASCII space; a single space between Chinese characters is how joint issuers are written in titles (《民政部 财政部关于……》) and is not reported. Multi-line block text is not checked."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点，按 GB/T 9704 排版
                        公开依据: [《民政部 财政部关于进一步加强和改进临时救助工作的意见》]
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会↓　信息
                        公开内容: 招聘会时间、地点
                        公开主体: ["星海镇人民政府↓ "]
                """)
        ],
        corrections: [
            RuleCorrection(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: ↓　招聘会信息　
                        公开内容: 招聘会时间、↓ 地点  # 注释保留
                        公开依据: [《民政部↓　财政部关于进一步加强和改进临时救助工作的意见》]
                        公开主体: ["↓  星海镇人民政府"]
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点  # 注释保留
                        公开依据: [《民政部 财政部关于进一步加强和改进临时救助工作的意见》]
                        公开主体: ["星海镇人民政府"]
                """)
        ])

    static func isChinesePunctuation(_ s: Unicode.Scalar) -> Bool { CJK.isChinese(s) && !CJK.isHan(s) }

    static let interest: TreeInterest = .strings
    static let stringBytes: TextBytes? = .space

    func visit(string node: YAMLNode, path: TreePath, file: LintFile, into out: inout [LintViolation]) {
        // The walk hands over only texts that may hold a space (`stringBytes`).
        guard let value = node.string, !value.isEmpty, value.unicodeScalars.contains(where: CJK.isSpace),
            !value.unicodeScalars.contains("\n")
        else { return }
        let v = value.scalars
        var edits: [(Range<Int>, String)] = []
        var lead = 0
        while lead < v.count, CJK.isSpace(v[lead]) { lead += 1 }
        // Whitespace only: the schema reports it; an empty entry is text-list-empty-entry.
        if lead == v.count { return }
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
        let position = span.position(first.0.lowerBound)
        out.append(
            LintViolation(
                file.finding(
                    Self.kind, at: position, end: span.end(max(first.0.upperBound, first.0.lowerBound + 1)),
                    path: path.string, arguments: ["text": value.abbreviated(30)]), fix: fix,
                visibility: file.visibility(at: position)))
    }
}
