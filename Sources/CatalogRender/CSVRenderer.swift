import Foundation
import SafeOutput

/// CSV (RFC 4180): UTF-8 with a byte-order mark so that Excel opens Chinese text correctly, CRLF between
/// records, one record per item, always with 编号. Lists (公开依据, 公开主体, a plain channel list, 公开层级) are
/// joined with ；, which no channel name or level label contains (乡、村级 has a 、). Cells that a spreadsheet would read as a formula
/// are neutralised (see `SpreadsheetText`).
public enum CSVRenderer {
    public static let header = [
        "序号", "编号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
        "公开对象", "公开方式", "公开层级", "不主动公开理由", "备注",
    ]

    public static func render(_ table: CatalogTable) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]  // U+FEFF
        out.reserveCapacity(1_024 + table.itemCount * 1_024)
        CSVText.appendRecord(header, to: &out)
        for row in table.rows {
            CSVText.appendRecord(
                [
                    String(row.number), row.id, row.group, row.name, row.content,
                    row.basis.joined(separator: "；"), row.timeLimit, row.bodies.joined(separator: "；"),
                    row.channels.plainText(table.channelStyle),
                    row.audience.rawValue, row.mode.rawValue, table.levelLabels(row).joined(separator: "；"),
                    row.reasonNotProactive ?? "", row.remark ?? "",
                ], to: &out)
        }
        return out
    }
}
