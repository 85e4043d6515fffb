import CatalogModel
import Diagnostics

/// The ignore comments themselves: a reason is required, the code must exist, and a comment that silences
/// nothing should go.
struct IgnoreCommentRule: LintRule {
    static let reasonMissing = lintKind(
        "ignore-reason-missing", .warning,
        title: .t("忽略注释缺少理由", "Ignore comment without a reason"),
        message: .t("忽略注释没有写明理由，未生效", "the ignore comment gives no reason and has no effect"),
        hint: .t(
            "写作 # gkml: 忽略 {code} 理由……；理由会出现在 JSON 报告中，供审核",
            "write # gkml: 忽略 {code} followed by the reason; reasons are reported in JSON for review"))

    static let unknownCode = lintKind(
        "ignore-unknown-code", .warning,
        title: .t("忽略注释中的代码不存在", "Unknown code in an ignore comment"),
        message: .t("忽略注释中的代码「{code}」不是规则代码", "\"{code}\" in the ignore comment is not a rule code"),
        hint: .t(
            "运行 gkml rules 查看可忽略的规则代码；格式（schema）错误不能忽略，只能修正",
            "run gkml rules for the codes; schema errors cannot be ignored, only fixed"))

    static let unused = lintKind(
        "ignore-unused", .info,
        title: .t("忽略注释未屏蔽任何问题", "Ignore comment that silences nothing"),
        message: .t("忽略注释中的「{code}」没有屏蔽任何问题，可以删除", "\"{code}\" in the ignore comment silences nothing and can go"))

    static let description = RuleDescription(
        identifier: "ignore-comment",
        name: .t("忽略注释", "Ignore comments"),
        kinds: [reasonMissing, unknownCode, unused],
        rationale: .t(
            "在事项前一行写 # gkml: 忽略 代码 理由……，可以对这一事项（或下一行）不报告该规则的问题；多个代码用逗号分隔。理由必须写明，会出现在 JSON 报告的 suppressed 中，供审核人员查看。没有理由的注释不生效；不再屏蔽任何问题的注释应当删除，免得以后掩盖新问题。",
            "A comment # gkml: 忽略 CODE reason… on the line before an item (or any line) silences that code there; separate several codes with commas. The reason is required and is reported under suppressed in JSON output for reviewers. A comment without a reason has no effect; one that no longer silences anything should be removed before it hides a new problem."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      # gkml: 忽略 time-limit-exceeds 县人社局统一汇总后发布，经县政务公开办同意
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开时限: 自信息形成之日起30日内
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      # gkml: 忽略 ↓time-limit-exceeds
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                        公开时限: 自信息形成之日起30个工作日内
                """, codes: ["ignore-reason-missing"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      # gkml: 忽略 ↓time-limits-exceed 县里统一发布
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                """, codes: ["ignore-unknown-code"]),
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      # gkml: 忽略 ↓channel-no-online 本镇无网站
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                """, codes: ["ignore-unused"]),
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        var out: [LintViolation] = []
        let known = LintEngine.knownCodes
        for comment in IgnoreComment.parse(file) {
            var offset = 0
            for code in comment.codes {
                defer { offset += code.unicodeScalars.count + 1 }
                let start = SourcePosition(line: comment.line, column: comment.codesColumn + offset)
                let end = SourcePosition(line: comment.line, column: start.column + code.unicodeScalars.count)
                if !known.contains(code) {
                    let notes =
                        Suggestion.closest(to: code, among: Array(known)).map { [Suggestion.didYouMean($0)] } ?? []
                    out.append(
                        LintViolation(
                            file.finding(
                                Self.unknownCode, at: start, end: end, path: "", arguments: ["code": code], notes: notes
                            )))
                }
            }
            if comment.reason.isEmpty {
                out.append(
                    LintViolation(
                        file.finding(
                            Self.reasonMissing, at: SourcePosition(line: comment.line, column: comment.codesColumn),
                            path: "",
                            arguments: ["code": comment.codes.first ?? "CODE"])))
            }
            if comment.codes.isEmpty {
                out.append(
                    LintViolation(
                        file.finding(
                            Self.unknownCode, at: SourcePosition(line: comment.line, column: comment.codesColumn),
                            path: "",
                            arguments: ["code": ""])))
            }
        }
        return out
    }
}
