/// Where a streaming reporter sends its output, piece by piece (stdout, a file, a string).
public typealias ReportWriter = (String) -> Void

/// Receives a validate run's findings file by file, in the order of the files (their paths, sorted), as soon
/// as each file's group is checked. A sink keeps only what its format needs (counters, a rule table), so the
/// run's memory does not grow with the number of findings.
public protocol FindingSink: AnyObject {
    /// One file's findings (a file may have none: it still counts as checked).
    func file(_ report: FileReport)
    /// The end of the run: the findings of no single file, the counters, extra summary members.
    func finish(_ end: ReportEnd)
}

/// What a sink learns when the run ends.
public struct ReportEnd: Sendable {
    /// Findings that belong to no single file (e.g. a workspace's coverage), sorted for the report.
    public var general: [Finding]
    /// Counts of everything delivered, general findings included.
    public var tally: FindingTally
    /// Extra summary members (e.g. coverage) for the JSON summary, in order.
    public var summaryExtras: [(String, JSONOutput)]

    public init(general: [Finding], tally: FindingTally, summaryExtras: [(String, JSONOutput)] = []) {
        self.general = general
        self.tally = tally
        self.summaryExtras = summaryExtras
    }
}

/// Feeds a whole report to a sink, as a streamed run would (files in the report's order, then the end).
public enum ReportFeed {
    public static func feed(_ report: ValidationReport, to sink: FindingSink, filter: FindingFilter = FindingFilter()) {
        var tally = FindingTally()
        for file in report.files {
            let kept = filter.apply(file)
            tally.add(kept)
            sink.file(kept)
        }
        let general = Finding.sortedForReport(report.general.filter(filter.admits))
        tally.add(general: general)
        sink.finish(ReportEnd(general: general, tally: tally, summaryExtras: report.summaryExtras))
    }
}

/// `--only CODE[,CODE]`, `--severity LEVEL` and `--file PATH`: which findings a run reports, in any format.
/// Counters and the exit status follow the filter: they describe what is shown.
public struct FindingFilter: Sendable {
    /// Only these codes (nil: every code).
    public var codes: Set<String>?
    /// Only findings at least this severe (nil: all).
    public var minimumSeverity: Severity?
    /// Only findings in these files, compared without a leading `./` (nil: every file).
    public var files: Set<String>?

    public init(codes: Set<String>? = nil, minimumSeverity: Severity? = nil, files: Set<String>? = nil) {
        self.codes = codes
        self.minimumSeverity = minimumSeverity
        self.files = files.map { Set($0.map(FindingFilter.normalized)) }
    }

    /// True when nothing is filtered out.
    public var isEmpty: Bool { codes == nil && minimumSeverity == nil && files == nil }

    public func admits(_ finding: Finding) -> Bool {
        if let codes, !codes.contains(finding.code) { return false }
        if let minimumSeverity, finding.severity < minimumSeverity { return false }
        if let files, !files.contains(FindingFilter.normalized(finding.location.file)) { return false }
        return true
    }

    /// The file's report with only the admitted findings (and suppressed entries).
    public func apply(_ report: FileReport) -> FileReport {
        guard !isEmpty else { return report }
        var out = report
        out.findings = report.findings.filter(admits)
        out.suppressed = report.suppressed.filter { admits($0.finding) }
        return out
    }

    /// Splits `--only` values: `a,b`, `a，b` and repeated options all work.
    public static func codes(_ values: [String]) -> Set<String>? {
        let codes = values.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }) }.map(
            String.init)
        return codes.isEmpty ? nil : Set(codes)
    }

    static func normalized(_ path: String) -> String {
        var p = path.replacingOccurrences(of: "\\", with: "/")
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }
}

/// The counters of a run: totals by severity, per code (with the three files that have most), per
/// jurisdiction. Their size depends on the number of codes and jurisdictions, never on the findings.
public struct FindingTally: Sendable {
    /// One code's figures.
    public struct CodeCount: Sendable {
        public var kind: FindingKind
        public var count = 0
        /// The most severe effective severity seen (configuration may change a code's default).
        public var severity: Severity
        /// The files with most findings of this code, most first (ties by path), at most three.
        public var topFiles: [(file: String, count: Int)] = []
    }

    /// One jurisdiction's figures (a file outside any jurisdiction counts under its folder).
    public struct GroupCount: Sendable {
        public var name: String
        public var errors = 0
        public var warnings = 0
        public var infos = 0
        public var files = 0
        public var total: Int { errors + warnings + infos }
    }

    public private(set) var files = 0
    private var severities: [Severity: Int] = [:]
    private var codeIndex: [String: Int] = [:]
    /// Codes in order of first appearance.
    public private(set) var codes: [CodeCount] = []
    private var groupIndex: [String: Int] = [:]
    /// Jurisdictions in order of first appearance.
    public private(set) var groups: [GroupCount] = []

    public init() {}

    public func count(_ severity: Severity) -> Int { severities[severity] ?? 0 }
    public var total: Int { severities.values.reduce(0, +) }
    public var hasErrors: Bool { count(.error) > 0 }

    /// Counts one checked file.
    public mutating func add(_ report: FileReport) {
        files += 1
        let group = groupSlot(report.jurisdiction ?? FindingTally.folder(of: report.path))
        groups[group].files += 1
        add(report.findings, group: group)
        var perCode: [String: Int] = [:]
        for finding in report.findings { perCode[finding.code, default: 0] += 1 }
        for (code, count) in perCode {
            guard let index = codeIndex[code] else { continue }
            var top = codes[index].topFiles
            top.append((report.path, count))
            top.sort { $0.count != $1.count ? $0.count > $1.count : $0.file < $1.file }
            codes[index].topFiles = Array(top.prefix(3))
        }
    }

    /// Counts findings of no single file, under the folder of the file they name.
    public mutating func add(general: [Finding]) {
        for finding in general {
            add([finding], group: groupSlot(FindingTally.folder(of: finding.location.file)))
        }
    }

    private mutating func add(_ findings: [Finding], group: Int) {
        for finding in findings {
            severities[finding.severity, default: 0] += 1
            switch finding.severity {
            case .error: groups[group].errors += 1
            case .warning: groups[group].warnings += 1
            case .info: groups[group].infos += 1
            }
            if let index = codeIndex[finding.code] {
                codes[index].count += 1
                codes[index].severity = max(codes[index].severity, finding.severity)
            } else {
                codeIndex[finding.code] = codes.count
                codes.append(CodeCount(kind: finding.kind, count: 1, severity: finding.severity))
            }
        }
    }

    private mutating func groupSlot(_ name: String) -> Int {
        if let index = groupIndex[name] { return index }
        groupIndex[name] = groups.count
        groups.append(GroupCount(name: name))
        return groups.count - 1
    }

    /// The folder of a path as written (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
