import Diagnostics

/// One row of the catalog table (二级事项), with 默认 already applied.
public struct CatalogItem: Sendable, Hashable {
    /// 编号: the stable identity of the item.
    public var id: Located<String>
    /// 名称 (the 二级事项 name).
    public var name: Located<String>
    /// The 一级事项 the item sits under.
    public var group: Located<String>
    /// 公开内容(要素).
    public var content: Located<String>
    /// 公开依据.
    public var basis: Located<[Located<String>]>
    /// 公开时限, as written.
    public var timeLimit: Located<String>
    /// 公开主体.
    public var bodies: Located<[Located<String>]>
    /// 公开渠道和载体.
    public var channels: Located<[Located<Channel>]>
    /// 公开对象.
    public var audience: Located<Audience>
    /// 公开方式.
    public var mode: Located<DisclosureMode>
    /// 公开层级.
    public var levels: Located<[Located<Level>]>
    /// 不主动公开理由 (required for 依申请 items).
    public var reasonNotProactive: Located<String>?
    /// 备注.
    public var remark: Located<String>?
    /// 基准编号: the baseline item this one replaces or splits (several items may name the same one).
    public var baselineID: Located<String>?
    /// 出处: where a baseline row comes from (a guide or published table), or 未核实.
    public var provenance: Located<String>?
    /// 公开栏目: the website columns (list pages) where the item is published, for `gkml audit`.
    public var columns: Located<[Located<String>]>?
    /// Where the item's mapping starts.
    public var position: SourcePosition

    public init(
        id: Located<String>, name: Located<String>, group: Located<String>, content: Located<String>,
        basis: Located<[Located<String>]>, timeLimit: Located<String>, bodies: Located<[Located<String>]>,
        channels: Located<[Located<Channel>]>, audience: Located<Audience>, mode: Located<DisclosureMode>,
        levels: Located<[Located<Level>]>, reasonNotProactive: Located<String>? = nil,
        remark: Located<String>? = nil, baselineID: Located<String>? = nil, provenance: Located<String>? = nil,
        columns: Located<[Located<String>]>? = nil, position: SourcePosition
    ) {
        self.columns = columns
        self.id = id
        self.name = name
        self.group = group
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
        self.baselineID = baselineID
        self.provenance = provenance
        self.position = position
    }

    /// Whether the item is a baseline row not seen in any source (出处: 未核实…).
    public var isUnconfirmed: Bool { provenance?.value.hasPrefix("未核实") ?? false }

    /// The identity-keyed path of the item, e.g. `/事项/编号=JY-01-01`.
    public var path: String { "/事项/编号=\(id.value)" }

    /// The identity-keyed path of one element of the item.
    public func path(_ element: CatalogElement) -> String { "\(path)/\(element.rawValue)" }

    /// Where an element is written (for inherited values: in 默认).
    public func position(of element: CatalogElement) -> SourcePosition? {
        switch element {
        case .name: name.position
        case .content: content.position
        case .basis: basis.position
        case .timeLimit: timeLimit.position
        case .bodies: bodies.position
        case .channels: channels.position
        case .audience: audience.position
        case .mode: mode.position
        case .levels: levels.position
        case .reasonNotProactive: reasonNotProactive?.position
        case .remark: remark?.position
        }
    }

    /// Whether an element's value came from 默认.
    public func isInherited(_ element: CatalogElement) -> Bool {
        switch element {
        case .basis: basis.inherited
        case .timeLimit: timeLimit.inherited
        case .bodies: bodies.inherited
        case .channels: channels.inherited
        case .audience: audience.inherited
        case .mode: mode.inherited
        case .levels: levels.inherited
        default: false
        }
    }
}

/// 一级事项 with its rows.
public struct ItemGroup: Sendable, Hashable {
    public var name: Located<String>
    public var items: [CatalogItem]

    public init(name: Located<String>, items: [CatalogItem]) {
        self.name = name
        self.items = items
    }
}

/// 默认: the element values items inherit. Each is optional.
public struct CatalogDefaults: Sendable, Hashable {
    public var basis: Located<[Located<String>]>?
    public var timeLimit: Located<String>?
    public var bodies: Located<[Located<String>]>?
    public var channels: Located<[Located<Channel>]>?
    public var audience: Located<Audience>?
    public var mode: Located<DisclosureMode>?
    public var levels: Located<[Located<Level>]>?
    public var columns: Located<[Located<String>]>?
    public var position: SourcePosition

    public init(position: SourcePosition) { self.position = position }
}

/// An entry of 未涉及事项: a baseline item that does not apply here, with the reason.
public struct NotApplicableItem: Sendable, Hashable {
    public var id: Located<String>
    public var reason: Located<String>

    public init(id: Located<String>, reason: Located<String>) {
        self.id = id
        self.reason = reason
    }
}

/// An entry of 调整记录: the human record of one 动态调整.
public struct Adjustment: Sendable, Hashable {
    public var date: Located<String>
    public var version: Located<String>?
    public var note: Located<String>
    /// 批准文号 / 批准人, 批准日期 and 批准事项, when the adjustment was approved.
    public var approval: Approval?

    public init(date: Located<String>, version: Located<String>?, note: Located<String>, approval: Approval? = nil) {
        self.date = date
        self.version = version
        self.note = note
        self.approval = approval
    }
}

/// One domain's catalog of one jurisdiction (a gkml/1 file), decoded and with 默认 applied.
public struct Catalog: Sendable, Hashable {
    /// The file it was read from, as the user named it.
    public var file: String
    /// 领域 as written.
    public var domain: Located<String>
    /// 地区.
    public var region: Located<String>
    /// 层级.
    public var level: Located<Level>
    /// 发布机构.
    public var publisher: Located<String>
    /// 版本.
    public var version: Located<String>
    /// 生效日期 (YYYY-MM-DD).
    public var effectiveDate: Located<String>?
    public var defaults: CatalogDefaults?
    public var groups: [ItemGroup]
    public var notApplicable: [NotApplicableItem]
    public var adjustments: [Adjustment]

    public init(
        file: String, domain: Located<String>, region: Located<String>, level: Located<Level>,
        publisher: Located<String>, version: Located<String>, effectiveDate: Located<String>? = nil,
        defaults: CatalogDefaults? = nil, groups: [ItemGroup], notApplicable: [NotApplicableItem] = [],
        adjustments: [Adjustment] = []
    ) {
        self.file = file
        self.domain = domain
        self.region = region
        self.level = level
        self.publisher = publisher
        self.version = version
        self.effectiveDate = effectiveDate
        self.defaults = defaults
        self.groups = groups
        self.notApplicable = notApplicable
        self.adjustments = adjustments
    }

    /// Every item in table order, read in place in the groups (no item copied): for going through them all.
    public var itemTable: CatalogItemTable { CatalogItemTable(groups) }

    /// Every item in table order, copied into a new array.
    public var items: [CatalogItem] {
        // Sized once: `flatMap` grows the array as it goes, copying the (large) items at each growth.
        var all: [CatalogItem] = []
        all.reserveCapacity(groups.reduce(0) { $0 + $1.items.count })
        for group in groups { all += group.items }
        return all
    }
}

/// A catalog's items in table order, read in place in their groups: `table[i].id` copies no `CatalogItem` (a copy
/// retains each of its strings and arrays), where flattening them into an array copies every item. Iterating it
/// with `for item in table` binds a copy of each; rules that go through every item read `table[i].element` instead.
public struct CatalogItemTable: RandomAccessCollection, Sendable {
    /// Where an item is: its group's index in `groups` and its index in that group's items.
    @usableFromInline struct Place: Sendable {
        @usableFromInline var group: Int32
        @usableFromInline var item: Int32
    }

    /// The groups the items are read from.
    public let groups: [ItemGroup]
    @usableFromInline let places: [Place]

    public init(_ groups: [ItemGroup]) {
        self.groups = groups
        var places: [Place] = []
        places.reserveCapacity(groups.reduce(0) { $0 + $1.items.count })
        for group in groups.indices {
            for item in groups[group].items.indices { places.append(Place(group: Int32(group), item: Int32(item))) }
        }
        self.places = places
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { places.count }

    // Lent in place, and inlinable: a getter, or a call into this module, returned a copy of the item.
    @inlinable public subscript(position: Int) -> CatalogItem {
        _read {
            let place = places[position]
            yield groups[Int(place.group)].items[Int(place.item)]
        }
    }
}
