import CatalogModel
import Diagnostics
import Foundation
import YAMLTree

/// One commit in the history of an item.
public struct ItemHistoryEntry: Sendable {
    public var commit: String
    public var shortCommit: String
    public var author: String
    /// Author date, YYYY-MM-DD.
    public var date: String
    public var subject: String
    /// The file the item lives in after the commit (before it, for a removal).
    public var file: String
    /// The item's changes in this commit.
    public var changes: [Change]
}

/// `gkml log 编号`: the commits that changed one item, newest first, and what each changed. Follows the
/// item back through renumberings (a 重编号 to the 编号 asked for adds the old 编号 to the search).
public enum ItemHistory {
    public static func log(id: String, git: Git, paths: [String] = [], registry: DomainRegistry = .pilot) throws -> [ItemHistoryEntry] {
        let pathspecs = paths.isEmpty ? [":(glob)**/*.yaml", ":(glob)**/*.yml"] : paths
        let separator = "\u{1F}", end = "\u{1E}"
        let raw = try git.run([
            "log", "--no-merges", "--format=%H\(separator)%h\(separator)%an\(separator)%ad\(separator)%s\(separator)%P\(end)",
            "--date=short", "--", ] + pathspecs)
        let commits = String(decoding: raw, as: UTF8.self).split(separator: Character(end)).compactMap { record -> [String]? in
            let fields = record.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: separator)
            return fields.count == 6 ? fields : nil
        }
        var tracked: Set<String> = [id]
        var entries: [ItemHistoryEntry] = []
        for fields in commits {
            let commit = fields[0], parent = fields[5].split(separator: " ").first.map(String.init)
            for file in try changedFiles(commit: commit, parent: parent, git: git, paths: paths) {
                let specs = [file.old.map { "\(parent ?? ""):\($0)" }, file.new.map { "\(commit):\($0)" }]
                let contents = try git.contents(specs.compactMap { $0 })
                var iterator = contents.makeIterator()
                let oldBytes = file.old == nil ? nil : iterator.next()
                let newBytes = file.new == nil ? nil : iterator.next()
                // Cheap test first: neither side mentions a 编号 we follow.
                let mentions = [oldBytes, newBytes].contains { bytes in
                    guard let bytes else { return false }
                    let text = String(decoding: bytes, as: UTF8.self)
                    return tracked.contains { text.contains($0) }
                }
                guard mentions else { continue }
                let oldCatalog = oldBytes.flatMap {
                    CatalogLoader.load(bytes: $0, file: "\(String(commit.prefix(7)))^:\(file.old!)", registry: registry).catalog
                }
                let newCatalog = newBytes.flatMap {
                    CatalogLoader.load(bytes: $0, file: "\(String(commit.prefix(7))):\(file.new!)", registry: registry).catalog
                }
                guard oldCatalog != nil || newCatalog != nil else { continue }
                // A catalog that appears or disappears: compare with an empty copy, so that items show.
                let before = oldCatalog ?? emptied(newCatalog!)
                let after = newCatalog ?? emptied(oldCatalog!)
                let comparison = CatalogDiffer.compare(before, after)
                let changes = comparison.changes.filter { change in
                    guard let changeID = change.id else { return false }
                    return tracked.contains(changeID) || change.oldID.map(tracked.contains) == true
                }
                guard !changes.isEmpty else { continue }
                for change in changes {
                    if let old = change.oldID, let new = change.id, tracked.contains(new) { tracked.insert(old) }
                }
                entries.append(ItemHistoryEntry(
                    commit: commit, shortCommit: fields[1], author: fields[2], date: fields[3], subject: fields[4],
                    file: file.new ?? file.old ?? "", changes: changes))
            }
        }
        return entries
    }

    static func emptied(_ catalog: Catalog) -> Catalog {
        var empty = catalog
        empty.groups = []
        empty.notApplicable = []
        empty.adjustments = []
        return empty
    }

    struct ChangedFile {
        var old: String?
        var new: String?
    }

    /// The YAML files a commit changed (renames followed), as paths in the parent and in the commit.
    static func changedFiles(commit: String, parent: String?, git: Git, paths: [String]) throws -> [ChangedFile] {
        var arguments = ["diff-tree", "-r", "-z", "--no-commit-id", "--name-status", "-M"]
        if let parent { arguments += [parent, commit] } else { arguments += ["--root", commit] }
        if !paths.isEmpty { arguments += ["--"] + paths }
        let fields = try git.run(arguments).split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var files: [ChangedFile] = []
        var i = 0
        while i < fields.count {
            let status = fields[i]
            guard let kind = status.first else { i += 1; continue }
            if kind == "R" || kind == "C" {
                guard i + 2 < fields.count else { break }
                files.append(ChangedFile(old: kind == "R" ? fields[i + 1] : nil, new: fields[i + 2]))
                i += 3
            } else {
                guard i + 1 < fields.count else { break }
                let path = fields[i + 1]
                switch kind {
                case "A": files.append(ChangedFile(old: nil, new: path))
                case "D": files.append(ChangedFile(old: path, new: nil))
                default: files.append(ChangedFile(old: path, new: path))
                }
                i += 2
            }
        }
        return files.filter { file in
            let name = file.new ?? file.old ?? ""
            return DiffInput.isYAML(name) && !DiffInput.isWorkspaceFile(name)
        }
    }
}
