/// The formats of `gkml audit`.
public enum AuditFormat: String, Sendable, CaseIterable {
    case text, json, html, xlsx
}
