import CatalogModel

/// What every renderer needs besides the catalog: how channels print and which 公开层级 columns there are.
public struct TableOptions: Sendable, Hashable {
    public var channelStyle: ChannelStyle
    /// Whether the printed table shows 编号 (the workbook and CSV always do).
    public var showsID: Bool
    /// The canonical levels that get a 公开层级 column, in order. Levels that an item uses are added if missing.
    public var levels: [Level]
    /// How each level is labelled (e.g. 乡级 → 乡、村级); unlabelled levels print their canonical name.
    public var levelLabels: [Level: String]

    public init(
        channelStyle: ChannelStyle = .checklist, levels: [Level] = [.county, .township],
        levelLabels: [Level: String] = [:],
        showsID: Bool = false
    ) {
        self.channelStyle = channelStyle
        self.levels = levels
        self.levelLabels = levelLabels
        self.showsID = showsID
    }

    /// The options for the catalogs of a workspace: one column per level named in its 层级名称, its own level and
    /// its jurisdictions' (whether or not an item uses it), labelled as the workspace labels them; the channel
    /// style of `--channels` if given, else of gkml.yaml 发布, else the checklist.
    public init(workspace: Workspace, channelStyle: ChannelStyle? = nil) {
        var levels = Set(workspace.jurisdictions.map(\.level.value))
        levels.insert(workspace.level.value)
        levels.formUnion(workspace.levelLabels.keys)
        self.init(
            channelStyle: channelStyle ?? workspace.publishing.channelStyle ?? .checklist, levels: levels.sorted(),
            levelLabels: workspace.levelLabels, showsID: workspace.publishing.showsID
        )
    }

    public func label(_ level: Level) -> String { levelLabels[level] ?? level.rawValue }
}

/// One column of the 公开层级 group.
public struct LevelColumn: Sendable, Hashable {
    public var level: Level
    public var label: String
}

/// One box of the channel checklist.
public struct ChannelBox: Sendable, Hashable {
    public var channel: StandardChannel
    public var ticked: Bool
    /// For 其他: the named platforms, joined with 、 (empty when none are named).
    public var detail: String

    /// "■政府网站", "□政府公报", "■其他：县人社局微信公众号".
    public var text: String {
        (ticked ? "■" : "□") + channel.rawValue + (detail.isEmpty ? "" : "：" + detail)
    }
}

/// The 公开渠道和载体 cell of one row.
public struct ChannelCell: Sendable, Hashable {
    /// All 13 boxes in table order.
    public var boxes: [ChannelBox] {
        didSet { checklistLines = ChannelCell.checklist(boxes) }
    }
    /// The entries as written, in order: standard channel names and named platforms (without 其他：).
    public var entries: [String]
    /// The channels as the catalog gives them.
    public var channels: [Channel]

    init(_ channels: [Channel]) {
        self.channels = channels
        var ticked = Set<StandardChannel>()
        var others: [String] = []
        var entries: [String] = []
        for channel in channels {
            ticked.insert(channel.box)
            switch channel {
            case .standard(let standard):
                entries.append(standard.rawValue)
            case .other(let name):
                if !others.contains(name) { others.append(name) }
                entries.append(name)
            }
        }
        boxes = StandardChannel.allCases.map { channel in
            ChannelBox(
                channel: channel, ticked: ticked.contains(channel),
                detail: channel == .other ? others.joined(separator: "、") : "")
        }
        self.entries = entries
        checklistLines = ChannelCell.checklist(boxes)
    }

    /// The checklist laid out as the official tables print it: the boxes in order, the long notice-board box on
    /// a line of its own, the others as many to a line as fit in twenty characters (three a line, so that the
    /// checklist makes a row no taller than six or seven lines). Laid out once, when the boxes are set: every
    /// renderer and the Word and Excel layouts read it several times per row.
    public private(set) var checklistLines: [String]

    static func checklist(_ boxes: [ChannelBox]) -> [String] {
        let limit = 40
        var lines: [String] = []
        var pending: [String] = []
        // The width of `pending` joined with spaces (a space is one unit), kept as boxes are added.
        var pendingUnits = 0
        func flush() {
            if !pending.isEmpty { lines.append(pending.joined(separator: " ")) }
            pending = []
            pendingUnits = 0
        }
        for box in boxes {
            let text = box.text
            if box.channel == .noticeBoard {
                flush()
                lines.append(text)
                continue
            }
            let units = ChannelCell.units(text)
            if !pending.isEmpty && pendingUnits + 1 + units > limit { flush() }
            pendingUnits = pending.isEmpty ? units : pendingUnits + 1 + units
            pending.append(text)
        }
        flush()
        return lines
    }

    /// Display width in half-ems: CJK characters and the box marks count two, Latin one.
    static func units(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x2E80 && !(0x2190...0x27BF).contains($1.value) ? 1 : 2) }
    }

    /// The plain list: the entries joined with 、.
    public var listText: String { entries.joined(separator: "、") }

    /// The chosen boxes only, one a line in checklist order, each with ■; a named platform prints as its name
    /// (■县人社局微信公众号), as the tables that print only the ticked boxes show local platforms.
    public var tickedLines: [String] {
        var lines: [String] = []
        for box in boxes where box.ticked {
            guard box.channel == .other else {
                lines.append("■" + box.channel.rawValue)
                continue
            }
            let names = others
            if names.isEmpty { lines.append("■" + box.channel.rawValue) } else { lines += names.map { "■" + $0 } }
        }
        return lines
    }

    /// The named platforms (其他：名称), in order of first appearance.
    var others: [String] {
        var names: [String] = []
        for case .other(let name) in channels where !names.contains(name) { names.append(name) }
        return names
    }

    /// The lines to print in a cell for a style.
    public func lines(_ style: ChannelStyle) -> [String] {
        switch style {
        case .checklist: checklistLines
        case .ticked: tickedLines
        case .list: entries.isEmpty ? [] : [listText]
        }
    }

    /// The cell's text where lists are joined with ；, which no channel name or label contains (CSV, search).
    public func plainText(_ style: ChannelStyle) -> String {
        switch style {
        case .checklist: checklistLines.joined(separator: " ")
        case .ticked: tickedLines.joined(separator: " ")
        case .list: entries.joined(separator: "；")
        }
    }

    /// What a reader sees as chosen, whatever the style: the ticked channel names and the named platforms.
    /// The filter searches these, never the names of unticked boxes.
    public var chosenWords: [String] {
        var words = boxes.filter { $0.ticked && $0.channel != .other }.map(\.channel.rawValue)
        if boxes.contains(where: { $0.ticked && $0.channel == .other }) { words.append(StandardChannel.other.rawValue) }
        return words + others
    }
}

/// One row of the official table (one 二级事项).
public struct TableRow: Sendable, Hashable {
    /// 序号: 1…n through the whole table.
    public var number: Int
    /// 编号.
    public var id: String
    /// 一级事项.
    public var group: String
    /// Index of the 一级事项 block in the table (0-based).
    public var groupIndex: Int
    /// True on the first row of its 一级事项 block, which carries the merged cell.
    public var startsGroup: Bool
    /// On the first row of a block: how many rows the 一级事项 cell spans; 0 on the other rows.
    public var groupSpan: Int
    /// 二级事项.
    public var name: String
    /// 公开内容(要素).
    public var content: String
    /// 公开依据, one entry a line.
    public var basis: [String]
    /// 公开时限.
    public var timeLimit: String
    /// 公开主体, one entry a line.
    public var bodies: [String]
    public var channels: ChannelCell
    public var audience: Audience
    public var mode: DisclosureMode
    /// The item's levels, in canonical order.
    public var levels: [Level]
    /// One flag per `CatalogTable.levelColumns`.
    public var levelMarks: [Bool]
    /// 不主动公开理由.
    public var reasonNotProactive: String?
    /// 备注.
    public var remark: String?
    /// The elements whose value came from 默认.
    public var inherited: [CatalogElement]

    /// √ in 公开对象 (全社会, 特定群众).
    public var audienceMarks: [Bool] { Audience.allCases.map { $0 == audience } }
    /// √ in 公开方式 (主动, 依申请公开).
    public var modeMarks: [Bool] { DisclosureMode.allCases.map { $0 == mode } }

    /// The 备注 cell: the remark, and for 依申请 items the recorded reason.
    public var remarkLines: [String] {
        var lines: [String] = []
        if let remark, !remark.isEmpty { lines.append(remark) }
        if mode == .onRequest, let reason = reasonNotProactive, !reason.isEmpty { lines.append("不主动公开理由：" + reason) }
        return lines
    }
}

/// A 一级事项 block: its name and its rows.
public struct TableGroup: Sendable, Hashable {
    public var name: String
    public var rows: [TableRow]
}

/// A leaf column of the official table, in printed order.
public enum TableColumn: Sendable, Hashable {
    case number, id, group, name, content, basis, timeLimit, bodies, channels
    case audience(Audience)
    case mode(DisclosureMode)
    case level(LevelColumn)
    case remark

    /// The header text of the leaf (second header row where the column sits under a group).
    public var title: String {
        switch self {
        case .number: "序号"
        case .id: "编号"
        case .group: "一级事项"
        case .name: "二级事项"
        case .content: "公开内容（要素）"
        case .basis: "公开依据"
        case .timeLimit: "公开时限"
        case .bodies: "公开主体"
        case .channels: "公开渠道和载体"
        case .audience(let audience): audience.rawValue
        case .mode(let mode): mode == .proactive ? "主动" : "依申请公开"
        case .level(let column): column.label
        case .remark: "备注"
        }
    }
}

/// A cell of the first header row: either a column spanning both header rows, or a group over several leaves.
public struct HeaderCell: Sendable, Hashable {
    public var title: String
    /// How many leaf columns it covers.
    public var columnSpan: Int
    /// 2 when the cell spans both header rows (no leaves under it), else 1.
    public var rowSpan: Int
    /// The leaves under it (empty when it spans both rows).
    public var leaves: [TableColumn]
}

/// A catalog laid out as the official table. Every renderer draws from this, so they cannot disagree.
public struct CatalogTable: Sendable, Hashable {
    /// 地区 + 领域 + 领域基层政务公开标准目录.
    public var title: String
    public var region: String
    public var domain: String
    /// The domain's registry entry, when the domain is known.
    public var domainInfo: Domain?
    public var level: Level
    public var publisher: String
    public var version: String
    public var effectiveDate: String?
    public var channelStyle: ChannelStyle
    /// Whether the table prints the 编号 column (the workbook and CSV carry it regardless).
    public var showsID: Bool
    public var levelColumns: [LevelColumn]
    public var groups: [TableGroup]
    /// Whether the table has a 备注 column (some item has a remark or is 依申请 with a reason).
    public var hasRemarks: Bool
    public var notApplicableEntries: [NotApplicableEntry]
    public var adjustments: [AdjustmentEntry]

    public struct NotApplicableEntry: Sendable, Hashable {
        public var id: String
        /// The baseline item's 名称, when the baseline has the 编号.
        public var name: String?
        public var reason: String

        /// "17-02-02 就业困难人员认定" (the name left out when unknown).
        public var label: String { name.map { id + " " + $0 } ?? id }
    }

    public struct AdjustmentEntry: Sendable, Hashable {
        public var date: String
        public var version: String?
        public var note: String
    }

    /// `baseline` names the 未涉及事项; by default the built-in national baseline of the catalog's domain.
    public init(
        _ catalog: Catalog, options: TableOptions = TableOptions(), registry: DomainRegistry = .pilot,
        baseline: Catalog? = nil
    ) {
        let c = PrintableText.clean
        func clean(_ channel: Channel) -> Channel {
            if case .other(let name) = channel { return .other(name: c(name)) }
            return channel
        }
        region = PrintableText.clean(catalog.region.value)
        domain = PrintableText.clean(catalog.domain.value)
        domainInfo = registry.domain(named: catalog.domain.value)
        title = CatalogTable.title(region: region, domain: domain)
        level = catalog.level.value
        publisher = PrintableText.clean(catalog.publisher.value)
        version = PrintableText.clean(catalog.version.value)
        effectiveDate = catalog.effectiveDate.map { PrintableText.clean($0.value) }
        channelStyle = options.channelStyle
        showsID = options.showsID

        var levels = options.levels
        for item in catalog.items {
            for level in item.levels.value.map(\.value) where !levels.contains(level) { levels.append(level) }
        }
        levels.sort()
        levelColumns = levels.map { LevelColumn(level: $0, label: PrintableText.clean(options.label($0))) }

        var number = 0
        var groups: [TableGroup] = []
        for group in catalog.groups where !group.items.isEmpty {
            let index = groups.count
            var rows: [TableRow] = []
            for (position, item) in group.items.enumerated() {
                number += 1
                let itemLevels = Set(item.levels.value.map(\.value))
                rows.append(
                    TableRow(
                        number: number, id: c(item.id.value), group: c(group.name.value), groupIndex: index,
                        startsGroup: position == 0, groupSpan: position == 0 ? group.items.count : 0,
                        name: c(item.name.value), content: c(item.content.value),
                        basis: item.basis.value.map { c($0.value) }, timeLimit: c(item.timeLimit.value),
                        bodies: item.bodies.value.map { c($0.value) },
                        channels: ChannelCell(item.channels.value.map { clean($0.value) }),
                        audience: item.audience.value, mode: item.mode.value,
                        levels: itemLevels.sorted(), levelMarks: levels.map { itemLevels.contains($0) },
                        reasonNotProactive: item.reasonNotProactive.map { c($0.value) },
                        remark: item.remark.map { c($0.value) },
                        inherited: CatalogElement.inheritable.filter(item.isInherited)
                    ))
            }
            groups.append(TableGroup(name: c(group.name.value), rows: rows))
        }
        self.groups = groups
        hasRemarks = groups.contains { $0.rows.contains { !$0.remarkLines.isEmpty } }
        var baselineNames: [String: String] = [:]
        if !catalog.notApplicable.isEmpty, let base = baseline ?? domainInfo.flatMap(Baseline.catalog(for:)) {
            for item in base.items { baselineNames[item.id.value] = c(item.name.value) }
        }
        notApplicableEntries = catalog.notApplicable.map {
            NotApplicableEntry(id: c($0.id.value), name: baselineNames[$0.id.value], reason: c($0.reason.value))
        }
        adjustments = catalog.adjustments.map {
            AdjustmentEntry(date: c($0.date.value), version: $0.version.map { c($0.value) }, note: c($0.note.value))
        }
    }

    /// "示例县星海镇就业领域基层政务公开标准目录".
    public static func title(region: String, domain: String) -> String {
        region + domain + "领域基层政务公开标准目录"
    }

    /// Every row in table order.
    public var rows: [TableRow] { groups.flatMap(\.rows) }

    /// The leaf columns in printed order.
    public var columns: [TableColumn] {
        var columns: [TableColumn] = [.number]
        if showsID { columns.append(.id) }
        columns += [.group, .name, .content, .basis, .timeLimit, .bodies, .channels]
        columns += Audience.allCases.map(TableColumn.audience)
        columns += DisclosureMode.allCases.map(TableColumn.mode)
        columns += levelColumns.map(TableColumn.level)
        if hasRemarks { columns.append(.remark) }
        return columns
    }

    /// The first header row; the second row holds the leaves of the cells whose `rowSpan` is 1.
    public var headerCells: [HeaderCell] {
        func single(_ column: TableColumn) -> HeaderCell {
            HeaderCell(title: column.title, columnSpan: 1, rowSpan: 2, leaves: [])
        }
        func grouped(_ title: String, _ leaves: [TableColumn]) -> HeaderCell {
            HeaderCell(title: title, columnSpan: leaves.count, rowSpan: 1, leaves: leaves)
        }
        var cells = [single(.number)]
        if showsID { cells.append(single(.id)) }
        cells.append(grouped("公开事项", [.group, .name]))
        cells += [TableColumn.content, .basis, .timeLimit, .bodies, .channels].map(single)
        cells.append(grouped("公开对象", Audience.allCases.map(TableColumn.audience)))
        cells.append(grouped("公开方式", DisclosureMode.allCases.map(TableColumn.mode)))
        if !levelColumns.isEmpty { cells.append(grouped("公开层级", levelColumns.map(TableColumn.level))) }
        if hasRemarks { cells.append(single(.remark)) }
        return cells
    }

    /// The second header row: the leaves under the grouped cells, in order.
    public var subheaderColumns: [TableColumn] { headerCells.flatMap(\.leaves) }

    /// The number of rows (items).
    public var itemCount: Int { groups.reduce(0) { $0 + $1.rows.count } }

    /// The lines of a row's cell in a leaf column. √ columns give ["√"] or [].
    public func lines(_ row: TableRow, _ column: TableColumn) -> [String] {
        switch column {
        case .number: [String(row.number)]
        case .id: [row.id]
        case .group: [row.group]
        case .name: [row.name]
        case .content: [row.content]
        case .basis: row.basis
        case .timeLimit: [row.timeLimit]
        case .bodies: row.bodies
        case .channels: row.channels.lines(channelStyle)
        case .audience(let audience): row.audience == audience ? [CatalogTable.tick] : []
        case .mode(let mode): row.mode == mode ? [CatalogTable.tick] : []
        case .level(let level): row.levels.contains(level.level) ? [CatalogTable.tick] : []
        case .remark: row.remarkLines
        }
    }

    /// The mark printed in the split columns.
    public static let tick = "√"

    /// The note printed with the table on what the boxes mean, as published tables carry it; nil for a plain list.
    public var legend: String? {
        switch channelStyle {
        case .checklist: "公开渠道和载体栏中“■”表示已勾选（选用），“□”表示未勾选。"
        case .ticked: "公开渠道和载体栏中“■”表示已勾选（选用），只列出已勾选的渠道。"
        case .list: nil
        }
    }

    /// The same table with the 编号 column, as the workbook prints it (`gkml import` reads it back).
    public var withID: CatalogTable {
        var table = self
        table.showsID = true
        return table
    }

    /// The level labels of a row's ticked 公开层级 columns.
    public func levelLabels(_ row: TableRow) -> [String] {
        levelColumns.filter { row.levels.contains($0.level) }.map(\.label)
    }

    /// What a reader sees of a row, as words: its text, the chosen channels (never the unticked boxes), the
    /// ticks as the words of their columns (全社会, 特定群众, 主动, 依申请公开, the level labels) and its 编号.
    /// The page's filter searches this.
    public func searchWords(_ row: TableRow) -> [String] {
        var words = [row.id, row.group, row.name, row.content] + row.basis + [row.timeLimit] + row.bodies
        words += row.channels.chosenWords
        words.append(row.audience.rawValue)
        words.append(row.mode == .proactive ? "主动公开" : "依申请公开")
        words += levelLabels(row)
        // The remark and the reason without the cell's 不主动公开理由： label, so that 主动 does not find 依申请 items.
        words += [row.remark, row.reasonNotProactive].compactMap { $0 }
        return words
    }
}
