import CatalogModel
import Foundation

/// A group of files checked together: one jurisdiction's folder, or one plain folder. Cross-file rules look
/// within a group, and only one group's catalogs are in memory at a time.
public struct FileGroup: Sendable {
    /// The workspace file whose context applies (机构名录, rules, levels), if any.
    public var workspaceFile: String?
    /// The jurisdiction the files belong to, when the group is a jurisdiction's folder.
    public var jurisdiction: String?
    /// The group's files, sorted, in one buffer (a province has 40,000 of them).
    public var files: FilePaths
}

/// What the paths on the command line name.
public struct DiscoveredInputs: Sendable {
    /// Workspace files (gkml.yaml) found, each checked with the workspace schema.
    public var workspaces: [String] = []
    public var groups: [FileGroup] = []
    /// Paths that do not exist, or folders with no YAML files: I/O failures (exit 2).
    public var missing: [String] = []
    public var empty: [String] = []
    /// Entries that were not read: special files, folder links, links that leave the workspace or lead nowhere.
    public var skipped: [SkippedInput] = []
    /// The grouped files that are links to files, with the real paths they lead to: noted as they are found, so
    /// that finding the aliases among them needs no second look at every file.
    var fileLinks: [String: String] = [:]
}

/// Turns `gkml validate` paths into groups of files (DESIGN §5): files, folders (recursive *.yaml/*.yml),
/// or a workspace (a folder with gkml.yaml, grouped by its jurisdictions' folders).
public enum InputDiscovery {
    /// `workspaceFound` is called with each gkml.yaml the walk finds, before the folders under it are walked, so
    /// that the caller can read it while little else is in memory (the one of a province lists thousands of
    /// jurisdictions; read after the walk, its tree came on top of every discovered path).
    public static func discover(
        _ paths: [String], extensions: [String] = [".yaml", ".yml"], workspaceFound: (String) -> Void = { _ in }
    ) -> DiscoveredInputs {
        var inputs = DiscoveredInputs()
        for path in paths {
            let kind = FileEntry.kind(of: path)
            switch kind {
            case .missing, .brokenLink:
                inputs.missing.append(path)
                continue
            case .directory, .linkToDirectory:
                // A folder named on the command line is walked even through a link: the user chose it.
                let before = inputs.groups.reduce(0) { $0 + $1.files.count } + inputs.workspaces.count
                let context = WorkspaceLoader.enclosingWorkspace(of: path)
                let root = context.map { ($0 as NSString).deletingLastPathComponent } ?? path
                walk(
                    path, context: context, root: FileEntry.realPath(root.isEmpty ? "." : root) ?? root,
                    extensions: extensions, into: &inputs, workspaceFound: workspaceFound)
                let after = inputs.groups.reduce(0) { $0 + $1.files.count } + inputs.workspaces.count
                if after == before { inputs.empty.append(path) }
                continue
            default: break
            }
            let folder = (path as NSString).deletingLastPathComponent
            let workspace = WorkspaceLoader.enclosingWorkspace(of: folder.isEmpty ? "." : folder)
            // A file named on the command line is read even if it is a FIFO or a device (`/dev/stdin`); a link
            // inside a workspace must stay inside it.
            if case .linkToFile(let real) = kind, let workspace,
                let root = FileEntry.realPath((workspace as NSString).deletingLastPathComponent),
                !FileEntry.isInside(real, root: root)
            {
                inputs.skipped.append(SkippedInput(path: path, reason: .outsideLink(root: root)))
                continue
            }
            let name = (path as NSString).lastPathComponent
            if name == WorkspaceLoader.fileName {
                inputs.workspaces.append(path)
            } else {
                inputs.groups.append(FileGroup(workspaceFile: workspace, jurisdiction: nil, files: FilePaths([path])))
                if case .linkToFile(let real) = kind { inputs.fileLinks[path] = real }
            }
        }
        dropAliases(&inputs)
        return inputs
    }

    /// A link to a file that is also found under its own name is read once, under that name (else its items
    /// would clash with themselves, and `--fix` would edit the file twice).
    /// The real paths of the regular files are looked up only when there is a link (at province scale they were
    /// 40,000 strings made for nothing), and the links are those the walk noted (looking at every file again
    /// took 40,000 `lstat` calls before any file could be checked).
    static func dropAliases(_ inputs: inout DiscoveredInputs) {
        let links = inputs.fileLinks
        guard !links.isEmpty else { return }
        var real: Set<String> = []
        for group in inputs.groups {
            for file in group.files where FileEntry.kind(of: file) == .regular {
                if let path = FileEntry.realPath(file) { real.insert(path) }
            }
        }
        let aliases = Set(links.filter { real.contains($0.value) }.keys)
        guard !aliases.isEmpty else { return }
        for index in inputs.groups.indices {
            inputs.groups[index].files = FilePaths(inputs.groups[index].files.filter { !aliases.contains($0) })
        }
        inputs.groups.removeAll { $0.files.isEmpty }
    }

    /// Walks a folder: a folder holding gkml.yaml starts a workspace; YAML files are grouped by folder. Entries
    /// are judged without opening them; links to folders are not walked and links to files must resolve inside
    /// `root` (a real path).
    static func walk(
        _ folder: String, context: String?, root: String, extensions: [String], into inputs: inout DiscoveredInputs,
        workspaceFound: (String) -> Void = { _ in }
    ) {
        guard let entries = FileEntry.entries(in: folder) else { return }
        var context = context
        var files: [String] = []
        var subfolders: [String] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let name = entry.name
            let path = folder == "." ? name : (folder as NSString).appendingPathComponent(name)
            let wanted = name == WorkspaceLoader.fileName || extensions.contains(where: { name.hasSuffix($0) })
            switch entry.kind ?? FileEntry.kind(of: path) {
            case .directory:
                subfolders.append(path)
                continue
            case .regular:
                break
            case .linkToFile(let real):
                guard wanted else { continue }
                guard FileEntry.isInside(real, root: root) else {
                    inputs.skipped.append(SkippedInput(path: path, reason: .outsideLink(root: root)))
                    continue
                }
                if name != WorkspaceLoader.fileName { inputs.fileLinks[path] = real }
            case .linkToDirectory:
                inputs.skipped.append(SkippedInput(path: path, reason: .directoryLink))
                continue
            case .special(let special), .linkToSpecial(_, let special):
                if wanted { inputs.skipped.append(SkippedInput(path: path, reason: .special(special))) }
                continue
            case .brokenLink:
                if wanted { inputs.skipped.append(SkippedInput(path: path, reason: .brokenLink)) }
                continue
            case .missing:
                continue
            }
            if name == WorkspaceLoader.fileName {
                inputs.workspaces.append(path)
                context = path
                workspaceFound(path)
            } else if wanted {
                files.append(path)
            }
        }
        if !files.isEmpty {
            inputs.groups.append(FileGroup(workspaceFile: context, jurisdiction: nil, files: FilePaths(files)))
        }
        for subfolder in subfolders {
            walk(
                subfolder, context: context, root: root, extensions: extensions, into: &inputs,
                workspaceFound: workspaceFound)
        }
    }
}
