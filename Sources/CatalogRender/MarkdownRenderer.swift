import SafeOutput

/// Markdown: the title, the catalog's facts, the table (one header row, since Markdown cannot merge cells:
/// the split columns are named 公开对象：全社会 …, and 一级事项 is printed on the first row of its block only,
/// as published tables show merged cells), then 未涉及事项 and 调整记录.
public enum MarkdownRenderer {
    public static func render(_ table: CatalogTable) -> String {
        String(decoding: bytes(table), as: UTF8.self)
    }

    /// The Markdown as UTF-8 bytes, written into one buffer (no `String` joined per cell and per row).
    public static func bytes(_ table: CatalogTable) -> [UInt8] {
        var out = Output()
        out.bytes.reserveCapacity(1_024 + table.itemCount * 2_048)
        out.raw("# ")
        out.text(table.title)
        out.raw("\n\n- 发布机构：")
        out.text(table.publisher)
        out.raw("\n- 版本：")
        out.text(table.version)
        out.raw("\n")
        if let date = table.effectiveDate {
            out.raw("- 生效日期：")
            out.text(date)
            out.raw("\n")
        }
        out.raw("- 事项数：\(table.itemCount)\n\n")

        let columns = table.columns
        out.raw("| ")
        for (index, column) in columns.enumerated() {
            if index > 0 { out.raw(" | ") }
            out.text(headerTitle(column))
        }
        out.raw(" |\n|")
        for column in columns { out.raw(isCentered(column) ? " :-: |" : " --- |") }
        out.raw("\n")
        for row in table.rows {
            out.raw("| ")
            for (index, column) in columns.enumerated() {
                if index > 0 { out.raw(" | ") }
                if case .group = column, !row.startsGroup { continue }
                for (line, text) in table.lines(row, column).enumerated() {
                    if line > 0 { out.raw("<br>") }
                    out.text(text)
                }
            }
            out.raw(" |\n")
        }
        if let legend = table.legend {
            out.raw("\n注：")
            out.text(legend)
            out.raw("\n")
        }
        if !table.notApplicableEntries.isEmpty {
            out.raw("\n## 未涉及事项\n\n")
            for entry in table.notApplicableEntries {
                out.raw("- ")
                out.text(entry.label)
                out.raw("：")
                out.text(entry.reason)
                out.raw("\n")
            }
        }
        if !table.adjustments.isEmpty {
            out.raw("\n## 调整记录\n\n")
            for entry in table.adjustments {
                out.raw("- ")
                out.text(entry.date)
                if let version = entry.version {
                    out.raw("（版本 ")
                    out.text(version)
                    out.raw("）")
                }
                out.raw("：")
                out.text(entry.note)
                out.raw("\n")
            }
        }
        return out.bytes
    }

    /// The buffer the Markdown is written into.
    struct Output {
        var bytes: [UInt8] = []
        /// Markdown syntax, as it is.
        mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }
        /// Catalog text, escaped.
        mutating func text(_ text: String) { MarkdownText.appendEscaped(text, to: &bytes) }
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
