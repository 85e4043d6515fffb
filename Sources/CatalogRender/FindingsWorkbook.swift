import Diagnostics
import Foundation
import SafeOutput

/// `gkml validate --format xlsx -o 问题清单.xlsx`: the list a county hands to each township — one sheet per
/// jurisdiction (a file outside any jurisdiction goes under its folder) with file, line, code, severity,
/// message and hint; the header frozen and filters on. A sink like the streamed reporters: each finding is
/// written to its sheet's temporary file as it arrives (`ListWorkbookWriter`), so memory stays flat in the
/// number of findings.
public final class FindingsWorkbook: FindingSink {
    public let language: Language
    private var writer: ListWorkbookWriter?
    private var sheetIndex: [String: Int] = [:]
    private var failure: RenderError?
    private var finished = false

    public init(language: Language) { self.language = language }

    public func file(_ report: FileReport) {
        guard !report.findings.isEmpty else { return }
        let name = report.jurisdiction ?? FindingsWorkbook.folder(of: report.path)
        for finding in Finding.sortedForReport(report.findings) { add(finding, to: name) }
    }

    public func finish(_ end: ReportEnd) {
        for finding in end.general { add(finding, to: FindingsWorkbook.folder(of: finding.location.file)) }
        if sheetIndex.isEmpty {
            guard let writer = open() else { return }
            attempt { try writer.addSheet(language == .zh ? "无问题" : "No findings", layout) }
        }
        finished = true
    }

    /// Writes the finished workbook to `path` (atomically), after the run.
    public func write(to path: String) throws {
        if let failure { throw failure }
        guard finished, let writer else { throw RenderError(zh: "问题清单尚未生成", en: "the findings list was not finished") }
        try writer.write(to: URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    var header: [String] {
        language == .zh
            ? ["文件", "行", "代码", "严重程度", "问题", "修改提示"]
            : ["File", "Line", "Code", "Severity", "Message", "Hint"]
    }

    var layout: ListWorkbookWriter.Layout {
        ListWorkbookWriter.Layout(title: nil, headers: header, widths: FindingsWorkbook.widths, filter: true)
    }

    private func open() -> ListWorkbookWriter? {
        if let writer { return writer }
        guard failure == nil else { return nil }
        writer = attempt { try ListWorkbookWriter(title: language == .zh ? "问题清单" : "Findings") }
        return writer
    }

    private func add(_ finding: Finding, to sheet: String) {
        guard let writer = open() else { return }
        let index: Int
        if let known = sheetIndex[sheet] {
            index = known
        } else {
            guard let added = attempt({ try writer.addSheet(sheet, layout) }) else { return }
            sheetIndex[sheet] = added
            index = added
        }
        let line = finding.location.position.map { XLSXListSheet.Cell.number(Double($0.line)) } ?? .empty
        attempt {
            try writer.append(
                [
                    .text(finding.location.file), line, .text(finding.code), .text(finding.severity.label(language)),
                    .text(finding.message(language)), .text(finding.hint(language) ?? ""),
                ], to: index)
        }
    }

    /// Runs a step of the writer, keeping the first failure (a sink cannot throw; `write(to:)` reports it).
    @discardableResult
    private func attempt<T>(_ step: () throws -> T) -> T? {
        guard failure == nil else { return nil }
        do {
            return try step()
        } catch let error as RenderError {
            failure = error
        } catch {
            let reason = FileSystemReason(error)
            failure = RenderError(zh: reason.zh, en: reason.en)
        }
        return nil
    }

    /// Column widths: file, line, code, severity, message, hint.
    static let widths: [Double] = [34, 6, 24, 8, 50, 50]

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
