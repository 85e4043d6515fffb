import CatalogModel
import Foundation
import HTMLDocument
import Testing
@testable import CatalogAudit

private let site = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/audit/site")
private let asOf = CivilDate("2024-12-02")!
private func d(_ s: String) -> CivilDate { CivilDate(s)! }

private func page(_ path: String) throws -> HTMLDocument {
    try HTMLDocument(data: try Data(contentsOf: site.appendingPathComponent(path)))
}

@Suite struct PageReadingTests {
    @Test func datesInTheFormsPagesPrint() {
        #expect(DateText.firstDate(in: "2024-05-14") == d("2024-05-14"))
        #expect(DateText.firstDate(in: "发布时间：2024/5/4 10:00") == d("2024-05-04"))
        #expect(DateText.firstDate(in: "2024年04月06日 16:40") == d("2024-04-06"))
        #expect(DateText.firstDate(in: "[2024.07.15]") == d("2024-07-15"))
        #expect(DateText.firstDate(in: "示人社发〔2024〕9号") == nil)
        #expect(DateText.firstDate(in: "2024-02-30") == nil)
        #expect(DateText.monthDay(in: "[11-18]", asOf: asOf) == d("2024-11-18"))
        // A month-day after the audit date belongs to the year before.
        #expect(DateText.monthDay(in: "（12-20）", asOf: asOf) == d("2023-12-20"))
    }

    @Test func trsListWithPager() throws {
        let url = URL(string: "http://127.0.0.1:8000/xxgk/zcwj/")!
        let list = ListPage(document: try page("xxgk/zcwj/index.html"), url: url, asOf: asOf)
        #expect(list.entries.map(\.date) == [d("2024-11-20"), d("2024-10-30"), d("2024-10-23"), d("2024-02-26")])
        #expect(list.entries[1].title == "关于做好2024年高校毕业生等青年就业创业工作的通知")
        #expect(list.entries[1].url.absoluteString == "http://127.0.0.1:8000/xxgk/zcwj/202410/t20241030_1002.html")
        #expect(list.nextPage?.absoluteString == "http://127.0.0.1:8000/xxgk/zcwj/index_1.html")
        #expect(list.noInformationNotice == nil)
        #expect(!list.looksLikeArticle)
        let last = ListPage(
            document: try page("xxgk/zcwj/index_2.html"), url: url.appendingPathComponent("index_2.html"), asOf: asOf)
        #expect(last.nextPage == nil)
    }

    @Test func gbkTableListWithQueryPagination() throws {
        let url = URL(string: "http://127.0.0.1:8000/xxgk/zpxx/")!
        let document = try page("xxgk/zpxx/index.html")
        #expect(document.encoding == "GB18030")
        let list = ListPage(document: document, url: url, asOf: asOf)
        #expect(list.entries.map(\.title) == ["示例县2024年秋季大型人才招聘会公告", "示例县公益性岗位招聘公告（第三批）", "示例县就业服务中心“秋风送岗”专场招聘会"])
        #expect(list.entries.map(\.date) == [d("2024-11-05"), d("2024-10-12"), d("2024-09-03")])
        #expect(list.nextPage?.absoluteString == "http://127.0.0.1:8000/xxgk/zpxx/?page=2")
    }

    @Test func linksWrappingTitleAndYearlessDate() throws {
        let list = ListPage(
            document: try page("xhz/zcwj/index.html"), url: URL(string: "http://h/xhz/zcwj/")!, asOf: asOf)
        #expect(list.entries.map(\.title) == ["星海镇2024年就业援助月活动方案", "星海镇关于开展农村劳动力转移就业摸底调查的通知"])
        #expect(list.entries.map(\.date) == [d("2024-11-18"), d("2024-09-10")])
    }

    @Test func divItemsWithDottedDates() throws {
        let list = ListPage(
            document: try page("xhz/jyzj/index.html"), url: URL(string: "http://h/xhz/jyzj/")!, asOf: asOf)
        #expect(list.entries.map(\.date) == [d("2024-07-15"), d("2024-01-12")])
    }

    @Test func emptyListsWithAndWithoutTheNotice() throws {
        let empty = ListPage(
            document: try page("xhz/zpxx/index.html"), url: URL(string: "http://h/xhz/zpxx/")!, asOf: asOf)
        #expect(empty.entries.isEmpty && empty.noInformationNotice == nil && !empty.looksLikeArticle)
        let notice = ListPage(
            document: try page("xhz/gyxgw/index.html"), url: URL(string: "http://h/xhz/gyxgw/")!, asOf: asOf)
        #expect(notice.entries.isEmpty)
        #expect(notice.noInformationNotice == "经核查，本栏目暂无相关信息。")
    }

    @Test func trsScriptPager() throws {
        // TRS WCM writes the pager from a script; the next page is index_{n+1}.html.
        let html = """
            <div class="list"><ul><li><a href="./202405/t20240514_1.html">关于公布2024年就业见习基地的通知</a><span>2024-05-14</span></li></ul>
            <script>createPageHTML(4, 1, "index", "html");</script></div>
            """
        let list = ListPage(
            document: try HTMLDocument(string: html), url: URL(string: "http://h/col/index_1.html")!, asOf: asOf)
        #expect(list.nextPage?.absoluteString == "http://h/col/index_2.html")
        let last = ListPage(
            document: try HTMLDocument(string: html.replacingOccurrences(of: "(4, 1,", with: "(4, 3,")),
            url: URL(string: "http://h/col/index_3.html")!, asOf: asOf)
        #expect(last.nextPage == nil)
    }

    @Test func articleHeadersInThreeLayouts() throws {
        // The 信息公开 table.
        let table = ArticlePage(document: try page("xxgk/zcwj/202410/t20241030_1002.html"))
        #expect(table.header.written == d("2024-09-20"))
        #expect(table.header.published == d("2024-10-30"))
        #expect(table.header.documentNumber == "示人社发〔2024〕9号")
        #expect(table.header.publisher == "示例县人力资源和社会保障局")
        #expect(table.header.indexNumber?.hasPrefix("11000000MB1234567X/2024-") == true)
        #expect(table.metaPubDate == d("2024-10-30"))
        #expect(table.columnName == "政策文件")
        #expect(table.contentSource == "示例县人力资源和社会保障局")
        #expect(table.title == "关于做好2024年高校毕业生等青年就业创业工作的通知")
        // The list form (发文日期 2024年09月20日 16:40).
        let list = ArticlePage(document: try page("xxgk/zcwj/202410/t20241023_1003.html"))
        #expect(list.header.written == d("2024-09-20") && list.header.published == d("2024-10-23"))
        #expect(list.header.documentNumber == "示人社规〔2024〕2号")
        // The bracket form ([成文日期] 2024-02-01).
        let bracket = ArticlePage(document: try page("xxgk/zcwj/202402/t20240226_1004.html"))
        #expect(bracket.header.written == d("2024-02-01") && bracket.header.published == d("2024-02-26"))
        // A township page with only a publication date: nothing to compare.
        let township = ArticlePage(document: try page("xhz/zcwj/202409/t20240910_4002.html"))
        #expect(township.header.written == nil && township.publishedDate == d("2024-09-10"))
        #expect(
            ListPage(
                document: try page("xxgk/zcwj/202410/t20241030_1002.html"), url: URL(string: "http://h/a.html")!,
                asOf: asOf
            ).looksLikeArticle)
    }

    @Test func labelsOnOneLine() throws {
        let doc = try HTMLDocument(string: "<div>索引号：000/2024-01 发布机构：星海镇人民政府 成文日期：2024-10-08 发布日期：2024-10-09</div>")
        let header = ArticlePage(document: doc).header
        #expect(header.indexNumber == "000/2024-01")
        #expect(header.publisher == "星海镇人民政府")
        #expect(header.written == d("2024-10-08") && header.published == d("2024-10-09"))
    }

    @Test func robotsRules() {
        let text = """
            User-agent: Baiduspider
            Disallow: /

            User-agent: *
            Disallow: /private/
            Disallow: /*.pdf$
            Allow: /private/public/
            """
        let rules = RobotsRules(text: text, agent: "gkml")
        #expect(!rules.allows("/private/xhz/tz/"))
        #expect(rules.allows("/private/public/a.html"))
        #expect(!rules.allows("/files/a.pdf"))
        #expect(rules.allows("/files/a.pdf.html"))
        #expect(rules.allows("/xxgk/zcwj/"))
        #expect(
            !RobotsRules(text: "User-agent: gkml\nDisallow: /\n\nUser-agent: *\nDisallow:\n", agent: "gkml").allows(
                "/x"))
        #expect(RobotsRules.allowAll.allows("/anything"))
    }

    @Test func mirrorFileNamesFollowWget() {
        let mirror = MirrorSource(root: URL(fileURLWithPath: "/m"))
        #expect(
            mirror.files(for: URL(string: "http://127.0.0.1:8080/xxgk/zpxx/?page=2")!).first?.path
                == "/m/127.0.0.1:8080/xxgk/zpxx/index.html?page=2")
        #expect(
            mirror.files(for: URL(string: "http://www.example.gov.cn/xxgk/")!).first?.path
                == "/m/www.example.gov.cn/xxgk/index.html")
        #expect(
            mirror.files(for: URL(string: "http://www.example.gov.cn/a/b.html")!).first?.path
                == "/m/www.example.gov.cn/a/b.html")
    }

    @Test func staleAndLateRules() throws {
        let quarterly = TimeLimit.parse("每季度")
        #expect(StaleCheck.isStale(newest: d("2024-09-01"), limit: quarterly, asOf: asOf) == true)
        #expect(StaleCheck.isStale(newest: d("2024-09-02"), limit: quarterly, asOf: asOf) == false)
        let halfYear = TimeLimit.parse("半年至少更新1次")
        #expect(StaleCheck.period(halfYear) == .halfYear)
        #expect(StaleCheck.isStale(newest: d("2024-06-01"), limit: halfYear, asOf: asOf) == true)
        #expect(StaleCheck.period(TimeLimit.parse("自信息形成或者变更之日起20个工作日内")) == nil)

        let twenty = try #require(LateCheck.limit(TimeLimit.parse("自信息形成或者变更之日起20个工作日内")))
        let calendar = WorkingDayCalendar.builtIn
        #expect(
            try LateCheck.judge(written: d("2024-09-20"), published: d("2024-10-30"), limit: twenty, calendar: calendar)
                == (true, 25))
        #expect(
            try LateCheck.judge(written: d("2024-09-20"), published: d("2024-10-23"), limit: twenty, calendar: calendar)
                == (false, 20))
        // Replies to requests are not a publication deadline; events before which to publish are not either.
        #expect(LateCheck.limit(TimeLimit.parse("收到申请之日起20个工作日内")) == nil)
        #expect(LateCheck.limit(TimeLimit.parse("招聘会举办5个工作日前")) == nil)
        let sevenDays = try #require(LateCheck.limit(TimeLimit.parse("作出决定之日起7日内")))
        #expect(
            try LateCheck.judge(
                written: d("2024-09-28"), published: d("2024-10-08"), limit: sevenDays, calendar: calendar
            ).late)
    }
}
