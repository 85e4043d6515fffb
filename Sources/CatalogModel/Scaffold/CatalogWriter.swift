/// Writes a `CatalogDraft` as gkml/1 YAML text: deterministic (the same draft gives the same bytes),
/// readable (keys in table order, 默认 holding the values most items share, short lists inline), and
/// decoding back to the same draft.
public struct CatalogWriter: Sendable {
    /// Comment lines written first (without `# `), e.g. the editor modeline and a title.
    public var header: [String]
    /// Lines longer than this (in display columns) get block lists instead of inline ones.
    public var width: Int

    public init(header: [String] = [], width: Int = 100) {
        self.header = header
        self.width = width
    }

    /// The values of 默认: for each inheritable element, the value most items have (the earliest on a tie).
    public struct Defaults: Sendable, Hashable {
        public var basis: [String]
        public var timeLimit: String
        public var bodies: [String]
        public var channels: [String]
        public var audience: Audience
        public var mode: DisclosureMode
        public var levels: [Level]

        public init(_ items: [CatalogDraft.Item]) {
            basis = Self.mostCommon(items.map(\.basis))
            timeLimit = Self.mostCommon(items.map(\.timeLimit))
            bodies = Self.mostCommon(items.map(\.bodies))
            channels = Self.mostCommon(items.map(\.channels))
            audience = Self.mostCommon(items.map(\.audience))
            mode = Self.mostCommon(items.map(\.mode))
            levels = Self.mostCommon(items.map(\.levels))
        }

        static func mostCommon<T: Hashable>(_ values: [T]) -> T {
            var counts: [T: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            var best = values[0]
            for value in values where counts[value]! > counts[best]! { best = value }
            return best
        }
    }

    public func yaml(_ draft: CatalogDraft) -> String {
        var out = Lines(width: width)
        for line in header { out.append(line.isEmpty ? "#" : "# " + line) }
        out.append("格式: gkml/1")
        out.scalar("领域", draft.domain, indent: 0)
        out.scalar("地区", draft.region, indent: 0)
        out.append("层级: \(draft.level.rawValue)")
        out.scalar("发布机构", draft.publisher, indent: 0)
        out.append("版本: " + YAMLText.doubleQuoted(draft.version))
        if let date = draft.effectiveDate { out.scalar("生效日期", date, indent: 0) }

        let items = draft.items
        let defaults: Defaults? = items.isEmpty ? nil : Defaults(items)
        if let defaults {
            // A clerk reading one item sees only what it overrides: say where the rest comes from.
            out.append("# 默认：下面的要素适用于本文件的每一个事项；事项中自己写了的要素，以事项中写的为准。")
            out.append("# 查看一个事项的全部要素：gkml show 本文件 编号")
            out.append("默认:")
            out.list("公开依据", defaults.basis, indent: 2, preferBlock: defaults.basis.count > 1)
            out.scalar("公开时限", defaults.timeLimit, indent: 2)
            out.list("公开主体", defaults.bodies, indent: 2)
            out.list("公开渠道", defaults.channels, indent: 2)
            out.append("  公开对象: \(defaults.audience.rawValue)")
            out.append("  公开方式: \(defaults.mode.rawValue)")
            out.list("公开层级", defaults.levels.map(\.rawValue), indent: 2)
        }
        out.append("事项:")
        for group in draft.groups {
            out.scalar("  - 一级事项", group.name, indent: 0)
            out.append("    二级事项:")
            for item in group.items {
                write(item, defaults: defaults, into: &out)
            }
        }
        if !draft.notApplicable.isEmpty {
            out.append("未涉及事项:")
            for entry in draft.notApplicable {
                out.scalar("  - 编号", entry.id, indent: 0)
                out.scalar("说明", entry.reason, indent: 4)
            }
        }
        if !draft.adjustments.isEmpty {
            out.append("调整记录:")
            for entry in draft.adjustments {
                out.scalar("  - 日期", entry.date, indent: 0)
                if let version = entry.version { out.append("    版本: " + YAMLText.doubleQuoted(version)) }
                out.scalar("说明", entry.note, indent: 4)
            }
        }
        return out.text
    }

    func write(_ item: CatalogDraft.Item, defaults: Defaults?, into out: inout Lines) {
        let indent = 8
        out.scalar("      - 编号", item.id, indent: 0)
        out.scalar("名称", item.name, indent: indent)
        out.scalar("公开内容", item.content, indent: indent)
        if item.basis != defaults?.basis {
            out.list("公开依据", item.basis, indent: indent, preferBlock: item.basis.count > 1)
        }
        if item.timeLimit != defaults?.timeLimit { out.scalar("公开时限", item.timeLimit, indent: indent) }
        if item.bodies != defaults?.bodies { out.list("公开主体", item.bodies, indent: indent) }
        if item.channels != defaults?.channels { out.list("公开渠道", item.channels, indent: indent) }
        if item.audience != defaults?.audience { out.scalar("公开对象", item.audience.rawValue, indent: indent) }
        if item.mode != defaults?.mode { out.scalar("公开方式", item.mode.rawValue, indent: indent) }
        if let reason = item.reasonNotProactive { out.scalar("不主动公开理由", reason, indent: indent) }
        if item.levels != defaults?.levels { out.list("公开层级", item.levels.map(\.rawValue), indent: indent) }
        if let remark = item.remark { out.scalar("备注", remark, indent: indent) }
    }

    /// The output under construction.
    struct Lines {
        var width: Int
        var lines: [String] = []

        mutating func append(_ line: String) { lines.append(line) }

        /// `key: value` at `indent` (a key that already carries its indentation, like `  - 编号`, uses 0).
        mutating func scalar(_ key: String, _ value: String, indent: Int) {
            lines.append(String(repeating: " ", count: indent) + key + ": " + YAMLText.scalar(value))
        }

        /// `key: [a, b]` when it fits and block lists are not preferred, else a block list.
        mutating func list(_ key: String, _ values: [String], indent: Int, preferBlock: Bool = false) {
            let prefix = String(repeating: " ", count: indent) + key + ": "
            if values.isEmpty {
                lines.append(prefix + "[]")
                return
            }
            if !preferBlock, let flow = YAMLText.flowList(values, prefix: prefix, width: width) {
                lines.append(prefix + flow)
                return
            }
            lines.append(String(repeating: " ", count: indent) + key + ":")
            for value in values {
                lines.append(String(repeating: " ", count: indent + 2) + "- " + YAMLText.scalar(value))
            }
        }

        var text: String { lines.joined(separator: "\n") + "\n" }
    }
}
