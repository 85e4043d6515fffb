import CatalogModel
import Diagnostics
import Foundation
import SafeOutput
import YAMLTree

/// One side of a comparison, as named on the command line.
public enum DiffSide: Sendable, Hashable {
    /// A catalog file or a folder (a workspace, a township's folder) on disk.
    case path(String)
    /// A commit's tree, limited to `paths` (relative to the current folder, as git takes them).
    case revision(String, paths: [String])
    /// A file or a folder inside a commit: `v2024:星海镇/employment.yaml`, `HEAD~1:星海镇`.
    case object(revision: String, path: String)
    /// The work tree of the current git repository, limited to `paths`.
    case workTree(paths: [String])

    /// How reports name the side.
    public var label: String {
        switch self {
        case .path(let p): p
        case .revision(let r, let paths): paths.isEmpty ? r : "\(r) -- \(paths.joined(separator: " "))"
        case .object(let r, let p): "\(r):\(p)"
        case .workTree(let paths): paths.isEmpty ? "工作区" : "工作区 -- \(paths.joined(separator: " "))"
        }
    }
}

/// A usage error of `gkml diff` (exit status 2), in both languages.
public struct DiffUsageError: Error, Sendable {
    public var message: LocalizedText
    public init(zh: String, en: String) { message = LocalizedText(zh: zh, en: en) }
}

/// One file read from a side.
public struct SourceFile: Sendable, Hashable {
    /// Path used to pair unchanged files (root-relative in a repository, folder-relative otherwise).
    public var relative: String
    /// The name findings print: a path, or `REV:path`.
    public var display: String
    public var bytes: [UInt8]
}

/// The catalogs of both sides, read and decoded.
public struct LoadedSides: Sendable {
    public var old: [Catalog]
    public var new: [Catalog]
    /// One finding per catalog file that could not be decoded, on either side: the file is not compared
    /// (nor its namesake on the other side), the rest is, and the report carries the finding (exit 1).
    public var findings: [Finding]
    /// Catalog files identical on both sides (not compared).
    public var unchanged: Int
    /// Source text by display name, for the excerpts of the text report.
    public var sources: [String: [UInt8]]
    /// 发布机构 of the new side's workspace (its gkml.yaml), if it has one.
    public var issuer: String?
    /// 规则 of the new side's workspace: severities (or off) for change codes.
    public var rules: [String: RuleSetting] = [:]
    /// Both sides name one file: the two catalogs are compared whatever their (地区, 领域).
    public var singleFiles = false

    /// The text of one line of a file that was read (1-based), for `TextReporter`.
    public func line(_ file: String, _ number: Int) -> String? {
        guard let bytes = sources[file], number >= 1 else { return nil }
        var line = 1, start = 0
        for (i, b) in bytes.enumerated() where b == 10 {
            if line == number {
                return String(decoding: bytes[start..<i], as: UTF8.self).replacingOccurrences(of: "\r", with: "")
            }
            line += 1
            start = i + 1
        }
        return line == number && start < bytes.count ? String(decoding: bytes[start...], as: UTF8.self) : nil
    }
}

/// Turns command-line arguments into sides and sides into catalogs.
public enum DiffInput {
    /// Resolves `gkml diff [OLD [NEW]] [--since REV] [-- PATH…]`:
    /// two paths compare files or folders; `REV` alone compares a commit with the work tree (like `git diff
    /// REV`); two revisions compare two commits; `REV:path` names a file or folder inside a commit;
    /// `--since REV` compares the work tree with where the current branch left REV (`git merge-base`), the
    /// changes a merge request makes. Nothing at all compares HEAD with the work tree.
    public static func sides(
        _ arguments: [String], paths: [String], since: String?, git: Git
    ) throws -> (old: DiffSide, new: DiffSide) {
        let exists = { (path: String) in FileManager.default.fileExists(atPath: git.resolve(path)) }
        if let since {
            guard arguments.isEmpty else {
                throw DiffUsageError(zh: "使用 --since 时不能再指定比较对象", en: "--since takes no other revision or path")
            }
            try requireRepository(git)
            guard let commit = git.commit(since) else {
                throw DiffUsageError(zh: "「\(since)」不是 git 修订版本", en: "\"\(since)\" is not a git revision")
            }
            let base = git.commit("HEAD").flatMap { git.mergeBase(commit, $0) } ?? commit
            return (.revision(base == commit ? since : base, paths: paths), .workTree(paths: paths))
        }
        switch arguments.count {
        case 0:
            try requireRepository(git)
            return (.revision("HEAD", paths: paths), .workTree(paths: paths))
        case 1:
            let a = arguments[0]
            if !exists(a), let object = try objectSide(a, git: git) {
                guard case .object(_, let path) = object else { return (object, .workTree(paths: paths)) }
                let root = try git.topLevel()
                return (object, .path(relativePath(root + "/" + path, from: git.directory)))
            }
            if !exists(a), git.isRepository, git.commit(a) != nil {
                return (.revision(a, paths: paths), .workTree(paths: paths))
            }
            if exists(a) {
                throw DiffUsageError(
                    zh: "请给出两个要比较的文件或文件夹（或一个 git 修订版本，与工作区比较）",
                    en: "give two files or folders to compare (or one git revision, compared with the work tree)")
            }
            throw notFound(a)
        case 2:
            return (
                try side(arguments[0], paths: paths, git: git, exists: exists),
                try side(arguments[1], paths: paths, git: git, exists: exists)
            )
        default:
            throw DiffUsageError(
                zh: "最多比较两个对象；要限定路径，请写在 -- 之后：gkml diff v2023 v2024 -- 星海镇/",
                en: "compare at most two things; put paths after --: gkml diff v2023 v2024 -- 星海镇/")
        }
    }

    static func side(_ a: String, paths: [String], git: Git, exists: (String) -> Bool) throws -> DiffSide {
        if exists(a) { return .path(a) }
        if let object = try objectSide(a, git: git) { return object }
        if git.isRepository, git.commit(a) != nil { return .revision(a, paths: paths) }
        throw notFound(a)
    }

    /// `REV:path` when git knows the object.
    static func objectSide(_ a: String, git: Git) throws -> DiffSide? {
        guard let colon = a.firstIndex(of: ":"), colon != a.startIndex else { return nil }
        guard git.isRepository else { return nil }
        let revision = String(a[..<colon]), path = String(a[a.index(after: colon)...])
        guard let type = git.objectType(a), type == "blob" || type == "tree" else {
            if git.commit(revision) != nil {
                throw DiffUsageError(
                    zh: "修订版本「\(revision)」中没有「\(path)」", en: "\"\(path)\" does not exist in \(revision)")
            }
            return nil
        }
        return .object(revision: revision, path: path)
    }

    static func requireRepository(_ git: Git) throws {
        guard git.isRepository else {
            throw DiffUsageError(
                zh: "当前目录不在 git 仓库中；请给出两个要比较的文件或文件夹",
                en: "not inside a git repository; give two files or folders to compare")
        }
    }

    static func notFound(_ a: String) -> DiffUsageError {
        DiffUsageError(
            zh: "「\(a)」既不是文件或文件夹，也不是 git 修订版本",
            en: "\"\(a)\" is neither a file or folder nor a git revision")
    }

    // MARK: Reading

    /// Reads both sides and decodes the catalogs whose files differ.
    public static func load(old: DiffSide, new: DiffSide, git: Git, registry: DomainRegistry = .pilot) throws
        -> LoadedSides
    {
        let singleFiles = isSingleFile(old, git: git) && isSingleFile(new, git: git)
        var skippedEntries: [SkippedInput] = []
        var a = try files(old, git: git, skipped: &skippedEntries)
        var b = try files(new, git: git, skipped: &skippedEntries)
        var unchanged = 0
        if !singleFiles {
            let bByPath = Dictionary(b.map { ($0.relative, $0.bytes) }, uniquingKeysWith: { x, _ in x })
            let same = Set(a.filter { bByPath[$0.relative] == $0.bytes }.map(\.relative))
            unchanged = same.count
            a.removeAll { same.contains($0.relative) }
            b.removeAll { same.contains($0.relative) }
        }
        var loaded = LoadedSides(
            old: [], new: [], findings: skippedEntries.map(\.finding), unchanged: unchanged, sources: [:])
        loaded.singleFiles = singleFiles
        // Decoded catalogs by relative path, and the relative paths that could not be decoded, per side.
        var decoded: [[(relative: String, catalog: Catalog)]] = [[], []]
        var unreadable: [Set<String>] = [[], []]
        for (side, files) in [a, b].enumerated() {
            for file in files {
                let parsed = YAMLParser.parse(file.bytes, file: file.display)
                if !singleFiles, !looksLikeCatalog(parsed, file: file.relative) { continue }
                let result = CatalogLoader.check(parsed, file: file.display, registry: registry)
                loaded.sources[file.display] = file.bytes
                if let catalog = result.catalog {
                    decoded[side].append((file.relative, catalog))
                } else {
                    unreadable[side].insert(file.relative)
                    loaded.findings.append(unreadableFinding(file.display, errors: result.findings))
                }
            }
        }
        // A file unreadable on one side is not compared on the other either: its catalog would otherwise
        // show as added or removed, a change nobody made.
        let skipped = unreadable[0].union(unreadable[1])
        loaded.old = decoded[0].filter { singleFiles ? unreadable[1].isEmpty : !skipped.contains($0.relative) }.map(
            \.catalog)
        loaded.new = decoded[1].filter { singleFiles ? unreadable[0].isEmpty : !skipped.contains($0.relative) }.map(
            \.catalog)
        if let workspace = workspace(new, git: git) {
            loaded.issuer = workspace.publisher?.value
            loaded.rules = workspace.rules
        }
        return loaded
    }

    /// One finding for a file that could not be decoded, placed at its first error and quoting it.
    static func unreadableFinding(_ display: String, errors: [Finding]) -> Finding {
        let first = Finding.sortedForReport(errors.filter { $0.severity == .error }).first ?? errors.first
        let count = errors.filter { $0.severity == .error }.count
        let reason =
            first.map {
                LocalizedText(
                    zh: $0.message(.zh) + (count > 1 ? "（共 \(count) 处错误）" : ""),
                    en: $0.message(.en) + (count > 1 ? " (\(count) errors in all)" : ""))
            } ?? LocalizedText(zh: "无法解码", en: "cannot be decoded")
        return Finding(
            DiffFindings.inputUnreadable, at: first?.location ?? SourceLocation(file: display),
            arguments: ["catalog": display], localizedArguments: ["reason": reason])
    }

    /// The gkml.yaml at the root of a folder side, or of the repository for a git side, if valid.
    static func workspace(_ side: DiffSide, git: Git) -> Workspace? {
        var bytes: [UInt8]?
        switch side {
        case .path(let folder):
            bytes = FileManager.default.contents(atPath: git.resolve(folder) + "/" + WorkspaceLoader.fileName).map {
                [UInt8]($0)
            }
        case .workTree:
            bytes = (try? git.topLevel()).flatMap {
                FileManager.default.contents(atPath: $0 + "/" + WorkspaceLoader.fileName)
            }
            .map { [UInt8]($0) }
        case .revision(let revision, _):
            bytes = try? git.contents(["\(revision):\(WorkspaceLoader.fileName)"]).first
        case .object(let revision, let path):
            guard git.objectType("\(revision):\(path)") == "tree" else { return nil }
            let prefix = path.isEmpty || path.hasSuffix("/") ? path : path + "/"
            bytes = try? git.contents(["\(revision):\(prefix)\(WorkspaceLoader.fileName)"]).first
        }
        guard let bytes else { return nil }
        return WorkspaceLoader.check(
            YAMLParser.parse(bytes, file: WorkspaceLoader.fileName), file: WorkspaceLoader.fileName
        ).workspace
    }

    /// In a folder, a YAML file is a catalog when its 格式 says gkml/… (not the workspace) or it has 事项;
    /// a file that does not parse counts, so that a broken catalog is reported rather than skipped.
    static func looksLikeCatalog(_ parsed: YAMLParseResult, file: String) -> Bool {
        guard let root = parsed.document?.root else { return true }
        guard root.mapping != nil else { return false }
        if let format = root["格式"]?.string {
            return format.hasPrefix("gkml/")
        }
        return root["事项"] != nil && DocumentKind.of(root, file: file) == .catalog
    }

    static func isSingleFile(_ side: DiffSide, git: Git) -> Bool {
        switch side {
        case .path(let p):
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: git.resolve(p), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        case .object(let r, let p): return git.objectType("\(r):\(p)") == "blob"
        case .revision, .workTree: return false
        }
    }

    static func isYAML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// The YAML files of a side; entries of a folder side that were not read go to `skipped`, named as shown.
    public static func files(_ side: DiffSide, git: Git, skipped: inout [SkippedInput]) throws -> [SourceFile] {
        switch side {
        case .path(let path):
            let absolute = git.resolve(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw DiffUsageError(zh: "找不到「\(path)」", en: "\"\(path)\" does not exist")
            }
            if !isDirectory.boolValue {
                return [
                    SourceFile(relative: (path as NSString).lastPathComponent, display: path, bytes: try read(absolute))
                ]
            }
            let listing = try folderFiles(absolute)
            let prefix = path.hasSuffix("/") ? path : path + "/"
            skipped += listing.skipped.map { SkippedInput(path: prefix + $0.path, reason: $0.reason) }
            return try listing.files.map { relative in
                let display = prefix + relative
                return SourceFile(relative: relative, display: display, bytes: try read(absolute + "/" + relative))
            }
        case .revision(let revision, let paths):
            let entries = try git.listTree(revision, paths: paths).filter {
                isYAML($0.path) && !isWorkspaceFile($0.path)
            }
            let contents = try git.contents(entries.map(\.blob))
            return zip(entries, contents).map {
                SourceFile(relative: $0.path, display: "\(revision):\($0.path)", bytes: $1)
            }
        case .object(let revision, let path):
            let spec = "\(revision):\(path)"
            if git.objectType(spec) == "blob" {
                let bytes = try git.contents([spec])[0]
                return [SourceFile(relative: (path as NSString).lastPathComponent, display: spec, bytes: bytes)]
            }
            let entries = try git.listTree(object: spec).filter { isYAML($0.path) && !isWorkspaceFile($0.path) }
            let contents = try git.contents(entries.map(\.blob))
            let prefix = path.isEmpty || path.hasSuffix("/") ? path : path + "/"
            return zip(entries, contents).map {
                SourceFile(relative: $0.path, display: "\(revision):\(prefix)\($0.path)", bytes: $1)
            }
        case .workTree(let paths):
            let root = try git.topLevel()
            return try git.workTreeFiles(paths: paths).filter { isYAML($0) && !isWorkspaceFile($0) }.map { name in
                let absolute = root + "/" + name
                return SourceFile(
                    relative: name, display: relativePath(absolute, from: git.directory), bytes: try read(absolute))
            }
        }
    }

    static func isWorkspaceFile(_ path: String) -> Bool {
        (path as NSString).lastPathComponent == WorkspaceLoader.fileName
    }

    static func read(_ path: String) throws -> [UInt8] {
        switch FileReader.read(path, maxSize: YAMLLimits.default.maxFileSize) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            let shown = TerminalText.path(path)
            let reason = failure.reason
            throw DiffUsageError(
                zh: "无法读取「\(shown)」：\(reason?.zh ?? "文件过大")",
                en: "cannot read \"\(shown)\": \(reason?.en ?? "file too large")")
        }
    }

    /// YAML files below a folder, relative to it, sorted; hidden folders and build output are skipped. Like
    /// validate's discovery (docs/hostile-files.md), entries are judged without opening them: FIFOs, devices and
    /// sockets are not read, links to folders are not walked, and links to files outside the folder are not
    /// read; each such YAML entry (and each folder link) is returned in `skipped`, relative to the folder, so the
    /// report says what was left out.
    static func folderFiles(_ folder: String) throws -> (files: [String], skipped: [SkippedInput]) {
        var result: [String] = []
        var skipped: [SkippedInput] = []
        var stack = [""]
        let root = FileEntry.realPath(folder) ?? folder
        while let relative = stack.popLast() {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = FileEntry.names(in: absolute) else {
                throw DiffUsageError(
                    zh: "无法读取文件夹「\(TerminalText.path(absolute))」",
                    en: "cannot read the folder \"\(TerminalText.path(absolute))\"")
            }
            for name in names where !name.hasPrefix(".") && name != "node_modules" {
                let child = relative.isEmpty ? name : relative + "/" + name
                let wanted = isYAML(name) && name != WorkspaceLoader.fileName
                switch FileEntry.kind(of: folder + "/" + child) {
                case .directory:
                    stack.append(child)
                case .regular:
                    if wanted { result.append(child) }
                case .linkToFile(let real):
                    guard wanted else { continue }
                    if FileEntry.isInside(real, root: root) {
                        result.append(child)
                    } else {
                        skipped.append(SkippedInput(path: child, reason: .outsideLink(root: folder)))
                    }
                case .linkToDirectory:
                    skipped.append(SkippedInput(path: child, reason: .directoryLink))
                case .special(let special), .linkToSpecial(_, let special):
                    if wanted { skipped.append(SkippedInput(path: child, reason: .special(special))) }
                case .brokenLink:
                    if wanted { skipped.append(SkippedInput(path: child, reason: .brokenLink)) }
                case .missing:
                    continue
                }
            }
        }
        return (result.sorted(), skipped.sorted { $0.path < $1.path })
    }

    /// `target` relative to `base` (both absolute or both relative to the same folder).
    static func relativePath(_ target: String, from base: String) -> String {
        let t = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = URL(fileURLWithPath: base).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < t.count, common < b.count, t[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        let parts = up + t[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
