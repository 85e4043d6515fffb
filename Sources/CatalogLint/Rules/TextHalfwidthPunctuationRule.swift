import CatalogModel
import Diagnostics
import YAMLTree

/// Half-width punctuation between Chinese characters: , ; : ? ! ( ) → ，；：？！（）.
struct TextHalfwidthPunctuationRule: TreeRule {
    static let kind = lintKind(
        "text-halfwidth-punctuation", .warning,
        title: .t("中文中使用了半角标点", "Half-width punctuation in Chinese text"),
        message: .t(
            "中文文本「{text}」中使用了半角标点「{marks}」，应使用全角标点",
            "the Chinese text \"{text}\" uses half-width punctuation \"{marks}\"; use full-width"),
        hint: .t("汉字之间的标点请用全角（中文）标点", "use full-width (Chinese) punctuation between Chinese characters"),
        fixable: true)

    static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [
        ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
    ]

    static func isHalfWidthMark(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == ";" || s == ":" || s == "?" || s == "!" || s == "(" || s == ")"
    }

    static let description = RuleDescription(
        identifier: "text-halfwidth-punctuation",
        name: .t("全角标点", "Full-width punctuation"),
        kinds: [kind],
        rationale: .t(
            "中文文本用全角标点（GB/T 15834）。夹在汉字之间的半角逗号、分号、冒号、问号、叹号和括号，多半是输入法切换的疏忽，印在正式目录里很显眼。文号中的年份括号由 citation-doc-number 处理；13个标准渠道名称中的括号是规定写法，不改。",
            "Chinese text uses full-width punctuation (GB/T 15834). Half-width commas, semicolons, colons, question and exclamation marks and parentheses between Chinese characters are input-method slips that stand out in a published table. Brackets around a document number's year are citation-doc-number's business; the standard channel names keep their official spelling."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点；咨询电话:0571-12345678（工作日）
                        公开渠道: [政府网站, 社区/企事业单位/村公示栏(电子屏)]
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
                        公开内容: 招聘会时间↓,地点;参会单位
                        公开渠道: [政府网站, "其他↓:县人社局微信公众号"]
                """)
        ],
        corrections: [
            RuleCorrection(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息↓(乡镇)
                        公开内容: 招聘会时间↓, 地点;参会单位
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息（乡镇）
                        公开内容: 招聘会时间，地点；参会单位
                """)
        ])

    static let interest: TreeInterest = .strings
    static let stringBytes: TextBytes? = .halfwidthMark

    func visit(string node: YAMLNode, path: TreePath, file: LintFile, into out: inout [LintViolation]) {
        // The walk hands over only texts that hold one of the marks (`stringBytes`).
        guard let value = node.string, value.unicodeScalars.contains(where: Self.isHalfWidthMark),
            !value.unicodeScalars.contains("\n")
        else { return }
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
                let chinese =
                    (i > 0 && CJK.isChinese(v[i - 1])) || content.contains(where: CJK.isHan)
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
        out.append(
            LintViolation(
                file.finding(
                    Self.kind, at: span.position(first.0.lowerBound), end: span.end(first.0.lowerBound + 1),
                    path: path.string,
                    arguments: ["text": value.abbreviated(30), "marks": String(String.UnicodeScalarView(marks))]),
                fix: fix))
    }
}
