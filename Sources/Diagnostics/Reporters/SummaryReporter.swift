import SafeOutput
/// `gkml validate --summary`: what a person reads first on a county's first run. Per code: severity, count,
/// title, the three files with most, and the command that lists them all; per jurisdiction: errors, warnings,
/// infos (the ones with most errors, the rest summed on one line); then the usual totals line. Its length
/// depends on the number of codes, never on the number of findings.
public struct SummaryReporter: Sendable {
    public var language: Language
    public var color: Bool
    /// The command that was run, with its paths but without report options (e.g. `gkml validate .`): the
    /// suggested commands extend it.
    public var command: String
    /// How many jurisdictions are listed one per line.
    public var jurisdictionRows: Int

    public init(language: Language, color: Bool = false, command: String = "gkml validate", jurisdictionRows: Int = 10)
    {
        self.language = language
        self.color = color
        self.command = command
        self.jurisdictionRows = jurisdictionRows
    }

    public func render(_ end: ReportEnd) -> String {
        let zh = language == .zh
        let text = TextReporter(language: language, color: color)
        let tally = end.tally
        guard tally.total > 0 else { return text.summary(tally) }
        var out = ""

        // Per code: errors first, then by count.
        let codes = tally.codes.sorted {
            $0.severity != $1.severity
                ? $0.severity > $1.severity
                : $0.count != $1.count ? $0.count > $1.count : $0.kind.code < $1.kind.code
        }
        out += zh ? "按问题代码（\(codes.count) 种）：\n" : "By code (\(codes.count)):\n"
        let countWidth = String(codes.map(\.count).max() ?? 0).count
        let codeWidth = codes.map(\.kind.code.count).max() ?? 0
        let labelWidth = Severity.allCases.map { DisplayWidth.of($0.label(language)) }.max() ?? 0
        let indent = String(repeating: " ", count: 2 + labelWidth + 2 + countWidth + 2)
        for code in codes {
            let label = code.severity.label(language)
            let severity =
                text.paint(label, text.style(code.severity))
                + String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
            let count = String(repeating: " ", count: countWidth - String(code.count).count) + String(code.count)
            let name = code.kind.code.padding(toLength: codeWidth, withPad: " ", startingAt: 0)
            out += "  \(severity)  \(count)  \(name)  \(code.kind.title[language])\n"
            let files = code.topFiles.map { "\(TerminalText.path($0.file))（\($0.count)）" }
            let filesEN = code.topFiles.map { "\(TerminalText.path($0.file)) (\($0.count))" }
            if !files.isEmpty {
                out +=
                    indent + (zh ? "最多：" + files.joined(separator: "、") : "most in: " + filesEN.joined(separator: ", "))
                    + "\n"
            }
            if code.count > 1 {
                out += indent + (zh ? "全部：" : "all: ") + command + " --only " + code.kind.code + "\n"
            }
        }

        // Per jurisdiction: most errors first.
        let groups = tally.groups.filter { $0.total > 0 }.sorted {
            $0.errors != $1.errors
                ? $0.errors > $1.errors
                : $0.total != $1.total ? $0.total > $1.total : $0.name < $1.name
        }
        if !groups.isEmpty {
            let shown = groups.prefix(jurisdictionRows)
            out +=
                zh
                ? "\n按辖区（\(groups.count) 个有问题\(groups.count > shown.count ? "，按错误数列出前 \(shown.count) 个" : "")）：\n"
                : "\nBy jurisdiction (\(groups.count) with findings\(groups.count > shown.count ? ", the \(shown.count) with most errors" : "")):\n"
            let nameWidth = shown.map { DisplayWidth.of($0.name) }.max() ?? 0
            let numbers = shown.flatMap { [$0.errors, $0.warnings, $0.infos] }
            let width = String(numbers.max() ?? 0).count
            func number(_ n: Int) -> String { String(repeating: " ", count: width - String(n).count) + String(n) }
            for group in shown {
                let pad = String(repeating: " ", count: nameWidth - DisplayWidth.of(group.name))
                out +=
                    "  \(group.name)\(pad)  "
                    + (zh
                        ? "错误 \(number(group.errors))  警告 \(number(group.warnings))  提示 \(number(group.infos))"
                        : "errors \(number(group.errors))  warnings \(number(group.warnings))  infos \(number(group.infos))")
                    + "\n"
            }
            let rest = groups.dropFirst(shown.count)
            if !rest.isEmpty {
                let e = rest.reduce(0) { $0 + $1.errors }, w = rest.reduce(0) { $0 + $1.warnings }
                let i = rest.reduce(0) { $0 + $1.infos }
                out +=
                    zh
                    ? "  其余 \(rest.count) 个辖区：错误 \(e)，警告 \(w)，提示 \(i)\n"
                    : "  the other \(rest.count): \(e) error(s), \(w) warning(s), \(i) info(s)\n"
            }
        }
        out += "\n"
        out +=
            zh
            ? "一个文件的全部问题：\(command) --file 路径；给各辖区的问题清单：\(command) --format xlsx -o 问题清单.xlsx\n"
            : "All findings of one file: \(command) --file PATH; a list per jurisdiction: \(command) --format xlsx -o findings.xlsx\n"
        return out + text.summary(tally)
    }

    /// A word for a POSIX shell: as is when safe, else in single quotes.
    public static func shellWord(_ word: String) -> String {
        let safe =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy {
                $0.value > 0x7F || ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0)
                    || "-_./=:,+@%".unicodeScalars.contains($0)
            }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The summary as a sink: files only feed the counters (kept by the run), the summary is written at the end.
final class SummaryStream: FindingSink {
    let reporter: SummaryReporter
    let write: ReportWriter

    init(_ reporter: SummaryReporter, write: @escaping ReportWriter) {
        self.reporter = reporter
        self.write = write
    }

    func file(_ report: FileReport) {}

    func finish(_ end: ReportEnd) { write(reporter.render(end)) }
}

/// Text on a terminal: every finding while there are few; past `limit` findings, the summary instead, with a
/// line saying how to see all. Holds at most `limit` findings.
final class AutoSummaryStream: FindingSink {
    let text: TextStream
    let summary: SummaryStream
    let limit: Int
    private var held: [FileReport] = []
    private var heldCount = 0
    private var overflowed = false

    init(text: TextStream, summary: SummaryStream, limit: Int) {
        self.text = text
        self.summary = summary
        self.limit = limit
    }

    func file(_ report: FileReport) {
        guard !overflowed, !report.findings.isEmpty else { return }
        heldCount += report.findings.count
        if heldCount > limit {
            overflowed = true
            held = []
        } else {
            held.append(report)
        }
    }

    func finish(_ end: ReportEnd) {
        if !overflowed && heldCount + end.general.count <= limit {
            for report in held { text.file(report) }
            text.finish(end)
            return
        }
        summary.finish(end)
        let zh = summary.reporter.language == .zh
        let command = summary.reporter.command
        summary.write(
            zh
                ? "共 \(end.tally.total) 个问题，以上是摘要；逐条列出全部问题：\(command) --all\n"
                : "\(end.tally.total) findings: this is a summary; to list every finding: \(command) --all\n")
    }
}

/// How text output is laid out.
public enum TextLayout: Sendable, Equatable {
    /// Every finding, then the totals.
    case full
    /// The summary only.
    case summary
    /// Every finding while there are at most `limit`, else the summary (the default on a terminal).
    case auto(limit: Int)

    /// Findings a person reads on a terminal before a summary serves them better.
    public static let terminalLimit = 300

    /// `--summary` wins; `--all` or output that is not a terminal lists everything; otherwise automatic.
    public static func choose(summary: Bool, all: Bool, terminal: Bool) -> TextLayout {
        if summary { return .summary }
        if all || !terminal { return .full }
        return .auto(limit: terminalLimit)
    }
}

extension Reporter {
    /// The text report in the chosen layout, streamed.
    public static func textStream(
        layout: TextLayout, language: Language, color: Bool = false, command: String,
        lines: @escaping SourceLineProvider = { _, _ in nil }, write: @escaping ReportWriter
    ) -> FindingSink {
        let text = TextStream(TextReporter(language: language, color: color, lines: lines), write: write)
        let summary = SummaryStream(SummaryReporter(language: language, color: color, command: command), write: write)
        switch layout {
        case .full: return text
        case .summary: return summary
        case .auto(let limit): return AutoSummaryStream(text: text, summary: summary, limit: limit)
        }
    }
}
