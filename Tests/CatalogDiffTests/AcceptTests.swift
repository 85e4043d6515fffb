import CatalogDiff
import Diagnostics
import Foundation
import Testing

@Suite struct AcceptTests {
    static func parse(_ text: String) -> (AcceptList?, [Finding]) {
        AcceptList.parse(Array(text.utf8), file: "accepted.yaml")
    }

    static func modeReport() throws -> DiffReport {
        DiffReport(oldLabel: "a", newLabel: "b", comparisons: [try Fixtures.compare("mode")])
    }

    @Test func theGateStopsRegressionsAndLetsReviewedOnesPass() throws {
        let report = try Self.modeReport()
        #expect(report.fails(on: .regression))
        #expect(report.fails(on: .any))

        let (list, findings) = Self.parse(
            """
            格式: gkml-accept/1
            已接受变更:
              - 编号: 17-02-04
                变更: mode-to-on-request
                理由: 安置名单涉及个人信息，经县政务公开办审核同意改为依申请公开
            """)
        #expect(findings.isEmpty)
        let accepted = try #require(list).apply(to: report)
        #expect(!accepted.fails(on: .regression))
        #expect(accepted.fails(on: .any), "the other changes are not accepted")
        let change = try #require(accepted.changes.first { $0.code == "mode-to-on-request" })
        #expect(change.isAccepted && change.isRegression)
        #expect(change.acceptedReason == "安置名单涉及个人信息，经县政务公开办审核同意改为依申请公开")
        #expect(accepted.summary.accepted == 1)
        #expect(accepted.general.isEmpty)
    }

    @Test func anEntryMustMatchItemCodeAndCatalog() throws {
        let report = try Self.modeReport()
        let (list, _) = Self.parse(
            """
            已接受变更:
              - 编号: 17-02-03
                变更: mode-to-on-request
                理由: 编号不对
              - 编号: 17-02-04
                变更: channel-removed
                理由: 代码不对
              - 编号: 17-02-04
                变更: mode-to-on-request
                地区: 示例县长胜乡
                理由: 地区不对
            """)
        let applied = try #require(list).apply(to: report)
        #expect(applied.fails(on: .regression))
        #expect(applied.general.map(\.code) == ["accept-unused", "accept-unused", "accept-unused"])
        #expect(applied.general[0].message(.zh) == "接受清单中的条目（编号 17-02-03，变更 mode-to-on-request）没有对应的变更")
    }

    @Test func aListAtTheTopLevelAndCatalogEntriesAreAccepted() throws {
        let (list, findings) = Self.parse(
            """
            - 地区: 示例县星海镇
              领域: 社会救助
              变更: catalog-removed
              理由: 社会救助目录并入县本级目录
            """)
        #expect(findings.isEmpty)
        let entry = try #require(list?.entries.first)
        #expect(entry.id == nil && entry.domain == "社会救助")
    }

    @Test(arguments: [
        ("已接受变更:\n  - 编号: 17-02-04\n    变更: mode-to-on-request\n", "缺少书面「理由」"),
        ("已接受变更:\n  - 编号: 17-02-04\n    变更: mode-to-on-request\n    理由: \"  \"\n", "缺少书面「理由」"),
        ("已接受变更:\n  - 编号: 17-02-04\n    变更: mode-downgraded\n    理由: 有\n", "不是 gkml diff 的变更代码"),
        ("已接受变更:\n  - 编号: 17-02-04\n    理由: 有\n", "缺少「变更」"),
        ("已接受变更:\n  - 变更: item-removed\n    理由: 有\n", "应写明「编号」"),
        ("随便写写\n", "应为「已接受变更」列表"),
        ("已接受变更: [\n", ""),
    ])
    func invalidFilesAreRejectedWhole(_ text: String, _ message: String) {
        let (list, findings) = Self.parse(text)
        #expect(list == nil)
        #expect(!findings.isEmpty)
        #expect(findings.contains { $0.severity == .error })
        if !message.isEmpty {
            #expect(findings.contains { $0.message(.zh).contains(message) }, "\(findings.map { $0.message(.zh) })")
            #expect(findings.allSatisfy { !$0.message(.en).contains("接受清单") })
        }
    }
}
