import CatalogModel
import Diagnostics

/// The comparison of one catalog (地区, 领域) between two versions.
public struct CatalogComparison: Sendable {
    public var key: CatalogKey
    public var old: Catalog?
    public var new: Catalog?
    /// The changes: catalog-level first, then items in the new catalog's order, then removed items.
    public var changes: [Change]
    /// Observations that are not changes (版本 not raised, no 调整记录 entry).
    public var notices: [Finding]
    /// 调整记录 entries the new version adds: the written reason of this adjustment.
    public var newAdjustments: [Adjustment]

    public init(
        key: CatalogKey, old: Catalog?, new: Catalog?, changes: [Change], notices: [Finding] = [],
        newAdjustments: [Adjustment] = []
    ) {
        self.key = key
        self.old = old
        self.new = new
        self.changes = changes
        self.notices = notices
        self.newAdjustments = newAdjustments
    }

    /// The file named in findings for the new side (the old one when the catalog was removed).
    public var file: String { new?.file ?? old?.file ?? "" }
}

/// Compares catalogs (DESIGN §6): identity, then element by element on the effective values (after 默认),
/// so that a change of 默认 shows on every item that inherits it.
public enum CatalogDiffer {
    /// Compares two versions of one catalog. Either side may be absent (a catalog added or removed).
    public static func compare(_ old: Catalog?, _ new: Catalog?) -> CatalogComparison {
        guard let old, let new else {
            return wholeCatalog(old: old, new: new)
        }
        var builder = Builder(old: old, new: new)
        builder.catalogLevel()
        let matching = ItemMatcher.match(old: old.items, new: new.items)
        builder.groupRenames(matching)
        var matches = matching.matches[...], added = Array(zip(matching.addedIndices, matching.added))[...]
        while let next = [matches.first?.newIndex, added.first?.0].compactMap({ $0 }).min() {
            if let match = matches.first, match.newIndex == next {
                builder.compare(match)
                matches = matches.dropFirst()
            } else if let (_, item) = added.first {
                builder.added(item)
                added = added.dropFirst()
            }
        }
        for item in matching.removed { builder.removed(item) }
        builder.notApplicable(matching: matching)
        builder.notices()
        return CatalogComparison(
            key: CatalogKey(new), old: old, new: new, changes: builder.catalogChanges + builder.itemChanges,
            notices: builder.notes, newAdjustments: builder.newAdjustments)
    }

    static func wholeCatalog(old: Catalog?, new: Catalog?) -> CatalogComparison {
        if let new {
            let key = CatalogKey(new)
            let finding = Finding(
                DiffFindings.catalogAdded, at: SourceLocation(file: new.file, position: new.domain.position), path: "",
                arguments: ["catalog": key.description, "count": String(new.items.count)])
            return CatalogComparison(
                key: key, old: nil, new: new, changes: [Change(finding, kind: .added, catalog: key)],
                newAdjustments: new.adjustments)
        }
        if let old {
            let key = CatalogKey(old)
            let finding = Finding(
                DiffFindings.catalogRemoved, at: SourceLocation(file: old.file), path: "",
                arguments: ["catalog": key.description, "count": String(old.items.count)],
                oldLocation: SourceLocation(file: old.file, position: old.domain.position))
            return CatalogComparison(
                key: key, old: old, new: nil, changes: [Change(finding, kind: .removed, catalog: key)])
        }
        return CatalogComparison(key: CatalogKey(region: "", domain: ""), old: nil, new: nil, changes: [])
    }

    /// Values as the reports print them.
    static func texts(_ list: Located<[Located<String>]>) -> [String] { list.value.map(\.value) }
    static func texts(_ list: Located<[Located<Channel>]>) -> [String] { list.value.map(\.value.text) }
    static func texts(_ list: Located<[Located<Level>]>) -> [String] { list.value.map(\.value.rawValue) }

    /// The value an absent optional text shows in messages.
    static let none = "—"

    struct Builder {
        let old: Catalog
        let new: Catalog
        let key: CatalogKey
        var catalogChanges: [Change] = []
        var itemChanges: [Change] = []
        var notes: [Finding] = []
        var newAdjustments: [Adjustment] = []
        /// 一级事项 renamed: old name → new name (their items are not reported as moved).
        var renamedGroups: [String: String] = [:]

        init(old: Catalog, new: Catalog) {
            self.old = old
            self.new = new
            self.key = CatalogKey(new)
            let known = Set(old.adjustments.map { AdjustmentKey($0) })
            newAdjustments = new.adjustments.filter { !known.contains(AdjustmentKey($0)) }
        }

        struct AdjustmentKey: Hashable {
            var date: String, version: String?, note: String
            init(_ a: Adjustment) { date = a.date.value; version = a.version?.value; note = a.note.value }
        }

        func newLocation(_ position: SourcePosition?) -> SourceLocation {
            SourceLocation(file: new.file, position: position)
        }
        func oldLocation(_ position: SourcePosition?) -> SourceLocation {
            SourceLocation(file: old.file, position: position)
        }

        // MARK: Catalog level

        mutating func catalogLevel() {
            field(DiffFindings.regionChanged, .region, old.region, new.region)
            field(DiffFindings.domainChanged, .domain, old.domain, new.domain)
            if old.level.value != new.level.value {
                catalogChange(
                    DiffFindings.catalogLevelChanged, field: .level, old: old.level.value.rawValue,
                    new: new.level.value.rawValue, oldAt: old.level.position, newAt: new.level.position)
            }
            field(DiffFindings.publisherChanged, .publisher, old.publisher, new.publisher)
            field(DiffFindings.versionChanged, .version, old.version, new.version)
            if old.effectiveDate?.value != new.effectiveDate?.value {
                catalogChange(
                    DiffFindings.effectiveDateChanged, field: .effectiveDate,
                    old: old.effectiveDate?.value, new: new.effectiveDate?.value,
                    oldAt: old.effectiveDate?.position, newAt: new.effectiveDate?.position)
            }
            defaults()
        }

        mutating func field(_ kind: FindingKind, _ name: CatalogHeaderField, _ a: Located<String>, _ b: Located<String>)
        {
            guard a.value != b.value else { return }
            catalogChange(kind, field: name, old: a.value, new: b.value, oldAt: a.position, newAt: b.position)
        }

        mutating func catalogChange(
            _ kind: FindingKind, field: CatalogHeaderField, old a: String?, new b: String?, oldAt: SourcePosition?,
            newAt: SourcePosition?, extra: [String: String] = [:], path: String? = nil
        ) {
            var arguments = ["old": a ?? none, "new": b ?? none, "catalog": key.description]
            arguments.merge(extra) { $1 }
            let finding = Finding(
                kind, at: newLocation(newAt), path: path ?? "/\(field.rawValue)", arguments: arguments,
                oldLocation: oldLocation(oldAt))
            catalogChanges.append(
                Change(
                    finding, kind: .modified, catalog: key, field: .header(field), old: a.map(ChangeValue.text),
                    new: b.map(ChangeValue.text)))
        }

        /// One finding per element of 默认 that changed, with the number of items that inherit it.
        mutating func defaults() {
            let a = old.defaults, b = new.defaults
            for element in CatalogElement.inheritable {
                let before = defaultValue(a, element), after = defaultValue(b, element)
                guard before?.0 != after?.0 else { continue }
                // The items that take the new value (or, when 默认 dropped the element, that took the old one).
                let affected =
                    after == nil
                    ? old.items.filter { $0.isInherited(element) }
                    : new.items.filter { $0.isInherited(element) }
                let finding = Finding(
                    DiffFindings.defaultsChanged, at: newLocation(after?.1 ?? b?.position),
                    path: "/默认/\(element.rawValue)",
                    arguments: [
                        "element": element.rawValue, "old": before?.0.display ?? none, "new": after?.0.display ?? none,
                        "count": String(affected.count), "catalog": key.description,
                    ],
                    oldLocation: oldLocation(before?.1 ?? a?.position))
                catalogChanges.append(
                    Change(
                        finding, kind: .modified, catalog: key, field: .defaults(element), old: before?.0,
                        new: after?.0,
                        added: listDelta(before?.0, after?.0).added, removed: listDelta(before?.0, after?.0).removed,
                        affectedItems: affected.count))
            }
        }

        func defaultValue(_ d: CatalogDefaults?, _ element: CatalogElement) -> (ChangeValue, SourcePosition)? {
            guard let d else { return nil }
            switch element {
            case .basis: return d.basis.map { (.list(texts($0)), $0.position) }
            case .timeLimit: return d.timeLimit.map { (.text($0.value), $0.position) }
            case .bodies: return d.bodies.map { (.list(texts($0)), $0.position) }
            case .channels: return d.channels.map { (.list(texts($0)), $0.position) }
            case .audience: return d.audience.map { (.text($0.value.rawValue), $0.position) }
            case .mode: return d.mode.map { (.text($0.value.rawValue), $0.position) }
            case .levels: return d.levels.map { (.list(texts($0)), $0.position) }
            default: return nil
            }
        }

        func listDelta(_ a: ChangeValue?, _ b: ChangeValue?) -> (added: [String], removed: [String]) {
            guard case .list(let x)? = a, case .list(let y)? = b else { return ([], []) }
            return (y.filter { !x.contains($0) }, x.filter { !y.contains($0) })
        }

        /// A 一级事项 whose every matched item went to one new 一级事项 that did not exist before, and that
        /// holds no item from anywhere else, was renamed: one change instead of a move per item.
        mutating func groupRenames(_ matching: ItemMatching) {
            let oldNames = Set(old.groups.map(\.name.value)), newNames = Set(new.groups.map(\.name.value))
            var targets: [String: Set<String>] = [:], sources: [String: Set<String>] = [:]
            for match in matching.matches {
                targets[match.old.group.value, default: []].insert(match.new.group.value)
                sources[match.new.group.value, default: []].insert(match.old.group.value)
            }
            for group in old.groups where !newNames.contains(group.name.value) {
                guard let target = targets[group.name.value], target.count == 1, let name = target.first,
                    !oldNames.contains(name), sources[name] == [group.name.value],
                    let newGroup = new.groups.first(where: { $0.name.value == name })
                else { continue }
                renamedGroups[group.name.value] = name
                let finding = Finding(
                    DiffFindings.groupRenamed, at: newLocation(newGroup.name.position),
                    path: "/事项/一级事项=\(name)",
                    arguments: [
                        "old": group.name.value, "new": name, "count": String(newGroup.items.count),
                        "catalog": key.description,
                    ],
                    oldLocation: oldLocation(group.name.position))
                catalogChanges.append(
                    Change(
                        finding, kind: .renamed, catalog: key, group: name, field: .group,
                        old: .text(group.name.value), new: .text(name), affectedItems: newGroup.items.count))
            }
        }

        // MARK: Items

        func itemArguments(_ item: CatalogItem) -> [String: String] {
            ["id": item.id.value, "name": item.name.value, "group": item.group.value, "catalog": key.description]
        }

        mutating func added(_ item: CatalogItem) {
            let finding = Finding(
                DiffFindings.itemAdded, at: newLocation(item.id.position), path: item.path,
                arguments: itemArguments(item))
            itemChanges.append(
                Change(
                    finding, kind: .added, catalog: key, id: item.id.value, itemName: item.name.value,
                    group: item.group.value))
        }

        mutating func removed(_ item: CatalogItem) {
            var arguments = itemArguments(item)
            let entry = new.notApplicable.first { $0.id.value == item.id.value }
            let kind: FindingKind
            if let entry {
                kind = DiffFindings.itemRemovedNotApplicable
                arguments["reason"] = entry.reason.value
            } else {
                kind = DiffFindings.itemRemoved
            }
            let finding = Finding(
                kind, at: newLocation(entry?.id.position), path: item.path, arguments: arguments,
                oldLocation: oldLocation(item.id.position))
            itemChanges.append(
                Change(
                    finding, kind: .removed, catalog: key, id: item.id.value, itemName: item.name.value,
                    group: item.group.value, reason: entry?.reason.value))
        }

        /// Where an element of an item is reported: where it is written, or for an inherited value the
        /// item's 编号 (the note says the value comes from 默认).
        func position(_ item: CatalogItem, _ element: CatalogElement) -> SourcePosition? {
            item.isInherited(element) ? item.id.position : (item.position(of: element) ?? item.id.position)
        }

        mutating func compare(_ match: ItemMatch) {
            let a = match.old, b = match.new
            var base = itemArguments(b)
            base["oldId"] = a.id.value

            func emit(
                _ kind: FindingKind, _ changeKind: ChangeKind, field: ChangedField,
                old: ChangeValue?, new: ChangeValue?, added: [String] = [], removed: [String] = [],
                arguments extra: [String: String] = [:], reason: String? = nil
            ) {
                let element = field.element
                var arguments = base
                arguments["old"] = old?.display ?? CatalogDiffer.none
                arguments["new"] = new?.display ?? CatalogDiffer.none
                if !added.isEmpty { arguments["added"] = added.joined(separator: "、") }
                if !removed.isEmpty { arguments["removed"] = removed.joined(separator: "、") }
                arguments.merge(extra) { $1 }
                let inheritance = Inheritance(
                    old: element.map { a.isInherited($0) } ?? false, new: element.map { b.isInherited($0) } ?? false)
                var notes: [LocalizedText] = []
                if let element, b.isInherited(element), let position = b.position(of: element) {
                    notes.append(
                        LocalizedText(
                            zh: "该事项的{element}继承自「默认」（第 \(position.line) 行）".replacingOccurrences(
                                of: "{element}", with: element.rawValue),
                            en: "the item inherits its \(element.rawValue) from 默认 (line \(position.line))"))
                } else if let element, a.isInherited(element) {
                    notes.append(
                        LocalizedText(
                            zh: "该事项原先的\(element.rawValue)继承自「默认」",
                            en: "the item used to inherit its \(element.rawValue) from 默认"))
                }
                let newPosition = element.map { position(b, $0) } ?? b.id.position
                let oldPosition = element.map { position(a, $0) } ?? a.id.position
                let finding = Finding(
                    kind, at: newLocation(newPosition), path: element.map { b.path($0) } ?? "\(b.path)/\(field.key)",
                    arguments: arguments, oldLocation: oldLocation(oldPosition), notes: notes)
                itemChanges.append(
                    Change(
                        finding, kind: changeKind, catalog: key, id: b.id.value,
                        oldID: a.id.value == b.id.value ? nil : a.id.value, itemName: b.name.value,
                        group: b.group.value,
                        field: field, old: old, new: new, added: added, removed: removed, inheritance: inheritance,
                        reason: reason))
            }

            // Identity.
            if a.id.value != b.id.value {
                emit(
                    DiffFindings.itemRenumbered, .renumbered, field: .id,
                    old: .text(a.id.value), new: .text(b.id.value))
            }
            if a.name.value != b.name.value {
                emit(
                    DiffFindings.itemRenamed, .renamed, field: .element(.name),
                    old: .text(a.name.value), new: .text(b.name.value))
            }
            if a.group.value != b.group.value, renamedGroups[a.group.value] != b.group.value {
                emit(
                    DiffFindings.itemMoved, .moved, field: .group,
                    old: .text(a.group.value), new: .text(b.group.value))
            }

            // Elements.
            if a.content.value != b.content.value {
                emit(
                    DiffFindings.contentChanged, .modified, field: .element(.content),
                    old: .text(a.content.value), new: .text(b.content.value))
            }
            list(texts(a.basis), texts(b.basis)) { removed, added, old, new in
                if !removed.isEmpty {
                    emit(
                        DiffFindings.basisRemoved, .modified, field: .element(.basis), old: old, new: new,
                        added: added, removed: removed)
                }
                if !added.isEmpty {
                    emit(
                        DiffFindings.basisAdded, .modified, field: .element(.basis), old: old, new: new,
                        added: added, removed: removed)
                }
            }
            if a.timeLimit.value != b.timeLimit.value {
                let kind: FindingKind =
                    switch TimeLimit.compare(old: a.timeLimit.value, new: b.timeLimit.value) {
                    case .longer: DiffFindings.timeLimitLonger
                    case .shorter: DiffFindings.timeLimitShorter
                    case .same: DiffFindings.timeLimitReworded
                    case .undecidable: DiffFindings.timeLimitUndecided
                    }
                emit(
                    kind, .modified, field: .element(.timeLimit),
                    old: .text(a.timeLimit.value), new: .text(b.timeLimit.value))
            }
            list(texts(a.bodies), texts(b.bodies)) { removed, added, old, new in
                if !removed.isEmpty {
                    emit(
                        DiffFindings.bodyRemoved, .modified, field: .element(.bodies), old: old, new: new,
                        added: added, removed: removed)
                }
                if !added.isEmpty {
                    emit(
                        DiffFindings.bodyAdded, .modified, field: .element(.bodies), old: old, new: new,
                        added: added, removed: removed)
                }
            }
            list(texts(a.channels), texts(b.channels)) { removed, added, old, new in
                if !removed.isEmpty {
                    emit(
                        DiffFindings.channelRemoved, .modified, field: .element(.channels), old: old,
                        new: new, added: added, removed: removed)
                }
                if !added.isEmpty {
                    emit(
                        DiffFindings.channelAdded, .modified, field: .element(.channels), old: old,
                        new: new, added: added, removed: removed)
                }
            }
            if a.audience.value != b.audience.value {
                emit(
                    b.audience.value == .specificGroups ? DiffFindings.audienceNarrowed : DiffFindings.audienceWidened,
                    .modified, field: .element(.audience),
                    old: .text(a.audience.value.rawValue), new: .text(b.audience.value.rawValue))
            }
            if a.mode.value != b.mode.value {
                emit(
                    b.mode.value == .onRequest ? DiffFindings.modeToOnRequest : DiffFindings.modeToProactive,
                    .modified, field: .element(.mode),
                    old: .text(a.mode.value.rawValue), new: .text(b.mode.value.rawValue),
                    reason: b.mode.value == .onRequest ? b.reasonNotProactive?.value : nil)
            }
            list(texts(a.levels), texts(b.levels)) { removed, added, old, new in
                if !removed.isEmpty {
                    emit(
                        DiffFindings.levelRemoved, .modified, field: .element(.levels), old: old, new: new,
                        added: added, removed: removed)
                }
                if !added.isEmpty {
                    emit(
                        DiffFindings.levelAdded, .modified, field: .element(.levels), old: old, new: new,
                        added: added, removed: removed)
                }
            }
            // With a change of 公开方式 the reason travels with it (the mode change carries the new reason).
            if a.reasonNotProactive?.value != b.reasonNotProactive?.value, a.mode.value == b.mode.value {
                emit(
                    DiffFindings.reasonNotProactiveChanged, .modified, field: .element(.reasonNotProactive),
                    old: a.reasonNotProactive.map { .text($0.value) },
                    new: b.reasonNotProactive.map { .text($0.value) })
            }
            if a.remark?.value != b.remark?.value {
                emit(
                    DiffFindings.remarkChanged, .modified, field: .element(.remark),
                    old: a.remark.map { .text($0.value) }, new: b.remark.map { .text($0.value) })
            }
        }

        /// Calls `body` with the removed and added entries when two lists differ as sets; a mere
        /// reordering is no change in what is published.
        func list(_ a: [String], _ b: [String], _ body: ([String], [String], ChangeValue, ChangeValue) -> Void) {
            let removed = a.filter { !b.contains($0) }, added = b.filter { !a.contains($0) }
            guard !removed.isEmpty || !added.isEmpty else { return }
            body(removed, added, .list(a), .list(b))
        }

        // MARK: 未涉及事项

        mutating func notApplicable(matching: ItemMatching) {
            let before = Dictionary(old.notApplicable.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(new.notApplicable.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
            let removedIDs = Set(matching.removed.map(\.id.value))
            let addedIDs = Set(matching.added.map(\.id.value))
            for entry in new.notApplicable {
                let id = entry.id.value
                if let previous = before[id] {
                    if previous.reason.value != entry.reason.value {
                        notApplicableChange(
                            DiffFindings.notApplicableReasonChanged, id: id,
                            old: previous.reason.value, new: entry.reason.value,
                            reason: entry.reason.value, oldAt: previous.reason.position,
                            newAt: entry.reason.position)
                    }
                } else if !removedIDs.contains(id) {
                    // A removed item carries its reason already.
                    notApplicableChange(
                        DiffFindings.notApplicableAdded, id: id, old: nil, new: entry.reason.value,
                        reason: entry.reason.value, oldAt: nil, newAt: entry.id.position)
                }
            }
            for entry in old.notApplicable where after[entry.id.value] == nil && !addedIDs.contains(entry.id.value) {
                notApplicableChange(
                    DiffFindings.notApplicableRemoved, id: entry.id.value, old: entry.reason.value,
                    new: nil, reason: entry.reason.value, oldAt: entry.id.position, newAt: nil)
            }
        }

        mutating func notApplicableChange(
            _ kind: FindingKind, id: String, old a: String?, new b: String?, reason: String,
            oldAt: SourcePosition?, newAt: SourcePosition?
        ) {
            let finding = Finding(
                kind, at: newLocation(newAt), path: "/未涉及事项/编号=\(id)",
                arguments: [
                    "id": id, "old": a ?? none, "new": b ?? none, "reason": reason, "catalog": key.description,
                ],
                oldLocation: oldAt.map(oldLocation))
            catalogChanges.append(
                Change(
                    finding, kind: .modified, catalog: key, id: id, field: .notApplicable, old: a.map(ChangeValue.text),
                    new: b.map(ChangeValue.text), reason: reason))
        }

        // MARK: Notices

        mutating func notices() {
            let count =
                itemChanges.count
                + catalogChanges.filter { $0.field?.isDefaults == true || $0.field == .notApplicable }.count
            guard count > 0 else { return }
            if old.version.value == new.version.value {
                notes.append(
                    Finding(
                        DiffFindings.versionNotBumped, at: newLocation(new.version.position), path: "/版本",
                        arguments: ["count": String(count), "old": old.version.value, "catalog": key.description]))
            }
            if newAdjustments.isEmpty {
                notes.append(
                    Finding(
                        DiffFindings.adjustmentRecordMissing, at: newLocation(nil), path: "/调整记录",
                        arguments: ["count": String(count), "catalog": key.description]))
            }
        }
    }
}
