import CatalogModel
import Diagnostics

/// Writes an imported catalog as gkml/1 YAML in the layout `CatalogWriter` uses (keys in table order, 默认 with the
/// values most items share, short lists inline). Unlike a `CatalogDraft`, an imported item may lack a value the
/// source did not give: the key is then left out, so that `gkml validate` asks for it, and such an element is
/// never put in 默认 (an item must not silently inherit what its row did not say).
public struct ImportWriter: Sendable {
    public var header: [String]
    public var width: Int
    /// False for `--no-defaults`: every value stays on its item.
    public var useDefaults: Bool

    public init(header: [String] = [], width: Int = 100, useDefaults: Bool = true) {
        self.header = header
        self.width = width
        self.useDefaults = useDefaults
    }

    /// The catalog-level facts; nil values are left out.
    public struct Facts: Sendable {
        public var domain: String
        public var region: String
        public var level: Level?
        public var publisher: String?
        public var version: String?
        public var effectiveDate: String?

        public init(
            domain: String, region: String, level: Level?, publisher: String?, version: String?, effectiveDate: String?
        ) {
            self.domain = domain
            self.region = region
            self.level = level
            self.publisher = publisher
            self.version = version
            self.effectiveDate = effectiveDate
        }
    }

    struct Defaults {
        var basis: [String]?
        var timeLimit: String?
        var bodies: [String]?
        var channels: [String]?
        var audience: Audience?
        var mode: DisclosureMode?
        var levels: [Level]?
    }

    static func common<T: Hashable>(_ values: [T?]) -> T? {
        guard values.count > 1, !values.contains(where: { $0 == nil }) else { return nil }
        let present = values.compactMap { $0 }
        var counts: [T: Int] = [:]
        for value in present { counts[value, default: 0] += 1 }
        var best = present[0]
        for value in present where counts[value]! > counts[best]! { best = value }
        return counts[best]! > 1 ? best : nil
    }

    public func yaml(_ facts: Facts, groups: [(name: String, items: [ImportedItem])]) -> String {
        var out: [String] = header.map { $0.isEmpty ? "#" : "# " + $0 }
        func scalar(_ key: String, _ value: String, _ indent: Int) {
            out.append(String(repeating: " ", count: indent) + key + ": " + YAMLText.scalar(value))
        }
        func list(_ key: String, _ values: [String], _ indent: Int, block: Bool = false) {
            let prefix = String(repeating: " ", count: indent) + key + ": "
            if values.isEmpty { out.append(prefix + "[]"); return }
            if !block, let flow = YAMLText.flowList(values, prefix: prefix, width: width) {
                out.append(prefix + flow); return
            }
            out.append(String(repeating: " ", count: indent) + key + ":")
            for value in values {
                out.append(String(repeating: " ", count: indent + 2) + "- " + YAMLText.scalar(value))
            }
        }
        out.append("格式: gkml/1")
        scalar("领域", facts.domain, 0)
        scalar("地区", facts.region, 0)
        if let level = facts.level { out.append("层级: \(level.rawValue)") }
        if let publisher = facts.publisher { scalar("发布机构", publisher, 0) }
        if let version = facts.version { out.append("版本: " + YAMLText.doubleQuoted(version)) }
        if let date = facts.effectiveDate { scalar("生效日期", date, 0) }

        let items = groups.flatMap(\.items)
        var defaults = Defaults()
        if useDefaults {
            defaults.basis = Self.common(items.map(\.basis))
            defaults.timeLimit = Self.common(items.map(\.timeLimit))
            defaults.bodies = Self.common(items.map(\.bodies))
            defaults.channels = Self.common(items.map { $0.channels?.map(\.text) })
            defaults.audience = Self.common(items.map(\.audience))
            defaults.mode = Self.common(items.map(\.mode))
            defaults.levels = Self.common(items.map(\.levels))
        }
        let anyDefault =
            defaults.basis != nil || defaults.timeLimit != nil || defaults.bodies != nil || defaults.channels != nil
            || defaults.audience != nil || defaults.mode != nil || defaults.levels != nil
        if anyDefault {
            out.append("默认:")
            if let basis = defaults.basis { list("公开依据", basis, 2, block: basis.count > 1) }
            if let value = defaults.timeLimit { scalar("公开时限", value, 2) }
            if let value = defaults.bodies { list("公开主体", value, 2) }
            if let value = defaults.channels { list("公开渠道", value, 2) }
            if let value = defaults.audience { out.append("  公开对象: \(value.rawValue)") }
            if let value = defaults.mode { out.append("  公开方式: \(value.rawValue)") }
            if let value = defaults.levels { list("公开层级", value.map(\.rawValue), 2) }
        }
        out.append("事项:")
        for group in groups {
            scalar("  - 一级事项", group.name, 0)
            out.append("    二级事项:")
            for item in group.items {
                let indent = 8
                scalar("      - 编号", item.id ?? "", 0)
                scalar("名称", item.name, indent)
                scalar("公开内容", item.content, indent)
                if let value = item.basis, value != defaults.basis {
                    list("公开依据", value, indent, block: value.count > 1)
                }
                if let value = item.timeLimit, value != defaults.timeLimit { scalar("公开时限", value, indent) }
                if let value = item.bodies, value != defaults.bodies { list("公开主体", value, indent) }
                if let value = item.channels?.map(\.text), value != defaults.channels { list("公开渠道", value, indent) }
                if let value = item.audience, value != defaults.audience { scalar("公开对象", value.rawValue, indent) }
                if let value = item.mode, value != defaults.mode { scalar("公开方式", value.rawValue, indent) }
                if let value = item.reasonNotProactive { scalar("不主动公开理由", value, indent) }
                if let value = item.levels, value != defaults.levels { list("公开层级", value.map(\.rawValue), indent) }
                if let value = item.remark { scalar("备注", value, indent) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
