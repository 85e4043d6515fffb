import CatalogModel
import Diagnostics

/// What linting one file produced.
public struct LintResult: Sendable {
    /// Lint findings to report: configured severities applied, rules turned off removed, ignored ones removed.
    public var findings: [Finding]
    /// Findings silenced by an ignore comment, each with the comment's reason (for `--format json`).
    public var suppressed: [(finding: Finding, reason: String)]
    /// The violations `--fix` can repair, with their edits: those reported in `findings`, and those kept only for
    /// `--fix` because the schema already reports the same problem as an error (empty or repeated entries).
    public var fixable: [LintViolation]

    public init(
        findings: [Finding] = [], suppressed: [(finding: Finding, reason: String)] = [], fixable: [LintViolation] = []
    ) {
        self.findings = findings
        self.suppressed = suppressed
        self.fixable = fixable
    }
}

/// Runs the lint rules over one jurisdiction's files at a time (cross-file rules compare files of the same
/// domain within it) and applies the configuration: 规则 settings and ignore comments.
public enum LintEngine {
    /// Lints loaded catalogs. Files that could not be parsed get an empty result. Keyed by `LoadedCatalog.file`.
    public static func lint(_ catalogs: [LoadedCatalog], context: LintContext) -> [String: LintResult] {
        var results: [String: LintResult] = [:]
        for catalog in catalogs where catalog.document == nil { results[catalog.file] = LintResult() }
        let files = catalogs.compactMap { LintFile($0, registry: context.registry) }
        for (path, result) in lint(files: files, context: context) { results[path] = result }
        return results
    }

    /// Lints files already indexed.
    public static func lint(files: [LintFile], context: LintContext, rules: [any LintRule] = LintRules.all) -> [String:
        LintResult]
    {
        let scope = LintScope(context: context, files: files)
        let active = rules.filter { rule in
            type(of: rule).description.kinds.contains { context.rules[$0.code] != .off }
        }
        // The tree rules share one walk per file; their violations keep their place in the rule order. Which rules
        // those are is asked once per jurisdiction, through `asTreeRule` (a cast to a protocol is a runtime lookup).
        let treeRules = active.compactMap(\.asTreeRule)
        let walks = active.map { $0.asTreeRule != nil }
        var results: [String: LintResult] = [:]
        for file in files {
            var walked = TreeWalk.run(treeRules, over: file)[...]
            var violations: [LintViolation] = []
            for (rule, walks) in zip(active, walks) {
                if walks {
                    violations += walked.removeFirst()
                } else {
                    violations += rule.check(file, in: scope)
                }
            }
            results[file.path] = configure(violations, file: file, context: context)
        }
        return results
    }

    /// The codes of every lint kind, for reading ignore comments: made once (`LintRules.kinds` builds every rule's
    /// description, examples included, each time it is asked).
    static let knownCodes = Set(LintRules.kinds.map(\.code))

    /// Applies severities and `off`, drops what the earlier stages already report, and applies ignore comments.
    static func configure(_ raw: [LintViolation], file: LintFile, context: LintContext) -> LintResult {
        var seen = Set<SameFinding>()
        var violations: [LintViolation] = []
        let defaults = file.root["默认"].map { $0.start.line...$0.end.line }
        for var violation in raw {
            // The finding carries its fix, so that every report says whether --fix repairs it (and how).
            violation.finding.fix = violation.fix
            if let defaults, let note = inheritedNote(violation.finding, defaults: defaults, file: file.path) {
                violation.finding.notes.append(note)
            }
            let finding = violation.finding
            switch context.rules[finding.code] {
            case .off?: continue
            case .severity(let severity)?: violation.finding.severity = severity
            case nil: break
            }
            // Kept only for --fix (the rule said so): not shown, and recorded as info when fixed.
            if violation.visibility == .fixOnly { violation.finding.severity = .info }
            let key = SameFinding(
                code: finding.code, position: finding.location.position, path: finding.path,
                arguments: finding.arguments)
            if seen.insert(key).inserted { violations.append(violation) }
        }

        // Ignore comments.
        let comments = IgnoreComment.parse(file)
        var used = Set<String>()  // "line|code"
        var reported: [LintViolation] = []
        var suppressed: [(finding: Finding, reason: String)] = []
        for violation in violations {
            let finding = violation.finding
            if let line = finding.location.position?.line,
                let comment = comments.first(where: { c in
                    !c.reason.isEmpty && c.scope.contains(line) && c.codes.contains(finding.code)
                })
            {
                used.insert("\(comment.line)|\(finding.code)")
                if violation.visibility == .reported { suppressed.append((finding, comment.reason)) }
                continue
            }
            reported.append(violation)
        }
        // Comments that silenced nothing (only meaningful when every rule could run).
        if file.isDecoded, context.rules[IgnoreCommentRule.unused.code] != .off {
            let known = knownCodes
            for comment in comments where !comment.reason.isEmpty {
                var offset = 0
                for code in comment.codes {
                    defer { offset += code.unicodeScalars.count + 1 }
                    guard known.contains(code), !used.contains("\(comment.line)|\(code)"),
                        context.rules[code] != .off
                    else { continue }
                    var finding = file.finding(
                        IgnoreCommentRule.unused,
                        at: SourcePosition(line: comment.line, column: comment.codesColumn + offset),
                        end: SourcePosition(
                            line: comment.line, column: comment.codesColumn + offset + code.unicodeScalars.count),
                        path: "", arguments: ["code": code])
                    if case .severity(let severity)? = context.rules[finding.code] { finding.severity = severity }
                    reported.append(LintViolation(finding))
                }
            }
        }
        let visible = reported.filter { $0.visibility == .reported }
        return LintResult(
            findings: Finding.sortedForReport(visible.map(\.finding)),
            suppressed: suppressed,
            fixable: reported.filter { !$0.fix.isEmpty })
    }

    /// For a finding about an item whose value is written in 默认: where it is, and what changing it does.
    static func inheritedNote(_ finding: Finding, defaults: ClosedRange<Int>, file: String) -> LocalizedText? {
        guard let line = finding.location.position?.line, defaults.contains(line),
            finding.path.hasPrefix("/事项/编号=")
        else { return nil }
        let id = finding.path.dropFirst("/事项/编号=".count).split(separator: "/").first.map(String.init) ?? ""
        return LocalizedText(
            zh:
                "这个值来自「默认」（第 \(line) 行），事项 \(id) 自己没有填写；改「默认」会影响所有没有自己填写该要素的事项，只改事项 \(id) 请在该事项中写上这个要素（gkml show \(file) \(id) 显示它的全部要素）",
            en:
                "this value comes from 默认 (line \(line)); item \(id) does not set it itself. Changing 默认 changes every item that does not set it; to change item \(id) only, set the element in the item (gkml show \(file) \(id) shows all its elements)"
        )
    }
}

/// What makes two raw findings of one file the same finding (reported once): a typed key, since interpolating the
/// arguments into a string cost more than the rule that found them.
private struct SameFinding: Hashable {
    let code: String
    let position: SourcePosition?
    let path: String
    let arguments: [String: String]
}
