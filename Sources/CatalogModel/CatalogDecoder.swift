import Diagnostics
import YAMLTree

/// Decodes a schema-valid YAML tree into a `Catalog`, applying 默认. Returns nil where the tree does not
/// have the catalog's shape (the schema reports why; the decoder never guesses).
public enum CatalogDecoder {
    public static func decode(_ root: YAMLNode, file: String) -> Catalog? {
        guard root.mapping != nil,
            let domain = text(root["领域"]),
            let region = text(root["地区"]),
            let level = enumValue(Level.self, root["层级"]),
            let publisher = text(root["发布机构"]),
            let version = text(root["版本"]),
            let groupNodes = root["事项"]?.sequence
        else { return nil }

        let defaults = root["默认"].flatMap(decodeDefaults)
        // Marked inherited once per file: each item then copies only the fields it takes, not the whole 默认.
        let inherit = defaults.map(markedInherited) ?? CatalogDefaults(position: root.start)
        var groups: [ItemGroup] = []
        for groupNode in groupNodes {
            guard let groupName = text(groupNode["一级事项"]), let itemNodes = groupNode["二级事项"]?.sequence else {
                return nil
            }
            var items: [CatalogItem] = []
            items.reserveCapacity(itemNodes.count)
            for itemNode in itemNodes {
                guard let item = decodeItem(itemNode, group: groupName, inherit: inherit) else { return nil }
                items.append(item)
            }
            groups.append(ItemGroup(name: groupName, items: items))
        }
        let notApplicable = (root["未涉及事项"]?.sequence ?? []).compactMap { node -> NotApplicableItem? in
            guard let id = text(node["编号"]), let reason = text(node["说明"]) else { return nil }
            return NotApplicableItem(id: id, reason: reason)
        }
        let adjustments = (root["调整记录"]?.sequence ?? []).compactMap { node -> Adjustment? in
            guard let date = text(node["日期"]), let note = text(node["说明"]) else { return nil }
            return Adjustment(date: date, version: text(node["版本"]), note: note, approval: decodeApproval(node))
        }
        return Catalog(
            file: file, domain: domain, region: region, level: level, publisher: publisher,
            version: version, effectiveDate: text(root["生效日期"]), defaults: defaults, groups: groups,
            notApplicable: notApplicable, adjustments: adjustments
        )
    }

    /// 批准文号 / 批准人, 批准日期 and 批准事项 of one 调整记录 entry; nil when it names no approval.
    static func decodeApproval(_ node: YAMLNode) -> Approval? {
        let number = text(node["批准文号"]), approver = text(node["批准人"]), date = text(node["批准日期"])
        let changes = (node["批准事项"]?.sequence ?? []).compactMap { entry -> ApprovedChange? in
            guard let id = text(entry["编号"]), let kind = text(entry["变更"]),
                let value = ApprovedChangeKind(rawValue: kind.value), let reason = text(entry["理由"])
            else { return nil }
            return ApprovedChange(id: id, kind: Located(value, at: kind.position), reason: reason)
        }
        guard number != nil || approver != nil || date != nil || !changes.isEmpty else { return nil }
        return Approval(documentNumber: number, approver: approver, date: date, changes: changes)
    }

    static func decodeDefaults(_ node: YAMLNode) -> CatalogDefaults? {
        guard node.mapping != nil else { return nil }
        var defaults = CatalogDefaults(position: node.start)
        defaults.basis = textList(node["公开依据"])
        defaults.timeLimit = text(node["公开时限"])
        defaults.bodies = textList(node["公开主体"])
        defaults.channels = channelList(node["公开渠道"])
        defaults.audience = enumValue(Audience.self, node["公开对象"])
        defaults.mode = enumValue(DisclosureMode.self, node["公开方式"])
        defaults.levels = levelList(node["公开层级"])
        defaults.columns = textList(node["公开栏目"])
        return defaults
    }

    /// The keys an item is decoded from.
    enum ItemKey: Int, CaseIterable {
        case id, name, content, basis, timeLimit, bodies, channels, audience, mode, levels
        case reasonNotProactive, remark, baselineID, provenance, columns

        /// The keys as written in YAML, indexed by `rawValue`.
        static let texts = [
            "编号", "名称", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级",
            "不主动公开理由", "备注", "基准编号", "出处", "公开栏目",
        ]
    }

    /// `inherit` holds the file's 默认 with every field already marked inherited (fields nil when none).
    static func decodeItem(_ node: YAMLNode, group: Located<String>, inherit: CatalogDefaults) -> CatalogItem? {
        guard case .mapping(let pairs) = node.value else { return nil }
        // One pass over the item's pairs finds the position of each key (the first one, as `node[key]` would),
        // instead of a scan of the pairs per key. The positions are a value on the stack, not a temporary
        // allocation whose closure would return the item (copied out, then destroyed).
        assert(ItemKey.texts.count == ItemKey.allCases.count && ItemKey.allCases.count <= 16)
        var at = SIMD16<Int32>(repeating: -1)
        let keys = ItemKey.texts
        for i in pairs.indices {
            let key = pairs[i].key.keyText
            for k in keys.indices where at[k] < 0 && sameUTF8(key, keys[k]) {
                at[k] = Int32(i)
                break
            }
        }
        func field(_ key: ItemKey) -> YAMLNode? { at[key.rawValue] < 0 ? nil : pairs[Int(at[key.rawValue])].value }
        guard let id = text(field(.id)),
            let name = text(field(.name)),
            let content = text(field(.content)),
            let basis = textList(field(.basis)) ?? inherit.basis,
            let timeLimit = text(field(.timeLimit)) ?? inherit.timeLimit,
            let bodies = textList(field(.bodies)) ?? inherit.bodies,
            let channels = channelList(field(.channels)) ?? inherit.channels,
            let audience = enumValue(Audience.self, field(.audience)) ?? inherit.audience,
            let mode = enumValue(DisclosureMode.self, field(.mode)) ?? inherit.mode,
            let levels = levelList(field(.levels)) ?? inherit.levels
        else { return nil }
        return CatalogItem(
            id: id, name: name, group: group, content: content, basis: basis, timeLimit: timeLimit,
            bodies: bodies, channels: channels, audience: audience, mode: mode, levels: levels,
            reasonNotProactive: text(field(.reasonNotProactive)), remark: text(field(.remark)),
            baselineID: text(field(.baselineID)), provenance: text(field(.provenance)),
            columns: textList(field(.columns)) ?? inherit.columns, position: node.start
        )
    }

    /// The defaults with each field marked as inherited, as an item that takes it sees it.
    static func markedInherited(_ defaults: CatalogDefaults) -> CatalogDefaults {
        var d = defaults
        d.basis = inherited(d.basis)
        d.timeLimit = inherited(d.timeLimit)
        d.bodies = inherited(d.bodies)
        d.channels = inherited(d.channels)
        d.audience = inherited(d.audience)
        d.mode = inherited(d.mode)
        d.levels = inherited(d.levels)
        d.columns = inherited(d.columns)
        return d
    }

    static func inherited<T>(_ value: Located<T>?) -> Located<T>? {
        guard var value else { return nil }
        value.inherited = true
        return value
    }

    static func text(_ node: YAMLNode?) -> Located<String>? {
        guard let node, let string = node.string else { return nil }
        return Located(string, at: node.start)
    }

    static func enumValue<E: RawRepresentable>(_: E.Type, _ node: YAMLNode?) -> Located<E>? where E.RawValue == String {
        guard let located = text(node), let value = E(rawValue: located.value) else { return nil }
        return Located(value, at: located.position)
    }

    static func list<T>(_ node: YAMLNode?, _ element: (YAMLNode) -> T?) -> Located<[Located<T>]>? {
        guard let node, let entries = node.sequence else { return nil }
        var values: [Located<T>] = []
        values.reserveCapacity(entries.count)
        for entry in entries {
            guard let value = element(entry) else { return nil }
            values.append(Located(value, at: entry.start))
        }
        return Located(values, at: node.start)
    }

    static func textList(_ node: YAMLNode?) -> Located<[Located<String>]>? {
        list(node) { $0.string }
    }

    static func channelList(_ node: YAMLNode?) -> Located<[Located<Channel>]>? {
        // Names that are not standard (公示栏, 公众号) are read for their meaning; the lint rule reports them.
        list(node) { $0.string.flatMap(ChannelAliases.tolerantChannel) }
    }

    static func levelList(_ node: YAMLNode?) -> Located<[Located<Level>]>? {
        list(node) { $0.string.flatMap(Level.init(rawValue:)) }
    }
}

/// Decodes a schema-valid gkml.yaml tree into a `Workspace`.
public enum WorkspaceDecoder {
    public static func decode(_ root: YAMLNode, file: String, rootFolder: String) -> Workspace? {
        typealias D = CatalogDecoder
        guard root.mapping != nil,
            let region = D.text(root["地区"]),
            let level = D.enumValue(Level.self, root["层级"]),
            let jurisdictionNodes = root["辖区"]?.sequence
        else { return nil }
        var jurisdictions: [Jurisdiction] = []
        // Places give the same few reasons for thousands of 未涉及领域 entries: each distinct text is kept once, so
        // the workspace does not hold one copy per entry for the whole run (12,000 of them at province scale).
        var reasons: Set<String> = []
        for node in jurisdictionNodes {
            guard let name = D.text(node["名称"]), let level = D.enumValue(Level.self, node["层级"]),
                let folder = D.text(node["目录"])
            else { return nil }
            var notApplicable: [Located<String>: String] = [:]
            for entry in node["未涉及领域"]?.sequence ?? [] {
                if let domain = D.text(entry["领域"]), let reason = entry["说明"]?.string {
                    notApplicable[domain] = reasons.insert(reason).memberAfterInsert
                }
            }
            jurisdictions.append(
                Jurisdiction(
                    name: name, level: level, folder: folder, domainsNotApplicable: notApplicable, position: node.start)
            )
        }
        var labels: [Level: String] = [:]
        for pair in root["层级名称"]?.mapping ?? [] {
            if let level = Level(rawValue: pair.key.keyText), let label = pair.value.string { labels[level] = label }
        }
        let extraDomains = (root["扩展领域"]?.sequence ?? []).compactMap { node -> ExtraDomain? in
            guard let name = D.text(node["名称"]) else { return nil }
            return ExtraDomain(
                name: name, code: node["代码"]?.string, slug: node["英文名"]?.string,
                aliases: node["别名"]?.sequence?.compactMap(\.string) ?? []
            )
        }
        var rules: [String: RuleSetting] = [:]
        for pair in root["规则"]?.mapping ?? [] {
            if let word = pair.value.string, let setting = RuleSetting(word) { rules[pair.key.keyText] = setting }
        }
        return Workspace(
            file: file, root: rootFolder, region: region, level: level, publisher: D.text(root["发布机构"]),
            baselineFolder: D.text(root["基准目录"]),
            bodies: root["机构名录"]?.sequence?.compactMap { D.text($0) } ?? [],
            levelLabels: labels, jurisdictions: jurisdictions, extraDomains: extraDomains, rules: rules,
            coverage: root["领域覆盖"]?.string.flatMap(RuleSetting.init) ?? .severity(.warning),
            publishing: PublishSettings(
                channelStyle: root["发布"]?["公开渠道"]?.string.flatMap(ChannelStyle.init(word:)),
                showsID: root["发布"]?["编号列"]?.string.flatMap(PublishSettings.showsID(word:)) ?? false
            )
        )
    }
}
