import Diagnostics
import Foundation
import Testing

@testable import CatalogModel

/// `ModelChecks` reads each item's 编号 in place, group by group: every group is checked, and a repeat names
/// the line of the first occurrence, wherever that is.
@Suite struct ModelChecksTests {
    static let text =
        CatalogFixture.employmentHead + """
              - 一级事项: 甲
                二级事项:
                  - 编号: JY-01-01
                    名称: 一
                    公开内容: 一
                  - 编号: JY-01-02
                    名称: 二
                    公开内容: 二
              - 一级事项: 乙
                二级事项:
                  - 编号: JY-02-01
                    名称: 三
                    公开内容: 三
                  - 编号: JY-01-02
                    名称: 四
                    公开内容: 四
                  - 编号: JY-02-01
                    名称: 五
                    公开内容: 五

            """

    @Test func repeatsAreFoundInEveryGroup() throws {
        let loaded = CatalogLoader.load(bytes: Array(Self.text.utf8), file: "dup.yaml")
        #expect(loaded.catalog != nil)
        let repeats = loaded.findings.filter { $0.code == ModelFindings.duplicateID.code }
        #expect(repeats.count == 2)
        // JY-01-02 first at line 21 (group 甲), again at line 29; JY-02-01 first at line 26, again at line 32.
        let seen = repeats.map { [$0.arguments["id"] ?? "", $0.arguments["firstLine"] ?? "", $0.path] }
        #expect(
            seen == [
                ["JY-01-02", "21", "/事项/编号=JY-01-02/编号"],
                ["JY-02-01", "26", "/事项/编号=JY-02-01/编号"],
            ])
        #expect(repeats.map { $0.location.position?.line } == [29, 32])
    }
}
