import CatalogModel
import Foundation

/// A group of files checked together: one jurisdiction's folder, or one plain folder. Cross-file rules look
/// within a group, and only one group's catalogs are in memory at a time.
public struct FileGroup: Sendable {
    /// The workspace file whose context applies (机构名录, rules, levels), if any.
    public var workspaceFile: String?
    /// The jurisdiction the files belong to, when the group is a jurisdiction's folder.
    public var jurisdiction: String?
    public var files: [String]
}

/// What the paths on the command line name.
public struct DiscoveredInputs: Sendable {
    /// Workspace files (gkml.yaml) found, each checked with the workspace schema.
    public var workspaces: [String] = []
    public var groups: [FileGroup] = []
    /// Paths that do not exist, or folders with no YAML files: I/O failures (exit 2).
    public var missing: [String] = []
    public var empty: [String] = []
}

/// Turns `gkml validate` paths into groups of files (DESIGN §5): files, folders (recursive *.yaml/*.yml),
/// or a workspace (a folder with gkml.yaml, grouped by its jurisdictions' folders).
public enum InputDiscovery {
    public static func discover(_ paths: [String], extensions: [String] = [".yaml", ".yml"]) -> DiscoveredInputs {
        var inputs = DiscoveredInputs()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.missing.append(path)
                continue
            }
            if !isDirectory.boolValue {
                let name = (path as NSString).lastPathComponent
                if name == WorkspaceLoader.fileName {
                    inputs.workspaces.append(path)
                } else {
                    let folder = (path as NSString).deletingLastPathComponent
                    inputs.groups.append(
                        FileGroup(
                            workspaceFile: WorkspaceLoader.enclosingWorkspace(of: folder.isEmpty ? "." : folder),
                            jurisdiction: nil, files: [path]))
                }
                continue
            }
            let before = inputs.groups.reduce(0) { $0 + $1.files.count } + inputs.workspaces.count
            walk(path, context: WorkspaceLoader.enclosingWorkspace(of: path), extensions: extensions, into: &inputs)
            let after = inputs.groups.reduce(0) { $0 + $1.files.count } + inputs.workspaces.count
            if after == before { inputs.empty.append(path) }
        }
        return inputs
    }

    /// Walks a folder: a folder holding gkml.yaml starts a workspace; YAML files are grouped by folder.
    static func walk(_ folder: String, context: String?, extensions: [String], into inputs: inout DiscoveredInputs) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        var context = context
        var files: [String] = []
        var subfolders: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder == "." ? name : (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            fm.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                subfolders.append(path)
            } else if name == WorkspaceLoader.fileName {
                inputs.workspaces.append(path)
                context = path
            } else if extensions.contains(where: { name.hasSuffix($0) }) {
                files.append(path)
            }
        }
        if !files.isEmpty {
            inputs.groups.append(FileGroup(workspaceFile: context, jurisdiction: nil, files: files))
        }
        for subfolder in subfolders {
            walk(subfolder, context: context, extensions: extensions, into: &inputs)
        }
    }
}
