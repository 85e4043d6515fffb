import CatalogLint
import CatalogModel
import Diagnostics
import Foundation

/// A catalog that `gkml build` leaves out, or (with `--allow-errors`) publishes despite its errors.
public struct BlockedCatalog: Sendable, Hashable {
    public var file: String
    public var errors: Int
    /// The file could not be decoded as a catalog at all: never published, even with `--allow-errors`.
    public var unreadable: Bool

    public init(file: String, errors: Int, unreadable: Bool = false) {
        self.file = file
        self.errors = errors
        self.unreadable = unreadable
    }
}

/// The publish policy of `gkml build`: which catalogs of a validated workspace go into the site, by
/// jurisdiction, and which are blocked by their errors (or the workspace file's).
public struct PublishPlan: Sendable {
    /// Each jurisdiction of gkml.yaml, in its order, with the catalogs that will be published.
    public var jurisdictions: [SiteJurisdiction]
    /// Files with errors, in the order met: the workspace file first, then each jurisdiction's files by name.
    public var blocked: [BlockedCatalog]
    public var allowErrors: Bool

    /// True when the site is written: nothing has errors, or `--allow-errors` was given.
    public var proceeds: Bool { blocked.isEmpty || allowErrors }

    /// Decides what to publish from a validation of the workspace (`ValidationOptions.keepCatalogs` set, so
    /// the catalogs are the ones validated and are not read again).
    public init(workspace: Workspace, workspaceFile: String, validation: ValidationOutcome, allowErrors: Bool) {
        self.allowErrors = allowErrors
        var validated: [String: Catalog] = [:]
        for (file, catalog) in validation.catalogs { validated[Self.standard(file)] = catalog }
        let report = validation.report
        var errorsByFile: [String: Int] = [:]
        for file in report.files {
            let count = file.findings.filter { $0.severity == .error }.count
            if count > 0 { errorsByFile[Self.standard(file.path), default: 0] += count }
        }

        var blocked: [BlockedCatalog] = []
        let workspaceErrors =
            (errorsByFile[Self.standard(workspaceFile)] ?? 0)
            + report.general.filter { $0.severity == .error }.count
        if workspaceErrors > 0 { blocked.append(BlockedCatalog(file: workspaceFile, errors: workspaceErrors)) }

        var jurisdictions: [SiteJurisdiction] = []
        for jurisdiction in workspace.jurisdictions {
            let folder = (workspace.root as NSString).appendingPathComponent(jurisdiction.folder.value)
            var catalogs: [Catalog] = []
            for file in Self.catalogFiles(in: folder) {
                let errors = errorsByFile[Self.standard(file)] ?? 0
                guard let catalog = validated[Self.standard(file)] else {
                    blocked.append(BlockedCatalog(file: file, errors: max(errors, 1), unreadable: true))
                    continue
                }
                if errors > 0 {
                    blocked.append(BlockedCatalog(file: file, errors: errors))
                    if !allowErrors { continue }
                }
                catalogs.append(catalog)
            }
            var notApplicable: [String: String] = [:]
            for (domain, reason) in jurisdiction.domainsNotApplicable { notApplicable[domain.value] = reason }
            jurisdictions.append(
                SiteJurisdiction(
                    name: jurisdiction.name.value, level: jurisdiction.level.value, catalogs: catalogs,
                    domainsNotApplicable: notApplicable))
        }
        self.jurisdictions = jurisdictions
        self.blocked = blocked
    }

    /// The list of blocked files for the terminal: why nothing was written, or (with `--allow-errors`) a warning.
    /// `workspaceArgument` is the path as the user typed it, for the suggested `gkml validate` command.
    public func blockedMessage(workspaceArgument: String) -> LocalizedText? {
        guard !blocked.isEmpty else { return nil }
        var zh = allowErrors ? "警告：以下目录有错误，仍按 --allow-errors 生成（无法解读为目录的除外）：\n" : "以下目录有错误，未生成任何文件：\n"
        var en =
            allowErrors
            ? "warning: these catalogs have errors and are published anyway (--allow-errors), except those that cannot be read as catalogs:\n"
            : "these catalogs have errors; nothing was written:\n"
        for entry in blocked {
            zh += "  \(entry.file)（\(entry.errors) 个错误）\(entry.unreadable ? "：无法解读为目录，不能生成" : "")\n"
            en +=
                "  \(entry.file) (\(entry.errors) error(s))\(entry.unreadable ? ": cannot be read as a catalog, not published" : "")\n"
        }
        if !allowErrors {
            zh += "请修正后重新生成（gkml validate \(workspaceArgument) 查看详情），或加 --allow-errors 强制生成。"
            en +=
                "Fix them and build again (gkml validate \(workspaceArgument) shows the details), or pass --allow-errors."
        }
        return LocalizedText(zh: zh, en: en)
    }

    /// The YAML files of a jurisdiction's folder, recursively, in name order (hidden entries and gkml.yaml skipped).
    static func catalogFiles(in folder: String) -> [String] {
        InputDiscovery.discover([folder]).groups.flatMap(\.files)
            .filter { ($0 as NSString).lastPathComponent != WorkspaceLoader.fileName }
    }

    static func standard(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
