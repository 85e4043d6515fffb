import SafeOutput

/// Markdown: the title, the catalog's facts, the table (one header row, since Markdown cannot merge cells:
/// the split columns are named 公开对象：全社会 …, and 一级事项 is printed on the first row of its block only,
/// as published tables show merged cells), then 未涉及事项 and 调整记录.
public enum MarkdownRenderer {
    public static func render(_ table: CatalogTable) -> String {
        var out = "# \(MarkdownText.escape(table.title))\n\n"
        out += "- 发布机构：\(MarkdownText.escape(table.publisher))\n"
        out += "- 版本：\(MarkdownText.escape(table.version))\n"
        if let date = table.effectiveDate { out += "- 生效日期：\(MarkdownText.escape(date))\n" }
        out += "- 事项数：\(table.itemCount)\n\n"

        let columns = table.columns
        let headers = columns.map(headerTitle)
        out += "| " + headers.map(MarkdownText.escape).joined(separator: " | ") + " |\n"
        out += "|" + columns.map { isCentered($0) ? " :-: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            let cells = columns.map { column -> String in
                if case .group = column, !row.startsGroup { return "" }
                return table.lines(row, column).map(MarkdownText.escape).joined(separator: "<br>")
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if let legend = table.legend { out += "\n注：\(MarkdownText.escape(legend))\n" }
        if !table.notApplicableEntries.isEmpty {
            out += "\n## 未涉及事项\n\n"
            for entry in table.notApplicableEntries {
                out += "- \(MarkdownText.escape(entry.label))：\(MarkdownText.escape(entry.reason))\n"
            }
        }
        if !table.adjustments.isEmpty {
            out += "\n## 调整记录\n\n"
            for entry in table.adjustments {
                let version = entry.version.map { "（版本 \(MarkdownText.escape($0))）" } ?? ""
                out += "- \(MarkdownText.escape(entry.date))\(version)：\(MarkdownText.escape(entry.note))\n"
            }
        }
        return out
    }

    static func headerTitle(_ column: TableColumn) -> String {
        switch column {
        case .audience: "公开对象：" + column.title
        case .mode: "公开方式：" + column.title
        case .level: "公开层级：" + column.title
        default: column.title
        }
    }

    static func isCentered(_ column: TableColumn) -> Bool {
        switch column {
        case .number, .audience, .mode, .level: true
        default: false
        }
    }
}
