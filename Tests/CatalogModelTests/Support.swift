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

/// Catalog texts shared by the tests that decode small catalogs.
enum CatalogFixture {
    /// A township's 就业 catalog up to `事项:`, with every element in 默认; a test appends its own items.
    static let employmentHead = """
        格式: gkml/1
        领域: 就业
        地区: 示例县星海镇
        层级: 乡级
        发布机构: 星海镇人民政府
        版本: "2024.1"
        默认:
          公开时限: 自信息形成或者变更之日起20个工作日内
          公开主体: [星海镇人民政府]
          公开渠道: [政府网站]
          公开对象: 全社会
          公开方式: 主动
          公开层级: [乡级]
          公开依据: [《中华人民共和国就业促进法》]
        事项:

        """
}
