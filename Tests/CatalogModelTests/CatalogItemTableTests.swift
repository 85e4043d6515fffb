import Testing

@testable import CatalogModel

/// `CatalogItemTable` reads the items in place in their groups: it must give them in table order, across groups
/// of any size (an empty one included), exactly as `Catalog.items` flattens them.
@Suite struct CatalogItemTableTests {
    static let text =
        CatalogFixture.employmentHead + """
              - 一级事项: 甲
                二级事项:
                  - {编号: JY-01-01, 名称: 一, 公开内容: 内容}
                  - {编号: JY-01-02, 名称: 二, 公开内容: 内容}
              - 一级事项: 乙
                二级事项:
                  - {编号: JY-02-01, 名称: 三, 公开内容: 内容}
              - 一级事项: 丙
                二级事项:
                  - {编号: JY-03-01, 名称: 四, 公开内容: 内容}
                  - {编号: JY-03-02, 名称: 五, 公开内容: 内容}
                  - {编号: JY-03-03, 名称: 六, 公开内容: 内容}

            """

    @Test func itemsInTableOrderAcrossGroups() throws {
        var catalog = try #require(CatalogLoader.load(bytes: Array(Self.text.utf8), file: "table.yaml").catalog)
        // A group without items (the decoder never makes one, a program may) holds no place in the table.
        catalog.groups.insert(ItemGroup(name: catalog.groups[0].name, items: []), at: 1)
        let table = catalog.itemTable
        let ids = ["JY-01-01", "JY-01-02", "JY-02-01", "JY-03-01", "JY-03-02", "JY-03-03"]
        #expect(table.count == ids.count)
        #expect(table.indices.map { table[$0].id.value } == ids)
        #expect(table.indices.map { table[$0].group.value } == ["甲", "甲", "乙", "丙", "丙", "丙"])
        #expect(Array(table) == catalog.items)
    }

    @Test func emptyCatalogHasNoItems() {
        let table = CatalogItemTable([])
        #expect(table.isEmpty && table.indices.isEmpty)
    }
}
