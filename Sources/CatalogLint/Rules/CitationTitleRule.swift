import Foundation
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

    static let nested = lintKind(
        "citation-title-nested", .warning,
        title: .t("书名号内的标题未用单书名号", "Title nested in 《》 not in 〈〉"),
        message: .t(
            "公开依据「{entry}」中，《》内的标题「{inner}」应使用单书名号〈〉",
            "in 公开依据 \"{entry}\" the title \"{inner}\" inside 《》 should be in 〈〉"),
        hint: .t(
            "写作「{expected}」（GB/T 15834：书名号内还要用书名号时，里面一层用单书名号）",
            "write \"{expected}\" (GB/T 15834: a title inside 《》 takes 〈〉)"),
        fixable: true)

    /// Endings that make a phrase the title of a law or a document.
    static let titleEndings = [
        "法", "条例", "规定", "办法", "细则", "意见", "通知", "决定", "规则", "指引", "准则", "规划", "方案", "纲要", "目录",
        "制度", "标准", "规范", "指南", "决议", "法典",
    ]

    static let description = RuleDescription(
        identifier: "citation-title",
        name: .t("引用标题的书名号", "Titles in 《》"),
        kinds: [brackets, unbalanced, nested],
        rationale: .t(
            "公开依据引用法律、法规、规章和文件时，标题用书名号《》（GB/T 15834《标点符号用法》）。没有书名号、用尖括号 < > 〈〉 或引号代替的标题，读者和程序都难以分辨标题与条款、文号；书名号不成对通常是复制时丢了半边。",
            "Titles of laws and documents cited in 公开依据 are written in 《》 (GB/T 15834). Bare titles, or titles in < > 〈〉 or quotes, blur title, article and number; an unpaired 《 or 》 is usually half lost in copying."
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
                          - 《中华人民共和国就业促进法》第二十条
                          - 《国务院关于〈中华人民共和国政府信息公开条例〉的说明》
                          - 县人民政府常务会议纪要
                """),
            // Generic references seen in real tables (mdx.gov.cn, tjbd.gov.cn): they name no document.
            RuleExample(
                """
                事项:
                  - 一级事项: 公共法律服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 普法宣传
                        公开内容: 普法活动
                        公开依据:
                          - 各省"七五"普法规划
                          - 各地配套政策法规文件
                          - 相关法律法规
                """),
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
                          - ↓中华人民共和国就业促进法
                          - ↓〈就业服务与就业管理规定〉（人社部令第28号）
                          - ↓《人力资源市场暂行条例
                """),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《国务院关于↓<中华人民共和国政府信息公开条例>的说明》
                          - 《国务院关于↓‹中华人民共和国政府信息公开条例›的说明》
                          - ↓国务院办公厅印发《开展基层政务公开标准化规范化试点工作方案》的通知
                """, codes: ["citation-title-nested", "citation-title-brackets"]),
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
                        公开依据: [↓中华人民共和国就业促进法（2015年修正）, ↓<就业服务与就业管理规定>]
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据: [《中华人民共和国就业促进法》（2015年修正）, 《就业服务与就业管理规定》]
                """),
            // Certain: a title its decree follows, an angle-bracketed title inside 《》. Not certain, so left alone: a
            // bare title with no number (最低生活保障审核审批办法（试行）, as mdx.gov.cn prints it).
            RuleCorrection(
                """
                事项:
                  - 一级事项: 最低生活保障
                    二级事项:
                      - 编号: 17-02-01
                        名称: 政策法规文件
                        公开内容: 政策法规文件
                        公开依据:
                          - ↓社会救助暂行办法（国务院令第649号）
                          - ↓最低生活保障审核审批办法（试行）
                          - 《国务院关于↓<中华人民共和国政府信息公开条例>的说明》
                """,
                """
                事项:
                  - 一级事项: 最低生活保障
                    二级事项:
                      - 编号: 17-02-01
                        名称: 政策法规文件
                        公开内容: 政策法规文件
                        公开依据:
                          - 《社会救助暂行办法》（国务院令第649号）
                          - 最低生活保障审核审批办法（试行）
                          - 《国务院关于〈中华人民共和国政府信息公开条例〉的说明》
                """),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        var quiet = FileQuietTexts(Self.quiet)
        // Entries are read in place: most are quiet texts the file cited before.
        let entries = file.writtenBasisEntries()
        for index in entries.indices where !quiet.knows(entries[index].key) {
            let entry = entries[index]
            out += quiet.violations(entry.key) {
                violations(entry.value, path: entry.path(in: file), file: file)
            }
        }
        return out
    }

    /// Basis texts known to need nothing (most of them: the same few citations, correctly written).
    static let quiet = QuietTexts()

    /// The findings of one 公开依据 entry.
    func violations(_ value: Located<String>, path: String, file: LintFile) -> [LintViolation] {
        var out: [LintViolation] = []
        let text = value.value
        let s = text.scalars
        // Placed in the source only when a finding needs it: most texts checked here have none, and placing the first
        // value of a file indexes all its scalars.
        var placed: ValueSpan?
        func span() -> ValueSpan {
            if let placed { return placed }
            let found = file.span(of: value)
            placed = found
            return found
        }
        let args = ["entry": text.abbreviated(40)]
        if s.contains("《") || s.contains("》") {
            if let offset = CitationScanner.unbalancedBracket(in: text) {
                out.append(
                    LintViolation(
                        file.finding(
                            Self.unbalanced, at: span().position(offset), end: span().end(offset + 1), path: path,
                            arguments: args)))
                return out
            }
            out += nestedAngleBrackets(s, text: text, span: span(), path: path, file: file)
            if let outer = Self.uncitedOuterTitle(s) {
                // 国务院办公厅印发《…》的通知: the notice's own title has no 《》. Not fixed: where the title starts
                // and ends is the reader's call (a number or an article may follow).
                out.append(
                    LintViolation(
                        file.finding(
                            Self.brackets, at: span().position(0), end: span().end(outer.end), path: path,
                            arguments: args.merging(["expected": outer.expected]) { a, _ in a },
                            notes: [Self.notFixed])))
            }
            return out
        }
        // A generic reference (相关法律法规, 各地配套政策法规文件) names no document: nothing to put in 《》.
        if Self.isGenericReference(text) { return out }
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
            if let e1 = span().edit(a..<innerStart, "《"), let e2 = span().edit(b..<outerEnd, "》") { fix = [e1, e2] }
            out.append(
                LintViolation(
                    file.finding(
                        Self.brackets, at: span().position(a), end: span().end(outerEnd), path: path,
                        arguments: args.merging(["expected": expected]) { a, _ in a }), fix: fix))
            break
        }
        if handled { return out }
        // A bare title, possibly followed by an article or a bracketed number: 中华人民共和国就业促进法（2015年修正）.
        let titleEnd = Self.bareTitleEnd(s)
        guard titleEnd > 0 else { return out }
        let title = String(scalars: s[..<titleEnd])
        let expected = "《\(title)》" + String(scalars: s[titleEnd...])
        // A fix never invents a title: only a national law's full title, or a title its document number or decree
        // follows, is certainly a title; otherwise the finding explains and the text stays as it is.
        var fix: [TextEdit] = []
        let certain = Self.isCertainlyTitle(title, rest: String(scalars: s[titleEnd...]))
        if certain, let e1 = span().edit(0..<0, "《"), let e2 = span().edit(titleEnd..<titleEnd, "》") { fix = [e1, e2] }
        out.append(
            LintViolation(
                file.finding(
                    Self.brackets, at: span().position(0), end: span().end(titleEnd), path: path,
                    arguments: args.merging(["expected": expected]) { a, _ in a },
                    notes: certain ? [] : [Self.notFixed]),
                fix: fix))
        return out
    }

    static let notFixed = LocalizedText(
        zh: "--fix 不修改此处：无法确定标题的起止，请人工核对后加书名号",
        en: "--fix leaves this alone: where the title starts and ends is not certain")

    static let angleBrackets: [Unicode.Scalar: Unicode.Scalar] = ["<": ">", "‹": "›", "＜": "＞"]

    /// <…> or ‹…› inside 《》 (《国务院关于<中华人民共和国政府信息公开条例>的说明》): the inner title takes 〈〉.
    func nestedAngleBrackets(
        _ s: [Unicode.Scalar], text: String, span: @autoclosure () -> ValueSpan, path: String, file: LintFile
    ) -> [LintViolation] {
        let pairs = Self.angleBrackets
        // Most citations have no angle bracket at all.
        guard s.contains(where: { pairs[$0] != nil }) else { return [] }
        let span = span()
        var out: [LintViolation] = []
        for title in CitationScanner.titles(in: text) {
            let inner = (title.range.lowerBound + 1)..<(title.range.upperBound - 1)
            var i = inner.lowerBound
            while i < inner.upperBound {
                guard let close = pairs[s[i]], let j = s[(i + 1)..<inner.upperBound].firstIndex(of: close), j > i + 1
                else {
                    i += 1
                    continue
                }
                let innerTitle = String(scalars: s[(i + 1)..<j])
                var expected = s
                expected[i] = "〈"
                expected[j] = "〉"
                var fix: [TextEdit] = []
                if let e1 = span.edit(i..<i + 1, "〈"), let e2 = span.edit(j..<j + 1, "〉") { fix = [e1, e2] }
                out.append(
                    LintViolation(
                        file.finding(
                            Self.nested, at: span.position(i), end: span.end(j + 1), path: path,
                            arguments: [
                                "entry": String(scalars: s[...]).abbreviated(40), "inner": innerTitle,
                                "expected": String(scalars: expected[...]),
                            ]), fix: fix))
                i = j + 1
            }
        }
        return out
    }

    /// 国务院办公厅印发《…》的通知 (the notice's own title bare): where the outer title ends and how it reads in 《》.
    static func uncitedOuterTitle(_ s: [Unicode.Scalar]) -> (end: Int, expected: String)? {
        guard s.first != "《", let open = s.firstIndex(of: "《"), open > 0 else { return nil }
        let before = String(scalars: s[..<open])
        guard ["印发", "转发", "颁布", "发布", "关于"].contains(where: before.hasSuffix) || before.hasSuffix("关于印发"),
            CJK.isHan(s[0])
        else { return nil }
        let titles = CitationScanner.titles(in: String(scalars: s[...]))
        guard let last = titles.last else { return nil }
        let after = String(scalars: s[last.range.upperBound...])
        guard let ending = ["的通知", "的意见", "的决定", "的批复", "的函"].first(where: after.hasPrefix) else { return nil }
        let end = last.range.upperBound + ending.scalars.count
        var inner = String(scalars: s[..<end])
        inner = inner.replacingOccurrences(of: "《", with: "〈").replacingOccurrences(of: "》", with: "〉")
        return (end, "《\(inner)》" + String(scalars: s[end...]))
    }

    /// 相关法律法规, 各地配套政策法规文件, 各省"七五"普法规划: a kind of text, not the title of one.
    static func isGenericReference(_ text: String) -> Bool {
        let t = text.trimmingTrailingSpaces
        let starts = ["各", "相关", "有关", "其他", "其它", "上级", "配套", "现行", "国家有关", "国家相关", "省市", "省、市"]
        let ends = ["法律法规", "政策法规", "法规文件", "政策文件", "相关文件", "有关文件", "配套文件", "相关规定", "有关规定", "等"]
        return starts.contains(where: t.hasPrefix) || ends.contains(where: t.hasSuffix)
    }

    /// Whether a bare title is certainly one: a national law's full title (中华人民共和国…法), or a title followed by its
    /// document number or decree (…办法（国务院令第649号）, …意见（国发〔2014〕1号）).
    static func isCertainlyTitle(_ title: String, rest: String) -> Bool {
        if title.hasPrefix("中华人民共和国") { return true }
        let trimmed = rest.trimmingTrailingSpaces
        guard trimmed.hasPrefix("（") || trimmed.hasPrefix("(") else { return false }
        return !CitationScanner.documentNumbers(in: trimmed).isEmpty || trimmed.contains("令第")
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
        if let last = s.last, last == "）" || last == ")", let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }),
            open > 0
        {
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
