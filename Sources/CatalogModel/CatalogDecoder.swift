import Diagnostics
import YAMLTree

/// Decodes a schema-valid YAML tree into a `Catalog`, applying 默认. Returns nil where the tree does not
/// have the catalog's shape (the schema reports why; the decoder never guesses).
public enum CatalogDecoder {
    public static func decode(_ root: YAMLNode, file: String) -> Catalog? {
        guard root.mapping != nil,
            let domain = text(root["领域"]),
            let region = text(root["地区"]),
            let level = enumValue(Level.named, root["层级"]),
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
                guard decodeItem(itemNode, group: groupName, inherit: inherit, into: &items) else { return nil }
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
        defaults.audience = enumValue(Audience.named, node["公开对象"])
        defaults.mode = enumValue(DisclosureMode.named, node["公开方式"])
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

    /// Appends the item to `items`; false when the node does not have an item's shape. `inherit` holds the file's
    /// 默认 with every field already marked inherited (fields nil when none). The item is built straight into the
    /// array: returned as an optional, the 600-byte item was copied and the original destroyed once per item.
    static func decodeItem(
        _ node: YAMLNode, group: Located<String>, inherit: CatalogDefaults, into items: inout [CatalogItem]
    ) -> Bool {
        guard case .mapping(let pairs) = node.value else { return false }
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
        // Each field is read in place from its pair: a copy of the value node per field (and its destruction) cost
        // more than reading the field.
        func fieldText(_ key: ItemKey) -> Located<String>? {
            let i = Int(at[key.rawValue])
            guard i >= 0, case .string(let string) = pairs[i].value.value else { return nil }
            return Located(string, at: pairs[i].value.start)
        }
        func fieldList<T>(_ key: ItemKey, _ element: (String) -> T?) -> Located<[Located<T>]>? {
            let i = Int(at[key.rawValue])
            guard i >= 0, case .sequence(let entries) = pairs[i].value.value else { return nil }
            return list(entries, at: pairs[i].value.start, element)
        }
        guard let id = fieldText(.id),
            let name = fieldText(.name),
            let content = fieldText(.content),
            let basis = fieldList(.basis, { $0 }) ?? inherit.basis,
            let timeLimit = fieldText(.timeLimit) ?? inherit.timeLimit,
            let bodies = fieldList(.bodies, { $0 }) ?? inherit.bodies,
            let channels = fieldList(.channels, ChannelAliases.tolerantChannel) ?? inherit.channels,
            let audience = word(fieldText(.audience), Audience.named) ?? inherit.audience,
            let mode = word(fieldText(.mode), DisclosureMode.named) ?? inherit.mode,
            let levels = fieldList(.levels, Level.named) ?? inherit.levels
        else { return false }
        items.append(
            CatalogItem(
                id: id, name: name, group: group, content: content, basis: basis, timeLimit: timeLimit,
                bodies: bodies, channels: channels, audience: audience, mode: mode, levels: levels,
                reasonNotProactive: fieldText(.reasonNotProactive), remark: fieldText(.remark),
                baselineID: fieldText(.baselineID), provenance: fieldText(.provenance),
                columns: fieldList(.columns, { $0 }) ?? inherit.columns, position: node.start
            ))
        return true
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

    /// A vocabulary word (`Level.named`, …) with its position.
    static func enumValue<E>(_ named: (String) -> E?, _ node: YAMLNode?) -> Located<E>? {
        word(text(node), named)
    }

    /// The vocabulary word a located text names, at the text's position.
    static func word<E>(_ located: Located<String>?, _ named: (String) -> E?) -> Located<E>? {
        guard let located, let value = named(located.value) else { return nil }
        return Located(value, at: located.position)
    }

    /// A list of texts, each read by `element`; nil unless every entry is a text that it reads.
    static func list<T>(_ node: YAMLNode?, _ element: (String) -> T?) -> Located<[Located<T>]>? {
        guard let node, case .sequence(let entries) = node.value else { return nil }
        return list(entries, at: node.start, element)
    }

    /// A sequence's entries (the sequence starting at `start`), each a text read by `element`.
    static func list<T>(_ entries: [YAMLNode], at start: SourcePosition, _ element: (String) -> T?)
        -> Located<[Located<T>]>?
    {
        // Entries are read in place (a whole node copied per entry cost more than its text), into an array made at
        // its size (`reserveCapacity` on an empty array took the general path of growing one).
        var complete = true
        let values = [Located<T>](unsafeUninitializedCapacity: entries.count) { buffer, count in
            for i in entries.indices {
                guard let text = entries[i].string, let value = element(text) else {
                    complete = false
                    return
                }
                (buffer.baseAddress! + count).initialize(to: Located(value, at: entries[i].start))
                count += 1
            }
        }
        return complete ? Located(values, at: start) : nil
    }

    static func textList(_ node: YAMLNode?) -> Located<[Located<String>]>? {
        list(node) { $0 }
    }

    static func channelList(_ node: YAMLNode?) -> Located<[Located<Channel>]>? {
        // Names that are not standard (公示栏, 公众号) are read for their meaning; the lint rule reports them.
        list(node, ChannelAliases.tolerantChannel)
    }

    static func levelList(_ node: YAMLNode?) -> Located<[Located<Level>]>? {
        list(node, Level.named)
    }
}

/// Decodes a schema-valid gkml.yaml tree into a `Workspace`.
public enum WorkspaceDecoder {
    public static func decode(_ root: YAMLNode, file: String, rootFolder: String) -> Workspace? {
        typealias D = CatalogDecoder
        guard root.mapping != nil,
            let region = D.text(root["地区"]),
            let level = D.enumValue(Level.named, root["层级"]),
            let jurisdictionNodes = root["辖区"]?.sequence
        else { return nil }
        var jurisdictions: [Jurisdiction] = []
        // Places give the same few reasons for thousands of 未涉及领域 entries: each distinct text is kept once, so
        // the workspace does not hold one copy per entry for the whole run (12,000 of them at province scale).
        var reasons: Set<String> = []
        for node in jurisdictionNodes {
            guard let name = D.text(node["名称"]), let level = D.enumValue(Level.named, node["层级"]),
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
