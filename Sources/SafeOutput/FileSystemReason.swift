import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file-system call failed, typed once from `errno` or a Foundation error, and worded in Chinese and
/// English (Foundation's descriptions and `strerror` are English only, and NSError text never reaches the user).
public enum FileSystemReason: Sendable, Hashable {
    case notFound
    case permissionDenied
    case noSpace
    case readOnly
    case exists
    case notDirectory
    case isDirectory
    case crossDevice
    case symlinkLoop
    case nameTooLong
    case busy
    case quota
    case ioError
    case notSupported
    /// Any other `errno` value.
    case other(errno: Int32)
    /// A Foundation error with no POSIX code.
    case unknown(code: Int)

    /// The reason for an `errno` value.
    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .notFound
        case EACCES, EPERM: self = .permissionDenied
        case ENOSPC: self = .noSpace
        case EROFS: self = .readOnly
        case EEXIST, ENOTEMPTY: self = .exists
        case ENOTDIR: self = .notDirectory
        case EISDIR: self = .isDirectory
        case EXDEV: self = .crossDevice
        case ELOOP: self = .symlinkLoop
        case ENAMETOOLONG: self = .nameTooLong
        case EBUSY, ETXTBSY: self = .busy
        case EDQUOT: self = .quota
        case EIO: self = .ioError
        case ENOTSUP, EOPNOTSUPP, ENXIO, ENODEV: self = .notSupported
        default: self = .other(errno: code)
        }
    }

    /// The reason for an error thrown by Foundation.
    public init(_ error: Error) {
        if let reason = error as? FileSystemReason {
            self = reason
            return
        }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(underlying.code))
            return
        }
        if ns.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(ns.code))
            return
        }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile:
                self = .notFound
                return
            case .fileWriteNoPermission, .fileReadNoPermission:
                self = .permissionDenied
                return
            case .fileWriteOutOfSpace:
                self = .noSpace
                return
            case .fileWriteVolumeReadOnly:
                self = .readOnly
                return
            case .fileWriteFileExists:
                self = .exists
                return
            default: break
            }
        }
        self = .unknown(code: ns.code)
    }

    /// The reason in Chinese.
    public var zh: String {
        switch self {
        case .notFound: "路径不存在"
        case .permissionDenied: "没有权限"
        case .noSpace: "磁盘空间不足（设备已满）"
        case .readOnly: "文件系统只读"
        case .exists: "已存在同名文件"
        case .notDirectory: "路径中有一段不是目录"
        case .isDirectory: "目标是目录"
        case .crossDevice: "临时目录与输出目录不在同一文件系统"
        case .symlinkLoop: "符号链接成环或层数过多"
        case .nameTooLong: "文件名过长"
        case .busy: "文件正被占用"
        case .quota: "超出磁盘配额"
        case .ioError: "读写设备出错"
        case .notSupported: "该设备或文件系统不支持此操作"
        case .other(let code): "系统错误（errno \(code)）"
        case .unknown(let code): "未知的文件系统错误（代码 \(code)）"
        }
    }

    /// The reason in English.
    public var en: String {
        switch self {
        case .notFound: "no such file or folder"
        case .permissionDenied: "permission denied"
        case .noSpace: "no space left on the device"
        case .readOnly: "read-only file system"
        case .exists: "a file of that name exists"
        case .notDirectory: "a part of the path is not a folder"
        case .isDirectory: "the target is a folder"
        case .crossDevice: "the temporary and the output folder are on different file systems"
        case .symlinkLoop: "symbolic link loop or too many levels of links"
        case .nameTooLong: "file name too long"
        case .busy: "the file is busy"
        case .quota: "disk quota exceeded"
        case .ioError: "input/output error"
        case .notSupported: "the device or file system does not support this"
        case .other(let code): "system error (errno \(code))"
        case .unknown(let code): "unknown file-system error (code \(code))"
        }
    }

    /// The Chinese reason for an error thrown by Foundation.
    public static func describe(_ error: Error) -> String { FileSystemReason(error).zh }

    /// The Chinese reason for an `errno` value.
    public static func describe(errno code: Int32) -> String { FileSystemReason(errno: code).zh }
}

extension FileSystemReason: Error {}
