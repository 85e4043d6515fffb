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
    /// The file it lived in before the commit, when that is another file (`git mv`, a move between files).
    public var previousFile: String?
    /// The item's changes in this commit (compared with the last version that could be read).
    public var changes: [Change]
    /// What the reader should know about this commit: a file that could not be read and was skipped, an
    /// earlier version compared instead, a move between files.
    public var notes: [LocalizedText] = []
}

/// `gkml log 编号`: the commits that changed one item, newest first, and what each changed. Follows the
/// item back through renumberings (a 重编号 to the 编号 asked for adds the old 编号 to the search), through
/// renamed files (`git mv`) and moves from one file to another, and past commits in which its file could not
/// be read: such a commit is listed with a note and no change (never as a deletion), and the next readable
/// version is compared with the last readable one, so the real change shows.
public enum ItemHistory {
    /// How far back a version that cannot be read is replaced by an older readable one.
    static let lookback = 50

    public static func log(id: String, git: Git, paths: [String] = [], registry: DomainRegistry = .pilot) throws
        -> [ItemHistoryEntry]
    {
        let pathspecs = paths.isEmpty ? [":(glob)**/*.yaml", ":(glob)**/*.yml"] : paths
        let separator = "\u{1F}", end = "\u{1E}"
        let raw = try git.run(
            [
                "log", "--no-merges",
                "--format=%H\(separator)%h\(separator)%an\(separator)%ad\(separator)%s\(separator)%P\(end)",
                "--date=short", "--",
            ] + pathspecs)
        let commits = String(decoding: raw, as: UTF8.self).split(separator: Character(end)).compactMap {
            record -> [String]? in
            let fields = record.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: separator)
            return fields.count == 6 ? fields : nil
        }
        var tracked: Set<String> = [id]
        var entries: [ItemHistoryEntry] = []
        for fields in commits {
            let commit = fields[0], parent = fields[5].split(separator: " ").first.map(String.init)
            let short = String(commit.prefix(7))
            var olds: [(file: String, catalog: Catalog)] = [], news: [(file: String, catalog: Catalog)] = []
            var pairs: [(old: (file: String, catalog: Catalog)?, new: (file: String, catalog: Catalog)?)] = []
            var notes: [LocalizedText] = []
            var unreadableNew: [String] = []
            for file in try changedFiles(commit: commit, parent: parent, git: git, paths: paths) {
                let specs = [file.old.map { "\(parent ?? ""):\($0)" }, file.new.map { "\(commit):\($0)" }]
                let contents = try git.contents(specs.compactMap { $0 })
                var iterator = contents.makeIterator()
                let oldBytes = file.old == nil ? nil : iterator.next()
                let newBytes = file.new == nil ? nil : iterator.next()
                // Cheap test first: neither side mentions a 编号 we follow.
                guard [oldBytes, newBytes].contains(where: { $0.map { mentions($0, tracked) } ?? false }) else {
                    continue
                }
                var oldSide: (file: String, catalog: Catalog)?, newSide: (file: String, catalog: Catalog)?
                if let oldPath = file.old, let oldBytes, let parent {
                    if let catalog = CatalogLoader.load(
                        bytes: oldBytes, file: "\(short)^:\(oldPath)", registry: registry
                    ).catalog {
                        oldSide = (oldPath, catalog)
                    } else if let (earlier, catalog) = try lastReadable(
                        path: oldPath, before: parent, git: git, registry: registry)
                    {
                        // The file was broken before this commit: compare with the last version that could be read.
                        oldSide = (oldPath, catalog)
                        notes.append(
                            LocalizedText(
                                zh: "修改前的 \(oldPath) 无法读取，与最近一个可读版本（\(earlier)）比较",
                                en:
                                    "\(oldPath) could not be read before this commit; compared with the last readable version (\(earlier))"
                            ))
                    }
                }
                if let newPath = file.new, let newBytes {
                    if let catalog = CatalogLoader.load(
                        bytes: newBytes, file: "\(short):\(newPath)", registry: registry
                    ).catalog {
                        newSide = (newPath, catalog)
                    } else if mentions(newBytes, tracked) || oldSide.map({ contains($0.catalog, tracked) }) == true {
                        unreadableNew.append(newPath)
                    }
                }
                if let oldSide { olds.append(oldSide) }
                if let newSide { news.append(newSide) }
                pairs.append((oldSide, newSide))
            }
            let oldHit = olds.first { contains($0.catalog, tracked) }
            let newHit = news.first { contains($0.catalog, tracked) }
            if !unreadableNew.isEmpty, newHit == nil {
                // The item's file is broken after this commit: say so, and keep the item's last readable state
                // for the next commit that can be read (older in this loop, so the entries stay newest first).
                entries.append(
                    ItemHistoryEntry(
                        commit: commit, shortCommit: fields[1], author: fields[2], date: fields[3], subject: fields[4],
                        file: unreadableNew[0], changes: [],
                        notes: [
                            LocalizedText(
                                zh: "此提交中 \(unreadableNew.joined(separator: "、")) 不是有效的目录文件，已跳过（事项未被删除）",
                                en:
                                    "\(unreadableNew.joined(separator: ", ")) is not a valid catalog file in this commit; skipped (the item was not removed)"
                            )
                        ]))
                continue
            }
            var changes: [Change] = []
            var previousFile: String?
            var file = newHit?.file ?? oldHit?.file ?? ""
            if let oldHit, let newHit, oldHit.file != newHit.file {
                // Renamed with git mv, or moved from one file to another: compare the item itself.
                let before = restricted(oldHit.catalog, to: tracked), after = restricted(newHit.catalog, to: tracked)
                changes = CatalogDiffer.compare(before, after).changes.filter { isTracked($0, tracked) }
                previousFile = oldHit.file
                notes.append(
                    LocalizedText(
                        zh: "事项由 \(oldHit.file) 移至 \(newHit.file)",
                        en: "the item moved from \(oldHit.file) to \(newHit.file)"))
            } else {
                for pair in pairs where pair.old != nil || pair.new != nil {
                    // A catalog that appears or disappears: compare with an empty copy, so that items show.
                    let before = pair.old?.catalog ?? emptied(pair.new!.catalog)
                    let after = pair.new?.catalog ?? emptied(pair.old!.catalog)
                    let found = CatalogDiffer.compare(before, after).changes.filter { isTracked($0, tracked) }
                    if !found.isEmpty {
                        changes += found
                        file = pair.new?.file ?? pair.old?.file ?? file
                    }
                }
            }
            guard !changes.isEmpty || previousFile != nil else { continue }
            for change in changes {
                if let old = change.oldID, let new = change.id, tracked.contains(new) { tracked.insert(old) }
            }
            entries.append(
                ItemHistoryEntry(
                    commit: commit, shortCommit: fields[1], author: fields[2], date: fields[3], subject: fields[4],
                    file: file, previousFile: previousFile, changes: changes, notes: notes))
        }
        return entries
    }

    static func mentions(_ bytes: [UInt8], _ tracked: Set<String>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return tracked.contains { text.contains($0) }
    }

    static func contains(_ catalog: Catalog, _ tracked: Set<String>) -> Bool {
        catalog.items.contains { tracked.contains($0.id.value) }
    }

    static func isTracked(_ change: Change, _ tracked: Set<String>) -> Bool {
        guard let changeID = change.id else { return false }
        return tracked.contains(changeID) || change.oldID.map(tracked.contains) == true
    }

    /// The catalog with only the followed item (so that a comparison across files speaks of it alone).
    static func restricted(_ catalog: Catalog, to tracked: Set<String>) -> Catalog {
        var copy = catalog
        copy.groups = catalog.groups.compactMap { group in
            var g = group
            g.items = group.items.filter { tracked.contains($0.id.value) }
            return g.items.isEmpty ? nil : g
        }
        copy.notApplicable = catalog.notApplicable.filter { tracked.contains($0.id.value) }
        return copy
    }

    /// The newest version of `path` at or before `revision` that decodes, with the commit's short name.
    static func lastReadable(path: String, before revision: String, git: Git, registry: DomainRegistry) throws -> (
        String, Catalog
    )? {
        let commits = try git.run(["log", "--format=%h", "-n", String(lookback), revision, "--", path])
        for short in String(decoding: commits, as: UTF8.self).split(separator: "\n").map(String.init) {
            guard git.objectType("\(short):\(path)") == "blob", let bytes = try git.contents(["\(short):\(path)"]).first
            else {
                return nil
            }
            if let catalog = CatalogLoader.load(bytes: bytes, file: "\(short):\(path)", registry: registry).catalog {
                return (short, catalog)
            }
        }
        return nil
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
