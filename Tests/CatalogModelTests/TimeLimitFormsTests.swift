import Foundation
import CatalogModel
import Testing

/// The time-limit wordings of real tables and the national guides (issue 10 §4), each with its meaning.
struct TimeLimitFormsTests {
    func kinds(_ text: String) -> [TimeLimit.Kind] { TimeLimit.parse(text).clauses.map(\.kind) }

    @Test func halfYearWithOrWithoutEvery() {
        for text in ["半年至少更新1次", "每半年至少更新1次"] {
            guard case .periodic(.halfYear, _)? = kinds(text).first else {
                Issue.record("\(text): \(kinds(text))")
                continue
            }
            #expect(TimeLimit.parse(text).maximumWorkingDays == TimeLimit.Period.halfYear.workingDays)
        }
    }

    @Test func periodsAndDueDates() {
        guard case .periodic(.quarter, nil)? = kinds("每季度").first else {
            Issue.record("每季度: \(kinds("每季度"))")
            return
        }
        guard case .periodic(.year, let due?)? = kinds("每年1月底前").first else {
            Issue.record("每年1月底前: \(kinds("每年1月底前"))")
            return
        }
        #expect(due.month == 1)
        #expect(due.day == nil)
    }

    @Test func standingAndRealTime() {
        #expect(kinds("常态化") == [.longTerm])
        #expect(kinds("实时") == [.realTime])
    }

    @Test func deadlinesWithTheirAnchors() {
        let cases: [(String, Int, TimeLimit.AnchorKind)] = [
            ("制定或获取信息之日起10个工作日内", 10, .formedOrChanged),
            ("分配结果确定后20个工作日内", 20, .event),
            ("信息形成之日起5个工作日内", 5, .formedOrChanged),
        ]
        for (text, amount, anchor) in cases {
            let limit = TimeLimit.parse(text)
            #expect(limit.deadlines.count == 1, "\(text)")
            #expect(limit.deadlines.first?.span.amount == amount, "\(text)")
            #expect(limit.deadlines.first?.span.unit == .workingDays, "\(text)")
            #expect(limit.deadlines.first?.anchor.kind == anchor, "\(text)")
            #expect(limit.deadlines(longerThan: 20).isEmpty, "\(text): not longer than 20 working days")
        }
    }

    @Test func noticeBeforeAnEventAndAPublicationPeriod() {
        guard case .before(let span?, _)? = kinds("活动举办前10个工作日").first else {
            Issue.record("活动举办前10个工作日: \(kinds("活动举办前10个工作日"))")
            return
        }
        #expect(span.amount == 10)
        guard case .minimumPeriod(let period)? = kinds("公示7个工作日").first else {
            Issue.record("公示7个工作日: \(kinds("公示7个工作日"))")
            return
        }
        #expect(period.amount == 7)
        // mdx.gov.cn 社会救助: a deadline then a publication period.
        let both = TimeLimit.parse("制定或获取信息之日起10个工作日内，公示7个工作日")
        #expect(both.deadlines.map(\.span.amount) == [10])
        #expect(both.deadlines(longerThan: 20).isEmpty)
    }

    @Test func vagueLimits() {
        for text in ["及时", "按要求", "按规定", "及时公开", "按有关规定", "按要求公开"] {
            #expect(TimeLimit.parse(text).isVague, "\(text)")
        }
        for text in ["按《政府采购信息发布管理办法》规定的期限", "重大决策作出后及时公开", "自信息形成或者变更之日起20个工作日内", "实时"] {
            #expect(!TimeLimit.parse(text).isVague, "\(text)")
        }
    }

    @Test func acceptedFormsAreAllRecognized() {
        for form in TimeLimit.acceptedForms {
            #expect(TimeLimit.parse(form.replacingOccurrences(of: "（每）", with: "")).isRecognized, "\(form)")
        }
    }
}
