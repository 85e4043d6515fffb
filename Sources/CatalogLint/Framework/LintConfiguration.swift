import CatalogModel
import Diagnostics
import YAMLTree

/// The 规则 map of gkml.yaml: checks its entries and applies settings to findings of any stage.
public enum LintConfiguration {
    public static let unknownCode = FindingKind(
        code: "rule-config-unknown", stage: .lint, severity: .warning,
        title: LocalizedText(zh: "规则配置中的代码不存在", en: "Unknown code in 规则"),
        message: LocalizedText(
            zh: "「规则」中的「{code}」不是可配置的问题代码", en: "\"{code}\" under 规则 is not a code that can be configured"),
        hint: LocalizedText(zh: "运行 gkml rules 查看全部代码", en: "run gkml rules for the codes"))

    public static let invalidSetting = FindingKind(
        code: "rule-config-invalid", stage: .lint, severity: .error,
        title: LocalizedText(zh: "规则配置的取值无效", en: "Invalid setting in 规则"),
        message: LocalizedText(
            zh: "「规则」中「{code}」的取值「{value}」无效", en: "the setting \"{value}\" of \"{code}\" under 规则 is not valid"),
        hint: LocalizedText(
            zh: "取值为 错误、警告、提示 或 关闭（也可写 error、warning、info、off）",
            en: "use 错误, 警告, 提示 or 关闭 (or error, warning, info, off)"))

    public static let kinds: [FindingKind] = [unknownCode, invalidSetting]

    /// Checks the 规则 map of a loaded gkml.yaml: unknown codes (with a suggestion) and invalid settings.
    /// `configurable` lists the codes a workspace may configure (the lint codes unless given).
    public static func check(_ workspace: LoadedWorkspace, configurable: [String]? = nil) -> [Finding] {
        guard let rules = workspace.document?.root.pair("规则")?.value.mapping else { return [] }
        let codes = configurable ?? LintRules.kinds.map(\.code)
        let known = Set(codes)
        var findings: [Finding] = []
        for pair in rules {
            let code = pair.key.keyText
            if !known.contains(code) {
                let notes = Suggestion.closest(to: code, among: codes).map { [Suggestion.didYouMean($0)] } ?? []
                findings.append(
                    Finding(
                        unknownCode,
                        at: SourceLocation(file: workspace.file, position: pair.key.start, end: pair.key.end),
                        path: "/规则/\(code)", arguments: ["code": code], notes: notes))
            }
            let value = pair.value.string ?? pair.value.text
            if RuleSetting(value) == nil {
                findings.append(
                    Finding(
                        invalidSetting,
                        at: SourceLocation(file: workspace.file, position: pair.value.start, end: pair.value.end),
                        path: "/规则/\(code)", arguments: ["code": code, "value": value]))
            }
        }
        return findings
    }

    /// Applies 规则 settings to findings of any stage (a configured severity, or removal when off). The lint
    /// engine does this for its own findings; the pipeline may use it for others it lets a workspace configure.
    public static func apply(_ rules: [String: RuleSetting], to findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            switch rules[finding.code] {
            case .off?: return nil
            case .severity(let severity)?:
                var f = finding
                f.severity = severity
                return f
            case nil: return finding
            }
        }
    }
}
