import CatalogImport
import CatalogModel
import Diagnostics
import Testing

/// 编号 from the baseline: exact, by similarity with the score, splits reported, local numbers otherwise.
struct IdentityTests {
    static func catalog(_ rows: [(group: String, name: String, content: String)]) -> ImportedCatalog {
        let cells =
            [["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式"]]
            + rows.map { [$0.group, $0.name, $0.content, "《就业促进法》", "20个工作日内", "县人社局", "政府网站", "全社会", "主动"] }
        let table = SourceTable(fileName: "t.csv", kind: .csv, rows: cells.map { $0.map { SourceCell($0) } })
        var notes: [ImportNote] = []
        return TableReader().read(SourceDocument(fileName: "t.csv", tables: [table]), notes: &notes)[0]
    }

    @Test func exactSimilarSplitAndLocal() throws {
        let domain = try #require(DomainRegistry.pilot.domain(named: "就业"))
        let baseline = try #require(Baseline.catalog(for: domain))
        let first = try #require(baseline.groups.first)
        let (a, b) = (first.items[0], first.items[1])
        var catalog = Self.catalog([
            (first.name.value, a.name.value, a.content.value),  // exact
            (first.name.value, b.name.value + "服务", b.content.value),  // similar
            (first.name.value, b.name.value + "（线上）", b.content.value),  // the same baseline item again: a split
            ("本县特色服务", "零工市场信息", "零工岗位、报酬、联系方式"),  // nothing like it
        ])
        var notes: [ImportNote] = []
        IdentityMatcher().assign(&catalog, baseline: baseline, domainCode: "17", notes: &notes)
        #expect(catalog.items[0].id == a.id.value)
        let ids = [catalog.items[1].id, catalog.items[2].id]
        #expect(ids.contains(b.id.value))
        let split = try #require(notes.first { $0.code == "import-split-item" })
        #expect(split.level == .warning && split.message.zh.contains(b.id.value) && split.message.zh.contains("%"))
        #expect(notes.filter { $0.code == "import-similar-match" }.count == 1)
        #expect(catalog.items[3].id == "L17-02-01")
        // Local numbers never repeat one in use.
        let all = catalog.items.compactMap(\.id)
        #expect(Set(all).count == all.count && all.count == 4)
    }
}
