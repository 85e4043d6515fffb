/// The JSON contract (schemas/validate-report.schema.json):
/// `{"files":[{"path","valid","findings":[{"code","severity","message","line","column","path",…}]}],"summary":{…}}`.
public struct JSONReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: ValidationReport) -> String {
        Reporter.render(report, format: .json, language: language)
    }

    /// One member of `files`.
    public func file(_ file: FileReport) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("path", .string(file.path)),
            ("valid", .bool(file.valid)),
            ("findings", .array(Finding.sortedForReport(file.findings).map(finding))),
        ]
        if !file.suppressed.isEmpty {
            members.append(
                (
                    "suppressed",
                    .array(
                        file.suppressed.map { entry in
                            guard case .object(var m) = finding(entry.finding) else { return .null }
                            m.append(("reason", .string(entry.reason)))
                            return .object(m)
                        })
                ))
        }
        return .object(members)
    }

    /// The `summary` member.
    public func summary(_ end: ReportEnd) -> JSONOutput {
        .object(
            [
                ("files", .int(end.tally.files)),
                ("errors", .int(end.tally.count(.error))),
                ("warnings", .int(end.tally.count(.warning))),
                ("infos", .int(end.tally.count(.info))),
            ] + end.summaryExtras)
    }

    /// One finding object.
    public func finding(_ f: Finding) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("code", .string(f.code)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message(language))),
            ("file", .string(f.location.file)),
            ("line", .optional(f.location.position?.line)),
            ("column", .optional(f.location.position?.column)),
            ("path", .string(f.path)),
        ]
        if let hint = f.hint(language) { members.append(("hint", .string(hint))) }
        if !f.items.isEmpty { members.append(("items", .array(f.items.map { .string($0) }))) }
        let notes = f.visibleNotes.map { $0[language] }
        if !notes.isEmpty { members.append(("notes", .array(notes.map { .string($0) }))) }
        if let description = f.fixDescription(language) {
            members.append(
                (
                    "fix",
                    .object([
                        ("description", .string(description)),
                        (
                            "edits",
                            .array(
                                f.fix.map { edit in
                                    .object([
                                        ("line", .int(edit.start.line)), ("column", .int(edit.start.column)),
                                        ("endLine", .int(edit.end.line)), ("endColumn", .int(edit.end.column)),
                                        ("replacement", .string(edit.replacement)),
                                    ])
                                })
                        ),
                    ])
                ))
        }
        if !f.arguments.isEmpty {
            members.append(
                ("arguments", .object(f.arguments.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .object(members)
    }
}

/// The JSON report streamed: `{"files":[` then each file's object as it arrives, then `general` and `summary`.
/// The bytes are those of the whole document serialized at once (two-space indentation, same key order).
final class JSONStream: FindingSink {
    let reporter: JSONReporter
    let write: ReportWriter
    private var files = 0

    init(_ reporter: JSONReporter, write: @escaping ReportWriter) {
        self.reporter = reporter
        self.write = write
    }

    func file(_ report: FileReport) {
        write((files == 0 ? "{\n  \"files\": [" : ",") + "\n    " + reporter.file(report).serialized(indentLevel: 2))
        files += 1
    }

    func finish(_ end: ReportEnd) {
        write(files == 0 ? "{\n  \"files\": []" : "\n  ]")
        if !end.general.isEmpty {
            write(",\n  \"general\": " + JSONOutput.array(end.general.map(reporter.finding)).serialized(indentLevel: 1))
        }
        // In pieces: at province scale the summary (coverage per jurisdiction) is 0.7 MB, and as one string (joined
        // to its key, copied twice) it was the peak of the run's memory.
        write(",\n  \"summary\": ")
        reporter.summary(end).serialized(indentLevel: 1, inPiecesOf: 1 << 16, write)
        write("\n}\n")
    }
}
