import Diagnostics

/// An entry discovery did not read, and why (docs/hostile-files.md).
public struct SkippedInput: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A FIFO, device or socket: opening it could block or read without end.
        case special(FileEntry.SpecialFile)
        /// A symbolic link to a folder: not walked (no loops, no walk of the whole file system).
        case directoryLink
        /// A symbolic link to a file outside the workspace (or the folder given): never read.
        case outsideLink(root: String)
        /// A symbolic link that leads nowhere or into a loop.
        case brokenLink
    }
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }
}

// The findings of skipped entries, shared by validate's discovery and the diff's folder listing.
extension SkippedInput {
    /// Arguments: `path`, `fileType` (localized).
    public static let specialFile = FindingKind(
        code: "io-special-file", stage: .input, severity: .warning,
        title: LocalizedText(zh: "不是普通文件，已跳过", en: "Not a regular file; skipped"),
        message: LocalizedText(
            zh: "「{path}」是{fileType}，不是普通文件，没有读取",
            en: "\"{path}\" is {fileType}, not a regular file; it was not read"),
        hint: LocalizedText(
            zh: "目录文件应是普通文件；若确要读取，请在命令行上直接指定它",
            en: "catalog files are regular files; to read this one anyway, name it on the command line"))

    /// Arguments: `path`.
    public static let directoryLink = FindingKind(
        code: "io-directory-link", stage: .input, severity: .warning,
        title: LocalizedText(zh: "未进入指向文件夹的符号链接", en: "Folder link not followed"),
        message: LocalizedText(
            zh: "「{path}」是指向文件夹的符号链接，没有进入其中查找",
            en: "\"{path}\" is a symbolic link to a folder; it was not walked"),
        hint: LocalizedText(
            zh: "查找时不跟随文件夹链接（以免成环或遍历整个文件系统）；请把目录文件放进工作区的真实文件夹，或在命令行上直接指定该文件夹",
            en:
                "folder links are not followed (no loops, no walk of the whole file system); keep catalogs in real folders, or name the folder on the command line"
        ))

    /// Arguments: `path`, `root`.
    public static let linkOutside = FindingKind(
        code: "io-link-outside", stage: .input, severity: .error,
        title: LocalizedText(zh: "符号链接指向工作区之外", en: "Link leads outside the workspace"),
        message: LocalizedText(
            zh: "「{path}」是符号链接，指向「{root}」之外的文件，拒绝读取",
            en: "\"{path}\" is a symbolic link to a file outside \"{root}\"; it was not read"),
        hint: LocalizedText(
            zh: "工作区只读取其中的文件；请把目录文件复制进工作区，而不是链接到外面",
            en: "a workspace reads only its own files; copy the catalog in rather than linking to it"))

    /// Arguments: `path`.
    public static let brokenLink = FindingKind(
        code: "io-broken-link", stage: .input, severity: .error,
        title: LocalizedText(zh: "符号链接无效", en: "Broken symbolic link"),
        message: LocalizedText(
            zh: "「{path}」是符号链接，但它指向的文件不存在，或链接成环",
            en: "\"{path}\" is a symbolic link to nothing, or into a loop"),
        hint: LocalizedText(
            zh: "请删除这个链接，或让它指向工作区中存在的文件", en: "remove the link, or point it at a file in the workspace"))

    /// Every kind of finding for a skipped entry.
    public static let kinds: [FindingKind] = [specialFile, directoryLink, linkOutside, brokenLink]

    /// The finding that says this entry was skipped, and why.
    public var finding: Finding {
        let location = SourceLocation(file: path)
        switch reason {
        case .special(let type):
            return Finding(
                Self.specialFile, at: location, arguments: ["path": path, "fileType": type.zh],
                localizedArguments: ["fileType": LocalizedText(zh: type.zh, en: type.en)])
        case .directoryLink:
            return Finding(Self.directoryLink, at: location, arguments: ["path": path])
        case .outsideLink(let root):
            return Finding(Self.linkOutside, at: location, arguments: ["path": path, "root": root])
        case .brokenLink:
            return Finding(Self.brokenLink, at: location, arguments: ["path": path])
        }
    }
}
