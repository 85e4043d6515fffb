import CatalogModel
import Testing

/// The comparisons the diff's time-limit regression check relies on (the parser itself is CatalogModel's).
@Suite struct TimeLimitComparisonTests {
    @Test(arguments: [
        ("20个工作日内", "15个工作日内", TimeLimit.Comparison.shorter),
        ("15个工作日内", "20个工作日内", .longer),
        ("自信息形成之日起20个工作日内", "自信息形成之日起二十个工作日内", .same),
        ("20个工作日内", "20日内", .shorter),
        ("5个工作日内", "10日内", .longer),
        ("7个工作日内", "10日内", .undecidable),
        ("实时", "及时", .longer),
        ("及时", "实时", .shorter),
        ("实时", "5个工作日内", .longer),
        ("及时", "5个工作日内", .undecidable),
        ("招聘会举办5个工作日前", "招聘会举办7个工作日前", .shorter),
        ("招聘会举办7个工作日前", "招聘会举办3个工作日前", .longer),
        ("每月", "每季度", .longer),
        ("每年", "每季度", .shorter),
        ("长期公开", "20个工作日内", .undecidable),
        ("20个工作日内", "20个工作日内。", .same),
    ])
    func compares(_ old: String, _ new: String, _ expected: TimeLimit.Comparison) {
        #expect(TimeLimit.compare(old: old, new: new) == expected, "\(old) → \(new)")
    }
}
