/// SARIF 2.1.0 with relative URIs (against %SRCROOT%) and rule metadata for every code that occurs.
public struct SARIFReporter: Sendable {
    public var language: Language
    /// Every known kind, so that rules carry their titles even when the report has few findings.
    public var kinds: [FindingKind]

    public init(language: Language, kinds: [FindingKind] = []) {
        self.language = language
        self.kinds = kinds
    }

    public func render(_ report: ValidationReport) -> String {
        Reporter.render(report, format: .sarif, language: language, kinds: kinds)
    }

    /// The rule entry of a code (the registered kind's titles when known).
    func rule(_ kind: FindingKind) -> JSONOutput {
        let kind = kinds.first { $0.code == kind.code } ?? kind
        return .object([
            ("id", .string(kind.code)),
            ("name", .string(kind.code)),
            ("shortDescription", .object([("text", .string(kind.title[language]))])),
            ("fullDescription", .object([("text", .string(kind.title[language]))])),
            ("defaultConfiguration", .object([("level", .string(level(kind.defaultSeverity)))])),
            ("properties", .object([("stage", .string(kind.stage.rawValue))])),
        ])
    }

    /// One result; `ruleIndex` is the code's place in the rules list.
    func result(_ f: Finding, ruleIndex: Int) -> JSONOutput {
        var physical: [(String, JSONOutput)] = [
            (
                "artifactLocation",
                .object([("uri", .string(uri(f.location.file))), ("uriBaseId", .string("%SRCROOT%"))])
            )
        ]
        if let pos = f.location.position {
            var region: [(String, JSONOutput)] = [("startLine", .int(pos.line)), ("startColumn", .int(pos.column))]
            if let end = f.location.end, end.line == pos.line, end.column > pos.column {
                region.append(("endColumn", .int(end.column)))
            }
            physical.append(("region", .object(region)))
        }
        var message = f.message(language)
        if let hint = f.hint(language) { message += " " + hint }
        for note in f.visibleNotes { message += " " + note[language] }
        if let fix = f.fixDescription(language) { message += " " + fix }
        var result: [(String, JSONOutput)] = [
            ("ruleId", .string(f.code)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(f.severity))),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
            (
                "partialFingerprints",
                .object([("identityPath/v1", .string(f.code + ":" + f.location.file + ":" + f.path))])
            ),
        ]
        if let description = f.fixDescription(language) {
            // SARIF §3.55: a fix is the replacements in one artifact.
            let replacements = f.fix.map { edit -> JSONOutput in
                .object([
                    (
                        "deletedRegion",
                        .object([
                            ("startLine", .int(edit.start.line)), ("startColumn", .int(edit.start.column)),
                            ("endLine", .int(edit.end.line)), ("endColumn", .int(edit.end.column)),
                        ])
                    ),
                    ("insertedContent", .object([("text", .string(edit.replacement))])),
                ])
            }
            result.append(
                (
                    "fixes",
                    .array([
                        .object([
                            ("description", .object([("text", .string(description))])),
                            (
                                "artifactChanges",
                                .array([
                                    .object([
                                        (
                                            "artifactLocation",
                                            .object([
                                                ("uri", .string(uri(f.location.file))),
                                                ("uriBaseId", .string("%SRCROOT%")),
                                            ])
                                        ),
                                        ("replacements", .array(replacements)),
                                    ])
                                ])
                            ),
                        ])
                    ])
                ))
        }
        return .object(result)
    }

    /// The members of the run after `results`: the tool with its rules, the column kind, the base URI.
    func runTail(rules: [FindingKind]) -> [(String, JSONOutput)] {
        [
            (
                "tool",
                .object([
                    (
                        "driver",
                        .object([
                            ("name", .string("gkml")),
                            ("informationUri", .string("https://github.com/gkml/gkml")),
                            ("rules", .array(rules.map(rule))),
                        ])
                    )
                ])
            ),
            ("columnKind", .string("unicodeCodePoints")),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string("file:///"))]))])),
        ]
    }

    func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference: path segments percent-encoded, `./` removed.
    func uri(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        var out = ""
        for byte in p.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

/// SARIF streamed: the run's `results` come first, as files arrive, and the `tool` (whose rules are the codes
/// that occurred, indexed in order of first occurrence) after them, once every code is known.
final class SARIFStream: FindingSink {
    let reporter: SARIFReporter
    let write: ReportWriter
    private var results = 0
    private var rules: [FindingKind] = []
    private var ruleIndex: [String: Int] = [:]

    init(_ reporter: SARIFReporter, write: @escaping ReportWriter) {
        self.reporter = reporter
        self.write = write
    }

    func file(_ report: FileReport) {
        write(Finding.sortedForReport(report.findings))
    }

    private func write(_ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        var out = ""
        for f in findings {
            if ruleIndex[f.code] == nil {
                ruleIndex[f.code] = rules.count
                rules.append(f.kind)
            }
            out += results == 0 ? SARIFStream.head + "[" : ","
            out += "\n        " + reporter.result(f, ruleIndex: ruleIndex[f.code] ?? 0).serialized(indentLevel: 4)
            results += 1
        }
        write(out)
    }

    func finish(_ end: ReportEnd) {
        write(end.general)
        var out = results == 0 ? SARIFStream.head + "[]" : "\n      ]"
        for (key, value) in reporter.runTail(rules: rules) {
            out += ",\n      \"\(key)\": " + value.serialized(indentLevel: 3)
        }
        out += "\n    }\n  ]\n}\n"
        write(out)
    }

    static let head =
        "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
        + "  \"runs\": [\n    {\n      \"results\": "
}
