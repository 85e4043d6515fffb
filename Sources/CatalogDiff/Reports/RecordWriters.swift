import Diagnostics
import SafeOutput

/// `gkml diff --format md`: the adjustment record as Markdown (CommonMark with GFM tables). Every text that
/// comes from a catalog is escaped, so a catalog cannot inject links, HTML or table cells.
public struct DiffMarkdownReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: DiffReport) -> String {
        render(AdjustmentRecord(language: language).document(report))
    }

    public func render(_ document: RecordDocument) -> String {
        var out = "# \(MarkdownText.escape(document.title))\n"
        if let number = document.documentNumber {
            out += "\n" + MarkdownText.escapeParagraphStart(MarkdownText.escape(number)) + "\n"
        }
        for block in document.blocks {
            out += "\n"
            switch block {
            case .heading(let level, let text):
                out += String(repeating: "#", count: level) + " " + MarkdownText.escape(text) + "\n"
            case .paragraph(let inlines):
                out += MarkdownText.escapeParagraphStart(inline(inlines)) + "\n"
            case .list(let items):
                for item in items { out += "- " + inline(item) + "\n" }
            case .signature(let lines):
                out += MarkdownText.escapeParagraphStart(MarkdownText.escape(lines.joined(separator: "\n"))) + "\n"
            case .table(let header, let rows):
                out += "| " + header.map { MarkdownText.escape($0) }.joined(separator: " | ") + " |\n"
                out += "|" + String(repeating: " --- |", count: header.count) + "\n"
                for row in rows {
                    out +=
                        "| "
                        + row.map { cell in
                            let text = inline(cell)
                            return text.isEmpty ? " " : text
                        }.joined(separator: " | ") + " |\n"
                }
            }
        }
        return out
    }

    func inline(_ inlines: [RecordDocument.Inline]) -> String {
        inlines.map { item in
            switch item {
            case .text(let s): MarkdownText.escape(s)
            case .strong(let s): s.isEmpty ? "" : "**\(MarkdownText.escape(s))**"
            case .deleted(let s): s.isEmpty ? "" : "~~\(MarkdownText.escape(s))~~"
            case .inserted(let s): s.isEmpty ? "" : "<ins>\(MarkdownText.escape(s))</ins>"
            // Markdown has no no-wrap; the source keeps the 编号 whole and searchable (see docs/diff.md).
            case .identifier(let s): MarkdownText.escape(s)
            }
        }.joined()
    }
}

/// `gkml diff --format html`: the same record as one self-contained page (inline style, no scripts, prints
/// on A4). Every text is HTML-escaped.
public struct DiffHTMLReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: DiffReport) -> String {
        render(AdjustmentRecord(language: language).document(report))
    }

    static let style = """
        body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6;color:#111}
        h1{font-size:1.6em;text-align:center}h2{font-size:1.25em;margin-top:1.6em}h3{font-size:1.1em}
        table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}
        th,td{border:1px solid #555;padding:.3em .5em;vertical-align:top;text-align:left}th{background:#eee}
        .id{white-space:nowrap}.doc-number{text-align:center}.signature{text-align:right;margin-top:2em}
        del{color:#a00;text-decoration:line-through}ins{color:#060;text-decoration:underline;font-weight:bold}
        @media print{@page{size:A4 landscape;margin:15mm}body{margin:0;max-width:none}thead{display:table-header-group}}
        """

    public func render(_ document: RecordDocument) -> String {
        let lang = language == .zh ? "zh-CN" : "en"
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"generator\" content=\"gkml diff\">\n"
        out += "<title>\(HTMLText.escape(document.title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(HTMLText.escape(document.title))</h1>\n"
        if let number = document.documentNumber { out += "<p class=\"doc-number\">\(HTMLText.escape(number))</p>\n" }
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out += "<h\(level)>\(HTMLText.escape(text))</h\(level)>\n"
            case .paragraph(let inlines):
                out += "<p>\(inline(inlines))</p>\n"
            case .list(let items):
                out += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case .signature(let lines):
                out +=
                    "<p class=\"signature\">" + lines.map { HTMLText.escape($0) }.joined(separator: "<br>") + "</p>\n"
            case .table(let header, let rows):
                out +=
                    "<table>\n<thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
                    + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    func inline(_ inlines: [RecordDocument.Inline]) -> String {
        inlines.map { item in
            switch item {
            case .text(let s): HTMLText.escape(s)
            case .strong(let s): "<strong>\(HTMLText.escape(s))</strong>"
            case .deleted(let s): "<del>\(HTMLText.escape(s))</del>"
            case .inserted(let s): "<ins>\(HTMLText.escape(s))</ins>"
            case .identifier(let s): "<span class=\"id\">\(HTMLText.escape(s))</span>"
            }
        }.joined()
    }
}

/// The output formats of `gkml diff`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, md, json, html
}

/// Renders a diff report in one of the formats.
public enum DiffRenderer {
    public static func render(
        _ report: DiffReport, format: DiffFormat, language: Language, color: Bool = false,
        lines: @escaping SourceLineProvider = { _, _ in nil }
    ) -> String {
        switch format {
        case .text: DiffTextReporter(language: language, color: color, lines: lines).render(report)
        case .md: DiffMarkdownReporter(language: language).render(report)
        case .json: DiffJSONReporter(language: language).render(report)
        case .html: DiffHTMLReporter(language: language).render(report)
        }
    }
}
