import CatalogModel
import Diagnostics

/// Titles of laws and documents in 《》.
struct CitationTitleRule: LintRule {
    static let brackets = lintKind(
        "citation-title-brackets", .warning,
        title: .t("文件标题未用书名号", "Title not in 《》"),
        message: .t("公开依据「{entry}」中的标题应使用书名号《》", "the title in 公开依据 \"{entry}\" should be in 《》"),
        hint: .t("写作「{expected}」", "write \"{expected}\""),
        fixable: true)

    static let unbalanced = lintKind(
        "citation-title-unbalanced", .warning,
        title: .t("书名号不成对", "Unbalanced 《》"),
        message: .t("公开依据「{entry}」中的书名号不成对", "the 《》 in 公开依据 \"{entry}\" do not pair up"))

    /// Endings that make a phrase the title of a law or a document.
    static let titleEndings = [
        "法", "条例", "规定", "办法", "细则", "意见", "通知", "决定", "规则", "指引", "准则", "规划", "方案", "纲要", "目录",
        "制度", "标准", "规范", "指南", "决议", "法典",
    ]

    static let description = RuleDescription(
        identifier: "citation-title",
        name: .t("引用标题的书名号", "Titles in 《》"),
        kinds: [brackets, unbalanced],
        rationale: .t(
            "公开依据引用法律、法规、规章和文件时，标题用书名号《》（GB/T 15834《标点符号用法》）。没有书名号、用尖括号 < > 〈〉 或引号代替的标题，读者和程序都难以分辨标题与条款、文号；书名号不成对通常是复制时丢了半边。",
            "Titles of laws and documents cited in 公开依据 are written in 《》 (GB/T 15834). Bare titles, or titles in < > 〈〉 or quotes, blur title, article and number; an unpaired 《 or 》 is usually half lost in copying."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《中华人民共和国就业促进法》第二十条
                          - 《国务院关于〈中华人民共和国政府信息公开条例〉的说明》
                          - 县人民政府常务会议纪要
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
                          - ↓中华人民共和国就业促进法
                          - ↓〈就业服务与就业管理规定〉（人社部令第28号）
                          - ↓《人力资源市场暂行条例
                """),
        ],
        corrections: [
            RuleCorrection("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据: [↓中华人民共和国就业促进法（2015年修正）, ↓<就业服务与就业管理规定>]
                """, """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据: [《中华人民共和国就业促进法》（2015年修正）, 《就业服务与就业管理规定》]
                """),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        for (value, path) in file.writtenBasisEntries() {
            let text = value.value
            // Most entries are well-formed titles: 《…》 with nothing unbalanced.
            if text.unicodeScalars.first == "《", CitationScanner.unbalancedBracket(in: text) == nil { continue }
            let s = text.scalars
            let span = file.span(of: value)
            let args = ["entry": text.abbreviated(40)]
            if s.contains("《") || s.contains("》") {
                if let offset = CitationScanner.unbalancedBracket(in: text) {
                    out.append(LintViolation(file.finding(
                        Self.unbalanced, at: span.position(offset), end: span.end(offset + 1), path: path, arguments: args)))
                }
                continue
            }
            // Angle brackets or quotes around a title: <X> 〈X〉 ＜X＞ “X”.
            let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("<", ">"), ("〈", "〉"), ("＜", "＞"), ("“", "”")]
            var handled = false
            for (open, close) in pairs {
                guard let a = s.firstIndex(of: open), let b = s[(a + 1)...].firstIndex(of: close) else { continue }
                var innerStart = a + 1, outerEnd = b + 1
                if open == "<", innerStart < b, s[innerStart] == "<", outerEnd < s.count, s[outerEnd] == ">" {
                    innerStart += 1
                    outerEnd += 1
                }
                guard innerStart < b else { continue }
                let inner = String(scalars: s[innerStart..<b])
                guard Self.looksLikeTitle(inner) else { continue }
                handled = true
                let expected = String(scalars: s[..<a]) + "《\(inner)》" + String(scalars: s[outerEnd...])
                var fix: [TextEdit] = []
                if let e1 = span.edit(a..<innerStart, "《"), let e2 = span.edit(b..<outerEnd, "》") { fix = [e1, e2] }
                out.append(LintViolation(file.finding(
                    Self.brackets, at: span.position(a), end: span.end(outerEnd), path: path,
                    arguments: args.merging(["expected": expected]) { a, _ in a }), fix: fix))
                break
            }
            if handled { continue }
            // A bare title, possibly followed by an article or a bracketed number: 中华人民共和国就业促进法（2015年修正）.
            let titleEnd = Self.bareTitleEnd(s)
            guard titleEnd > 0 else { continue }
            let title = String(scalars: s[..<titleEnd])
            let expected = "《\(title)》" + String(scalars: s[titleEnd...])
            var fix: [TextEdit] = []
            if let e1 = span.edit(0..<0, "《"), let e2 = span.edit(titleEnd..<titleEnd, "》") { fix = [e1, e2] }
            out.append(LintViolation(file.finding(
                Self.brackets, at: span.position(0), end: span.end(titleEnd), path: path,
                arguments: args.merging(["expected": expected]) { a, _ in a }), fix: fix))
        }
        return out
    }

    static func looksLikeTitle(_ text: String) -> Bool {
        let t = text.trimmingTrailingSpaces
        guard t.scalars.count >= 3, let first = t.unicodeScalars.first, CJK.isHan(first) else { return false }
        return titleEndings.contains(where: t.hasSuffix)
    }

    /// Where a bare title at the start of an entry ends (0: the entry does not start with a title). The title
    /// may be followed by an article (第X条), a bracketed note or number, or nothing.
    static func bareTitleEnd(_ s: [Unicode.Scalar]) -> Int {
        var end = s.count
        // Cut a trailing bracketed group.
        if let last = s.last, last == "）" || last == ")", let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 {
            end = open
        }
        var title = String(scalars: s[..<end]).trimmingTrailingSpaces
        end = title.scalars.count
        // Cut a trailing article reference: 第二十条, 第二十条第二款.
        if let di = title.scalars.lastIndex(of: "第"), di > 0 {
            let tail = String(scalars: title.scalars[di...])
            if CitationScanner.hasArticle(tail) {
                end = di
                title = String(scalars: title.scalars[..<di])
            }
        }
        return looksLikeTitle(title) ? end : 0
    }
}
