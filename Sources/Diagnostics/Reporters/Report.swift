/// The findings of one checked file.
public struct FileReport: Sendable {
    /// The path as the user named it (relative paths stay relative).
    public var path: String
    public var findings: [Finding]
    /// Findings silenced by an ignore comment, each with its written reason (reported in JSON only).
    public var suppressed: [(finding: Finding, reason: String)]
    /// The workspace jurisdiction whose folder holds the file (its 名称), if any: the summary and the xlsx
    /// list group findings by it.
    public var jurisdiction: String?

    public init(
        path: String, findings: [Finding], suppressed: [(finding: Finding, reason: String)] = [],
        jurisdiction: String? = nil
    ) {
        self.path = path
        self.findings = findings
        self.suppressed = suppressed
        self.jurisdiction = jurisdiction
    }

    /// A file is valid when it has no error (warnings and infos do not fail it).
    public var valid: Bool { !findings.contains { $0.severity == .error } }
}

/// Everything one `gkml validate` run found, ready for any reporter.
public struct ValidationReport: Sendable {
    public var files: [FileReport]
    /// Findings that belong to no single file (e.g. a workspace's coverage), printed after the files.
    public var general: [Finding]
    /// Extra summary members (e.g. coverage) appended to the JSON summary, in order.
    public var summaryExtras: [(String, JSONOutput)]

    public init(files: [FileReport], general: [Finding] = [], summaryExtras: [(String, JSONOutput)] = []) {
        self.files = files
        self.general = general
        self.summaryExtras = summaryExtras
    }

    public var allFindings: [Finding] { files.flatMap(\.findings) + general }

    public func count(_ severity: Severity) -> Int { allFindings.filter { $0.severity == severity }.count }

    public var hasErrors: Bool { count(.error) > 0 }
}

/// Reads the text of a source line for display; returns nil when the file or line is not available.
public typealias SourceLineProvider = @Sendable (_ file: String, _ line: Int) -> String?

/// The streamed output formats of `gkml validate` (the xlsx list is written by CatalogRender's `FindingsWorkbook`).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github
}

/// Renders a report in the chosen format.
public enum Reporter {
    public static func render(
        _ report: ValidationReport, format: ReportFormat, language: Language, color: Bool = false,
        kinds: [FindingKind] = [], lines: @escaping SourceLineProvider = { _, _ in nil }
    ) -> String {
        let text = TextCollector()
        let sink = stream(
            format: format, language: language, color: color, kinds: kinds, lines: lines, write: text.append)
        ReportFeed.feed(report, to: sink)
        return text.text
    }

    /// A streaming reporter of the chosen format that hands its output to `write` piece by piece.
    public static func stream(
        format: ReportFormat, language: Language, color: Bool = false, kinds: [FindingKind] = [],
        lines: @escaping SourceLineProvider = { _, _ in nil }, write: @escaping ReportWriter
    ) -> FindingSink {
        switch format {
        case .text: TextStream(TextReporter(language: language, color: color, lines: lines), write: write)
        case .json: JSONStream(JSONReporter(language: language), write: write)
        case .sarif: SARIFStream(SARIFReporter(language: language, kinds: kinds), write: write)
        case .github: GitHubStream(GitHubReporter(language: language), write: write)
        }
    }
}

/// Accumulates streamed output into one string (for callers that want the whole report at once).
final class TextCollector: @unchecked Sendable {
    var text = ""
    func append(_ piece: String) { text += piece }
}
