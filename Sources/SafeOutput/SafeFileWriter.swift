import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files where the user pointed (DESIGN §8, docs/hostile-files.md). A regular file is written atomically:
/// the bytes go to a temporary file in the same folder, which then takes the target's name in one step, with the
/// replaced file's permissions. A symbolic link is followed and the file behind it is replaced (the link stays).
/// A stream — a character device, a FIFO, a socket, `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N` — is written
/// through, never replaced. Without `overwrite`, an existing file is never replaced — not even one that appears
/// between the check and the write (the final step is `link`, which fails if the name exists).
public enum SafeFileWriter {
    public enum Failure: Error, Sendable, Equatable {
        /// The target exists and overwriting was not asked for.
        case exists(String)
        /// The folder could not be created or the file could not be written.
        case io(path: String, reason: FileSystemReason)

        /// Why the write failed, without the path (for callers that word their own message).
        public var reason: FileSystemReason {
            switch self {
            case .exists: .exists
            case .io(_, let reason): reason
            }
        }

        /// The path the failure is about.
        public var path: String {
            switch self {
            case .exists(let path), .io(let path, _): path
            }
        }

        /// The message in Chinese.
        public var message: String {
            let shown = TerminalText.path(path)
            return switch self {
            case .exists: "文件已存在：\(shown)（不会覆盖；确需覆盖请加 --force）"
            case .io(_, let reason): "无法写入 \(shown)：\(reason.zh)"
            }
        }

        /// The message in English.
        public var englishMessage: String {
            let shown = TerminalText.path(path)
            return switch self {
            case .exists: "\(shown) exists (not overwritten; pass --force to overwrite)"
            case .io(_, let reason): "cannot write \(shown): \(reason.en)"
            }
        }
    }

    /// Where a write goes once links are followed.
    enum Destination: Equatable {
        /// An open descriptor of this process (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`).
        case descriptor(Int32)
        /// A path that is opened and written through: a device, FIFO or socket, or another process's descriptor.
        case stream(String)
        /// A regular file (existing or not) replaced atomically.
        case file(String)
    }

    /// Writes `text` (UTF-8) to `path`, creating missing folders.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(Failure) {
        try write(bytes: Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// Writes `bytes` to `path`, creating missing folders. A file that is replaced keeps its permissions.
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        try write(to: path, overwrite: overwrite) { fd in writeAll(fd, bytes) }
    }

    /// Writes `path` with `produce`, which writes the content to the temporary file it is given (for outputs
    /// too large to hold in memory), with the same guarantees as `write(bytes:to:overwrite:)`. The temporary file
    /// is private to this process; its content is then copied in blocks to where `path` points.
    public static func write(to path: String, overwrite: Bool, produce: (URL) throws -> Void) throws(Failure) {
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("gkml-\(UUID().uuidString).tmp")
        defer { unlink(temporary.path) }
        do {
            try produce(temporary)
        } catch {
            throw .io(path: path, reason: FileSystemReason(error))
        }
        let source = open(temporary.path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw .io(path: path, reason: FileSystemReason(errno: errno)) }
        defer { close(source) }
        try write(to: path, overwrite: overwrite) { fd in copyAll(from: source, to: fd) }
    }

    /// Writes what `content` puts into a descriptor to where `path` points (descriptor, stream or file).
    static func write(
        to path: String, overwrite: Bool, content: (Int32) -> FileSystemReason?
    ) throws(Failure) {
        switch try destination(of: path) {
        case .descriptor(let fd):
            if let reason = content(fd) { throw .io(path: path, reason: reason) }
        case .stream(let target):
            try writeThrough(content, to: target, shownAs: path)
        case .file(let target):
            try replace(target, with: content, overwrite: overwrite, shownAs: path)
        }
    }

    /// True when writing to `path` streams into it (a device, FIFO, socket or descriptor) rather than replacing
    /// a file: a command then says what it wrote on stderr, not into the stream.
    public static func writesThrough(_ path: String) -> Bool {
        switch try? destination(of: path) {
        case .descriptor, .stream: true
        case .file, nil: false
        }
    }

    /// The final target of `path`: symbolic links followed (at most 32), streams recognised.
    static func destination(of path: String) throws(Failure) -> Destination {
        var current = path
        for _ in 0..<32 {
            if let fd = ownDescriptor(current) { return .descriptor(fd) }
            // Another process's descriptor: its link text is not a path (`pipe:[…]`), so open it as it is.
            if current.hasPrefix("/proc/") && current.contains("/fd/") { return .stream(current) }
            var info = stat()
            guard FileName.withSystemPath(current, { lstat($0, &info) }) == 0 else {
                let code = errno
                if code == ENOENT { return .file(current) }
                throw .io(path: path, reason: FileSystemReason(errno: code))
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let link = readLink(current) else {
                    throw .io(path: path, reason: FileSystemReason(errno: errno))
                }
                current = link.hasPrefix("/") ? link : (directory(of: current) + "/" + link)
            case S_IFREG: return .file(current)
            case S_IFDIR: throw .io(path: path, reason: .isDirectory)
            default: return .stream(current)
            }
        }
        throw .io(path: path, reason: .symlinkLoop)
    }

    /// The descriptor a path names in this process, if it is one of the descriptor aliases.
    static func ownDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(pid)/fd/"]
        where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = FileName.withSystemPath(path) { readlink($0, &buffer, buffer.count - 1) }
        guard count >= 0 else { return nil }
        return FileName.string(fromBytes: buffer[0..<count].map { UInt8(bitPattern: $0) })
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "" : String(path[..<slash])
    }

    /// Streams into a device, FIFO or socket (or a descriptor of another process) without replacing it.
    static func writeThrough(
        _ content: (Int32) -> FileSystemReason?, to target: String, shownAs path: String
    ) throws(Failure) {
        var info = stat()
        let isRegular = FileName.withSystemPath(target) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFREG
        let flags = O_WRONLY | O_CLOEXEC | O_NOCTTY | (isRegular ? O_TRUNC : 0)
        let fd = FileName.withSystemPath(target) { open($0, flags) }
        guard fd >= 0 else { throw .io(path: path, reason: FileSystemReason(errno: errno)) }
        let failure = content(fd)
        let closed = close(fd) == 0 ? nil : FileSystemReason(errno: errno)
        if let reason = failure ?? closed { throw .io(path: path, reason: reason) }
    }

    /// Replaces (or creates) the regular file `target` atomically.
    static func replace(
        _ target: String, with content: (Int32) -> FileSystemReason?, overwrite: Bool, shownAs path: String
    ) throws(Failure) {
        var existing = stat()
        let exists = FileName.withSystemPath(target) { stat($0, &existing) } == 0
        if exists && !overwrite { throw .exists(path) }
        let folder = directory(of: target)
        try makeFolders(folder.isEmpty ? "/" : folder, shownAs: path)
        let name = target.lastIndex(of: "/").map { target[target.index(after: $0)...] } ?? Substring(target)
        let temporary = folder + "/.\(name).gkml-\(UUID().uuidString).tmp"
        // A replaced file keeps its mode; a new one gets 0666 less the umask, as any editor would make it.
        let mode: mode_t = exists ? existing.st_mode & 0o7777 : 0o666
        let fd = FileName.withSystemPath(temporary) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
        guard fd >= 0 else { throw .io(path: path, reason: FileSystemReason(errno: errno)) }
        defer { _ = FileName.withSystemPath(temporary) { unlink($0) } }
        if exists { _ = fchmod(fd, mode) }
        let failure = content(fd)
        let closed = close(fd) == 0 ? nil : FileSystemReason(errno: errno)
        if let reason = failure ?? closed { throw .io(path: path, reason: reason) }

        if overwrite {
            guard rename2(temporary, target) == 0 else { throw .io(path: path, reason: FileSystemReason(errno: errno)) }
            return
        }
        if FileName.withSystemPath(temporary, { from in FileName.withSystemPath(target) { link(from, $0) } }) == 0 {
            return
        }
        let code = errno
        if code == EEXIST { throw .exists(path) }
        // File systems without hard links: check, then rename (a small window remains).
        guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV || code == EMLINK else {
            throw .io(path: path, reason: FileSystemReason(errno: code))
        }
        var again = stat()
        if FileName.withSystemPath(target, { lstat($0, &again) }) == 0 { throw .exists(path) }
        guard rename2(temporary, target) == 0 else { throw .io(path: path, reason: FileSystemReason(errno: errno)) }
    }

    static func rename2(_ from: String, _ to: String) -> Int32 {
        FileName.withSystemPath(from) { a in FileName.withSystemPath(to) { rename(a, $0) } }
    }

    /// `mkdir -p`, byte paths kept.
    static func makeFolders(_ folder: String, shownAs path: String) throws(Failure) {
        var info = stat()
        if FileName.withSystemPath(folder, { stat($0, &info) }) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw .io(path: folder, reason: .notDirectory)
        }
        let parent = directory(of: folder)
        if !parent.isEmpty && parent != "." && parent != folder { try makeFolders(parent, shownAs: path) }
        if FileName.withSystemPath(folder, { mkdir($0, 0o777) }) != 0 && errno != EEXIST {
            throw .io(path: folder, reason: FileSystemReason(errno: errno))
        }
    }

    /// Writes every byte, retrying interrupted and would-block writes; the reason of a failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> FileSystemReason? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    var request = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&request, 1, 1000)
                    continue
                }
                return FileSystemReason(errno: code)
            }
            offset += written
        }
        return nil
    }

    /// Copies everything `source` still holds to `fd`, in blocks; the reason of a failure, or nil.
    static func copyAll(from source: Int32, to fd: Int32) -> FileSystemReason? {
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return FileSystemReason(errno: errno)
            }
            if count == 0 { return nil }
            if let reason = writeAll(fd, Array(block[0..<count])) { return reason }
        }
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
        return Darwin.write(fd, buffer, count)
    #elseif canImport(Musl)
        return Musl.write(fd, buffer, count)
    #else
        return Glibc.write(fd, buffer, count)
    #endif
}
