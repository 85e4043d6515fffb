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
        let findings = Finding.sortedForReport(report.allFindings)
        var ruleKinds: [FindingKind] = []
        var index: [String: Int] = [:]
        for kind in findings.map(\.kind) where index[kind.code] == nil {
            index[kind.code] = ruleKinds.count
            ruleKinds.append(kinds.first { $0.code == kind.code } ?? kind)
        }
        let rules = ruleKinds.map { kind -> JSONOutput in
            .object([
                ("id", .string(kind.code)),
                ("name", .string(kind.code)),
                ("shortDescription", .object([("text", .string(kind.title[language]))])),
                ("fullDescription", .object([("text", .string(kind.title[language]))])),
                ("defaultConfiguration", .object([("level", .string(level(kind.defaultSeverity)))])),
                ("properties", .object([("stage", .string(kind.stage.rawValue))])),
            ])
        }
        let results = findings.map { f -> JSONOutput in
            var physical: [(String, JSONOutput)] = [
                ("artifactLocation", .object([("uri", .string(uri(f.location.file))), ("uriBaseId", .string("%SRCROOT%"))])),
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
                ("ruleIndex", .int(index[f.code] ?? 0)),
                ("level", .string(level(f.severity))),
                ("message", .object([("text", .string(message))])),
                ("locations", .array([.object([("physicalLocation", .object(physical))])])),
                ("partialFingerprints", .object([("identityPath/v1", .string(f.code + ":" + f.location.file + ":" + f.path))])),
            ]
            if let description = f.fixDescription(language) {
                // SARIF §3.55: a fix is the replacements in one artifact.
                let replacements = f.fix.map { edit -> JSONOutput in
                    .object([
                        ("deletedRegion", .object([
                            ("startLine", .int(edit.start.line)), ("startColumn", .int(edit.start.column)),
                            ("endLine", .int(edit.end.line)), ("endColumn", .int(edit.end.column)),
                        ])),
                        ("insertedContent", .object([("text", .string(edit.replacement))])),
                    ])
                }
                result.append(("fixes", .array([.object([
                    ("description", .object([("text", .string(description))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", .object([("uri", .string(uri(f.location.file))), ("uriBaseId", .string("%SRCROOT%"))])),
                        ("replacements", .array(replacements)),
                    ])])),
                ])])))
            }
            return .object(result)
        }
        let run: JSONOutput = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("gkml")),
                ("informationUri", .string("https://github.com/gkml/gkml")),
                ("rules", .array(rules)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string("file:///"))]))])),
            ("results", .array(results)),
        ])
        let log: JSONOutput = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.serialized() + "\n"
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
