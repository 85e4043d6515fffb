import Foundation
import SafeOutput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What discovery sees in a folder, without opening anything (docs/hostile-files.md): folder entries are
/// listed as bytes (a GBK name stays readable, see `FileName`), and each is classified with `lstat`, so a FIFO
/// never blocks, a device is never read, and a symbolic link is judged by where it leads before it is followed.
public enum FileEntry {
    /// The kind of a directory entry.
    public enum Kind: Sendable, Equatable {
        case regular
        case directory
        /// A FIFO, a device or a socket.
        case special(SpecialFile)
        /// A symbolic link to a regular file, with the file's real path.
        case linkToFile(String)
        /// A symbolic link to a folder, with its real path.
        case linkToDirectory(String)
        /// A symbolic link to something other than a file or folder.
        case linkToSpecial(String, SpecialFile)
        /// A symbolic link that leads nowhere, or into a loop.
        case brokenLink
        case missing
    }

    /// The files that are neither regular files nor folders.
    public enum SpecialFile: Sendable, Equatable {
        case fifo, characterDevice, blockDevice, socket

        /// The kind of file, in both languages.
        public var zh: String {
            switch self {
            case .fifo: "命名管道（FIFO）"
            case .characterDevice: "字符设备"
            case .blockDevice: "块设备"
            case .socket: "套接字"
            }
        }

        public var en: String {
            switch self {
            case .fifo: "a FIFO (named pipe)"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            case .socket: "a socket"
            }
        }
    }

    /// An entry of a folder as listed: its name, and its kind when the listing itself tells it.
    public struct Listed: Sendable {
        public var name: String
        /// `.regular` or `.directory` when the file system's listing says so (`d_type`, which, like `lstat`,
        /// does not follow a link); nil when the entry must be classified with `kind(of:)`: links, special
        /// files, and file systems that do not fill the type in. At province scale this saves an `lstat`
        /// for each of 40,000 files during discovery, which runs before anything else can.
        public var kind: Kind?
    }

    /// The names in `folder` (without `.` and `..`), sorted by their bytes; nil when it cannot be listed.
    public static func names(in folder: String) -> [String]? {
        entries(in: folder)?.map(\.name)
    }

    /// The entries of `folder` (without `.` and `..`), sorted by their names' bytes; nil when it cannot be
    /// listed.
    public static func entries(in folder: String) -> [Listed]? {
        guard let directory = FileName.withSystemPath(folder, { opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var listed: [(name: [UInt8], kind: Kind?)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            listed.append((bytes, listedKind(entry.pointee.d_type)))
        }
        return listed.sorted { $0.name.lexicographicallyPrecedes($1.name) }.map {
            Listed(name: FileName.string(fromBytes: $0.name), kind: $0.kind)
        }
    }

    /// The kind a listing's `d_type` tells for certain: a regular file or a folder; nil for anything else.
    static func listedKind(_ type: UInt8) -> Kind? {
        switch Int32(type) {
        case Int32(DT_REG): .regular
        case Int32(DT_DIR): .directory
        default: nil
        }
    }

    /// The files of `folder` whose names end in one of `extensions`, sorted, that are safe to read: regular files
    /// and links to regular files inside the folder. FIFOs, devices, sockets and links leading out are left out.
    public static func readableFiles(in folder: String, extensions: [String] = [".yaml", ".yml"]) -> [String] {
        guard let names = names(in: folder) else { return [] }
        let root = realPath(folder) ?? folder
        return names.filter { name in
            guard extensions.contains(where: { name.hasSuffix($0) }) else { return false }
            switch kind(of: (folder as NSString).appendingPathComponent(name)) {
            case .regular: return true
            case .linkToFile(let real): return isInside(real, root: root)
            default: return false
            }
        }.map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The kind of `path`, without following it unless it is a symbolic link.
    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard FileName.withSystemPath(path, { lstat($0, &info) }) == 0 else { return .missing }
        let type = info.st_mode & S_IFMT
        guard type == S_IFLNK else { return kind(type) }
        guard let real = realPath(path) else { return .brokenLink }
        var target = stat()
        guard FileName.withSystemPath(real, { stat($0, &target) }) == 0 else { return .brokenLink }
        switch kind(target.st_mode & S_IFMT) {
        case .regular: return .linkToFile(real)
        case .directory: return .linkToDirectory(real)
        case .special(let special): return .linkToSpecial(real, special)
        default: return .brokenLink
        }
    }

    static func kind(_ type: mode_t) -> Kind {
        switch type {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFIFO: .special(.fifo)
        case S_IFCHR: .special(.characterDevice)
        case S_IFBLK: .special(.blockDevice)
        default: .special(.socket)
        }
    }

    /// The absolute path with every link resolved (the kernel stops a loop after a few dozen steps at once, with
    /// no walk), or nil.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = FileName.withSystemPath(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return FileName.string(fromBytes: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// True when the real path `real` is `root` or inside it (both real paths).
    public static func isInside(_ real: String, root: String) -> Bool {
        real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
