import Foundation

/// Paths of the repository, for tests that compare with files on disk.
enum Repository {
    /// The repository root (three levels above this file).
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The baseline files, sorted.
    static var baselineFiles: [String] {
        let folder = path("catalogs/baseline")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    }

    /// A Python-side tool: `<repo>/.venv/bin/<name>` (made by scripts/test) when it exists, else `<name>` on
    /// PATH. Missing, it is a thrown error that says how to get it, never a skip.
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
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-model-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
