/// A text in both languages. Both are required: a kind of finding cannot exist in one language only.
public struct LocalizedText: Hashable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}

/// Which stage of the pipeline defines a kind of finding.
public enum FindingStage: String, Sendable, Hashable, CaseIterable, Codable {
    case input  // reading files: encoding, YAML syntax, limits, I/O
    case schema  // JSON Schema validation
    case model  // decoding the typed catalog or workspace
    case lint  // domain rules
    case diff  // change checks between revisions
    case audit  // the website against the catalog (gkml audit)
}

/// The definition of one kind of finding: its stable code and its messages.
///
/// Message templates use `{name}` placeholders filled from `Finding.arguments`; both languages must use
/// the same placeholders (a test checks every registered kind).
public struct FindingKind: Hashable, Sendable {
    /// Stable kebab-case code, e.g. `yaml-duplicate-key`. Never renamed once published.
    public let code: String
    public let stage: FindingStage
    public let defaultSeverity: Severity
    /// A short name of the kind, shown by `gkml rules`.
    public let title: LocalizedText
    /// The message template.
    public let message: LocalizedText
    /// An optional hint template printed under the source line.
    public let hint: LocalizedText?
    /// Whether `--fix` can repair it.
    public let fixable: Bool

    public init(
        code: String,
        stage: FindingStage,
        severity: Severity,
        title: LocalizedText,
        message: LocalizedText,
        hint: LocalizedText? = nil,
        fixable: Bool = false
    ) {
        self.code = code
        self.stage = stage
        self.defaultSeverity = severity
        self.title = title
        self.message = message
        self.hint = hint
        self.fixable = fixable
    }

    public static func == (lhs: FindingKind, rhs: FindingKind) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension LocalizedText {
    /// Fills `{name}` placeholders from `arguments`; unknown placeholders stay visible.
    public func render(_ language: Language, _ arguments: [String: String]) -> String {
        Template.fill(self[language], arguments)
    }
}

enum Template {
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 16)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// The placeholder names a template uses, for consistency checks.
    static func placeholders(_ template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension FindingKind {
    /// The placeholder names used by the message and hint, per language (they must agree).
    public func placeholders(_ language: Language) -> Set<String> {
        Template.placeholders(message[language]).union(hint.map { Template.placeholders($0[language]) } ?? [])
    }
}
