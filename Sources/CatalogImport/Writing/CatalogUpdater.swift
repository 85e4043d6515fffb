import CatalogDiff
import CatalogLint
import CatalogModel
import Diagnostics
import Foundation
import YAMLTree

/// `gkml import --update`: merges an edited table into the existing catalog file by 编号, as text edits
/// (`TextEdit`, the machinery of `validate --fix`), so that comments, key order and untouched lines stay as they
/// were. Changed cells become changed values (a value inherited from 默认 gets its own key on the item), new rows
/// new items at the end of their 一级事项, removed rows are reported and deleted only with `allowRemove`.
public struct CatalogUpdater {
    public var allowRemove: Bool

    public init(allowRemove: Bool = false) {
        self.allowRemove = allowRemove
    }

    public struct Result: Sendable {
        public var text: String
        public var old: Catalog
        public var new: Catalog?
        public var notes: [ImportNote]
        public var changed: Bool
    }

    public func update(file: String, with output: Importer.Output) throws(ImportError) -> Result {
        let loaded = CatalogLoader.load(path: file)
        guard let catalog = loaded.catalog, let document = loaded.document, let root = document.root.mapping else {
            throw ImportError(
                zh: "\(file) 有错误，无法合并：请先运行 gkml validate \(file)",
                en: "\(file) has errors and cannot be merged: run gkml validate \(file) first")
        }
        let source = document.source
        var edits: [[TextEdit]] = []
        var notes: [ImportNote] = []
        let lines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)

        // Item mapping nodes by 编号.
        var nodes: [String: YAMLNode] = [:]
        var groupNodes: [(name: String, node: YAMLNode, items: [YAMLNode])] = []
        for group in root.first(where: { $0.key.keyText == "事项" })?.value.sequence ?? [] {
            let items = group["二级事项"]?.sequence ?? []
            for item in items { if let id = item["编号"]?.string { nodes[id] = item } }
            groupNodes.append((group["一级事项"]?.string ?? "", group, items))
        }
        let existing = Dictionary(catalog.items.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })

        /// The last line an item's mapping takes.
        func lastLine(_ node: YAMLNode) -> Int {
            var last = node.start.line
            for pair in node.mapping ?? [] {
                let end = pair.value.end
                last = max(last, end.column == 1 && end.line > pair.value.start.line ? end.line - 1 : end.line)
            }
            return last
        }
        func indentation(_ node: YAMLNode) -> String { String(repeating: " ", count: max(0, node.start.column - 1)) }

        /// The value as YAML text for a node at `column` (block lists keep their layout).
        func rendered(_ value: ElementValue, replacing node: YAMLNode?) -> String {
            switch value {
            case .scalar(let text): return YAMLText.scalar(text)
            case .list(let values):
                if let node, Self.isBlockList(node, lines) {
                    let indent = String(repeating: " ", count: max(0, node.start.column - 1))
                    return values.map { "- " + YAMLText.scalar($0) }.joined(separator: "\n" + indent)
                }
                return YAMLText.flowList(values, prefix: "", width: 1000) ?? "["
                    + values.map { YAMLText.scalar($0, in: .flow) }.joined(separator: ", ") + "]"
            }
        }

        var seen = Set<String>()
        var appended: [String: [ImportedItem]] = [:]  // 一级事项 → new items
        var newGroups: [String] = []
        for item in output.items {
            guard let id = item.id else { continue }
            seen.insert(id)
            guard let old = existing[id], let node = nodes[id] else {
                if appended[item.group] == nil && !groupNodes.contains(where: { $0.name == item.group }) {
                    newGroups.append(item.group)
                }
                appended[item.group, default: []].append(item)
                continue
            }
            if old.group.value != item.group {
                notes.append(
                    ImportNote(
                        "import-update-moved", .warning, place: item.place,
                        zh: "事项 \(id) 的一级事项由「\(old.group.value)」改为「\(item.group)」：移动事项请直接编辑 YAML，本次未合并此项改动",
                        en:
                            "item \(id) moved from 一级事项 \"\(old.group.value)\" to \"\(item.group)\": move it in the YAML by hand; not merged"
                    ))
            }
            var insertions: [String] = []
            for (key, new, current) in Self.elements(item, old) {
                guard let new, new != current else { continue }
                if let pair = node.pair(key) {
                    edits.append([
                        TextEdit(
                            start: pair.value.start, end: Self.valueEnd(pair.value, lines),
                            replacement: rendered(new, replacing: pair.value))
                    ])
                } else {
                    insertions.append(key + ": " + rendered(new, replacing: nil))
                }
            }
            if !insertions.isEmpty, let first = node.mapping?.first {
                let indent = String(repeating: " ", count: max(0, first.key.start.column - 1))
                let at = SourcePosition(line: lastLine(node) + 1, column: 1)
                edits.append([TextEdit(start: at, end: at, replacement: insertions.map { indent + $0 + "\n" }.joined())]
                )
            }
        }
        // New rows: after the last item of their 一级事项, or as a new 一级事项 at the end of 事项.
        let itemIndent = groupNodes.first?.items.first.map { max(0, $0.start.column - 1) } ?? 8
        let groupIndent = groupNodes.first.map { max(0, $0.node.start.column - 1) } ?? 4
        func itemText(_ item: ImportedItem) -> String {
            let dash = String(repeating: " ", count: max(0, itemIndent - 2)) + "- "
            let pad = String(repeating: " ", count: itemIndent)
            var out = dash + "编号: " + YAMLText.scalar(item.id ?? "") + "\n"
            out += pad + "名称: " + YAMLText.scalar(item.name) + "\n"
            out += pad + "公开内容: " + YAMLText.scalar(item.content) + "\n"
            for (key, value, _) in Self.elements(item, nil) {
                if let value { out += pad + key + ": " + rendered(value, replacing: nil) + "\n" }
            }
            return out
        }
        for group in groupNodes {
            guard let items = appended[group.name], let last = group.items.last else { continue }
            let at = SourcePosition(line: lastLine(last) + 1, column: 1)
            edits.append([TextEdit(start: at, end: at, replacement: items.map(itemText).joined())])
        }
        if !newGroups.isEmpty, let events = root.first(where: { $0.key.keyText == "事项" })?.value,
            let lastGroup = groupNodes.last
        {
            var text = ""
            for name in newGroups {
                text +=
                    String(repeating: " ", count: max(0, groupIndent - 2)) + "- 一级事项: " + YAMLText.scalar(name) + "\n"
                text += String(repeating: " ", count: groupIndent) + "二级事项:\n"
                text += appended[name]!.map(itemText).joined()
            }
            let end = max(lastGroup.items.last.map(lastLine) ?? lastGroup.node.start.line, events.start.line)
            let at = SourcePosition(line: end + 1, column: 1)
            edits.append([TextEdit(start: at, end: at, replacement: text)])
        }
        // Removed rows.
        for (id, old) in existing.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            if allowRemove, let node = nodes[id] {
                edits.append([TextEdit.deleteLines(node.start.line, through: lastLine(node))])
            } else {
                notes.append(
                    ImportNote(
                        "import-update-removed", .warning, place: output.source,
                        zh: "表格中没有事项 \(id)「\(old.name.value)」：未从 YAML 删除（确需删除请加 --allow-remove，并在「未涉及事项」中说明理由）",
                        en:
                            "item \(id) \"\(old.name.value)\" is not in the table: not removed from the YAML (pass --allow-remove to remove it, and give the reason under 未涉及事项)"
                    ))
            }
        }
        let (bytes, _) = EditApplier.apply(edits, to: source)
        let text = String(decoding: bytes, as: UTF8.self)
        let new = CatalogLoader.load(bytes: bytes, file: file).catalog
        if new == nil {
            notes.append(
                ImportNote(
                    "import-update-invalid", .warning, place: LocalizedText(zh: file, en: file),
                    zh: "合并后的文件未通过校验，请运行 gkml validate 查看", en: "the merged file does not validate; run gkml validate"))
        }
        return Result(text: text, old: catalog, new: new, notes: notes, changed: bytes != source)
    }

    /// A value as the table gives it.
    enum ElementValue: Equatable {
        case scalar(String)
        case list([String])
    }

    /// The elements an imported row gives, with the existing item's current value (nil: the row does not say).
    static func elements(_ item: ImportedItem, _ old: CatalogItem?) -> [(String, ElementValue?, ElementValue?)] {
        [
            ("名称", .scalar(item.name), old.map { .scalar($0.name.value) }),
            ("公开内容", .scalar(item.content), old.map { .scalar($0.content.value) }),
            ("公开依据", item.basis.map { .list($0) }, old.map { .list($0.basis.value.map(\.value)) }),
            ("公开时限", item.timeLimit.map { .scalar($0) }, old.map { .scalar($0.timeLimit.value) }),
            ("公开主体", item.bodies.map { .list($0) }, old.map { .list($0.bodies.value.map(\.value)) }),
            (
                "公开渠道",
                item.channels.map { channels in
                    // The checklist prints boxes in the official order: an unchanged set keeps the YAML's own order.
                    if let old, Set(old.channels.value.map(\.value)) == Set(channels) {
                        return .list(old.channels.value.map { $0.value.text })
                    }
                    return .list(channels.map(\.text))
                }, old.map { .list($0.channels.value.map { $0.value.text }) }
            ),
            ("公开对象", item.audience.map { .scalar($0.rawValue) }, old.map { .scalar($0.audience.value.rawValue) }),
            ("公开方式", item.mode.map { .scalar($0.rawValue) }, old.map { .scalar($0.mode.value.rawValue) }),
            ("不主动公开理由", item.reasonNotProactive.map { .scalar($0) }, old?.reasonNotProactive.map { .scalar($0.value) }),
            (
                "公开层级", item.levels.map { .list($0.map(\.rawValue)) },
                old.map { .list($0.levels.value.map(\.value.rawValue)) }
            ),
            ("备注", item.remark.map { .scalar($0) }, old?.remark.map { .scalar($0.value) }),
        ].filter { $0.0 != "名称" && $0.0 != "公开内容" || old != nil }
    }

    /// Whether a list is written as a block (`- a` lines) rather than in flow style (`[a, b]`).
    static func isBlockList(_ node: YAMLNode, _ lines: [Substring]) -> Bool {
        guard node.sequence?.isEmpty == false, lines.indices.contains(node.start.line - 1) else { return false }
        let line = Array(lines[node.start.line - 1])
        let index = node.start.column - 1
        return index < line.count && line[index] == "-"
    }

    /// Where a value's text ends: a block list ends at its last entry (not at the next key's line).
    static func valueEnd(_ node: YAMLNode, _ lines: [Substring]) -> SourcePosition {
        if isBlockList(node, lines), let last = node.sequence?.last { return last.end }
        return node.end
    }

    /// The change as `gkml diff` prints it.
    public static func diffText(_ result: Result, language: Language) -> String {
        guard let new = result.new else { return "" }
        let comparison = CatalogDiffer.compare(result.old, new)
        guard !comparison.changes.isEmpty else { return "" }
        let report = DiffReport(
            oldLabel: result.old.file, newLabel: "\(result.old.file)（合并后）", comparisons: [comparison])
        return DiffRenderer.render(report, format: .text, language: language)
    }
}
