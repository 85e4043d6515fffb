import CatalogModel
import Diagnostics

/// Everything one `gkml diff` run found, ready for any of the reporters.
public struct DiffReport: Sendable {
    /// How the two sides were named on the command line (a path, `v2023`, `工作区`).
    public var oldLabel: String
    public var newLabel: String
    public var comparisons: [CatalogComparison]
    /// Findings about the inputs and the accept file (not changes).
    public var general: [Finding]
    /// Who issues the record (the workspace's 发布机构), printed at its end.
    public var issuer: String?

    public init(oldLabel: String, newLabel: String, comparisons: [CatalogComparison], general: [Finding] = []) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        self.comparisons = comparisons
        self.general = general
    }

    /// Every change, catalog by catalog.
    public var changes: [Change] { comparisons.flatMap(\.changes) }

    /// Observations that are not changes, and input findings.
    public var notices: [Finding] { comparisons.flatMap(\.notices) + general }

    /// Only the comparisons that have something to say.
    public var changedComparisons: [CatalogComparison] {
        comparisons.filter { !$0.changes.isEmpty || !$0.notices.isEmpty }
    }

    public var summary: DiffSummary { DiffSummary(changes) }

    /// Regressions no accepted entry lets pass: what `--fail-on regression` stops on.
    public var unacceptedRegressions: [Change] { changes.filter { $0.isRegression && !$0.isAccepted } }

    /// Files on either side that could not be decoded (one finding each): the comparison is incomplete, so
    /// `gkml diff` exits 1 whatever the gate.
    public var unreadableInputs: [Finding] { general.filter { $0.kind == DiffFindings.inputUnreadable } }

    /// Whether the gate fails.
    public func fails(on gate: FailOn) -> Bool {
        switch gate {
        case .regression: !unacceptedRegressions.isEmpty
        case .any: changes.contains { !$0.isAccepted }
        }
    }
}

/// The gate of `--fail-on`.
public enum FailOn: String, Sendable, CaseIterable {
    /// A transparency regression that no `--accept` entry covers.
    case regression
    /// Any change not covered by an `--accept` entry.
    case any
}

/// The counts at the head of every report.
public struct DiffSummary: Sendable, Hashable {
    /// Catalogs compared that have at least one change, and catalogs added or removed.
    public var catalogsChanged: Int
    public var catalogsAdded: Int
    public var catalogsRemoved: Int
    /// Items (not findings): 新增, 删除, 修改 (items with at least one element changed), 移动, 重编号, 重命名.
    public var added: Int
    public var removed: Int
    public var modified: Int
    public var moved: Int
    public var renumbered: Int
    public var renamed: Int
    /// Catalog-level changes (版本, 生效日期, 发布机构, 默认, 未涉及事项 …).
    public var catalogLevel: Int
    public var regressions: Int
    public var improvements: Int
    /// Regressions let pass by `--accept`.
    public var accepted: Int
    /// All changes (findings).
    public var changes: Int

    public init(_ changes: [Change]) {
        let items = changes.filter { !$0.isCatalogLevel && $0.field != .notApplicable }
        let catalogs = changes.filter { $0.isCatalogLevel || $0.field == .notApplicable }
        catalogsAdded = catalogs.filter { $0.code == DiffFindings.catalogAdded.code }.count
        catalogsRemoved = catalogs.filter { $0.code == DiffFindings.catalogRemoved.code }.count
        catalogsChanged = Set(changes.map(\.catalog)).count
        catalogLevel = catalogs.count - catalogsAdded - catalogsRemoved
        func distinct(_ kind: ChangeKind) -> Int {
            Set(items.filter { $0.kind == kind }.map { "\($0.catalog)\u{1F}\($0.id ?? "")" }).count
        }
        added = distinct(.added)
        removed = distinct(.removed)
        modified = distinct(.modified)
        moved = distinct(.moved)
        renumbered = distinct(.renumbered)
        renamed = distinct(.renamed)
        regressions = changes.filter(\.isRegression).count
        improvements = changes.filter(\.isImprovement).count
        accepted = changes.filter { $0.isRegression && $0.isAccepted }.count
        self.changes = changes.count
    }

    /// The count of items for one kind.
    public func count(_ kind: ChangeKind) -> Int {
        switch kind {
        case .added: added
        case .removed: removed
        case .modified: modified
        case .moved: moved
        case .renumbered: renumbered
        case .renamed: renamed
        }
    }
}

extension DiffReport {
    /// Compares two sets of catalogs, matched by (地区, 领域) (domains by their canonical name, so a catalog
    /// whose 领域 moved to a newer name still matches). With `pairSingles` (two files named on the command
    /// line), one catalog on each side is compared whatever their keys.
    public static func compare(
        old: [Catalog], new: [Catalog], oldLabel: String, newLabel: String, registry: DomainRegistry = .pilot,
        pairSingles: Bool = false
    ) -> DiffReport {
        DiffReport(
            oldLabel: oldLabel, newLabel: newLabel,
            comparisons: pair(old: old, new: new, registry: registry, pairSingles: pairSingles)
                .map { CatalogDiffer.compare($0.0, $0.1) }
        )
        .applyingApprovals()
    }

    /// Compares what `DiffInput.load` read, with the workspace's 发布机构 as the record's issuer.
    public static func compare(
        _ loaded: LoadedSides, oldLabel: String, newLabel: String,
        registry: DomainRegistry = .pilot
    ) -> DiffReport {
        var report = compare(
            old: loaded.old, new: loaded.new, oldLabel: oldLabel, newLabel: newLabel,
            registry: registry, pairSingles: loaded.singleFiles)
        report.issuer = loaded.issuer
        report.general += loaded.findings
        return report.applying(rules: loaded.rules)
    }

    /// Marks every regression that the new catalog's 调整记录 approves (批准事项 with the item's 编号 and the
    /// matching 变更): the one approval that `gkml validate` honours too.
    public func applyingApprovals() -> DiffReport {
        var report = self
        for c in report.comparisons.indices {
            guard let catalog = report.comparisons[c].new else { continue }
            for k in report.comparisons[c].changes.indices {
                let change = report.comparisons[c].changes[k]
                guard change.isRegression, let kind = RegressionTable.check(for: change.finding.kind)?.approval else {
                    continue
                }
                let found = [change.id, change.oldID].compactMap { $0 }.lazy.compactMap {
                    catalog.approval(of: kind, for: $0)
                }.first
                if let (approval, approved) = found {
                    report.comparisons[c].changes[k].approval = ChangeApproval(
                        authority: approval.authority, date: approval.date?.value, reason: approved.reason.value)
                }
            }
        }
        return report
    }

    /// Applies a workspace's 规则 to the change codes: a severity replaces the default level; `关闭` keeps
    /// the change in the record but no longer counts it as a regression or an improvement (the place has
    /// decided that this check does not apply to it).
    public func applying(rules: [String: RuleSetting]) -> DiffReport {
        guard !rules.isEmpty else { return self }
        var report = self
        for c in report.comparisons.indices {
            for k in report.comparisons[c].changes.indices {
                switch rules[report.comparisons[c].changes[k].code] {
                case .severity(let severity)?: report.comparisons[c].changes[k].finding.severity = severity
                case .off?: report.comparisons[c].changes[k].checkDisabled = true
                case nil: break
                }
            }
            for k in report.comparisons[c].notices.indices {
                if case .severity(let severity)? = rules[report.comparisons[c].notices[k].code] {
                    report.comparisons[c].notices[k].severity = severity
                }
            }
            report.comparisons[c].notices.removeAll { rules[$0.code] == .off }
        }
        return report
    }

    /// Pairs catalogs by (地区, canonical 领域); where a key is taken twice, by file name, then in order.
    public static func pair(
        old: [Catalog], new: [Catalog], registry: DomainRegistry = .pilot,
        pairSingles: Bool = false
    ) -> [(Catalog?, Catalog?)] {
        if pairSingles && old.count == 1 && new.count == 1 { return [(old[0], new[0])] }
        func key(_ c: Catalog) -> CatalogKey {
            let domain: String =
                switch registry.resolve(c.domain.value) {
                case .canonical(let d), .alias(_, let d): d.name
                case .unknown: c.domain.value
                }
            return CatalogKey(region: c.region.value, domain: domain)
        }
        var oldByKey: [CatalogKey: [Catalog]] = [:]
        for c in old { oldByKey[key(c), default: []].append(c) }
        var pairs: [(Catalog?, Catalog?)] = []
        for c in new {
            let k = key(c)
            if var candidates = oldByKey[k], !candidates.isEmpty {
                let index = candidates.firstIndex { baseName($0.file) == baseName(c.file) } ?? 0
                pairs.append((candidates.remove(at: index), c))
                oldByKey[k] = candidates
            } else {
                pairs.append((nil, c))
            }
        }
        for c in old where oldByKey[key(c)]?.contains(where: { $0.file == c.file }) == true {
            pairs.append((c, nil))
        }
        return pairs.sorted { a, b in
            let ka = CatalogKey((a.1 ?? a.0)!), kb = CatalogKey((b.1 ?? b.0)!)
            return ka < kb
        }
    }

    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
