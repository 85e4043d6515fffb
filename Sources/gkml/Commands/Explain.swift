import ArgumentParser
import CatalogLint
import CatalogModel
import Diagnostics

/// `gkml explain CODE`: one code's documentation — what it checks, why, and (for lint rules) examples that do
/// and do not trigger it, and what `--fix` does.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "说明一个问题代码：检查什么、为什么、示例。",
        discussion: "CODE 可以是问题代码（如 time-limit-exceeds）、规则名（如 time-limit），或基准目录事项的编号（如 21-02-02，显示其出处）。")

    @Argument(help: "问题代码或规则名。")
    var code: String

    @OptionGroup var language: LanguageOption

    var lang: Language { language.lang }

    func run() throws {
        let kinds = Rules.kinds
        if let rule = LintRules.rule(for: code) {
            Output.print(Self.explain(rule.ruleDescription, focus: kinds.first { $0.code == code }, lang: lang))
            return
        }
        if let kind = kinds.first(where: { $0.code == code }) {
            Output.print(Self.explain(kind, lang: lang))
            return
        }
        if let row = BaselineProvenance.explain(code, language: lang) {
            Output.print(row)
            return
        }
        var message = lang == .zh ? "没有代码「\(code)」。" : "no code \"\(code)\"."
        if let suggestion = Suggestion.closest(
            to: code, among: kinds.map(\.code) + LintRules.descriptions.map(\.identifier))
        {
            message += " " + Suggestion.didYouMean(suggestion)[lang]
        }
        message += lang == .zh ? " 运行 gkml rules 查看全部代码。" : " Run gkml rules for the list."
        Output.error(message)
        throw Status.failure
    }

    static func header(_ kind: FindingKind, lang: Language) -> String {
        let zh = lang == .zh
        var out = "\(kind.code)  \(kind.title[lang])\n"
        out +=
            zh
            ? "  阶段：\(Rules.stageName(kind.stage, lang))　默认级别：\(kind.defaultSeverity.label(lang))"
            : "  stage: \(Rules.stageName(kind.stage, lang)), default severity: \(kind.defaultSeverity.label(lang))"
        out += kind.fixable ? (zh ? "　可用 --fix 自动修正\n" : ", fixable with --fix\n") : "\n"
        let example = TemplateExamples.render(kind, lang)
        out += (zh ? "  消息（示例）：" : "  message (example): ") + example.message + "\n"
        if let hint = example.hint { out += (zh ? "  提示：" : "  hint: ") + hint + "\n" }
        return out
    }

    static func explain(_ kind: FindingKind, lang: Language) -> String {
        header(kind, lang: lang)
    }

    static func explain(_ rule: RuleDescription, focus: FindingKind?, lang: Language) -> String {
        let zh = lang == .zh
        var out =
            zh ? "规则 \(rule.identifier)：\(rule.name[lang])\n\n" : "Rule \(rule.identifier): \(rule.name[lang])\n\n"
        for kind in rule.kinds where focus == nil || focus == kind {
            out += header(kind, lang: lang) + "\n"
        }
        if let focus, rule.kinds.count > 1 {
            let others = rule.kinds.filter { $0 != focus }.map(\.code).joined(separator: "、")
            out += zh ? "同一规则的其他代码：\(others)\n\n" : "other codes of this rule: \(others)\n\n"
        }
        out += (zh ? "为什么\n" : "Why\n") + indent(rule.rationale[lang]) + "\n"
        out +=
            zh
            ? "配置：在 gkml.yaml 的「规则」中写 代码: 错误|警告|提示|关闭；对单个事项，在其前一行写 # gkml: 忽略 代码 理由……\n"
            : "Configure: under 规则 in gkml.yaml write CODE: error|warning|info|off; for one item, put # gkml: 忽略 CODE reason… on the line before it.\n"
        let note =
            zh
            ? "（示例省略了文件头和「默认」；↓ 标出报告问题的位置）"
            : "(examples omit the file header and 默认; ↓ marks where a finding is reported)"
        let triggering = rule.triggeringExamples.filter {
            focus == nil || $0.codes.isEmpty || $0.codes.contains(focus!.code)
        }
        if !triggering.isEmpty {
            out += "\n" + (zh ? "会报告" : "Triggers ") + note + "\n"
            for example in triggering { out += block(example.yaml) }
        }
        if !rule.nonTriggeringExamples.isEmpty {
            out += (zh ? "不会报告\n" : "Does not trigger\n")
            for example in rule.nonTriggeringExamples { out += block(example.yaml) }
        }
        if !rule.corrections.isEmpty, focus == nil || focus!.fixable {
            out += (zh ? "自动修正（gkml validate --fix）\n" : "Fixes (gkml validate --fix)\n")
            for correction in rule.corrections {
                out += (zh ? "  修正前：\n" : "  before:\n") + block(correction.before.yaml, indent: 4)
                out += (zh ? "  修正后：\n" : "  after:\n") + block(correction.after, indent: 4)
            }
        }
        return out
    }

    static func indent(_ text: String, by n: Int = 2) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
            + "\n"
    }

    static func block(_ yaml: String, indent n: Int = 2) -> String {
        let pad = String(repeating: " ", count: n)
        let body = visible(yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml)
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { pad + "│ " + $0 }.joined(
            separator: "\n") + "\n\n"
    }

    /// Examples of text-bidi-control hold the invisible controls themselves; printed raw they would reorder the
    /// terminal's line, so they are shown by name (⟨U+202E⟩).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: BidiControl.contains) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if BidiControl.contains(scalar) {
                var code = String(scalar.value, radix: 16, uppercase: true)
                while code.count < 4 { code = "0" + code }
                out += "⟨U+\(code)⟩"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
