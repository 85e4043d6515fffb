/// One diagnostic, whichever stage made it: a schema error, a lint finding, a diff change.
public struct Finding: Hashable, Sendable {
    public var kind: FindingKind
    /// The effective severity (the kind's default unless configuration changed it).
    public var severity: Severity
    /// Where it is (for a diff change: the new side).
    public var location: SourceLocation
    /// For a diff change: where the old side was.
    public var oldLocation: SourceLocation?
    /// The path in the document keyed by item identity, e.g. `/事项/编号=JY-01-01/公开方式`.
    public var path: String
    /// Values for the message's placeholders.
    public var arguments: [String: String]
    /// Placeholder values that differ by language (e.g. a type name: 文字 / a string).
    public var localizedArguments: [String: LocalizedText]
    /// Extra lines printed after the hint (e.g. "did you mean", the accepted forms).
    public var notes: [LocalizedText]
    /// The 编号 of every item a finding at a shared value (默认) stands for; empty for a finding about one place.
    public var items: [String] = []

    public init(
        _ kind: FindingKind,
        at location: SourceLocation,
        path: String = "",
        arguments: [String: String] = [:],
        severity: Severity? = nil,
        oldLocation: SourceLocation? = nil,
        notes: [LocalizedText] = [],
        localizedArguments: [String: LocalizedText] = [:]
    ) {
        self.kind = kind
        self.severity = severity ?? kind.defaultSeverity
        self.location = location
        self.oldLocation = oldLocation
        self.path = path
        self.arguments = arguments
        self.notes = notes
        self.localizedArguments = localizedArguments
    }

    public var code: String { kind.code }

    public func message(_ language: Language) -> String {
        kind.message.render(language, arguments(language))
    }

    public func hint(_ language: Language) -> String? {
        guard let hint = kind.hint?.render(language, arguments(language)), !hint.isEmpty else { return nil }
        return hint
    }

    /// The placeholder values for one language.
    public func arguments(_ language: Language) -> [String: String] {
        guard !localizedArguments.isEmpty else { return arguments }
        var all = arguments
        for (name, text) in localizedArguments { all[name] = text[language] }
        return all
    }
}

extension Finding {
    /// Orders findings by file, then position, then code: the order every reporter prints.
    public static func sortedForReport(_ findings: [Finding]) -> [Finding] {
        findings.sorted { a, b in
            if a.location.file != b.location.file { return a.location.file < b.location.file }
            let pa = a.location.position ?? SourcePosition(line: 0, column: 0)
            let pb = b.location.position ?? SourcePosition(line: 0, column: 0)
            if pa != pb { return pa < pb }
            return a.code < b.code
        }
    }
}
