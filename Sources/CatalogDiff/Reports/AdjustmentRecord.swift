import CatalogModel
import Diagnostics

/// The adjustment record (调整说明) as a small document model, so that `md` and `html` print exactly the
/// same record: a summary table, the written reasons, then every change with old and new values.
public struct RecordDocument: Sendable, Hashable {
    public enum Inline: Sendable, Hashable {
        case text(String)
        case strong(String)
        /// Text taken out (struck through).
        case deleted(String)
        /// Text put in.
        case inserted(String)
        /// An identifier (编号, 文号) that must never be broken across lines.
        case identifier(String)
    }

    public enum Block: Sendable, Hashable {
        case heading(Int, String)
        case paragraph([Inline])
        case table(header: [String], rows: [[[Inline]]])
        case list([[Inline]])
        /// The issuing body and the date, at the right as a filed document ends (one line each).
        case signature([String])
    }

    public var title: String
    /// The 文号 line under the title: the one 批准文号 of this adjustment, if there is exactly one.
    public var documentNumber: String?
    public var blocks: [Block]
}

/// Builds the adjustment record of a report.
public struct AdjustmentRecord: Sendable {
    public var language: Language

    public init(language: Language) { self.language = language }

    var zh: Bool { language == .zh }
    func t(_ zh: String, _ en: String) -> String { self.zh ? zh : en }

    static let chineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    func number(_ i: Int) -> String {
        zh ? (i < 10 ? Self.chineseNumbers[i] : String(i + 1)) : String(i + 1)
    }

    public func document(_ report: DiffReport) -> RecordDocument {
        let comparisons = report.changedComparisons
        var blocks: [RecordDocument.Block] = []
        let title = title(comparisons)

        // Lead: the versions and dates the catalogs carry, never how the sides were named (a revision, a path).
        var lead: [RecordDocument.Inline] = [.text(leadSentence(comparisons))]
        lead.append(.text(t("依据目录逐项比对生成。", "compared item by item.")))
        blocks.append(.paragraph(lead))

        var section = 0
        // 一、调整概况
        blocks.append(.heading(2, "\(number(section))\(t("、", ". "))\(t("调整概况", "Summary"))"))
        section += 1
        blocks.append(summaryTable(comparisons, report.summary))
        blocks.append(.paragraph(summarySentence(report.summary)))

        // 二、调整明细
        if !comparisons.isEmpty {
            blocks.append(.heading(2, "\(number(section))\(t("、", ". "))\(t("调整明细", "Changes"))"))
            section += 1
            for (index, comparison) in comparisons.enumerated() {
                blocks += details(comparison, index: index, count: comparisons.count)
            }
        }

        // 三、公开程度降低的调整
        let regressions = report.changes.filter(\.isRegression)
        if !regressions.isEmpty {
            blocks.append(
                .heading(2, "\(number(section))\(t("、", ". "))\(t("公开程度降低的调整", "Changes that lower transparency"))"))
            section += 1
            blocks.append(
                .paragraph([
                    .text(
                        t(
                            "以下调整降低了公开程度，须写明理由并经审核：",
                            "The following changes lower transparency and need a written reason and review:"))
                ]))
            blocks.append(.list(regressions.map(regressionLine)))
        }

        // 四、审批情况: the approvals this adjustment's 调整记录 entries carry.
        let approvals = comparisons.flatMap { c in c.newAdjustments.compactMap(\.approval).map { (c.key, $0) } }
        if !approvals.isEmpty {
            blocks.append(.heading(2, "\(number(section))\(t("、", ". "))\(t("审批情况", "Approval"))"))
            section += 1
            blocks.append(.list(approvals.map { key, approval in approvalLine(key, approval) }))
        }

        let notices = report.notices
        if !notices.isEmpty {
            blocks.append(.heading(2, "\(number(section))\(t("、", ". "))\(t("提示", "Notes"))"))
            blocks.append(.list(notices.map { [.text($0.message(language))] }))
        }
        if let closing = closing(report, comparisons) { blocks.append(.signature(closing)) }
        let numbers = Set(approvals.compactMap { $0.1.documentNumber?.value })
        return RecordDocument(title: title, documentNumber: numbers.count == 1 ? numbers.first : nil, blocks: blocks)
    }

    /// "柳政办〔2026〕12号（2026年2月26日批准）：17-06-01 改为依申请，理由：…"
    func approvalLine(_ key: CatalogKey, _ approval: Approval) -> [RecordDocument.Inline] {
        var line: [RecordDocument.Inline] = [.text("〔\(key.region) · \(key.domain)〕")]
        if let number = approval.documentNumber?.value {
            line.append(.identifier(number))
        } else if let approver = approval.approver?.value {
            line.append(.text(approver))
        }
        if let date = approval.date?.value { line.append(.text(t("（\(formatDate(date))批准）", " (approved \(date))"))) }
        if let approver = approval.approver?.value, approval.documentNumber != nil {
            line.append(.text(t("，批准人：\(approver)", ", by \(approver)")))
        }
        for (i, change) in approval.changes.enumerated() {
            line.append(.text(i == 0 ? t("：", ": ") : t("；", "; ")))
            line.append(.identifier(change.id.value))
            line.append(.text(" " + change.kind.value.label(language) + t("，理由：", ", reason: ") + change.reason.value))
        }
        return line
    }

    /// "目录由 2026.1 版（2026年1月10日）调整为 2026.2 版（2026年3月1日）" when every catalog moves between the
    /// same two versions; otherwise the versions are in the summary table, catalog by catalog.
    func leadSentence(_ comparisons: [CatalogComparison]) -> String {
        let olds = comparisons.compactMap { $0.old.map(Self.versionAndDate) }
        let news = comparisons.compactMap { $0.new.map(Self.versionAndDate) }
        // A date is named only when every catalog has the same one.
        func common(_ sides: [VersionDate]) -> (String, String?)? {
            guard Set(sides.map(\.version)).count == 1, let first = sides.first else { return nil }
            let dates = Set(sides.map(\.date))
            return (first.version, dates.count == 1 ? first.date : nil)
        }
        guard let (oldVersion, oldDate) = common(olds), let (newVersion, newDate) = common(news) else {
            return t(
                "本说明记录目录本次调整的全部变更（各目录调整前后的版本见下表），",
                "This record lists every change of this adjustment (each catalog's versions are in the table below), ")
        }
        func named(_ version: String, _ date: String?) -> String {
            let when = date.map { t("（\(formatDate($0))）", " (\($0))") } ?? ""
            return t("\(version)版", "version \(version)") + when
        }
        return t(
            "本说明记录目录由\(named(oldVersion, oldDate))调整为\(named(newVersion, newDate))的全部变更，",
            "This record lists every change from \(named(oldVersion, oldDate)) to \(named(newVersion, newDate)), ")
    }

    struct VersionDate: Hashable {
        var version: String
        var date: String?
    }

    /// A catalog's 版本 and its date: 生效日期, else the date of the 调整记录 entry of that version.
    static func versionAndDate(_ catalog: Catalog) -> VersionDate {
        let version = catalog.version.value
        let date =
            catalog.effectiveDate?.value
            ?? catalog.adjustments.last(where: { $0.version?.value == version })?.date.value
        return VersionDate(version: version, date: date)
    }

    /// The issuing body and the date, as a filed document ends: the workspace's 发布机构 (or the one
    /// catalog's), and the latest date of the new 调整记录 entries (or of 生效日期).
    func closing(_ report: DiffReport, _ comparisons: [CatalogComparison]) -> [String]? {
        let publishers = Set(comparisons.compactMap { $0.new?.publisher.value ?? $0.old?.publisher.value })
        guard let issuer = report.issuer ?? (publishers.count == 1 ? publishers.first : nil) else { return nil }
        let dates =
            comparisons.flatMap { $0.newAdjustments.map(\.date.value) }
            + comparisons.compactMap { $0.new?.effectiveDate?.value }
        return [issuer] + (dates.max().map { [formatDate($0)] } ?? [])
    }

    /// 2025-01-01 → 2025年1月1日 in Chinese; unchanged in English.
    func formatDate(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard zh, parts.count == 3 else { return date }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }

    func title(_ comparisons: [CatalogComparison]) -> String {
        let suffix = t("基层政务公开事项标准目录调整说明", " — adjustment record of the disclosure catalog")
        if comparisons.count == 1, let c = comparisons.first {
            return zh ? "\(c.key.region)\(c.key.domain)领域" + suffix : "\(c.key.region) \(c.key.domain)" + suffix
        }
        let regions = comparisons.map(\.key.region)
        guard var common = regions.first else { return zh ? suffix : "Adjustment record of the disclosure catalogs" }
        for region in regions.dropFirst() {
            while !region.hasPrefix(common) { common.removeLast() }
        }
        if zh { return common + suffix }
        return common.isEmpty ? "Adjustment record of the disclosure catalogs" : common + suffix
    }

    func summaryTable(_ comparisons: [CatalogComparison], _ total: DiffSummary) -> RecordDocument.Block {
        let kinds = ChangeKind.allCases
        var header = [t("目录", "Catalog"), t("版本", "Version")]
        header += kinds.map { zh ? $0.rawValue : $0.english.prefix(1).uppercased() + $0.english.dropFirst() }
        header.append(t("公开程度降低", "Regressions"))
        var rows: [[[RecordDocument.Inline]]] = []
        for c in comparisons {
            let s = DiffSummary(c.changes)
            var row: [[RecordDocument.Inline]] = [
                [.text("\(c.key.region) · \(c.key.domain)")], [.text(versionText(c))],
            ]
            if c.old == nil || c.new == nil {
                let word = c.old == nil ? t("新增目录", "catalog added") : t("删除目录", "catalog removed")
                row += [[.text(word)]] + Array(repeating: [.text("—")], count: kinds.count - 1)
            } else {
                row += kinds.map { [.text(String(s.count($0)))] }
            }
            row.append([.text(String(s.regressions))])
            rows.append(row)
        }
        if comparisons.count > 1 {
            var row: [[RecordDocument.Inline]] = [[.strong(t("合计", "Total"))], [.text("")]]
            row += kinds.map { [.strong(String(total.count($0)))] }
            row.append([.strong(String(total.regressions))])
            rows.append(row)
        }
        return .table(header: header, rows: rows)
    }

    func versionText(_ c: CatalogComparison) -> String {
        switch (c.old?.version.value, c.new?.version.value) {
        case let (a?, b?): a == b ? b : "\(a) → \(b)"
        case let (nil, b?): b
        case let (a?, nil): a
        default: ""
        }
    }

    func summarySentence(_ s: DiffSummary) -> [RecordDocument.Inline] {
        if s.changes == 0 { return [.text(t("两个版本之间没有变更。", "There are no changes between the two versions."))] }
        var text = t(
            "共调整 \(s.changes) 处，其中公开程度降低 \(s.regressions) 处",
            "\(s.changes) change(s) in all; \(s.regressions) lower transparency")
        if s.accepted > 0 { text += t("（已审核接受 \(s.accepted) 处）", " (\(s.accepted) reviewed and accepted)") }
        text += t("，公开程度提高 \(s.improvements) 处。", ", \(s.improvements) raise it.")
        return [.text(text)]
    }

    // MARK: One catalog

    func details(_ c: CatalogComparison, index: Int, count: Int) -> [RecordDocument.Block] {
        var blocks: [RecordDocument.Block] = []
        let heading =
            zh
            ? "（\(number(index))）\(c.key.region) · \(c.key.domain)" : "\(index + 1). \(c.key.region) · \(c.key.domain)"
        blocks.append(.heading(3, heading))
        var facts: [String] = []
        let version = versionText(c)
        if !version.isEmpty { facts.append(t("版本：", "Version: ") + version) }
        if let date = c.new?.effectiveDate?.value { facts.append(t("生效日期：", "Effective: ") + date) }
        if let publisher = c.new?.publisher.value ?? c.old?.publisher.value {
            facts.append(t("发布机构：", "Publisher: ") + publisher)
        }
        blocks.append(.paragraph([.text(facts.joined(separator: t("；", "; ")))]))

        if !c.newAdjustments.isEmpty {
            blocks.append(.paragraph([.strong(t("调整依据", "Reasons given in 调整记录"))]))
            blocks.append(
                .list(
                    c.newAdjustments.map { a in
                        var head = formatDate(a.date.value)
                        if let v = a.version?.value { head += t("（版本 \(v)）", " (version \(v))") }
                        return [.text(head + t("：", ": ") + a.note.value)]
                    }))
        }

        var part = 0
        func sub(_ zhTitle: String, _ enTitle: String) -> RecordDocument.Block {
            defer { part += 1 }
            return .paragraph([.strong(zh ? "\(part + 1). \(zhTitle)" : "\(part + 1). \(enTitle)")])
        }

        let catalogLevel = c.changes.filter { $0.isCatalogLevel && ($0.kind == .modified || $0.kind == .renamed) }
        if !catalogLevel.isEmpty {
            blocks.append(sub("目录信息", "Catalog"))
            blocks.append(
                .table(
                    header: [t("项目", "Field"), t("调整前", "Before"), t("调整后", "After"), t("说明", "Note")],
                    rows: catalogLevel.map { change in
                        var field = change.field?.key ?? ""
                        if case .defaults(let element)? = change.field {
                            field = t("统一规定的", "catalog-wide ") + element.rawValue
                        }
                        var note: [RecordDocument.Inline] = []
                        if change.field?.isDefaults == true, let n = change.affectedItems {
                            note.append(.text(t("影响 \(n) 个按统一规定执行的事项", "affects \(n) item(s) that follow it")))
                        } else if change.field == .group, let n = change.affectedItems {
                            note.append(.text(t("一级事项更名，含 \(n) 个事项", "一级事项 renamed, \(n) item(s)")))
                        }
                        return [[.text(field)]] + cells(change) + [note]
                    }))
        }
        let wholeCatalog = c.changes.filter { $0.isCatalogLevel && ($0.kind == .added || $0.kind == .removed) }
        if !wholeCatalog.isEmpty {
            blocks.append(sub("目录", "Catalog"))
            blocks.append(.list(wholeCatalog.map { [.text($0.message(language))] + acceptance($0) }))
        }

        let added = c.changes.filter { $0.kind == .added && !$0.isCatalogLevel }
        if !added.isEmpty, let new = c.new {
            blocks.append(sub("新增事项", "Items added"))
            let byID = Dictionary(new.items.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
            blocks.append(
                .table(
                    header: [
                        t("编号", "编号"), t("一级事项", "一级事项"), t("二级事项", "二级事项"), t("公开内容", "公开内容"),
                        t("公开方式", "公开方式"), t("公开时限", "公开时限"),
                    ],
                    rows: added.map { change in
                        let item = change.id.flatMap { byID[$0] }
                        return [
                            [.identifier(change.id ?? "")], [.text(change.group ?? "")], [.text(change.itemName ?? "")],
                            [.text(item?.content.value ?? "")], [.text(item?.mode.value.rawValue ?? "")],
                            [.text(item?.timeLimit.value ?? "")],
                        ]
                    }))
        }

        let removed = c.changes.filter { $0.kind == .removed && !$0.isCatalogLevel }
        if !removed.isEmpty {
            blocks.append(sub("删除事项", "Items removed"))
            blocks.append(
                .table(
                    header: [t("编号", "编号"), t("一级事项", "一级事项"), t("二级事项", "二级事项"), t("理由", "Reason")],
                    rows: removed.map { change in
                        var reason: [RecordDocument.Inline]
                        if let r = change.reason {
                            reason = [.text(t("列入未涉及事项：", "listed under 未涉及事项: ") + r)]
                        } else {
                            reason = [.strong(t("未说明理由（公开程度降低）", "no reason given (lowers transparency)"))]
                        }
                        reason += acceptance(change)
                        return [
                            [.identifier(change.id ?? "")], [.text(change.group ?? "")], [.text(change.itemName ?? "")],
                            reason,
                        ]
                    }))
        }

        let modified = c.changes.filter {
            !$0.isCatalogLevel && $0.kind != .added && $0.kind != .removed && $0.field != .notApplicable
        }
        if !modified.isEmpty {
            blocks.append(sub("修改事项", "Items changed"))
            blocks.append(
                .table(
                    header: [
                        t("编号", "编号"), t("事项", "Item"), t("调整类别", "Kind"), t("要素", "Element"),
                        t("调整前", "Before"), t("调整后", "After"), t("说明", "Note"),
                    ],
                    rows: Self.mergeListChanges(modified).map { group in
                        let change = group[0]
                        if group.count > 1 && group.allSatisfy(\.inheritance.followsDefaults) {
                            // One change of 默认 seen on many items: one row naming them all.
                            let ids = joined(group.compactMap(\.id).map(RecordDocument.Inline.identifier))
                            let what = t(
                                "\(group.count) 个事项（随目录统一规定调整）",
                                "\(group.count) items (following the catalog-wide rule)")
                            return [
                                ids, [.text(what)], [.text(change.kind.label(language))],
                                [.text(change.field?.key ?? "")],
                            ]
                                + cells(change) + [note(change)]
                        }
                        var notes: [RecordDocument.Inline] = []
                        for (i, part) in group.enumerated() {
                            let n = note(part, listPart: group.count > 1)
                            if i > 0 && !n.isEmpty && !notes.isEmpty { notes.append(.text(t("；", "; "))) }
                            notes += n
                        }
                        return [
                            [.identifier(change.id ?? "")], [.text(change.itemName ?? "")],
                            [.text(change.kind.label(language))],
                            [.text(change.field?.key ?? "")],
                        ] + cells(change) + [notes]
                    }))
        }

        let notApplicable = c.changes.filter { $0.field == .notApplicable }
        if !notApplicable.isEmpty {
            blocks.append(sub("未涉及事项", "Not applicable"))
            blocks.append(
                .table(
                    header: [t("编号", "编号"), t("调整前", "Before"), t("调整后", "After")],
                    rows: notApplicable.map { [[.identifier($0.id ?? "")]] + cells($0) }))
        }
        return blocks
    }

    /// Old and new cells; texts show what was taken out and put in, lists their removed and added entries.
    func cells(_ change: Change) -> [[RecordDocument.Inline]] {
        switch (change.old, change.new) {
        case (.text(let a)?, .text(let b)?)
        where Self.worthInlineDiff(a, b, catalogLevel: change.isCatalogLevel && change.field?.isDefaults != true):
            let segments = InlineDiff.segments(a, b)
            var old: [RecordDocument.Inline] = [], new: [RecordDocument.Inline] = []
            for segment in segments {
                switch segment {
                case .same(let s): old.append(.text(s)); new.append(.text(s))
                case .removed(let s): old.append(.deleted(s))
                case .added(let s): new.append(.inserted(s))
                }
            }
            return [old, new]
        case (.list(let a)?, .list(let b)?):
            let removed = Set(change.removed), added = Set(change.added)
            return [
                joined(a.map { removed.contains($0) ? .deleted($0) : .text($0) }),
                joined(b.map { added.contains($0) ? .inserted($0) : .text($0) }),
            ]
        default:
            return [[.text(change.old?.display ?? "—")], [.text(change.new?.display ?? "—")]]
        }
    }

    /// A character diff helps with sentences that share most of their text; short codes, dates and
    /// versions read better whole.
    static func worthInlineDiff(_ a: String, _ b: String, catalogLevel: Bool) -> Bool {
        guard !catalogLevel, a.count >= 6, b.count >= 6 else { return false }
        let same = InlineDiff.segments(a, b).reduce(0) { total, segment in
            if case .same(let s) = segment { return total + s.count }
            return total
        }
        return Double(same) >= 0.5 * Double(max(a.count, b.count))
    }

    func joined(_ items: [RecordDocument.Inline]) -> [RecordDocument.Inline] {
        if items.isEmpty { return [.text("—")] }
        var out: [RecordDocument.Inline] = []
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(.text("、")) }
            out.append(item)
        }
        return out
    }

    /// Rows of the 修改 table: the removal and the addition of one list element are two findings but one
    /// row; the same change that a change of 默认 made on many items is one row naming them all (it is
    /// put where the first of them is).
    static func mergeListChanges(_ changes: [Change]) -> [[Change]] {
        var groups: [[Change]] = []
        var byDefault: [String: Int] = [:]
        for change in changes {
            if change.inheritance.followsDefaults {
                let key =
                    "\(change.code)\u{1F}\(change.field?.key ?? "")\u{1F}\(change.old?.display ?? "")\u{1F}\(change.new?.display ?? "")\u{1F}\(change.acceptedReason ?? "")"
                if let index = byDefault[key] {
                    groups[index].append(change)
                } else {
                    byDefault[key] = groups.count
                    groups.append([change])
                }
                continue
            }
            if let last = groups.last?.last, last.id == change.id, last.field == change.field, last.kind == change.kind,
                !last.inheritance.followsDefaults, change.old?.isList == true, last.old == change.old,
                last.new == change.new
            {
                groups[groups.count - 1].append(change)
            } else {
                groups.append([change])
            }
        }
        return groups
    }

    func note(_ change: Change, listPart: Bool = false) -> [RecordDocument.Inline] {
        var out: [RecordDocument.Inline] = []
        // When a row shows both the removal and the addition, say which is which.
        let prefix =
            !listPart
            ? ""
            : !change.removed.isEmpty && change.isRegression
                ? t(
                    "减少「\(change.removed.joined(separator: "、"))」：",
                    "removed \(change.removed.joined(separator: ", ")): ")
                : !change.added.isEmpty
                    ? t(
                        "增加「\(change.added.joined(separator: "、"))」：", "added \(change.added.joined(separator: ", ")): "
                    ) : ""
        switch change.direction {
        case .regression?: out.append(.strong(prefix + t("公开程度降低", "lowers transparency")))
        case .improvement?: out.append(.text(prefix + t("公开程度提高", "raises transparency")))
        case nil:
            if change.code == DiffFindings.timeLimitUndecided.code {
                out.append(.text(t("时限长短需人工核对", "check the time limit by hand")))
            } else if change.code == DiffFindings.timeLimitReworded.code {
                out.append(.text(t("时限不变", "same period")))
            }
        }
        if let reason = change.reason {
            if !out.isEmpty { out.append(.text(t("；", "; "))) }
            out.append(.text(t("理由：", "reason: ") + reason))
        }
        // Plain words: the reader of a filed record does not know the YAML key 默认.
        let element = change.field?.key ?? t("该要素", "the element")
        let inheritance: String? =
            switch (change.inheritance.old, change.inheritance.new) {
            case (true, true): t("随目录统一规定调整", "follows the catalog-wide rule")
            case (false, true): t("\(element)改为按目录统一规定", "\(element) now follows the catalog-wide rule")
            case (true, false): t("\(element)改为单独规定", "\(element) now set for this item alone")
            case (false, false): nil
            }
        if let inheritance, !listPart || change.isRegression || change.removed.isEmpty {
            if !out.isEmpty { out.append(.text(t("；", "; "))) }
            out.append(.text(inheritance))
        }
        return out + acceptance(change)
    }

    func acceptance(_ change: Change) -> [RecordDocument.Inline] {
        if let approval = change.approval {
            return [.text(t("；已批准（", "; approved (") + approvalText(approval) + t("）：", "): ") + approval.reason)]
        }
        guard let reason = change.acceptedReason else { return [] }
        return [.text(t("；已审核接受：", "; reviewed and accepted: ") + reason)]
    }

    func regressionLine(_ change: Change) -> [RecordDocument.Inline] {
        var line: [RecordDocument.Inline] = [
            .text("〔\(change.catalog.region) · \(change.catalog.domain)〕" + change.message(language))
        ]
        if let reason = change.reason { line.append(.text(t("。理由：", ". Reason: ") + reason)) }
        if let approval = change.approval {
            line.append(.text(t("。已批准（", ". Approved (") + approvalText(approval) + t("）：", "): ") + approval.reason))
        } else if let accepted = change.acceptedReason {
            line.append(.text(t("。审核意见：", ". Review: ") + accepted))
        } else {
            line.append(.strong(t("（尚未审核接受）", " (not yet accepted)")))
        }
        return line
    }

    /// 文号 (or 批准人) and the date of an approval, as the record prints it.
    func approvalText(_ approval: ChangeApproval) -> String {
        approval.authority + (approval.date.map { t("，", ", ") + formatDate($0) } ?? "")
    }
}
