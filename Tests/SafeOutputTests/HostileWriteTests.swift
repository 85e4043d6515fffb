import Foundation
import SafeOutput
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file type of `path` without following a link (`S_IFIFO`, `S_IFLNK` …).
func fileType(_ path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
}

func mode(_ path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
}

/// `-o` at a device, FIFO, descriptor or link writes where the user pointed, never replaces it (issue 15).
struct HostileWriteTests {
    @Test func aFIFOIsWrittenThroughAndStaysAFIFO() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("out.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens the FIFO in the background (opening a FIFO waits for the other end).
        nonisolated(unsafe) var received = Data()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received = handle.readDataToEndOfFile() }
            done.signal()
        }
        try SafeFileWriter.write("序号,编号\n1,17-01-01\n", to: fifo, overwrite: true)
        #expect(done.wait(timeout: .now() + 30) == .success, "the reader never got end of file")
        #expect(String(decoding: received, as: UTF8.self) == "序号,编号\n1,17-01-01\n")
        #expect(fileType(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test func aFullDeviceIsAClearChineseErrorAndStaysADevice() throws {
        #expect(fileType("/dev/full") == S_IFCHR)
        #expect(throws: SafeFileWriter.Failure.io(path: "/dev/full", reason: .noSpace)) {
            try SafeFileWriter.write("x\n", to: "/dev/full", overwrite: true)
        }
        do {
            try SafeFileWriter.write("x\n", to: "/dev/full", overwrite: true)
        } catch {
            #expect(error.message == "无法写入 /dev/full：磁盘空间不足（设备已满）")
            #expect(error.englishMessage == "cannot write /dev/full: no space left on the device")
        }
        #expect(fileType("/dev/full") == S_IFCHR)
        // /dev/null takes the bytes and stays a device.
        try SafeFileWriter.write("x\n", to: "/dev/null", overwrite: true)
        #expect(fileType("/dev/null") == S_IFCHR)
    }

    @Test func descriptorPathsWriteToTheDescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let writeEnd = ends[1]
        try SafeFileWriter.write("一\n", to: "/dev/fd/\(writeEnd)", overwrite: true)
        try SafeFileWriter.write("二\n", to: "/proc/self/fd/\(writeEnd)", overwrite: true)
        close(writeEnd)
        let bytes = FileHandle(fileDescriptor: ends[0]).readDataToEndOfFile()
        #expect(String(decoding: bytes, as: UTF8.self) == "一\n二\n")
        #expect(SafeFileWriter.writesThrough("/dev/stdout"))
        #expect(SafeFileWriter.writesThrough("/dev/null"))
    }

    @Test func aLinkIsFollowedAndItsTargetReplacedWithItsMode() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real/catalog.csv").path
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createDirectory(
            atPath: (real as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        #expect(chmod(real, 0o640) == 0)
        #expect(symlink("real/catalog.csv", link) == 0)
        var before = stat()
        _ = stat(real, &before)
        try SafeFileWriter.write("new\n", to: link, overwrite: true)
        var after = stat()
        _ = stat(real, &after)
        #expect(before.st_ino != after.st_ino, "the target was rewritten in place, not replaced atomically")
        #expect(fileType(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/catalog.csv")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new\n")
        #expect(mode(real) == 0o640)
        // Without overwrite, a link to an existing file is an existing file.
        #expect(throws: SafeFileWriter.Failure.exists(link)) {
            try SafeFileWriter.write("newer\n", to: link, overwrite: false)
        }
        // A link to a file not yet there: the file is made where the link points.
        let dangling = folder.appendingPathComponent("later.csv").path
        #expect(symlink("real/later.csv", dangling) == 0)
        try SafeFileWriter.write("made\n", to: dangling, overwrite: false)
        #expect(fileType(dangling) == S_IFLNK)
        #expect(
            try String(contentsOfFile: folder.appendingPathComponent("real/later.csv").path, encoding: .utf8)
                == "made\n")
    }

    @Test func aLinkLoopIsAnErrorNotAWalk() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.csv").path
        let b = folder.appendingPathComponent("b.csv").path
        #expect(symlink("b.csv", a) == 0)
        #expect(symlink("a.csv", b) == 0)
        #expect(throws: SafeFileWriter.Failure.io(path: a, reason: .symlinkLoop)) {
            try SafeFileWriter.write("x\n", to: a, overwrite: true)
        }
        #expect(fileType(a) == S_IFLNK && fileType(b) == S_IFLNK)
    }

    @Test func aNewFileGetsTheUsualModeAndAFolderIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = umask(0o022)
        defer { umask(old) }
        let path = folder.appendingPathComponent("new.csv").path
        try SafeFileWriter.write("x\n", to: path, overwrite: false)
        #expect(mode(path) == 0o644)
        #expect(throws: SafeFileWriter.Failure.io(path: folder.path, reason: .isDirectory)) {
            try SafeFileWriter.write("x\n", to: folder.path, overwrite: true)
        }
        // A folder in the way of a missing folder: the reason says so, in both languages.
        let blocked = folder.appendingPathComponent("new.csv/inner/x.csv").path
        do {
            try SafeFileWriter.write("x\n", to: blocked, overwrite: true)
            Issue.record("wrote below a regular file")
        } catch {
            #expect(error.reason == .notDirectory)
            #expect(error.message.contains("路径中有一段不是目录"))
            #expect(error.englishMessage.contains("a part of the path is not a folder"))
        }
    }

    @Test func aNameThatIsNotUTF8IsWrittenUnderItsOwnBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 公开.csv in GBK.
        let gbk: [UInt8] = [0xB9, 0xAB, 0xBF, 0xAA, 0x2E, 0x63, 0x73, 0x76]
        let name = FileName.string(fromBytes: gbk)
        #expect(FileName.bytes(of: name) == gbk)
        #expect(TerminalText.path(name) == "\\xB9\\xAB\\xBF\\xAA.csv")
        try SafeFileWriter.write("x\n", to: folder.path + "/" + name, overwrite: false)
        let path = folder.path.utf8CString.dropLast().map { UInt8(bitPattern: $0) } + [0x2F] + gbk
        #expect(fileType(String(decoding: path, as: UTF8.self)) == 0, "the name was written as UTF-8")
        let exists = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            access($0.baseAddress!, F_OK)
        }
        #expect(exists == 0)
    }
}

struct TerminalTextTests {
    @Test func controlsBidiAndRawBytesAreEscaped() {
        #expect(TerminalText.path("a\u{1B}[31mRED.yaml") == "a\\e[31mRED.yaml")
        #expect(TerminalText.path("x\ry\nz\t") == "x\\ry\\nz\\t")
        #expect(TerminalText.escape("一\n二\t三") == "一\n二\t三")
        #expect(TerminalText.escape("a\u{202E}b\u{2066}c\u{9B}d\u{7F}") == "a\\u{202E}b\\u{2066}c\\u{9B}d\\x7F")
        #expect(TerminalText.escape("星海镇/employment.yaml") == "星海镇/employment.yaml")
        #expect(TerminalText.escape(FileName.string(fromBytes: [0x61, 0xFF, 0x62])) == "a\\xFFb")
    }

    @Test func namesDecodeValidUTF8AndKeepEveryOtherByte() {
        let bytes: [UInt8] = Array("星海镇".utf8) + [0xC0, 0xE6, 0x80] + Array("/x".utf8)
        let name = FileName.string(fromBytes: bytes)
        #expect(name.hasPrefix("星海镇"))
        #expect(name.hasSuffix("/x"))
        #expect(FileName.bytes(of: name) == bytes)
        #expect(FileName.hasRawBytes(name))
        #expect(!FileName.hasRawBytes("星海镇"))
    }
}

struct FileSystemReasonTests {
    @Test func reasonsAreTypedOnceAndWordedInBothLanguages() {
        #expect(FileSystemReason(errno: ENOSPC) == .noSpace)
        #expect(FileSystemReason(errno: EROFS).zh == "文件系统只读")
        #expect(FileSystemReason(errno: EROFS).en == "read-only file system")
        let cocoa = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteNoPermission.rawValue)
        #expect(FileSystemReason(cocoa) == .permissionDenied)
        let wrapped = NSError(
            domain: NSCocoaErrorDomain, code: 512,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])
        #expect(FileSystemReason(wrapped) == .notDirectory)
        // Never Foundation's English text.
        let odd = NSError(domain: "Other", code: 7, userInfo: [NSLocalizedDescriptionKey: "The operation failed"])
        #expect(FileSystemReason(odd).zh == "未知的文件系统错误（代码 7）")
    }
}
