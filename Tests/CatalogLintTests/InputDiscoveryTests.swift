import CatalogLint
import CatalogModel
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How `gkml validate` paths become groups, and when a workspace file is handed over.
struct InputDiscoveryTests {
    /// Each gkml.yaml is announced once, as the walk meets it and before the folders under it are walked, so the caller
    /// can read it while little else is in memory (a province's gkml.yaml lists thousands of jurisdictions).
    @Test func eachWorkspaceFileIsAnnouncedOnceBeforeTheFoldersUnderIt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-discover-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["gkml.yaml", "星海镇/就业.yaml", "长胜乡/就业.yaml", "长胜乡/内/gkml.yaml", "长胜乡/内/a/x.yaml"]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "格式: gkml/1\n".write(to: url, atomically: true, encoding: .utf8)
        }
        var announced: [String] = []
        let inputs = InputDiscovery.discover([root.path]) { announced.append($0) }
        // Both workspace files, once each, in the order the walk meets them: the outer one first.
        #expect(announced == inputs.workspaces)
        #expect(announced.count == 2)
        #expect(announced.first?.hasSuffix("内/gkml.yaml") == false)
        #expect(announced.last?.hasSuffix("长胜乡/内/gkml.yaml") == true)
        #expect(inputs.groups.flatMap(\.files).count == 3)
    }

    /// A link to a file that the walk also finds under its own name is read once, under that name; a link to a
    /// file found nowhere else is read under the link's name. The walk notes the links as it meets them.
    @Test func aLinkToAFileFoundUnderItsOwnNameIsReadOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-alias-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["镇", "别处"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["镇/a.yaml", "别处/b.txt"] {
            try "格式: gkml/1\n".write(to: root.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        #expect(symlink("a.yaml", root.appendingPathComponent("镇/alias.yaml").path) == 0)
        #expect(symlink("../别处/b.txt", root.appendingPathComponent("镇/only.yaml").path) == 0)
        let inputs = InputDiscovery.discover([root.path])
        let files = inputs.groups.flatMap(\.files).map { ($0 as NSString).lastPathComponent }
        #expect(files == ["a.yaml", "only.yaml"])
        // Named on the command line beside the file it leads to, the link is dropped there too.
        let named = InputDiscovery.discover([
            root.appendingPathComponent("镇/a.yaml").path, root.appendingPathComponent("镇/alias.yaml").path,
        ])
        #expect(named.groups.flatMap(\.files).map { ($0 as NSString).lastPathComponent } == ["a.yaml"])
    }

    /// A folder's listing tells regular files and folders as `lstat` would, and leaves links and special files
    /// to `lstat`.
    @Test func aListingTellsFilesAndFoldersAndLeavesTheRestToLstat() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try "x".write(to: root.appendingPathComponent("file.yaml"), atomically: true, encoding: .utf8)
        #expect(symlink("file.yaml", root.appendingPathComponent("link.yaml").path) == 0)
        #expect(mkfifo(root.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        let entries = try #require(FileEntry.entries(in: root.path))
        #expect(entries.map(\.name) == ["file.yaml", "folder", "link.yaml", "pipe.yaml"])
        #expect(entries.map(\.kind) == [.regular, .directory, nil, nil])
        // Whatever the listing tells agrees with lstat.
        for entry in entries {
            if let kind = entry.kind {
                #expect(FileEntry.kind(of: root.appendingPathComponent(entry.name).path) == kind)
            }
        }
    }
}
