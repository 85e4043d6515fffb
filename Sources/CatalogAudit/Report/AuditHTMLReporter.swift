import CatalogRender
import Diagnostics

/// The audit as one self-contained web page in the look of `gkml build` (its stylesheet, inline): the summary
/// per jurisdiction, the findings with their evidence, and every column checked.
public struct AuditHTMLReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: AuditReport) -> String {
        let en = language == .en
        func e(_ s: String) -> String { XMLText.escape(s) }
        func link(_ url: String) -> String {
            url.hasPrefix("http://") || url.hasPrefix("https://")
                ? "<a href=\"\(e(url))\" rel=\"noreferrer\">\(e(url))</a>" : e(url)
        }
        let title = en ? "Website audit against the disclosure catalog" : "政务公开目录电子督查报告"
        var html = """
            <!DOCTYPE html>
            <html lang="\(en ? "en" : "zh-CN")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
            <meta name="generator" content="gkml">
            <title>\(e(title))</title>
            <style>\(HTMLTemplates.builtIn.stylesheet)
            .audit-error { color: #a00000; font-weight: bold; }
            .audit-warning { color: #7a4a00; font-weight: bold; }
            table.audit td.url { word-break: break-all; }
            table.audit td.nowrap { white-space: nowrap; }
            table.audit { font-size: .9rem; margin-bottom: 1.5rem; }
            h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
            </style>
            </head>
            <body>
            <header class="site-header"><p class="site-name">\(e(en ? "gkml audit" : "基层政务公开标准目录 · 电子督查"))</p></header>
            <main>
            <h1>\(e(title))</h1>
            <dl class="facts">
            <div><dt>\(en ? "As of" : "检查日期")</dt><dd>\(report.asOf)</dd></div>
            <div><dt>\(en ? "Columns" : "栏目")</dt><dd>\(report.columns.count)</dd></div>
            <div><dt>\(en ? "Findings" : "问题")</dt><dd>\(report.findings.count)</dd></div>
            </dl>

            """
        html +=
            "<h2>\(en ? "Summary" : "汇总")</h2>\n<div class=\"table-wrap\"><table class=\"audit summary\"><thead><tr>"
        let summaryHeaders =
            en
            ? [
                "Jurisdiction", "Columns published", "Rate", "Documents on time", "Rate", "Items without column",
                "Findings",
            ]
            : ["辖区", "栏目正常发布", "发布率", "文件按时发布", "按时率", "缺公开栏目", "问题数"]
        html += summaryHeaders.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for s in report.summary {
            html +=
                "<tr><th scope=\"row\">\(e(s.jurisdiction))</th><td>\(s.columnsPublished)/\(s.columnsChecked)</td>"
                + "<td>\(s.publishedRate.map(percent) ?? "-")</td><td>\(s.documentsOnTime)/\(s.documentsChecked)</td>"
                + "<td>\(s.onTimeRate.map(percent) ?? "-")</td><td>\(s.itemsWithoutColumn)</td><td>\(s.findings)</td></tr>\n"
        }
        html += "</tbody></table></div>\n"

        html += "<h2>\(en ? "Findings" : "问题清单")</h2>\n"
        if report.findings.isEmpty {
            html += "<p>\(en ? "No findings." : "未发现问题。")</p>\n"
        } else {
            let headers =
                en
                ? ["Jurisdiction", "Catalog", "No.", "Item", "Problem", "Evidence", "URL"]
                : ["辖区", "目录文件", "编号", "事项", "问题", "说明", "网址"]
            html +=
                "<div class=\"table-wrap\"><table class=\"audit findings\"><thead><tr>"
                + headers.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            for f in report.findings {
                let cls = f.severity == .error ? "audit-error" : "audit-warning"
                html +=
                    "<tr><td class=\"nowrap\">\(e(f.jurisdiction))</td><td>\(e(f.catalog))</td><td class=\"nowrap\">\(e(f.id))</td><td>\(e(f.itemName))</td>"
                    + "<td class=\"\(cls) nowrap\">\(e(f.code.rawValue))</td><td>\(e(f.message(language)))</td>"
                    + "<td class=\"url\">\(f.url.map(link) ?? "")</td></tr>\n"
            }
            html += "</tbody></table></div>\n"
        }

        html += "<h2>\(en ? "Columns" : "栏目")</h2>\n"
        let columnHeaders =
            en ? ["Column", "Items", "Status", "Entries", "Newest"] : ["栏目网址", "事项编号", "状态", "条目数", "最新条目"]
        html +=
            "<div class=\"table-wrap\"><table class=\"audit columns\"><thead><tr>"
            + columnHeaders.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for c in report.columns {
            html +=
                "<tr><td class=\"url\">\(link(c.url))</td><td>\(e(c.items.joined(separator: "、")))</td>"
                + "<td>\(e(statusWord(c.status)))</td><td>\(c.entries)</td><td>\(c.newest.map(\.description) ?? "")</td></tr>\n"
        }
        html += "</tbody></table></div>\n</main>\n"
        html +=
            "<footer class=\"site-footer\"><p>\(e(en ? "Generated by gkml audit" : "由 gkml audit 生成"))　\(report.asOf)</p></footer>\n</body>\n</html>\n"
        return html
    }

    func statusWord(_ status: ColumnStatus) -> String {
        if language == .en { return status.rawValue }
        switch status {
        case .published: return "正常"
        case .stale: return "未按期更新"
        case .empty: return "空栏目"
        case .noInformation: return "说明暂无信息"
        case .unreachable: return "无法访问"
        case .unchecked: return "未检查"
        }
    }
}
