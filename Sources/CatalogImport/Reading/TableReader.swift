import CatalogModel
import Diagnostics
import Foundation

/// Reads the rows of a recognised catalog table into items, applying the cell rules and noting every guess.
public struct TableReader {
    public var registry: DomainRegistry
    /// Level labels the workspace already uses (gkml.yaml 层级名称), so that its own labels map back.
    public var knownLabels: [Level: String]

    public init(registry: DomainRegistry = .pilot, knownLabels: [Level: String] = [:]) {
        self.registry = registry
        self.knownLabels = knownLabels
    }

    /// Every catalog table of a document (tables without a catalog header are skipped and noted).
    public func read(_ document: SourceDocument, notes: inout [ImportNote]) -> [ImportedCatalog] {
        var catalogs: [ImportedCatalog] = []
        for table in joiningContinuations(document.tables) {
            guard let header = HeaderRecognizer.find(in: table, knownLabels: knownLabels) else {
                if table.rows.contains(where: { $0.contains { !$0.text.isEmpty } }) {
                    notes.append(
                        ImportNote(
                            "import-table-skipped", .info, place: table.place,
                            zh: "没有找到公开目录的表头（公开内容、公开依据、公开时限、公开主体、公开渠道等），未导入此表",
                            en: "no catalog header found (公开内容, 公开依据, 公开时限, 公开主体, 公开渠道 …); table not imported"))
                }
                continue
            }
            catalogs.append(read(table, header: header, notes: &notes))
        }
        return catalogs
    }

    /// A Word table split across pages is often several tables, each repeating the header (gkml writes one per
    /// printed page; clerks split long tables the same way). A table whose first rows repeat the header of the
    /// catalog table before it, with nothing but a 续表 mark between them, continues that table.
    func joiningContinuations(_ tables: [SourceTable]) -> [SourceTable] {
        var joined: [SourceTable] = []
        var header: TableHeader?
        for table in tables {
            if table.kind == .docx, var previous = joined.last, let header,
                Self.continues(table, previous: previous, header: header)
            {
                let offset = previous.rows.count
                previous.rows += table.rows
                previous.rowNumbers += table.rowNumbers
                previous.rowTableNumbers += Array(repeating: table.number, count: table.rows.count)
                for (row, id) in table.rowIdentities { previous.rowIdentities[row + offset] = id }
                joined[joined.count - 1] = previous
                continue
            }
            var table = table
            table.rowTableNumbers = Array(repeating: table.number, count: table.rows.count)
            joined.append(table)
            header = HeaderRecognizer.find(in: table, knownLabels: knownLabels)
        }
        return joined
    }

    /// Lines a clerk prints between the parts of a split table.
    static let continuationMarks: Set<String> = ["续表", "续上表", "(续)", "(续表)", "续"]

    static func continues(_ table: SourceTable, previous: SourceTable, header: TableHeader) -> Bool {
        guard table.width == previous.width, table.rows.count > header.height,
            table.linesBefore.allSatisfy({ continuationMarks.contains(HeaderRecognizer.normalize($0)) })
        else { return false }
        for offset in 0..<header.height {
            let repeated = table.rows[offset].map { HeaderRecognizer.normalize($0.text) }
            let original = previous.rows[header.row + offset].map { HeaderRecognizer.normalize($0.text) }
            if repeated != original || original.allSatisfy(\.isEmpty) { return false }
        }
        return true
    }

    func read(_ table: SourceTable, header: TableHeader, notes: inout [ImportNote]) -> ImportedCatalog {
        var catalog = ImportedCatalog(source: table, header: header, levelLabels: header.levelLabels, items: [])
        readFacts(table, header: header, into: &catalog)
        let headerTexts = table.rows[header.row].map { HeaderRecognizer.normalize($0.text) }
        var above: [String] = Array(repeating: "", count: table.width)
        var r = header.row + header.height
        while r < table.rows.count {
            defer { r += 1 }
            let row = table.rows[r]
            let texts = row.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            if texts.allSatisfy(\.isEmpty) { continue }
            // A header repeated on a new page.
            if row.map({ HeaderRecognizer.normalize($0.text) }) == headerTexts { r += header.height - 1; continue }
            // A note under the table ("注：…", "说明：…") in one (merged) cell ends it.
            let filled = Set(texts.filter { !$0.isEmpty })
            if filled.count == 1, let only = filled.first,
                only.hasPrefix("注") || only.hasPrefix("说明") || only.hasPrefix("备注")
            {
                notes.append(
                    ImportNote(
                        "import-note-row", .info, place: table.place(row: r),
                        zh: "表格下方的说明未导入：\(only.prefix(60))", en: "note under the table not imported: \(only.prefix(60))"
                    ))
                continue
            }
            var values = Array(repeating: "", count: table.width)
            for c in 0..<table.width {
                let cell = row[c]
                if cell.mergedFromAbove {
                    values[c] = above[c]
                } else if texts[c] == "同上" {
                    values[c] = above[c]
                    notes.append(
                        ImportNote(
                            "import-same-as-above", .info, place: table.place(row: r, column: c),
                            zh: "「同上」取上一行的值", en: "\"同上\" takes the value of the row above"))
                } else {
                    values[c] = texts[c]
                }
            }
            if let item = item(
                table, header: header, row: r, values: values, above: above, catalog: &catalog, notes: &notes)
            {
                catalog.items.append(item)
            }
            above = values
            // Continued values become the row's own, so that a third row continues the same text.
            if let g = header.column(.group), values[g].isEmpty, let last = catalog.items.last { above[g] = last.group }
        }
        return catalog
    }

    func item(
        _ table: SourceTable, header: TableHeader, row r: Int, values: [String], above: [String],
        catalog: inout ImportedCatalog, notes: inout [ImportNote]
    ) -> ImportedItem? {
        func value(_ role: ColumnRole) -> (text: String, column: Int)? {
            header.column(role).map { (values[$0], $0) }
        }
        func place(_ column: Int) -> LocalizedText { table.place(row: r, column: column) }
        /// A blank cell in a column that carries on down the table continues the row above (a merge lost on a
        /// web page or in a CSV): noted, since a person should confirm it.
        func continued(_ role: ColumnRole, _ label: String) -> String? {
            guard let (text, column) = value(role) else { return nil }
            if !text.isEmpty { return text }
            let previous = above[column]
            guard !previous.isEmpty, !catalog.items.isEmpty else { return nil }
            notes.append(
                ImportNote(
                    "import-blank-continued", .warning, place: place(column),
                    zh: "「\(label)」为空，按上一行的值读取", en: "\(label) is blank; read as the value of the row above"))
            return previous
        }

        let name = value(.name)?.text ?? ""
        var group = value(.group)?.text ?? ""
        if group.isEmpty, let last = catalog.items.last, header.has(.group) { group = last.group }
        let content = value(.content)?.text ?? ""
        if name.isEmpty && content.isEmpty {
            if values.contains(where: { !$0.isEmpty }) {
                notes.append(
                    ImportNote(
                        "import-row-skipped", .warning, place: table.place(row: r),
                        zh: "此行没有事项名称和公开内容，未导入", en: "row has neither an item name nor 公开内容; not imported"))
            }
            return nil
        }
        if !header.has(.group) {
            group = name
            if catalog.items.isEmpty {
                notes.append(
                    ImportNote(
                        "import-no-group-column", .warning, place: table.place,
                        zh: "表格没有「一级事项」列：以事项名称作为一级事项",
                        en: "the table has no 一级事项 column: each item's name is used as its 一级事项"))
            }
        }
        var item = ImportedItem(group: group, name: name, content: content, place: table.place(row: r))
        if name.isEmpty, let c = header.column(.name) {
            notes.append(
                ImportNote("import-empty-name", .warning, place: place(c), zh: "二级事项名称为空", en: "the item name is empty")
            )
        }
        if !header.has(.id), let id = table.rowIdentities[r] { item.id = id }
        if let (text, column) = value(.id), !text.isEmpty {
            if text.range(of: #"^[0-9A-Z]{2,4}(-[0-9]{2}){2,3}$"#, options: .regularExpression) != nil {
                item.id = text
            } else {
                notes.append(
                    ImportNote(
                        "import-bad-id", .warning, place: place(column),
                        zh: "编号「\(text)」不符合格式（如 17-01-01），按基准目录重新匹配",
                        en: "编号 \"\(text)\" is malformed (e.g. 17-01-01); matched against the baseline instead"))
            }
        }
        if let text = continued(.basis, "公开依据") { item.basis = CellRules.basis(text) }
        if let text = continued(.timeLimit, "公开时限") { item.timeLimit = text }
        if let text = continued(.bodies, "公开主体") { item.bodies = CellRules.bodies(text) }
        if let text = continued(.channels, "公开渠道和载体"), let column = header.column(.channels) {
            let reading = CellRules.channels(text)
            item.channels = reading.channels
            for (written, standard) in reading.variants {
                notes.append(
                    ImportNote(
                        "import-channel-variant", .info, place: place(column),
                        zh: "渠道「\(written)」读作标准渠道「\(standard.rawValue)」",
                        en: "channel \"\(written)\" read as the standard box \"\(standard.rawValue)\""))
            }
            for name in reading.unknown {
                notes.append(
                    ImportNote(
                        "import-channel-other", .info, place: place(column),
                        zh: "渠道「\(name)」不是标准渠道，记为「其他：\(name)」",
                        en: "channel \"\(name)\" is not a standard box; kept as \"其他：\(name)\""))
            }
            if reading.bareOther {
                notes.append(
                    ImportNote(
                        "import-channel-bare-other", .warning, place: place(column),
                        zh: "勾选了「其他」但没有写明平台名称，未导入此项", en: "the 其他 box is ticked without a platform name; not imported"))
            }
            if let note = reading.note { item.remark = note }
            if reading.channels.isEmpty {
                item.channels = nil
                notes.append(
                    ImportNote(
                        "import-no-channel", .warning, place: place(column),
                        zh: "没有读出任何公开渠道", en: "no channel could be read"))
            }
        }
        item.audience = choice(
            table, header, r, values, [.everyone, .specificGroups].map(ColumnRole.audience), text: .audienceText,
            label: "公开对象",
            parse: { text in
                switch HeaderRecognizer.normalize(text) {
                case "全社会": .everyone
                case "特定群众", "特定群体", "特定对象": .specificGroups
                default: nil
                }
            }, notes: &notes
        ).flatMap { $0 }
        item.mode = choice(
            table, header, r, values, [.proactive, .onRequest].map(ColumnRole.mode), text: .modeText,
            label: "公开方式",
            parse: { text in
                switch HeaderRecognizer.normalize(text) {
                case "主动", "主动公开": .proactive
                case "依申请", "依申请公开": .onRequest
                default: nil
                }
            }, notes: &notes
        ).flatMap { $0 }
        item.levels = levels(table, header, r, values, catalog: catalog, notes: &notes)
        if let (text, _) = value(.reason), !text.isEmpty { item.reasonNotProactive = text }
        if let (text, _) = value(.remark), !text.isEmpty {
            var lines: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                for prefix in ["不主动公开理由：", "不主动公开理由:"] where line.hasPrefix(prefix) && item.reasonNotProactive == nil {
                    item.reasonNotProactive = String(line.dropFirst(prefix.count))
                }
                if !(line.hasPrefix("不主动公开理由：") || line.hasPrefix("不主动公开理由:")) { lines.append(String(line)) }
            }
            let remark = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !remark.isEmpty { item.remark = [item.remark, remark].compactMap { $0 }.joined(separator: "\n") }
        }
        return item
    }

    /// 公开对象 or 公开方式: one tick of two columns, or the value written in one column. Nil when unread.
    func choice<T>(
        _ table: SourceTable, _ header: TableHeader, _ r: Int, _ values: [String], _ roles: [ColumnRole],
        text textRole: ColumnRole, label: String, parse: (String) -> T?, notes: inout [ImportNote]
    ) -> T?? {
        let place = table.place(row: r)
        if let c = header.column(textRole) {
            if values[c].isEmpty {
                notes.append(
                    ImportNote(
                        "import-value-missing", .warning, place: table.place(row: r, column: c),
                        zh: "「\(label)」为空，未填写（请补充）", en: "\(label) is blank; left out (please fill it in)"))
                return .some(nil)
            }
            guard let value = parse(values[c]) else {
                notes.append(
                    ImportNote(
                        "import-unread-cell", .warning, place: table.place(row: r, column: c),
                        zh: "「\(label)」的值「\(values[c])」无法识别，未填写",
                        en: "\(label) value \"\(values[c])\" not recognised; left out"))
                return .some(nil)
            }
            return .some(value)
        }
        let columns = roles.compactMap { header.column($0) }
        guard !columns.isEmpty else { return nil }
        var ticked: [Int] = []
        for c in columns {
            switch CellRules.tick(values[c], columnTitle: leafTitle(table, header, c)) {
            case .yes: ticked.append(c)
            case .no: break
            case .unreadable:
                notes.append(
                    ImportNote(
                        "import-unread-cell", .warning, place: table.place(row: r, column: c),
                        zh: "「\(label)」栏的「\(values[c])」不是勾选标记（√ ✓ ■ ● 是），按未勾选读取",
                        en: "\"\(values[c])\" in a \(label) column is not a tick (√ ✓ ■ ● 是); read as not ticked"))
            }
        }
        if ticked.count == 1, let index = columns.firstIndex(of: ticked[0]) {
            let title = HeaderRecognizer.normalize(table.rows[header.row + header.height - 1][ticked[0]].text)
            _ = index
            return .some(parse(title) ?? parse(roleTitle(roles[columns.firstIndex(of: ticked[0])!])))
        }
        notes.append(
            ImportNote(
                "import-value-missing", .warning, place: place,
                zh: ticked.isEmpty ? "「\(label)」没有勾选，未填写（请补充）" : "「\(label)」勾选了不止一项，未填写（请确认）",
                en: ticked.isEmpty
                    ? "no \(label) box is ticked; left out (please fill it in)"
                    : "more than one \(label) box is ticked; left out (please confirm)"))
        return .some(nil)
    }

    /// The title printed over a tick column (the header's last row).
    func leafTitle(_ table: SourceTable, _ header: TableHeader, _ column: Int) -> String {
        table.rows[header.row + header.height - 1][column].text
    }

    func roleTitle(_ role: ColumnRole) -> String {
        switch role {
        case .audience(let audience): audience.rawValue
        case .mode(let mode): mode.rawValue
        default: ""
        }
    }

    func levels(
        _ table: SourceTable, _ header: TableHeader, _ r: Int, _ values: [String], catalog: ImportedCatalog,
        notes: inout [ImportNote]
    ) -> [Level]? {
        if let c = header.column(.levelText) {
            guard !values[c].isEmpty else {
                notes.append(
                    ImportNote(
                        "import-value-missing", .warning, place: table.place(row: r, column: c),
                        zh: "「公开层级」为空，未填写（请补充）", en: "公开层级 is blank; left out (please fill it in)"))
                return nil
            }
            if let levels = CellRules.levels(values[c], labels: knownLabels.merging(catalog.levelLabels) { $1 }) {
                return levels
            }
            notes.append(
                ImportNote(
                    "import-unread-cell", .warning, place: table.place(row: r, column: c),
                    zh: "「公开层级」的值「\(values[c])」无法识别，未填写", en: "公开层级 value \"\(values[c])\" not recognised; left out"))
            return nil
        }
        var levels: [Level] = []
        var any = false
        for (c, role) in header.roles.enumerated() {
            guard case .level(let level)? = role else { continue }
            any = true
            switch CellRules.tick(values[c], columnTitle: leafTitle(table, header, c)) {
            case .yes: levels.append(level)
            case .no: break
            case .unreadable:
                notes.append(
                    ImportNote(
                        "import-unread-cell", .warning, place: table.place(row: r, column: c),
                        zh: "「公开层级」栏的「\(values[c])」不是勾选标记，按未勾选读取",
                        en: "\"\(values[c])\" in a 公开层级 column is not a tick; read as not ticked"))
            }
        }
        guard any else { return nil }
        if levels.isEmpty {
            notes.append(
                ImportNote(
                    "import-value-missing", .warning, place: table.place(row: r),
                    zh: "「公开层级」没有勾选，未填写（请补充）", en: "no 公开层级 box is ticked; left out (please fill it in)"))
            return nil
        }
        return levels.sorted()
    }

    /// The title, domain and region above the table, and the facts line gkml's own workbooks print.
    func readFacts(_ table: SourceTable, header: TableHeader, into catalog: inout ImportedCatalog) {
        var lines = table.linesBefore
        for r in 0..<header.row {
            let texts = table.rows[r].filter { !$0.mergedFromLeft && !$0.mergedFromAbove }.map(\.text).filter {
                !$0.isEmpty
            }
            lines += texts
        }
        // A page's facts as term and value on lines of their own (<dt>发布机构</dt><dd>…</dd>).
        var joined: [String] = []
        var index = 0
        while index < lines.count {
            let text = lines[index].trimmingCharacters(in: .whitespacesAndNewlines)
            if ["发布机构", "版本", "生效日期"].contains(text), index + 1 < lines.count {
                joined.append(text + "：" + lines[index + 1])
                index += 2
            } else {
                joined.append(text)
                index += 1
            }
        }
        for line in joined {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.contains("发布机构：") || text.contains("版本：") || text.contains("生效日期：") {
                for part in text.components(separatedBy: "　　") {
                    let pair = part.split(separator: "：", maxSplits: 1).map(String.init)
                    guard pair.count == 2 else { continue }
                    switch pair[0] {
                    case "发布机构": catalog.publisher = pair[1]
                    case "版本": catalog.version = pair[1]
                    case "生效日期": catalog.effectiveDate = pair[1]
                    default: break
                    }
                }
            }
        }
        // The title: the line nearest the table that names a domain ("…就业领域基层政务公开标准目录"); a site's
        // own heading further up ("某县基层政务公开标准目录") names none.
        var found: (title: String, domain: String, range: Range<String.Index>)?
        for line in joined.reversed() where line.contains("目录") || line.contains("领域") {
            let title = line.trimmingCharacters(in: .whitespacesAndNewlines)
            var best: (name: String, range: Range<String.Index>)?
            for domain in registry.domains {
                for name in [domain.name] + domain.aliases {
                    guard let range = title.range(of: name + "领域") ?? title.range(of: name) else { continue }
                    if best == nil || name.count > best!.name.count { best = (name, range) }
                }
            }
            if let best { found = (title, best.name, best.range); break }
            if catalog.title == nil { catalog.title = title }
        }
        guard let found else { return }
        let title = found.title
        catalog.title = title
        let best = (domain: found.domain, range: found.range)
        // The domain as the title writes it (an alias such as 乡村振兴 stays an alias: import never corrects).
        catalog.domain = best.domain
        var region = String(title[..<best.range.lowerBound])
        // Numbering and attachment labels before the place: （一）, 一、, 附件1, 1.
        while let first = region.first, "（(一二三四五六七八九十0123456789）)、.．附件：: ".contains(first) { region.removeFirst() }
        region = region.trimmingCharacters(in: .whitespaces)
        if !region.isEmpty { catalog.region = region }
    }
}
