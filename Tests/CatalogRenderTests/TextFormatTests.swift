import CatalogModel
import Foundation
import Testing
@testable import CatalogRender

@Suite struct TextFormatTests {
    let table = CatalogTable(Fixtures.employment)

    @Test func markdownHasOneLinePerItemAndBlankMergedCells() {
        let md = MarkdownRenderer.render(table)
        let rows = md.split(separator: "\n").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| ---") && !$0.hasPrefix("| :-:")
        }
        #expect(rows.count == 1 + 3)
        #expect(rows[0].contains("公开对象：全社会"))
        #expect(rows[2].hasPrefix("| 2 | 就业服务 |"))
        #expect(rows[3].hasPrefix("| 3 |  | 失业登记人员名单 |"))
        #expect(md.hasPrefix("# 示例县星海镇就业领域基层政务公开标准目录\n"))
    }

    @Test func markdownEscapesMarkupAndPipes() {
        let md = MarkdownRenderer.render(CatalogTable(Fixtures.hostile))
        #expect(!md.contains("<script>"))
        #expect(!md.contains("<img"))
        #expect(md.contains("&lt;script&gt;"))
        #expect(md.contains("正常事项 \\| 竖线 \\*星号\\*"))
        #expect(!md.contains("\u{0}"))
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            // Every table line has the same number of unescaped pipes.
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(cells == CatalogTable(Fixtures.hostile).columns.count + 1)
        }
    }

    @Test func csvHasBOMHeaderAndOneRecordPerItem() throws {
        let bytes = CSVRenderer.render(table)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let records = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == 4)
        #expect(records[0] == CSVRenderer.header.joined(separator: ","))
        #expect(records[3].hasPrefix("3,17-02-03,就业服务,失业登记人员名单,"))
    }

    @Test func csvQuotesAndNeutralisesFormulas() throws {
        let text = String(decoding: CSVRenderer.render(CatalogTable(Fixtures.hostile)).dropFirst(3), as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\""))
        #expect(text.contains(",'-1+1,"))
        #expect(text.contains("\"第一行\n第二行，含逗号,和\"\"引号\"\"\""))
        #expect(text.contains("'+SUM(1,2)") && text.contains("'\t=1+1"))
    }

    @Test func jsonIsTheResolvedModel() throws {
        let json = JSONRenderer.render(table)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["格式"] as? String == "gkml-output/1")
        let items = try #require(object["事项"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items[0]["公开渠道"] as? [String] == ["政府网站", "两微一端", "公开查阅点", "其他：县人社局微信公众号"])
        #expect(items[2]["公开方式"] as? String == "依申请")
        #expect(items[2]["不主动公开理由"] as? String == "涉及个人信息，仅向本人及利害关系人提供")
        #expect(JSONRenderer.render(table) == json)
    }
}
