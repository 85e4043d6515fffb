@testable import CatalogLint
import CatalogModel
import Foundation
import Testing

/// TimeLimitRule keeps the last few 公开时限 texts of a file at hand (`TimeLimitRule.recentTexts`) instead of asking
/// the run's shared memo for each item. A text pushed out of that handful is read again, and judged again.
struct TimeLimitMemoTests {
    @Test func aTextPushedOutByOthersIsJudgedAgain() {
        #expect(TimeLimitRule.recentTexts == 8, "the list below is built for eight kept texts")
        // 及时 (vague), then eight other texts, then 及时 again (pushed out by then), one kept text, and 及时 again.
        let limits =
            ["↓及时"] + (1...8).map { "信息形成之日起\($0)个工作日内" } + ["↓及时", "信息形成之日起1个工作日内", "↓及时"]
        let items = limits.enumerated().map { n, limit in
            """
                  - 编号: 17-02-\(String(format: "%02d", n + 1))
                    名称: 信息\(n + 1)
                    公开内容: 信息\(n + 1)
                    公开时限: \(limit)
            """
        }
        let body = "事项:\n  - 一级事项: 就业服务\n    二级事项:\n" + items.joined(separator: "\n")
        let run = ExampleRunner.run(RuleExample(body))
        let vague = run.result.findings.filter { $0.code == "time-limit-vague" }
        #expect(run.markers.count == 3)
        #expect(vague.compactMap(\.location.position).sorted() == run.markers.sorted())
    }
}
