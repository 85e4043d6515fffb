import CatalogModel
import Diagnostics

/// The 公开依据 entries (and 备注) as written: in 默认 and in items that set their own.
extension LintFile {
    func writtenBasisEntries() -> [(value: Located<String>, path: String)] {
        var out: [(Located<String>, String)] = []
        for list in written(.basis, defaults: \.basis, item: \.basis) {
            for (index, entry) in list.value.value.enumerated() { out.append((entry, "\(list.path)/\(index)")) }
        }
        return out
    }
}

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

/// Document numbers: 国办发〔2019〕54号 with the six-cornered brackets 〔〕 and 号.
struct CitationDocumentNumberRule: LintRule {
    static let kind = lintKind(
        "citation-doc-number", .warning,
        title: .t("发文字号写法不规范", "Document number not in standard form"),
        message: .t("发文字号「{found}」应写作「{expected}」", "the document number \"{found}\" should be written \"{expected}\""),
        hint: .t("按 GB/T 9704《党政机关公文格式》，年份用六角括号〔〕括入，序号后加「号」", "GB/T 9704: the year goes in \"〔〕\" and the serial number is followed by \"号\""),
        fixable: true)

    static let description = RuleDescription(
        identifier: "citation-doc-number",
        name: .t("发文字号", "Document numbers"),
        kinds: [kind],
        rationale: .t(
            "发文字号由发文机关代字、年份和发文顺序号组成，年份用六角括号〔〕括入，顺序号后加「号」，如 国办发〔2019〕54号（GB/T 9704—2012《党政机关公文格式》7.2.4）。圆括号、方括号、【】或半角括号是常见的录入错误，会让同一文件在目录中出现几种写法。",
            "A document number is the issuer's code, the year in the six-cornered brackets 〔〕 and the serial number followed by 号, e.g. 国办发〔2019〕54号 (GB/T 9704-2012, 7.2.4). Round, square, 【】 or ASCII brackets are typing slips that make one document appear under several spellings."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据: [《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）, 《某规划（2021-2035年）》]
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
                          - 《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发↓(2019)54号）
                          - 《就业和社会保险领域基层政务公开标准指引》（人社厅函↓【2019】113号）
                          - 国办发↓〔2017〕42
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
                        公开依据:
                          - 《指导意见》（国办发↓[2019]54号）
                          - 人社厅函↓（2019）113
                """, """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《指导意见》（国办发〔2019〕54号）
                          - 人社厅函〔2019〕113号
                """),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        var entries = file.writtenBasisEntries()
        if let catalog = file.catalog {
            for item in catalog.items { if let remark = item.remark { entries.append((remark, item.path(.remark))) } }
        }
        for (value, path) in entries {
            // A document number needs a bracketed year: skip texts without any digit run of four.
            guard value.value.unicodeScalars.contains(where: { CitationScanner.openBrackets.contains($0) }) else { continue }
            let numbers = CitationScanner.documentNumbers(in: value.value).filter { !$0.isStandard }
            guard !numbers.isEmpty else { continue }
            let s = value.value.scalars
            let span = file.span(of: value)
            for number in numbers {
                let foundEnd = number.hasHao ? number.serialEnd + 1 : number.serialEnd
                let issuerStart = number.open - number.issuer.scalars.count
                let found = String(scalars: s[issuerStart..<foundEnd])
                var fix: [TextEdit] = []
                var edits: [TextEdit?] = []
                if s[number.open] != "〔" { edits.append(span.edit(number.open..<number.open + 1, "〔")) }
                if s[number.close] != "〕" { edits.append(span.edit(number.close..<number.close + 1, "〕")) }
                if !number.hasHao { edits.append(span.edit(number.serialEnd..<number.serialEnd, "号")) }
                if edits.allSatisfy({ $0 != nil }) { fix = edits.compactMap { $0 } }
                out.append(LintViolation(file.finding(
                    Self.kind, at: span.position(number.open), end: span.end(foundEnd), path: path,
                    arguments: ["found": found, "expected": number.expected]), fix: fix))
            }
        }
        return out
    }
}

/// Citations of repealed or replaced texts.
struct CitationSupersededRule: LintRule {
    static let kind = lintKind(
        "citation-superseded", .warning,
        title: .t("引用了已修订或废止的文件", "Citation of a superseded text"),
        message: .t("「{cited}」已被取代，应引用「{replacement}」", "\"{cited}\" has been superseded; cite \"{replacement}\""))

    static let description = RuleDescription(
        identifier: "citation-superseded",
        name: .t("已修订或废止的依据", "Superseded legal bases"),
        kinds: [kind],
        rationale: .t(
            "公开依据要引用现行有效的文本。gkml 内置一份经核实的替代关系表：2007年《政府信息公开条例》（国务院令第492号）已由国令第711号修订；《土地管理法实施条例》（国务院令第256号）已由国务院令第743号修订；《食品安全法实施条例》（国务院令第557号）已由国务院令第721号修订；《预算法实施条例》（国务院令第186号）已由国务院令第729号修订；《城市房屋拆迁管理条例》（国务院令第305号）已被《国有土地上房屋征收与补偿条例》（国务院令第590号）废止；物权法、合同法、担保法、侵权责任法、婚姻法、继承法、收养法、民法通则、民法总则自2021年1月1日民法典施行起废止。",
            "公开依据 must cite texts in force. gkml carries a checked table of replacements: the 2007 条例 (decree 492) revised by decree 711; 土地管理法实施条例 (256) by 743; 食品安全法实施条例 (557) by 721; 预算法实施条例 (186) by 729; 城市房屋拆迁管理条例 (305) repealed by 国有土地上房屋征收与补偿条例 (590); the property, contract, guarantee, tort, marriage, succession and adoption laws and the general principles repealed by the Civil Code on 2021-01-01."),
        nonTriggeringExamples: [
            RuleExample("""
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据: [《中华人民共和国政府信息公开条例》（国令第711号）, 《中华人民共和国民法典》]
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
                          - 《中华人民共和国政府信息公开条例》（↓国务院令第492号）
                          - 依据↓《中华人民共和国物权法》第四十二条
                """),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        var cache: [String: [(entry: SupersededText, range: Range<Int>, cited: String)]] = [:]
        for (value, path) in file.writtenBasisEntries() {
            let matches: [(entry: SupersededText, range: Range<Int>, cited: String)]
            if let hit = cache[value.value] {
                matches = hit
            } else {
                matches = SupersededText.matches(in: value.value)
                cache[value.value] = matches
            }
            guard !matches.isEmpty else { continue }
            let span = file.span(of: value)
            for match in matches {
                out.append(LintViolation(file.finding(
                    Self.kind, at: span.position(match.range.lowerBound), end: span.end(match.range.upperBound), path: path,
                    arguments: ["cited": match.cited, "replacement": match.entry.replacement],
                    notes: [match.entry.note])))
            }
        }
        return out
    }
}
