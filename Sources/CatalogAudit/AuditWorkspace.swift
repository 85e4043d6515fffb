import CatalogLint
import CatalogModel
import Diagnostics
import Foundation

/// The catalogs an audit looks at: each jurisdiction of the workspace with its decoded catalogs.
public struct AuditWorkspace: Sendable {
    /// One catalog with where it sits.
    public struct Entry: Sendable {
        public var jurisdiction: String
        /// The file, relative to the workspace folder.
        public var file: String
        public var catalog: Catalog
    }

    public var root: String
    public var jurisdictions: [String]
    public var catalogs: [Entry]

    /// Loads `path` (a folder holding gkml.yaml, or gkml.yaml itself). Throws when the workspace or one of its
    /// catalogs cannot be read as a catalog (the audit needs every 公开栏目; `gkml validate` tells why).
    public static func load(path: String) throws -> AuditWorkspace {
        let file =
            path.hasSuffix(WorkspaceLoader.fileName)
            ? path : (path as NSString).appendingPathComponent(WorkspaceLoader.fileName)
        guard FileManager.default.fileExists(atPath: file) else { throw AuditError.notAWorkspace(path) }
        let loaded = WorkspaceLoader.load(path: file)
        guard let workspace = loaded.workspace, !loaded.hasErrors else { throw AuditError.unreadable([file]) }
        let root = workspace.root
        var entries: [Entry] = []
        var unreadable: [String] = []
        for jurisdiction in workspace.jurisdictions {
            let folder = (root as NSString).appendingPathComponent(jurisdiction.folder.value)
            let files = InputDiscovery.discover([folder]).groups.flatMap(\.files)
                .filter { ($0 as NSString).lastPathComponent != WorkspaceLoader.fileName }.sorted()
            for path in files {
                let loadedCatalog = CatalogLoader.load(path: path, registry: loaded.registry)
                guard let catalog = loadedCatalog.catalog else { unreadable.append(path); continue }
                entries.append(
                    Entry(jurisdiction: jurisdiction.name.value, file: relative(path, to: root), catalog: catalog))
            }
        }
        if !unreadable.isEmpty { throw AuditError.unreadable(unreadable) }
        return AuditWorkspace(root: root, jurisdictions: workspace.jurisdictions.map(\.name.value), catalogs: entries)
    }

    static func relative(_ path: String, to root: String) -> String {
        let p = URL(fileURLWithPath: path).standardizedFileURL.path
        let r = URL(fileURLWithPath: root).standardizedFileURL.path
        return p.hasPrefix(r + "/") ? String(p.dropFirst(r.count + 1)) : path
    }
}

/// Why an audit cannot start (exit status 2).
public enum AuditError: Error, Equatable {
    case notAWorkspace(String)
    case unreadable([String])
    case calendar(CalendarError)

    public func message(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .notAWorkspace(let path):
            return en
                ? "\(path) is not a workspace: no \(WorkspaceLoader.fileName) there."
                : "\(path) 不是工作区：找不到 \(WorkspaceLoader.fileName)。请指定含 gkml.yaml 的文件夹。"
        case .unreadable(let files):
            let list = files.map { "  \($0)" }.joined(separator: "\n")
            return en
                ? "these files cannot be read as catalogs (see gkml validate):\n\(list)"
                : "以下文件无法读取为目录（用 gkml validate 查看原因）：\n\(list)"
        case .calendar(let error):
            return error.message(language)
        }
    }
}
