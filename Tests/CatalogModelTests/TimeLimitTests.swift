import CatalogModel
import Testing

struct TimeLimitTests {
    @Test func standardLimit() {
        let limit = TimeLimit.parse("自信息形成或者变更之日起20个工作日内")
        #expect(limit.clauses.count == 1)
        guard case .within(let span, let anchor) = limit.clauses[0].kind else {
            Issue.record("not a deadline: \(limit.clauses)")
            return
        }
        #expect(span.amount == 20)
        #expect(span.unit == .workingDays)
        #expect(anchor.kind == .formedOrChanged)
        #expect(span.range == 12..<18)
        #expect(limit.maximumWorkingDays == 20)
        #expect(limit.deadlines(longerThan: 20).isEmpty)
    }

    @Test func chineseNumeralsAndFullWidthDigits() {
        let a = TimeLimit.parse("作出决定之日起七个工作日内")
        #expect(a.deadlines.first?.span.amount == 7)
        #expect(a.deadlines.first?.anchor.kind == .decision)
        let b = TimeLimit.parse("批准后二十日内")
        #expect(b.deadlines.first?.span.amount == 20)
        #expect(b.deadlines.first?.span.unit == .days)
        #expect(b.deadlines.first?.span.range == 3..<6)  // 二十日 in the original text
        let c = TimeLimit.parse("形成后３０日内")
        #expect(c.deadlines.first?.span.amount == 30)
        let d = TimeLimit.parse("一百二十日内")
        #expect(d.deadlines.first?.span.amount == 120)
        let e = TimeLimit.parse("十五个工作日内")
        #expect(e.deadlines.first?.span.amount == 15)
    }

    @Test func calendarDaysAndMonthsAgainstTwentyWorkingDays() {
        #expect(TimeLimit.parse("自信息形成之日起30日内").deadlines(longerThan: 20).count == 1)
        #expect(TimeLimit.parse("自信息形成之日起28日内").deadlines(longerThan: 20).isEmpty)
        #expect(TimeLimit.parse("形成后1个月内").deadlines(longerThan: 20).count == 1)
        #expect(TimeLimit.parse("批复后20日内").deadlines(longerThan: 20).isEmpty)
        // A reply to a request is not a proactive deadline.
        #expect(TimeLimit.parse("自收到申请之日起30个工作日内").deadlines(longerThan: 20).isEmpty)
    }

    @Test func formsThatAreNotDeadlines() {
        let kinds = { (text: String) in TimeLimit.parse(text).clauses.map(\.kind) }
        #expect(kinds("实时公开") == [.realTime])
        #expect(kinds("及时公开") == [.promptly])
        #expect(kinds("长期公开") == [.longTerm])
        #expect(kinds("每年3月31日前") == [.periodic(.year, due: TimeLimit.MonthDay(month: 3, day: 31))])
        #expect(kinds("每季度") == [.periodic(.quarter, due: nil)])
        #expect(kinds("按欠税公告办法规定的期限定期公告") == [.asPrescribed])
        #expect(kinds("随中标、成交结果同时公告") == [.promptly])
        if case .minimumPeriod(let span) = TimeLimit.parse("公示期不少于7日").clauses.first?.kind {
            #expect(span.amount == 7)
        } else {
            Issue.record("公示期不少于7日 is a minimum period")
        }
        if case .before(let span, _) = TimeLimit.parse("招聘会举办5个工作日前").clauses.first?.kind {
            #expect(span?.amount == 5)
        } else {
            Issue.record("招聘会举办5个工作日前 is before an event")
        }
        if case .before = TimeLimit.parse("投标、拍卖或者挂牌开始日前至少20日发布").clauses.first?.kind {
        } else {
            Issue.record("开始日前至少20日 is before an event")
        }
        if case .upon = TimeLimit.parse("作出房屋征收决定后公告").clauses.first?.kind {
        } else {
            Issue.record("作出决定后公告 is upon an event")
        }
    }

    @Test func severalClausesAndLawPrevails() {
        let limit = TimeLimit.parse("信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的，从其规定。")
        #expect(limit.lawMayPrevail)
        #expect(limit.deadlines.count == 1)
        let mixed = TimeLimit.parse("1.除处罚决定外其他内容：长期公开（动态调整）；2.处罚决定：20个工作日内")
        #expect(mixed.clauses.count == 2)
        #expect(mixed.clauses[0].kind == .longTerm)
        #expect(mixed.deadlines.first?.span.amount == 20)
        let two = TimeLimit.parse("信息形成之日起20个工作日内；行政许可和行政处罚决定作出后7个工作日内")
        #expect(two.deadlines.map(\.span.amount) == [20, 7])
        #expect(two.maximumWorkingDays == 20)
    }

    @Test func unrecognized() {
        #expect(!TimeLimit.parse("视情况而定").isRecognized)
        #expect(TimeLimit.parse("视情况而定").maximumWorkingDays == nil)
        #expect(TimeLimit.parse("20个工作日").isRecognized)
    }

    @Test func everyBaselineFormIsRead() {
        // Forms found in the national baseline catalogs.
        let forms = [
            "信息形成（变更）20个工作日内", "本级政府财政部门批复后20日内", "按进展情况及时公开", "制定或获取信息之日起10个工作日内",
            "采购活动开始前公示，公示期不得少于5个工作日", "自收到征收土地批准文件之日起15个工作日内", "正式披露信息时间不少于20个工作日",
            "收到评标报告之日起3日内公示，公示期不得少于3日", "提前一周发通知邀请", "报送审批前公告，公告时间不少于30日",
            "征求公众意见期限不少于30日；征求意见情况和修改情况及时公布", "合同签订之日起2个工作日内",
            "中标、成交供应商确定之日起2个工作日内，公告期限为1个工作日", "分配结果确定后20个工作日内",
        ]
        for form in forms {
            let limit = TimeLimit.parse(form)
            #expect(limit.isRecognized, "\(form)")
            #expect(limit.deadlines(longerThan: 20).isEmpty, "\(form)")
        }
    }
}

struct TimeLimitComparisonTests {
    @Test func comparisons() {
        #expect(TimeLimit.compare(old: "自信息形成之日起20个工作日内", new: "自信息形成之日起30个工作日内") == .longer)
        #expect(TimeLimit.compare(old: "自信息形成之日起20个工作日内", new: "自信息形成之日起二十个工作日内") == .same)
        #expect(TimeLimit.compare(old: "20个工作日内", new: "10个工作日内") == .shorter)
        #expect(TimeLimit.compare(old: "20个工作日内", new: "28日内") == .undecidable)
        #expect(TimeLimit.compare(old: "20个工作日内", new: "20日内") == .shorter)
        #expect(TimeLimit.compare(old: "20个工作日内", new: "2个月内") == .longer)
        #expect(TimeLimit.compare(old: "实时公开", new: "20个工作日内") == .longer)
        #expect(TimeLimit.compare(old: "每月", new: "每季度") == .longer)
        #expect(TimeLimit.compare(old: "招聘会举办5个工作日前", new: "招聘会举办3个工作日前") == .longer)
        #expect(TimeLimit.compare(old: "及时公开", new: "长期公开") == .undecidable)
        #expect(TimeLimit.compare(old: "自信息形成之日起20个工作日内", new: "自信息形成之日起20个工作日内。") == .same)
    }
}
