import CatalogDiff
import Diagnostics

/// The formats `gkml diff` writes: the text formats of CatalogDiff, and the adjustment record as DOCX.
public enum DiffOutputFormat: String, Sendable, CaseIterable {
    case text, md, json, html, docx

    /// Whether the output is bytes for a file (DOCX), not text for a terminal.
    public var isBinary: Bool { self == .docx }
}

/// Renders a diff report in any of `gkml diff`'s formats.
public enum RecordOutput {
    public static func render(
        _ report: DiffReport, format: DiffOutputFormat, language: Language, color: Bool = false,
        lines: @escaping SourceLineProvider = { _, _ in nil }
    ) throws -> [UInt8] {
        switch format {
        case .docx:
            return try RecordDOCXWriter.document(AdjustmentRecord(language: language).document(report))
        case .text, .md, .json, .html:
            let text = DiffRenderer.render(
                report, format: DiffFormat(rawValue: format.rawValue)!, language: language,
                color: color, lines: lines)
            return Array(text.utf8)
        }
    }
}
