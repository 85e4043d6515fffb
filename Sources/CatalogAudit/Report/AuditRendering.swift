import Diagnostics
import Foundation

/// The audit report in the chosen format, as bytes.
public enum AuditRendering {
    public static func render(_ report: AuditReport, format: AuditFormat, language: Language) throws -> Data {
        switch format {
        case .text: Data(AuditTextReporter(language: language).render(report).utf8)
        case .json: Data(AuditJSONReporter(language: language).render(report).utf8)
        case .html: Data(AuditHTMLReporter(language: language).render(report).utf8)
        case .xlsx: try AuditXLSXReporter(language: language).render(report)
        }
    }
}
