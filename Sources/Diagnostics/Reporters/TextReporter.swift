import Foundation
import SafeOutput
/// Compiler-style text: `path:line:col: 错误[code]: message`, the source line, a caret, then hints.
public struct TextReporter: Sendable {
    public var language: Language
    public var color: Bool
    public let lines: SourceLineProvider
    /// The characters of the line last shown: findings come sorted by position, so many in a row share a line.
    let excerpts: ExcerptCache

    /// Lines longer than this many characters are shown around the finding only.
    static let excerptLimit = 400
    /// Characters shown before and after the finding's span in a line that is cut.
    static let excerptContext = 150

    public init(language: Language, color: Bool = false, lines: @escaping SourceLineProvider = { _, _ in nil }) {
        self.language = language
        self.color = color
        self.lines = lines
        self.excerpts = ExcerptCache(lines)
    }

    public func render(_ report: ValidationReport) -> String {
        Reporter.render(report, format: .text, language: language, color: color, lines: lines)
    }

    /// One finding with its source excerpt.
    public func render(_ finding: Finding) -> String {
        var out = ""
        let loc = finding.location
        var head = TerminalText.path(loc.file)
        if let pos = loc.position { head += ":\(pos.line):\(pos.column)" }
        let severity = finding.severity.label(language)
        out +=
            paint(head + ":", .bold) + " " + paint("\(severity)[\(finding.code)]", style(finding.severity))
            + paint(": " + TerminalText.escape(finding.message(language)), .bold) + "\n"
        if let pos = loc.position, let (text, scalars) = excerpts.line(loc.file, pos.line) {
            let gutter = String(pos.line)
            let pad = String(repeating: " ", count: gutter.count)
            let shown = excerpt(text, scalars, from: pos, to: loc.end, severity: finding.severity)
            out += paint("\(pad) |", .boldBlue) + "\n"
            out += paint("\(gutter) |", .boldBlue) + " " + TerminalText.escape(shown.line) + "\n"
            out += paint("\(pad) |", .boldBlue) + " " + shown.caret + "\n"
        }
        let arrow = language == .zh ? "= 提示：" : "= help: "
        let pad = String(repeating: " ", count: (loc.position.map { String($0.line).count } ?? 1))
        if let hint = finding.hint(language) {
            out += "\(pad) " + paint(arrow, .cyan) + TerminalText.escape(hint) + "\n"
        }
        if let fix = finding.fixDescription(language) {
            out += "\(pad) " + paint(language == .zh ? "= 修复：" : "= fix: ", .cyan) + TerminalText.escape(fix) + "\n"
        }
        for note in finding.visibleNotes {
            out +=
                "\(pad) " + paint(language == .zh ? "= 说明：" : "= note: ", .cyan) + TerminalText.escape(note[language])
                + "\n"
        }
        if let old = finding.oldLocation {
            let oldFile = TerminalText.path(old.file)
            let where_ = old.position.map { "\(oldFile):\($0.line):\($0.column)" } ?? oldFile
            out += "\(pad) " + paint(language == .zh ? "= 原位置：" : "= was: ", .cyan) + where_ + "\n"
        }
        return out + "\n"
    }

    /// The caret line: spaces up to the column (full-width characters count two cells), then `^` under the span.
    func caret(_ line: String, from start: SourcePosition, to end: SourcePosition?, severity: Severity) -> String {
        excerpt(line, Array(line.unicodeScalars), from: start, to: end, severity: severity).caret
    }

    /// The source line as shown and its caret line. A line longer than `excerptLimit` characters is cut to the
    /// finding's span with `excerptContext` characters either side, marked with … : printing (and measuring for
    /// the caret) a 150 KB one-line list once for each of its thousands of findings made reporting quadratic.
    func excerpt(
        _ text: String, _ scalars: [Unicode.Scalar], from start: SourcePosition, to end: SourcePosition?,
        severity: Severity
    ) -> (line: String, caret: String) {
        let startIndex = max(0, min(start.column - 1, scalars.count))
        var endIndex: Int?
        if let end, end.line == start.line, end.column > start.column {
            endIndex = min(end.column - 1, scalars.count)
        }
        var lo = 0, hi = scalars.count
        var line = text, leading = ""
        if scalars.count > Self.excerptLimit {
            lo = max(0, startIndex - Self.excerptContext)
            hi = min(scalars.count, max(endIndex ?? 0, startIndex + 1) + Self.excerptContext, lo + Self.excerptLimit)
            leading = lo > 0 ? "…" : ""
            line = leading + String(String.UnicodeScalarView(scalars[lo..<hi])) + (hi < scalars.count ? "…" : "")
        }
        var indent = leading.isEmpty ? "" : String(repeating: " ", count: DisplayWidth.of(leading))
        for scalar in scalars[lo..<startIndex] {
            indent += scalar == "\t" ? "\t" : String(repeating: " ", count: Self.width(scalar))
        }
        var width = 1
        if let endIndex {
            let shownEnd = min(endIndex, hi)
            if shownEnd > startIndex {
                width = max(1, scalars[startIndex..<shownEnd].reduce(0) { $0 + Self.width($1) })
            }
        } else if startIndex < scalars.count {
            width = max(1, Self.width(scalars[startIndex]))
        }
        return (line, indent + paint(String(repeating: "^", count: width), style(severity)))
    }

    /// Cells a scalar takes in the excerpt (its escape's length when it is shown escaped).
    static func width(_ scalar: Unicode.Scalar) -> Int {
        // The excerpt shows controls escaped (a NUL as `\x00`, U+202E as `\u{202E}`): issue 15.
        TerminalText.escaped(scalar)?.count ?? DisplayWidth.of(scalar)
    }

    /// The closing line: files checked and findings by severity.
    public func summary(_ tally: FindingTally) -> String {
        let files = tally.files
        let errors = tally.count(.error), warnings = tally.count(.warning), infos = tally.count(.info)
        switch language {
        case .zh:
            if errors + warnings + infos == 0 { return "已检查 \(files) 个文件，未发现问题。\n" }
            return "已检查 \(files) 个文件：\(errors) 个错误，\(warnings) 个警告，\(infos) 个提示。\n"
        case .en:
            if errors + warnings + infos == 0 { return "Checked \(files) file(s): no problems found.\n" }
            return "Checked \(files) file(s): \(errors) error(s), \(warnings) warning(s), \(infos) info(s).\n"
        }
    }

    func style(_ severity: Severity) -> TerminalStyle {
        switch severity {
        case .error: .boldRed
        case .warning: .boldYellow
        case .info: .green
        }
    }

    func paint(_ s: String, _ style: TerminalStyle) -> String { style.paint(s, enabled: color) }
}

/// The text report streamed: each file's findings as they arrive, then the general findings and the totals.
final class TextStream: FindingSink {
    let reporter: TextReporter
    let write: ReportWriter

    init(_ reporter: TextReporter, write: @escaping ReportWriter) {
        self.reporter = reporter
        self.write = write
    }

    func file(_ report: FileReport) {
        for finding in Finding.sortedForReport(report.findings) { write(reporter.render(finding)) }
    }

    func finish(_ end: ReportEnd) {
        for finding in end.general { write(reporter.render(finding)) }
        write(reporter.summary(end.tally))
    }
}

/// The text and characters of the source line last asked for, so that findings on one long line read and split
/// it once, not once each.
final class ExcerptCache: @unchecked Sendable {
    private let lines: SourceLineProvider
    private let lock = NSLock()
    private var last: (file: String, line: Int, text: String, scalars: [Unicode.Scalar])?

    init(_ lines: @escaping SourceLineProvider) { self.lines = lines }

    func line(_ file: String, _ number: Int) -> (String, [Unicode.Scalar])? {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.file == file, last.line == number { return (last.text, last.scalars) }
        guard let text = lines(file, number) else { return nil }
        let scalars = Array(text.unicodeScalars)
        last = (file, number, text, scalars)
        return (text, scalars)
    }
}
