import Testing

@testable import CatalogModel

/// `CatalogDecoder.decodeItem` finds each key's pair in one pass: every field comes from its own key, in any
/// order, and a field the item does not write comes from 默认.
@Suite struct CatalogDecoderTests {
    static let text =
        CatalogFixture.employmentHead + """
              - 一级事项: 甲
                二级事项:
                  - 备注: 先写备注
                    公开渠道: [两微一端, "其他：县融媒体中心"]
                    公开内容: 内容一
                    名称: 名称一
                    编号: JY-01-01
                  - 编号: JY-01-02
                    名称: 名称二
                    公开内容: 内容二
                    公开层级: [县级, 乡级]

            """

    @Test func eachFieldComesFromItsKey() throws {
        let loaded = CatalogLoader.load(bytes: Array(Self.text.utf8), file: "order.yaml")
        let items = try #require(loaded.catalog).items
        #expect(items.map(\.id.value) == ["JY-01-01", "JY-01-02"])
        #expect(items.map(\.name.value) == ["名称一", "名称二"])
        #expect(items.map(\.content.value) == ["内容一", "内容二"])
        #expect(items.map { $0.remark?.value } == ["先写备注", nil])
        #expect(items[0].channels.value.map(\.value) == [.standard(.microBlogWeChatApp), .other(name: "县融媒体中心")])
        #expect(!items[0].channels.inherited && items[1].channels.inherited)
        #expect(items[1].channels.value.map(\.value) == [.standard(.governmentWebsite)])
        #expect(items[1].levels.value.map(\.value) == [.county, .township] && !items[1].levels.inherited)
        #expect(items[0].levels.inherited && items[0].timeLimit.inherited)
        #expect(items[0].id.position.line == 22 && items[1].name.position.line == 24)
    }

    /// A list keeps its own position and each entry's (the decoder reads the entries in place).
    @Test func listEntriesKeepTheirPositions() throws {
        let loaded = CatalogLoader.load(bytes: Array(Self.text.utf8), file: "order.yaml")
        let items = try #require(loaded.catalog).items
        let root = try #require(loaded.tree)
        let item = try #require(root["事项"]?.sequence?[0]["二级事项"]?.sequence)
        let channels = try #require(item[0]["公开渠道"])
        #expect(items[0].channels.position == channels.start)
        #expect(items[0].channels.value.map(\.position) == channels.sequence?.map(\.start))
        let levels = try #require(item[1]["公开层级"])
        #expect(items[1].levels.position == levels.start)
        #expect(items[1].levels.value.map(\.position) == levels.sequence?.map(\.start))
        let basis = try #require(root["默认"]?["公开依据"])
        #expect(items[1].basis.value.map(\.position) == basis.sequence?.map(\.start))
        #expect(Set(items[0].channels.value.map(\.position)).count == 2)
    }
}
