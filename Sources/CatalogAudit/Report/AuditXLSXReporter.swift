import CatalogRender
import Diagnostics
import Foundation

/// The audit as a workbook for the 督查 file: 汇总 (rates per jurisdiction), 问题清单 (findings with evidence)
/// and 栏目 (every column checked).
public struct AuditXLSXReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: AuditReport) throws -> Data {
        let en = language == .en
        let html = AuditHTMLReporter(language: language)
        let summary = XLSXListSheet(
            name: en ? "Summary" : "汇总",
            title: (en ? "Website audit summary, as of " : "电子督查汇总（检查日期 ") + report.asOf.description + (en ? "" : "）"),
            headers: en
                ? [
                    "Jurisdiction", "Columns checked", "Columns published", "Published rate", "Documents checked",
                    "Documents on time", "On-time rate", "Items without column", "Findings",
                ]
                : ["辖区", "检查栏目", "正常发布", "发布率", "检查文件", "按时发布", "按时率", "缺公开栏目", "问题数"],
            widths: [14, 10, 10, 10, 10, 10, 10, 12, 9],
            rows: report.summary.map { s in
                [
                    .text(s.jurisdiction), .number(Double(s.columnsChecked)), .number(Double(s.columnsPublished)),
                    .text(s.publishedRate.map(percent) ?? "-"), .number(Double(s.documentsChecked)),
                    .number(Double(s.documentsOnTime)), .text(s.onTimeRate.map(percent) ?? "-"),
                    .number(Double(s.itemsWithoutColumn)), .number(Double(s.findings)),
                ]
            })
        let findings = XLSXListSheet(
            name: en ? "Findings" : "问题清单",
            title: en ? "Findings" : "问题清单",
            headers: en
                ? ["Jurisdiction", "Catalog", "Domain", "No.", "Item", "Code", "Severity", "Evidence", "URL"]
                : ["辖区", "目录文件", "领域", "编号", "事项", "问题代码", "级别", "说明", "网址"],
            widths: [12, 22, 12, 10, 18, 18, 8, 48, 48],
            rows: report.findings.map { f in
                [
                    .text(f.jurisdiction), .text(f.catalog), .text(f.domain), .text(f.id), .text(f.itemName),
                    .text(f.code.rawValue), .text(AuditTextReporter(language: language).severityWord(f.severity)),
                    .text(f.message(language)), f.url.map { .text($0) } ?? .empty,
                ]
            })
        let columns = XLSXListSheet(
            name: en ? "Columns" : "栏目",
            title: en ? "Columns checked" : "检查的栏目",
            headers: en ? ["Column", "Items", "Status", "Entries", "Newest"] : ["栏目网址", "事项编号", "状态", "条目数", "最新条目"],
            widths: [56, 24, 14, 8, 12],
            rows: report.columns.map { c in
                [
                    .text(c.url), .text(c.items.joined(separator: "、")), .text(html.statusWord(c.status)),
                    .number(Double(c.entries)), c.newest.map { .text($0.description) } ?? .empty,
                ]
            })
        return Data(try XLSXWriter.listWorkbook([summary, findings, columns], title: en ? "gkml audit" : "电子督查报告"))
    }
}
