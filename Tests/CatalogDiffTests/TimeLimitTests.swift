import CatalogDiff
import Testing

@Suite struct TimeLimitTests {
    @Test(arguments: [
        ("自信息形成或者变更之日起20个工作日内", TimeLimit.within(.init(20, .workingDay))),
        ("信息形成之日起二十个工作日内", .within(.init(20, .workingDay))),
        ("１５个工作日内", .within(.init(15, .workingDay))),
        ("10日内", .within(.init(10, .day))),
        ("办结后七天内", .within(.init(7, .day))),
        ("3个月内", .within(.init(3, .month))),
        ("招聘会举办5个工作日前", .advance(.init(5, .workingDay))),
        ("提前3日", .advance(.init(3, .day))),
        ("实时", .immediate),
        ("即时公开", .immediate),
        ("及时", .prompt),
        ("每季度", .periodic(.init(1, .quarter))),
        ("每年3月底前公开上年度情况", .periodic(.init(1, .year))),
        ("每半年", .periodic(.init(0.5, .year))),
    ])
    func parsesCommonForms(_ text: String, _ expected: TimeLimit) {
        #expect(TimeLimit.parse(text) == expected, "\(text)")
    }

    @Test(arguments: ["长期公开", "按有关规定", "", "自受理之日起20个工作日内，复杂的可延长10日"])
    func leavesOtherFormsUnparsed(_ text: String) {
        #expect(TimeLimit.parse(text) == nil, "\(text)")
    }

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
