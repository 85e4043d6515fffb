import CatalogModel
import Diagnostics

/// Document numbers: 国办发〔2019〕54号 with the six-cornered brackets 〔〕 and 号.
struct CitationDocumentNumberRule: LintRule {
    static let kind = lintKind(
        "citation-doc-number", .warning,
        title: .t("发文字号写法不规范", "Document number not in standard form"),
        message: .t("发文字号「{found}」应写作「{expected}」", "the document number \"{found}\" should be written \"{expected}\""),
        hint: .t(
            "按 GB/T 9704《党政机关公文格式》，年份用六角括号〔〕括入，序号后加「号」",
            "GB/T 9704: the year goes in \"〔〕\" and the serial number is followed by \"号\""),
        fixable: true)

    static let description = RuleDescription(
        identifier: "citation-doc-number",
        name: .t("发文字号", "Document numbers"),
        kinds: [kind],
        rationale: .t(
            "发文字号由发文机关代字、年份和发文顺序号组成，年份用六角括号〔〕括入，顺序号后加「号」，如 国办发〔2019〕54号（GB/T 9704—2012《党政机关公文格式》7.2.4）。圆括号、方括号、【】或半角括号是常见的录入错误，会让同一文件在目录中出现几种写法。",
            "A document number is the issuer's code, the year in the six-cornered brackets 〔〕 and the serial number followed by 号, e.g. 国办发〔2019〕54号 (GB/T 9704-2012, 7.2.4). Round, square, 【】 or ASCII brackets are typing slips that make one document appear under several spellings."
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
                        公开依据: [《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）, 《某规划（2021-2035年）》]
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
                          - 《关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发↓(2019)54号）
                          - 《就业和社会保险领域基层政务公开标准指引》（人社厅函↓【2019】113号）
                          - 国办发↓〔2017〕42
                """)
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
                          - 《指导意见》（国办发↓[2019]54号）
                          - 人社厅函↓（2019）113
                          - 《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（↓国办发〔201680号）
                          - 《中华人民共和国政府信息公开条例》（↓国务院令第711）
                """,
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开依据:
                          - 《指导意见》（国办发〔2019〕54号）
                          - 人社厅函〔2019〕113号
                          - 《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（国办发〔2016〕80号）
                          - 《中华人民共和国政府信息公开条例》（国务院令第711号）
                """)
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
        // Items are read in place (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        for index in items.indices {
            guard let remark = items[index].remark else { continue }
            out += Self.quiet.violations(remark.value) {
                violations(remark, path: items[index].path(.remark), file: file)
            }
        }
        return out
    }

    /// Texts known to hold no document number to correct (most citations, and every citation without one).
    static let quiet = QuietTexts()

    /// The findings of one 公开依据 entry or 备注.
    func violations(_ value: Located<String>, path: String, file: LintFile) -> [LintViolation] {
        var out: [LintViolation] = []
        out += unfinished(value, path: path, in: file)
        // A document number needs a bracketed year: skip texts without any digit run of four.
        guard value.value.unicodeScalars.contains(where: { CitationScanner.openBrackets.contains($0) }) else {
            return out
        }
        let numbers = CitationScanner.documentNumbers(in: value.value).filter { !$0.isStandard }
        guard !numbers.isEmpty else { return out }
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
            out.append(
                LintViolation(
                    file.finding(
                        Self.kind, at: span.position(number.open), end: span.end(foundEnd), path: path,
                        arguments: ["found": found, "expected": number.expected]), fix: fix))
        }
        return out
    }

    /// Numbers left unfinished in copying: the year's bracket never closed (国办发〔201680号 for 〔2016〕80号) and a
    /// decree without 号 (国务院令第711). Both repairs are certain: the year is four digits, and 令第N is always N号.
    func unfinished(_ value: Located<String>, path: String, in file: LintFile) -> [LintViolation] {
        let s = value.value.scalars
        guard s.contains(where: { $0 == "令" || CitationScanner.openBrackets.contains($0) }) else { return [] }
        let span = file.span(of: value)
        var out: [LintViolation] = []
        func report(_ start: Int, _ end: Int, expected: String, edits: [TextEdit?]) {
            let found = String(scalars: s[start..<end])
            let fix = edits.allSatisfy { $0 != nil } ? edits.compactMap { $0 } : []
            out.append(
                LintViolation(
                    file.finding(
                        Self.kind, at: span.position(start), end: span.end(end), path: path,
                        arguments: ["found": found, "expected": expected]), fix: fix))
        }
        for number in CitationScanner.unclosedYears(in: value.value) {
            let issuerStart = number.open - number.issuer.scalars.count
            var edits: [TextEdit?] = []
            if s[number.open] != "〔" { edits.append(span.edit(number.open..<number.open + 1, "〔")) }
            edits.append(span.edit(number.open + 5..<number.open + 5, "〕"))
            report(issuerStart, number.serialEnd + 1, expected: number.expected, edits: edits)
        }
        for decree in CitationScanner.decreesWithoutHao(in: value.value) {
            let found = String(scalars: s[decree.start..<decree.end])
            report(decree.start, decree.end, expected: found + "号", edits: [span.edit(decree.end..<decree.end, "号")])
        }
        return out
    }
}
