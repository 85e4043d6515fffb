@testable import CatalogLint
import CatalogModel
import Testing

/// TimeLimitRule keeps the last few 公开时限 texts of a file at hand (`TimeLimitRule.recentTexts`) instead of asking
/// the run's shared memo for each item. A text pushed out of that handful is read again, and judged again.
struct TimeLimitMemoTests {
    @Test func aTextPushedOutByOthersIsJudgedAgain() {
        // 及时 (vague), then eight other texts, then 及时 again (pushed out by then), one kept text, and 及时 again.
        let run = ExampleRunner.run(
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 信息1
                        公开内容: 信息1
                        公开时限: ↓及时
                      - 编号: 17-02-02
                        名称: 信息2
                        公开内容: 信息2
                        公开时限: 信息形成之日起1个工作日内
                      - 编号: 17-02-03
                        名称: 信息3
                        公开内容: 信息3
                        公开时限: 信息形成之日起2个工作日内
                      - 编号: 17-02-04
                        名称: 信息4
                        公开内容: 信息4
                        公开时限: 信息形成之日起3个工作日内
                      - 编号: 17-02-05
                        名称: 信息5
                        公开内容: 信息5
                        公开时限: 信息形成之日起4个工作日内
                      - 编号: 17-02-06
                        名称: 信息6
                        公开内容: 信息6
                        公开时限: 信息形成之日起5个工作日内
                      - 编号: 17-02-07
                        名称: 信息7
                        公开内容: 信息7
                        公开时限: 信息形成之日起6个工作日内
                      - 编号: 17-02-08
                        名称: 信息8
                        公开内容: 信息8
                        公开时限: 信息形成之日起7个工作日内
                      - 编号: 17-02-09
                        名称: 信息9
                        公开内容: 信息9
                        公开时限: 信息形成之日起8个工作日内
                      - 编号: 17-02-10
                        名称: 信息10
                        公开内容: 信息10
                        公开时限: ↓及时
                      - 编号: 17-02-11
                        名称: 信息11
                        公开内容: 信息11
                        公开时限: 信息形成之日起1个工作日内
                      - 编号: 17-02-12
                        名称: 信息12
                        公开内容: 信息12
                        公开时限: ↓及时
                """))
        #expect(TimeLimitRule.recentTexts == 8, "the example is built for eight kept texts")
        let vague = run.result.findings.filter { $0.code == "time-limit-vague" }
        #expect(vague.compactMap(\.location.position).sorted() == run.markers.sorted())
        #expect(run.markers.count == 3)
    }
}
