import CatalogLint
import Foundation
import Testing

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
}
