import CatalogModel
import CatalogRender
import Diagnostics

/// The formats of `gkml stats`.
public enum SelfCheckFormat: String, Sendable, CaseIterable {
    case text, json, xlsx
}

/// Renders the self-check as the table a county puts into its self-check and annual report.
public enum SelfCheckOutput {
    public static func render(_ report: SelfCheckReport, format: SelfCheckFormat) throws -> [UInt8] {
        switch format {
        case .text: Array(text(report).utf8)
        case .json: Array((json(report).serialized(pretty: true) + "\n").utf8)
        case .xlsx: try workbook(report)
        }
    }

    static func adjustmentsText(_ a: AdjustmentCounts) -> String {
        var parts = ["新增\(a.added)", "删除\(a.removed)", "修改\(a.changed)", "降为依申请\(a.downgraded)", "转为主动\(a.upgraded)"]
        if !a.documents.isEmpty { parts.append("文号：" + a.documents.joined(separator: "、")) }
        return parts.joined(separator: "，")
    }

    public static func text(_ report: SelfCheckReport) -> String {
        var out = "\(report.title)\n"
        if !report.fromHistory { out += "（不在 git 仓库中：年度调整只按「调整记录」的日期统计）\n" }
        for j in report.jurisdictions {
            out +=
                "\n\(j.name)（\(j.level.rawValue)）：\(j.catalogs.count) 个目录，\(j.items) 个事项，主动 \(j.proactive)，依申请 \(j.onRequest)\n"
            out += "  试点领域覆盖：\(j.pilotCovered.count)/26 有目录"
            if !j.pilotNotApplicable.isEmpty { out += "，\(j.pilotNotApplicable.count) 个未涉及" }
            if !j.pilotMissing.isEmpty { out += "，缺少：" + j.pilotMissing.joined(separator: "、") }
            out += "\n"
            for c in j.catalogs {
                out +=
                    "  \(c.domain)  版本 \(c.version)  事项 \(c.items)（主动 \(c.proactive)，依申请 \(c.onRequest.count)）  \(c.approval.label)\n"
                out += "    \(report.year)年调整：\(adjustmentsText(c.adjustments))\n"
                for item in c.onRequest {
                    out += "    依申请 \(item.id) \(item.name)：\(item.reason.isEmpty ? "（未写理由）" : item.reason)\n"
                }
            }
        }
        return out
    }

    public static func json(_ report: SelfCheckReport) -> JSONOutput {
        .object([
            ("year", .int(report.year)),
            ("title", .string(report.title)),
            ("fromHistory", .bool(report.fromHistory)),
            ("baseCommit", report.baseCommit.map(JSONOutput.string) ?? .null),
            ("endCommit", report.endCommit.map(JSONOutput.string) ?? .null),
            (
                "jurisdictions",
                .array(
                    report.jurisdictions.map { j in
                        .object([
                            ("name", .string(j.name)), ("level", .string(j.level.rawValue)),
                            ("items", .int(j.items)), ("proactive", .int(j.proactive)),
                            ("onRequest", .int(j.onRequest)),
                            (
                                "coverage",
                                .object([
                                    ("covered", .array(j.pilotCovered.map(JSONOutput.string))),
                                    (
                                        "notApplicable",
                                        .object(
                                            j.pilotNotApplicable.sorted { $0.key < $1.key }.map {
                                                ($0.key, .string($0.value))
                                            })
                                    ),
                                    ("missing", .array(j.pilotMissing.map(JSONOutput.string))),
                                ])
                            ),
                            (
                                "catalogs",
                                .array(
                                    j.catalogs.map { c in
                                        .object([
                                            ("domain", .string(c.domain)), ("version", .string(c.version)),
                                            ("items", .int(c.items)),
                                            ("proactive", .int(c.proactive)), ("onRequest", .int(c.onRequest.count)),
                                            (
                                                "onRequestItems",
                                                .array(
                                                    c.onRequest.map {
                                                        .object([
                                                            ("id", .string($0.id)), ("name", .string($0.name)),
                                                            ("reason", .string($0.reason)),
                                                        ])
                                                    })
                                            ),
                                            (
                                                "adjustments",
                                                .object([
                                                    ("added", .int(c.adjustments.added)),
                                                    ("removed", .int(c.adjustments.removed)),
                                                    ("changed", .int(c.adjustments.changed)),
                                                    ("downgraded", .int(c.adjustments.downgraded)),
                                                    ("upgraded", .int(c.adjustments.upgraded)),
                                                    ("records", .int(c.adjustments.records)),
                                                    (
                                                        "documents",
                                                        .array(c.adjustments.documents.map(JSONOutput.string))
                                                    ),
                                                ])
                                            ),
                                            ("approval", .string(c.approval.label)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    static func workbook(_ report: SelfCheckReport) throws -> [UInt8] {
        typealias V = XLSXListSheet.Cell
        var summary: [[V]] = [], onRequest: [[V]] = [], coverage: [[V]] = []
        for j in report.jurisdictions {
            for c in j.catalogs {
                let a = c.adjustments
                summary.append([
                    .text(j.name), .text(c.domain), .text(c.version), .number(Double(c.items)),
                    .number(Double(c.proactive)),
                    .number(Double(c.onRequest.count)), .number(Double(a.added)), .number(Double(a.removed)),
                    .number(Double(a.changed)),
                    .number(Double(a.downgraded)), .number(Double(a.upgraded)),
                    .text(a.documents.joined(separator: "、")),
                    .text(c.approval.label),
                ])
                for item in c.onRequest {
                    onRequest.append([
                        .text(j.name), .text(c.domain), .text(item.id), .text(item.name), .text(item.reason), .text(""),
                    ])
                }
            }
            coverage.append([
                .text(j.name), .text(j.level.rawValue), .number(Double(j.pilotCovered.count)),
                .number(Double(j.pilotNotApplicable.count)),
                .number(Double(j.pilotMissing.count)), .text(j.pilotMissing.joined(separator: "、")),
            ])
        }
        return try XLSXWriter.listWorkbook(
            [
                XLSXListSheet(
                    name: "目录汇总", title: report.title,
                    headers: [
                        "辖区", "领域", "版本", "事项数", "主动", "依申请", "新增", "删除", "修改", "降为依申请", "转为主动", "\(report.year)年审批文号",
                        "审批状态",
                    ],
                    widths: [14, 14, 9, 8, 7, 7, 7, 7, 7, 10, 9, 24, 30], rows: summary),
                XLSXListSheet(
                    name: "依申请事项", title: "依申请公开事项及理由（供审查是否转为主动公开）",
                    headers: ["辖区", "领域", "编号", "事项", "不主动公开理由", "审查意见"],
                    widths: [14, 14, 12, 24, 40, 24], rows: onRequest),
                XLSXListSheet(
                    name: "领域覆盖", title: "26个试点领域覆盖情况",
                    headers: ["辖区", "层级", "有目录", "未涉及", "缺少", "缺少的领域"],
                    widths: [14, 8, 8, 8, 8, 60], rows: coverage),
            ], title: report.title)
    }
}
