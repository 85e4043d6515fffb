import CatalogModel
import Diagnostics

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
            "公开依据 must cite texts in force. gkml carries a checked table of replacements: the 2007 条例 (decree 492) revised by decree 711; 土地管理法实施条例 (256) by 743; 食品安全法实施条例 (557) by 721; 预算法实施条例 (186) by 729; 城市房屋拆迁管理条例 (305) repealed by 国有土地上房屋征收与补偿条例 (590); the property, contract, guarantee, tort, marriage, succession and adoption laws and the general principles repealed by the Civil Code on 2021-01-01."
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
                        公开依据: [《中华人民共和国政府信息公开条例》（国令第711号）, 《中华人民共和国民法典》]
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
                          - 《中华人民共和国政府信息公开条例》（↓国务院令第492号）
                          - 依据↓《中华人民共和国物权法》第四十二条
                """)
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        var quiet = FileQuietTexts(Self.quiet)
        // Entries are read in place: most are quiet texts the file cited before.
        let entries = file.writtenBasisEntries()
        for index in entries.indices where !quiet.knows(entries[index].key) {
            let entry = entries[index]
            let value = entry.value
            // Most citations name nothing superseded: each such text is looked at once per run.
            if Self.quiet.contains(entry.key) {
                quiet.remember(entry.key)
                continue
            }
            let matches = SupersededText.matches(in: value.value)
            guard !matches.isEmpty else {
                Self.quiet.insert(entry.key)
                quiet.remember(entry.key)
                continue
            }
            let span = file.span(of: value)
            for match in matches {
                out.append(
                    LintViolation(
                        file.finding(
                            Self.kind, at: span.position(match.range.lowerBound), end: span.end(match.range.upperBound),
                            path: entry.path(in: file),
                            arguments: ["cited": match.cited, "replacement": match.entry.replacement],
                            notes: [match.entry.note])))
            }
        }
        return out
    }

    /// Basis texts that cite nothing superseded.
    static let quiet = QuietTexts()
}
