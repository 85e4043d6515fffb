import CatalogModel

/// What a column of a catalog table holds.
public enum ColumnRole: Sendable, Hashable {
    case number, id, group, name, content, basis, timeLimit, bodies, channels, reason, remark
    /// 公开对象/公开方式/公开层级 written as text in one column ("全社会", "主动", "县级、乡级").
    case audienceText, modeText, levelText
    /// One tick column under 公开对象, 公开方式 or 公开层级.
    case audience(Audience)
    case mode(DisclosureMode)
    case level(Level)
}

/// The recognised header of a catalog table: which rows it takes and what each column holds.
public struct TableHeader: Sendable, Hashable {
    /// Index of the first header row and the number of header rows (1 or 2).
    public var row: Int
    public var height: Int
    /// The role of each column (nil: not a catalog column, e.g. an empty or unknown one).
    public var roles: [ColumnRole?]
    /// The labels of the level columns as printed (乡级 → 乡、村级).
    public var levelLabels: [Level: String]

    public func column(_ role: ColumnRole) -> Int? { roles.firstIndex(of: role) }
    public func has(_ role: ColumnRole) -> Bool { roles.contains(role) }
}

/// Finds the catalog table by its header: the column names as published vary (公开内容（要素）/公开内容,
/// 公开渠道和载体/公开渠道, 公开主体/责任主体), and the tick columns sit under a two-row header.
public enum HeaderRecognizer {
    /// Header text without spaces, line breaks and with ASCII parentheses.
    public static func normalize(_ text: String) -> String {
        var out = ""
        for character in text where !character.isWhitespace {
            switch character {
            case "（": out.append("(")
            case "）": out.append(")")
            default: out.append(character)
            }
        }
        return out
    }

    /// The role a header text names on its own (a top header cell, or a one-row header).
    static func role(_ raw: String) -> ColumnRole? {
        let text = normalize(raw)
        if text.isEmpty { return nil }
        if let leaf = leaf(text) { return leaf }
        switch text {
        case "序号", "序": return .number
        case "编号", "事项编号": return .id
        case "公开事项", "事项名称", "二级事项名称": return .name
        case "公开依据", "依据": return .basis
        case "公开时限", "时限": return .timeLimit
        case "公开主体", "责任主体", "公开责任主体", "责任单位", "公开单位": return .bodies
        case "公开对象": return .audienceText
        case "公开方式": return .modeText
        case "公开层级", "层级": return .levelText
        case "不主动公开理由", "不予主动公开理由": return .reason
        case "备注", "说明": return .remark
        default: break
        }
        if text.hasPrefix("公开内容") || text == "公开要素" || text == "内容(要素)" { return .content }
        if text.hasPrefix("公开渠道") || text.hasPrefix("公开载体") || text == "渠道和载体" { return .channels }
        return nil
    }

    /// Roles only a second header row (or a one-row header that spells the leaves) gives.
    static func leaf(_ text: String) -> ColumnRole? {
        switch text {
        case "一级事项": return .group
        case "二级事项": return .name
        case "全社会": return .audience(.everyone)
        case "特定群众", "特定群体", "特定对象": return .audience(.specificGroups)
        case "主动", "主动公开": return .mode(.proactive)
        case "依申请", "依申请公开": return .mode(.onRequest)
        default: return nil
        }
    }

    /// The canonical level of a printed level label (县级, 区级, 乡、村级, 街道级, 镇级 …), nil if none.
    public static func level(ofLabel raw: String, labels: [Level: String] = [:]) -> Level? {
        let text = normalize(raw)
        for (level, label) in labels where normalize(label) == text { return level }
        if let level = Level(rawValue: text) { return level }
        guard text.hasSuffix("级") || text.hasSuffix("级公开") else { return nil }
        if text.contains("乡") || text.contains("镇") || text.contains("街道") { return .township }
        if text.contains("县") || text.contains("区") { return .county }
        if text.contains("市") { return .city }
        if text.contains("村") || text.contains("社区") { return .village }
        return nil
    }

    /// The first header in the table's first rows, nil when the table is not a catalog table.
    public static func find(in table: SourceTable, knownLabels: [Level: String] = [:]) -> TableHeader? {
        let limit = min(table.rows.count, 40)
        for r in 0..<limit {
            let tops = table.rows[r].map { role($0.text) }
            let essential: Set<String> = Set(
                tops.compactMap { role in
                    switch role {
                    case .content?: "content"
                    case .basis?: "basis"
                    case .timeLimit?: "time"
                    case .bodies?: "bodies"
                    case .channels?: "channels"
                    case .name?: "name"
                    case .audienceText?, .audience?: "audience"
                    case .modeText?, .mode?: "mode"
                    default: nil
                    }
                })
            guard essential.count >= 4 else { continue }
            return header(table, at: r, tops: tops, knownLabels: knownLabels)
        }
        return nil
    }

    static func header(_ table: SourceTable, at r: Int, tops: [ColumnRole?], knownLabels: [Level: String])
        -> TableHeader
    {
        var roles = tops
        var labels: [Level: String] = [:]
        var height = 1
        if r + 1 < table.rows.count {
            let below = table.rows[r + 1]
            var leaves = 0
            var subRoles: [ColumnRole?] = Array(repeating: nil, count: below.count)
            var groupTitle = ""
            for c in below.indices {
                // The group a sub-header sits under: the top cell's own text, or the last group to its left when the
                // top cell is blank (a CSV or a page without merged cells).
                let top = normalize(table.rows[r][c].text)
                if !top.isEmpty { groupTitle = top }
                let text = normalize(below[c].text)
                if below[c].mergedFromAbove || text.isEmpty || text == top { continue }
                if let leaf = leaf(text) {
                    subRoles[c] = leaf
                    leaves += 1
                } else if groupTitle.hasPrefix("公开层级") || groupTitle == "层级" || tops[c] == nil || tops[c] == .levelText,
                    let level = level(ofLabel: below[c].text, labels: knownLabels)
                {
                    subRoles[c] = .level(level)
                    labels[level] = below[c].text.trimmingCharacters(in: .whitespacesAndNewlines)
                    leaves += 1
                }
            }
            // A data row is not a second header row: in a header's second row, the columns that span both rows
            // (公开内容, 公开依据 …) are empty or merged from above.
            let spanning: Set<ColumnRole> = [.content, .basis, .timeLimit, .bodies, .channels]
            let dataBelow = below.indices.contains { c in
                guard let role = tops[c], spanning.contains(role) else { return false }
                return !below[c].mergedFromAbove
                    && !below[c].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    && normalize(below[c].text) != normalize(table.rows[r][c].text)
            }
            if leaves > 0 && !dataBelow {
                height = 2
                for c in subRoles.indices where subRoles[c] != nil { roles[c] = subRoles[c] }
                // A top cell spanning both rows (序号, 公开依据 …) keeps its role; a group title over leaves is replaced.
            }
        }
        // A column whose role repeats only because a merged title covers it is not a second column of that role.
        var seen = Set<ColumnRole>()
        for c in roles.indices {
            guard let role = roles[c] else { continue }
            if seen.contains(role) && (table.rows[r][c].mergedFromLeft || roles[c] == roles[max(0, c - 1)]) {
                roles[c] = nil
            } else {
                seen.insert(role)
            }
        }
        // Level columns in a one-row header: labels such as 县级 | 乡级 directly in the header row.
        for c in roles.indices where roles[c] == nil {
            let text = table.rows[r][c].text
            if let level = level(ofLabel: text, labels: knownLabels), !seen.contains(.level(level)) {
                roles[c] = .level(level)
                labels[level] = text.trimmingCharacters(in: .whitespacesAndNewlines)
                seen.insert(.level(level))
            }
        }
        return TableHeader(row: r, height: height, roles: roles, levelLabels: labels)
    }
}
