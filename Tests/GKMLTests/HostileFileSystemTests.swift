import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 15, the file-system half: special files, links, loops, names that are not UTF-8 and escape sequences
/// in names, and I/O failures said in Chinese (English with --lang en). Every special file is made in a fresh
/// temporary folder; every run is guarded so that a hang fails the test instead of stalling the suite.
struct HostileFileSystemTests {
    /// A gkml run that is killed, and reported as timed out, after `seconds`.
    struct Guarded {
        var result: GKML.Result
        var timedOut: Bool
    }

    static func guarded(_ arguments: [String], in directory: URL, seconds: Double = 60) throws -> Guarded {
        let result = try GKML.run(arguments, in: directory, timeout: seconds)
        return Guarded(result: result, timedOut: result.timedOut)
    }

    /// A copy of the example workspace in a fresh folder.
    static func workspace() throws -> URL {
        let dir = try GKML.temporaryFolder()
        try FileManager.default.copyItem(
            at: GKML.root.appendingPathComponent("catalogs/example"), to: dir.appendingPathComponent("example"))
        return dir
    }

    static func type(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    static func inode(_ path: String) -> ino_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_ino : 0
    }

    static func codes(_ result: GKML.Result) throws -> [String] {
        try GKML.findings(result).compactMap { $0["code"] as? String }
    }

    // MARK: Reading only what belongs

    @Test func aFIFONamedYAMLDoesNotBlockValidate() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("example/星海镇/pipe.yaml").path, 0o644) == 0)
        let run = try Self.guarded(["validate", "example", "--format", "json"], in: dir)
        #expect(!run.timedOut, "validate blocked on the FIFO")
        let findings = try GKML.findings(run.result)
        let special = findings.filter { $0["code"] as? String == "io-special-file" }
        #expect(special.count == 1)
        #expect((special.first?["severity"] as? String) == "warning")
        #expect((special.first?["file"] as? String)?.hasSuffix("pipe.yaml") == true)
        let text = try Self.guarded(["validate", "example"], in: dir)
        #expect(text.result.stdout.contains("是命名管道（FIFO），不是普通文件，没有读取"))
        let english = try Self.guarded(["validate", "example", "--lang", "en"], in: dir)
        #expect(english.result.stdout.contains("is a FIFO (named pipe), not a regular file; it was not read"))
    }

    @Test func aFolderLinkToTheRootIsNotWalked() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(symlink("/", dir.appendingPathComponent("example/星海镇/root").path) == 0)
        let run = try Self.guarded(["validate", "example", "--format", "json"], in: dir, seconds: 60)
        #expect(!run.timedOut, "validate walked the file system")
        let codes = try Self.codes(run.result)
        #expect(codes.filter { $0 == "io-directory-link" }.count == 1)
        // Nothing under / was read as a catalog.
        #expect(!run.result.stdout.contains("/etc/"))
        #expect(run.result.status == 0, "\(run.result.stderr)")
    }

    @Test func linkLoopsEndAtOnce() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("example/星海镇")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(symlink("..", folder.appendingPathComponent("sub/up").path) == 0)
        #expect(symlink("b.yaml", folder.appendingPathComponent("a.yaml").path) == 0)
        #expect(symlink("a.yaml", folder.appendingPathComponent("b.yaml").path) == 0)
        let run = try Self.guarded(["validate", "example", "--format", "json"], in: dir, seconds: 60)
        #expect(!run.timedOut)
        let codes = try Self.codes(run.result)
        #expect(codes.filter { $0 == "io-broken-link" }.count == 2)
        #expect(codes.filter { $0 == "io-directory-link" }.count == 1)
        // Each catalog once: the loop through sub/up added no copies (they would clash as duplicate 编号).
        #expect(!codes.contains("duplicate-id-across-files"))
        let build = try Self.guarded(["build", "example", "--out", "site"], in: dir, seconds: 120)
        #expect(!build.timedOut)
    }

    @Test func aLinkOutOfTheWorkspaceIsRefusedAndNeverEchoed() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.yaml")
        try "root:x:0:0:root:/root:/bin/bash\n".write(to: secret, atomically: true, encoding: .utf8)
        #expect(symlink(secret.path, dir.appendingPathComponent("example/星海镇/passwd.yaml").path) == 0)
        #expect(symlink("/etc/passwd", dir.appendingPathComponent("example/县本级/etc.yaml").path) == 0)
        for format in ["text", "json", "github"] {
            let run = try Self.guarded(["validate", "example", "--format", format], in: dir)
            #expect(!run.result.all.contains("root:x:0:0"), "\(format): \(run.result.all)")
            #expect(run.result.status == 1)
        }
        let json = try Self.guarded(["validate", "example", "--format", "json"], in: dir)
        let outside = try GKML.findings(json.result).filter { $0["code"] as? String == "io-link-outside" }
        #expect(outside.count == 2)
        // Named on the command line, inside a workspace, it is refused too.
        let named = try Self.guarded(["validate", "example/星海镇/passwd.yaml"], in: dir)
        #expect(named.result.stdout.contains("io-link-outside"))
        #expect(!named.result.all.contains("root:x:0:0"))
        // Not published either.
        let build = try Self.guarded(
            ["build", "example", "--out", "site", "--formats", "csv", "--allow-errors"], in: dir)
        let site = (FileManager.default.enumerator(atPath: dir.appendingPathComponent("site").path)?.allObjects ?? [])
            .compactMap { $0 as? String }
        #expect(!site.isEmpty, "\(build.result.all)")
        for file in site {
            let text = (try? String(contentsOf: dir.appendingPathComponent("site/\(file)"), encoding: .utf8)) ?? ""
            #expect(!text.contains("root:x:0:0"), "\(file)")
        }
    }

    @Test func aGBKNamedCatalogIsReadAndItsNameShownEscaped() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 公开.yaml in GBK bytes, as a Windows zip unpacked on Linux names it: a copy of a catalog with one error.
        var text = try String(
            contentsOf: dir.appendingPathComponent("example/星海镇/employment.yaml"), encoding: .utf8)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("example/星海镇/employment.yaml"))
        text = text.replacingOccurrences(of: "公开方式: 主动", with: "公开方式: 主动公开")
        let folder = Array(dir.appendingPathComponent("example/星海镇/").path.utf8) + [0x2F]
        let name: [UInt8] = folder + [0xB9, 0xAB, 0xBF, 0xAA] + Array(".yaml".utf8)
        let fd = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        }
        #expect(fd >= 0)
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { write(fd, $0.baseAddress!, bytes.count) } == bytes.count)
        close(fd)

        let run = try Self.guarded(["validate", "example"], in: dir)
        #expect(!run.result.all.contains("找不到文件"), "\(run.result.all)")
        #expect(!run.result.all.contains("io-"), "\(run.result.all)")
        #expect(run.result.stdout.contains("星海镇/\\xB9\\xAB\\xBF\\xAA.yaml:"), "\(run.result.stdout)")
        // Its content was read: the error written into it is reported against it.
        let json = try GKML.findings(try Self.guarded(["validate", "example", "--format", "json"], in: dir).result)
        #expect(
            json.contains {
                ($0["file"] as? String)?.hasSuffix(".yaml") == true
                    && ($0["code"] as? String)?.hasPrefix("schema") == true
            })
        #expect(run.result.status == 1)
    }

    @Test func aGBKNamedWorkbookIsImportedAndItsNameShownEscaped() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 公开.xlsx in GBK bytes: a real county workbook as a Windows zip unpacked on Linux names it.
        let workbook = try Data(contentsOf: GKML.fixtures.appendingPathComponent("import/tengchong-employment.xlsx"))
        let name: [UInt8] = Array(dir.path.utf8) + [0x2F, 0xB9, 0xAB, 0xBF, 0xAA] + Array(".xlsx".utf8)
        let fd = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        }
        #expect(fd >= 0)
        #expect(workbook.withUnsafeBytes { write(fd, $0.baseAddress!, workbook.count) } == workbook.count)
        close(fd)
        // The shell expands the glob to the name's raw bytes, as it does for a clerk typing `gkml import *.xlsx`.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "exec \"$0\" import ./*.xlsx --into out --jurisdiction 腾冲市 --level 县级", GKML.executable.path,
        ]
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(text)")  // read; its inferences are to check
        #expect(!text.contains("找不到文件"), "\(text)")
        #expect(text.contains("来自 \\xB9\\xAB\\xBF\\xAA.xlsx!Sheet1"), "\(text)")
        #expect(text.contains("\n\\xB9\\xAB\\xBF\\xAA.xlsx!Sheet1!"), "\(text)")
        // No stray byte reaches the terminal as a private-use character.
        #expect(!text.unicodeScalars.contains { (0x10_FF00...0x10_FFFF).contains($0.value) }, "\(text)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/腾冲市-employment.yaml").path))
    }

    @Test func escapeSequencesInNamesAreEscapedInTextAndGitHubOutput() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = "example/星海镇/a\u{1B}[31mRED\u{202E}.yaml"
        try "格式: gkml/1\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        for format in ["text", "github"] {
            let run = try Self.guarded(["validate", "example", "--format", format, "--color", "always"], in: dir)
            #expect(run.result.stdout.contains("a\\e[31mRED\\u{202E}.yaml"), "\(format): \(run.result.stdout)")
            #expect(!run.result.stdout.contains("\u{1B}[31mRED"), "\(format)")
            #expect(!run.result.stdout.contains("\u{202E}"), "\(format)")
        }
        // Echoed input: an escape sequence and a carriage return in a value never reach the terminal raw.
        try "格式: gkml/1\n领域: 就业\u{1B}[2J\r伪造的一行\n".write(
            to: dir.appendingPathComponent("example/县本级/echo.yaml"), atomically: true, encoding: .utf8)
        let echo = try Self.guarded(["validate", "example/县本级/echo.yaml"], in: dir)
        #expect(!echo.result.stdout.contains("\u{1B}"), "\(echo.result.stdout)")
        #expect(!echo.result.stdout.contains("\r"), "\(echo.result.stdout)")
        #expect(echo.result.stdout.contains("\\e[2J"), "\(echo.result.stdout)")
    }

    @Test func importRefusesAFIFOInsteadOfBlocking() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("目录.html").path, 0o644) == 0)
        let run = try Self.guarded(["import", "目录.html", "--into", "out"], in: dir)
        #expect(!run.timedOut, "import blocked on the FIFO")
        #expect(run.result.status == 2)
        #expect(run.result.stdout.contains("目录.html 是命名管道（FIFO），不是普通文件，没有读取"), "\(run.result.all)")
        // A workspace file that is a FIFO is not loaded either.
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("ws/town"), withIntermediateDirectories: true)
        #expect(mkfifo(dir.appendingPathComponent("ws/gkml.yaml").path, 0o644) == 0)
        try FileManager.default.copyItem(
            at: GKML.root.appendingPathComponent("catalogs/example/星海镇/employment.yaml"),
            to: dir.appendingPathComponent("ws/town/employment.yaml"))
        let validate = try Self.guarded(["validate", "ws", "--format", "json"], in: dir)
        #expect(!validate.timedOut, "validate blocked on a FIFO named gkml.yaml")
        #expect(try Self.codes(validate.result).contains("io-special-file"))
    }

    // MARK: Writing where the user pointed

    @Test func renderIntoAFullDeviceFailsInChineseAndKeepsTheDevice() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = "example/星海镇/employment.yaml"
        let zh = try Self.guarded(["render", file, "--format", "csv", "-o", "/dev/full"], in: dir)
        #expect(zh.result.status == 2)
        #expect(zh.result.stderr.contains("无法写入 /dev/full：磁盘空间不足"), "\(zh.result.stderr)")
        let en = try Self.guarded(["render", file, "--format", "csv", "-o", "/dev/full", "--lang", "en"], in: dir)
        #expect(en.result.status == 2)
        #expect(en.result.stderr.contains("cannot write /dev/full: no space left on the device"), "\(en.result.stderr)")
        #expect(Self.type("/dev/full") == S_IFCHR)
        // /dev/stdout streams into the pipe; the note goes to stderr.
        let out = try Self.guarded(["render", file, "--format", "csv", "-o", "/dev/stdout"], in: dir)
        #expect(out.result.status == 0)
        #expect(out.result.stdout.contains("17-01-01"))
        #expect(!out.result.stdout.contains("已生成"))
        #expect(out.result.stderr.contains("已生成 /dev/stdout"))
    }

    @Test func renderIntoAFIFOStreams() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("out.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received = handle.readDataToEndOfFile() }
            done.signal()
        }
        let run = try Self.guarded(
            ["render", "example/星海镇/employment.yaml", "--format", "csv", "-o", "out.csv"], in: dir)
        #expect(run.result.status == 0, "\(run.result.all)")
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(String(decoding: received, as: UTF8.self).contains("17-01-01"))
        #expect(Self.type(fifo) == S_IFIFO)
    }

    @Test func renderThroughALinkReplacesTheTargetWithItsMode() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("published/employment.csv").path
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("published"), withIntermediateDirectories: true)
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        #expect(chmod(real, 0o640) == 0)
        #expect(symlink("published/employment.csv", dir.appendingPathComponent("link.csv").path) == 0)
        let before = Self.inode(real)
        let run = try Self.guarded(
            ["render", "example/星海镇/employment.yaml", "--format", "csv", "-o", "link.csv"], in: dir)
        #expect(run.result.status == 0, "\(run.result.all)")
        #expect(Self.type(dir.appendingPathComponent("link.csv").path) == S_IFLNK)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("17-01-01"))
        #expect(Self.mode(real) == 0o640)
        // Replaced atomically (a new file took the name), not rewritten in place.
        #expect(Self.inode(real) != before)
    }

    @Test func fixThroughALinkFixesTheRealFileAndKeepsLinkAndMode() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = GKML.root.appendingPathComponent("catalogs/example/星海镇/employment.yaml")
        var text = try String(contentsOf: source, encoding: .utf8)
        text = text.replacingOccurrences(of: "名称: 岗位信息发布", with: "名称: \"岗位信息发布 \"")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("town"), withIntermediateDirectories: true)
        let real = dir.appendingPathComponent("real/employment.yaml").path
        try text.write(toFile: real, atomically: false, encoding: .utf8)
        #expect(chmod(real, 0o640) == 0)
        let link = dir.appendingPathComponent("town/employment.yaml").path
        #expect(symlink("../real/employment.yaml", link) == 0)
        let before = Self.inode(real)
        let run = try Self.guarded(["validate", "town/employment.yaml", "--fix"], in: dir)
        #expect(run.result.all.contains("已修复[text-whitespace]"), "\(run.result.all)")
        #expect(Self.type(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../real/employment.yaml")
        #expect(!(try String(contentsOfFile: real, encoding: .utf8)).contains("岗位信息发布 "))
        #expect(Self.mode(real) == 0o640)
        #expect(Self.inode(real) != before, "the fix was not an atomic replacement")
    }

    @Test func anOutputFolderGivenAsALinkIsResolved() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("releases/2024"), withIntermediateDirectories: true)
        #expect(symlink("releases/2024", dir.appendingPathComponent("site").path) == 0)
        let run = try Self.guarded(["build", "example", "--out", "site", "--formats", "csv"], in: dir, seconds: 120)
        #expect(run.result.status == 0, "\(run.result.all)")
        #expect(Self.type(dir.appendingPathComponent("site").path) == S_IFLNK)
        let built = try FileManager.default.contentsOfDirectory(
            atPath: dir.appendingPathComponent("releases/2024").path)
        #expect(built.contains(".gkml-output"), "\(built)")
        // A link to nothing is refused with a clear message.
        #expect(symlink("nowhere", dir.appendingPathComponent("dangling").path) == 0)
        let dangling = try Self.guarded(["build", "example", "--out", "dangling", "--formats", "csv"], in: dir)
        #expect(dangling.result.status == 2)
        #expect(dangling.result.stderr.contains("是符号链接，但它指向的位置不存在或成环"), "\(dangling.result.stderr)")
        let english = try Self.guarded(
            ["build", "example", "--out", "dangling", "--formats", "csv", "--lang", "en"], in: dir)
        #expect(english.result.stderr.contains("is a symbolic link to nothing"), "\(english.result.stderr)")
    }

    // MARK: I/O failures in Chinese

    @Test func ioFailuresSayPathAndReasonInTheUsersLanguage() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // --write-accepted at a folder.
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let folder = try Self.guarded(["validate", "example", "--write-accepted", "folder"], in: dir)
        #expect(folder.result.status == 2)
        #expect(folder.result.stderr.contains("无法写入已接受问题文件 folder：目标是目录"), "\(folder.result.stderr)")
        let folderEN = try Self.guarded(["validate", "example", "--write-baseline", "folder", "--lang", "en"], in: dir)
        #expect(
            folderEN.result.stderr.contains("cannot write folder: the target is a folder"), "\(folderEN.result.stderr)")
        // A bad --accepted file: missing, then not JSON.
        let missing = try Self.guarded(["validate", "example", "--accepted", "none.json"], in: dir)
        #expect(missing.result.stderr.contains("无法读取「none.json」：路径不存在"), "\(missing.result.stderr)")
        try "{not json".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try Self.guarded(["validate", "example", "--baseline", "bad.json", "--lang", "en"], in: dir)
        #expect(
            bad.result.stderr.contains("\"bad.json\": the accepted findings file is not valid JSON"),
            "\(bad.result.stderr)")
        // diff -o below a regular file, and into a read-only file system.
        let old = "example/星海镇/employment.yaml", new = "example/星海镇/social-assistance.yaml"
        let below = try Self.guarded(["diff", old, new, "-o", "example/gkml.yaml/out.md"], in: dir)
        #expect(below.result.status == 2)
        #expect(below.result.stderr.contains("路径中有一段不是目录"), "\(below.result.stderr)")
        let readOnly = try Self.guarded(["diff", old, new, "-o", "/proc/gkml-out.md", "--lang", "en"], in: dir)
        #expect(readOnly.result.status == 2)
        #expect(readOnly.result.stderr.contains("cannot write /proc/gkml-out.md:"), "\(readOnly.result.stderr)")
        for run in [folder, folderEN, missing, bad, below, readOnly] {
            #expect(!run.result.stderr.contains("The operation"), "\(run.result.stderr)")
            #expect(!run.result.stderr.contains("couldn’t"), "\(run.result.stderr)")
        }
    }
}
