#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Diagnostics
import SafeOutput

/// Reads a whole file with POSIX calls: one `fstat`, then (for a regular file) one `read` of its size.
public enum FileReader {
    public enum Failure: Error, Equatable {
        case notFound
        case permissionDenied
        case isDirectory
        case tooLarge(size: Int)
        case other(FileSystemReason)

        /// Why the file could not be read, typed (nil for a file over the size limit).
        public var reason: FileSystemReason? {
            switch self {
            case .notFound: .notFound
            case .permissionDenied: .permissionDenied
            case .isDirectory: .isDirectory
            case .tooLarge: nil
            case .other(let reason): reason
            }
        }

        func finding(file: String, limits: YAMLLimits) -> Finding {
            let location = SourceLocation(file: file)
            switch self {
            case .notFound:
                return Finding(YAMLTreeFindings.notFound, at: location, arguments: ["path": file])
            case .permissionDenied:
                return Finding(YAMLTreeFindings.permissionDenied, at: location, arguments: ["path": file])
            case .isDirectory:
                return Finding(YAMLTreeFindings.isDirectory, at: location, arguments: ["path": file])
            case .tooLarge(let size):
                return YAMLParser.tooLarge(size: size, limits: limits, file: file)
            case .other(let reason):
                return Finding(
                    YAMLTreeFindings.unreadable, at: location, arguments: ["path": file, "reason": reason.zh],
                    localizedArguments: ["reason": LocalizedText(zh: reason.zh, en: reason.en)])
            }
        }
    }

    static func failure(errno code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EACCES, EPERM: .permissionDenied
        case EISDIR: .isDirectory
        default: .other(FileSystemReason(errno: code))
        }
    }

    /// The whole file, or why it could not be read.
    public static func read(_ path: String, maxSize: Int) -> Result<[UInt8], Failure> {
        if path.isEmpty { return .failure(.notFound) }
        // The path as bytes: a name that is not UTF-8 (see `FileName`) opens the file it came from.
        let fd = FileName.withSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        if fd < 0 { return .failure(failure(errno: errno)) }
        defer { _ = close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(failure(errno: errno)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(.isDirectory) }
        let statSize = type == S_IFREG ? Int(info.st_size) : 0
        if statSize > maxSize { return .failure(.tooLarge(size: statSize)) }

        // A regular file: one read of its size (asking for one byte more shows whether it grew meanwhile).
        var bytes = [UInt8]()
        if type == S_IFREG {
            var readError: Int32 = 0
            var atEOF = false
            let want = statSize + 1
            bytes = [UInt8](unsafeUninitializedCapacity: want) { buffer, count in
                var total = 0
                while total < want {
                    let r = sysRead(fd, buffer.baseAddress! + total, want - total)
                    if r < 0 {
                        if errno == EINTR { continue }
                        readError = errno
                        break
                    }
                    if r == 0 {
                        atEOF = true
                        break
                    }
                    total += r
                }
                count = total
            }
            if readError != 0 { return .failure(failure(errno: readError)) }
            if atEOF { return .success(bytes) }
        }
        // A pipe or a growing file: read in chunks until end of file, never past maxSize + 1.
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= maxSize {
            let r = chunk.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress!, $0.count) }
            if r < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno: errno))
            }
            if r == 0 { break }
            bytes.append(contentsOf: chunk[0..<r])
        }
        if bytes.count > maxSize { return .failure(.tooLarge(size: bytes.count)) }
        return .success(bytes)
    }
}

@inline(__always)
private func sysRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
        return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
        return Musl.read(fd, buffer, count)
    #else
        return Glibc.read(fd, buffer, count)
    #endif
}
