import Diagnostics
import Foundation
import YAMLTree

/// The reviewed changes a merge request may make (`gkml diff --accept FILE`): each entry names an item, a
/// change code and the written reason. A matching regression is still reported, marked as accepted with
/// its reason, and no longer fails `--fail-on`.
///
/// ```yaml
/// 格式: gkml-accept/1
/// 已接受变更:
///   - 编号: 17-02-03                # or a list: [17-02-03, 17-02-04]
///     变更: mode-to-on-request
///     理由: 经县政务公开办2024年6月3日审核，该名单涉及个人信息，改为依申请公开
///     地区: 示例县星海镇        # optional: only in this catalog
/// ```
public struct AcceptList: Sendable {
    public struct Entry: Sendable, Hashable {
        /// 编号 of the item (old or new); nil for a catalog-level change.
        public var id: String?
        /// The change code, e.g. `mode-to-on-request`.
        public var code: String
        public var reason: String
        public var region: String?
        public var domain: String?
        public var position: SourcePosition

        public init(
            id: String?, code: String, reason: String, region: String? = nil, domain: String? = nil,
            position: SourcePosition = SourcePosition(line: 1, column: 1)
        ) {
            self.id = id
            self.code = code
            self.reason = reason
            self.region = region
            self.domain = domain
            self.position = position
        }

        public func matches(_ change: Change) -> Bool {
            guard change.code == code else { return false }
            if let region, region != change.catalog.region { return false }
            if let domain, domain != change.catalog.domain { return false }
            if let id { return change.id == id || change.oldID == id }
            return change.id == nil
        }
    }

    public var file: String
    public var entries: [Entry]

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// Reads an accept file. Any error makes the whole file unusable (a gate must not half-apply).
    public static func parse(_ bytes: [UInt8], file: String) -> (AcceptList?, [Finding]) {
        let parsed = YAMLParser.parse(bytes, file: file)
        guard let root = parsed.document?.root, !parsed.hasErrors else { return (nil, parsed.findings) }
        var findings: [Finding] = []
        func fail(_ node: YAMLNode?, _ zh: String, _ en: String) {
            // The kind's template is 「接受清单：{reason}」; the reason exists in both languages, so the
            // finding carries the kind with its message filled in (the code stays the same).
            let base = DiffFindings.acceptInvalid
            let kind = FindingKind(
                code: base.code, stage: base.stage, severity: base.defaultSeverity, title: base.title,
                message: LocalizedText(
                    zh: base.message.zh.replacingOccurrences(of: "{reason}", with: zh),
                    en: base.message.en.replacingOccurrences(of: "{reason}", with: en)))
            findings.append(
                Finding(
                    kind, at: SourceLocation(file: file, position: node?.start ?? root.start), arguments: ["reason": zh]
                ))
        }
        let list: [YAMLNode]
        if let sequence = root.sequence {
            list = sequence
        } else if let sequence = root["已接受变更"]?.sequence {
            list = sequence
        } else if root.mapping != nil, root["已接受变更"]?.isNull == true {
            list = []
        } else {
            fail(root, "应为「已接受变更」列表", "expected a list under 已接受变更")
            return (nil, findings)
        }
        var entries: [Entry] = []
        for node in list {
            guard node.mapping != nil else {
                fail(node, "每个条目应包含编号、变更和理由", "each entry needs 编号, 变更 and 理由")
                continue
            }
            // 编号: one, or a list when one reviewed change touches several items (a change of 默认).
            let ids: [String?] = node["编号"]?.sequence.map { $0.compactMap { scalar($0) } } ?? [scalar(node["编号"])]
            let id = ids.first ?? nil
            let region = scalar(node["地区"]), domain = scalar(node["领域"])
            guard let code = scalar(node["变更"]), !code.isEmpty else {
                fail(
                    node, "条目缺少「变更」（变更代码，如 mode-to-on-request）",
                    "an entry lacks 变更 (a change code such as mode-to-on-request)")
                continue
            }
            guard DiffFindings.changes.contains(where: { $0.code == code }) else {
                fail(node["变更"], "「\(code)」不是 gkml diff 的变更代码", "\"\(code)\" is not a gkml diff change code")
                continue
            }
            guard let reason = scalar(node["理由"]), !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else {
                fail(node, "条目（\(id ?? code)）缺少书面「理由」", "the entry for \(id ?? code) lacks a written 理由")
                continue
            }
            if ids.isEmpty || (id == nil && domain == nil && region == nil) {
                fail(node, "条目应写明「编号」，或目录级变更的「地区」「领域」", "an entry needs 编号, or 地区/领域 for a catalog-level change")
                continue
            }
            for id in ids {
                entries.append(
                    Entry(id: id, code: code, reason: reason, region: region, domain: domain, position: node.start))
            }
        }
        if !findings.isEmpty { return (nil, findings) }
        return (AcceptList(file: file, entries: entries), [])
    }

    static func scalar(_ node: YAMLNode?) -> String? {
        guard let node else { return nil }
        if let s = node.string { return s }
        if node.mapping == nil && node.sequence == nil && !node.isNull { return node.text }
        return nil
    }

    /// Marks the changes the list accepts; returns the report and a warning for every unused entry.
    public func apply(to report: DiffReport) -> DiffReport {
        var report = report
        var used = Set<Int>()
        for c in report.comparisons.indices {
            for k in report.comparisons[c].changes.indices {
                let change = report.comparisons[c].changes[k]
                if let index = entries.firstIndex(where: { $0.matches(change) }) {
                    report.comparisons[c].changes[k].acceptedReason = entries[index].reason
                    used.insert(index)
                }
            }
        }
        for (index, entry) in entries.enumerated() where !used.contains(index) {
            report.general.append(
                Finding(
                    DiffFindings.acceptUnused, at: SourceLocation(file: file, position: entry.position),
                    arguments: ["id": entry.id ?? entry.domain ?? entry.region ?? "", "code": entry.code]))
        }
        return report
    }
}
