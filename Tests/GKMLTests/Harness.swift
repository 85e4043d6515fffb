import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `gkml` executable, as a user or CI would.
enum GKML {
    /// The repository root (three levels above this file).
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// The executable next to the test bundle (`swift test` builds it with the package).
    static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gkml")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/gkml")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The run was killed after its `timeout`.
        var timedOut = false
        var all: String { stdout + stderr }
    }

    /// Runs gkml with `arguments` in `directory` (the repository root by default). With a `timeout`, a run
    /// still going after that many seconds is killed and marked `timedOut`, so a hang fails a test. `environment`
    /// adds to (or overrides) the test process's variables.
    static func run(
        _ arguments: [String], in directory: URL? = nil, timeout: Double? = nil,
        environment extra: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var timedOut = false
        let watchdog = DispatchWorkItem {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
        }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
        // Read both pipes concurrently so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
    }

    /// Parses `--format json` output.
    static func json(_ result: Result) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    /// The findings of the first file in a validate JSON report.
    static func findings(_ result: Result) throws -> [[String: Any]] {
        let report = try json(result)
        let files = try #require(report["files"] as? [[String: Any]])
        var all = files.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        all += (report["general"] as? [[String: Any]]) ?? []
        return all
    }

    /// A Python-side tool (python3, check-jsonschema): `<repo>/.venv/bin/<name>` (made by scripts/test) when it
    /// exists, else `<name>` on PATH. Missing, it is a thrown error that says how to get it, never a skip.
    static func tool(_ name: String) throws -> URL {
        let venv = root.appendingPathComponent(".venv/bin/\(name)")
        if FileManager.default.isExecutableFile(atPath: venv.path) { return venv }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ToolMissing(tool: name)
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var tool: String
        var description: String {
            "\(tool) is not installed (neither in .venv/bin nor on PATH): run scripts/test, which installs it"
        }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
