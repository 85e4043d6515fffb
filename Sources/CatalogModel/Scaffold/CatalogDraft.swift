/// A catalog as plain values, without source positions: what `gkml init` builds and `CatalogWriter` writes.
/// Decoding the written text gives back the same values (`CatalogDraft(catalog)`), which is how the
/// round trip is tested.
public struct CatalogDraft: Sendable, Hashable {
    public var domain: String
    public var region: String
    public var level: Level
    public var publisher: String
    public var version: String
    public var effectiveDate: String?
    public var groups: [Group]
    public var notApplicable: [NotApplicable]
    public var adjustments: [AdjustmentEntry]

    public init(
        domain: String, region: String, level: Level, publisher: String, version: String,
        effectiveDate: String? = nil, groups: [Group], notApplicable: [NotApplicable] = [],
        adjustments: [AdjustmentEntry] = []
    ) {
        self.domain = domain
        self.region = region
        self.level = level
        self.publisher = publisher
        self.version = version
        self.effectiveDate = effectiveDate
        self.groups = groups
        self.notApplicable = notApplicable
        self.adjustments = adjustments
    }

    /// The plain values of a decoded catalog (默认 already applied to its items).
    public init(_ catalog: Catalog) {
        self.init(
            domain: catalog.domain.value, region: catalog.region.value, level: catalog.level.value,
            publisher: catalog.publisher.value, version: catalog.version.value,
            effectiveDate: catalog.effectiveDate?.value,
            groups: catalog.groups.map { Group(name: $0.name.value, items: $0.items.map(Item.init)) },
            notApplicable: catalog.notApplicable.map { NotApplicable(id: $0.id.value, reason: $0.reason.value) },
            adjustments: catalog.adjustments.map {
                AdjustmentEntry(date: $0.date.value, version: $0.version?.value, note: $0.note.value)
            })
    }

    /// Every item in table order.
    public var items: [Item] { groups.flatMap(\.items) }

    /// 一级事项 with its rows.
    public struct Group: Sendable, Hashable {
        public var name: String
        public var items: [Item]

        public init(name: String, items: [Item]) {
            self.name = name
            self.items = items
        }
    }

    /// One row, every element explicit.
    public struct Item: Sendable, Hashable {
        public var id: String
        public var name: String
        public var content: String
        public var basis: [String]
        public var timeLimit: String
        public var bodies: [String]
        /// 公开渠道 entries as written (`政府网站`, `其他：县人社局微信公众号`).
        public var channels: [String]
        public var audience: Audience
        public var mode: DisclosureMode
        public var levels: [Level]
        public var reasonNotProactive: String?
        public var remark: String?

        public init(
            id: String, name: String, content: String, basis: [String], timeLimit: String, bodies: [String],
            channels: [String], audience: Audience, mode: DisclosureMode, levels: [Level],
            reasonNotProactive: String? = nil, remark: String? = nil
        ) {
            self.id = id
            self.name = name
            self.content = content
            self.basis = basis
            self.timeLimit = timeLimit
            self.bodies = bodies
            self.channels = channels
            self.audience = audience
            self.mode = mode
            self.levels = levels
            self.reasonNotProactive = reasonNotProactive
            self.remark = remark
        }

        public init(_ item: CatalogItem) {
            self.init(
                id: item.id.value, name: item.name.value, content: item.content.value,
                basis: item.basis.value.map(\.value), timeLimit: item.timeLimit.value,
                bodies: item.bodies.value.map(\.value), channels: item.channels.value.map { $0.value.text },
                audience: item.audience.value, mode: item.mode.value, levels: item.levels.value.map(\.value),
                reasonNotProactive: item.reasonNotProactive?.value, remark: item.remark?.value)
        }
    }

    /// An entry of 未涉及事项.
    public struct NotApplicable: Sendable, Hashable {
        public var id: String
        public var reason: String

        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    /// An entry of 调整记录.
    public struct AdjustmentEntry: Sendable, Hashable {
        public var date: String
        public var version: String?
        public var note: String

        public init(date: String, version: String?, note: String) {
            self.date = date
            self.version = version
            self.note = note
        }
    }
}
