import Foundation
import Testing
@testable import HTMLDocument

private let fixtures = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/html")

@Suite struct HTMLDocumentTests {
    @Test func recoversFromMalformedMarkup() throws {
        // Unclosed <li> and <p>, a stray </div>, an unquoted attribute, entities: libxml2 repairs them.
        let doc = try HTMLDocument(
            string: """
                <html><head><title> 通知&amp;公告 </title></head><body>
                <ul class="list news"><li><a href=/a/1.html>第一条&nbsp;通知</a><span>2024-05-14</span>
                <li><a href="/a/2.html">第二条</a><span>2024/05/13</span></div>
                </ul><p>结尾<br>换行
                </body></html>
                """)
        #expect(doc.title == "通知&公告")
        let items = doc.elements(named: "li")
        #expect(items.count == 2)
        #expect(items.map { $0.firstDescendant(named: "a")?.attribute("HREF") } == ["/a/1.html", "/a/2.html"])
        #expect(items[0].normalizedText == "第一条 通知2024-05-14")
        #expect(items[1].firstDescendant(named: "span")?.text == "2024/05/13")
        #expect(doc.elements(named: "ul").first?.classNames == ["list", "news"])
        #expect(doc.elements(named: "p").first?.text.contains("结尾\n换行") == true)
        #expect(items[0].line == 2)
    }

    @Test func scriptAndStyleAreNotText() throws {
        let doc = try HTMLDocument(string: "<div>可见<script>var a = '<b>不可见</b>';</script><style>p{}</style>文字</div>")
        #expect(doc.elements(named: "div").first?.normalizedText == "可见文字")
    }

    @Test func metaTagsByNameCaseInsensitive() throws {
        let doc = try HTMLDocument(
            string: """
                <head><meta name="PubDate" content="2024-10-15 09:30"><meta name="columnname" content="政策文件">
                <META NAME="ContentSource" CONTENT="示例县人民政府办公室"></head>
                """)
        #expect(doc.meta("pubdate") == "2024-10-15 09:30")
        #expect(doc.meta("ColumnName") == "政策文件")
        #expect(doc.meta("ContentSource") == "示例县人民政府办公室")
        #expect(doc.meta("Keywords") == nil)
    }

    @Test func gbkPageLabelledGB2312DecodesCharactersOutsideGB2312() throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("gbk-mislabelled-gb2312.html"))
        #expect(String(data: data, encoding: .utf8) == nil, "the fixture must really be GBK bytes")
        let doc = try HTMLDocument(data: data)
        #expect(doc.encoding == "GB18030")
        #expect(doc.title == "关于做好2024年春节期间有关工作的通知_朱镕基故居")
        #expect(doc.meta("ColumnName") == "通知公告")
        #expect(doc.elements(named: "p").first?.normalizedText == "镕、堃、珺：GBK 中有而 GB2312 中没有的字。")
        #expect(doc.elements(named: "span").first?.text == "11370000MB0000000X/2024-00001")
    }

    @Test func unlabelledGBKBytesFallBackToGB18030() throws {
        // Drop the label: the bytes are not UTF-8, so they are read as GB18030.
        let raw = try Data(contentsOf: fixtures.appendingPathComponent("gbk-mislabelled-gb2312.html"))
        let label = Data("charset=gb2312".utf8), blank = Data("charset=      ".utf8)
        let range = try #require(raw.range(of: label))
        var unlabelled = raw
        unlabelled.replaceSubrange(range, with: blank)
        #expect(HTMLDocument.declaredCharset(in: unlabelled) == nil)
        let doc = try HTMLDocument(data: unlabelled)
        #expect(doc.encoding == "GB18030")
        #expect(doc.title?.hasPrefix("关于做好2024年春节") == true)
    }

    @Test func outsideLabelWinsOverMeta() throws {
        let page = Data("<meta charset=\"gbk\"><title>标题</title>".utf8)
        #expect(HTMLDocument.declaredCharset(in: page) == "gbk")
        #expect(try HTMLDocument(data: page, encoding: "utf-8").title == "标题")
        // Without the outside label the page's own (wrong) label would garble the UTF-8 bytes.
        #expect(try HTMLDocument(data: page).title != "标题")
    }

    @Test func declaredCharsetForms() {
        #expect(
            HTMLDocument.declaredCharset(
                in: Data("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=GBK'>".utf8)) == "gbk")
        #expect(HTMLDocument.declaredCharset(in: Data("<meta charset = utf-8 >".utf8)) == "utf-8")
        #expect(HTMLDocument.declaredCharset(in: Data("<meta name=x content=y><p>charset=gbk</p>".utf8)) == nil)
        #expect(HTMLDocument.canonicalEncoding("GB2312") == "GB18030")
        #expect(HTMLDocument.canonicalEncoding(" \"UTF8\" ") == "UTF-8")
    }

    @Test func emptyAndTextOnlyInputsParse() throws {
        let empty = try HTMLDocument(data: Data())
        #expect(empty.root.name == "html")
        #expect(empty.root.normalizedText == "")
        let bare = try HTMLDocument(string: "只有文字")
        #expect(bare.root.normalizedText == "只有文字")
    }

    @Test func spansFollowBrowserRules() throws {
        let doc = try HTMLDocument(
            string: "<table><tr><td rowspan=0>a<td colspan='abc'>b<td colspan=' 2px'>c<td rowspan=99999>d</table>")
        let cells = doc.elements(named: "td")
        #expect(cells.map(\.rowspan) == [1, 1, 1, 1000])
        #expect(cells.map(\.colspan) == [1, 1, 2, 1])
    }

    @Test func tableGridExpandsRowspanAndColspan() throws {
        // The shape of a catalog table: a merged 事项类别 column and a two-column 公开渠道 header.
        let doc = try HTMLDocument(
            string: """
                <table border=1>
                <thead><tr><th rowspan=2>序号</th><th rowspan=2>事项</th><th colspan=2>公开渠道</th></tr>
                <tr><th>政府网站</th><th>公示栏</th></tr></thead>
                <tbody>
                <tr><td>1</td><td rowspan=2>就业政策<br>法规</td><td>√</td><td></td></tr>
                <tr><td>2</td><td>√</td><td>√</td></tr>
                <tr><td>3</td><td>招聘会</td><td colspan=2>√（均可）</td></tr>
                <tr><td>4</td><td>
                  <table><tr><td>嵌套表格不算</td></tr></table></td></tr>
                </tbody></table>
                """)
        let table = try #require(doc.elements(named: "table").first)
        let grid = HTMLTableGrid(table: table)
        #expect(grid.columnCount == 4)
        #expect(
            grid.texts == [
                ["序号", "事项", "公开渠道", "公开渠道"],
                ["序号", "事项", "政府网站", "公示栏"],
                ["1", "就业政策 法规", "√", ""],
                ["2", "就业政策 法规", "√", "√"],
                ["3", "招聘会", "√（均可）", "√（均可）"],
                ["4", "嵌套表格不算"],
            ])
        let spanned = try #require(grid.rows[3][1])
        #expect(!spanned.isOrigin && spanned.originRow == 2 && spanned.originColumn == 1)
        #expect(grid.rows[2][1]?.isOrigin == true)
    }

    @Test func rowspanPastTheLastRowIsClipped() throws {
        let doc = try HTMLDocument(string: "<table><tr><td rowspan=5>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
        let grid = HTMLTableGrid(table: try #require(doc.elements(named: "table").first))
        #expect(grid.rows.count == 2)
        #expect(grid.texts == [["a", "b"], ["a", "c"]])
    }
}
