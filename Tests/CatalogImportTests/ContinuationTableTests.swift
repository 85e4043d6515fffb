import CatalogImport
import CatalogModel
import Foundation
import Testing

/// A Word table split across pages as several tables that repeat the header is one catalog (docs/import.md).
@Suite struct ContinuationTableTests {
    /// A clerk's Word file, typed with python-docx: one catalog split over two tables (the second under 续表, its
    /// first row repeating the label of a 一级事项 the break cut), then another domain's table under its own title.
    static let script = """
        import sys, docx
        d = docx.Document()
        head = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式"]
        def table(rows):
            t = d.add_table(rows=1 + len(rows), cols=len(head))
            for c, text in enumerate(head): t.cell(0, c).text = text
            for r, row in enumerate(rows, start=1):
                for c, text in enumerate(row): t.cell(r, c).text = text
        def row(n, group, name):
            return [str(n), group, name, name + "的内容", "《就业促进法》", "20个工作日内", "星海镇人民政府", "政府网站", "全社会", "主动"]
        d.add_paragraph("星海镇就业领域基层政务公开标准目录")
        table([row(1, "政策文件", "法规文件"), row(2, "就业服务", "岗位信息")])
        d.add_paragraph("续表")
        table([row(3, "就业服务", "职业介绍"), row(4, "就业援助", "援助对象认定")])
        d.add_paragraph("星海镇社会救助领域基层政务公开标准目录")
        table([row(1, "最低生活保障", "办事指南")])
        d.save(sys.argv[1])
        """

    @Test func tablesThatRepeatTheHeaderAreOneCatalog() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("星海镇.docx")
        try Support.python(Self.script, [file.path])
        var request = Importer.Request(files: [file.path], into: folder.path)
        request.level = .township
        let result = try Importer(request).run()
        #expect(result.failures.isEmpty)
        try #require(result.outputs.count == 2, "\(result.outputs.map(\.source.zh)) \(result.notes.map(\.message.zh))")
        let employment = result.outputs[0]
        #expect(employment.domain == "就业")
        #expect(employment.items.map(\.name) == ["法规文件", "岗位信息", "职业介绍", "援助对象认定"])
        // 就业服务 cut by the page break is one 一级事项, not two.
        #expect(employment.items.map(\.group) == ["政策文件", "就业服务", "就业服务", "就业援助"])
        #expect(employment.text.components(separatedBy: "一级事项: 就业服务").count == 2, "\(employment.text)")
        // Places name the Word table the row is in.
        #expect(employment.items[2].place.zh == "星海镇.docx：表格 2 第 2 行")
        // A table under its own title is another catalog.
        #expect(result.outputs[1].domain == "社会救助")
        #expect(result.outputs[1].items.map(\.name) == ["办事指南"])
    }
}
