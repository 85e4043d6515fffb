import CatalogModel
import Diagnostics

/// JSON of the resolved catalog (默认 applied to every item), keyed with the catalog format's own Chinese
/// names. Its shape is a contract: `schemas/catalog-output.schema.json` (format `gkml-output/1`).
public enum JSONRenderer {
    /// The value of the output's 格式 key.
    public static let format = "gkml-output/1"

    public static func value(_ table: CatalogTable) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("格式", .string(format)),
            ("标题", .string(table.title)),
            ("领域", .string(table.domain)),
            ("领域代码", .optional(table.domainInfo?.code)),
            ("领域英文名", .optional(table.domainInfo?.slug)),
            ("地区", .string(table.region)),
            ("层级", .string(table.level.rawValue)),
            ("发布机构", .string(table.publisher)),
            ("版本", .string(table.version)),
            ("生效日期", .optional(table.effectiveDate)),
            ("层级名称", .object(table.levelColumns.map { ($0.level.rawValue, .string($0.label)) })),
            ("公开渠道印法", .string(table.channelStyle.rawValue)),
            ("事项数", .int(table.itemCount)),
        ]
        members.append(("事项", .array(table.rows.map { item($0, style: table.channelStyle) })))
        members.append(
            (
                "未涉及事项",
                .array(
                    table.notApplicableEntries.map {
                        .object([("编号", .string($0.id)), ("名称", .optional($0.name)), ("说明", .string($0.reason))])
                    })
            ))
        members.append(
            (
                "调整记录",
                .array(
                    table.adjustments.map {
                        .object([("日期", .string($0.date)), ("版本", .optional($0.version)), ("说明", .string($0.note))])
                    })
            ))
        return .object(members)
    }

    public static func render(_ table: CatalogTable) -> String {
        String(decoding: bytes(table), as: UTF8.self)
    }

    /// The JSON as UTF-8 bytes, ended by a line break.
    public static func bytes(_ table: CatalogTable) -> [UInt8] {
        var out = value(table).serializedBytes()
        out.append(0x0A)
        return out
    }

    static func item(_ row: TableRow, style: ChannelStyle) -> JSONOutput {
        .object([
            ("序号", .int(row.number)),
            ("编号", .string(row.id)),
            ("一级事项", .string(row.group)),
            ("名称", .string(row.name)),
            ("公开内容", .string(row.content)),
            ("公开依据", .array(row.basis.map(JSONOutput.string))),
            ("公开时限", .string(row.timeLimit)),
            ("公开主体", .array(row.bodies.map(JSONOutput.string))),
            ("公开渠道", .array(row.channels.channels.map { .string($0.text) })),
            ("公开渠道印出", .array(row.channels.lines(style).map(JSONOutput.string))),
            ("公开对象", .string(row.audience.rawValue)),
            ("公开方式", .string(row.mode.rawValue)),
            ("公开层级", .array(row.levels.map { .string($0.rawValue) })),
            ("不主动公开理由", .optional(row.reasonNotProactive)),
            ("备注", .optional(row.remark)),
            ("继承默认", .array(row.inherited.map { .string($0.rawValue) })),
        ])
    }
}
