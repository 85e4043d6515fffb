import Diagnostics

/// The audit for a terminal: findings grouped by jurisdiction and catalog, then the summary per jurisdiction.
public struct AuditTextReporter: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: AuditReport) -> String {
        let en = language == .en
        var out =
            en
            ? "gkml audit as of \(report.asOf): \(report.columns.count) columns\n"
            : "gkml audit（检查日期 \(report.asOf)）：共 \(report.columns.count) 个栏目\n"
        var lastGroup = ""
        for f in report.findings {
            let group = "\(f.jurisdiction) · \(f.catalog)"
            if group != lastGroup {
                out += "\n\(group)\n"
                lastGroup = group
            }
            out += "  \(severityWord(f.severity)) \(f.code.rawValue)  \(f.id) \(f.itemName)\n"
            out += "      \(f.message(language))\n"
            if let url = f.url { out += "      \(url)\n" }
        }
        out += en ? "\nSummary\n" : "\n汇总\n"
        for s in report.summary {
            let published = s.publishedRate.map { percent($0) } ?? "-"
            let onTime = s.onTimeRate.map { percent($0) } ?? "-"
            out +=
                en
                ? "  \(s.jurisdiction): columns published \(s.columnsPublished)/\(s.columnsChecked) (\(published)), documents on time \(s.documentsOnTime)/\(s.documentsChecked) (\(onTime)), items without column \(s.itemsWithoutColumn), findings \(s.findings)\n"
                : "  \(s.jurisdiction)：栏目发布 \(s.columnsPublished)/\(s.columnsChecked)（\(published)），文件按时 \(s.documentsOnTime)/\(s.documentsChecked)（\(onTime)），缺公开栏目 \(s.itemsWithoutColumn) 项，问题 \(s.findings) 个\n"
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        out += en ? "\n\(errors) errors, \(warnings) warnings\n" : "\n\(errors) 个错误，\(warnings) 个警告\n"
        return out
    }

    func severityWord(_ s: Severity) -> String {
        switch (s, language) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (_, .en): "info"
        case (.error, _): "错误"
        case (.warning, _): "警告"
        default: "提示"
        }
    }
}

/// A rate as a percentage with one decimal (87.5%).
func percent(_ rate: Double) -> String {
    let tenths = Int((rate * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
}
