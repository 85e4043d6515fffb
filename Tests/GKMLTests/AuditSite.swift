import Foundation
import Testing

/// The audit fixture site (Tests/Fixtures/audit/site) served by Tests/Fixtures/audit/serve.py on 127.0.0.1,
/// and the fixture workspace pointed at it. Never any other address.
final class AuditSite {
    static let fixtures = GKML.fixtures.appendingPathComponent("audit")

    let folder: URL
    let process: Process
    let port: Int
    let log: URL
    /// The fixture workspace with `http://site.invalid` replaced by this server's address.
    let workspace: URL

    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        folder = try GKML.temporaryFolder()
        let python = try Tools.require("python3")
        let portFile = folder.appendingPathComponent("port")
        log = folder.appendingPathComponent("requests.log")
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            Self.fixtures.appendingPathComponent("serve.py").path,
            Self.fixtures.appendingPathComponent("site").path, portFile.path, log.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            if let text = try? String(contentsOf: portFile, encoding: .utf8) {
                found = Int(text)
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let found else {
            process.terminate()
            throw Tools.Missing(tool: "the fixture server (python3 Tests/Fixtures/audit/serve.py) did not start")
        }
        port = found
        workspace = folder.appendingPathComponent("workspace")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("workspace"), to: workspace)
        try Self.rewrite(workspace, from: "http://site.invalid", to: "http://127.0.0.1:\(found)")
    }

    deinit {
        // SIGKILL: a child started from a test thread may inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The request lines the server logged: path, tab, User-Agent.
    func requests() -> [(path: String, agent: String)] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    /// A copy of the site made with `wget -m` (robots.txt honoured), in `wget`'s host:port layout.
    func mirror() throws -> URL {
        let wget = try Tools.require("wget")
        let target = folder.appendingPathComponent("mirror")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let run = Process()
        run.executableURL = URL(fileURLWithPath: wget)
        run.arguments = ["-m", "-q", "-e", "robots=on", "\(base)/"]
        run.currentDirectoryURL = target
        try run.run()
        while run.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        // wget exits 8 when some page answered with an error (the 404 column): that is expected here.
        #expect([0, 8].contains(run.terminationStatus), "wget -m exited \(run.terminationStatus)")
        return target
    }

    static func rewrite(_ folder: URL, from: String, to: String) throws {
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "yaml" {
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
        }
    }
}

/// External programs the tests use; a missing one fails the test with how to get it.
enum Tools {
    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var description: String {
            "\(tool) is required by the audit tests (Debian: apt-get install python3 wget chromium; pip install -r .ci/requirements.txt; see .ci/run)"
        }
    }

    static func require(_ name: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw Missing(tool: name)
    }

    /// Runs a program and returns its status and its output (stdout then stderr), collected through a file
    /// so that no pipe can block.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-tool-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        // Polling, not waitUntilExit: that can wait forever on a test thread without a run loop.
        while process.isRunning { Thread.sleep(forTimeInterval: 0.02) }
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: file, encoding: .utf8)) ?? "")
    }
}
