import Foundation
import SafeOutput

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
public struct GitHubReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: ValidationReport) -> String {
        Reporter.render(report, format: .github, language: language)
    }

    /// The workflow commands of some findings, in the order given.
    public func render(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings {
            let command =
                switch f.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
            var properties = ["file=\(escapeProperty(TerminalText.path(f.location.file)))"]
            if let pos = f.location.position {
                properties.append("line=\(pos.line)")
                properties.append("col=\(pos.column)")
            }
            properties.append("title=\(escapeProperty(f.code))")
            var message = f.message(language)
            if let hint = f.hint(language) { message += "\n" + hint }
            for note in f.visibleNotes { message += "\n" + note[language] }
            if let fix = f.fixDescription(language) { message += "\n" + fix }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(TerminalText.escape(message)))\n"
        }
        return out
    }

    func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
            of: "\n", with: "%0A")
    }

    func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// GitHub workflow commands streamed, one line per finding as its file arrives.
final class GitHubStream: FindingSink {
    let reporter: GitHubReporter
    let write: ReportWriter

    init(_ reporter: GitHubReporter, write: @escaping ReportWriter) {
        self.reporter = reporter
        self.write = write
    }

    func file(_ report: FileReport) {
        guard !report.findings.isEmpty else { return }
        write(reporter.render(Finding.sortedForReport(report.findings)))
    }

    func finish(_ end: ReportEnd) {
        if !end.general.isEmpty { write(reporter.render(end.general)) }
    }
}
