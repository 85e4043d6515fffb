import CatalogDiff
import Foundation

/// A real git repository in a temporary folder, with fixed authors and dates so that runs are repeatable.
final class TempRepository {
    let root: String
    let git: Git
    private var clock = 0

    init() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gkml-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Resolve /tmp symlinks (macOS) so that paths git prints match ours.
        root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        git = Git(
            directory: root,
            environment: [
                "GIT_AUTHOR_NAME": "星海镇党政办", "GIT_AUTHOR_EMAIL": "dzb@example.gov.cn",
                "GIT_COMMITTER_NAME": "星海镇党政办", "GIT_COMMITTER_EMAIL": "dzb@example.gov.cn",
                "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            ])
        try git.run(["init", "-q", "-b", "main"])
        try git.run(["config", "commit.gpgsign", "false"])
        try git.run(["config", "tag.gpgsign", "false"])
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    /// Replaces the repository's files (except .git) with a copy of `folder`.
    func replaceContents(with folder: String) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: root) where name != ".git" {
            try manager.removeItem(atPath: root + "/" + name)
        }
        for name in try manager.contentsOfDirectory(atPath: folder) {
            try manager.copyItem(atPath: folder + "/" + name, toPath: root + "/" + name)
        }
    }

    /// Commits everything with a fixed date (one day after the previous commit) and optionally tags it.
    @discardableResult
    func commit(_ message: String, date: String? = nil, tag: String? = nil) throws -> String {
        clock += 1
        let stamp = date.map { "\($0)T09:00:00+08:00" } ?? "2024-01-\(String(format: "%02d", clock))T09:00:00+08:00"
        var dated = git
        dated.environment["GIT_AUTHOR_DATE"] = stamp
        dated.environment["GIT_COMMITTER_DATE"] = stamp
        try dated.run(["add", "-A"])
        try dated.run(["commit", "-q", "-m", message])
        if let tag { try dated.run(["tag", tag]) }
        return String(decoding: try dated.run(["rev-parse", "HEAD"]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
