import CatalogModel
import Diagnostics

/// One repair `--fix` made.
public struct LintChange: Sendable {
    /// The finding that was fixed (its position is in the text as it was when the fix was made).
    public var finding: Finding
    /// The text replaced and the text put instead (several edits are joined with " … ").
    public var before: String
    public var after: String
}

/// What `--fix` did to one file.
public struct LintFixResult: Sendable {
    public var fixed: [UInt8]
    public var changes: [LintChange]
    /// Whether the bytes changed.
    public var changed: Bool { !changes.isEmpty }
}

/// `gkml validate --fix`: applies the safe fixes by editing the source text at the recorded positions — never
/// by re-emitting the YAML — so comments, key order, quoting and untouched lines stay byte-identical. Each pass
/// reads the text afresh and takes the certain fixes of every stage: those found with the diagnosis of the raw
/// text (a full-width space or colon, a tab, ` #` in a value — these work on a file that does not parse, which
/// is how a blocking mistake gets repaired), those of the schema stage (a unique did-you-mean), and those of
/// the lint rules. Fixes that overlap wait for the next pass; the result is a fixed point (a second run changes
/// nothing). Rules turned off and findings under an ignore comment are not fixed. Writing the file is the
/// caller's job.
public enum LintFixer {
    /// The most passes over one file (each pass re-reads the text it produced).
    static let maxPasses = 16

    public static func fix(source: [UInt8], file: String, context: LintContext) -> LintFixResult {
        var bytes = source
        var changes: [LintChange] = []
        for _ in 0..<maxPasses {
            let loaded = CatalogLoader.load(bytes: bytes, file: file, registry: context.registry)
            // Earlier stages first: while the text has structure mistakes, the values YAML reads are not yet
            // the ones written (「政府网站，便民服务站」 is one entry), so only those are repaired in this pass.
            let structural = loaded.findings.filter { !$0.fix.isEmpty && $0.kind.stage == .input }
            var fixes: [(finding: Finding, fix: [TextEdit])] =
                (structural.isEmpty ? loaded.findings.filter { !$0.fix.isEmpty } : structural).map { ($0, $0.fix) }
            if structural.isEmpty, let lintFile = LintFile(loaded, registry: context.registry) {
                let result =
                    LintEngine.lint(files: [lintFile], context: context, rules: LintRules.fixable)[file] ?? LintResult()
                fixes += result.fixable.map { ($0.finding, $0.fix) }
            }
            guard !fixes.isEmpty else { break }
            let (newBytes, applied) = EditApplier.apply(fixes.map(\.fix), to: bytes)
            guard !applied.isEmpty, newBytes != bytes else { break }
            let index = LineIndex(bytes)
            for n in applied {
                let fix = fixes[n]
                let finding = fix.finding
                let before = fix.fix.map { edit -> String in
                    guard let a = index.offset(of: edit.start), let b = index.offset(of: edit.end), a <= b else {
                        return ""
                    }
                    return String(decoding: bytes[a..<b], as: UTF8.self)
                }.joined(separator: " … ")
                changes.append(
                    LintChange(
                        finding: finding, before: before, after: fix.fix.map(\.replacement).joined(separator: " … ")))
            }
            bytes = newBytes
        }
        return LintFixResult(fixed: bytes, changes: changes)
    }
}
