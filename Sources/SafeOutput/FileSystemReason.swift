import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file-system call failed, in Chinese (Foundation's descriptions and `strerror` are English), for every
/// message about reading or writing output.
public enum FileSystemReason {
    /// The reason for an error thrown by Foundation.
    public static func describe(_ error: Error) -> String {
        let ns = error as NSError
        var code: Int? = nil
        if ns.domain == NSPOSIXErrorDomain { code = ns.code }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = underlying.code
        }
        if let code, let reason = known(errno: Int32(code)) { return reason }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "路径不存在"
            case .fileWriteNoPermission, .fileReadNoPermission: return "没有权限"
            case .fileWriteOutOfSpace: return "磁盘空间不足"
            case .fileWriteVolumeReadOnly: return "文件系统只读"
            case .fileWriteFileExists: return "已存在同名文件"
            default: break
            }
        }
        return ns.localizedDescription
    }

    /// The reason for an `errno` value.
    public static func describe(errno code: Int32) -> String {
        known(errno: code) ?? String(cString: strerror(code))
    }

    static func known(errno code: Int32) -> String? {
        switch code {
        case ENOENT: return "路径不存在"
        case EACCES, EPERM: return "没有权限"
        case ENOSPC: return "磁盘空间不足"
        case EROFS: return "文件系统只读"
        case EEXIST: return "已存在同名文件"
        case ENOTDIR: return "路径中有一段不是目录"
        case EISDIR: return "目标是目录"
        case EXDEV: return "临时目录与输出目录不在同一文件系统"
        default: return nil
        }
    }
}
