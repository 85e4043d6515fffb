import CatalogDiff
import CatalogLint
import CatalogModel
import Diagnostics
import Foundation

/// Why the self-check could not be made (exit status 2).
public struct SelfCheckFailure: Error, Sendable {
    public var message: LocalizedText
}

/// Computes the annual self-check of a workspace: the catalogs as they are (validated), and the year's
/// adjustments from git (the last commit before the year compared with the last commit of the year).
public enum SelfCheck {
    public static func run(workspace folder: String, year: Int, git: Git = Git()) throws(SelfCheckFailure)
        -> SelfCheckReport
    {
        let workspaceFile = (folder as NSString).appendingPathComponent(WorkspaceLoader.fileName)
        let loadedWorkspace = WorkspaceLoader.load(path: workspaceFile)
        guard let workspace = loadedWorkspace.workspace else {
            throw SelfCheckFailure(
                message: LocalizedText(
                    zh: "「\(folder)」中没有有效的 gkml.yaml", en: "\"\(folder)\" holds no valid gkml.yaml"))
        }
        let registry = loadedWorkspace.registry
        let validation = Validator.run([folder], options: ValidationOptions(keepCatalogs: true))
        let register = (try? ApprovalRegister.load(folder: folder)) ?? ApprovalRegister()

        // The year's adjustments from git, per (地区, canonical 领域).
        var counts: [String: AdjustmentCounts] = [:]
        var base: String?, end: String?
        let fromHistory = git.isRepository
        if fromHistory {
            base = git.lastCommit(before: "\(year)-01-01")
            end = git.lastCommit(before: "\(year + 1)-01-01")
            if let end {
                do {
                    let report: DiffReport
                    if let base {
                        let loaded = try DiffInput.load(
                            old: .revision(base, paths: [folder]), new: .revision(end, paths: [folder]), git: git,
                            registry: registry)
                        report = DiffReport.compare(loaded, oldLabel: base, newLabel: end, registry: registry)
                    } else {
                        // The history starts in the year: everything in it was added in the year.
                        // A revision lists blobs only: nothing is skipped there.
                        var skipped: [SkippedInput] = []
                        let new = try DiffInput.files(.revision(end, paths: [folder]), git: git, skipped: &skipped)
                            .compactMap {
                                CatalogLoader.load(bytes: $0.bytes, file: $0.display, registry: registry).catalog
                            }
                        report = DiffReport.compare(old: [], new: new, oldLabel: "", newLabel: end, registry: registry)
                    }
                    for comparison in report.comparisons {
                        var c = AdjustmentCounts()
                        let summary = DiffSummary(comparison.changes)
                        // A catalog added or removed as a whole: its items were.
                        c.added = comparison.old == nil ? (comparison.new?.items.count ?? 0) : summary.added
                        c.removed = comparison.new == nil ? (comparison.old?.items.count ?? 0) : summary.removed
                        c.changed = summary.modified
                        c.downgraded = comparison.changes.filter { $0.code == DiffFindings.modeToOnRequest.code }.count
                        c.upgraded = comparison.changes.filter { $0.code == DiffFindings.modeToProactive.code }.count
                        counts[key(comparison.key.region, comparison.key.domain, registry)] = c
                    }
                } catch {
                    throw SelfCheckFailure(
                        message: LocalizedText(zh: "无法读取 git 历史：\(error)", en: "cannot read the git history: \(error)"))
                }
            }
        }

        let root = URL(fileURLWithPath: workspace.root).standardizedFileURL.path
        var jurisdictions: [JurisdictionFigures] = []
        for jurisdiction in workspace.jurisdictions {
            let prefix =
                URL(fileURLWithPath: root).appendingPathComponent(jurisdiction.folder.value).standardizedFileURL.path
                + "/"
            let catalogs = validation.catalogs.filter {
                URL(fileURLWithPath: $0.key).standardizedFileURL.path.hasPrefix(prefix)
            }.map(\.value).sorted { code($0, registry) < code($1, registry) }
            var figures: [DomainFigures] = []
            for catalog in catalogs {
                let domain = registry.domain(named: catalog.domain.value)?.name ?? catalog.domain.value
                var adjustments = counts[key(catalog.region.value, domain, registry)] ?? AdjustmentCounts()
                let inYear = catalog.adjustments.filter { $0.date.value.hasPrefix("\(year)-") }
                adjustments.records = inYear.count
                var documents = inYear.compactMap { $0.approval?.documentNumber?.value }
                documents += register.entries.filter {
                    $0.date.hasPrefix("\(year)-")
                        && $0.catalogs.contains {
                            $0.region == catalog.region.value && $0.domain == domain
                        }
                }.map(\.document)
                adjustments.documents = documents.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                let onRequest = catalog.items.filter { $0.mode.value == .onRequest }.map {
                    DomainFigures.OnRequestItem(
                        id: $0.id.value, name: $0.name.value, reason: $0.reasonNotProactive?.value ?? "")
                }
                figures.append(
                    DomainFigures(
                        domain: domain, version: catalog.version.value, items: catalog.items.count,
                        proactive: catalog.items.count - onRequest.count, onRequest: onRequest,
                        adjustments: adjustments,
                        approval: register.state(of: catalog, registry: registry)))
            }
            let pilot = DomainRegistry.pilot.domains.filter(\.pilot).map(\.name)
            let present = Set(figures.map(\.domain))
            var declared: [String: String] = [:]
            for (name, reason) in jurisdiction.domainsNotApplicable {
                declared[registry.domain(named: name.value)?.name ?? name.value] = reason
            }
            jurisdictions.append(
                JurisdictionFigures(
                    name: jurisdiction.name.value, level: jurisdiction.level.value, catalogs: figures,
                    pilotCovered: pilot.filter(present.contains),
                    pilotNotApplicable: declared.filter { pilot.contains($0.key) },
                    pilotMissing: pilot.filter { !present.contains($0) && declared[$0] == nil }))
        }
        return SelfCheckReport(
            year: year, title: workspace.region.value + "基层政务公开标准目录\(year)年度自查", jurisdictions: jurisdictions,
            fromHistory: fromHistory, baseCommit: base, endCommit: end)
    }

    static func key(_ region: String, _ domain: String, _ registry: DomainRegistry) -> String {
        region + "\u{1F}" + (registry.domain(named: domain)?.name ?? domain)
    }

    static func code(_ catalog: Catalog, _ registry: DomainRegistry) -> String {
        (registry.domain(named: catalog.domain.value)?.code ?? "~") + catalog.domain.value
    }
}

extension Git {
    /// The last commit of HEAD's history dated before a day (YYYY-MM-DD, committer date), or nil.
    func lastCommit(before day: String) -> String? {
        guard let output = try? run(["rev-list", "-1", "--before=\(day)T00:00:00", "HEAD"]) else { return nil }
        let commit = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return commit.isEmpty ? nil : commit
    }
}
