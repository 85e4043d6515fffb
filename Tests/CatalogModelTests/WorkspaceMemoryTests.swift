import CatalogModel
import Foundation
import Testing

/// What a loaded workspace keeps for the whole run stays small at province scale.
struct WorkspaceMemoryTests {
    /// Places give the same few reasons for thousands of 未涉及领域 entries; each distinct text is kept once.
    @Test func aRepeatedNotApplicableReasonIsStoredOnce() throws {
        let reason = "标准指引中本领域事项均为县级公开，本级不承担相关职责"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = """
            格式: gkml-workspace/1
            地区: 示例县
            层级: 县级
            发布机构: 示例县人民政府办公室
            机构名录:
              - 示例县人民政府
            辖区:
              - 名称: 星海镇
                层级: 乡级
                目录: 星海镇
                未涉及领域:
                  - 领域: 税收管理
                    说明: \(reason)
              - 名称: 长胜乡
                层级: 乡级
                目录: 长胜乡
                未涉及领域:
                  - 领域: 税收管理
                    说明: \(reason)
                  - 领域: 市政服务
                    说明: 另一条理由，只出现一次，也照原文保存

            """
        let file = folder.appendingPathComponent("gkml.yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let workspace = try #require(WorkspaceLoader.load(path: file).workspace)
        let reasons = workspace.jurisdictions.flatMap { $0.domainsNotApplicable.values }.sorted()
        #expect(reasons == ["另一条理由，只出现一次，也照原文保存", reason, reason])
        // The same text read twice shares one storage (the text is too long to be stored inline).
        func storage(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        let repeated = reasons.filter { $0 == reason }
        #expect(storage(repeated[0]) != nil && storage(repeated[0]) == storage(repeated[1]))
    }
}
