import Foundation

/// A failure to run git or a git command that failed; `message` is git's own (first line of stderr).
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// Read-only access to the git repository around a folder. Reads commits and blobs with `git ls-tree` and
/// `git cat-file`, so the work tree and the index are never touched.
public struct Git: Sendable {
    /// The folder git runs in (pathspecs are relative to it).
    public var directory: String
    /// The git executable.
    public var executable: String
    /// Extra environment for git (tests fix author and dates with it).
    public var environment: [String: String]

    public init(
        directory: String = FileManager.default.currentDirectoryPath, executable: String? = nil,
        environment: [String: String] = [:]
    ) {
        self.directory = directory
        self.executable = executable ?? Git.findExecutable()
        self.environment = environment
    }

    /// A path as the user wrote it, resolved against `directory` when relative.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    static func findExecutable() -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/git"
    }

    /// Runs git with `arguments` (and `input` on stdin); returns stdout, throws with stderr on failure.
    @discardableResult
    public func run(_ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", "core.quotepath=off"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C.UTF-8"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment.merge(self.environment) { $1 }
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do {
            try process.run()
        } catch {
            throw GitError("无法运行 git（\(executable)）：\(error.localizedDescription)")
        }
        let group = DispatchGroup()
        let errors = Box()
        DispatchQueue.global().async(group: group) {
            errors.data = stderr.fileHandleForReading.readDataToEndOfFile()
        }
        if let input {
            let handle = stdin.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                handle.write(Data(input))
                try? handle.close()
            }
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.data, as: UTF8.self)
            let first =
                text.split(separator: "\n").first.map(String.init) ?? "git \(arguments.joined(separator: " ")) 失败"
            throw GitError(first)
        }
        return [UInt8](output)
    }

    final class Box: @unchecked Sendable {
        var data = Data()
    }

    func text(_ arguments: [String]) throws -> String {
        String(decoding: try run(arguments), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// NUL-separated output split into strings.
    func records(_ arguments: [String]) throws -> [String] {
        try run(arguments).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `directory` is inside a git work tree.
    public var isRepository: Bool {
        (try? text(["rev-parse", "--is-inside-work-tree"])) == "true"
    }

    /// The root of the work tree.
    public func topLevel() throws -> String { try text(["rev-parse", "--show-toplevel"]) }

    /// The commit a revision names, or nil.
    public func commit(_ revision: String) -> String? {
        guard !revision.hasPrefix("-") else { return nil }
        return try? text(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"])
    }

    /// `blob`, `tree`, `commit` … for an object name such as `v2024:星海镇/employment.yaml`, or nil.
    public func objectType(_ spec: String) -> String? {
        guard !spec.hasPrefix("-") else { return nil }
        return try? text(["cat-file", "-t", spec])
    }

    /// The best common ancestor of two commits.
    public func mergeBase(_ a: String, _ b: String) -> String? {
        try? text(["merge-base", a, b])
    }

    /// One entry of a tree listing.
    public struct TreeEntry: Sendable, Hashable {
        /// Path relative to the repository root (or to the listed tree for `REV:dir`).
        public var path: String
        public var blob: String
    }

    /// The blobs of a commit's tree under `paths` (relative to `directory`; none means the whole tree
    /// below `directory`), with root-relative paths.
    public func listTree(_ revision: String, paths: [String]) throws -> [TreeEntry] {
        try parseTree(records(["ls-tree", "-r", "-z", "--full-name", revision, "--"] + paths))
    }

    /// The blobs of a tree named like `REV:dir`, with paths relative to that tree.
    public func listTree(object spec: String) throws -> [TreeEntry] {
        try parseTree(records(["ls-tree", "-r", "-z", spec]))
    }

    func parseTree(_ records: [String]) -> [TreeEntry] {
        records.compactMap { record in
            // "<mode> <type> <object>\t<path>"
            guard let tab = record.firstIndex(of: "\t") else { return nil }
            let fields = record[..<tab].split(separator: " ")
            guard fields.count == 3, fields[1] == "blob" else { return nil }
            return TreeEntry(path: String(record[record.index(after: tab)...]), blob: String(fields[2]))
        }
    }

    /// Files of the work tree under `paths`: tracked and untracked but not ignored, root-relative, that exist.
    public func workTreeFiles(paths: [String]) throws -> [String] {
        let root = try topLevel()
        let names = try records(
            ["ls-files", "-z", "--full-name", "--cached", "--others", "--exclude-standard", "--"] + paths)
        var seen = Set<String>()
        return names.filter { name in
            guard seen.insert(name).inserted else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
    }

    /// The contents of many objects at once (`git cat-file --batch`), in the order asked.
    public func contents(_ objects: [String]) throws -> [[UInt8]] {
        guard !objects.isEmpty else { return [] }
        let input = Array(objects.joined(separator: "\n").utf8) + [10]
        let output = try run(["cat-file", "--batch"], input: input)
        var result: [[UInt8]] = []
        var i = 0
        for name in objects {
            guard let newline = output[i...].firstIndex(of: 10) else { throw GitError("git cat-file：读取 \(name) 失败") }
            let header = String(decoding: output[i..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else {
                throw GitError("git 中找不到 \(name)")
            }
            let start = newline + 1
            guard start + size <= output.count else { throw GitError("git cat-file：\(name) 不完整") }
            result.append(Array(output[start..<(start + size)]))
            i = start + size + 1
        }
        return result
    }
}
