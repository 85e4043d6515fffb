import ArgumentParser
import CatalogLint
import Diagnostics

/// `gkml rules`: every finding code gkml can report — input, schema, model, lint and diff — with its default
/// severity and whether `--fix` repairs it.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "列出全部问题代码：默认级别、能否自动修正。",
        discussion: "规则的级别可在 gkml.yaml 的「规则」中调整或关闭；用 gkml explain 代码 查看说明和示例。")

    @OptionGroup var output: TextOrJSONOption
    @OptionGroup var language: LanguageOption

    var lang: Language { language.lang }

    /// Every kind, once, in stage order (the first registration of a code wins).
    static var kinds: [FindingKind] {
        var seen = Set<String>()
        let all = FindingCatalog.all
        let order = FindingStage.allCases
        return all.filter { seen.insert($0.code).inserted }
            .enumerated()
            .sorted { a, b in
                let sa = order.firstIndex(of: a.element.stage)!, sb = order.firstIndex(of: b.element.stage)!
                return sa != sb ? sa < sb : a.offset < b.offset
            }
            .map(\.element)
    }

    static func stageName(_ stage: FindingStage, _ lang: Language) -> String {
        switch (stage, lang) {
        case (.input, .zh): "读取"
        case (.schema, .zh): "格式"
        case (.model, .zh): "模型"
        case (.lint, .zh): "规则"
        case (.diff, .zh): "比较"
        case (.audit, .zh): "督查"
        case (.input, .en): "input"
        case (.schema, .en): "schema"
        case (.model, .en): "model"
        case (.lint, .en): "lint"
        case (.diff, .en): "diff"
        case (.audit, .en): "audit"
        }
    }

    func run() throws {
        let kinds = Self.kinds
        switch output.format {
        case .json:
            Output.print(
                JSONOutput.array(
                    kinds.map { kind in
                        .object([
                            ("code", .string(kind.code)),
                            ("stage", .string(kind.stage.rawValue)),
                            ("severity", .string(kind.defaultSeverity.rawValue)),
                            ("fixable", .bool(kind.fixable)),
                            ("title", .object([("zh", .string(kind.title.zh)), ("en", .string(kind.title.en))])),
                            ("rule", .optional(LintRules.rule(for: kind.code)?.ruleDescription.identifier)),
                        ])
                    }
                ).serialized() + "\n")
        case .text:
            let width = kinds.map { DisplayWidth.of($0.code) }.max() ?? 0
            var out = ""
            var stage: FindingStage?
            for kind in kinds {
                if kind.stage != stage {
                    stage = kind.stage
                    if !out.isEmpty { out += "\n" }
                    out += "[\(Self.stageName(kind.stage, lang))]\n"
                }
                let pad = String(repeating: " ", count: width - DisplayWidth.of(kind.code))
                let severity = kind.defaultSeverity.label(lang)
                let severityPad = String(
                    repeating: " ", count: max(0, (lang == .zh ? 4 : 7) - DisplayWidth.of(severity)))
                let fix = kind.fixable ? (lang == .zh ? "可修正" : "fixable") : (lang == .zh ? "      " : "       ")
                out += "  \(kind.code)\(pad)  \(severity)\(severityPad)  \(fix)  \(kind.title[lang])\n"
            }
            out +=
                lang == .zh
                ? "\n共 \(kinds.count) 个代码，其中 \(kinds.filter(\.fixable).count) 个可用 gkml validate --fix 自动修正。用 gkml explain 代码 查看说明。\n"
                : "\n\(kinds.count) codes, \(kinds.filter(\.fixable).count) fixable with gkml validate --fix. Run gkml explain CODE for details.\n"
            Output.print(out)
        }
    }
}
