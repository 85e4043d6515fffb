/// The JSON contract (schemas/validate-report.schema.json):
/// `{"files":[{"path","valid","findings":[{"code","severity","message","line","column","path",…}]}],"summary":{…}}`.
public struct JSONReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: ValidationReport) -> String {
        output(report).serialized() + "\n"
    }

    public func output(_ report: ValidationReport) -> JSONOutput {
        let files = report.files.map { file -> JSONOutput in
            var members: [(String, JSONOutput)] = [
                ("path", .string(file.path)),
                ("valid", .bool(file.valid)),
                ("findings", .array(Finding.sortedForReport(file.findings).map(finding))),
            ]
            if !file.suppressed.isEmpty {
                members.append(("suppressed", .array(file.suppressed.map { entry in
                    guard case .object(var m) = finding(entry.finding) else { return .null }
                    m.append(("reason", .string(entry.reason)))
                    return .object(m)
                })))
            }
            return .object(members)
        }
        var summary: [(String, JSONOutput)] = [
            ("files", .int(report.files.count)),
            ("errors", .int(report.count(.error))),
            ("warnings", .int(report.count(.warning))),
            ("infos", .int(report.count(.info))),
        ]
        summary += report.summaryExtras
        var top: [(String, JSONOutput)] = [("files", .array(files))]
        if !report.general.isEmpty {
            top.append(("general", .array(Finding.sortedForReport(report.general).map(finding))))
        }
        top.append(("summary", .object(summary)))
        return .object(top)
    }

    func finding(_ f: Finding) -> JSONOutput {
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
            members.append(("fix", .object([
                ("description", .string(description)),
                ("edits", .array(f.fix.map { edit in
                    .object([
                        ("line", .int(edit.start.line)), ("column", .int(edit.start.column)),
                        ("endLine", .int(edit.end.line)), ("endColumn", .int(edit.end.column)),
                        ("replacement", .string(edit.replacement)),
                    ])
                })),
            ])))
        }
        if !f.arguments.isEmpty {
            members.append(("arguments", .object(f.arguments.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .object(members)
    }
}
