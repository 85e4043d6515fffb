import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files atomically (DESIGN §8): the text goes to a temporary file in the same folder, which then
/// takes the target's name in one step. Without `overwrite`, an existing file is never replaced — not even
/// one that appears between the check and the write (the final step is `link`, which fails if the name
/// exists).
public enum SafeFileWriter {
    public enum Failure: Error, Sendable, Equatable {
        /// The target exists and overwriting was not asked for.
        case exists(String)
        /// The folder could not be created or the file could not be written.
        case io(path: String, reason: String)

        /// Why the write failed, without the path (for callers that word their own message).
        public var reason: String {
            switch self {
            case .exists: "文件已存在"
            case .io(_, let reason): reason
            }
        }

        public var message: String {
            switch self {
            case .exists(let path): "文件已存在：\(path)（不会覆盖；确需覆盖请加 --force）"
            case .io(let path, let reason): "无法写入 \(path)：\(reason)"
            }
        }
    }

    /// Writes `text` (UTF-8) to `path`, creating missing folders.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(Failure) {
        try write(bytes: Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// Writes `bytes` to `path`, creating missing folders. A file that is replaced keeps its permissions.
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        try write(to: path, overwrite: overwrite) { temporary in try Data(bytes).write(to: temporary) }
    }

    /// Writes `path` with `produce`, which writes the content to the temporary file it is given (for outputs
    /// too large to hold in memory), with the same guarantees as `write(bytes:to:overwrite:)`.
    public static func write(
        to path: String, overwrite: Bool, produce: (URL) throws -> Void
    ) throws(Failure) {
        let fm = FileManager.default
        if !overwrite && fm.fileExists(atPath: path) { throw .exists(path) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder.path, reason: FileSystemReason.describe(error))
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).gkml-\(UUID().uuidString).tmp")
        defer { unlink(temporary.path) }
        do {
            try produce(temporary)
        } catch {
            throw .io(path: path, reason: FileSystemReason.describe(error))
        }
        if overwrite {
            if let permissions = (try? fm.attributesOfItem(atPath: path))?[.posixPermissions] {
                try? fm.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, url.path) == 0 else { throw .io(path: path, reason: errnoText()) }
            return
        }
        if link(temporary.path, url.path) == 0 { return }
        let code = errno
        if code == EEXIST { throw .exists(path) }
        // File systems without hard links: check, then rename (a small window remains).
        guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV || code == EMLINK else {
            throw .io(path: path, reason: FileSystemReason.describe(errno: code))
        }
        if fm.fileExists(atPath: path) { throw .exists(path) }
        guard rename(temporary.path, url.path) == 0 else { throw .io(path: path, reason: errnoText()) }
    }

    /// The system's reason for the last failed call.
    static func errnoText() -> String { FileSystemReason.describe(errno: errno) }
}
